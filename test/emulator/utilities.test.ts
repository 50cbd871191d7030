import { describe, expect, it } from 'vitest';
import { createTwin } from '../../emulator/index';

describe('Utilities.formatDate', () => {
  const instant = new Date('2024-12-31T22:05:09Z');

  it('formats the same instant in Moscow (UTC+3) and in UTC', () => {
    const { Utilities } = createTwin();
    // 22:05:09 UTC on 31.12.2024 is 01:05:09 on 01.01.2025 in Moscow.
    expect(Utilities.formatDate(instant, 'Europe/Moscow', 'yyyy-MM-dd')).toBe('2025-01-01');
    expect(Utilities.formatDate(instant, 'UTC', 'yyyy-MM-dd')).toBe('2024-12-31');
    expect(Utilities.formatDate(instant, 'Europe/Moscow', 'dd.MM.yyyy HH:mm:ss')).toBe('01.01.2025 01:05:09');
    expect(Utilities.formatDate(instant, 'UTC', 'dd.MM.yyyy HH:mm:ss')).toBe('31.12.2024 22:05:09');
  });

  it('supports single letters, quoted literals and zone offsets', () => {
    const { Utilities } = createTwin();
    expect(Utilities.formatDate(instant, 'Europe/Moscow', "H:mm 'ч.' d MMM yyyy")).toBe('1:05 ч. 1 Jan 2025');
    expect(Utilities.formatDate(instant, 'Europe/Moscow', "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe('2025-01-01T01:05:09+03:00');
    expect(Utilities.formatDate(instant, 'UTC', 'Z')).toBe('+0000');
  });

  it('follows a zone with daylight saving time', () => {
    const { Utilities } = createTwin();
    // New York: UTC−4 in July, UTC−5 in January.
    expect(Utilities.formatDate(new Date('2024-07-01T12:00:00Z'), 'America/New_York', 'HH:mm')).toBe('08:00');
    expect(Utilities.formatDate(new Date('2024-01-01T12:00:00Z'), 'America/New_York', 'HH:mm')).toBe('07:00');
  });
});

describe('Utilities helpers', () => {
  it('makes distinct UUIDs', () => {
    const { Utilities } = createTwin();
    const a = Utilities.getUuid();
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(Utilities.getUuid()).not.toBe(a);
  });

  it('encodes base64 and digests as signed bytes', () => {
    const { Utilities } = createTwin();
    expect(Utilities.base64Encode('ШНОР')).toBe(Buffer.from('ШНОР').toString('base64'));
    // MD5('') = d41d8cd9...; 0xd4 = 212 → 212 − 256 = −44.
    const digest = Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, '');
    expect(digest.slice(0, 2)).toEqual([-44, 29]);
  });

  it('makes blobs from strings', () => {
    const { Utilities } = createTwin();
    const blob = Utilities.newBlob('Код ОО;Год', 'text/csv', 'results.csv');
    expect(blob.getDataAsString()).toBe('Код ОО;Год');
    expect(blob.getName()).toBe('results.csv');
  });

  it('parses CSV with quoted fields', () => {
    const { Utilities } = createTwin();
    expect(Utilities.parseCsv('a,"b,c"\n"d ""e""",f')).toEqual([
      ['a', 'b,c'],
      ['d "e"', 'f'],
    ]);
  });
});
