import { describe, expect, it } from 'vitest';
import { compareWithFederalList, federalComparisonCounts, type OurSchool } from '../../src/core/federalList';

const ours = (schoolCode: string, status: OurSchool['status'], reason = '', maxShare: number | null = null): OurSchool => ({
  schoolCode,
  name: `Школа ${schoolCode}`,
  municipality: 'М',
  status,
  reason,
  maxShare,
});

describe('compareWithFederalList', () => {
  /*
   * Ours in 2024: a (ШНОР), b (ШНОР), c (не ШНОР, highest share 1/4 = 25 %), d (нет данных).
   * Federal 2024: a, c, d, x (x is not in our form); federal 2023: b (another year: not compared).
   * → a both; b ours only; c, d, x federal only with what our data say.
   */
  const rows = compareWithFederalList(
    [
      ours('a', 'ШНОР', 'ОГЭ математика: 40 % (2023) и 35 % (2024)', 0.35),
      ours('b', 'ШНОР', '2024: ОГЭ математика — 50 %, ОГЭ русский язык — 30 %', 0.5),
      ours('c', 'не ШНОР', '', 0.25),
      ours('d', 'нет данных'),
    ],
    [
      { schoolCode: 'a', year: 2024 },
      { schoolCode: 'c', year: 2024 },
      { schoolCode: 'd', year: 2024 },
      { schoolCode: 'x', year: 2024 },
      { schoolCode: 'b', year: 2023 },
    ],
    2024,
  );

  it('puts each school in one of the three groups, both first', () => {
    expect(rows.map((r) => [r.schoolCode, r.kind])).toEqual([
      ['a', 'в обоих списках'],
      ['b', 'только в нашем списке'],
      // x has no municipality in our data, so it sorts first within its group
      ['x', 'только в федеральном списке'],
      ['c', 'только в федеральном списке'],
      ['d', 'только в федеральном списке'],
    ]);
  });

  it('gives our reason, or what our data say about a federal-only school', () => {
    const detail = Object.fromEntries(rows.map((r) => [r.schoolCode, r.detail]));
    expect(detail.a).toBe('ОГЭ математика: 40 % (2023) и 35 % (2024)');
    expect(detail.b).toBe('2024: ОГЭ математика — 50 %, ОГЭ русский язык — 30 %');
    expect(detail.c).toBe('по нашим данным не ШНОР: наибольшая доля не преодолевших порог 25 % (2024)');
    expect(detail.d).toBe('нет результатов за 2024');
    expect(detail.x).toBe('школы нет в ответах формы «Социальный паспорт школы»');
  });

  it('counts the groups', () => {
    expect(federalComparisonCounts(rows)).toEqual({ 'в обоих списках': 1, 'только в нашем списке': 1, 'только в федеральном списке': 3 });
  });
});
