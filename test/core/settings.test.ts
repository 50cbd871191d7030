import { describe, expect, it } from 'vitest';
import { defaultSettings, isbshRange, settingsProblems, SETTING_LABELS, validateSettings, type Settings } from '../../src/core/settings';
import { UserError } from '../../src/core/errors';

describe('settings', () => {
  it('defaults follow docs/методика.md', () => {
    const s = defaultSettings();
    expect(s.isbshLevelBounds).toEqual([79.5, 81.6, 83.9, 86.4]);
    expect(s.riskZoneShare).toBe(0.25);
    expect(s.shnorThreshold).toBe(0.3);
    expect(s.smallSampleMin).toBe(10);
    expect(s.clusterModerateFrom).toBe(0.4);
    expect(s.clusterStrongAbove).toBe(0.5);
    expect(s.deficitSdK).toBe(2);
    expect(s.reportingYear).toBeNull();
  });

  it('a fresh copy does not share arrays with the defaults', () => {
    const a = defaultSettings();
    a.isbshLevelBounds[0] = 1;
    expect(defaultSettings().isbshLevelBounds[0]).toBe(79.5);
  });

  it('rejects level boundaries out of order, naming the boundary', () => {
    const s = { ...defaultSettings(), isbshLevelBounds: [79.5, 83.9, 81.6, 86.4] as [number, number, number, number] };
    expect(settingsProblems(s)).toEqual(['Границы уровней ИСБШ: граница 81,6 должна быть больше предыдущей (83,9).']);
  });

  it('rejects a share above 1 with a Russian message', () => {
    expect(settingsProblems({ ...defaultSettings(), riskZoneShare: 1.5 })).toEqual([
      'Доля зоны риска: доля должна быть от 0\u00a0% до 100\u00a0%, получено «150\u00a0%».',
    ]);
  });

  it('rejects a cluster bound below the ШНОР threshold and a year outside 2000–2100', () => {
    const problems = settingsProblems({ ...defaultSettings(), clusterModerateFrom: 0.2, reportingYear: 1999 });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/не может быть меньше порога ШНОР/);
    expect(problems[1]).toMatch(/Отчётный год/);
  });

  it('validateSettings fills missing keys and throws a UserError listing every problem', () => {
    expect(validateSettings({ shnorThreshold: 0.35 }).shnorThreshold).toBe(0.35);
    expect(validateSettings({ shnorThreshold: 0.35 }).riskZoneShare).toBe(0.25);
    expect(() => validateSettings({ shnorSubjects: [] })).toThrow(UserError);
    expect(() => validateSettings({ shnorSubjects: [] })).toThrow(/Настройки не сохранены/);
  });
});

describe('the regional ИСБШ formula, the specialists and the two-procedures setting', () => {
  it('defaults to the seed formula 65 + 15·p1 + 20·p2 − 15·p3 − 35·p4 − 15·p5, «нет ни одного» and «считаются двумя»', () => {
    const s = defaultSettings();
    expect(s.isbshIntercept).toBe(65);
    expect(s.isbshWeights).toEqual({
      bothParentsHigherEd: 15,
      comfortableHousing: 20,
      singleParent: -15,
      registered: -35,
      nonNativeRussian: -15,
    });
    expect(s.staffingSpecialistsRule).toBe('noneOfThem');
    expect(s.staffingSpecialists).toEqual(['педагог-психолог', 'учитель-дефектолог', 'социальный педагог']);
    expect(s.sameSubjectCountsTwice).toBe(true);
  });

  it('rejects a weight that is not a number and an unknown share, naming them', () => {
    const bad = { ...defaultSettings().isbshWeights, registered: Number.NaN, extra: 3 } as unknown as Settings['isbshWeights'];
    const problems = settingsProblems({ ...defaultSettings(), isbshWeights: bad });
    expect(problems).toContain(`${SETTING_LABELS.isbshWeights}: вес доли «на различных видах учёта» — нужно число, получено «NaN».`);
    expect(problems).toContain(`${SETTING_LABELS.isbshWeights}: неизвестные доли «extra».`);
    expect(settingsProblems({ ...defaultSettings(), isbshIntercept: Number.NaN })).toContain(
      `${SETTING_LABELS.isbshIntercept}: нужно неотрицательное число, получено «NaN».`,
    );
  });

  it('checks the level bounds against the range of the formula, not a fixed 0–100', () => {
    // intercept 10, weights +50 and −10: the index lies in [10 − 10, 10 + 50] = [0, 60]; a bound of 86,4 cannot be reached
    const formula = {
      isbshIntercept: 10,
      isbshWeights: { bothParentsHigherEd: 50, comfortableHousing: 0, singleParent: -10, registered: 0, nonNativeRussian: 0 },
    };
    expect(isbshRange(formula)).toEqual({ min: 0, max: 60 });
    expect(settingsProblems({ ...defaultSettings(), ...formula }).join('\n')).toMatch(/границы должны лежать от 0 до 60/);
    expect(settingsProblems({ ...defaultSettings(), ...formula, isbshLevelBounds: [20, 30, 40, 50] })).toEqual([]);
  });

  it('fills a weight missing from stored settings with its default', () => {
    const s = validateSettings({ isbshWeights: { registered: -30 } as unknown as Settings['isbshWeights'] });
    expect(s.isbshWeights).toEqual({
      bothParentsHigherEd: 15,
      comfortableHousing: 20,
      singleParent: -15,
      registered: -30,
      nonNativeRussian: -15,
    });
  });

  it('rejects an empty specialists list and an unknown rule', () => {
    expect(settingsProblems({ ...defaultSettings(), staffingSpecialists: [] })).toContain(
      `${SETTING_LABELS.staffingSpecialists}: нужен хотя бы один специалист.`,
    );
    expect(settingsProblems({ ...defaultSettings(), staffingSpecialistsRule: 'half' as never }).length).toBe(1);
  });
});
