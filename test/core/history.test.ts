import { describe, expect, it } from 'vitest';
import {
  computeHistory,
  consecutiveShnorYears,
  isReincluded,
  isStableLow,
  schoolYearLabel,
  schoolYearOf,
  shnorShareByYear,
  zoneChange,
} from '../../src/core/history';
import { defaultSettings } from '../../src/core/settings';
import type { ShnorStatusLabel } from '../../src/core/types';
import { result, school } from '../fixtures/region';

const S: ShnorStatusLabel = 'ШНОР';
const N: ShnorStatusLabel = 'не ШНОР';
const X: ShnorStatusLabel = 'нет данных';
const I: ShnorStatusLabel = 'неполные данные';

describe('a school year runs from September to August', () => {
  it('puts September onwards in the school year that starts then, and January–August in the one before', () => {
    expect(schoolYearOf(2023, 9)).toBe(2023);
    expect(schoolYearOf(2023, 12)).toBe(2023);
    expect(schoolYearOf(2024, 1)).toBe(2023);
    expect(schoolYearOf(2024, 8)).toBe(2023);
    expect(schoolYearOf(2024, 9)).toBe(2024);
    expect(schoolYearLabel(2023)).toBe('2023/24');
    expect(schoolYearLabel(2099)).toBe('2099/00');
  });
});

describe('runs of ШНОР years', () => {
  it('counts ШНОР years back from Y, skipping years without data and stopping at «не ШНОР»', () => {
    expect(consecutiveShnorYears([S, S, S])).toBe(3);
    expect(consecutiveShnorYears([S, N, S])).toBe(1);
    expect(consecutiveShnorYears([S, X, S])).toBe(2);
    expect(consecutiveShnorYears([S, S, N])).toBe(0);
    expect(consecutiveShnorYears([S, S, X])).toBeNull();
    // «неполные данные» is no status either: it neither breaks nor extends a run, and in Y it leaves the run unknown.
    expect(consecutiveShnorYears([S, I, S])).toBe(2);
    expect(consecutiveShnorYears([S, S, I])).toBeNull();
    expect(consecutiveShnorYears([])).toBeNull();
  });

  it('calls a school «повторно включена» only when ШНОР in Y after a year off the list that followed a ШНОР year', () => {
    expect(isReincluded([S, N, S])).toBe(true);
    expect(isReincluded([S, X, N, S])).toBe(true);
    expect(isReincluded([N, S, S])).toBe(false); // never left the list
    expect(isReincluded([N, N, S])).toBe(false); // first time on the list
    expect(isReincluded([S, N, N])).toBe(false); // not ШНОР in Y
    expect(isReincluded([S, N, X])).toBeNull();
    expect(isReincluded([S, I, S])).toBe(false); // an incomplete year is not a year off the list
    expect(isReincluded([S, N, I])).toBeNull();
  });

  it('calls results «устойчиво низкие» when ШНОР in each of the last N years with data, and cannot tell with fewer years', () => {
    expect(isStableLow([S, S, S], 3)).toBe(true);
    expect(isStableLow([N, S, S, S], 3)).toBe(true);
    expect(isStableLow([S, X, S, S], 3)).toBe(true); // the year without data is skipped
    expect(isStableLow([S, N, S], 3)).toBe(false);
    expect(isStableLow([S, S], 3)).toBeNull();
    expect(isStableLow([S, S], 2)).toBe(true);
    expect(isStableLow([S, X, X], 3)).toBeNull();
  });

  it('names the change of the zone of risk between two school years', () => {
    expect(zoneChange(false, true)).toBe('вошла в зону риска');
    expect(zoneChange(true, false)).toBe('вышла из зоны риска');
    expect(zoneChange(true, true)).toBe('без изменений');
    expect(zoneChange(null, true)).toBeNull();
    expect(zoneChange(false, null)).toBeNull();
  });
});

describe('the history of a region', () => {
  // Three years; t = 30 %.
  //  h1: 2023 ОГЭ м 40 % + ОГЭ р 30 % (a) → ШНОР, cluster by 40 % = умеренно; 2024 ОГЭ м 35 %, ОГЭ р 10 %: 35 % after 40 % (b)
  //      → ШНОР базово; 2025 ОГЭ м 60 %, 30 % after 35 % (b) → ШНОР сильно. Three in a row, устойчиво низкие.
  //  h2: 2023 ШНОР (50 % + 50 %, умеренно), 2024 10 % + 10 % → не ШНОР, 2025 30 % + 40 % → ШНОР умеренно: повторно включена.
  //      (Without its 2024 русский язык row h2 would be «неполные данные» in 2024: 50 % in 2023 could repeat, criterion (б).)
  //  h3: 2023 only ОГЭ м 30 % — one procedure, no 2022 → не ШНОР; 2024 and 2025 no rows → нет данных.
  const results = [
    result('h1', 2023, 'ОГЭ математика', 10, 4),
    result('h1', 2023, 'ОГЭ русский язык', 10, 3),
    result('h1', 2024, 'ОГЭ математика', 20, 7),
    result('h1', 2024, 'ОГЭ русский язык', 20, 2),
    result('h1', 2025, 'ОГЭ математика', 10, 6),
    result('h2', 2023, 'ОГЭ математика', 10, 5),
    result('h2', 2023, 'ОГЭ русский язык', 10, 5),
    result('h2', 2024, 'ОГЭ математика', 10, 1),
    result('h2', 2024, 'ОГЭ русский язык', 10, 1),
    result('h2', 2025, 'ОГЭ математика', 10, 3),
    result('h2', 2025, 'ОГЭ русский язык', 10, 4),
    result('h3', 2023, 'ОГЭ математика', 10, 3),
  ];
  const history = computeHistory({
    schoolCodes: ['h1', 'h2', 'h3'],
    results,
    year: 2025,
    settings: defaultSettings(),
    zoneGroup: (r) => r.municipality,
  });

  it('gives every year a status and a cluster, and each procedure its share', () => {
    expect(history.years).toEqual([2023, 2024, 2025]);
    const [h1, h2, h3] = history.schools;
    expect(h1.statuses).toEqual([
      { status: S, cluster: 'умеренно неуспевающие' },
      { status: S, cluster: 'базово неуспевающие' },
      { status: S, cluster: 'сильно неуспевающие' },
    ]);
    expect(h2.statuses.map((s) => s.status)).toEqual([S, N, S]);
    expect(h3.statuses.map((s) => s.status)).toEqual([N, X, X]);
    expect(h1.shares[1].get('ОГЭ математика')).toBeCloseTo(0.35);
    expect(h1.shares[2].has('ОГЭ русский язык')).toBe(false);
  });

  it('counts runs, re-inclusion and stable low results', () => {
    const [h1, h2, h3] = history.schools;
    expect([h1.consecutiveShnor, h2.consecutiveShnor, h3.consecutiveShnor]).toEqual([3, 1, null]);
    expect([h1.reincluded, h2.reincluded, h3.reincluded]).toEqual([false, true, null]);
    expect([h1.stableLow, h2.stableLow, h3.stableLow]).toEqual([true, false, null]);
    expect(h3.yearsWithData).toBe(1);
  });

  it('leaves years after the reporting year out', () => {
    const earlier = computeHistory({ schoolCodes: ['h1'], results, year: 2024, settings: defaultSettings(), zoneGroup: () => '' });
    expect(earlier.years).toEqual([2023, 2024]);
    expect(earlier.schools[0].stableLow).toBeNull();
  });

  it('shares ШНОР per municipality and the region among all their schools', () => {
    // Municipality «А»: h1, h2; «Б»: h3. 2023: А 2 of 2 = 100 %, Б 0 of 1; 2024: А 1 of 2 = 50 %, Б no data;
    // 2025: А 2 of 2. Region: 2 of 3 = 67 %, 1 of 3 = 33 %, 2 of 3 = 67 %.
    const rows = shnorShareByYear(history, ['А', 'А', 'Б']);
    expect(rows.map((r) => r.municipality)).toEqual(['А', 'Б', 'Всего по региону']);
    expect(rows[0].shares).toEqual([1, 0.5, 1]);
    expect(rows[1].shnor).toEqual([0, 0, 0]);
    expect(rows[1].noData).toEqual([0, 1, 1]);
    expect(rows[2].shares).toEqual([0.67, 0.33, 0.67]);
  });
});

describe('ИСБШ and the zone of risk by school year', () => {
  // Four schools of one municipality; ⌊0,25·4⌋ = 1 school in the zone each school year.
  //  2023/24: z1 78,1 (lowest), z2 85,3, z3 81,7, z4 88,2 → z1 in the zone.
  //  2024/25: z1 85,3, z3 78,1 (lowest) → z3 in, z1 out.
  const low: [number, number, number, number, number] = [0.2, 0.8, 0.2, 0.04, 0.1]; // 78,1
  const high: [number, number, number, number, number] = [0.3, 0.9, 0.1, 0.02, 0]; // 85,3
  const mid: [number, number, number, number, number] = [0.25, 0.85, 0.15, 0.03, 0.05]; // 81,7
  const top: [number, number, number, number, number] = [0.4, 0.95, 0.1, 0.01, 0]; // 88,2
  const yearly = [
    { schoolYear: 2023, record: school('z1', 'М', low) },
    { schoolYear: 2023, record: school('z2', 'М', high) },
    { schoolYear: 2023, record: school('z3', 'М', mid) },
    { schoolYear: 2023, record: school('z4', 'М', top) },
    { schoolYear: 2024, record: school('z1', 'М', high) },
    { schoolYear: 2024, record: school('z2', 'М', high) },
    { schoolYear: 2024, record: school('z3', 'М', low) },
    { schoolYear: 2024, record: school('z4', 'М', top) },
  ];
  const history = computeHistory({
    schoolCodes: ['z1', 'z2', 'z3', 'z4'],
    results: [],
    year: null,
    settings: defaultSettings(),
    yearly,
    zoneGroup: (r) => r.municipality,
  });

  it('ranks each school year on its own and names the changes', () => {
    expect(history.schoolYears).toEqual([2023, 2024]);
    const [z1, z2, z3] = history.schools;
    expect(z1.isbsh).toEqual([78.1, 85.3]);
    expect(z1.inZone).toEqual([true, false]);
    expect(z3.inZone).toEqual([false, true]);
    expect([z1.zoneChange, z2.zoneChange, z3.zoneChange]).toEqual(['вышла из зоны риска', 'без изменений', 'вошла в зону риска']);
  });

  it('shows no school years when the form was answered in one only', () => {
    const one = computeHistory({
      schoolCodes: ['z1'],
      results: [],
      year: null,
      settings: defaultSettings(),
      yearly: yearly.slice(0, 4),
      zoneGroup: () => '',
    });
    expect(one.schoolYears).toEqual([]);
    expect(one.schools[0].zoneChange).toBeNull();
  });
});
