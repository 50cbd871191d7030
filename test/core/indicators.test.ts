import { describe, expect, it } from 'vitest';
import { INDICATORS, computeIndicators, type IndicatorFacts } from '../../src/core/indicators';

const facts: IndicatorFacts = {
  schoolsTotal: 40,
  schoolsInMonitoring: 40,
  shnorCount: 10,
  shnorWithMentor: 1,
  schoolsWithRisks: 10,
  shnorWithPositiveDynamicsRuOrMath: 0,
  schoolsWithDeficits: 3,
};

function byId(values: ReturnType<typeof computeIndicators>) {
  return Object.fromEntries(values.map((v) => [v.id, v]));
}

describe('computeIndicators', () => {
  it('lists the nine indicators of docs/методика.md §7 with their targets', () => {
    expect(INDICATORS.map((i) => [i.id, i.target, i.comparison, i.computed ? 'данные' : 'вручную'])).toEqual([
      ['monitoring', 1, 'atLeast', 'данные'],
      ['shnor', 0, 'atMost', 'данные'],
      ['shnorWithMentor', 0.1, 'atLeast', 'данные'],
      ['schoolsWithRisks', 0.25, 'atLeast', 'данные'],
      ['shnorPositiveDynamics', 0.1, 'atLeast', 'данные'],
      ['schoolsWithDeficits', 0.1, 'atLeast', 'данные'],
      ['shnorTeachersDiagnosed', 1, 'atLeast', 'вручную'],
      ['debtStudentsWithIom', 0.25, 'atLeast', 'вручную'],
      ['debtStudentsInExtraClasses', 1, 'atLeast', 'вручную'],
    ]);
  });

  it('computes shares from the counts and meets targets exactly at their boundary', () => {
    const v = byId(computeIndicators(facts, {}));
    // 40 of 40 in monitoring = 100 % ≥ 100 % → да.
    expect(v.monitoring).toMatchObject({ actual: 1, met: 'да', source: 'данные' });
    // 10 ШНОР of 40 = 25 % > 0 % → нет.
    expect(v.shnor).toMatchObject({ actual: 0.25, met: 'нет' });
    // 1 of 10 ШНОР with a mentor = 10 % ≥ 10 % → да.
    expect(v.shnorWithMentor).toMatchObject({ actual: 0.1, met: 'да' });
    // 10 of 40 schools with risks = 25 % ≥ 25 % → да.
    expect(v.schoolsWithRisks).toMatchObject({ actual: 0.25, met: 'да' });
    // 0 of 10 ШНОР with positive dynamics = 0 % < 10 % → нет.
    expect(v.shnorPositiveDynamics).toMatchObject({ actual: 0, met: 'нет' });
    // 3 of 40 with deficits = 7,5 % → 8 % < 10 % → нет.
    expect(v.schoolsWithDeficits).toMatchObject({ actual: 0.08, met: 'нет' });
  });

  it('misses a target just below its boundary and meets «at most 0 %» with no ШНОР', () => {
    // 39 of 40 = 97,5 % → 98 % < 100 % → нет; 0 ШНОР of 40 = 0 % ≤ 0 % → да.
    const v = byId(computeIndicators({ ...facts, schoolsInMonitoring: 39, shnorCount: 0, shnorWithMentor: 0, shnorWithPositiveDynamicsRuOrMath: 0 }, {}));
    expect(v.monitoring).toMatchObject({ actual: 0.98, met: 'нет' });
    expect(v.shnor).toMatchObject({ actual: 0, met: 'да' });
    // No ШНОР: shares «of ШНОР» have no denominator → no value, no verdict.
    expect(v.shnorWithMentor).toMatchObject({ actual: null, met: '' });
    expect(v.shnorPositiveDynamics).toMatchObject({ actual: null, met: '' });
  });

  it('takes the manual indicators as entered, empty until entered', () => {
    const v = byId(computeIndicators(facts, { shnorTeachersDiagnosed: 0.99, debtStudentsWithIom: 0.25, debtStudentsInExtraClasses: null }));
    expect(v.shnorTeachersDiagnosed).toMatchObject({ actual: 0.99, met: 'нет', source: 'вручную', target: 1 });
    expect(v.debtStudentsWithIom).toMatchObject({ actual: 0.25, met: 'да' });
    expect(v.debtStudentsInExtraClasses).toMatchObject({ actual: null, met: '' });
    expect(byId(computeIndicators(facts, {})).debtStudentsWithIom.actual).toBeNull();
  });

  it('does not let a manual entry override a computed indicator', () => {
    expect(byId(computeIndicators(facts, { shnor: 0 })).shnor.actual).toBe(0.25);
  });
});
