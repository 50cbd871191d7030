import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_FACTORS } from '../../src/core/factors';
import { riskProfile, topHighFactors, type RiskProfile, type SchoolRiskFacts } from '../../src/core/riskProfile';
import { defaultSettings } from '../../src/core/settings';
import type { RiskFactor, Significance } from '../../src/core/types';

const settings = defaultSettings();
const factors = DEFAULT_RISK_FACTORS;

function facts(overrides: Partial<SchoolRiskFacts> = {}): SchoolRiskFacts {
  return {
    schoolCode: 'edu001',
    cluster: null,
    staffingDeficit: null,
    infrastructureDeficit: null,
    ovzShare: null,
    nonNativeShare: null,
    ...overrides,
  };
}

function significanceOf(profile: RiskProfile, factorId: string): Significance | null | undefined {
  return profile.factors.find((f) => f.factorId === factorId)?.significance;
}

describe('riskProfile without a diagnosis', () => {
  it('suggests from data and marks the source «по данным», leaving factors without a rule empty', () => {
    // F1: infrastructure deficit → высокая; F2: no staffing deficit → низкая;
    // F6: сильно → высокая; F7: 0.20 > 0.15 → высокая; F8: 0.10 > 0.05 but ≤ 0.15 → средняя.
    const p = riskProfile(
      facts({ cluster: 'сильно неуспевающие', infrastructureDeficit: true, staffingDeficit: false, ovzShare: 0.2, nonNativeShare: 0.1 }),
      undefined,
      factors,
      settings,
    );
    expect(p.schoolCode).toBe('edu001');
    expect(p.factors.map((f) => [f.factorId, f.significance, f.source])).toEqual([
      ['F1', 'высокая', 'по данным'],
      ['F2', 'низкая', 'по данным'],
      ['F3', null, null],
      ['F4', null, null],
      ['F5', null, null],
      ['F6', 'высокая', 'по данным'],
      ['F7', 'высокая', 'по данным'],
      ['F8', 'средняя', 'по данным'],
      ['F9', null, null],
      ['F10', null, null],
    ]);
    expect(p.factors[0].action).toBe('требуется принятие мер');
    expect(p.factors[1].action).toBe('возможна дополнительная оценка ситуации куратором');
    expect(p.factors[7].action).toBe('требуется дополнительная оценка ситуации куратором');
    expect(p.factors[2].action).toBe('');
    expect(p.highFactorIds).toEqual(['F1', 'F6', 'F7']);
    expect(p.highCount).toBe(3);
  });

  it('suggests nothing when the data are unknown', () => {
    const p = riskProfile(facts(), undefined, factors, settings);
    expect(p.factors.every((f) => f.significance === null && f.source === null && f.action === '')).toBe(true);
    expect(p.highCount).toBe(0);
  });

  it.each([
    ['сильно неуспевающие', 'высокая'],
    ['умеренно неуспевающие', 'средняя'],
    ['базово неуспевающие', 'низкая'],
    [null, null],
  ] as const)('suggests F6 from the cluster %s as %s', (cluster, expected) => {
    expect(significanceOf(riskProfile(facts({ cluster }), undefined, factors, settings), 'F6')).toBe(expected);
  });

  it.each([
    [true, 'высокая'],
    [false, 'низкая'],
    [null, null],
  ] as const)('suggests F1 and F2 from deficits (%s → %s)', (deficit, expected) => {
    const p = riskProfile(facts({ infrastructureDeficit: deficit, staffingDeficit: deficit }), undefined, factors, settings);
    expect(significanceOf(p, 'F1')).toBe(expected);
    expect(significanceOf(p, 'F2')).toBe(expected);
  });

  // F7 thresholds: > 0.15 высокая, > 0.08 средняя, else низкая; exactly on a threshold is the lower level.
  it.each([
    [0.1501, 'высокая'],
    [0.15, 'средняя'],
    [0.0801, 'средняя'],
    [0.08, 'низкая'],
    [0, 'низкая'],
  ] as const)('suggests F7 from the ОВЗ share %s as %s', (ovzShare, expected) => {
    expect(significanceOf(riskProfile(facts({ ovzShare }), undefined, factors, settings), 'F7')).toBe(expected);
  });

  // F8 thresholds: > 0.15 высокая, > 0.05 средняя, else низкая.
  it.each([
    [0.16, 'высокая'],
    [0.15, 'средняя'],
    [0.051, 'средняя'],
    [0.05, 'низкая'],
  ] as const)('suggests F8 from the non-native share %s as %s', (nonNativeShare, expected) => {
    expect(significanceOf(riskProfile(facts({ nonNativeShare }), undefined, factors, settings), 'F8')).toBe(expected);
  });

  it('takes the thresholds from the settings', () => {
    // With ovzHighShare 0.3 and ovzMediumShare 0.2, 0.25 is средняя (it would be высокая by default).
    const custom = { ...defaultSettings(), ovzHighShare: 0.3, ovzMediumShare: 0.2 };
    expect(significanceOf(riskProfile(facts({ ovzShare: 0.25 }), undefined, factors, custom), 'F7')).toBe('средняя');
  });
});

describe('riskProfile with a diagnosis', () => {
  it('lets the diagnosis win over the suggestion and fills the factors it leaves blank from data', () => {
    // Data would say F7 высокая (0.3 > 0.15) and F1 высокая; the person says F7 низкая and F3 высокая.
    const p = riskProfile(
      facts({ ovzShare: 0.3, infrastructureDeficit: true }),
      { schoolCode: 'edu001', significance: { F7: 'низкая', F3: 'высокая' } },
      factors,
      settings,
    );
    const byId = Object.fromEntries(p.factors.map((f) => [f.factorId, f]));
    expect(byId.F7).toEqual({
      factorId: 'F7',
      significance: 'низкая',
      source: 'диагностика',
      action: 'возможна дополнительная оценка ситуации куратором',
    });
    expect(byId.F3).toEqual({ factorId: 'F3', significance: 'высокая', source: 'диагностика', action: 'требуется принятие мер' });
    expect(byId.F1).toMatchObject({ significance: 'высокая', source: 'по данным' });
    expect(p.highFactorIds).toEqual(['F1', 'F3']);
  });
});

describe('riskProfile with an edited factor list', () => {
  it('skips a retired factor even when data or the diagnosis would flag it', () => {
    const list: RiskFactor[] = DEFAULT_RISK_FACTORS.map((f) => (f.id === 'F7' ? { ...f, active: false } : { ...f }));
    list.push({ id: 'F11', name: 'Новый фактор', active: true });
    const p = riskProfile(
      facts({ ovzShare: 0.5 }),
      { schoolCode: 'edu001', significance: { F7: 'высокая', F11: 'высокая' } },
      list,
      settings,
    );
    expect(p.factors.map((f) => f.factorId)).toEqual(['F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F8', 'F9', 'F10', 'F11']);
    expect(p.highFactorIds).toEqual(['F11']);
  });
});

describe('topHighFactors', () => {
  function profile(code: string, highFactorIds: string[]): RiskProfile {
    return { schoolCode: code, factors: [], highCount: highFactorIds.length, highFactorIds };
  }

  it('ranks factors by the number of schools with «высокая», ties in factor order', () => {
    // F7: 3 schools; F2 and F5: 2 each (F2 comes first in the list); F9: 1; others 0 (left out).
    const profiles = [profile('a', ['F2', 'F7']), profile('b', ['F5', 'F7']), profile('c', ['F2', 'F5', 'F7']), profile('d', ['F9'])];
    const top = topHighFactors(profiles, DEFAULT_RISK_FACTORS);
    // Shares of 4 schools: 3/4 = 75 %, 2/4 = 50 %, 1/4 = 25 %.
    expect(top).toEqual([
      { factorId: 'F7', name: 'Высокая доля обучающихся с ОВЗ', count: 3, share: 0.75 },
      { factorId: 'F2', name: 'Дефицит педагогических кадров', count: 2, share: 0.5 },
      { factorId: 'F5', name: 'Несформированность внутришкольной системы повышения квалификации', count: 2, share: 0.5 },
      { factorId: 'F9', name: 'Пониженный уровень качества школьной образовательной и воспитательной среды', count: 1, share: 0.25 },
    ]);
    expect(topHighFactors(profiles, DEFAULT_RISK_FACTORS, 2).map((t) => t.factorId)).toEqual(['F7', 'F2']);
  });

  it('rounds the share to a whole percent from the counts', () => {
    // 1 of 3 schools → 33 %.
    const top = topHighFactors([profile('a', ['F1']), profile('b', []), profile('c', [])], DEFAULT_RISK_FACTORS);
    expect(top).toEqual([{ factorId: 'F1', name: 'Низкий уровень оснащения школы', count: 1, share: 0.33 }]);
  });

  it('returns nothing for a region without profiles', () => {
    expect(topHighFactors([], DEFAULT_RISK_FACTORS)).toEqual([]);
  });
});

describe('actions in a region’s own words', () => {
  it('takes the action from the factor list edited in «Факторы риска»', () => {
    const own: RiskFactor[] = factors.map((f) =>
      f.id === 'F2' ? { ...f, actions: { высокая: 'направить в кадровый резерв региона', средняя: 'наблюдать', низкая: 'нет' } } : f,
    );
    // F2 is suggested «высокая» from a staffing deficit (docs/методика.md §5).
    const profile = riskProfile(facts({ staffingDeficit: true }), undefined, own, settings);
    expect(profile.factors.find((a) => a.factorId === 'F2')?.action).toBe('направить в кадровый резерв региона');
  });
});
