import { describe, expect, it } from 'vitest';
import { ValueError } from '../../src/core/errors';
import { mostlyShares, shareColumn, shareInColumn } from '../../src/core/shareColumn';

function read(values: unknown[], options: Parameters<typeof shareColumn>[1] = {}) {
  const column = shareColumn(values, options);
  return values.map((v) => {
    try {
      return shareInColumn(v, column);
    } catch (e) {
      if (e instanceof ValueError) return 'asked';
      throw e;
    }
  });
}

describe('shares of one column', () => {
  it('reads «43,4», «43.4», «0,434», «43,4%», «0.434» as 43,4 % in a column of percents', () => {
    // The column has percents above 1 written with one decimal; «0,434» has three, so it is a fraction.
    expect(read(['43,4', '43.4', '0,434', '43,4%', '0.434', 51.2])).toEqual([0.434, 0.434, 0.434, 0.434, 0.434, 0.512]);
  });

  it('reads a column of fractions as fractions', () => {
    expect(read(['0,434', 0.5, '0,1'])).toEqual([0.434, 0.5, 0.1]);
  });

  it('asks about a value the column does not settle instead of guessing', () => {
    // «0,8» among percents with one decimal: 0,8 % or 80 %? Both are plausible shares of pupils.
    expect(read(['43,4', '0,8', '12,5'])).toEqual([0.434, 'asked', 0.125]);
    expect(() => shareInColumn('0,8', shareColumn(['43,4', '0,8']))).toThrow(/0,8\u00a0% или 80\u00a0%/);
  });

  it('takes a header with «%» as a column of percents, and 0 as 0 either way', () => {
    expect(read(['0,5', '0'], { percentHeader: true })).toEqual(['asked', 0]);
    expect(read(['0,5', '0'])).toEqual([0.5, 0]);
  });

  it('reads a percent-formatted cell as the fraction Sheets stores', () => {
    const column = shareColumn([0.434, 51], { percentFormatted: (i) => i === 0 });
    expect(shareInColumn(0.434, column, true)).toBe(0.434);
    expect(shareInColumn(51, column)).toBe(0.51);
  });

  it('rejects a negative share and one above 100 %', () => {
    const column = shareColumn(['43,4']);
    expect(() => shareInColumn('-5', column)).toThrow(/отрицательное/);
    expect(() => shareInColumn('120', column)).toThrow(/больше 100/);
  });
});

describe('mostlyShares', () => {
  it('says a column of counts is written as shares when most of its values are shares', () => {
    expect(mostlyShares(['33,3%', '25%', 4])).toBe(true);
    expect(mostlyShares([0.25, 0.5, 3])).toBe(true);
    expect(mostlyShares([3, 4, '33,3%'])).toBe(false);
    expect(mostlyShares([25, 10], (i) => i >= 0)).toBe(true);
    expect(mostlyShares(['', null])).toBe(false);
  });
});
