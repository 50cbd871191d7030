/**
 * «Отметка времени» of the Form's responses sheet (docs/методика.md §1.1: the latest submission of a school wins).
 * Sheets gives a Date for a real timestamp cell; a pasted or retyped sheet may hold text instead.
 */
import { ValueError } from '../core/errors';
import { quoteValue } from '../core/numbers';
import { TIMESTAMP_MESSAGES } from './messages';

/** dd.MM.yyyy, optionally followed by H:mm or H:mm:ss (the Russian Sheets display format). */
const RUSSIAN_PATTERN = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ \u00A0T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
/** yyyy-MM-dd, optionally with HH:mm or HH:mm:ss (and fractions, and a «Z» for UTC). */
const ISO_PATTERN = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z)?)?$/;

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  if (!formatters.has(timeZone)) {
    let f: Intl.DateTimeFormat | null;
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      f = null;
    }
    formatters.set(timeZone, f);
  }
  return formatters.get(timeZone)!;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock time of an instant in a time zone (UTC when the zone is unknown to Intl). */
function wallClock(instantMs: number, timeZone: string): WallClock {
  const f = formatterFor(timeZone);
  if (!f) {
    const d = new Date(instantMs);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
    };
  }
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(instantMs))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour % 24, minute: parts.minute, second: parts.second };
}

function offsetMs(instantMs: number, timeZone: string): number {
  const w = wallClock(instantMs, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/** The instant at which the wall clock of `timeZone` shows the given time. */
function fromWallClock(w: WallClock, timeZone: string): Date {
  const guess = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const first = offsetMs(guess, timeZone);
  let instant = guess - first;
  const second = offsetMs(instant, timeZone);
  if (second !== first) instant = guess - second;
  return new Date(instant);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validWallClock(w: WallClock): boolean {
  return (
    w.month >= 1 &&
    w.month <= 12 &&
    w.day >= 1 &&
    w.day <= daysInMonth(w.year, w.month) &&
    w.hour >= 0 &&
    w.hour <= 23 &&
    w.minute <= 59 &&
    w.second <= 59
  );
}

function wallClockFromMatch(year: string, month: string, day: string, hour?: string, minute?: string, second?: string): WallClock {
  return {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour ?? 0),
    minute: Number(minute ?? 0),
    second: Number(second ?? 0),
  };
}

/**
 * «Отметка времени» as an instant (docs/методика.md §1.1): a Date as Sheets gives it, or text
 * `dd.MM.yyyy H:mm:ss`, `dd.MM.yyyy H:mm`, `dd.MM.yyyy`, `yyyy-MM-dd HH:mm:ss`, `yyyy-MM-dd`, read as
 * wall-clock time of the spreadsheet's `timeZone` (an IANA name, e.g. Europe/Moscow = UTC+3; a name
 * Intl does not know is read as UTC). Only the order of a school's submissions matters, so the zone only
 * has to be the same for every row. Empty → null; other text, numbers or an impossible date → ValueError.
 */
export function parseTimestamp(value: unknown, timeZone: string): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new ValueError(TIMESTAMP_MESSAGES.notTimestamp(quoteValue(value)));
    return value;
  }
  if (typeof value !== 'string') throw new ValueError(TIMESTAMP_MESSAGES.notTimestamp(quoteValue(value)));
  const text = value.trim();
  if (text === '') return null;
  const ru = RUSSIAN_PATTERN.exec(text);
  const iso = ru ? null : ISO_PATTERN.exec(text);
  let w: WallClock | null = null;
  let utc = false;
  if (ru) w = wallClockFromMatch(ru[3], ru[2], ru[1], ru[4], ru[5], ru[6]);
  else if (iso) {
    w = wallClockFromMatch(iso[1], iso[2], iso[3], iso[4], iso[5], iso[6]);
    utc = iso[7] === 'Z';
  }
  if (!w || !validWallClock(w)) throw new ValueError(TIMESTAMP_MESSAGES.notTimestamp(text));
  return utc ? new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)) : fromWallClock(w, timeZone);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** «Отметка времени» (docs/методика.md §1.1) as the Russian Sheets shows it, dd.MM.yyyy H:mm:ss in `timeZone`, for data-check messages. */
export function formatTimestamp(date: Date, timeZone: string): string {
  const w = wallClock(date.getTime(), timeZone);
  return `${pad2(w.day)}.${pad2(w.month)}.${w.year} ${w.hour}:${pad2(w.minute)}:${pad2(w.second)}`;
}

/** The calendar year and month (1–12) of an instant in `timeZone`: what the school year of an answer is taken from. */
export function calendarMonth(date: Date, timeZone: string): { year: number; month: number } {
  const w = wallClock(date.getTime(), timeZone);
  return { year: w.year, month: w.month };
}
