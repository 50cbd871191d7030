/**
 * The questions of «Социальный паспорт школы» (docs/методика.md §1.1) as data: what each column holds,
 * whether it is required, and the keywords that recognise its header however a region words it.
 */
import { FIELD_LABELS } from './messages';

export type FieldId = keyof typeof FIELD_LABELS;

export type FieldKind = 'text' | 'territory' | 'count' | 'yesno' | 'list' | 'money' | 'timestamp';

/** 'yes' — the sheet cannot be read without it; 'isbsh' — needed for ИСБШ only; 'no' — optional. */
export type FieldRequirement = 'yes' | 'isbsh' | 'no';

/**
 * How a header is recognised, in terms of the stems that normalizeHeader produces. Every entry is a
 * stem prefix («родител» matches «родител» and «родителя»); an entry ending in «$» must match the
 * whole stem («мо$» is «МО», not «может»); «a|b» means either.
 */
export interface FieldKeywords {
  /** Alternative signatures; a header matches one when every group of it is present. */
  signatures: string[][];
  /** Words that may accompany the field's header; they explain the header without being required. */
  vocabulary: string[];
  /** A header with any of these is never this field (e.g. «труднодоступная» for the territory type). */
  exclude: string[];
}

export interface FieldSpec {
  id: FieldId;
  label: string;
  kind: FieldKind;
  required: FieldRequirement;
  /** For 'count' fields: the count is of students (converted to a share of «Всего обучающихся»). */
  studentShare?: 'isbsh' | 'kdn' | 'ovz';
  keywords: FieldKeywords;
}

/** Stems of «the school», units and count words: they explain a header of any field. */
export const GENERIC_STEMS: readonly string[] = [
  'количество$',
  'обучающиеся$',
  'оо$',
  'организац',
  'образовательн',
  'школ',
  'учрежден',
  'дол$',
  'процент',
  'всег',
  'общ',
  'числ',
  'данн',
  'указ',
  'начал',
  'учебн',
  'год$',
  'текущ',
  'отчетн',
];

const STUDENT_COUNT_VOCABULARY = ['количество$', 'обучающиеся$', 'численн', 'дол$', 'процент'];

function field(
  id: FieldId,
  kind: FieldKind,
  required: FieldRequirement,
  keywords: FieldKeywords,
  studentShare?: FieldSpec['studentShare'],
): FieldSpec {
  return { id, label: FIELD_LABELS[id], kind, required, keywords, ...(studentShare ? { studentShare } : {}) };
}

/** The fields of docs/методика.md §1.1 in the order of the form, plus the Form's own «Отметка времени». */
export const FIELDS: readonly FieldSpec[] = Object.freeze([
  field('timestamp', 'timestamp', 'no', {
    signatures: [['отметк', 'врем'], ['timestamp'], ['дат|врем', 'заполн|отправ|ответ|подач']],
    vocabulary: [],
    exclude: [],
  }),
  field('schoolCode', 'text', 'yes', {
    signatures: [['код'], ['идентификатор'], ['логин'], ['ид$']],
    vocabulary: ['фис', 'око', 'edu'],
    exclude: ['муниципал', 'район', 'округ', 'мо$', 'октмо', 'окато', 'инн$', 'огрн', 'кпп$', 'территор', 'процедур'],
  }),
  field('name', 'text', 'yes', {
    signatures: [['наименован|назван'], ['организац|школ|учрежден']],
    vocabulary: ['полн', 'кратк', 'сокращен', 'официальн'],
    exclude: [
      'код',
      'ид$',
      'идентификатор',
      'логин',
      'муниципал',
      'район',
      'округ',
      'мо$',
      'населен',
      'пункт',
      'тип$',
      'вид$',
      'адрес',
      'количество$',
      'обучающиеся$',
      'педагог',
      'учител',
      'интернет',
      'компьютер',
      'финансир',
      'территор',
      'специалист',
    ],
  }),
  field('municipality', 'text', 'yes', {
    signatures: [['муниципал'], ['район'], ['мо$'], ['округ']],
    vocabulary: ['наименован', 'назван', 'образован', 'городск', 'муниципальн', 'район', 'округ', 'мо$'],
    exclude: ['код', 'тип$', 'вид$', 'населен', 'пункт', 'количество$', 'обучающиеся$', 'координатор'],
  }),
  field('territory', 'territory', 'yes', {
    signatures: [['территор|местност|населен|поселен|расположен'], ['город', 'сел']],
    vocabulary: ['тип$', 'вид$', 'пункт', 'городск', 'сельск', 'город', 'сел', 'расположен', 'наход'],
    exclude: ['труднодоступ', 'удален', 'отдален', 'муниципал', 'наименован', 'назван', 'код'],
  }),
  field('totalStudents', 'count', 'yes', {
    signatures: [['всег|общ|численн|контингент', 'обучающиеся$'], ['количество$', 'обучающиеся$'], ['контингент']],
    vocabulary: [...STUDENT_COUNT_VOCABULARY, 'контингент', 'списочн', 'состав'],
    exclude: ['педагог', 'учител', 'работник', 'сотрудник'],
  }),
  field(
    'bothParentsHigherEd',
    'count',
    'isbsh',
    {
      signatures: [['родител', 'высш']],
      vocabulary: [...STUDENT_COUNT_VOCABULARY, 'оба$', 'образован', 'сем', 'отец', 'име'],
      exclude: ['неполн', 'категор'],
    },
    'isbsh',
  ),
  field(
    'comfortableHousing',
    'count',
    'isbsh',
    {
      signatures: [['благоустро'], ['комфорт', 'жил'], ['жил', 'услов']],
      vocabulary: [...STUDENT_COUNT_VOCABULARY, 'сем', 'прожива', 'жил', 'услов', 'дом', 'квартир', 'комфорт', 'хорош'],
      exclude: [],
    },
    'isbsh',
  ),
  field(
    'singleParent',
    'count',
    'isbsh',
    {
      signatures: [['неполн'], ['одн|один|единствен', 'родител']],
      vocabulary: [...STUDENT_COUNT_VOCABULARY, 'сем', 'воспитыва', 'прожива', 'родител', 'одн', 'один'],
      exclude: ['высш'],
    },
    'isbsh',
  ),
  field(
    'registered',
    'count',
    'isbsh',
    {
      signatures: [['учет']],
      vocabulary: [...STUDENT_COUNT_VOCABULARY, 'состо', 'различн', 'вид$', 'видах', 'внутришкольн', 'профилактич', 'пдн$', 'всех', 'разн'],
      exclude: ['комисси'],
    },
    'isbsh',
  ),
  field(
    'nonNativeRussian',
    'count',
    'isbsh',
    {
      signatures: [['русск|язык', 'родн|неродн'], ['инофон|мигрант|билингв']],
      vocabulary: [...STUDENT_COUNT_VOCABULARY, 'русск', 'язык', 'владе', 'сем', 'инофон', 'мигрант'],
      exclude: [],
    },
    'isbsh',
  ),
  field(
    'kdn',
    'count',
    'no',
    {
      signatures: [['кдн$'], ['комисси', 'несовершеннолет']],
      vocabulary: [...STUDENT_COUNT_VOCABULARY, 'учет', 'состо', 'зп$', 'защит', 'прав', 'дел', 'комисси', 'несовершеннолет'],
      exclude: [],
    },
    'kdn',
  ),
  field(
    'ovz',
    'count',
    'no',
    {
      signatures: [['овз$'], ['ограничен', 'здоров']],
      vocabulary: [...STUDENT_COUNT_VOCABULARY, 'возможност', 'здоров', 'ограничен'],
      exclude: [],
    },
    'ovz',
  ),
  field('remoteTerritory', 'yesno', 'no', {
    signatures: [['труднодоступ|удален|отдален'], ['трудн', 'доступ']],
    vocabulary: ['территор', 'местност', 'располож', 'населен', 'пункт', 'наход', 'ли$'],
    exclude: [],
  }),
  field('teachersTotal', 'count', 'no', {
    signatures: [['педагог|учител|преподавател']],
    vocabulary: ['работник', 'всег', 'количество$', 'численн', 'штат', 'основн', 'сотрудник', 'кадр', 'состав'],
    exclude: ['категор', 'высш', 'квалификац', 'специалист', 'психолог', 'логопед', 'дефектолог', 'социальн', 'доступ', 'интернет'],
  }),
  field('teachersHighestCategory', 'count', 'no', {
    signatures: [['высш', 'категор']],
    vocabulary: ['квалификац', 'педагог', 'учител', 'работник', 'количество$', 'име', 'них$', 'численн', 'дол$', 'процент', 'преподавател'],
    exclude: ['родител'],
  }),
  field('specialists', 'list', 'no', {
    signatures: [['специалист'], ['психолог|логопед|дефектолог']],
    vocabulary: ['штат', 'наличи', 'педагог', 'учител', 'социальн', 'узк', 'психолог', 'логопед', 'дефектолог', 'отмет', 'перечисл'],
    exclude: [],
  }),
  field('stableInternet', 'yesno', 'no', {
    signatures: [['интернет|internet']],
    vocabulary: ['устойчив', 'стабильн', 'доступ', 'скорост', 'подключ', 'наличи', 'высокоскоростн', 'сет', 'выход'],
    exclude: ['компьютер'],
  }),
  field('enoughComputers', 'yesno', 'no', {
    signatures: [['компьютер|пк$|ноутбук'], ['техник', 'достаточн|обеспечен|оснащен']],
    vocabulary: ['достаточн', 'обеспечен', 'оснащен', 'техник', 'наличи', 'процесс', 'оборудован', 'количество$'],
    exclude: ['интернет'],
  }),
  field('fundingPerStudent', 'money', 'no', {
    signatures: [['финансир|норматив|затрат|расход|бюджет']],
    vocabulary: ['одн', 'один', 'обучающиеся$', 'руб', 'тыс', 'подушев', 'размер', 'объем', 'сумм', 'расчет', 'средств', 'год$'],
    exclude: [],
  }),
]);

export const FIELD_IDS: readonly FieldId[] = FIELDS.map((f) => f.id);

const BY_ID = new Map<FieldId, FieldSpec>(FIELDS.map((f) => [f.id, f]));

/** The spec of a field (docs/методика.md §1.1). */
export function fieldSpec(id: FieldId): FieldSpec {
  const spec = BY_ID.get(id);
  if (!spec) throw new Error(`Unknown field id: ${id}`);
  return spec;
}

/** Whether a string is the id of a field of docs/методика.md §1.1 (for mappings read back from storage). */
export function isFieldId(id: unknown): id is FieldId {
  return typeof id === 'string' && BY_ID.has(id as FieldId);
}

/** Names longer than this are kept whole but mentioned in the data check (probably pasted by mistake). */
export const LONG_TEXT_WARNING = 500;
