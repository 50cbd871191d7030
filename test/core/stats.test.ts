import { describe, expect, it } from 'vitest';
import { leastSquares, mean, populationSd } from '../../src/core/stats';

describe('mean and populationSd', () => {
  it('computes the mean and the population standard deviation', () => {
    // [2, 4, 4, 4, 5, 5, 7, 9]: sum 40, mean 5; squared deviations 9+1+1+1+0+0+4+16 = 32; 32/8 = 4; √4 = 2
    const xs = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(mean(xs)).toBe(5);
    expect(populationSd(xs)).toBe(2);
  });

  it('gives SD 0 for one value', () => {
    expect(populationSd([7])).toBe(0);
  });

  it('refuses an empty list rather than returning NaN', () => {
    expect(() => mean([])).toThrow();
    expect(() => populationSd([])).toThrow();
  });
});

describe('leastSquares', () => {
  it('fits a line through points that lie on it', () => {
    // y = 2x + 1
    expect(leastSquares([0, 1, 2, 3], [1, 3, 5, 7])).toEqual({ slope: 2, intercept: 1 });
  });

  it('fits the best line through scattered points', () => {
    // x = [1,2,3], y = [1,3,2]: mean x 2, mean y 2; Sxx = 1+0+1 = 2; Sxy = (-1)(-1)+0+(1)(0) = 1
    // slope = 1/2 = 0.5; intercept = 2 - 0.5·2 = 1
    const line = leastSquares([1, 2, 3], [1, 3, 2])!;
    expect(line.slope).toBeCloseTo(0.5, 12);
    expect(line.intercept).toBeCloseTo(1, 12);
  });

  it('has no line for fewer than two points or equal x values', () => {
    expect(leastSquares([], [])).toBeNull();
    expect(leastSquares([1], [2])).toBeNull();
    expect(leastSquares([0.1, 0.1, 0.1], [1, 2, 3])).toBeNull();
  });

  it('refuses lists of different lengths', () => {
    expect(() => leastSquares([1, 2], [1])).toThrow();
  });
});
