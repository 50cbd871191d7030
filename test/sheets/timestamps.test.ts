import { describe, expect, it } from 'vitest';
import { ValueError } from '../../src/core/errors';
import { formatTimestamp, parseTimestamp, slashDateOrder } from '../../src/sheets/timestamps';

const MSK = 'Europe/Moscow';

describe('parseTimestamp', () => {
  it('returns a Date from Sheets as it is', () => {
    const d = new Date('2024-09-15T06:05:00Z');
    expect(parseTimestamp(d, MSK)).toBe(d);
  });

  it.each([
    // Moscow is UTC+3 all year: 9:05 in Moscow is 06:05 UTC.
    ['15.09.2024 9:05:00', '2024-09-15T06:05:00.000Z'],
    ['15.09.2024 09:05', '2024-09-15T06:05:00.000Z'],
    ['1.2.2024 0:00:01', '2024-01-31T21:00:01.000Z'],
    // A date alone is midnight in Moscow: 21:00 UTC the day before.
    ['15.09.2024', '2024-09-14T21:00:00.000Z'],
    ['2024-09-15 09:05:00', '2024-09-15T06:05:00.000Z'],
    ['2024-09-15T09:05:00', '2024-09-15T06:05:00.000Z'],
    ['2024-09-15', '2024-09-14T21:00:00.000Z'],
    // An explicit «Z» is UTC whatever the spreadsheet's zone.
    ['2024-09-15T09:05:00Z', '2024-09-15T09:05:00.000Z'],
  ])('reads %j as Moscow wall-clock time', (text, iso) => {
    expect(parseTimestamp(text, MSK)?.toISOString()).toBe(iso);
  });

  it.each([
    ['UTC', '15.09.2024 9:05:00', '2024-09-15T09:05:00.000Z'],
    ['Asia/Yekaterinburg', '15.09.2024 9:05:00', '2024-09-15T04:05:00.000Z'], // UTC+5
    ['Europe/Berlin', '15.07.2024 9:05:00', '2024-07-15T07:05:00.000Z'], // summer, UTC+2
    ['Europe/Berlin', '15.01.2024 9:05:00', '2024-01-15T08:05:00.000Z'], // winter, UTC+1
    ['Нет/Такой-зоны', '15.09.2024 9:05:00', '2024-09-15T09:05:00.000Z'], // unknown zone: read as UTC
  ])('reads text in the zone %s', (zone, text, iso) => {
    expect(parseTimestamp(text, zone)?.toISOString()).toBe(iso);
  });

  it.each([
    // Every export format of Sheets and Excel, ru and en locales; Moscow is UTC+3, so 8:03:05 is 05:03:05 UTC.
    ['9/1/2025 8:03:05', '2025-09-01T05:03:05.000Z'],
    ['9/1/2025 8:03:05 PM', '2025-09-01T17:03:05.000Z'],
    ['01.09.2025, 08:03:05', '2025-09-01T05:03:05.000Z'],
    ['01.09.25 8:03', '2025-09-01T05:03:00.000Z'],
    ['2025-09-01T08:03:05+03:00', '2025-09-01T05:03:05.000Z'],
    ['2025-09-01T05:03:05.123Z', '2025-09-01T05:03:05.000Z'],
    ['1 сент. 2025 г.', '2025-08-31T21:00:00.000Z'],
    ['1 сентября 2025 г., 8:03', '2025-09-01T05:03:00.000Z'],
    ['Sep 1, 2025 8:03:05 AM', '2025-09-01T05:03:05.000Z'],
    // Excel serial: 45901 is 01.09.2025 (days since 30.12.1899); 0.33547 of a day is 8:03:05 (28 924.6 s → 28 925 s).
    [45901.33547, '2025-09-01T05:03:05.000Z'],
  ])('reads the export format %j', (value, iso) => {
    expect(parseTimestamp(value, MSK)?.toISOString()).toBe(iso);
  });

  it('reads «a/b/yyyy» day first when the column says so', () => {
    expect(parseTimestamp('1/9/2025 8:03:05', MSK, { slashOrder: 'day-first' })?.toISOString()).toBe('2025-09-01T05:03:05.000Z');
    expect(slashDateOrder(['1/9/2025', '15/9/2025'])).toEqual({ order: 'day-first', decided: true, any: true });
    expect(slashDateOrder(['9/1/2025', '9/15/2025'])).toEqual({ order: 'month-first', decided: true, any: true });
    expect(slashDateOrder(['9/1/2025'])).toEqual({ order: 'month-first', decided: false, any: true });
    expect(slashDateOrder(['15/9/2025', '9/15/2025'])).toBeNull();
  });

  it('returns null for an empty cell', () => {
    expect(parseTimestamp('', MSK)).toBeNull();
    expect(parseTimestamp('   ', MSK)).toBeNull();
    expect(parseTimestamp(null, MSK)).toBeNull();
  });

  it.each([
    ['вчера', 'вчера'],
    ['31.02.2024', '31.02.2024'],
    ['15.09.2024 25:00:00', '15.09.2024 25:00:00'],
    [12, '12'],
  ])('rejects %j with a message quoting it', (value, quoted) => {
    expect(() => parseTimestamp(value, MSK)).toThrow(ValueError);
    expect(() => parseTimestamp(value, MSK)).toThrow(
      `отметка времени не распознана: «${quoted}» (ожидаются дата и время, например 14.10.2025 17:58:07)`,
    );
  });

  it('rejects an invalid Date', () => {
    expect(() => parseTimestamp(new Date(NaN), MSK)).toThrow(ValueError);
  });
});

describe('formatTimestamp', () => {
  it('shows an instant as the Russian Sheets does, in the given zone', () => {
    expect(formatTimestamp(new Date('2024-09-15T06:05:09Z'), MSK)).toBe('15.09.2024 9:05:09');
    expect(formatTimestamp(new Date('2024-12-31T21:00:00Z'), MSK)).toBe('01.01.2025 0:00:00');
  });
});
