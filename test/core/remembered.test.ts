import { describe, expect, it } from 'vitest';
import { remembered } from '../../src/core/remembered';

describe('a function that remembers its results by text', () => {
  it('works a text out once, a null result included', () => {
    const seen: string[] = [];
    const read = remembered((text: string) => (seen.push(text), text === '—' ? null : text.length));
    expect([read('да'), read('—'), read('да'), read('—')]).toEqual([2, null, 2, null]);
    expect(seen).toEqual(['да', '—']);
  });

  it('does not keep a text that throws: it is reported each time it is met', () => {
    let calls = 0;
    const read = remembered((text: string) => {
      calls++;
      if (text === 'плохо') throw new Error(text);
      return text;
    });
    expect(() => read('плохо')).toThrow('плохо');
    expect(() => read('плохо')).toThrow('плохо');
    expect(calls).toBe(2);
  });

  it('keeps at most `limit` texts and still answers the others', () => {
    let calls = 0;
    const read = remembered((text: string) => (calls++, text.toUpperCase()), 2);
    for (const t of ['а', 'б', 'в', 'а', 'б', 'в']) read(t);
    expect(read('в')).toBe('В');
    expect(calls).toBe(5); // «а» and «б» kept; «в» worked out each of its three times
  });
});
