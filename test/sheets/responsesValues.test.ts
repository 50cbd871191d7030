import { describe, expect, it } from 'vitest';
import { FIELDS, type FieldId } from '../../src/sheets/fields';
import { autoMapColumns } from '../../src/sheets/headerMapping';
import { readResponses } from '../../src/sheets/readResponses';

const SHEET = 'Ответы на форму (1)';
const TZ = 'Europe/Moscow';

const BASE: Partial<Record<FieldId, unknown>> = {
  schoolCode: 'edu1',
  name: 'МОУ СОШ № 1',
  municipality: 'Ярославский МР',
  territory: 'село',
  totalStudents: 200,
  bothParentsHigherEd: 50,
  comfortableHousing: 150,
  singleParent: 40,
  registered: 10,
  nonNativeRussian: 20,
};

function sheet(rows: Array<Partial<Record<FieldId, unknown>>>, labels: Partial<Record<FieldId, string>> = {}) {
  const ids = FIELDS.map((f) => f.id);
  const headers = FIELDS.map((f) => labels[f.id] ?? f.label);
  const values = [headers, ...rows.map((r) => ids.map((id) => ({ ...BASE, ...r })[id] ?? ''))];
  return readResponses(values, SHEET, autoMapColumns(headers).mapping, { timeZone: TZ });
}
const problems = (read: ReturnType<typeof sheet>) =>
  read.problems.map((p) => `${p.row ?? ''}|${p.schoolCode}|${p.value}|${p.problem}|${p.action}`);

describe('responses: timestamps as exports write them', () => {
  it('orders a school’s answers by times in any export format, and never calls a later answer «более ранний»', () => {
    // 02.09.2025 8:03 (en-US «9/2/2025») is later than 01.09.2025 8:03 (a serial, 45901.33547).
    const read = sheet([
      { timestamp: '9/2/2025 8:03:05', schoolCode: 'edu1', name: 'Позже' },
      { timestamp: 45901.33547, schoolCode: 'edu1', name: 'Раньше' },
      { timestamp: '01.09.25 8:03', schoolCode: 'edu2' },
      { timestamp: '2 сент. 2025 г.', schoolCode: 'edu2', name: 'Второй' },
    ]);
    expect(read.schools.map((s) => s.name)).toEqual(['Позже', 'Второй']);
    expect(problems(read)).toEqual([
      '|||в «Отметке времени» даты вида 9/1/2025: ни одна не показывает, что первое — день|даты вида 9/1/2025 прочитаны как месяц/день/год',
      '3|edu1|01.09.2025 8:03:05|более ранний ответ школы|заменено более поздним ответом (строка 2)',
      '4|edu2|01.09.25 8:03|более ранний ответ школы|заменено более поздним ответом (строка 5)',
    ]);
  });

  it('reads «a/b/yyyy» day first when another value of the column shows it', () => {
    const read = sheet([
      { timestamp: '2/9/2025 8:00', schoolCode: 'edu1', name: '2 сентября' },
      { timestamp: '15/8/2025 8:00', schoolCode: 'edu1', name: '15 августа' },
    ]);
    expect(read.schools[0].name).toBe('2 сентября');
  });

  it('names the schools whose choice of answer depends on row order', () => {
    const read = sheet([
      { timestamp: 'позавчера', schoolCode: 'edu1', name: 'A' },
      { timestamp: 'вчера', schoolCode: 'edu1', name: 'B' },
    ]);
    expect(problems(read)).toContain(
      '3|edu1||какой ответ школы последний, по отметкам времени не понять: выбран по порядку строк (строки 2, 3)|взят ответ из строки 3',
    );
    expect(problems(read).some((p) => p.includes('более ранний'))).toBe(false);
  });
});

describe('responses: shares, answers, names and plausibility', () => {
  it('reads «43,4», «43.4», «0,434», «43,4%» in a share column as 43,4 % and asks about «0,8»', () => {
    const label = { nonNativeRussian: 'Доля обучающихся, для которых русский язык не является родным' };
    const read = sheet(
      ['43,4', '43.4', '0,434', '43,4%', '0,8'].map((v, i) => ({ schoolCode: `edu${i + 1}`, nonNativeRussian: v })),
      label,
    );
    expect(read.schools.map((s) => s.shares.nonNativeRussian)).toEqual([0.434, 0.434, 0.434, 0.434, null]);
    expect(problems(read).filter((p) => p.includes('неясно'))).toEqual([
      '6|edu5|0,8|неясно, «0,8» — это 0,8\u00a0% или 80\u00a0%: в столбце есть и проценты, и доли; запишите значение со знаком «%»|значение не использовано',
    ]);
  });

  it('reads specialists written as people write them and lists the unknown ones', () => {
    const read = sheet([{ specialists: 'Педагог психолог, социальный педагог (0,5 ставки), тьютор' }]);
    expect(read.schools[0].specialists).toEqual(['педагог-психолог', 'социальный педагог', 'тьютор']);
    expect(problems(read)).toContain(
      '2|edu1|Педагог психолог, социальный педагог (0,5 ставки), тьютор|специалист не распознан: «тьютор»|не учитывается в кадровом дефиците',
    );
  });

  it('reads territory from place names and asks about «частично»', () => {
    const read = sheet([
      { schoolCode: 'edu1', territory: 'г. Заречный', stableInternet: 'имеется' },
      { schoolCode: 'edu2', territory: 'с. Луговое', stableInternet: 'частично' },
    ]);
    expect(read.schools.map((s) => [s.territory, s.stableInternet])).toEqual([
      ['город', true],
      ['село', null],
    ]);
  });

  it('merges spellings of one municipality with a note, and names near-duplicates', () => {
    const read = sheet([
      { schoolCode: 'edu1', municipality: 'Первомайский район' },
      { schoolCode: 'edu2', municipality: 'Первомайский район' },
      { schoolCode: 'edu3', municipality: 'первомайский МР' },
      { schoolCode: 'edu4', municipality: 'Заречинский МР' },
      { schoolCode: 'edu5', municipality: 'Зареченский МР' },
    ]);
    expect(read.schools.map((s) => s.municipality)).toEqual([
      'Первомайский район',
      'Первомайский район',
      'Первомайский район',
      'Заречинский МР',
      'Зареченский МР',
    ]);
    expect(problems(read)).toEqual([
      '||Заречинский МР; Зареченский МР|муниципалитеты «Заречинский МР» и «Зареченский МР» похожи: проверьте, не один ли это муниципалитет|не объединено',
      '4||первомайский МР|другое написание муниципалитета «Первомайский район»|учтено как «Первомайский район»',
    ]);
  });

  it('does not believe a total far from the school’s counts, and reads funding in thousands as roubles', () => {
    const read = sheet([
      { schoolCode: 'edu1', totalStudents: 100000, fundingPerStudent: 85 },
      { schoolCode: 'edu2', fundingPerStudent: 80000 },
      { schoolCode: 'edu3', fundingPerStudent: 90000 },
    ]);
    expect(read.schools[0].totalStudents).toBeNull();
    expect(read.schools[0].shares.bothParentsHigherEd).toBeNull();
    // Median of 85, 80 000, 90 000 is 80 000: 85 is below 800 and 85 000 is within a factor 3 of it.
    expect(read.schools[0].fundingPerStudent).toBe(85000);
    expect(problems(read)).toEqual([
      '2|edu1|100000|«Всего обучающихся» 100000 — намного больше остальных чисел школы: похоже на опечатку|значение не использовано',
      '2|edu1|85|похоже, финансирование указано в тысячах рублей, а у других школ — в рублях|прочитано как 85000 руб.',
    ]);
  });

  it('does not take a totals row in the code column for a school', () => {
    const read = sheet([{ schoolCode: 'edu1' }, { schoolCode: 'Итого по Ярославскому МР', totalStudents: 5000 }]);
    expect(read.schools.map((s) => s.schoolCode)).toEqual(['edu1']);
    expect(problems(read)).toEqual(['|||строки итогов — не школы (строка 3)|строка не использована']);
  });
});
