import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors';
import { FIELDS, FIELD_IDS, type FieldId } from '../../src/sheets/fields';
import {
  autoMapColumns,
  bestFieldFor,
  isPercentHeader,
  isShareHeader,
  mappingFor,
  missingColumnsError,
  missingForIsbsh,
  missingRequired,
  parseStoredMapping,
  serializeMapping,
  type ColumnMapping,
} from '../../src/sheets/headerMapping';

/** Headers listed in the order of FIELDS, so the expected mapping is field i → column i. */
function identity(): ColumnMapping {
  return Object.fromEntries(FIELDS.map((f) => [f.id, f.notInForm ? null : FORM_FIELDS.indexOf(f)])) as ColumnMapping;
}

/** The fields of the add-in's own form (other forms' ways of asking, like «Сельская школа», have no column here). */
const FORM_FIELDS = FIELDS.filter((f) => !f.notInForm);
const FORM_LABELS = FORM_FIELDS.map((f) => f.label);

/** A region that words everything in full, asks one share with «%», and counts «детей». */
const REGION_A = [
  'Отметка времени',
  'Код образовательной организации',
  'Полное наименование ОО',
  'Муниципальный район (городской округ)',
  'Тип населённого пункта',
  'Общее количество обучающихся (чел.)',
  'Кол-во учащихся, чьи оба родителя имеют высшее образование',
  'Количество детей из семей, проживающих в благоустроенном жилье',
  'Число детей из неполных семей (чел.)',
  'Количество обучающихся, состоящих на внутришкольном учёте, учёте в ПДН',
  'Доля обучающихся, для которых русский язык не является родным, %',
  'Кол-во обучающихся, состоящих на учёте в КДН и ЗП',
  'Количество обучающихся с ограниченными возможностями здоровья',
  'Школа расположена в труднодоступной местности',
  'Численность педагогических работников',
  'Из них с высшей квалификационной категорией',
  'Штатные специалисты',
  'Наличие стабильного доступа к сети Интернет',
  'Обеспеченность компьютерной техникой достаточная',
  'Подушевое финансирование (руб. на 1 ученика)',
];

/** A region with an English-locale form, short titles and shares everywhere. */
const REGION_B = [
  'Timestamp',
  'Логин ОО в ФИС ОКО',
  'Название школы',
  'МО',
  'Городская/сельская школа',
  'Численность обучающихся',
  'Доля учащихся, у которых оба родителя с высшим образованием',
  'Доля детей, проживающих в комфортных жилищных условиях',
  'Доля детей, воспитываемых одним родителем',
  'Доля учащихся, состоящих на различных видах учёта',
  'Количество детей-инофонов',
  'Учащихся на учёте в комиссии по делам несовершеннолетних',
  'Дети с ОВЗ',
  'Удалённость (труднодоступная территория)',
  'Количество учителей',
  'Количество учителей высшей категории',
  'Узкие специалисты (психолог, логопед, дефектолог, социальный педагог)',
  'Устойчивый Интернет',
  'Достаточно ли компьютеров',
  'Норматив финансирования на одного обучающегося, тыс. руб.',
];

/** A region with terse, reordered wording and units in brackets. */
const REGION_C = [
  'Дата и время заполнения',
  'ИД школы',
  'Наименование образовательной организации',
  'Муниципальное образование',
  'Тип местности (город/село)',
  'Количество обучающихся в ОО',
  'из них: оба родителя с высшим образованием',
  'Дети из семей, проживающих в благоустроенном жилье (чел.)',
  'Учащиеся из неполных семей',
  'Состоят на учёте (внутришкольный, ПДН, КДН)',
  'Обучающиеся, для которых русский язык неродной',
  'На учёте в КДН и ЗП (чел.)',
  'Обучающиеся с ОВЗ и инвалидностью',
  'Отдалённая территория (да/нет)',
  'Всего педагогов',
  'Педагогов с высшей категорией, %',
  'Наличие в школе педагога-психолога, логопеда, дефектолога, социального педагога',
  'Скорость/наличие доступа в Интернет',
  'Компьютеров достаточно',
  'Финансирование на 1 обучающегося в год (руб.)',
];

describe('autoMapColumns', () => {
  it.each([
    ['the form created by the add-in (docs/методика.md labels)', FORM_LABELS],
    ['region A: full wording, «Кол-во», «Число детей», a share in %', REGION_A],
    ['region B: English timestamp, ФИС ОКО login, shares', REGION_B],
    ['region C: terse wording with units in brackets', REGION_C],
  ])('maps every field of %s without help', (_name, headers) => {
    const r = autoMapColumns(headers);
    expect(r.mapping).toEqual(identity());
    expect(r.ambiguous).toEqual([]);
    expect(r.unknownColumns).toEqual([]);
  });

  it('marks columns whose header says «доля» or «%» as share columns', () => {
    expect([...autoMapColumns(REGION_A).shareColumns]).toEqual([10]);
    expect([...autoMapColumns(REGION_B).shareColumns]).toEqual([6, 7, 8, 9]);
    expect([...autoMapColumns(REGION_C).shareColumns]).toEqual([15]);
  });

  it('leaves a field to the user when two columns fit it equally well', () => {
    // «Код школы» and «Код организации»: each is «код» plus a generic word for the school (weighing a quarter) — nearly the same score.
    const r = autoMapColumns(['Код школы', 'Код организации', 'Наименование ОО']);
    expect(r.mapping.schoolCode).toBeNull();
    expect(r.mapping.name).toBe(2);
    expect(r.ambiguous).toEqual([{ field: 'schoolCode', columns: [0, 1] }]);
    expect(r.unknownColumns).toEqual([]);
  });

  it('gives a field to the column that fits it better; the other is unknown', () => {
    // «Всего обучающихся» matches a full signature; «Количество обучающихся» only the weak count+student one.
    const r = autoMapColumns(['Количество обучающихся', 'Всего обучающихся']);
    expect(r.mapping.totalStudents).toBe(1);
    expect(r.unknownColumns).toEqual([0]);
  });

  it('lists unrecognised headers as unknown and ignores blank ones', () => {
    const r = autoMapColumns(['Код ОО', '', 'Адрес электронной почты', 'Комментарий']);
    expect(r.mapping.schoolCode).toBe(0);
    expect(r.unknownColumns).toEqual([2, 3]);
  });

  it('does not take «Труднодоступная территория» for the territory type', () => {
    const r = autoMapColumns(['Труднодоступная территория']);
    expect(r.mapping.remoteTerritory).toBe(0);
    expect(r.mapping.territory).toBeNull();
  });

  it('tells the КДН register from the other registers', () => {
    const r = autoMapColumns(['Обучающихся, состоящих на учёте в КДН и ЗП', 'Обучающихся, состоящих на различных видах учёта']);
    expect(r.mapping.kdn).toBe(0);
    expect(r.mapping.registered).toBe(1);
  });
});

describe('bestFieldFor', () => {
  it('names the field a header fits best, or null', () => {
    expect(bestFieldFor('Количество обучающихся')).toBe('totalStudents');
    expect(bestFieldFor('Комментарий')).toBeNull();
  });
});

describe('isShareHeader / isPercentHeader', () => {
  it('reads «доля» as a share and «%» or «в процентах» as percents', () => {
    expect(isShareHeader('Доля детей из неполных семей')).toBe(true);
    expect(isPercentHeader('Доля детей из неполных семей')).toBe(false);
    expect(isShareHeader('Дети из неполных семей, %')).toBe(true);
    expect(isPercentHeader('Дети из неполных семей, %')).toBe(true);
    expect(isPercentHeader('Дети из неполных семей (в процентах)')).toBe(true);
    expect(isShareHeader('Должность руководителя')).toBe(false);
    expect(isShareHeader('Дети из неполных семей')).toBe(false);
  });
});

describe('missingRequired / missingForIsbsh / missingColumnsError', () => {
  const partial = autoMapColumns(['Отметка времени', 'Код ОО', 'Наименование ОО', 'Обучающихся из неполных семей']).mapping;

  it('lists the required fields that are not mapped', () => {
    expect(missingRequired(partial)).toEqual(['municipality', 'territory', 'totalStudents']);
    expect(missingRequired(identity())).toEqual([]);
  });

  it('lists the ИСБШ inputs that are not mapped', () => {
    expect(missingForIsbsh(partial)).toEqual(['bothParentsHigherEd', 'comfortableHousing', 'registered', 'nonNativeRussian']);
  });

  it('builds a UserError that says what is missing, what was found and where to fix it', () => {
    const error = missingColumnsError('Ответы на форму (1)', ['schoolCode', 'municipality'], ['Отметка времени', 'Школа', '', 'Район']);
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe(
      'Лист «Ответы на форму (1)»: не найдены обязательные столбцы: Код ОО, Муниципалитет. ' +
        'Найдены столбцы: «Отметка времени», «Школа», «Район». Укажите соответствие в боковой панели (шаг «Данные»).',
    );
  });
});

describe('stored mapping', () => {
  const headers = ['Отметка времени', 'Код ОО', 'Наименование ОО', 'Поле 7', 'Тип территории', 'Всего обучающихся', 'Комментарий'];

  it('keeps the user’s choice by header text, so a reordered sheet still maps', () => {
    const chosen = { ...autoMapColumns(headers).mapping, municipality: 3 };
    const stored = parseStoredMapping(serializeMapping(chosen, headers));
    const reordered = ['Поле 7', 'Комментарий', 'Всего обучающихся', 'Код ОО', 'Отметка времени', 'Тип территории', 'Наименование ОО'];
    const r = mappingFor(reordered, stored);
    expect(r.mapping.municipality).toBe(0);
    expect(r.mapping.schoolCode).toBe(3);
    expect(r.mapping.totalStudents).toBe(2);
    expect(r.unknownColumns).toEqual([1]);
  });

  it('auto-maps a new column the stored mapping does not know', () => {
    const stored = parseStoredMapping(serializeMapping({ ...autoMapColumns(headers).mapping, municipality: 3 }, headers));
    const r = mappingFor([...headers, 'Обучающихся с ОВЗ'], stored);
    expect(r.mapping.ovz).toBe(7);
    expect(r.mapping.municipality).toBe(3);
  });

  it('keeps a column the user said to ignore unmapped, even if it looks like a field', () => {
    const h = ['Код ОО', 'Всего обучающихся', 'Всего обучающихся на 01.01'];
    const chosen = { ...autoMapColumns(h).mapping, totalStudents: 2 };
    const r = mappingFor(h, parseStoredMapping(serializeMapping(chosen, h)));
    expect(r.mapping.totalStudents).toBe(2);
    expect(r.unknownColumns).toEqual([1]);
  });

  it('stores header texts with field ids, and null only for columns the automatic matching would take', () => {
    const chosen = { ...autoMapColumns(headers).mapping, municipality: 3 };
    expect(JSON.parse(serializeMapping(chosen, headers))).toEqual({
      version: 1,
      columns: {
        'Отметка времени': 'timestamp',
        'Код ОО': 'schoolCode',
        'Наименование ОО': 'name',
        'Поле 7': 'municipality',
        'Тип территории': 'territory',
        'Всего обучающихся': 'totalStudents',
      },
    });
  });

  it('stays within a property’s 9 KB for a form of 70 long Cyrillic questions, and still maps them back', () => {
    const long = (i: number) =>
      `Вопрос ${i}: количество обучающихся, которые участвовали в региональной программе поддержки и получили консультации специалистов`;
    const many = ['Отметка времени', 'Код ОО', 'Наименование ОО', 'Муниципалитет', ...Array.from({ length: 70 }, (_, i) => long(i))];
    const chosen = { ...autoMapColumns(many).mapping, ovz: 10, kdn: 11 };
    const json = serializeMapping(chosen, many);
    expect(new TextEncoder().encode(json).length).toBeLessThan(9 * 1024);
    const r = mappingFor(many, parseStoredMapping(json));
    expect(r.mapping.ovz).toBe(10);
    expect(r.mapping.kdn).toBe(11);
  });

  it('reads back nothing from broken or empty storage, and drops unknown field ids', () => {
    expect(parseStoredMapping(null)).toBeNull();
    expect(parseStoredMapping('')).toBeNull();
    expect(parseStoredMapping('{not json')).toBeNull();
    expect(parseStoredMapping('[1,2]')).toBeNull();
    expect(parseStoredMapping('{"version":1,"columns":{"Код ОО":"schoolCode","Х":"noSuchField","У":null}}')).toEqual({
      version: 1,
      columns: { 'Код ОО': 'schoolCode', У: null },
    });
  });

  it('without a stored mapping is the automatic one', () => {
    expect(mappingFor(REGION_A, null)).toEqual(autoMapColumns(REGION_A));
  });
});

describe('FIELDS', () => {
  it('lists every field of docs/методика.md §1.1 once, with the required levels of the table', () => {
    expect(new Set(FIELD_IDS).size).toBe(FIELD_IDS.length);
    const required = (level: string) => FIELDS.filter((f) => f.required === level).map((f) => f.id);
    expect(required('yes')).toEqual<FieldId[]>(['schoolCode', 'name', 'municipality', 'territory', 'totalStudents']);
    expect(required('isbsh')).toEqual<FieldId[]>([
      'bothParentsHigherEd',
      'comfortableHousing',
      'singleParent',
      'registered',
      'nonNativeRussian',
    ]);
  });
});
