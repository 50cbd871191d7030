import { isDate } from '../realm';
import { zonedToMs } from '../dates';
import type { CellValue } from './format';

/** How typed text is interpreted, as Sheets does for values written by a script (user-entered). */
export interface InputLocale {
  /** Decimal separator of numbers typed as text ('35,5' in ru_RU). */
  decimal: ',' | '.';
  /** Day-first dates ('15.01.2024') instead of month-first ('1/15/2024'). */
  dayFirst: boolean;
  /** Whether text that looks like a number, boolean or date is converted at all. */
  parseText: boolean;
}

/** The outcome of writing one input to a cell; reused between calls to avoid allocation. */
export interface CellInput {
  value: CellValue | undefined;
  formula: string | undefined;
  /** A number format Sheets applies by itself (e.g. '0%' for text '35%'). */
  autoFormat: string | undefined;
}

const NUMBER_DOT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const NUMBER_COMMA = /^[+-]?(\d+,?\d*|,\d+)$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DAY_FIRST_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const MONTH_FIRST_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parseNumberText(text: string, decimal: ',' | '.'): number | undefined {
  const re = decimal === ',' ? NUMBER_COMMA : NUMBER_DOT;
  if (!re.test(text)) return undefined;
  return Number(decimal === ',' ? text.replace(',', '.') : text);
}

/**
 * Converts what a script passes to setValue/setValues into what the cell stores, as Sheets does:
 * null/undefined/'' empty the cell; a string starting with '=' is a formula; a leading apostrophe
 * forces text and is dropped; in a cell formatted '@' text stays text; otherwise text that reads
 * as a number, percent, TRUE/FALSE or date becomes one; Dates are copied; other objects become text.
 */
export function coerceInput(input: unknown, cellFormat: string | undefined, locale: InputLocale, timeZone: string, out: CellInput): void {
  out.value = undefined;
  out.formula = undefined;
  out.autoFormat = undefined;
  if (input === null || input === undefined) return;
  switch (typeof input) {
    case 'number':
      out.value = Number.isFinite(input) ? input : String(input);
      return;
    case 'boolean':
      out.value = input;
      return;
    case 'string':
      coerceText(input, cellFormat, locale, timeZone, out);
      return;
    default:
      if (isDate(input)) {
        const ms = input.getTime();
        out.value = Number.isNaN(ms) ? 'Invalid Date' : new Date(ms);
        return;
      }
      out.value = String(input);
  }
}

function coerceText(text: string, cellFormat: string | undefined, locale: InputLocale, timeZone: string, out: CellInput): void {
  if (text === '') return;
  if (cellFormat === '@') {
    out.value = text;
    return;
  }
  const first = text.charCodeAt(0);
  if (first === 61 /* = */ && text.length > 1) {
    out.formula = text;
    return;
  }
  if (first === 39 /* ' */) {
    out.value = text.length > 1 ? text.slice(1) : undefined;
    return;
  }
  out.value = text;
  if (!locale.parseText) return;
  const isDigitStart = (first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46 || first === 44;
  if (isDigitStart) {
    const trimmed = text.trim();
    if (trimmed.endsWith('%')) {
      const n = parseNumberText(trimmed.slice(0, -1).trim(), locale.decimal);
      if (n !== undefined) {
        out.value = n / 100;
        out.autoFormat = Number.isInteger(n) ? '0%' : '0.00%';
      }
      return;
    }
    const n = parseNumberText(trimmed, locale.decimal);
    if (n !== undefined) {
      out.value = n;
      return;
    }
    const iso = ISO_DATE.exec(trimmed);
    const local = locale.dayFirst ? DAY_FIRST_DATE.exec(trimmed) : MONTH_FIRST_DATE.exec(trimmed);
    let y = 0;
    let m = 0;
    let d = 0;
    if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    else if (local && locale.dayFirst) [d, m, y] = [Number(local[1]), Number(local[2]), Number(local[3])];
    else if (local) [m, d, y] = [Number(local[1]), Number(local[2]), Number(local[3])];
    if ((iso || local) && validDate(y, m, d)) {
      out.value = new Date(zonedToMs(timeZone, y, m, d));
      out.autoFormat = iso ? 'yyyy-mm-dd' : undefined;
    }
    return;
  }
  const upper = text.toUpperCase();
  if (upper === 'TRUE' || upper === 'ИСТИНА') out.value = true;
  else if (upper === 'FALSE' || upper === 'ЛОЖЬ') out.value = false;
}
