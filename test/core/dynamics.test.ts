import { describe, expect, it } from 'vitest';
import {
  presentDynamicsSummary,
  procedureDynamicsTable,
  clusterDynamics,
  clusterDynamicsSummary,
  isPositiveResult,
  procedureDynamics,
  procedureDynamicsSummary,
} from '../../src/core/dynamics';
import type { ClusterDynamics } from '../../src/core/types';

describe('procedureDynamics', () => {
  it('calls a falling share positive and a rising one negative', () => {
    expect(procedureDynamics(0.5, 0.4)).toBe('положительная');
    expect(procedureDynamics(0.1, 0)).toBe('положительная');
    expect(procedureDynamics(0.4, 0.5)).toBe('отрицательная');
    expect(procedureDynamics(0, 0.1)).toBe('отрицательная');
  });

  it('calls an equal non-zero share neutral, within floating-point noise', () => {
    expect(procedureDynamics(0.3, 0.3)).toBe('нейтральная');
    expect(procedureDynamics(3 / 10, 0.7 - 0.4)).toBe('нейтральная'); // 0.30000000000000004 vs 0.29999999999999993
  });

  it('tells zero failures in both years apart', () => {
    expect(procedureDynamics(0, 0)).toBe('0 % за два года');
  });

  it('says «нет участников» when either year has no share', () => {
    expect(procedureDynamics(null, 0.2)).toBe('нет участников');
    expect(procedureDynamics(0.2, null)).toBe('нет участников');
    expect(procedureDynamics(null, null)).toBe('нет участников');
  });
});

describe('isPositiveResult', () => {
  it('counts «положительная» and «0 % за два года» only', () => {
    expect(isPositiveResult('положительная')).toBe(true);
    expect(isPositiveResult('0 % за два года')).toBe(true);
    expect(isPositiveResult('нейтральная')).toBe(false);
    expect(isPositiveResult('отрицательная')).toBe(false);
    expect(isPositiveResult('нет участников')).toBe(false);
  });
});

describe('clusterDynamics', () => {
  it('says «—» when the school is ШНОР in neither year', () => {
    expect(clusterDynamics('не ШНОР', 'не ШНОР')).toBe('—');
    expect(clusterDynamics('нет данных', 'не ШНОР')).toBe('—');
    expect(clusterDynamics('не ШНОР', 'нет данных')).toBe('—');
    expect(clusterDynamics('нет данных', 'нет данных')).toBe('—');
  });

  it('says «вошла в список» for a school that became ШНОР, with or without data the year before', () => {
    expect(clusterDynamics('не ШНОР', 'базово неуспевающие')).toBe('вошла в список');
    expect(clusterDynamics('нет данных', 'сильно неуспевающие')).toBe('вошла в список');
  });

  it('says «вышла из списка» for a ШНОР that is no longer one', () => {
    expect(clusterDynamics('умеренно неуспевающие', 'не ШНОР')).toBe('вышла из списка');
  });

  it('keeps a ШНОР without data in Y «без изменений»', () => {
    expect(clusterDynamics('сильно неуспевающие', 'нет данных')).toBe('без изменений');
  });

  it('compares the clusters of a school ШНОР in both years', () => {
    expect(clusterDynamics('сильно неуспевающие', 'умеренно неуспевающие')).toBe('повысила кластер');
    expect(clusterDynamics('сильно неуспевающие', 'базово неуспевающие')).toBe('повысила кластер');
    expect(clusterDynamics('умеренно неуспевающие', 'базово неуспевающие')).toBe('повысила кластер');
    expect(clusterDynamics('базово неуспевающие', 'сильно неуспевающие')).toBe('понизила кластер');
    expect(clusterDynamics('базово неуспевающие', 'умеренно неуспевающие')).toBe('понизила кластер');
    expect(clusterDynamics('умеренно неуспевающие', 'умеренно неуспевающие')).toBe('без изменений');
  });
});

describe('procedureDynamicsSummary', () => {
  const repeat = <T>(n: number, x: T): T[] => Array.from({ length: n }, () => x);
  const M = 'ОГЭ математика';
  const rows = [
    // ОГЭ математика, 42 schools: 25 положительная, 6 «0 %», 5 отрицательная, 4 нейтральная, 2 нет участников
    ...repeat(24, { procedure: M, previous: 0.5, current: 0.4 }),
    { procedure: 'огэ  Математика', previous: 0.5, current: 0.4 }, // the same procedure, spelled differently
    ...repeat(6, { procedure: M, previous: 0, current: 0 }),
    ...repeat(5, { procedure: M, previous: 0.2, current: 0.3 }),
    ...repeat(4, { procedure: M, previous: 0.2, current: 0.2 }),
    ...repeat(2, { procedure: M, previous: null, current: 0.2 }),
    { procedure: 'ВПР история 5', previous: 0.2, current: 0.1 },
    { procedure: 'ЕГЭ русский язык', previous: 0.1, current: 0.2 },
    { procedure: 'ВПР биология 5', previous: 0, current: 0 },
  ];
  const summary = procedureDynamicsSummary(rows);

  it('has one entry per procedure, canonical ones first, the others alphabetically', () => {
    expect(summary.map((s) => s.procedure)).toEqual(['ОГЭ математика', 'ЕГЭ русский язык', 'ВПР биология 5', 'ВПР история 5']);
  });

  it('counts the schools of each label', () => {
    const m = summary[0];
    expect(m.counts).toEqual({ положительная: 25, '0 % за два года': 6, нейтральная: 4, отрицательная: 5, 'нет участников': 2 });
    expect(m.total).toBe(42);
    expect(m.positiveResult).toBe(31); // 25 + 6
  });

  it('rounds each share to a whole percent from the counts', () => {
    const m = summary[0];
    expect(m.positiveResultShare).toBe(0.74); // 31/42 = 73.8 %
    // 25/42 = 59.5 → 60 %; 6/42 = 14.3 → 14 %; 4/42 = 9.5 → 10 %; 5/42 = 11.9 → 12 %; 2/42 = 4.8 → 5 %
    expect(m.shares).toEqual({
      положительная: 0.6,
      '0 % за два года': 0.14,
      нейтральная: 0.1,
      отрицательная: 0.12,
      'нет участников': 0.05,
    });
  });

  it('gives a single school 100 %', () => {
    expect(summary[1].shares['отрицательная']).toBe(1);
    expect(summary[1].positiveResultShare).toBe(0);
  });
});

describe('clusterDynamicsSummary', () => {
  const r = (municipality: string, dynamics: ClusterDynamics, wasShnorPrevious = true) => ({ municipality, dynamics, wasShnorPrevious });
  const rows = [
    r('Ярославль', 'повысила кластер'),
    r('Ярославль', 'повысила кластер'),
    r('Ярославль', 'вышла из списка'),
    r('Ярославль', 'без изменений'),
    r('Ярославль', 'вошла в список', false),
    r('Ярославль', '—', false),
    r('Ёлкино', '—', false), // no ШНОР in Y−1: no row
    r('Ростов', 'вышла из списка'),
    r('Ростов', 'вышла из списка'),
    r('Ростов', 'без изменений'),
    r('Абакан', 'понизила кластер'),
  ];
  const summary = clusterDynamicsSummary(rows);

  it('has a row per municipality with a ШНОР in Y−1, in Russian order, then «Всего»', () => {
    expect(summary.map((s) => s.municipality)).toEqual(['Абакан', 'Ростов', 'Ярославль', 'Всего']);
  });

  it('counts the schools that were ШНОР in Y−1 by dynamics', () => {
    const yar = summary[2];
    // 2 raised + 1 left = 3 positive of 4
    expect(yar).toMatchObject({ raised: 2, left: 1, positive: 3, unchanged: 1, negative: 0, total: 4 });
    expect(yar.shares).toEqual({ raised: 0.5, left: 0.25, positive: 0.75, unchanged: 0.25, negative: 0 });
    const ros = summary[1];
    // 2/3 = 66.7 → 67 %, 1/3 = 33.3 → 33 %
    expect(ros).toMatchObject({ raised: 0, left: 2, positive: 2, unchanged: 1, negative: 0, total: 3 });
    expect(ros.shares).toEqual({ raised: 0, left: 0.67, positive: 0.67, unchanged: 0.33, negative: 0 });
  });

  it('adds up the region in the «Всего» row, rounding halves up', () => {
    const total = summary[3];
    // raised 2, left 1 + 2 = 3, unchanged 1 + 1 = 2, negative 1, total 4 + 3 + 1 = 8, positive 5
    expect(total).toMatchObject({ raised: 2, left: 3, positive: 5, unchanged: 2, negative: 1, total: 8 });
    // 2/8 = 25 %, 3/8 = 37.5 → 38 %, 5/8 = 62.5 → 63 %, 1/8 = 12.5 → 13 %
    expect(total.shares).toEqual({ raised: 0.25, left: 0.38, positive: 0.63, unchanged: 0.25, negative: 0.13 });
  });

  it('gives only an empty «Всего» row when no school was ШНОР in Y−1', () => {
    expect(clusterDynamicsSummary([r('Ростов', '—', false)])).toEqual([
      {
        municipality: 'Всего',
        raised: 0,
        left: 0,
        positive: 0,
        unchanged: 0,
        negative: 0,
        total: 0,
        shares: { raised: 0, left: 0, positive: 0, unchanged: 0, negative: 0 },
      },
    ]);
  });
});

describe('presentDynamicsSummary', () => {
  it('counts only the pairs a school has in Y−1 or Y, as the row-by-row summary does', () => {
    const m = (entries: Array<[string, number | null]>) => new Map(entries);
    // School 1: математика 0.4 → 0.2 (положительная), русский absent both years. School 2: русский 0.1 → null
    // (нет участников), математика 0 → 0 (0 % за два года). School 3: nothing at all.
    const schools = [
      { sharesPrev: m([['ОГЭ математика', 0.4]]), sharesY: m([['ОГЭ математика', 0.2]]) },
      {
        sharesPrev: m([
          ['ОГЭ русский язык', 0.1],
          ['ОГЭ математика', 0],
        ]),
        sharesY: m([['ОГЭ математика', 0]]),
      },
      { sharesPrev: m([]), sharesY: m([]) },
    ];
    const table = procedureDynamicsTable(schools, ['ОГЭ математика', 'ОГЭ русский язык']);
    const summary = presentDynamicsSummary(table);
    expect(summary.map((r) => [r.procedure, r.total])).toEqual([
      ['ОГЭ математика', 2],
      ['ОГЭ русский язык', 1],
    ]);
    expect(summary[0].counts).toMatchObject({ положительная: 1, '0 % за два года': 1, 'нет участников': 0 });
    expect(summary[1].counts).toMatchObject({ 'нет участников': 1 });
    expect(summary).toEqual(
      procedureDynamicsSummary([
        { procedure: 'ОГЭ математика', previous: 0.4, current: 0.2 },
        { procedure: 'ОГЭ русский язык', previous: 0.1, current: null },
        { procedure: 'ОГЭ математика', previous: 0, current: 0 },
      ]),
    );
  });
});
