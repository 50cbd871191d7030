/**
 * «Отметка времени» of the Form's responses sheet (docs/методика.md §1.1: the latest submission of a school wins).
 * Sheets gives a Date for a real timestamp cell; a pasted or retyped sheet may hold text instead.
 */
import { ValueError } from '../core/errors';
import { quoteValue } from '../core/numbers';
import { TIMESTAMP_MESSAGES } from './messages';
import { fromWallClock, utcWallClock, wallClock, type WallClock } from '../core/wallClock';
import { foldCase } from '../core/text';

/** A time after a date: «8:03», «08:03:05», «8:03:05.123», «8:03:05 AM», after a space, «T» or «, ». */
const TIME = String.raw`(?:(?:,?[ \u00A0]+|T)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:[ \u00A0]*([AaPp])\.?[Mm]\.?)?)?`;
/** dd.MM.yyyy or dd.MM.yy (the Russian Sheets and Excel display formats), then a time. */
const RUSSIAN_PATTERN = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?:[ \u00A0]*г\.)?${TIME}$`);
/** M/d/yyyy (English Sheets) or dd/MM/yyyy (British): which one the column decides (slashDateOrder). */
const SLASH_PATTERN = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})${TIME}$`);
/** yyyy-MM-dd, optionally with a time, fractions, and «Z» or an offset such as «+03:00». */
const ISO_PATTERN = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
/** «1 сент. 2025 г.», «1 сентября 2025 г., 8:03», «Sep 1, 2025 8:03:05 AM», «1 September 2025». */
const WORDS_DAY_FIRST = new RegExp(String.raw`^(\d{1,2})[ \u00A0]+([a-zа-яё]+)\.?[ \u00A0]+(\d{4})(?:[ \u00A0]*г\.?)?${TIME}$`, 'i');
const WORDS_MONTH_FIRST = new RegExp(String.raw`^([a-z]+)\.?[ \u00A0]+(\d{1,2}),?[ \u00A0]+(\d{4})${TIME}$`, 'i');

/** Month names by their beginning, Russian (any case: «сент.», «сентября») and English («Sep», «September»). */
const MONTH_PREFIXES: ReadonlyArray<readonly [string, number]> = [
  ['янв', 1],
  ['фев', 2],
  ['мар', 3],
  ['апр', 4],
  ['мая', 5],
  ['май', 5],
  ['июн', 6],
  ['июл', 7],
  ['авг', 8],
  ['сен', 9],
  ['окт', 10],
  ['ноя', 11],
  ['дек', 12],
  ['jan', 1],
  ['feb', 2],
  ['mar', 3],
  ['apr', 4],
  ['may', 5],
  ['jun', 6],
  ['jul', 7],
  ['aug', 8],
  ['sep', 9],
  ['oct', 10],
  ['nov', 11],
  ['dec', 12],
];

function monthOf(word: string): number | null {
  const w = foldCase(word);
  if (w.length < 3) return null;
  const hit = MONTH_PREFIXES.find(([prefix]) => w.startsWith(prefix));
  return hit ? hit[1] : null;
}

/** Excel and Sheets date serials: days since 30.12.1899; 20 000–80 000 is 1954–2119. */
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;
const SERIAL_MIN = 20_000;
const SERIAL_MAX = 80_000;

/** Which of the two numbers of «9/1/2025» is the month. */
export type SlashOrder = 'month-first' | 'day-first';

/**
 * The order of «a/b/yyyy» dates of a column (docs/методика.md §1.1): day first when some first number is
 * above 12 («15/09/2025»), month first when some second number is (English Sheets, «9/15/2025»), and
 * month first, as English Sheets writes it, when no value says (`decided` false: the caller notes it).
 * Both at once cannot be read one way: null.
 */
export function slashDateOrder(values: readonly unknown[]): { order: SlashOrder; decided: boolean; any: boolean } | null {
  let dayFirst = false;
  let monthFirst = false;
  let any = false;
  for (const v of values) {
    if (typeof v !== 'string') continue;
    const m = SLASH_PATTERN.exec(v.trim());
    if (!m) continue;
    any = true;
    if (Number(m[1]) > 12) dayFirst = true;
    if (Number(m[2]) > 12) monthFirst = true;
  }
  if (dayFirst && monthFirst) return null;
  return { order: dayFirst ? 'day-first' : 'month-first', decided: dayFirst || monthFirst, any };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validWallClock(w: WallClock): boolean {
  return (
    Number.isFinite(w.year) &&
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

function fullYear(text: string): number {
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

/** Hours of a 12-hour clock with «AM»/«PM» as 0–23; hours above 12 with a mark are impossible (-1). */
function hour24(hour: string | undefined, mark: string | undefined): number {
  const h = Number(hour ?? 0);
  if (mark === undefined) return h;
  if (h < 1 || h > 12) return -1;
  const pm = mark.toLowerCase() === 'p';
  return (h % 12) + (pm ? 12 : 0);
}

function wallClockOf(year: string, month: number, day: string, time: ReadonlyArray<string | undefined>): WallClock {
  const [hour, minute, second, mark] = time;
  return {
    year: fullYear(year),
    month,
    day: Number(day),
    hour: hour24(hour, mark),
    minute: Number(minute ?? 0),
    second: Number(second ?? 0),
  };
}

/** The wall clock written in `text`, and its UTC offset in minutes when the text gives one; null when the text is no timestamp. */
function readText(text: string, slashOrder: SlashOrder): { w: WallClock; offsetMinutes: number | null } | null {
  let m = RUSSIAN_PATTERN.exec(text);
  if (m) return { w: wallClockOf(m[3], Number(m[2]), m[1], m.slice(4, 8)), offsetMinutes: null };
  m = SLASH_PATTERN.exec(text);
  if (m) {
    const [month, day] = slashOrder === 'day-first' ? [m[2], m[1]] : [m[1], m[2]];
    return { w: wallClockOf(m[3], Number(month), day, m.slice(4, 8)), offsetMinutes: null };
  }
  m = ISO_PATTERN.exec(text);
  if (m) {
    const w = wallClockOf(m[1], Number(m[2]), m[3], [m[4], m[5], m[6], undefined]);
    const zone = m[7];
    if (zone === undefined) return { w, offsetMinutes: null };
    if (zone === 'Z') return { w, offsetMinutes: 0 };
    const digits = zone.replace(':', '');
    const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
    return { w, offsetMinutes: digits[0] === '-' ? -minutes : minutes };
  }
  m = WORDS_DAY_FIRST.exec(text);
  if (m) {
    const month = monthOf(m[2]);
    return month === null ? null : { w: wallClockOf(m[3], month, m[1], m.slice(4, 8)), offsetMinutes: null };
  }
  m = WORDS_MONTH_FIRST.exec(text);
  if (m) {
    const month = monthOf(m[1]);
    return month === null ? null : { w: wallClockOf(m[3], month, m[2], m.slice(4, 8)), offsetMinutes: null };
  }
  return null;
}

/** A date serial (Excel, Sheets) as the wall clock it shows, to the second. */
function wallClockOfSerial(serial: number): WallClock {
  return utcWallClock(new Date(SERIAL_EPOCH_MS + Math.round((serial * MS_PER_DAY) / 1000) * 1000));
}

/**
 * «Отметка времени» as an instant (docs/методика.md §1.1), in every format a Sheets or Excel export gives:
 * a Date as Sheets gives it; a date serial (45901,336 — Excel, or Sheets with a number format);
 * text «01.09.2025 8:03:05», «01.09.2025, 08:03:05», «01.09.25 8:03», «01.09.2025»; «9/1/2025
 * 8:03:05» and «9/1/2025 8:03:05 AM» (the order of day and month from `slashOrder`, month first
 * by default, as English Sheets writes it); ISO «2025-09-01 08:03:05», «2025-09-01T08:03:05Z»,
 * «…+03:00»; «1 сент. 2025 г.», «1 сентября 2025 г., 8:03», «Sep 1, 2025 8:03:05 AM». Text without
 * a zone is wall-clock time of the spreadsheet's `timeZone` (an IANA name, e.g. Europe/Moscow = UTC+3;
 * a name Intl does not know is read as UTC); only the order of a school's submissions matters, so the
 * zone only has to be the same for every row. Empty → null; anything else → ValueError.
 */
export function parseTimestamp(value: unknown, timeZone: string, options: { slashOrder?: SlashOrder } = {}): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new ValueError(TIMESTAMP_MESSAGES.notTimestamp(quoteValue(value)));
    return value;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < SERIAL_MIN || value > SERIAL_MAX)
      throw new ValueError(TIMESTAMP_MESSAGES.notTimestamp(quoteValue(value)));
    return fromWallClock(wallClockOfSerial(value), timeZone);
  }
  if (typeof value !== 'string') throw new ValueError(TIMESTAMP_MESSAGES.notTimestamp(quoteValue(value)));
  const text = value.trim().replace(/\s+/g, ' ');
  if (text === '') return null;
  const read = readText(text, options.slashOrder ?? 'month-first');
  if (!read || !validWallClock(read.w)) throw new ValueError(TIMESTAMP_MESSAGES.notTimestamp(text));
  const { w, offsetMinutes } = read;
  if (offsetMinutes === null) return fromWallClock(w, timeZone);
  return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - offsetMinutes * 60_000);
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
