import { describe, expect, it } from 'vitest';
import { INDICATORS, computeIndicators, type IndicatorFacts } from '../../src/core/indicators';

const facts: IndicatorFacts = {
  schoolsInMonitoring: 38,
  schoolsListed: 40,
  shnorCount: 10,
  schoolsAssessed: 40,
  schoolsWithIncompleteData: 2,
  shnorWithAssignedMentor: 1,
  schoolsInRiskZone: 9,
  schoolsWithIsbsh: 36,
  schoolsWithHighRiskDiagnosed: 3,
  schoolsDiagnosed: 12,
  riskZoneWithResults: 9,
  formerShnorWithPositiveSubject: 3,
  formerShnorComparable: 11,
  schoolsWithDeficits: 3,
  schoolsWithForm: 40,
  federalBoth: null,
  federalOnlyOurs: null,
  federalOnlyFederal: null,
};

function byId(values: ReturnType<typeof computeIndicators>) {
  return Object.fromEntries(values.map((v) => [v.id, v]));
}

describe('computeIndicators', () => {
  it('lists all 14 + 5 indicators of both directions of the Kuzbass system, in order, with their targets', () => {
    const rows = INDICATORS.filter((i) => i.number !== '');
    // Targets as the source table prints them: direction 1 — 1 шт., 100 %, 0 %, 100 %, 10 %, 10 %, 25 %, 25 %, 100 %, 10 %,
    // 10 %, 10 %, 25 %, 100 %; direction 2 — 25 %, 100 %, 10 %, 5 %, 3 шт.
    expect(rows.map((i) => [i.direction, i.number, i.target, i.unit])).toEqual([
      ['1', '1', 1, 'count'],
      ['1', '2', 1, 'share'],
      ['1', '3', 0, 'share'],
      ['1', '4', 1, 'share'],
      ['1', '5', 0.1, 'share'],
      ['1', '6', 0.1, 'share'],
      ['1', '7', 0.25, 'share'],
      ['1', '8', 0.25, 'share'],
      ['1', '9', 1, 'share'],
      ['1', '10', 0.1, 'share'],
      ['1', '11', 0.1, 'share'],
      ['1', '12', 0.1, 'share'],
      ['1', '13', 0.25, 'share'],
      ['1', '14', 1, 'share'],
      ['2', '1', 0.25, 'share'],
      ['2', '2', 1, 'share'],
      ['2', '3', 0.1, 'share'],
      ['2', '4', 0.05, 'share'],
      ['2', '5', 3, 'count'],
    ]);
    // computed where the data allow: 1.2, 1.3, 1.5, 1.7, 1.9, 1.10, 1.11; plus the separate row of high-significance factors
    expect(INDICATORS.filter((i) => i.computed).map((i) => i.id)).toEqual([
      'monitoring',
      'shnor',
      'incompleteData',
      'shnorWithMentor',
      'schoolsWithRisks',
      'highRiskFactors',
      'riskZoneMonitoring',
      'shnorPositiveDynamics',
      'schoolsWithDeficits',
      'federalBoth',
      'federalOnlyOurs',
      'federalOnlyFederal',
    ]);
    for (const i of INDICATORS) expect(i.definition.length).toBeGreaterThan(20);
  });

  it('shows each computed share with its numerator and denominator', () => {
    const v = byId(computeIndicators(facts, {}));
    // 38 of 40 listed schools have both a form answer and results: 95 % < 100 % → нет
    expect(v.monitoring).toMatchObject({ numerator: 38, denominator: 40, actual: 0.95, met: 'нет', source: 'данные' });
    // 10 ШНОР of 40 assessed = 25 % > 0 % → нет
    expect(v.shnor).toMatchObject({ numerator: 10, denominator: 40, actual: 0.25, met: 'нет' });
    // 2 of 40 schools of the form have «неполные данные» = 5 % > 0 % → нет: the region is asked to complete them
    expect(v.incompleteData).toMatchObject({ numerator: 2, denominator: 40, actual: 0.05, met: 'нет' });
    // 1 of 10 ШНОР has an assigned mentor = 10 % ≥ 10 % → да
    expect(v.shnorWithMentor).toMatchObject({ numerator: 1, denominator: 10, actual: 0.1, met: 'да' });
    // 9 zone schools of 36 with an index = 25 % ≥ 25 % → да
    expect(v.schoolsWithRisks).toMatchObject({ numerator: 9, denominator: 36, actual: 0.25, met: 'да' });
    // 3 of 12 diagnosed schools have a «высокая» factor = 25 %; no target in the source → no verdict
    expect(v.highRiskFactors).toMatchObject({ numerator: 3, denominator: 12, actual: 0.25, target: null, met: '' });
    // 9 of 9 zone schools have results = 100 % → да
    expect(v.riskZoneMonitoring).toMatchObject({ numerator: 9, denominator: 9, actual: 1, met: 'да' });
    // 3 of 11 former ШНОР with comparable procedures improved: 27,3 % → 27 % ≥ 10 % → да
    expect(v.shnorPositiveDynamics).toMatchObject({ numerator: 3, denominator: 11, actual: 0.27, met: 'да' });
    // 3 of 40 with deficits = 7,5 % → 8 % < 10 % → нет
    expect(v.schoolsWithDeficits).toMatchObject({ numerator: 3, denominator: 40, actual: 0.08, met: 'нет' });
  });

  it('gives no value and no verdict without a denominator', () => {
    const v = byId(
      computeIndicators(
        { ...facts, shnorCount: 0, shnorWithAssignedMentor: 0, formerShnorComparable: 0, formerShnorWithPositiveSubject: 0 },
        {},
      ),
    );
    expect(v.shnor).toMatchObject({ actual: 0, met: 'да' });
    expect(v.shnorWithMentor).toMatchObject({ actual: null, met: '', denominator: 0 });
    expect(v.shnorPositiveDynamics).toMatchObject({ actual: null, met: '' });
  });

  it('takes the hand-entered indicators as entered, counts as counts, empty until entered', () => {
    const v = byId(
      computeIndicators(facts, { shnorTeachersDiagnosed: 0.99, debtStudentsWithIom: 0.25, targetModel: 1, methodicalRecommendations: 2 }),
    );
    expect(v.shnorTeachersDiagnosed).toMatchObject({ actual: 0.99, met: 'нет', source: 'вручную', target: 1, numerator: null });
    expect(v.debtStudentsWithIom).toMatchObject({ actual: 0.25, met: 'да' });
    // 1 шт. of 1 → да; 2 шт. of 3 → нет
    expect(v.targetModel).toMatchObject({ actual: 1, met: 'да', unit: 'count' });
    expect(v.methodicalRecommendations).toMatchObject({ actual: 2, met: 'нет', unit: 'count' });
    expect(v.debtStudentsInExtraClasses).toMatchObject({ actual: null, met: '' });
  });

  it('adds the counts of the federal list comparison only when the list is given', () => {
    expect(computeIndicators(facts, {}).some((v) => v.id.startsWith('federal'))).toBe(false);
    const v = byId(computeIndicators({ ...facts, federalBoth: 7, federalOnlyOurs: 2, federalOnlyFederal: 1 }, {}));
    expect([v.federalBoth.actual, v.federalOnlyOurs.actual, v.federalOnlyFederal.actual]).toEqual([7, 2, 1]);
    expect(v.federalBoth).toMatchObject({ unit: 'count', met: '', numerator: null });
  });

  it('does not let a hand entry override a computed indicator', () => {
    expect(byId(computeIndicators(facts, { shnor: 0 })).shnor.actual).toBe(0.25);
  });
});
