import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors';
import type { SchoolRecord } from '../../src/core/types';
import { FIELDS as ALL_FIELDS, type FieldId } from '../../src/sheets/fields';
import { autoMapColumns } from '../../src/sheets/headerMapping';
import type { Problem } from '../../src/sheets/problems';
import { normalizeSchoolCode, readResponses, type ResponsesReading } from '../../src/sheets/readResponses';

/** The fields of the add-in's own form (the other forms' ways of asking, e.g. «Сельская школа (да/нет)», are tested apart). */
const FIELDS = ALL_FIELDS.filter((f) => !f.notInForm);
const SHEET = 'Ответы на форму (1)';
const TZ = 'Europe/Moscow';
/** The form's own question titles: the docs/методика.md §1.1 labels, «Отметка времени» first. */
const HEADERS = FIELDS.map((f) => f.label);
const LABEL = Object.fromEntries(FIELDS.map((f) => [f.id, f.label])) as Record<FieldId, string>;

/** 10.09.2024 10:00 in Moscow (UTC+3). */
const SEPT_10 = new Date('2024-09-10T07:00:00Z');
/** 15.09.2024 10:00 in Moscow. */
const SEPT_15 = new Date('2024-09-15T07:00:00Z');

const BASE: Partial<Record<FieldId, unknown>> = {
  timestamp: SEPT_10,
  schoolCode: 'edu1',
  name: 'МОУ «Средняя школа № 1»',
  municipality: 'Ярославский МР',
  territory: 'село',
  totalStudents: 200,
  bothParentsHigherEd: 50,
  comfortableHousing: 150,
  singleParent: 40,
  registered: 10,
  nonNativeRussian: 20,
  kdn: 4,
  ovz: 16,
  remoteTerritory: 'нет',
  teachersTotal: 20,
  teachersHighestCategory: 5,
  specialists: 'Педагог-психолог, Социальный педагог',
  stableInternet: 'да',
  enoughComputers: 'нет',
  fundingPerStudent: 95000,
};

/** The record BASE gives, worked out by hand: each share = count ÷ 200. */
function expectedBase(code = 'edu1'): SchoolRecord {
  return {
    schoolCode: code,
    name: 'МОУ «Средняя школа № 1»',
    municipality: 'Ярославский МР',
    territory: 'село',
    totalStudents: 200,
    shares: {
      bothParentsHigherEd: 0.25, // 50 / 200
      comfortableHousing: 0.75, // 150 / 200
      singleParent: 0.2, // 40 / 200
      registered: 0.05, // 10 / 200
      nonNativeRussian: 0.1, // 20 / 200
    },
    kdnShare: 0.02, // 4 / 200
    ovzShare: 0.08, // 16 / 200
    remoteTerritory: false,
    teachersTotal: 20,
    teachersHighestCategory: 5,
    specialists: ['педагог-психолог', 'социальный педагог'],
    stableInternet: true,
    enoughComputers: false,
    fundingPerStudent: 95000,
  };
}

/** A response row in the order of HEADERS, BASE values with overrides; `extra` cells go after the fields. */
function row(code: unknown, over: Partial<Record<FieldId, unknown>> = {}, extra: unknown[] = []): unknown[] {
  const values = { ...BASE, schoolCode: code, ...over };
  return [...FIELDS.map((f) => values[f.id]), ...extra];
}

function read(rows: unknown[][], headers: string[] = HEADERS): ResponsesReading {
  return readResponses([headers, ...rows], SHEET, autoMapColumns(headers).mapping, { timeZone: TZ });
}

function school(r: ResponsesReading, code: string): SchoolRecord {
  const s = r.schools.find((x) => x.schoolCode === code);
  if (!s) throw new Error(`no school ${code}`);
  return s;
}

/** A problem of a response row about one field (the field's header is its label in HEADERS). */
function p(sheetRow: number | null, code: string, field: FieldId | string, value: string, problem: string, action: string): Problem {
  const header = (LABEL as Record<string, string>)[field] ?? field;
  return { sheet: SHEET, row: sheetRow, schoolCode: code, field: header, value, problem, action };
}

const DROPPED = 'значение не использовано';
const ROW_DROPPED = 'строка не использована';
const COLUMN_IGNORED = 'столбец не использован';

interface Case {
  name: string;
  rows: unknown[][];
  headers?: string[];
  problems: Problem[];
  /** The rest of the data still flows. */
  check: (r: ResponsesReading) => void;
}

const LONG_300 = 'Муниципальное общеобразовательное учреждение '.repeat(7).slice(0, 300);
const LONG_600 = 'а'.repeat(600);
const NON_NATIVE_SHARE_HEADER = 'Доля обучающихся, для которых русский язык не является родным, %';
const TEACHER_SHARE_HEADER = 'Доля педагогов с высшей квалификационной категорией, %';
const headersWithShare = HEADERS.map((h) => (h === LABEL.nonNativeRussian ? NON_NATIVE_SHARE_HEADER : h));

const CASES: Case[] = [
  {
    name: 'text in a count column is rejected, the school keeps its other values',
    rows: [row('edu1', { bothParentsHigherEd: 'много' })],
    problems: [p(2, 'edu1', 'bothParentsHigherEd', 'много', 'не число: «много»', DROPPED)],
    check: (r) => expect(school(r, 'edu1')).toEqual({ ...expectedBase(), shares: { ...expectedBase().shares, bothParentsHigherEd: null } }),
  },
  {
    name: '«35,5 %» in a count column (other schools give counts) is rejected as a percent',
    rows: [row('edu1', { bothParentsHigherEd: '35,5 %' }), row('edu2')],
    problems: [p(2, 'edu1', 'bothParentsHigherEd', '35,5 %', 'в столбце количества указан процент: «35,5 %»', DROPPED)],
    check: (r) => {
      expect(school(r, 'edu1').shares.bothParentsHigherEd).toBeNull();
      expect(school(r, 'edu1').shares.comfortableHousing).toBe(0.75); // 150 / 200
      expect(school(r, 'edu2')).toEqual(expectedBase('edu2'));
    },
  },
  {
    name: 'a count column where every value is written with «%» is read as shares',
    rows: [row('edu1', { bothParentsHigherEd: '25 %' }), row('edu2', { bothParentsHigherEd: '30 %' })],
    problems: [],
    check: (r) => {
      expect(school(r, 'edu1').shares.bothParentsHigherEd).toBe(0.25); // 25 % → 0.25
      expect(school(r, 'edu2').shares.bothParentsHigherEd).toBe(0.3); // 30 % → 0.3
      expect(school(r, 'edu2').shares.singleParent).toBe(0.2); // 40 / 200, counts elsewhere unaffected
    },
  },
  {
    name: 'a share of 120 % in a «доля, %» column is rejected',
    headers: headersWithShare,
    rows: [row('edu1', { nonNativeRussian: '120 %' }), row('edu2', { nonNativeRussian: '12,5' })],
    problems: [{ ...p(2, 'edu1', NON_NATIVE_SHARE_HEADER, '120 %', 'доля больше 100\u00a0%: «120 %»', DROPPED) }],
    check: (r) => {
      expect(school(r, 'edu1').shares.nonNativeRussian).toBeNull();
      expect(school(r, 'edu1').shares.registered).toBe(0.05); // 10 / 200
      expect(school(r, 'edu2').shares.nonNativeRussian).toBe(0.125); // «12,5» in a «%» column = 12,5 % = 0.125
    },
  },
  {
    name: 'a share typed as a fraction in a «%» column (Sheets stores «30 %» as 0.3) stays 0.3',
    headers: headersWithShare,
    rows: [row('edu1', { nonNativeRussian: 0.3 })],
    problems: [],
    check: (r) => expect(school(r, 'edu1').shares.nonNativeRussian).toBe(0.3),
  },
  {
    name: 'a count above «Всего обучающихся» is rejected',
    rows: [row('edu1', { singleParent: 250 })],
    problems: [p(2, 'edu1', 'singleParent', '250', 'больше, чем всего обучающихся (200): 250', DROPPED)],
    check: (r) => {
      expect(school(r, 'edu1').shares.singleParent).toBeNull();
      expect(school(r, 'edu1').shares.bothParentsHigherEd).toBe(0.25); // 50 / 200
    },
  },
  {
    name: 'a negative number is rejected',
    rows: [row('edu1', { registered: -3 })],
    problems: [p(2, 'edu1', 'registered', '-3', 'отрицательное значение: «-3»', DROPPED)],
    check: (r) => expect(school(r, 'edu1').shares.registered).toBeNull(),
  },
  {
    name: 'a negative number typed with a Unicode minus is rejected',
    rows: [row('edu1', { kdn: '−5' })],
    problems: [p(2, 'edu1', 'kdn', '−5', 'отрицательное значение: «−5»', DROPPED)],
    check: (r) => {
      expect(school(r, 'edu1').kdnShare).toBeNull();
      expect(school(r, 'edu1').ovzShare).toBe(0.08); // 16 / 200
    },
  },
  {
    name: 'a fractional count typed as text is rejected',
    rows: [row('edu1', { ovz: '12,5' })],
    problems: [p(2, 'edu1', 'ovz', '12,5', 'количество должно быть целым: «12,5»', DROPPED)],
    check: (r) => expect(school(r, 'edu1').ovzShare).toBeNull(),
  },
  {
    name: 'a fractional count stored as a number is rejected',
    rows: [row('edu1', { teachersTotal: 20.5 })],
    problems: [p(2, 'edu1', 'teachersTotal', '20,5', 'количество должно быть целым: «20,5»', DROPPED)],
    check: (r) => {
      expect(school(r, 'edu1').teachersTotal).toBeNull();
      expect(school(r, 'edu1').teachersHighestCategory).toBe(5); // no total to compare with: kept
    },
  },
  {
    name: 'thousands separated by a non-breaking space are read',
    rows: [row('edu1', { totalStudents: '1\u00A0000', bothParentsHigherEd: '250' })],
    problems: [],
    check: (r) => {
      expect(school(r, 'edu1').totalStudents).toBe(1000);
      expect(school(r, 'edu1').shares.bothParentsHigherEd).toBe(0.25); // 250 / 1000
    },
  },
  {
    name: 'an empty Код ОО skips the row; the other schools are read',
    rows: [row(''), row('edu2')],
    problems: [p(2, '', 'schoolCode', '', 'не указан Код ОО', ROW_DROPPED)],
    check: (r) => expect(r.schools).toEqual([expectedBase('edu2')]),
  },
  {
    name: 'the same school twice: the later timestamp wins even when it is higher in the sheet',
    rows: [row('edu1', { timestamp: SEPT_15, name: 'Исправленное наименование' }), row('edu1', { timestamp: SEPT_10 })],
    problems: [p(3, 'edu1', 'timestamp', '10.09.2024 10:00:00', 'более ранний ответ школы', 'заменено более поздним ответом (строка 2)')],
    check: (r) => {
      expect(r.schools).toHaveLength(1);
      expect(school(r, 'edu1').name).toBe('Исправленное наименование');
      expect(r.superseded).toBe(1);
      expect(r.rowsRead).toBe(2);
    },
  },
  {
    name: 'the same school twice with equal timestamps: the lower row wins, and the answer is not called «более ранний»',
    rows: [row('edu1', { name: 'Первый' }), row('edu1', { name: 'Второй' })],
    problems: [
      p(2, 'edu1', 'timestamp', '10.09.2024 10:00:00', 'ещё один ответ школы с той же отметкой времени', 'заменено ответом из строки 3'),
      p(
        3,
        'edu1',
        'timestamp',
        '',
        'какой ответ школы последний, по отметкам времени не понять: выбран по порядку строк (строки 2, 3)',
        'взят ответ из строки 3',
      ),
    ],
    check: (r) => expect(school(r, 'edu1').name).toBe('Второй'),
  },
  {
    name: 'codes differing only in case are one school; the code is kept as in the latest answer',
    rows: [row('EDU1', { timestamp: SEPT_10 }), row('edu1', { timestamp: SEPT_15 })],
    problems: [p(2, 'EDU1', 'timestamp', '10.09.2024 10:00:00', 'более ранний ответ школы', 'заменено более поздним ответом (строка 3)')],
    check: (r) => expect(r.schools.map((s) => s.schoolCode)).toEqual(['edu1']),
  },
  {
    name: 'a row with only a timestamp is skipped',
    rows: [row('edu1'), FIELDS.map((f) => (f.id === 'timestamp' ? SEPT_15 : ''))],
    problems: [p(3, '', 'schoolCode', '', 'в строке заполнена только отметка времени', ROW_DROPPED)],
    check: (r) => {
      expect(r.schools).toEqual([expectedBase()]);
      expect(r.rowsRead).toBe(2);
    },
  },
  {
    name: 'a completely empty row is skipped silently and not counted',
    rows: [row('edu1'), FIELDS.map(() => ''), row('edu2')],
    problems: [],
    check: (r) => {
      expect(r.schools.map((s) => s.schoolCode)).toEqual(['edu1', 'edu2']);
      expect(r.rowsRead).toBe(2);
    },
  },
  {
    name: 'an unknown extra column is listed once and ignored',
    headers: [...HEADERS, 'Комментарий'],
    rows: [row('edu1', {}, ['см. письмо']), row('edu2', {}, ['—'])],
    problems: [p(1, '', 'Комментарий', '', 'столбец не распознан', COLUMN_IGNORED)],
    check: (r) => expect(r.schools).toEqual([expectedBase('edu1'), expectedBase('edu2')]),
  },
  {
    name: 'a second column that looks like «Всего обучающихся» loses to the better one and is listed',
    headers: [...HEADERS, 'Количество обучающихся'],
    rows: [row('edu1', {}, [999])],
    problems: [
      p(
        1,
        '',
        'Количество обучающихся',
        '',
        'похож на столбец «Всего обучающихся», который уже используется для этого поля',
        COLUMN_IGNORED,
      ),
    ],
    check: (r) => expect(school(r, 'edu1').totalStudents).toBe(200),
  },
  {
    name: 'a column with a blank header but with data is listed by its letter',
    headers: [...HEADERS, ''],
    rows: [row('edu1', {}, ['что-то'])],
    problems: [p(1, '', 'столбец U', '', 'столбец без заголовка', COLUMN_IGNORED)],
    check: (r) => expect(r.schools).toEqual([expectedBase()]),
  },
  {
    name: 'the empty rest of a merged header cell (blank header, no data) is ignored silently',
    headers: [...HEADERS, 'Контакты (объединённая ячейка)', ''],
    rows: [row('edu1', {}, ['', ''])],
    problems: [p(1, '', 'Контакты (объединённая ячейка)', '', 'столбец не распознан', COLUMN_IGNORED)],
    check: (r) => expect(r.schools).toEqual([expectedBase()]),
  },
  {
    name: 'a formula error «#DIV/0!» in a count is rejected',
    rows: [row('edu1', { comfortableHousing: '#DIV/0!' })],
    problems: [p(2, 'edu1', 'comfortableHousing', '#DIV/0!', 'ошибка формулы в ячейке', DROPPED)],
    check: (r) => {
      expect(school(r, 'edu1').shares.comfortableHousing).toBeNull();
      expect(school(r, 'edu1').shares.singleParent).toBe(0.2); // 40 / 200
    },
  },
  {
    name: 'a Russian formula error «#ЗНАЧ!» in the name is rejected, the school stays',
    rows: [row('edu1', { name: '#ЗНАЧ!' })],
    problems: [p(2, 'edu1', 'name', '#ЗНАЧ!', 'ошибка формулы в ячейке', DROPPED)],
    check: (r) => expect(school(r, 'edu1')).toEqual({ ...expectedBase(), name: '' }),
  },
  {
    name: 'a formula error «#N/A» in Код ОО skips the row',
    rows: [row('#N/A'), row('edu2')],
    problems: [p(2, '', 'schoolCode', '#N/A', 'ошибка формулы в ячейке', ROW_DROPPED)],
    check: (r) => expect(r.schools.map((s) => s.schoolCode)).toEqual(['edu2']),
  },
  {
    name: 'a 300-character school name is kept whole without complaint',
    rows: [row('edu1', { name: LONG_300 })],
    problems: [],
    check: (r) => expect(school(r, 'edu1').name).toHaveLength(300),
  },
  {
    name: 'a 600-character school name is kept whole and mentioned',
    rows: [row('edu1', { name: LONG_600 })],
    problems: [p(2, 'edu1', 'name', LONG_600, 'слишком длинное наименование (600 символов)', 'значение сохранено полностью')],
    check: (r) => expect(school(r, 'edu1').name).toBe(LONG_600),
  },
  ...['=СУММ(1;2)', '+7 школа', '-школа', '@школа'].map((name): Case => ({
    name: `a name starting with «${name[0]}» is kept as typed (the writers neutralise it)`,
    rows: [row('edu1', { name })],
    problems: [],
    check: (r) => expect(school(r, 'edu1').name).toBe(name),
  })),
  {
    name: 'Cyrillic lookalike letters in a Latin Код ОО are replaced and mentioned',
    rows: [row('\u0435du760152')],
    problems: [
      p(
        2,
        'edu760152',
        'schoolCode',
        '\u0435du760152',
        'в коде есть кириллические буквы, похожие на латинские: заменены',
        'код прочитан как «edu760152»',
      ),
    ],
    check: (r) => expect(school(r, 'edu760152')).toEqual(expectedBase('edu760152')),
  },
  {
    name: 'a Cyrillic-lookalike code and its Latin spelling are one school',
    rows: [row('\u0415DU760152', { timestamp: SEPT_10 }), row('edu760152', { timestamp: SEPT_15 })],
    problems: [
      p(2, 'EDU760152', 'timestamp', '10.09.2024 10:00:00', 'более ранний ответ школы', 'заменено более поздним ответом (строка 3)'),
    ],
    check: (r) => expect(r.schools.map((s) => s.schoolCode)).toEqual(['edu760152']),
  },
  {
    name: 'Latin lookalike letters in a Cyrillic code are replaced by Cyrillic ones',
    rows: [row('ШКOЛA-1')],
    problems: [
      p(
        2,
        'ШКОЛА-1',
        'schoolCode',
        'ШКOЛA-1',
        'в коде есть латинские буквы, похожие на кириллические: заменены',
        'код прочитан как «ШКОЛА-1»',
      ),
    ],
    check: (r) => expect(r.schools[0].schoolCode).toBe('ШКОЛА-1'),
  },
  {
    name: 'a code typed as a number and padded with spaces is read as text, trimmed',
    rows: [row(760152), row('  edu2 ')],
    problems: [],
    check: (r) => expect(r.schools.map((s) => s.schoolCode)).toEqual(['760152', 'edu2']),
  },
  {
    name: 'a timestamp typed as text dd.MM.yyyy H:mm:ss is Moscow time and compared with real dates',
    // Text «15.09.2024 9:05:00» in Moscow = 06:05 UTC; the Date is 06:30 UTC (9:30 Moscow), so the Date row is later.
    // Read as UTC the text would be 09:05 UTC and win: the time zone decides.
    rows: [
      row('edu1', { timestamp: new Date('2024-09-15T06:30:00Z'), name: 'Позже' }),
      row('edu1', { timestamp: '15.09.2024 9:05:00', name: 'Раньше' }),
    ],
    problems: [p(3, 'edu1', 'timestamp', '15.09.2024 9:05:00', 'более ранний ответ школы', 'заменено более поздним ответом (строка 2)')],
    check: (r) => expect(school(r, 'edu1').name).toBe('Позже'),
  },
  {
    name: 'timestamps as ISO text and as a date without time are ordered correctly',
    rows: [row('edu1', { timestamp: '2024-09-15 09:05:00', name: 'Позже' }), row('edu1', { timestamp: '15.09.2024', name: 'Раньше' })],
    problems: [p(3, 'edu1', 'timestamp', '15.09.2024', 'более ранний ответ школы', 'заменено более поздним ответом (строка 2)')],
    check: (r) => expect(school(r, 'edu1').name).toBe('Позже'),
  },
  {
    name: 'an unreadable timestamp is mentioned and counts as the earliest answer of the school',
    rows: [row('edu1', { name: 'С датой' }), row('edu1', { timestamp: 'вчера', name: 'Без даты' }), row('edu2', { timestamp: 'вчера' })],
    problems: [
      p(
        2,
        'edu1',
        'timestamp',
        '',
        'какой ответ школы последний, по отметкам времени не понять: выбран по порядку строк (строки 2, 3)',
        'взят ответ из строки 2',
      ),
      p(
        3,
        'edu1',
        'timestamp',
        'вчера',
        'отметка времени не распознана: «вчера» (ожидаются дата и время, например 14.10.2025 17:58:07)',
        'ответ считается самым ранним из ответов школы',
      ),
      p(
        3,
        'edu1',
        'timestamp',
        'вчера',
        'ещё один ответ школы; по отметкам времени не понять, какой последний',
        'заменено ответом из строки 2',
      ),
      p(
        4,
        'edu2',
        'timestamp',
        'вчера',
        'отметка времени не распознана: «вчера» (ожидаются дата и время, например 14.10.2025 17:58:07)',
        'ответ считается самым ранним из ответов школы',
      ),
    ],
    check: (r) => {
      expect(school(r, 'edu1').name).toBe('С датой');
      expect(school(r, 'edu2')).toEqual(expectedBase('edu2'));
    },
  },
  {
    name: 'an unknown territory type is rejected',
    rows: [row('edu1', { territory: 'за рекой' })],
    problems: [p(2, 'edu1', 'territory', 'за рекой', 'ожидалось «город» или «село»: «за рекой»', DROPPED)],
    check: (r) => expect(school(r, 'edu1')).toEqual({ ...expectedBase(), territory: null }),
  },
  {
    name: 'an abbreviated territory «Г.» is read as город',
    rows: [row('edu1', { territory: 'Г.' })],
    problems: [],
    check: (r) => expect(school(r, 'edu1').territory).toBe('город'),
  },
  {
    name: 'a yes/no answer «частично» is asked about, not read as yes or no',
    rows: [row('edu1', { stableInternet: 'частично' })],
    problems: [p(2, 'edu1', 'stableInternet', 'частично', 'ответ «частично»: это «да» или «нет»? Уточните у школы', DROPPED)],
    check: (r) => expect(school(r, 'edu1')).toEqual({ ...expectedBase(), stableInternet: null }),
  },
  {
    name: 'money written with «руб.» is read; a negative amount is rejected',
    rows: [row('edu1', { fundingPerStudent: '95 000 руб.' }), row('edu2', { fundingPerStudent: '-100' })],
    problems: [p(3, 'edu2', 'fundingPerStudent', '-100', 'отрицательное значение: «-100»', DROPPED)],
    check: (r) => {
      expect(school(r, 'edu1').fundingPerStudent).toBe(95000);
      expect(school(r, 'edu2')).toEqual({ ...expectedBase('edu2'), fundingPerStudent: null });
    },
  },
  {
    name: 'more teachers with the highest category than teachers in total is rejected',
    rows: [row('edu1', { teachersHighestCategory: 25 })],
    problems: [p(2, 'edu1', 'teachersHighestCategory', '25', 'больше, чем педагогических работников всего (20): 25', DROPPED)],
    check: (r) => expect(school(r, 'edu1')).toEqual({ ...expectedBase(), teachersHighestCategory: null }),
  },
  {
    name: 'a share of teachers with the highest category becomes a count of the teachers’ total',
    headers: HEADERS.map((h) => (h === LABEL.teachersHighestCategory ? TEACHER_SHARE_HEADER : h)),
    rows: [row('edu1', { teachersHighestCategory: '25 %' })],
    problems: [],
    check: (r) => expect(school(r, 'edu1').teachersHighestCategory).toBe(5), // 25 % of 20
  },
  {
    name: 'a share of teachers with no teachers’ total cannot become a count',
    headers: HEADERS.map((h) => (h === LABEL.teachersHighestCategory ? TEACHER_SHARE_HEADER : h)),
    rows: [row('edu1', { teachersHighestCategory: '25 %', teachersTotal: '' })],
    problems: [
      p(2, 'edu1', TEACHER_SHARE_HEADER, '25 %', 'не указано «Педагогических работников всего»: количество не вычислить', DROPPED),
    ],
    check: (r) => expect(school(r, 'edu1')).toEqual({ ...expectedBase(), teachersTotal: null, teachersHighestCategory: null }),
  },
  {
    name: 'an empty «Всего обучающихся» is mentioned, and so is every count that cannot become a share',
    rows: [row('edu1', { totalStudents: '' })],
    problems: [
      p(2, 'edu1', 'totalStudents', '', 'не заполнено обязательное поле', 'школа учтена без этого значения'),
      ...(['bothParentsHigherEd', 'comfortableHousing', 'singleParent', 'registered', 'nonNativeRussian', 'kdn', 'ovz'] as FieldId[]).map(
        (id) => p(2, 'edu1', id, String(BASE[id]), 'не указано «Всего обучающихся»: долю не вычислить', 'доля не вычисляется'),
      ),
    ],
    check: (r) => {
      const s = school(r, 'edu1');
      expect(s.totalStudents).toBeNull();
      expect(s.shares).toEqual({
        bothParentsHigherEd: null,
        comfortableHousing: null,
        singleParent: null,
        registered: null,
        nonNativeRussian: null,
      });
      expect(s.teachersTotal).toBe(20);
      expect(s.fundingPerStudent).toBe(95000);
    },
  },
  {
    name: 'an empty ИСБШ input is mentioned (the index will be empty)',
    rows: [row('edu1', { comfortableHousing: '' })],
    problems: [p(2, 'edu1', 'comfortableHousing', '', 'не заполнено поле, нужное для ИСБШ', 'ИСБШ не рассчитывается')],
    check: (r) => expect(school(r, 'edu1').shares.comfortableHousing).toBeNull(),
  },
  {
    name: 'a dash in an ИСБШ input counts as empty and is mentioned',
    rows: [row('edu1', { singleParent: '—' })],
    problems: [p(2, 'edu1', 'singleParent', '—', 'не заполнено поле, нужное для ИСБШ', 'ИСБШ не рассчитывается')],
    check: (r) => expect(school(r, 'edu1').shares.singleParent).toBeNull(),
  },
  {
    name: 'empty optional answers (КДН, specialists) are simply missing',
    rows: [row('edu1', { kdn: '', specialists: '' })],
    problems: [],
    check: (r) => expect(school(r, 'edu1')).toEqual({ ...expectedBase(), kdnShare: null, specialists: null }),
  },
  {
    name: 'an empty required name is mentioned; the school stays',
    rows: [row('edu1', { name: '   ' })],
    problems: [p(2, 'edu1', 'name', '', 'не заполнено обязательное поле', 'школа учтена без этого значения')],
    check: (r) => expect(school(r, 'edu1')).toEqual({ ...expectedBase(), name: '' }),
  },
  {
    name: 'a missing ИСБШ column is mentioned once for the whole sheet',
    headers: HEADERS.filter((h) => h !== LABEL.registered),
    rows: [FIELDS.filter((f) => f.id !== 'registered').map((f) => BASE[f.id])],
    problems: [
      p(null, '', '', '', 'не найден столбец «Обучающихся, состоящих на различных видах учёта», нужный для ИСБШ', 'ИСБШ не рассчитывается'),
    ],
    check: (r) => expect(school(r, 'edu1')).toEqual({ ...expectedBase(), shares: { ...expectedBase().shares, registered: null } }),
  },
  {
    name: 'without «Отметка времени» the lower row of a school wins',
    headers: HEADERS.slice(1),
    rows: [row('edu1', { name: 'Первый' }).slice(1), row('edu1', { name: 'Второй' }).slice(1)],
    problems: [
      p(null, '', '', '', 'не найден столбец «Отметка времени»', 'из ответов школы взят нижний по листу'),
      { ...p(2, 'edu1', '', '', 'ещё один ответ школы; по отметкам времени не понять, какой последний', 'заменено ответом из строки 3') },
      {
        ...p(
          3,
          'edu1',
          '',
          '',
          'какой ответ школы последний, по отметкам времени не понять: выбран по порядку строк (строки 2, 3)',
          'взят ответ из строки 3',
        ),
      },
    ],
    check: (r) => expect(school(r, 'edu1').name).toBe('Второй'),
  },
];

describe('readResponses: awkward inputs', () => {
  it('has at least 40 named awkward inputs in this table alone (readResults and readRisks add their own)', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES)('$name', ({ rows, headers, problems, check }) => {
    const r = read(rows, headers);
    expect(r.problems).toEqual(problems);
    check(r);
  });
});

describe('readResponses', () => {
  it('reads a clean sheet into records whose shares are count ÷ total', () => {
    const r = read([row('edu1'), row('edu2')]);
    expect(r).toEqual({ schools: [expectedBase('edu1'), expectedBase('edu2')], problems: [], superseded: 0, rowsRead: 2, yearly: [] });
  });

  it('reads a sheet whose columns are in another order', () => {
    const order = [...HEADERS.keys()].reverse();
    const headers = order.map((i) => HEADERS[i]);
    const r = read([order.map((i) => row('edu1')[i])], headers);
    expect(r.schools).toEqual([expectedBase()]);
    expect(r.problems).toEqual([]);
  });

  it('stops with a UserError naming the missing required columns and the columns found', () => {
    const headers = ['Отметка времени', 'Код ОО', 'Наименование ОО'];
    expect(() => read([[SEPT_10, 'edu1', 'Школа']], headers)).toThrow(UserError);
    expect(() => read([[SEPT_10, 'edu1', 'Школа']], headers)).toThrow(
      'Лист «Ответы на форму (1)»: не найдены обязательные столбцы: Муниципалитет, Тип территории, Всего обучающихся. ' +
        'Найдены столбцы: «Отметка времени», «Код ОО», «Наименование ОО». Укажите соответствие в боковой панели (шаг «Данные»).',
    );
  });

  it('returns no schools for a sheet with only its header row', () => {
    expect(read([])).toEqual({ schools: [], problems: [], superseded: 0, rowsRead: 0, yearly: [] });
  });

  it('never lets one school appear twice, whatever the spelling of its code', () => {
    const r = read([row('edu1'), row('EDU1'), row('\u0435du1'), row(' edu1 ')]);
    expect(r.schools).toHaveLength(1);
    expect(r.superseded).toBe(3);
  });
});

describe('normalizeSchoolCode', () => {
  it('keeps a code that mixes alphabets beyond lookalikes as it is', () => {
    // «ш» has no Latin twin and «q» no Cyrillic one: nothing sensible to convert.
    expect(normalizeSchoolCode('шкq1')).toEqual({ code: 'шкq1', fixed: null });
  });

  it('keeps pure Cyrillic and pure Latin codes', () => {
    expect(normalizeSchoolCode('СОШ-5')).toEqual({ code: 'СОШ-5', fixed: null });
    expect(normalizeSchoolCode('Edu760152')).toEqual({ code: 'Edu760152', fixed: null });
  });
});
