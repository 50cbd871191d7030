import { describe, expect, it } from 'vitest';
import { groupDynamics, territoryRiskComparison, type GroupSchoolFacts } from '../../src/core/groups';
import type { RiskFactor, Significance, Territory } from '../../src/core/types';

function facts(
  code: string,
  territory: Territory | null,
  prev: Record<string, number>,
  cur: Record<string, number>,
  extra: Partial<GroupSchoolFacts> = {},
): GroupSchoolFacts {
  return {
    schoolCode: code,
    municipality: 'М',
    territory,
    sharesPrev: new Map(Object.entries(prev)),
    sharesY: new Map(Object.entries(cur)),
    clusterDynamics: '—',
    wasShnorPrevious: false,
    significance: {},
    ...extra,
  };
}

const P = ['ОГЭ математика', 'ОГЭ русский язык'];

describe('dynamics by group', () => {
  // t1 (город): ОГЭ м 40 → 20 % положительная, ОГЭ р 0 → 0 % «0 % за два года».
  // t2 (город): ОГЭ м 10 → 30 % отрицательная, no ОГЭ р → нет участников.
  // v1 (село): ОГЭ м 20 → 20 % нейтральная, ОГЭ р 30 → 10 % положительная.
  const schools = [
    facts(
      't1',
      'город',
      { 'ОГЭ математика': 0.4, 'ОГЭ русский язык': 0 },
      { 'ОГЭ математика': 0.2, 'ОГЭ русский язык': 0 },
      { wasShnorPrevious: true, clusterDynamics: 'вышла из списка' },
    ),
    facts(
      't2',
      'город',
      { 'ОГЭ математика': 0.1 },
      { 'ОГЭ математика': 0.3 },
      { wasShnorPrevious: true, clusterDynamics: 'понизила кластер' },
    ),
    facts('v1', 'село', { 'ОГЭ математика': 0.2, 'ОГЭ русский язык': 0.3 }, { 'ОГЭ математика': 0.2, 'ОГЭ русский язык': 0.1 }),
  ];

  it('counts every school of a group for each procedure, a missing one as «нет участников»', () => {
    const rows = groupDynamics(
      schools,
      [
        { schoolCode: 't1', group: 'А' },
        { schoolCode: 't2', group: 'А' },
        { schoolCode: 't2', group: 'А' },
        { schoolCode: 'x9', group: 'А' },
      ],
      P,
    );
    const a = rows.find((r) => r.group === 'А')!;
    expect(a.schools).toBe(2); // t2 twice and the unknown x9 do not add schools
    const russian = a.procedures.find((p) => p.procedure === 'ОГЭ русский язык')!;
    expect(russian.total).toBe(2);
    expect(russian.counts['0 % за два года']).toBe(1);
    expect(russian.counts['нет участников']).toBe(1);
    expect(russian.positiveResultShare).toBe(0.5);
    // Pooled over the 2 × 2 pairs: положительная, 0 %, отрицательная, нет участников → 1 of 4 each; positive 2 of 4.
    expect(a.pooled.total).toBe(4);
    expect(a.pooled.positiveResultShare).toBe(0.5);
    // Cluster dynamics of the two schools that were ШНОР in Y−1: one left the list, one got worse.
    expect([a.cluster.left, a.cluster.negative, a.cluster.total, a.cluster.shares.positive]).toEqual([1, 1, 2, 0.5]);
  });

  it('gives town, village and municipality rows, and a row over all groups only when there are several', () => {
    const one = groupDynamics(schools, [{ schoolCode: 't1', group: 'А' }], P);
    expect(one.map((r) => `${r.dimension}: ${r.group} (${r.schools})`)).toEqual([
      'группа: А (1)',
      'город / село: Городские школы (2)',
      'город / село: Сельские школы (1)',
      'муниципалитет: М (3)',
    ]);
    const two = groupDynamics(
      schools,
      [
        { schoolCode: 't1', group: 'Трек 2' },
        { schoolCode: 't2', group: '500+ 2022' },
        { schoolCode: 't1', group: '500+ 2022' },
      ],
      P,
    );
    expect(two.filter((r) => r.dimension === 'группа').map((r) => `${r.group} (${r.schools})`)).toEqual([
      '500+ 2022 (2)',
      'Трек 2 (1)',
      'Все школы групп (2)',
    ]);
    // Village, pooled: нейтральная and положительная → positive result 1 of 2 = 50 %.
    expect(two.find((r) => r.group === 'Сельские школы')!.pooled.positiveResultShare).toBe(0.5);
  });
});

describe('risk profiles of town and village compared', () => {
  const factors: RiskFactor[] = [
    { id: 'F2', name: 'Дефицит педагогических кадров', active: true },
    { id: 'F7', name: 'Высокая доля обучающихся с ОВЗ', active: true },
    { id: 'F9', name: 'Снятый фактор', active: false },
  ];
  const sig = (f2: Significance | null, f7: Significance | null) => ({ F2: f2, F7: f7 });
  const schools = [
    // Town: F2 high in 1 of 4 assessed (25 %), F7 high in 0 of 3 (one not assessed).
    facts('t1', 'город', {}, {}, { significance: sig('высокая', 'низкая') }),
    facts('t2', 'город', {}, {}, { significance: sig('низкая', 'средняя') }),
    facts('t3', 'город', {}, {}, { significance: sig('средняя', null) }),
    facts('t4', 'город', {}, {}, { significance: sig('низкая', 'низкая') }),
    // Village: F2 high in 1 of 2 (50 %), F7 high in 1 of 2 (50 %).
    facts('v1', 'село', {}, {}, { significance: sig('высокая', 'высокая') }),
    facts('v2', 'село', {}, {}, { significance: sig('низкая', 'низкая') }),
    // No territory: left out.
    facts('n1', null, {}, {}, { significance: sig('высокая', 'высокая') }),
  ];

  it('gives each factor in use the share of high significance in town and village and the difference in points', () => {
    const rows = territoryRiskComparison(schools, factors);
    expect(rows.map((r) => r.factorId)).toEqual(['F2', 'F7']);
    expect(rows[0]).toMatchObject({
      townHigh: 1,
      townAssessed: 4,
      townShare: 0.25,
      villageHigh: 1,
      villageAssessed: 2,
      villageShare: 0.5,
      difference: -0.25,
    });
    expect(rows[1]).toMatchObject({ townHigh: 0, townAssessed: 3, townShare: 0, villageShare: 0.5, difference: -0.5 });
  });
});
