import { describe, expect, it } from 'vitest';
import { wallClock } from '../../src/core/wallClock';

describe('wallClock', () => {
  // What Intl shows, field by field, worked out here without the add-in's offset cache.
  const shown = (ms: number, timeZone: string) => {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    }).formatToParts(new Date(ms));
    const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
    return { year: n('year'), month: n('month'), day: n('day'), hour: n('hour') % 24, minute: n('minute'), second: n('second') };
  };

  it.each([
    // Moscow's last changes (2011: summer time kept; 2014: back to UTC+3), New York's and Lord Howe's half-hour summer time.
    ['Europe/Moscow', '2011-03-27T00:00:00Z'],
    ['Europe/Moscow', '2014-10-25T22:00:00Z'],
    ['America/New_York', '2024-03-10T07:00:00Z'],
    ['America/New_York', '2024-11-03T06:00:00Z'],
    ['Australia/Lord_Howe', '2024-04-06T15:00:00Z'],
    ['Asia/Kathmandu', '2025-09-01T05:00:00Z'],
  ])('shows in %s what Intl shows on either side of %s, second by second near the change', (zone, around) => {
    const t = Date.parse(around);
    for (let ms = t - 2 * 3600_000; ms <= t + 2 * 3600_000; ms += 7_777) expect(wallClock(ms, zone)).toEqual(shown(ms, zone));
    for (let ms = t - 3_000; ms <= t + 3_000; ms += 250) expect(wallClock(ms, zone)).toEqual(shown(ms, zone));
  });

  it("shows a time before 2000 as Intl does (Moscow's offset of 1919 had seconds)", () => {
    const ms = Date.parse('1919-07-01T00:00:00Z');
    expect(wallClock(ms, 'Europe/Moscow')).toEqual(shown(ms, 'Europe/Moscow'));
  });
});
