import { describe, expect, it } from 'vitest';
import { ValueError } from '../../src/core/errors';
import {
  parseCount,
  parsePercentText,
  parseRussianNumber,
  parseShare,
  parseTerritory,
  parseYesNo,
  shareFromCount,
} from '../../src/core/numbers';

/** Runs fn and returns the ValueError message it throws (fails the test if it does not). */
function valueErrorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValueError);
    return (e as Error).message;
  }
  throw new Error('expected a ValueError');
}

describe('parseRussianNumber', () => {
  it('passes finite numbers through', () => {
    expect(parseRussianNumber(35.5)).toBe(35.5);
    expect(parseRussianNumber(0)).toBe(0);
    expect(parseRussianNumber(-7)).toBe(-7);
  });

  it('reads a decimal comma and a decimal dot', () => {
    expect(parseRussianNumber('35,5')).toBe(35.5);
    expect(parseRussianNumber('35.5')).toBe(35.5);
    expect(parseRussianNumber('0,355')).toBe(0.355);
  });

  it('reads thousands separated by normal, non-breaking, thin and narrow no-break spaces', () => {
    expect(parseRussianNumber('1 234')).toBe(1234);
    expect(parseRussianNumber('1\u00A0234')).toBe(1234);
    expect(parseRussianNumber('1\u2009234')).toBe(1234);
    expect(parseRussianNumber('1\u202F234')).toBe(1234);
    expect(parseRussianNumber('1 234,5')).toBe(1234.5);
    expect(parseRussianNumber('12 345 678')).toBe(12345678);
  });

  it('reads the minus sign and the hyphen as a sign, and ignores surrounding spaces', () => {
    expect(parseRussianNumber('\u22125')).toBe(-5);
    expect(parseRussianNumber('-5')).toBe(-5);
    expect(parseRussianNumber('  42 ')).toBe(42);
    expect(parseRussianNumber('\u00A042\u00A0')).toBe(42);
  });

  it('treats empty cells and lone dashes as no value', () => {
    for (const v of [null, undefined, '', '   ', '-', '—', '–']) expect(parseRussianNumber(v)).toBeNull();
  });

  it('rejects text that is not a number, quoting it', () => {
    expect(valueErrorOf(() => parseRussianNumber('abc'))).toBe('не число: «abc»');
    expect(valueErrorOf(() => parseRussianNumber('12 34'))).toBe('не число: «12 34»');
    expect(valueErrorOf(() => parseRussianNumber('1.234,5'))).toBe('не число: «1.234,5»');
    expect(valueErrorOf(() => parseRussianNumber('1e3'))).toBe('не число: «1e3»');
  });

  it('rejects booleans, dates and non-finite numbers instead of turning them into 0 or NaN', () => {
    expect(valueErrorOf(() => parseRussianNumber(true))).toBe('не число: «ИСТИНА»');
    expect(valueErrorOf(() => parseRussianNumber(false))).toBe('не число: «ЛОЖЬ»');
    expect(valueErrorOf(() => parseRussianNumber(new Date(2024, 0, 15)))).toBe('не число: «15.01.2024»');
    expect(valueErrorOf(() => parseRussianNumber(Number.NaN))).toBe('не число: «NaN»');
    expect(valueErrorOf(() => parseRussianNumber(Infinity))).toBe('не число: «Infinity»');
  });

  it('refuses a percent: that is parseShare’s job', () => {
    expect(valueErrorOf(() => parseRussianNumber('35,5 %'))).toBe('ожидалось число, а не процент: «35,5 %»');
    expect(valueErrorOf(() => parseRussianNumber('35,5%'))).toBe('ожидалось число, а не процент: «35,5%»');
  });
});

describe('parsePercentText', () => {
  it('returns the percent number of percent text and null for anything else', () => {
    expect(parsePercentText('35,5 %')).toBe(35.5);
    expect(parsePercentText('35,5%')).toBe(35.5);
    expect(parsePercentText('35,5')).toBeNull();
    expect(parsePercentText(35.5)).toBeNull();
  });
});

describe('parseShare', () => {
  it('keeps a fraction as it is', () => {
    expect(parseShare('0,355')).toBe(0.355);
    expect(parseShare(0.355)).toBe(0.355);
    expect(parseShare(0)).toBe(0);
  });

  it('divides a percent by 100, with or without the space before %', () => {
    // 35,5 % = 35.5 / 100 = 0.355
    expect(parseShare('35,5 %')).toBe(0.355);
    expect(parseShare('35,5%')).toBe(0.355);
    expect(parseShare('35,5\u00A0%')).toBe(0.355);
    expect(parseShare('1 %')).toBe(0.01);
    expect(parseShare('100 %')).toBe(1);
  });

  it('reads a plain number above 1 as a percent and 1 itself as 100 %', () => {
    expect(parseShare(35.5)).toBe(0.355);
    expect(parseShare('35,5')).toBe(0.355);
    expect(parseShare(100)).toBe(1);
    expect(parseShare(1)).toBe(1);
  });

  it('in a percent column reads typed text as percents but keeps numeric fractions (Sheets converts «50 %» to 0.5)', () => {
    expect(parseShare('0,5', { percentColumn: true })).toBe(0.005);
    expect(parseShare('1', { percentColumn: true })).toBe(0.01);
    expect(parseShare('35,5', { percentColumn: true })).toBe(0.355);
    expect(parseShare(0.5, { percentColumn: true })).toBe(0.5);
    expect(parseShare(35.5, { percentColumn: true })).toBe(0.355);
  });

  it('rejects negative shares and shares above 100 %', () => {
    expect(valueErrorOf(() => parseShare('-5'))).toBe('отрицательное значение: «-5»');
    expect(valueErrorOf(() => parseShare(-5))).toBe('отрицательное значение: «-5»');
    expect(valueErrorOf(() => parseShare('-5 %'))).toBe('отрицательное значение: «-5 %»');
    expect(valueErrorOf(() => parseShare('120 %'))).toBe('доля больше 100\u00a0%: «120 %»');
    expect(valueErrorOf(() => parseShare(120))).toBe('доля больше 100\u00a0%: «120»');
    expect(valueErrorOf(() => parseShare('100,5', { percentColumn: true }))).toBe('доля больше 100\u00a0%: «100,5»');
  });

  it('rejects text that is not a share', () => {
    expect(valueErrorOf(() => parseShare('много'))).toBe('не число: «много»');
    expect(valueErrorOf(() => parseShare('abc %'))).toBe('не число: «abc %»');
    expect(valueErrorOf(() => parseShare('%'))).toBe('не число: «%»');
    expect(valueErrorOf(() => parseShare(true))).toBe('не число: «ИСТИНА»');
  });

  it('treats empty cells and dashes as no value', () => {
    for (const v of [null, undefined, '', '-', '—', '–']) expect(parseShare(v)).toBeNull();
  });
});

describe('parseCount', () => {
  it('reads whole numbers as numbers and as Russian text', () => {
    expect(parseCount(120)).toBe(120);
    expect(parseCount('1 234')).toBe(1234);
    expect(parseCount('0')).toBe(0);
    expect(parseCount('')).toBeNull();
    expect(parseCount('—')).toBeNull();
  });

  it('rejects a percent in a count column', () => {
    expect(valueErrorOf(() => parseCount('35,5 %'))).toBe('в столбце количества указан процент: «35,5 %»');
  });

  it('rejects negative and fractional counts', () => {
    expect(valueErrorOf(() => parseCount('-5'))).toBe('отрицательное значение: «-5»');
    expect(valueErrorOf(() => parseCount(-5))).toBe('отрицательное значение: «-5»');
    expect(valueErrorOf(() => parseCount('12,5'))).toBe('количество должно быть целым: «12,5»');
    expect(valueErrorOf(() => parseCount(12.5))).toBe('количество должно быть целым: «12,5»');
  });
});

describe('shareFromCount', () => {
  it('divides the count by the total', () => {
    // 31 / 124 = 0.25
    expect(shareFromCount(31, 124)).toBe(0.25);
    expect(shareFromCount(0, 50)).toBe(0);
    expect(shareFromCount(50, 50)).toBe(1);
  });

  it('has no value when either number is missing or the total is 0', () => {
    expect(shareFromCount(null, 50)).toBeNull();
    expect(shareFromCount(5, null)).toBeNull();
    expect(shareFromCount(0, 0)).toBeNull();
  });

  it('rejects a count larger than the total', () => {
    expect(valueErrorOf(() => shareFromCount(130, 120))).toBe('больше, чем всего обучающихся (120): 130');
  });
});

describe('parseYesNo', () => {
  it('reads yes answers', () => {
    for (const v of ['да', 'Да', ' ДА ', 'есть', 'имеется', 'yes', 'Yes', '+', 'Достаточно', true]) expect(parseYesNo(v)).toBe(true);
  });

  it('reads no answers', () => {
    for (const v of ['нет', 'Нет.', 'отсутствует', 'не имеется', 'Не  имеется', 'no', '-', 'недостаточно', false]) {
      expect(parseYesNo(v)).toBe(false);
    }
  });

  it('has no value for an empty answer', () => {
    for (const v of [null, undefined, '', '  ', '—']) expect(parseYesNo(v)).toBeNull();
  });

  it('rejects other answers', () => {
    expect(valueErrorOf(() => parseYesNo('может быть'))).toBe('ожидалось «да» или «нет»: «может быть»');
    expect(valueErrorOf(() => parseYesNo(1))).toBe('ожидалось «да» или «нет»: «1»');
  });
});

describe('parseTerritory', () => {
  it('reads the ways of writing город', () => {
    for (const v of ['город', 'Город', 'городская', 'г.', 'г', 'городской', 'Городская местность', 'пгт', 'посёлок городского типа']) {
      expect(parseTerritory(v)).toBe('город');
    }
  });

  it('reads the ways of writing село', () => {
    for (const v of ['село', 'Село', 'сельская', 'с.', 'с', 'сельская местность', 'сельский', 'посёлок', 'поселок', 'деревня']) {
      expect(parseTerritory(v)).toBe('село');
    }
  });

  it('has no value for an empty answer', () => {
    expect(parseTerritory('')).toBeNull();
    expect(parseTerritory(null)).toBeNull();
  });

  it('rejects anything else', () => {
    expect(valueErrorOf(() => parseTerritory('мегаполис'))).toBe('ожидалось «город» или «село»: «мегаполис»');
    expect(valueErrorOf(() => parseTerritory(5))).toBe('ожидалось «город» или «село»: «5»');
  });
});

describe('answers as regions write them', () => {
  it('reads the territory from a place name after its prefix', () => {
    expect(parseTerritory('г. Заречный')).toBe('город');
    expect(parseTerritory('с. Луговое')).toBe('село');
    expect(parseTerritory('р.п.')).toBe('город');
    expect(parseTerritory('р.п. Вишнёвый')).toBe('город');
    expect(parseTerritory('городской округ')).toBe('город');
    expect(parseTerritory('пгт Мирный')).toBe('город');
    expect(parseTerritory('д.Ивановка')).toBe('село');
    expect(() => parseTerritory('городок')).toThrow(ValueError);
  });

  it('reads «имеется»/«отсутствует» and asks about «частично»', () => {
    expect(parseYesNo('Имеется')).toBe(true);
    expect(parseYesNo('отсутствует')).toBe(false);
    expect(() => parseYesNo('частично')).toThrow('ответ «частично»: это «да» или «нет»? Уточните у школы');
  });
});
