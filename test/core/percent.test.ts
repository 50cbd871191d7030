import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decimalShift, formatNumberRu, formatPercent, roundHalfUp, wholePercentShare } from '../../src/core/percent';

describe('wholePercentShare', () => {
  it('rounds the share to a whole percent from the counts', () => {
    // 31 / 42 = 0.738095… → 74 %
    expect(wholePercentShare(31, 42)).toBe(0.74);
    // 1 / 3 = 33.33 % → 33 %
    expect(wholePercentShare(1, 3)).toBe(0.33);
    // 2 / 3 = 66.67 % → 67 %
    expect(wholePercentShare(2, 3)).toBe(0.67);
  });

  it('rounds an exact half percent up', () => {
    // 1 / 8 = 12.5 % → 13 %; 1 / 200 = 0.5 % → 1 %
    expect(wholePercentShare(1, 8)).toBe(0.13);
    expect(wholePercentShare(1, 200)).toBe(0.01);
  });

  it('gives 0 for an empty group', () => {
    expect(wholePercentShare(0, 0)).toBe(0);
  });
});

describe('roundHalfUp', () => {
  it('rounds on the decimal digits, not on the binary value', () => {
    // 81.55 is stored as 81.5499999…, the user sees 81,55 and expects 81,6
    expect(roundHalfUp(81.55, 1)).toBe(81.6);
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(81.54, 1)).toBe(81.5);
    expect(roundHalfUp(2.5, 0)).toBe(3);
  });

  it('reads a computed value to 15 significant digits, so binary noise does not move a half', () => {
    // 65 + 20·0,73 − 15·0,01 = 79,45 exactly, computed as 79.44999999999999
    expect(roundHalfUp(65 + 20 * 0.73 - 15 * 0.01, 1)).toBe(79.5);
    // 0,1 + 0,2 = 0,3 exactly, computed as 0.30000000000000004: still 0,3, not 0,31, at two decimals
    expect(roundHalfUp(0.1 + 0.2, 2)).toBe(0.3);
    expect(roundHalfUp(79.44, 1)).toBe(79.4);
  });

  it('rounds negative halves away from zero', () => {
    expect(roundHalfUp(-2.35, 1)).toBe(-2.4);
    expect(Object.is(roundHalfUp(-0.04, 1), 0)).toBe(true);
  });
});

describe('decimalShift', () => {
  it('multiplies by a power of ten on the decimal digits', () => {
    expect(decimalShift(0.355, 2)).toBe(35.5);
    expect(decimalShift(35.5, -2)).toBe(0.355);
  });
});

describe('formatPercent', () => {
  it('writes a whole percent with a space before the sign', () => {
    // 2/3 = 66.67 % → «67 %»
    expect(formatPercent(2 / 3)).toBe('67 %');
    expect(formatPercent(0)).toBe('0 %');
    expect(formatPercent(1)).toBe('100 %');
  });

  it('writes decimals with a comma', () => {
    expect(formatPercent(0.355, 1)).toBe('35,5 %');
    // 0.3555 → 35.55 % → 35,6 % (half up on the decimal digits)
    expect(formatPercent(0.3555, 1)).toBe('35,6 %');
  });
});

describe('formatNumberRu', () => {
  it('writes a fixed number of decimals with a comma', () => {
    expect(formatNumberRu(81.55, 1)).toBe('81,6');
    expect(formatNumberRu(81.6, 1)).toBe('81,6');
    expect(formatNumberRu(80, 1)).toBe('80,0');
    expect(formatNumberRu(12.4, 0)).toBe('12');
  });

  it('writes negatives with the minus sign', () => {
    expect(formatNumberRu(-2.349, 1)).toBe('\u22122,3');
  });

  it('groups five-digit and longer numbers only when asked', () => {
    expect(formatNumberRu(45000, 0, { groupThousands: true })).toBe('45 000');
    expect(formatNumberRu(1234567.5, 1, { groupThousands: true })).toBe('1 234 567,5');
    expect(formatNumberRu(4500, 0, { groupThousands: true })).toBe('4500');
    expect(formatNumberRu(45000, 0)).toBe('45000');
  });
});

describe('roundHalfUp’s floating-point fast path', () => {
  /** The rounding on decimal digits alone (the definition), without the fast path away from halves. */
  function onDigits(x: number, digits: number): number {
    if (!Number.isFinite(x) || x === 0) return x === 0 ? 0 : x;
    const shift = (v: number, k: number) => {
      const [m, e] = v.toExponential().split('e');
      return Number(`${m}e${Number(e) + k}`);
    };
    const sign = x < 0 ? -1 : 1;
    const rounded = shift(Math.round(shift(Number(Math.abs(x).toPrecision(15)), digits)), -digits);
    return rounded === 0 ? 0 : sign * rounded;
  }

  it('gives what the decimal digits give, for shares, percents, indexes and half-way values alike', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: -1e6, max: 1e6, noNaN: true }),
          fc.integer({ min: -100000, max: 100000 }).map((n) => n / 1000),
          fc.integer({ min: 0, max: 2000 }).map((n) => n / 20),
        ),
        fc.integer({ min: 0, max: 4 }),
        (x, digits) => {
          expect(roundHalfUp(x, digits)).toBe(onDigits(x, digits));
        },
      ),
      { numRuns: 20000 },
    );
  });
});
