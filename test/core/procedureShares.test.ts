import { describe, expect, it } from 'vitest';
import { shareRows } from '../../src/core/procedureShares';

describe('a row of procedure shares reads like a Map of the same content', () => {
  it('keeps the order names were first added, and a repeated name replaces its share in place', () => {
    const { newRow } = shareRows();
    const row = newRow();
    row.set('ОГЭ математика', 0.4);
    row.set('ОГЭ русский язык', null);
    row.set('ОГЭ математика', 0.25);
    expect(row.size).toBe(2);
    expect([...row.keys()]).toEqual(['ОГЭ математика', 'ОГЭ русский язык']);
    expect([...row.entries()]).toEqual([
      ['ОГЭ математика', 0.25],
      ['ОГЭ русский язык', null],
    ]);
    expect([...row.values()]).toEqual([0.25, null]);
    expect([...row]).toEqual([...row.entries()]);
  });

  it('tells «нет участников» (null) from a procedure the row does not have (undefined), and 0 from both', () => {
    const row = shareRows().newRow();
    row.set('ЕГЭ математика', null);
    row.set('ОГЭ физика', 0);
    expect(row.get('ЕГЭ математика')).toBeNull();
    expect(row.has('ЕГЭ математика')).toBe(true);
    expect(row.get('ОГЭ физика')).toBe(0);
    expect(row.get('ОГЭ химия')).toBeUndefined();
    expect(row.has('ОГЭ химия')).toBe(false);
  });

  it('rows sharing a list of names stay apart when one of them gets another name', () => {
    const { newRow } = shareRows();
    const a = newRow();
    const b = newRow();
    for (const row of [a, b]) row.set('ВПР математика 5', 0.1);
    b.set('ВПР математика 6', 0.2);
    a.set('ВПР математика 5', 0.3);
    expect([...a.entries()]).toEqual([['ВПР математика 5', 0.3]]);
    expect([...b.entries()]).toEqual([
      ['ВПР математика 5', 0.1],
      ['ВПР математика 6', 0.2],
    ]);
    expect(b.has('ВПР математика 6') && !a.has('ВПР математика 6')).toBe(true);
    // Rows listing the same procedures in the same order share one list of names; a longer row has its own.
    const c = newRow();
    c.set('ВПР математика 5', null);
    expect(c.names).toBe(a.names);
    expect(b.names).not.toBe(a.names);
    expect(b.names).toEqual(['ВПР математика 5', 'ВПР математика 6']);
  });

  it('finds every name of a long row (more procedures than a short list is walked for)', () => {
    const row = shareRows().newRow();
    const names = Array.from({ length: 20 }, (_, i) => `ВПР ${i + 1}`);
    names.forEach((n, i) => row.set(n, i / 20));
    row.set('ВПР 15', null);
    expect(names.map((n) => row.get(n))).toEqual(names.map((n, i) => (n === 'ВПР 15' ? null : i / 20)));
    expect(row.get('ВПР 21')).toBeUndefined();
  });
});
