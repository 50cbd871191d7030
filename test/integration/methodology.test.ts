import { describe, expect, it } from 'vitest';
import { result, school } from '../fixtures/region';
import { headerOf, newAddon, responsesRows, resultsRows, rowOf } from '../support/harness';
import type { ProcedureResult, SchoolRecord } from '../../src/core/types';

/** The responses sheet of `schools` with a «Специалисты в штате» column (checkbox answers joined by «, »). */
function withSpecialists(schools: SchoolRecord[], specialists: string[]): unknown[][] {
  const rows = responsesRows(schools);
  rows[0].push('Специалисты в штате');
  specialists.forEach((s, i) => rows[i + 1].push(s));
  return rows;
}

function addon(schools: SchoolRecord[], results: ProcedureResult[], specialists?: string[]) {
  return newAddon((twin) => {
    twin.addSheet('Ответы на форму (1)', specialists ? withSpecialists(schools, specialists) : responsesRows(schools));
    twin.addSheet('Результаты ОП', resultsRows(results));
  });
}

const cellOf = (twin: Parameters<typeof rowOf>[0], sheet: string, code: string, header: string) =>
  rowOf(twin, sheet, code)[headerOf(twin, sheet).indexOf(header)];

/*
 * Four schools of one municipality (counts of 100 students):
 *   t1, t2: 65 + 15·0,2 + 20·0,8 − 15·0,2 − 35·0,04 − 15·0,1 = 78,1 — a tie for places 1–2
 *   t3: 65 + 4,5 + 18 − 1,5 − 0,7 − 0 = 85,3;  t4: 65 + 6 + 19 − 1,5 − 0,35 − 0 = 88,15 → 88,2
 * The zone holds at most ⌊0,25·4⌋ = 1 school; the tie takes two places, so nobody is in it and t1, t2 are «на границе».
 */
const tied = [
  school('t1', 'Тестовый район', [0.2, 0.8, 0.2, 0.04, 0.1]),
  school('t2', 'Тестовый район', [0.2, 0.8, 0.2, 0.04, 0.1]),
  school('t3', 'Тестовый район', [0.3, 0.9, 0.1, 0.02, 0]),
  school('t4', 'Тестовый район', [0.4, 0.95, 0.1, 0.01, 0]),
];
const twoYears: ProcedureResult[] = tied.flatMap((s) => [
  result(s.schoolCode, 2024, 'ОГЭ математика', 10, 1),
  result(s.schoolCode, 2025, 'ОГЭ математика', 10, 1),
]);

describe('the zone of risk «не более 25 %» in the built add-in', () => {
  it('leaves a tie straddling the cut out of the zone and notes it on «ИСБШ»', () => {
    const { twin, addon: a } = addon(tied, twoYears);
    a.call('menuComputeAll');
    expect(['t1', 't2', 't3', 't4'].map((c) => cellOf(twin, 'ИСБШ', c, 'Зона риска'))).toEqual(['нет', 'нет', 'нет', 'нет']);
    expect(String(cellOf(twin, 'ИСБШ', 't1', 'Примечание'))).toContain('на границе зоны риска');
    expect(String(cellOf(twin, 'ИСБШ', 't3', 'Примечание'))).not.toContain('на границе');
  });
});

describe('the ИСБШ formula from the settings', () => {
  it('recomputes the index, its level and the zone with the saved intercept and weights', () => {
    const { twin, addon: a } = addon(tied, twoYears);
    // 60 + 10·p1 + 20·p2 − 10·p3 − 30·p4 − 10·p5; t1: 60 + 2 + 16 − 2 − 1,2 − 1 = 73,8; t3: 60 + 3 + 18 − 1 − 0,6 = 79,4;
    // t4: 60 + 4 + 19 − 1 − 0,3 = 81,7. Bounds stay the defaults, all within [60 − 50, 60 + 30] = [10, 90].
    const settings = a.run('sidebarState').settings;
    const saved = a.run('sidebarSaveSettings', {
      ...settings,
      isbshIntercept: 60,
      isbshWeights: { bothParentsHigherEd: 10, comfortableHousing: 20, singleParent: -10, registered: -30, nonNativeRussian: -10 },
    });
    expect(saved.ok).toBe(true);
    a.call('menuComputeAll');
    expect(['t1', 't3', 't4'].map((c) => cellOf(twin, 'ИСБШ', c, 'ИСБШ'))).toEqual([73.8, 79.4, 81.7]);
    // 79,4 < 79,5 → низкий; 81,7 ≥ 81,6 → средний
    expect(['t3', 't4'].map((c) => cellOf(twin, 'ИСБШ', c, 'Уровень ИСБШ'))).toEqual(['низкий', 'средний']);
  });

  it('refuses weights that are not numbers, in Russian', () => {
    const { addon: a } = addon(tied, twoYears);
    const settings = a.run('sidebarState').settings;
    const bad = a.run('sidebarSaveSettings', { ...settings, isbshWeights: { ...settings.isbshWeights, registered: 'много' } });
    expect(bad.ok).toBe(false);
    expect(JSON.stringify(bad)).toContain('вес доли «на различных видах учёта»');
  });
});

describe('кадровый дефицит by the specialists of the settings', () => {
  const specialists = ['педагог-психолог, учитель-дефектолог, социальный педагог', 'педагог-психолог', 'учитель-логопед', ''];
  it('by default only a school with none of them has the deficit, and «ИСБШ» names who is missing', () => {
    const { twin, addon: a } = addon(tied, twoYears, specialists);
    a.call('menuComputeAll');
    // the form has no teacher categories, so a school with the specialists is «unknown» (empty), not «нет»
    expect(['t1', 't2', 't3'].map((c) => cellOf(twin, 'ИСБШ', c, 'Кадровый дефицит'))).toEqual(['', '', 'да']);
    expect(cellOf(twin, 'ИСБШ', 't2', 'Нет в штате (необходимые специалисты)')).toBe('учитель-дефектолог, социальный педагог');
    expect(cellOf(twin, 'ИСБШ', 't3', 'Нет в штате (необходимые специалисты)')).toBe(
      'педагог-психолог, учитель-дефектолог, социальный педагог',
    );
  });

  it('with «нет хотя бы одного» a school missing one has it too', () => {
    const { twin, addon: a } = addon(tied, twoYears, specialists);
    const settings = a.run('sidebarState').settings;
    expect(a.run('sidebarSaveSettings', { ...settings, staffingSpecialistsRule: 'anyMissing' }).ok).toBe(true);
    a.call('menuComputeAll');
    expect(['t1', 't2', 't3'].map((c) => cellOf(twin, 'ИСБШ', c, 'Кадровый дефицит'))).toEqual(['', 'да', 'да']);
    expect(String(cellOf(twin, 'ИСБШ', 't2', 'Примечание'))).toContain(
      'нет необходимых специалистов: учитель-дефектолог, социальный педагог',
    );
  });
});

describe('two procedures of one subject in one year', () => {
  // t1: ВПР математика 5 — 4/10 = 40 %, ВПР математика 6 — 3/10 = 30 % in 2025, nothing failing in 2024
  const rows = [...twoYears, result('t1', 2025, 'ВПР математика 5', 10, 4), result('t1', 2025, 'ВПР математика 6', 10, 3)];
  it('make a school ШНОР by default and not when only different subjects count', () => {
    const first = addon(tied, rows);
    first.addon.call('menuComputeAll');
    expect(cellOf(first.twin, 'ШНОР', 't1', 'Статус ШНОР')).toBe('ШНОР');
    const second = addon(tied, rows);
    const settings = second.addon.run('sidebarState').settings;
    expect(second.addon.run('sidebarSaveSettings', { ...settings, sameSubjectCountsTwice: false }).ok).toBe(true);
    second.addon.call('menuComputeAll');
    expect(cellOf(second.twin, 'ШНОР', 't1', 'Статус ШНОР')).toBe('не ШНОР');
  });
});

describe('«Показатели» and the assignments people make', () => {
  /*
   * 2024 and 2025, ОГЭ математика and ОГЭ русский язык of 10 participants:
   *   t1: 4, 3 → 4, 3 (ШНОР both years, shares unchanged: no positive dynamics)
   *   t2: 4, 3 → 1, 1 (left the list: математика 40 % → 10 % fell)
   *   t3, t4: 1, 1 → 1, 1
   * ШНОР 2025: t1 only, of 4 assessed = 25 %. Former ШНОР (2024): t1, t2; positive dynamics: t2 → 1 of 2 = 50 %.
   */
  const rows: ProcedureResult[] = [];
  const shares: Record<string, [number, number, number, number]> = {
    t1: [4, 3, 4, 3],
    t2: [4, 3, 1, 1],
    t3: [1, 1, 1, 1],
    t4: [1, 1, 1, 1],
  };
  for (const [code, [m24, r24, m25, r25]] of Object.entries(shares)) {
    rows.push(
      result(code, 2024, 'ОГЭ математика', 10, m24),
      result(code, 2024, 'ОГЭ русский язык', 10, r24),
      result(code, 2025, 'ОГЭ математика', 10, m25),
      result(code, 2025, 'ОГЭ русский язык', 10, r25),
    );
  }
  const indicator = (twin: Parameters<typeof rowOf>[0], name: string) => {
    const header = headerOf(twin, 'Показатели', 'Направление');
    const row = twin.sheetValues('Показатели').find((r) => String(r[header.indexOf('Показатель')]).startsWith(name));
    if (!row) throw new Error(`no indicator «${name}»`);
    const at = (h: string) => row[header.indexOf(h)];
    return { actual: at('Фактическое значение'), numerator: at('Числитель'), denominator: at('Знаменатель'), met: at('Достигнуто') };
  };

  it('shows every indicator with its numerator and denominator', () => {
    const { twin, addon: a } = addon(tied, rows);
    a.call('menuComputeAll');
    expect(indicator(twin, 'Доля школ с низкими')).toEqual({ actual: 0.25, numerator: 1, denominator: 4, met: 'нет' });
    expect(indicator(twin, 'Доля ШНОР с положительной динамикой')).toEqual({ actual: 0.5, numerator: 1, denominator: 2, met: 'да' });
    expect(indicator(twin, 'Доля школ, включённых в мониторинг')).toEqual({ actual: 1, numerator: 4, denominator: 4, met: 'да' });
    // the zone is empty (the tie of t1, t2 is at the boundary): 0 of 4 schools with an index
    expect(indicator(twin, 'Доля школ, в которых выявлены риски')).toEqual({ actual: 0, numerator: 0, denominator: 4, met: 'нет' });
    // no mentor assigned yet: the add-in's suggestions do not count
    expect(indicator(twin, 'Доля ШНОР, за которыми закреплены наставники')).toEqual({
      actual: 0,
      numerator: 0,
      denominator: 1,
      met: 'нет',
    });
    expect(twin.sheetValues('Показатели').filter((r) => r[1] !== '' && /^(Первое|Второе)$/.test(String(r[0]))).length).toBe(19);
  });

  it('keeps «Назначенный наставник / куратор» and hand entries across a rebuild, and counts the assignment', () => {
    const { twin, addon: a } = addon(tied, rows);
    a.call('menuComputeAll');
    const shnorHeader = headerOf(twin, 'ШНОР');
    const shnorRow = twin.sheetValues('ШНОР').findIndex((r) => r[0] === 't1');
    twin.spreadsheet
      .getSheetByName('ШНОР')!
      .getRange(shnorRow + 1, shnorHeader.indexOf('Назначенный наставник / куратор') + 1)
      .setValue('Иванова И. И., МБОУ СОШ № 5');
    const header = headerOf(twin, 'Показатели', 'Направление');
    const iomRow = twin
      .sheetValues('Показатели')
      .findIndex((r) => String(r[header.indexOf('Показатель')]).startsWith('Доля обучающихся с академической задолженностью, имеющих'));
    twin.spreadsheet
      .getSheetByName('Показатели')!
      .getRange(iomRow + 1, header.indexOf('Фактическое значение') + 1)
      .setValue(0.3);
    a.call('menuComputeAll');
    expect(cellOf(twin, 'ШНОР', 't1', 'Назначенный наставник / куратор')).toBe('Иванова И. И., МБОУ СОШ № 5');
    expect(indicator(twin, 'Доля ШНОР, за которыми закреплены наставники')).toEqual({ actual: 1, numerator: 1, denominator: 1, met: 'да' });
    expect(indicator(twin, 'Доля обучающихся с академической задолженностью, имеющих')).toMatchObject({ actual: 0.3, met: 'да' });
  });
});

describe('the federal list and signs of non-objective ВПР results', () => {
  /*
   * 2024 and 2025 as in «Показатели» above: t1 ШНОР in 2025 (ОГЭ математика 40 %, ОГЭ русский язык 30 %), the others not
   * (t2 10 %, 10 %). «Список ФИОКО» for 2025: t1 and t2 → t1 in both lists, t2 only in the federal one (our data: not
   * ШНОР, highest share 10 %). «Объективность ВПР» 2025: t1 ВПР математика 5 confirmed 40 % (< 50 %), t3 confirmed 70 %
   * and raised 25 % (> 20 %), t4 confirmed 80 %, raised 10 %: t1 and t3 are flagged.
   */
  const rows: ProcedureResult[] = [];
  const counts: Record<string, [number, number]> = { t1: [4, 3], t2: [1, 1], t3: [1, 1], t4: [1, 1] };
  for (const [code, [m, r]] of Object.entries(counts)) {
    for (const year of [2024, 2025]) rows.push(result(code, year, 'ОГЭ математика', 10, m), result(code, year, 'ОГЭ русский язык', 10, r));
  }
  const withInputs = () =>
    newAddon((twin) => {
      twin.addSheet('Ответы на форму (1)', responsesRows(tied));
      twin.addSheet('Результаты ОП', resultsRows(rows));
      twin.addSheet('Список ФИОКО', [
        ['Код ОО', 'Год'],
        ['t1', 2025],
        ['t2', '2024/25'],
        ['t9', 'в прошлом году'],
      ]);
      twin.addSheet('Объективность ВПР', [
        ['Код ОО', 'Год', 'Процедура', 'Понизили', 'Подтвердили', 'Повысили'],
        ['t1', 2025, 'ВПР математика 5', 0.1, 0.4, 0.5],
        ['t3', 2025, 'ВПР математика 5', '5 %', '70 %', '25 %'],
        ['t4', 2025, 'ВПР математика 5', 10, 80, 10],
        ['x1', 2025, 'ВПР математика 5', 10, 80, 10],
      ]);
    });

  it('creates both templates from the menu, once', () => {
    const { twin, addon: a } = newAddon();
    a.call('menuCreateComparisonTemplates');
    expect(headerOf(twin, 'Список ФИОКО')).toEqual(['Код ОО', 'Год']);
    expect(headerOf(twin, 'Объективность ВПР')).toEqual(['Код ОО', 'Год', 'Процедура', 'Понизили', 'Подтвердили', 'Повысили']);
    const before = twin.snapshotSheet('Список ФИОКО');
    a.call('menuCreateComparisonTemplates');
    expect(twin.snapshotSheet('Список ФИОКО')).toBe(before);
    expect(twin.ui.alerts.at(-1)?.message).toContain('Уже были и не изменены');
  });

  it('writes «Сверка с федеральным списком», the flags in «ШНОР», the counts in «Муниципалитеты» and «Показатели», and the data check', () => {
    const { twin, addon: a } = withInputs();
    const inputsBefore = [twin.snapshotSheet('Список ФИОКО'), twin.snapshotSheet('Объективность ВПР')];
    a.call('menuComputeAll');
    const header = headerOf(twin, 'Сверка с федеральным списком');
    const kind = (code: string) => rowOf(twin, 'Сверка с федеральным списком', code)[header.indexOf('Сверка')];
    const detail = (code: string) =>
      rowOf(twin, 'Сверка с федеральным списком', code)[header.indexOf('Основание или что говорят наши данные')];
    expect([kind('t1'), kind('t2')]).toEqual(['в обоих списках', 'только в федеральном списке']);
    expect(detail('t1')).toBe(
      '2025: ОГЭ математика — 40 %, ОГЭ русский язык — 30 %; ОГЭ математика: 40 % (2024) и 40 % (2025); ОГЭ русский язык: 30 % (2024) и 30 % (2025)',
    );
    expect(detail('t2')).toBe('по нашим данным не ШНОР: наибольшая доля не преодолевших порог 10 % (2025)');

    expect(cellOf(twin, 'ШНОР', 't1', 'Признаки необъективности')).toBe(
      'ВПР математика 5: подтвердили 40 % (меньше 50 %), повысили 50 % (больше 20 %)',
    );
    expect(cellOf(twin, 'ШНОР', 't3', 'Признаки необъективности')).toBe('ВПР математика 5: повысили 25 % (больше 20 %)');
    expect(cellOf(twin, 'ШНОР', 't4', 'Признаки необъективности')).toBe('');
    const m = headerOf(twin, 'Муниципалитеты', 'Муниципалитет');
    expect(rowOf(twin, 'Муниципалитеты', 'Тестовый район')[m.indexOf('Признаки необъективности ВПР')]).toBe(2);

    const values = twin.sheetValues('Показатели');
    const ih = headerOf(twin, 'Показатели', 'Направление');
    const actual = (start: string) =>
      values.find((r) => String(r[ih.indexOf('Показатель')]).startsWith(start))![ih.indexOf('Фактическое значение')];
    expect([actual('Школы в обоих списках'), actual('Школы только в нашем'), actual('Школы только в федеральном')]).toEqual([1, 0, 1]);

    const check = JSON.stringify(twin.sheetValues('Проверка данных'));
    expect(check).toContain('год не распознан: «в прошлом году»');
    expect(check).toContain('школа не найдена в ответах формы');
    expect([twin.snapshotSheet('Список ФИОКО'), twin.snapshotSheet('Объективность ВПР')]).toEqual(inputsBefore);
  });
});
