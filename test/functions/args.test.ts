import { describe, expect, it } from 'vitest';
import { ValueError } from '../../src/core/errors';
import {
  alignRows,
  broadcast,
  errorCell,
  flattenLine,
  inArgument,
  isEmptyRow,
  isSingleValue,
  mapRows,
  sameHeight,
  sheetCall,
  toRows,
} from '../../src/functions/args';
import { rowsWord } from '../../src/functions/messages';

describe('toRows', () => {
  it('wraps a single value as one row of one cell', () => {
    expect(toRows(0.33)).toEqual([[0.33]]);
    expect(toRows('')).toEqual([['']]);
    expect(toRows(undefined)).toEqual([[undefined]]);
  });

  it('keeps a range as its rows', () => {
    expect(
      toRows([
        [1, 2],
        [3, 4],
      ]),
    ).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('reads a flat list as one row', () => {
    expect(toRows([1, 2, 3])).toEqual([[1, 2, 3]]);
  });
});

describe('isSingleValue', () => {
  it('treats a scalar and a 1×1 range as one value, anything larger as a range', () => {
    expect(isSingleValue(5)).toBe(true);
    expect(isSingleValue([[5]])).toBe(true);
    expect(isSingleValue([[5], [6]])).toBe(false);
    expect(isSingleValue([[5, 6]])).toBe(false);
  });
});

describe('sameHeight', () => {
  it('returns the common height of the ranges, ignoring single values', () => {
    expect(
      sameHeight([
        { name: 'a', value: [[1], [2], [3]] },
        { name: 'b', value: 0.3 },
        { name: 'c', value: [[1], [2], [3]] },
      ]),
    ).toBe(3);
  });

  it('is 1 when every argument is a single value', () => {
    expect(
      sameHeight([
        { name: 'a', value: 1 },
        { name: 'b', value: 'x' },
      ]),
    ).toBe(1);
  });

  it('names every range and its height in Russian when heights differ', () => {
    expect(() =>
      sameHeight([
        { name: 'both_parents_higher', value: [[1], [2], [3], [4], [5]] },
        { name: 'total', value: [[1], [2], [3], [4]] },
      ]),
    ).toThrow('Диапазоны разной высоты: both_parents_higher — 5 строк, total — 4 строки.');
  });
});

describe('rowsWord', () => {
  it('follows Russian plural rules', () => {
    expect([1, 2, 4, 5, 11, 12, 21, 22, 25, 111].map((n) => `${n} ${rowsWord(n)}`)).toEqual([
      '1 строка',
      '2 строки',
      '4 строки',
      '5 строк',
      '11 строк',
      '12 строк',
      '21 строка',
      '22 строки',
      '25 строк',
      '111 строк',
    ]);
  });
});

describe('broadcast', () => {
  it('repeats a single row on every row of the call', () => {
    expect(broadcast([[0.3]], 3)).toEqual([[0.3], [0.3], [0.3]]);
  });

  it('leaves a range of the right height as it is', () => {
    expect(broadcast([[1], [2]], 2)).toEqual([[1], [2]]);
  });
});

describe('isEmptyRow', () => {
  it('counts "", null, undefined and spaces as empty, but not a dash or zero', () => {
    expect(isEmptyRow(['', null, undefined, '  '])).toBe(true);
    expect(isEmptyRow(['', '-'])).toBe(false);
    expect(isEmptyRow([0])).toBe(false);
  });
});

describe('errorCell', () => {
  it('prefixes the reason with #ОШИБКА', () => {
    expect(errorCell('не число: «abc»')).toBe('#ОШИБКА: не число: «abc»');
  });
});

describe('inArgument', () => {
  const parse = (v: unknown): number => {
    if (v === 'bad') throw new ValueError('не число: «bad»');
    return Number(v);
  };

  it('prefixes a parse failure with the argument name', () => {
    expect(() => inArgument('total', 'bad', parse)).toThrow('total: не число: «bad»');
  });

  it('rejects a date and a boolean before parsing', () => {
    expect(() => inArgument('total', new Date(2024, 0, 1), parse)).toThrow('total: дата там, где ожидается число или доля');
    expect(() => inArgument('total', true, parse)).toThrow('total: логическое значение ИСТИНА там, где ожидается число или доля');
  });
});

describe('flattenLine', () => {
  it('reads a row, a column or one value as a list', () => {
    expect(flattenLine('x', [[1, 2, 3]])).toEqual([1, 2, 3]);
    expect(flattenLine('x', [[1], [2], [3]])).toEqual([1, 2, 3]);
    expect(flattenLine('x', 7)).toEqual([7]);
  });

  it('refuses a block of several rows and columns', () => {
    expect(() =>
      flattenLine('boundaries', [
        [1, 2],
        [3, 4],
      ]),
    ).toThrow('boundaries: ожидается одна строка или один столбец.');
  });
});

describe('alignRows', () => {
  it('refuses a two-column range for an argument that takes one cell per row', () => {
    expect(() =>
      alignRows([
        {
          name: 'total',
          value: [
            [1, 2],
            [3, 4],
          ],
          shape: 'cell',
          data: true,
        },
      ]),
    ).toThrow('total: ожидается один столбец (по одному значению на строку), а в диапазоне 2 столбца.');
  });

  it('does not count a broadcast single value when deciding that a row is empty', () => {
    const rows = alignRows([
      { name: 'a', value: [[1], ['']], shape: 'cell', data: true },
      { name: 'total', value: 100, shape: 'cell', data: true },
    ]);
    expect(rows.isEmpty(0)).toBe(false);
    expect(rows.isEmpty(1)).toBe(true);
  });
});

describe('mapRows', () => {
  const double = (cells: unknown[][]): number => {
    const v = cells[0][0];
    if (typeof v !== 'number') throw new ValueError(`не число: «${String(v)}»`);
    return 2 * v;
  };
  const arg = (value: unknown) => [{ name: 'x', value, shape: 'cell' as const, data: true }];

  it('returns one value for a single cell', () => {
    expect(mapRows(arg(4), double)).toBe(8);
  });

  it('spills a column for a range, with "" for empty rows and #ОШИБКА for a bad row', () => {
    expect(mapRows(arg([[1], [''], ['x'], [3]]), double)).toEqual([[2], [''], ['#ОШИБКА: не число: «x»'], [6]]);
  });

  it('throws the Russian reason for a bad single value', () => {
    expect(() => mapRows(arg('x'), double)).toThrow('не число: «x»');
  });

  it('lets a programming error propagate instead of hiding it in a cell', () => {
    expect(() =>
      mapRows(arg([[1], [2]]), () => {
        throw new TypeError('bug');
      }),
    ).toThrow(TypeError);
  });
});

describe('sheetCall', () => {
  it('turns a user-fixable error into a plain Error with the same Russian message', () => {
    let caught: unknown;
    try {
      sheetCall(() => {
        throw new ValueError('причина');
      });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(Error);
    expect(caught).not.toBeInstanceOf(ValueError);
    expect((caught as Error).message).toBe('причина');
  });
});
