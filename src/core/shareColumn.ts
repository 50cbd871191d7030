/**
 * Shares as regions write them (docs/методика.md §1.1, §1.2): «43,4», «43.4», «0,434», «43,4%», a
 * percent-formatted cell. Whether a plain number is a percent or a fraction is decided for the whole
 * column from its other values; a value the column does not settle is asked about, never guessed.
 */
import { ValueError } from './errors';
import { SHARE_MESSAGES } from './messages';
import { parsePercentText, parseRussianNumber, quoteValue } from './numbers';
import { decimalShift } from './percent';

/** What the column's values say about its plain numbers. */
export interface ShareColumn {
  /** Some plain value is above 1, or the header says «%»: plain numbers there are percents. */
  percents: boolean;
  /** The most decimals any percent of the column is written with (43,4 → 1; a fraction has more); null when no value is a percent (only the header says «%»). */
  percentDigits: number | null;
}

interface PlainNumber {
  x: number;
  decimals: number;
}

/** Decimals of a number as written: «0,434» → 3, 43.4 → 1. */
function decimalsOf(text: string): number {
  const m = /[.,](\d+)\s*%?$/.exec(text.trim());
  return m ? m[1].length : 0;
}

/** A plain (not «%») number of a cell with how many decimals it is written with; null for empty, percent text or text that is no number. */
function plainNumber(value: unknown): PlainNumber | null {
  // A whole number is written without decimals: no need to print it (a column has hundreds of thousands).
  if (typeof value === 'number')
    return Number.isFinite(value) ? { x: value, decimals: Number.isInteger(value) ? 0 : decimalsOf(String(value)) } : null;
  if (typeof value !== 'string') return null;
  try {
    if (parsePercentText(value) !== null) return null;
    const x = parseRussianNumber(value);
    return x === null ? null : { x, decimals: decimalsOf(value) };
  } catch (e) {
    if (e instanceof ValueError) return null;
    throw e;
  }
}

/**
 * How a column of shares is read (docs/методика.md §1.1): its plain numbers are percents when any of them
 * is above 1, when some value is written with «%», or when the header says «%» (`percentHeader`);
 * otherwise they are fractions. `percentFormatted(i)` says a cell is formatted as a percent in the
 * sheet: its number is a fraction whatever the column, so it does not vote.
 */
export function shareColumn(
  values: readonly unknown[],
  options: { percentHeader?: boolean; percentFormatted?: (index: number) => boolean } = {},
): ShareColumn {
  let percents = options.percentHeader === true;
  let percentDigits: number | null = null;
  values.forEach((value, i) => {
    if (options.percentFormatted?.(i)) return;
    if (typeof value === 'string' && /%\s*$/.test(value.trim())) {
      percents = true;
      percentDigits = Math.max(percentDigits ?? 0, decimalsOf(value));
      return;
    }
    const n = plainNumber(value);
    if (n !== null && n.x > 1) {
      percents = true;
      percentDigits = Math.max(percentDigits ?? 0, n.decimals);
    }
  });
  return { percents, percentDigits };
}

function fromPercent(percent: number, quoted: string): number {
  if (percent < 0) throw new ValueError(SHARE_MESSAGES.negative(quoted));
  if (percent > 100) throw new ValueError(SHARE_MESSAGES.above100(quoted));
  return decimalShift(percent, -2);
}

/**
 * One share of a column (docs/методика.md §1.1) in [0, 1]: «43,4%» → 0,434; a percent-formatted cell's
 * number is a fraction; a plain number above 1 is a percent; a plain number up to 1 is a fraction in
 * a column of fractions, and in a column of percents a fraction only when it is written with more
 * decimals than the column's percents («0,434» among «43,4», «51,2»), since a percent would not be;
 * under a «%» header with no percent among the values a number cell is a fraction (Sheets stores a
 * typed «30 %» as 0,3) and text is asked about. Otherwise («0,8» among «43,4»: 0,8 % or 80 %?) it throws a ValueError asking which is meant. 0 is 0
 * either way. Empty or a dash → null; text that is no number → ValueError.
 */
export function shareInColumn(value: unknown, column: ShareColumn, percentFormatted = false): number | null {
  const quoted = quoteValue(value);
  const percentText = parsePercentText(value);
  if (percentText !== null) return fromPercent(percentText, quoted);
  const x = parseRussianNumber(value);
  if (x === null) return null;
  if (x < 0) throw new ValueError(SHARE_MESSAGES.negative(quoted));
  if (percentFormatted) {
    if (x > 1) throw new ValueError(SHARE_MESSAGES.above100(quoted));
    return x;
  }
  if (x > 1 || x === 0) return x === 0 ? 0 : fromPercent(x, quoted);
  if (!column.percents) return x;
  // Under a «%» header with no percent among the values, a number cell is what Sheets stores for a typed «30 %».
  if (column.percentDigits === null && typeof value === 'number') return x;
  if (column.percentDigits !== null && decimalsOf(String(value)) > column.percentDigits) return x;
  throw new ValueError(SHARE_MESSAGES.ambiguous(quoted, quoteValue(decimalShift(x, 2))));
}

/**
 * Whether a column of counts is in fact written as shares (docs/методика.md §1.2: «a share is a share»):
 * more than half of its values are written with «%», are percent-formatted, or are fractions below 1
 * (a count is whole). Empty cells do not vote.
 */
export function mostlyShares(values: readonly unknown[], percentFormatted?: (index: number) => boolean): boolean {
  let shares = 0;
  let voters = 0;
  values.forEach((value, i) => {
    if (typeof value === 'string' && /%\s*$/.test(value.trim())) {
      voters++;
      shares++;
      return;
    }
    const n = plainNumber(value);
    if (n === null) return;
    voters++;
    if (percentFormatted?.(i) || (!Number.isInteger(n.x) && n.x < 1)) shares++;
  });
  return voters > 0 && shares * 2 > voters;
}
