import { describe, expect, it } from 'vitest';
import { objectivityFlags, type ObjectivityRow } from '../../src/core/objectivity';
import { defaultSettings } from '../../src/core/settings';

const row = (
  schoolCode: string,
  procedure: string,
  lowered: number | null,
  confirmed: number | null,
  raised: number | null,
  year = 2024,
): ObjectivityRow => ({
  schoolCode,
  year,
  procedure,
  lowered,
  confirmed,
  raised,
});

describe('objectivityFlags', () => {
  const settings = defaultSettings(); // «Подтвердили» below 50 %, «Повысили» above 20 %

  it('flags low «Подтвердили» or high «Повысили», naming both thresholds', () => {
    const flags = objectivityFlags(
      [
        row('a', 'ВПР математика 5', 0.1, 0.42, 0.48), // 42 % < 50 % and 48 % > 20 %: both
        row('a', 'ВПР русский язык 5', 0.3, 0.5, 0.2), // exactly 50 % and exactly 20 %: neither
        row('b', 'ВПР математика 5', 0.05, 0.7, 0.25), // 25 % > 20 %
        row('c', 'ВПР математика 5', 0.45, 0.45, 0.1), // 45 % < 50 %
        row('d', 'ВПР математика 5', null, null, null), // nothing known: no flag
        row('e', 'ВПР математика 5', 0.1, 0.1, 0.8, 2023), // another year
      ],
      2024,
      settings,
    );
    expect([...flags.keys()]).toEqual(['a', 'b', 'c']);
    expect(flags.get('a')!.map((f) => f.text)).toEqual(['ВПР математика 5: подтвердили 42 % (меньше 50 %), повысили 48 % (больше 20 %)']);
    expect(flags.get('b')![0].text).toBe('ВПР математика 5: повысили 25 % (больше 20 %)');
    expect(flags.get('c')![0].text).toBe('ВПР математика 5: подтвердили 45 % (меньше 50 %)');
  });

  it('takes both thresholds from the settings', () => {
    const strict = { ...settings, objectivityConfirmedBelow: 0.8, objectivityRaisedAbove: 0.3 };
    const flags = objectivityFlags([row('b', 'ВПР математика 5', 0.05, 0.7, 0.25)], 2024, strict);
    // 70 % < 80 %: flagged; 25 % is not above 30 %
    expect(flags.get('b')![0].text).toBe('ВПР математика 5: подтвердили 70 % (меньше 80 %)');
  });
});
