import { describe, expect, it } from 'vitest';
import { foldCase, normalizeText, plural, tidyText } from '../../src/core/text';

describe('cell text as people type it', () => {
  it('tidies runs of any space into one and trims; an empty cell is ""', () => {
    expect(tidyText('  Заместитель\u00a0директора \u2009 по УВР ')).toBe('Заместитель директора по УВР');
    expect(tidyText(null)).toBe('');
    expect(tidyText(undefined)).toBe('');
    expect(tidyText(12)).toBe('12');
  });

  it('compares in lower case with ё read as е', () => {
    expect(normalizeText(' Выполнено ')).toBe('выполнено');
    expect(normalizeText('ОТМЕНЁН')).toBe('отменен');
    expect(normalizeText(null)).toBe('');
  });
});

describe('foldCase', () => {
  it('reads ё as е in either case and lowers the rest, leaving spaces as they are', () => {
    expect(foldCase('Учёт  ЁМКОСТИ')).toBe('учет  емкости');
  });
});

describe('plural', () => {
  it('follows the Russian forms: 1, 21 one; 2–4, 22 few; 5, 11–14, 111 many; a fraction many', () => {
    const word = (n: number) => plural(n, 'участник', 'участника', 'участников');
    expect([1, 21, 101].map(word)).toEqual(['участник', 'участник', 'участник']);
    expect([2, 4, 22].map(word)).toEqual(['участника', 'участника', 'участника']);
    expect([5, 11, 12, 14, 111, 2.5].map(word)).toEqual([
      'участников',
      'участников',
      'участников',
      'участников',
      'участников',
      'участников',
    ]);
  });
});
