import { describe, expect, it } from 'vitest';
import { result, school } from '../fixtures/region';
import { headerOf, newAddon, responsesRows, resultsRows, rowOf } from '../support/harness';

/**
 * A hand-made region of three years (2023–2025) and two school years of form answers (2023/24, 2024/25).
 * Municipality «Аш»: p1–p4 (a zone of ⌊0,25·4⌋ = 1 school); «Беш»: q1 (one school: too few for a zone).
 * ИСБШ of the four share sets (worked in test/fixtures/region.ts): low 78,1; mid 81,7; high 85,3; top 88,2.
 */
const LOW: [number, number, number, number, number] = [0.2, 0.8, 0.2, 0.04, 0.1];
const MID: [number, number, number, number, number] = [0.25, 0.85, 0.15, 0.03, 0.05];
const HIGH: [number, number, number, number, number] = [0.3, 0.9, 0.1, 0.02, 0];
const TOP: [number, number, number, number, number] = [0.4, 0.95, 0.1, 0.01, 0];

const A = 'Аш';
const B = 'Беш';

function threeYearRegion() {
  // 2023/24 (October 2023): p1 low, p2 high, p3 mid, p4 top, q1 mid.
  const first = [
    school('p1', A, LOW),
    school('p2', A, HIGH),
    school('p3', A, MID),
    school('p4', A, TOP),
    school('q1', B, MID, { territory: 'село' }),
  ];
  // 2024/25 (October 2024): p1 high, p2 high, p3 mid, p4 top; p3 corrects itself in November 2024 to low. q1 does not answer.
  const second = [school('p1', A, HIGH), school('p2', A, HIGH), school('p3', A, MID), school('p4', A, TOP)];
  const correction = [school('p3', A, LOW)];
  const responses = [
    ...responsesRows(first, new Date(Date.UTC(2023, 9, 2, 9))),
    ...responsesRows(second, new Date(Date.UTC(2024, 9, 1, 9))).slice(1),
    ...responsesRows(correction, new Date(Date.UTC(2024, 10, 5, 9))).slice(1),
  ];
  const results = [
    // p1: 2023 ОГЭ м 40 % + ОГЭ р 30 % → ШНОР (a), cluster by 40 % = умеренно;
    //     2024 ОГЭ м 35 %, р 10 %: 35 % after 40 % (b) → ШНОР базово; 2025 ОГЭ м 60 % after 35 % (b) → ШНОР сильно.
    result('p1', 2023, 'ОГЭ математика', 10, 4),
    result('p1', 2023, 'ОГЭ русский язык', 10, 3),
    result('p1', 2024, 'ОГЭ математика', 20, 7),
    result('p1', 2024, 'ОГЭ русский язык', 20, 2),
    result('p1', 2025, 'ОГЭ математика', 10, 6),
    result('p1', 2025, 'ОГЭ русский язык', 10, 1),
    // p2: 2023 ВПР м5 50 % + ВПР р5 50 % → ШНОР умеренно (50 % ≤ 50 %); 2024 10 % and 0 % → не ШНОР;
    //     2025 30 % + 40 % → ШНОР (a) умеренно: back on the list.
    result('p2', 2023, 'ВПР математика 5', 10, 5),
    result('p2', 2023, 'ВПР русский язык 5', 10, 5),
    result('p2', 2024, 'ВПР математика 5', 10, 1),
    result('p2', 2024, 'ВПР русский язык 5', 10, 0),
    result('p2', 2025, 'ВПР математика 5', 10, 3),
    result('p2', 2025, 'ВПР русский язык 5', 10, 4),
    // p3: 2023 ОГЭ м 30 % alone, no 2022 → не ШНОР; 2024, 2025 0 % → не ШНОР.
    result('p3', 2023, 'ОГЭ математика', 10, 3),
    result('p3', 2024, 'ОГЭ математика', 10, 0),
    result('p3', 2025, 'ОГЭ математика', 10, 0),
    // p4: nothing in 2023; 2024 ЕГЭ р 10 % → не ШНОР; 2025 ЕГЭ р 50 % + ЕГЭ м (баз.) 30 % → ШНОР (a) умеренно.
    result('p4', 2024, 'ЕГЭ русский язык', 20, 2),
    result('p4', 2025, 'ЕГЭ русский язык', 20, 10),
    result('p4', 2025, 'ЕГЭ математика (базовая)', 20, 6),
    // q1: 2023 ОГЭ м 40 % alone → не ШНОР; 2024 40 % again (b) → ШНОР умеренно; 2025 no rows → нет данных.
    result('q1', 2023, 'ОГЭ математика', 10, 4),
    result('q1', 2024, 'ОГЭ математика', 10, 4),
  ];
  return newAddon((twin) => {
    twin.addSheet('Ответы на форму (1)', responses);
    twin.addSheet('Результаты ОП', resultsRows(results));
  });
}

const PROCEDURES = [
  'ВПР математика 5',
  'ВПР русский язык 5',
  'ОГЭ математика',
  'ОГЭ русский язык',
  'ЕГЭ математика (базовая)',
  'ЕГЭ русский язык',
];

/** Every column of «История» per school, worked out by hand from the comments above ('' = an empty cell). */
const EXPECTED: Record<string, Record<string, unknown>> = {
  p1: {
    'Наименование ОО': 'Школа p1',
    Муниципалитет: A,
    'Тип территории': 'город',
    'Статус 2023': 'ШНОР',
    'Кластер 2023': 'умеренно неуспевающие',
    'Статус 2024': 'ШНОР',
    'Кластер 2024': 'базово неуспевающие',
    'Статус 2025': 'ШНОР',
    'Кластер 2025': 'сильно неуспевающие',
    'Лет подряд ШНОР': 3,
    'Повторно включена': 'нет',
    'Устойчиво низкие результаты (3 года)': 'да',
    'ОГЭ математика 2023': 0.4,
    'ОГЭ математика 2024': 0.35,
    'ОГЭ математика 2025': 0.6,
    'ОГЭ русский язык 2023': 0.3,
    'ОГЭ русский язык 2024': 0.1,
    'ОГЭ русский язык 2025': 0.1,
    // 2023/24 low 78,1 is the lowest of «Аш» (with 85,3, 81,7, 88,2) → in the zone; 2024/25 high 85,3 → out.
    'ИСБШ 2023/24': 78.1,
    'Зона риска 2023/24': 'да',
    'ИСБШ 2024/25': 85.3,
    'Зона риска 2024/25': 'нет',
    'Зона риска: 2023/24 → 2024/25': 'вышла из зоны риска',
  },
  p2: {
    'Тип территории': 'город',
    'Статус 2023': 'ШНОР',
    'Кластер 2023': 'умеренно неуспевающие',
    'Статус 2024': 'не ШНОР',
    'Кластер 2024': '',
    'Статус 2025': 'ШНОР',
    'Кластер 2025': 'умеренно неуспевающие',
    'Лет подряд ШНОР': 1,
    'Повторно включена': 'да',
    'Устойчиво низкие результаты (3 года)': 'нет',
    'ВПР математика 5 2023': 0.5,
    'ВПР математика 5 2024': 0.1,
    'ВПР математика 5 2025': 0.3,
    'ВПР русский язык 5 2023': 0.5,
    'ВПР русский язык 5 2024': 0,
    'ВПР русский язык 5 2025': 0.4,
    'ИСБШ 2023/24': 85.3,
    'Зона риска 2023/24': 'нет',
    'ИСБШ 2024/25': 85.3,
    'Зона риска 2024/25': 'нет',
    'Зона риска: 2023/24 → 2024/25': 'без изменений',
  },
  p3: {
    'Статус 2023': 'не ШНОР',
    'Статус 2024': 'не ШНОР',
    'Статус 2025': 'не ШНОР',
    'Кластер 2023': '',
    'Кластер 2024': '',
    'Кластер 2025': '',
    'Лет подряд ШНОР': 0,
    'Повторно включена': 'нет',
    'Устойчиво низкие результаты (3 года)': 'нет',
    'ОГЭ математика 2023': 0.3,
    'ОГЭ математика 2024': 0,
    'ОГЭ математика 2025': 0,
    'ОГЭ русский язык 2023': '',
    // 2024/25: the November correction (low 78,1) wins over the October answer (mid) and is the lowest → in the zone.
    'ИСБШ 2023/24': 81.7,
    'Зона риска 2023/24': 'нет',
    'ИСБШ 2024/25': 78.1,
    'Зона риска 2024/25': 'да',
    'Зона риска: 2023/24 → 2024/25': 'вошла в зону риска',
  },
  p4: {
    'Статус 2023': 'нет данных',
    'Статус 2024': 'не ШНОР',
    'Статус 2025': 'ШНОР',
    'Кластер 2025': 'умеренно неуспевающие',
    // Two years with data, three needed: the rule cannot be checked.
    'Лет подряд ШНОР': 1,
    'Повторно включена': 'нет',
    'Устойчиво низкие результаты (3 года)': 'мало лет с данными',
    'ЕГЭ русский язык 2023': '',
    'ЕГЭ русский язык 2024': 0.1,
    'ЕГЭ русский язык 2025': 0.5,
    'ЕГЭ математика (базовая) 2024': '',
    'ЕГЭ математика (базовая) 2025': 0.3,
    'ИСБШ 2023/24': 88.2,
    'Зона риска 2023/24': 'нет',
    'ИСБШ 2024/25': 88.2,
    'Зона риска 2024/25': 'нет',
    'Зона риска: 2023/24 → 2024/25': 'без изменений',
  },
  q1: {
    Муниципалитет: B,
    'Тип территории': 'село',
    'Статус 2023': 'не ШНОР',
    'Статус 2024': 'ШНОР',
    'Кластер 2024': 'умеренно неуспевающие',
    'Статус 2025': 'нет данных',
    // No data for Y: no run, no re-inclusion; two years with data of three.
    'Лет подряд ШНОР': '',
    'Повторно включена': '',
    'Устойчиво низкие результаты (3 года)': 'мало лет с данными',
    'ОГЭ математика 2023': 0.4,
    'ОГЭ математика 2024': 0.4,
    'ОГЭ математика 2025': '',
    // One school in «Беш»: nobody is flagged; no answer in 2024/25, so no change.
    'ИСБШ 2023/24': 81.7,
    'Зона риска 2023/24': 'нет',
    'ИСБШ 2024/25': '',
    'Зона риска 2024/25': '',
    'Зона риска: 2023/24 → 2024/25': '',
  },
};

describe('«История» of a hand-made three-year region, on the built add-in', () => {
  const { twin, addon } = threeYearRegion();
  addon.call('menuComputeAll');

  it('has one column per year for status and cluster, per canonical procedure and year, and per school year', () => {
    expect(twin.ui.alerts.at(-1)?.message).toMatch(/^Расчёт за 2025 год завершён\. Школ: 5; ШНОР: 3;/);
    const header = headerOf(twin, 'История');
    expect(header).toEqual([
      'Код ОО',
      'Наименование ОО',
      'Муниципалитет',
      'Тип территории',
      'Статус 2023',
      'Кластер 2023',
      'Статус 2024',
      'Кластер 2024',
      'Статус 2025',
      'Кластер 2025',
      'Лет подряд ШНОР',
      'Повторно включена',
      'Устойчиво низкие результаты (3 года)',
      ...PROCEDURES.flatMap((p) => [2023, 2024, 2025].map((y) => `${p} ${y}`)),
      'ИСБШ 2023/24',
      'Зона риска 2023/24',
      'ИСБШ 2024/25',
      'Зона риска 2024/25',
      'Зона риска: 2023/24 → 2024/25',
    ]);
  });

  it('checks every column of every school against the hand-worked values', () => {
    const header = headerOf(twin, 'История');
    for (const [code, expected] of Object.entries(EXPECTED)) {
      const row = rowOf(twin, 'История', code);
      const cell = (name: string) => row[header.indexOf(name)];
      for (const [column, value] of Object.entries(expected)) {
        expect(header, column).toContain(column);
        if (typeof value === 'number' && !Number.isInteger(value)) expect(cell(column), `${code} ${column}`).toBeCloseTo(value, 9);
        else expect(cell(column), `${code} ${column}`).toBe(value);
      }
    }
    // Every procedure column not named above is empty: no row for that procedure and year.
    for (const [code, expected] of Object.entries(EXPECTED)) {
      const row = rowOf(twin, 'История', code);
      for (const column of PROCEDURES.flatMap((p) => [2023, 2024, 2025].map((y) => `${p} ${y}`))) {
        if (!(column in expected)) expect(row[header.indexOf(column)], `${code} ${column}`).toBe('');
      }
    }
  });

  it('counts ШНОР by year per municipality and for the region, with a line chart', () => {
    // «Аш» (4 schools): 2023 p1, p2 = 2 → 50 %; 2024 p1 = 1 → 25 %; 2025 p1, p2, p4 = 3 → 75 %; no data: p4 in 2023.
    // «Беш» (1): 2023 0; 2024 q1 → 100 %; 2025 no data. Region (5): 2 → 40 %, 2 → 40 %, 3 → 60 %.
    const header = headerOf(twin, 'ШНОР по годам', 'Муниципалитет');
    const at = (key: string, column: string) => rowOf(twin, 'ШНОР по годам', key)[header.indexOf(column)];
    expect([at(A, 'ШНОР 2023'), at(A, 'ШНОР 2024'), at(A, 'ШНОР 2025')]).toEqual([2, 1, 3]);
    expect([at(A, 'Доля ШНОР 2023'), at(A, 'Доля ШНОР 2024'), at(A, 'Доля ШНОР 2025')]).toEqual([0.5, 0.25, 0.75]);
    expect([at(A, 'Без статуса 2023 (нет или неполные данные)'), at(B, 'Без статуса 2025 (нет или неполные данные)')]).toEqual([1, 1]);
    expect([at(B, 'Доля ШНОР 2023'), at(B, 'Доля ШНОР 2024')]).toEqual([0, 1]);
    expect([
      at('Всего по региону', 'Доля ШНОР 2023'),
      at('Всего по региону', 'Доля ШНОР 2024'),
      at('Всего по региону', 'Доля ШНОР 2025'),
    ]).toEqual([0.4, 0.4, 0.6]);
    const charts = twin.spreadsheet.getSheetByName('ШНОР по годам')!.getCharts();
    expect(charts).toHaveLength(1);
    expect(String(charts[0].getOptions().get('title'))).toBe('Доля ШНОР по годам');
    expect(String(charts[0].modify().getChartType())).toBe('LINE');
  });

  it('leaves the reporting year’s ШНОР share the same as «Муниципалитеты»', () => {
    const header = headerOf(twin, 'Муниципалитеты', 'Муниципалитет');
    expect(rowOf(twin, 'Муниципалитеты', 'Всего по региону')[header.indexOf('Доля ШНОР')]).toBe(0.6);
  });
});
