/**
 * The questions of «Социальный паспорт школы» (docs/методика.md §1.1) as an input schema (src/sheets/input): what
 * each column holds, whether it is required, its canonical title (the form's question) and the corpus of other
 * wordings it is recognised by, and what its values look like.
 */
import { parseCount, parseRussianNumber, parseShare, parseTerritory, parseYesNo } from '../core/numbers';
import { looksLikeSchoolCode } from './input/cells';
import { RESPONSES_VARIANTS } from './input/corpus/responses';
import type { InputField, InputSchema, Requirement } from './input/schema';
import { FIELD_LABELS } from './messages';
import { parseTimestamp } from './timestamps';

export type FieldId = keyof typeof FIELD_LABELS;

export type FieldKind = 'text' | 'territory' | 'count' | 'yesno' | 'list' | 'money' | 'timestamp';

/** 'yes' — the sheet cannot be read without it; 'isbsh' — needed for ИСБШ only; 'no' — optional. */
export type FieldRequirement = Requirement;

export interface FieldSpec extends InputField<FieldId> {
  id: FieldId;
  label: string;
  kind: FieldKind;
  required: FieldRequirement;
  /** For 'count' fields: the count is of students (converted to a share of «Всего обучающихся»). */
  studentShare?: 'isbsh' | 'kdn' | 'ovz';
  /** A yes/no question about one specialist: its answers are combined into «Специалисты в штате» (its canonical name). */
  specialist?: string;
  /** Another way to ask a field: «Сельская школа (да/нет)» gives «Тип территории» («да» → село). */
  standsFor?: FieldId;
  /** Not a question of the add-in's own form (only other regions' forms ask it this way). */
  notInForm?: boolean;
}

/** Whether a value parses without a ValueError and is not «no value». */
function parses(parse: (v: unknown) => unknown): (v: unknown) => boolean {
  return (v) => {
    try {
      return parse(v) !== null;
    } catch {
      return false;
    }
  };
}

const isWords = (v: unknown) => typeof v === 'string' && /[A-Za-zА-Яа-яЁё]{2}/.test(v);
const ACCEPTS: Record<FieldKind, (v: unknown) => boolean> = {
  text: isWords,
  territory: parses(parseTerritory),
  count: (v) => parses(parseCount)(v) || parses((x) => (typeof x === 'string' && x.includes('%') ? parseShare(x) : null))(v),
  yesno: parses(parseYesNo),
  list: (v) => isWords(v) && !parses(parseYesNo)(v),
  money: parses((v) => parseRussianNumber(typeof v === 'string' ? v.replace(/\s*(?:руб(?:лей|\.)?|р\.|₽)\s*$/i, '') : v)),
  timestamp: (v) => v instanceof Date || parses((x) => parseTimestamp(x, 'UTC'))(v),
};

function field(id: FieldId, kind: FieldKind, required: FieldRequirement, extra: Partial<FieldSpec> = {}): FieldSpec {
  return {
    id,
    key: id,
    label: FIELD_LABELS[id],
    title: FIELD_LABELS[id],
    kind,
    required,
    variants: RESPONSES_VARIANTS[id],
    accepts: ACCEPTS[kind],
    ...extra,
  };
}

const part = (id: FieldId, specialist: string) => field(id, 'yesno', 'no', { specialist, notInForm: true });

/** The fields of docs/методика.md §1.1 in the order of the form, plus the Form's own «Отметка времени» and the other forms' ways of asking. */
export const FIELDS: readonly FieldSpec[] = Object.freeze([
  field('timestamp', 'timestamp', 'no'),
  field('schoolCode', 'text', 'yes', { accepts: looksLikeSchoolCode }),
  field('name', 'text', 'yes'),
  field('municipality', 'text', 'yes'),
  field('territory', 'territory', 'yes'),
  field('ruralFlag', 'yesno', 'no', { standsFor: 'territory', notInForm: true }),
  field('totalStudents', 'count', 'yes'),
  field('bothParentsHigherEd', 'count', 'isbsh', { studentShare: 'isbsh' }),
  field('comfortableHousing', 'count', 'isbsh', { studentShare: 'isbsh' }),
  field('singleParent', 'count', 'isbsh', { studentShare: 'isbsh' }),
  field('registered', 'count', 'isbsh', { studentShare: 'isbsh' }),
  field('nonNativeRussian', 'count', 'isbsh', { studentShare: 'isbsh' }),
  field('kdn', 'count', 'no', { studentShare: 'kdn' }),
  field('ovz', 'count', 'no', { studentShare: 'ovz' }),
  field('remoteTerritory', 'yesno', 'no'),
  field('teachersTotal', 'count', 'no'),
  field('teachersHighestCategory', 'count', 'no'),
  field('specialists', 'list', 'no'),
  part('psychologist', 'педагог-психолог'),
  part('speechTherapist', 'учитель-логопед'),
  part('defectologist', 'учитель-дефектолог'),
  part('socialPedagogue', 'социальный педагог'),
  field('stableInternet', 'yesno', 'no'),
  field('enoughComputers', 'yesno', 'no'),
  field('fundingPerStudent', 'money', 'no'),
]);

/** The responses sheet as an input schema (src/sheets/input). */
export const RESPONSES_SCHEMA: InputSchema<FieldId> = { id: 'responses', fields: FIELDS };

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

/** The fields that stand in for `id` when it has no column (e.g. «Сельская школа (да/нет)» for «Тип территории»). */
export function standIns(id: FieldId): FieldSpec[] {
  return FIELDS.filter((f) => f.standsFor === id);
}

/** Names longer than this are kept whole but mentioned in the data check (probably pasted by mistake). */
export const LONG_TEXT_WARNING = 500;
