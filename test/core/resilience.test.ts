import { describe, expect, it } from 'vitest';
import { resilientSchools } from '../../src/core/resilience';
import { defaultSettings } from '../../src/core/settings';

const settings = defaultSettings(); // resilienceSdK = 1

/*
 * Five schools, ИСБШ x and mean failing share y:
 *   x: 70    75    80    85    90      mean 80, dx = −10 −5 0 5 10, Σdx² = 250
 *   y: 0.50  0.40  0.10  0.30  0.20    mean 0.3, dy = 0.2 0.1 −0.2 0 −0.1
 * Σdx·dy = −2 − 0.5 + 0 + 0 − 1 = −3.5 → slope = −3.5/250 = −0.014, intercept = 0.3 + 0.014·80 = 1.42
 * predicted: 0.44 0.37 0.30 0.23 0.16; residuals: 0.06 0.03 −0.20 0.07 0.04
 * residual SD = √((0.0036 + 0.0009 + 0.04 + 0.0049 + 0.0016)/5) = √0.0102 ≈ 0.1010
 * only the third school lies below predicted − SD: 0.10 < 0.30 − 0.101 = 0.199.
 */
const five = [
  { isbsh: 70, meanShare: 0.5, isShnor: true },
  { isbsh: 75, meanShare: 0.4, isShnor: false },
  { isbsh: 80, meanShare: 0.1, isShnor: false },
  { isbsh: 85, meanShare: 0.3, isShnor: false },
  { isbsh: 90, meanShare: 0.2, isShnor: false },
];

describe('resilientSchools', () => {
  it('fits the least-squares line of mean failing share on ИСБШ over the schools with both values', () => {
    const { fit } = resilientSchools(
      [...five, { isbsh: null, meanShare: 0.9, isShnor: false }, { isbsh: 60, meanShare: null, isShnor: false }],
      settings,
    );
    expect(fit).not.toBeNull();
    expect(fit!.slope).toBeCloseTo(-0.014, 12);
    expect(fit!.intercept).toBeCloseTo(1.42, 12);
    expect(fit!.residualSd).toBeCloseTo(Math.sqrt(0.0102), 12);
  });

  it('flags a school more than one residual SD below its prediction', () => {
    const { resilient } = resilientSchools(
      [...five, { isbsh: null, meanShare: 0, isShnor: false }, { isbsh: 60, meanShare: null, isShnor: false }],
      settings,
    );
    expect(resilient).toEqual([false, false, true, false, false, false, false]);
  });

  it('never flags a ШНОР, though the ШНОР is part of the fit', () => {
    const withShnor = five.map((e, i) => (i === 2 ? { ...e, isShnor: true } : e));
    const { resilient, fit } = resilientSchools(withShnor, settings);
    expect(resilient).toEqual([false, false, false, false, false]);
    expect(fit!.slope).toBeCloseTo(-0.014, 12);
  });

  it('takes the number of SDs from the settings', () => {
    // 2 SD: 0.30 − 0.202 = 0.098, and 0.10 is not below it
    expect(resilientSchools(five, { ...settings, resilienceSdK: 2 }).resilient).toEqual([false, false, false, false, false]);
  });

  it('flags nobody when no line can be fitted', () => {
    expect(resilientSchools([{ isbsh: 80, meanShare: 0.1, isShnor: false }], settings)).toEqual({ resilient: [false], fit: null });
    const sameIndex = [
      { isbsh: 80, meanShare: 0.1, isShnor: false },
      { isbsh: 80, meanShare: 0.5, isShnor: false },
    ];
    expect(resilientSchools(sameIndex, settings)).toEqual({ resilient: [false, false], fit: null });
  });

  it('flags nobody on a perfect line', () => {
    const line = [70, 80, 90].map((x) => ({ isbsh: x, meanShare: 1 - x / 100, isShnor: false }));
    const { resilient, fit } = resilientSchools(line, settings);
    expect(resilient).toEqual([false, false, false]);
    expect(fit!.residualSd).toBeCloseTo(0, 12);
  });
});
