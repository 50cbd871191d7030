import { describe, expect, it } from 'vitest';
import { fundingInThousands, implausibleTotal, isTotalsRow } from '../../src/core/plausibility';

describe('implausibleTotal', () => {
  it('does not believe a total far from the school’s other counts', () => {
    expect(implausibleTotal(100_000, [200, 300, 40])).toBe(true); // 100 000 > 20 × 300
    expect(implausibleTotal(25_000, [null])).toBe(true); // no school is that large
    expect(implausibleTotal(500, [200, 300, 40])).toBe(false);
    expect(implausibleTotal(6_000, [300])).toBe(false); // exactly 20 × 300 is still possible
    expect(implausibleTotal(6_001, [300])).toBe(true);
    expect(implausibleTotal(500, [null, 0])).toBe(false);
  });
});

describe('fundingInThousands', () => {
  it('spots thousands of roubles among roubles', () => {
    const column = [80_000, 85, 90_000, 95_000];
    // Median of 85, 80 000, 90 000, 95 000 = (80 000 + 90 000) / 2 = 85 000; 85 < 850 and 85 000 is within ×3.
    const inThousands = fundingInThousands(column);
    expect(inThousands(85)).toBe(true);
    expect(inThousands(80_000)).toBe(false);
    expect(inThousands(5)).toBe(false); // 5 000 is not within a factor 3 of 85 000
    expect(inThousands(null)).toBe(false);
    expect(fundingInThousands([85, 90_000])(85)).toBe(false); // too few values to judge
  });
});

describe('isTotalsRow', () => {
  it('recognises totals rows written in the code column', () => {
    expect(isTotalsRow('Итого')).toBe(true);
    expect(isTotalsRow('Итого по Первомайскому МО')).toBe(true);
    expect(isTotalsRow('ВСЕГО')).toBe(true);
    expect(isTotalsRow('В целом по району')).toBe(true);
    expect(isTotalsRow('edu760036')).toBe(false);
    expect(isTotalsRow('Всеволожская СОШ')).toBe(false);
  });
});
