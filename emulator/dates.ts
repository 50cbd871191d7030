// Time-zone aware date arithmetic and the two date pattern languages the twin needs:
// Java SimpleDateFormat (Utilities.formatDate) and Sheets number formats (display values).

export interface ZonedTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday */
  weekday: number;
  /** Offset from UTC in minutes (Moscow: +180). */
  offsetMinutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Whether Intl knows the zone; Apps Script falls back to GMT for unknown ids, as Java does. */
export function resolveTimeZone(timeZone: string): string {
  if (formatters.has(timeZone)) return timeZone;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const WEEKDAYS_LONG = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Calendar fields of an instant in a time zone. */
export function zoned(ms: number, timeZone: string): ZonedTime {
  const tz = resolveTimeZone(timeZone);
  const wholeSeconds = Math.floor(ms / 1000) * 1000;
  const parts = formatterFor(tz).formatToParts(new Date(wholeSeconds));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '0';
  const year = Number(get('year'));
  const month = Number(get('month'));
  const day = Number(get('day'));
  const hour = Number(get('hour')) % 24;
  const minute = Number(get('minute'));
  const second = Number(get('second'));
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    millisecond: ms - wholeSeconds,
    weekday: WEEKDAYS_SHORT.indexOf(get('weekday')),
    offsetMinutes: Math.round((asUtc - wholeSeconds) / 60000),
  };
}

/** The instant whose wall-clock time in the zone is the given one. */
export function zonedToMs(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const first = guess - zoned(guess, timeZone).offsetMinutes * 60000;
  const second2 = guess - zoned(first, timeZone).offsetMinutes * 60000;
  return second2;
}

const DAY_MS = 86400000;
const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** Sheets' serial number of an instant (days since 30.12.1899 in the spreadsheet's zone). */
export function dateToSerial(ms: number, timeZone: string): number {
  const z = zoned(ms, timeZone);
  const local = Date.UTC(z.year, z.month - 1, z.day, z.hour, z.minute, z.second, z.millisecond);
  return (local - SERIAL_EPOCH_UTC) / DAY_MS;
}

/** The instant of a Sheets serial number in the spreadsheet's zone. */
export function serialToMs(serial: number, timeZone: string): number {
  const local = new Date(SERIAL_EPOCH_UTC + Math.round(serial * DAY_MS));
  return zonedToMs(
    timeZone,
    local.getUTCFullYear(),
    local.getUTCMonth() + 1,
    local.getUTCDate(),
    local.getUTCHours(),
    local.getUTCMinutes(),
    local.getUTCSeconds(),
    local.getUTCMilliseconds(),
  );
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

function offsetText(minutes: number, style: 'Z' | 'X' | 'XX' | 'XXX' | 'z'): string {
  if (minutes === 0 && style.startsWith('X')) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const h = Math.floor(Math.abs(minutes) / 60);
  const m = Math.abs(minutes) % 60;
  if (style === 'X') return `${sign}${pad(h, 2)}` + (m ? pad(m, 2) : '');
  if (style === 'XXX') return `${sign}${pad(h, 2)}:${pad(m, 2)}`;
  if (style === 'z') return minutes === 0 ? 'GMT' : `GMT${sign}${pad(h, 2)}:${pad(m, 2)}`;
  return `${sign}${pad(h, 2)}${pad(m, 2)}`;
}

interface Token {
  letter: string;
  count: number;
  literal?: string;
}

/** Splits a SimpleDateFormat pattern into letter runs and quoted/other literals. */
function tokenizeJava(pattern: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        tokens.push({ letter: '', count: 0, literal: "'" });
        i += 2;
        continue;
      }
      let j = i + 1;
      let text = '';
      while (j < pattern.length) {
        if (pattern[j] === "'") {
          if (pattern[j + 1] === "'") {
            text += "'";
            j += 2;
            continue;
          }
          break;
        }
        text += pattern[j++];
      }
      tokens.push({ letter: '', count: 0, literal: text });
      i = j + 1;
    } else if (/[A-Za-z]/.test(ch)) {
      let j = i;
      while (pattern[j] === ch) j++;
      tokens.push({ letter: ch, count: j - i });
      i = j;
    } else {
      tokens.push({ letter: '', count: 0, literal: ch });
      i++;
    }
  }
  return tokens;
}

/** Utilities.formatDate: a Java SimpleDateFormat pattern in a time zone. */
export function formatJavaPattern(ms: number, timeZone: string, pattern: string): string {
  const z = zoned(ms, timeZone);
  let out = '';
  for (const t of tokenizeJava(pattern)) {
    if (t.literal !== undefined) {
      out += t.literal;
      continue;
    }
    const n = t.count;
    switch (t.letter) {
      case 'G':
        out += 'AD';
        break;
      case 'y':
      case 'Y':
        out += n === 2 ? pad(z.year % 100, 2) : pad(z.year, n);
        break;
      case 'M':
      case 'L':
        out += n >= 4 ? MONTHS_LONG[z.month - 1] : n === 3 ? MONTHS_SHORT[z.month - 1] : pad(z.month, n);
        break;
      case 'd':
        out += pad(z.day, n);
        break;
      case 'D': {
        const dayOfYear = Math.round((Date.UTC(z.year, z.month - 1, z.day) - Date.UTC(z.year, 0, 1)) / DAY_MS) + 1;
        out += pad(dayOfYear, n);
        break;
      }
      case 'E':
        out += n >= 4 ? WEEKDAYS_LONG[z.weekday] : WEEKDAYS_SHORT[z.weekday];
        break;
      case 'u':
        out += pad(z.weekday === 0 ? 7 : z.weekday, n);
        break;
      case 'a':
        out += z.hour < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += pad(z.hour, n);
        break;
      case 'k':
        out += pad(z.hour === 0 ? 24 : z.hour, n);
        break;
      case 'K':
        out += pad(z.hour % 12, n);
        break;
      case 'h':
        out += pad(z.hour % 12 === 0 ? 12 : z.hour % 12, n);
        break;
      case 'm':
        out += pad(z.minute, n);
        break;
      case 's':
        out += pad(z.second, n);
        break;
      case 'S':
        out += pad(z.millisecond, n);
        break;
      case 'z':
        out += offsetText(z.offsetMinutes, 'z');
        break;
      case 'Z':
        out += offsetText(z.offsetMinutes, 'Z');
        break;
      case 'X':
        out += offsetText(z.offsetMinutes, n === 1 ? 'X' : n === 2 ? 'Z' : 'XXX');
        break;
      default:
        throw new Error(`Illegal pattern character '${t.letter}'`);
    }
  }
  return out;
}

/**
 * A Sheets date/time number format ('dd.MM.yyyy', 'yyyy-mm-dd HH:mm', 'd mmmm yyyy', 'h:mm am/pm').
 * As in Sheets, m/M means minutes right after an hour or right before seconds, months otherwise.
 */
export function formatSheetsDatePattern(ms: number, timeZone: string, pattern: string): string {
  const z = zoned(ms, timeZone);
  const tokens: Token[] = [];
  let i = 0;
  const lower = pattern.toLowerCase();
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === '"') {
      const j = pattern.indexOf('"', i + 1);
      const end = j < 0 ? pattern.length : j;
      tokens.push({ letter: '', count: 0, literal: pattern.slice(i + 1, end) });
      i = end + 1;
    } else if (ch === '\\') {
      tokens.push({ letter: '', count: 0, literal: pattern[i + 1] ?? '' });
      i += 2;
    } else if (lower.startsWith('am/pm', i)) {
      tokens.push({ letter: 'ampm', count: 1 });
      i += 5;
    } else if (lower.startsWith('a/p', i)) {
      tokens.push({ letter: 'ap', count: 1 });
      i += 3;
    } else if (ch === '[') {
      const j = pattern.indexOf(']', i);
      i = j < 0 ? pattern.length : j + 1; // colours and conditions do not print
    } else if (/[dmyhsDMYHS]/.test(ch)) {
      let j = i;
      while (j < pattern.length && pattern[j].toLowerCase() === ch.toLowerCase()) j++;
      tokens.push({ letter: ch.toLowerCase(), count: j - i });
      i = j;
    } else {
      tokens.push({ letter: '', count: 0, literal: ch });
      i++;
    }
  }
  const twelveHour = tokens.some((t) => t.letter === 'ampm' || t.letter === 'ap');
  const dateTokens = tokens.filter((t) => t.literal === undefined);
  let out = '';
  for (const t of tokens) {
    if (t.literal !== undefined) {
      out += t.literal;
      continue;
    }
    const n = t.count;
    const k = dateTokens.indexOf(t);
    switch (t.letter) {
      case 'd':
        out += n >= 4 ? WEEKDAYS_LONG[z.weekday] : n === 3 ? WEEKDAYS_SHORT[z.weekday] : pad(z.day, n);
        break;
      case 'y':
        out += n <= 2 ? pad(z.year % 100, 2) : pad(z.year, 4);
        break;
      case 'h': {
        const h = twelveHour ? (z.hour % 12 === 0 ? 12 : z.hour % 12) : z.hour;
        out += pad(h, Math.min(n, 2));
        break;
      }
      case 's':
        out += pad(z.second, Math.min(n, 2));
        break;
      case 'm': {
        const prev = dateTokens[k - 1]?.letter;
        const next = dateTokens[k + 1]?.letter;
        const minutes = prev === 'h' || next === 's';
        if (minutes) out += pad(z.minute, Math.min(n, 2));
        else
          out +=
            n >= 5
              ? MONTHS_LONG[z.month - 1][0]
              : n === 4
                ? MONTHS_LONG[z.month - 1]
                : n === 3
                  ? MONTHS_SHORT[z.month - 1]
                  : pad(z.month, n);
        break;
      }
      case 'ampm':
        out += z.hour < 12 ? 'AM' : 'PM';
        break;
      case 'ap':
        out += z.hour < 12 ? 'A' : 'P';
        break;
    }
  }
  return out;
}
