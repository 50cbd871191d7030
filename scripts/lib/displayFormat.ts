/**
 * Cell values as a Russian-locale spreadsheet shows them under their number format: a comma
 * decimal, percents as «33 %», dates «dd.MM.yyyy» in the spreadsheet's time zone, booleans as
 * ИСТИНА/ЛОЖЬ. Covers the patterns the add-in writes ('0', '0.0', '0.00', '#,##0', '0%', '0.0%',
 * 'dd.MM.yyyy', 'dd.MM.yyyy H:mm:ss', '@') and falls back to plain numbers for anything else.
 */
import type { SnapshotValue } from './snapshot';
import { wallClock } from '../../src/core/wallClock';

const GROUP_SEPARATOR = '\u00a0';

/** Strips quoted literals, bracketed parts and escapes, which may contain letters that are not format codes. */
function formatCodes(pattern: string): string {
  return pattern
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '');
}

/** True when a number-format pattern shows a date or time. */
export function isDatePattern(pattern: string): boolean {
  return /[dDyYhHsSM]/.test(formatCodes(pattern));
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A date under a date pattern; «m»/«mm» next to an hour or second means minutes, elsewhere the month. */
function formatDate(date: Date, pattern: string, timeZone: string): string {
  const w = wallClock(date.getTime(), timeZone);
  const tokens = pattern.match(/"[^"]*"|yyyy|yy|dd|d|MM|M|mm|m|HH|H|hh|h|ss|s|./gi) ?? [];
  let afterHour = false;
  return tokens
    .map((t, i) => {
      if (t.startsWith('"')) return t.slice(1, -1);
      const lower = t.toLowerCase();
      if (lower === 'yyyy') return String(w.year);
      if (lower === 'yy') return pad2(w.year % 100);
      if (lower === 'dd') return pad2(w.day);
      if (lower === 'd') return String(w.day);
      if (lower === 'hh') return ((afterHour = true), pad2(w.hour));
      if (lower === 'h') return ((afterHour = true), String(w.hour));
      if (lower === 'ss') return pad2(w.second);
      if (lower === 's') return String(w.second);
      if (lower === 'mm' || lower === 'm') {
        const nextIsSeconds =
          tokens
            .slice(i + 1)
            .find((x) => /^[a-z]/i.test(x))
            ?.toLowerCase()
            .startsWith('s') ?? false;
        const minutes = (t === 'mm' || t === 'm') && (afterHour || nextIsSeconds);
        if (minutes) return lower === 'mm' ? pad2(w.minute) : String(w.minute);
        return lower === 'mm' ? pad2(w.month) : String(w.month);
      }
      return t;
    })
    .join('');
}

function groupThousands(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, GROUP_SEPARATOR);
}

/** A number under a numeric pattern: decimals from the zeros after the point, grouping from «,», percent from «%». */
function formatNumber(value: number, pattern: string): string {
  const codes = formatCodes(pattern.split(';')[0]);
  const percent = codes.includes('%');
  const digits = /\.([0#]+)/.exec(codes)?.[1] ?? '';
  // «0» after the point is a digit always shown, «#» one shown only when needed («0.###» shows 309 as «309»).
  const decimals = digits.length;
  const required = (/^0*/.exec(digits)?.[0] ?? '').length;
  const grouped = /[0#],[0#]/.test(codes);
  const scaled = percent ? value * 100 : value;
  // Doubles hold about 15 significant digits: more decimals than that would print binary noise.
  const intDigits = scaled === 0 ? 1 : Math.max(1, Math.floor(Math.log10(Math.abs(scaled))) + 1);
  let fixed = Math.abs(scaled).toFixed(Math.min(decimals, Math.max(required, 15 - intDigits)));
  if (decimals > required && fixed.includes('.')) {
    const [whole, part] = fixed.split('.');
    const kept = part.slice(0, required) + part.slice(required).replace(/0+$/, '');
    fixed = kept ? `${whole}.${kept}` : whole;
  }
  const [int, frac] = fixed.split('.');
  const sign = scaled < 0 && Number(fixed) !== 0 ? '-' : '';
  const body = (grouped ? groupThousands(int) : int) + (frac ? ',' + frac : '');
  return sign + body + (percent ? ' %' : '');
}

/** A number with the automatic format: up to ten significant digits, comma decimal, no grouping. */
function formatGeneralNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(10))).replace('.', ',');
}

/** The text a cell shows: `value` under number-format `pattern`, dates in `timeZone`. */
export function displayText(value: SnapshotValue | undefined, pattern: string, timeZone: string): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? 'ИСТИНА' : 'ЛОЖЬ';
  if (value instanceof Date) {
    if (pattern && isDatePattern(pattern)) return formatDate(value, pattern, timeZone);
    const w = wallClock(value.getTime(), timeZone);
    return formatDate(value, w.hour || w.minute || w.second ? 'dd.MM.yyyy H:mm:ss' : 'dd.MM.yyyy', timeZone);
  }
  if (typeof value === 'number') {
    if (!pattern || pattern === 'General' || pattern === '@' || isDatePattern(pattern)) return formatGeneralNumber(value);
    return formatNumber(value, pattern);
  }
  return value;
}

/** True when a pattern shows numbers as percents. */
export function isPercentPattern(pattern: string): boolean {
  return formatCodes(pattern).includes('%');
}
