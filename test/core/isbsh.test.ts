import { describe, expect, it } from 'vitest';
import { ValueError } from '../../src/core/errors';
import { computeIsbsh as computeWith, ISBSH_INPUT_LABELS, isbshLevel, missingIsbshInputs, roundIsbsh } from '../../src/core/isbsh';
import { DEFAULT_SETTINGS, validateSettings } from '../../src/core/settings';
import type { IsbshShares } from '../../src/core/types';

/** The default (seed) formula. */
const computeIsbsh = (s: IsbshShares) => computeWith(s, DEFAULT_SETTINGS);

const shares = (p: Partial<IsbshShares> = {}): IsbshShares => ({
  bothParentsHigherEd: 0,
  comfortableHousing: 0,
  singleParent: 0,
  registered: 0,
  nonNativeRussian: 0,
  ...p,
});

describe('computeIsbsh', () => {
  it('computes the index of a school from its five shares', () => {
    // 200 students: both parents higher ed 50 (0.25), comfortable housing 150 (0.75), single parent 40 (0.2),
    // registered 10 (0.05), non-native Russian 20 (0.1).
    // 65 + 15·0.25 + 20·0.75 − 15·0.2 − 35·0.05 − 15·0.1 = 65 + 3.75 + 15 − 3 − 1.75 − 1.5 = 77.5
    const x = computeIsbsh({
      bothParentsHigherEd: 0.25,
      comfortableHousing: 0.75,
      singleParent: 0.2,
      registered: 0.05,
      nonNativeRussian: 0.1,
    });
    expect(x).toBeCloseTo(77.5, 10);
  });

  it('reaches 0 and 100 at the extremes and 65 with all shares zero', () => {
    // 65 + 15 + 20 = 100; 65 − 15 − 35 − 15 = 0
    expect(computeIsbsh(shares({ bothParentsHigherEd: 1, comfortableHousing: 1 }))).toBe(100);
    expect(computeIsbsh(shares({ singleParent: 1, registered: 1, nonNativeRussian: 1 }))).toBe(0);
    expect(computeIsbsh(shares())).toBe(65);
  });

  it('keeps the weights as data', () => {
    expect(DEFAULT_SETTINGS.isbshIntercept).toBe(65);
    expect(DEFAULT_SETTINGS.isbshWeights).toEqual({
      bothParentsHigherEd: 15,
      comfortableHousing: 20,
      singleParent: -15,
      registered: -35,
      nonNativeRussian: -15,
    });
  });

  it('has no index, not 0, when an input is missing, and names the missing inputs', () => {
    const partial = shares({ registered: null, singleParent: null });
    expect(computeIsbsh(partial)).toBeNull();
    expect(missingIsbshInputs(partial)).toEqual(['singleParent', 'registered']);
    expect(missingIsbshInputs(shares())).toEqual([]);
    expect(ISBSH_INPUT_LABELS.registered).toBe('Обучающихся, состоящих на различных видах учёта');
  });

  it('rejects a share outside [0, 1]', () => {
    expect(() => computeIsbsh(shares({ singleParent: 1.2 }))).toThrow(ValueError);
    expect(() => computeIsbsh(shares({ singleParent: 1.2 }))).toThrow(
      'доля вне диапазона от 0 до 100\u00a0%: «Обучающихся из неполных семей» = 120,0 %',
    );
    expect(() => computeIsbsh(shares({ registered: -0.1 }))).toThrow(ValueError);
  });
});

describe('roundIsbsh', () => {
  it('shows one decimal, rounding halves up on the decimal digits', () => {
    expect(roundIsbsh(81.55)).toBe(81.6);
    expect(roundIsbsh(81.549)).toBe(81.5);
    expect(roundIsbsh(77.5)).toBe(77.5);
  });
});

describe('isbshLevel', () => {
  const bounds = DEFAULT_SETTINGS.isbshLevelBounds; // [79.5, 81.6, 83.9, 86.4]

  it('puts each boundary into the upper level', () => {
    expect(isbshLevel(79.5, bounds)).toBe('ниже среднего');
    expect(isbshLevel(81.6, bounds)).toBe('средний');
    expect(isbshLevel(83.9, bounds)).toBe('выше среднего');
    expect(isbshLevel(86.4, bounds)).toBe('высокий');
  });

  it('puts a value just below a boundary into the lower level', () => {
    expect(isbshLevel(79.4, bounds)).toBe('низкий');
    expect(isbshLevel(81.5, bounds)).toBe('ниже среднего');
    expect(isbshLevel(83.8, bounds)).toBe('средний');
    expect(isbshLevel(86.3, bounds)).toBe('выше среднего');
  });

  it('rounds an exact half computed from counts up, despite binary noise in the sum', () => {
    // 100 students: 73 in comfortable housing, 1 from a single-parent family, 0 in the other three inputs:
    // 65 + 20·0,73 − 15·0,01 = 65 + 14,6 − 0,15 = 79,45 exactly → shows 79,5 → «ниже среднего» (binary sum: 79.44999999999999)
    const x = computeIsbsh(shares({ comfortableHousing: 73 / 100, singleParent: 1 / 100 })) as number;
    expect(roundIsbsh(x)).toBe(79.5);
    expect(isbshLevel(x, bounds)).toBe('ниже среднего');
    // 100 students: 17 both parents higher ed, 97 housing, 1 single parent, 3 non-native:
    // 65 + 2,55 + 19,4 − 0,15 − 0,45 = 86,35 exactly → 86,4 → «высокий» (binary sum: 86.34999999999998)
    const y = computeIsbsh(
      shares({ bothParentsHigherEd: 17 / 100, comfortableHousing: 97 / 100, singleParent: 1 / 100, nonNativeRussian: 3 / 100 }),
    ) as number;
    expect(roundIsbsh(y)).toBe(86.4);
    expect(isbshLevel(y, bounds)).toBe('высокий');
    // 380 students: 8, 131, 340, 378, 373 → (65·380 + 15·8 + 20·131 − 15·340 − 35·378 − 15·373) / 380 = 3515/380 = 9,25
    // exactly → 9,3 (binary sum: 9.249999999999991, wrong even at 15 significant digits)
    const z = computeIsbsh({
      bothParentsHigherEd: 8 / 380,
      comfortableHousing: 131 / 380,
      singleParent: 340 / 380,
      registered: 378 / 380,
      nonNativeRussian: 373 / 380,
    }) as number;
    expect(roundIsbsh(z)).toBe(9.3);
  });

  it('judges the value as shown with one decimal', () => {
    // 79.46 shows as 79,5 → «ниже среднего»; 79.44 shows as 79,4 → «низкий»
    expect(isbshLevel(79.46, bounds)).toBe('ниже среднего');
    expect(isbshLevel(79.44, bounds)).toBe('низкий');
  });

  it('covers the whole range', () => {
    expect(isbshLevel(0, bounds)).toBe('низкий');
    expect(isbshLevel(100, bounds)).toBe('высокий');
  });

  it('accepts five lower bounds, one per level, ignoring the first', () => {
    const five = [0, 79.5, 81.6, 83.9, 86.4];
    expect(isbshLevel(79.4, five)).toBe('низкий');
    expect(isbshLevel(79.5, five)).toBe('ниже среднего');
    expect(isbshLevel(86.4, five)).toBe('высокий');
  });

  it('follows a region’s own scale', () => {
    expect(isbshLevel(70, [60, 70, 80, 90])).toBe('средний');
  });

  it('refuses a wrong number of bounds', () => {
    expect(() => isbshLevel(80, [79.5, 81.6])).toThrow();
  });
});

describe('ИСБШ with a regional formula from the settings', () => {
  it('uses the intercept and the five weights of the settings', () => {
    // 50 + 10·0,5 + 30·0,5 − 20·0,25 − 40·0,1 − 10·0,2 = 50 + 5 + 15 − 5 − 4 − 2 = 59
    const formula = validateSettings({
      isbshIntercept: 50,
      isbshWeights: { bothParentsHigherEd: 10, comfortableHousing: 30, singleParent: -20, registered: -40, nonNativeRussian: -10 },
    });
    const x = computeWith(
      { bothParentsHigherEd: 0.5, comfortableHousing: 0.5, singleParent: 0.25, registered: 0.1, nonNativeRussian: 0.2 },
      formula,
    );
    expect(x).toBe(59);
  });

  it('a variable a region does not use has weight 0 and moves nothing', () => {
    // 60 + 40·0,5 = 80, whatever the other shares are
    const formula = {
      isbshIntercept: 60,
      isbshWeights: { bothParentsHigherEd: 0, comfortableHousing: 40, singleParent: 0, registered: 0, nonNativeRussian: 0 },
    };
    expect(
      computeWith(
        { bothParentsHigherEd: 0.9, comfortableHousing: 0.5, singleParent: 0.9, registered: 0.9, nonNativeRussian: 0.9 },
        formula,
      ),
    ).toBe(80);
  });
});
