import { describe, expect, it } from 'vitest';
import { displayText, isDatePattern } from '../../scripts/lib/displayFormat';

const TZ = 'Europe/Moscow';

describe('displayText: a value under a Sheets number format, in a Russian-locale spreadsheet', () => {
  it('shows percents with a space before «%», rounded to the pattern', () => {
    expect(displayText(1 / 3, '0%', TZ)).toBe('33 %'); // 33.33… → 33
    expect(displayText(0.355, '0.0%', TZ)).toBe('35,5 %');
    expect(displayText(0, '0%', TZ)).toBe('0 %');
  });

  it('shows decimals with a comma and thousands with a no-break space', () => {
    expect(displayText(78.456, '0.0', TZ)).toBe('78,5');
    expect(displayText(85, '0.0', TZ)).toBe('85,0');
    expect(displayText(1384, '#,##0', TZ)).toBe('1\u00a0384');
    expect(displayText(87479.62, '', TZ)).toBe('87479,62');
    expect(displayText(-7, 'General', TZ)).toBe('-7');
  });

  it('shows dates in the spreadsheet’s time zone', () => {
    // 31.08.2025 21:00 UTC is 01.09.2025 00:00 in Moscow.
    const midnight = new Date(Date.UTC(2025, 7, 31, 21));
    expect(displayText(midnight, 'dd.MM.yyyy', TZ)).toBe('01.09.2025');
    // Without a format a Date still shows as a date, with the time when it has one: 05:03:05 UTC = 8:03:05 MSK.
    expect(displayText(midnight, '', TZ)).toBe('01.09.2025');
    expect(displayText(new Date(Date.UTC(2025, 8, 1, 5, 3, 5)), '', TZ)).toBe('01.09.2025 8:03:05');
    expect(displayText(new Date(Date.UTC(2025, 8, 1, 5, 3, 5)), 'dd.mm.yyyy hh:mm', TZ)).toBe('01.09.2025 08:03');
  });

  it('leaves text and codes as they are and shows booleans in Russian', () => {
    expect(displayText('0123', '@', TZ)).toBe('0123');
    expect(displayText('<b>', '', TZ)).toBe('<b>');
    expect(displayText(true, '', TZ)).toBe('ИСТИНА');
    expect(displayText(null, '0%', TZ)).toBe('');
  });

  it('tells date patterns from number patterns', () => {
    expect(isDatePattern('dd.MM.yyyy')).toBe(true);
    expect(isDatePattern('0.0')).toBe(false);
    expect(isDatePattern('0" дней"')).toBe(false);
  });
});

describe('optional decimals («#» after the point)', () => {
  it('shows only the decimals a number has, never binary noise', () => {
    expect(displayText(309, '0.###############', 'Europe/Moscow')).toBe('309');
    expect(displayText(87479.62, '0.###############', 'Europe/Moscow')).toBe('87479,62');
    expect(displayText(2.5, '0.0#', 'Europe/Moscow')).toBe('2,5');
  });
});
