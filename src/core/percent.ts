/**
 * Rounding and Russian formatting of numbers and shares.
 *
 * Rounding works on the decimal representation of a number (the shortest digits that
 * round-trip), not on its binary value: 81.55 is stored as 81.5499999…, yet a user who sees
 * «81,55» expects «81,6». Half-way cases round away from zero.
 */

/** Decimal comma and Russian minus sign, as the sheets show them. */
const DECIMAL_COMMA = ',';
const MINUS_SIGN = '\u2212';
const GROUP_SEPARATOR = ' ';

/**
 * x·10^k computed on the decimal digits of x, so that 0.355 shifted by 2 is exactly 35.5
 * (0.355 * 100 is 35.49999…). Used for percents of docs/методика.md §1.1 and §4.
 */
export function decimalShift(x: number, k: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const [mantissa, exponent] = x.toExponential().split('e');
  return Number(`${mantissa}e${Number(exponent) + k}`);
}

/**
 * Significant digits a computed value is read with before rounding: the precision Sheets shows.
 * A weighted sum carries binary noise in its last digits: 65 + 20·0,73 − 15·0,01 is exactly 79,45
 * but comes out as 79.44999999999999, whose own digits would round down to 79,4.
 */
const SIGNIFICANT_DIGITS = 15;

/**
 * Rounds to `digits` decimals, half away from zero, on the decimal representation
 * (roundHalfUp(81.55, 1) = 81.6, roundHalfUp(1.005, 2) = 1.01), read to 15 significant digits
 * so that arithmetic noise does not move a half-way value (79.44999999999999 → 79.45 → 79.5).
 * Used for every value the user sees rounded (ИСБШ with one decimal and its level, docs/методика.md §2;
 * whole percents, docs/методика.md §4).
 */
export function roundHalfUp(x: number, digits: number): number {
  if (!Number.isFinite(x) || x === 0) return x === 0 ? 0 : x;
  const sign = x < 0 ? -1 : 1;
  const shifted = decimalShift(Number(Math.abs(x).toPrecision(SIGNIFICANT_DIGITS)), digits);
  const rounded = decimalShift(Math.round(shifted), -digits);
  return rounded === 0 ? 0 : sign * rounded;
}

/**
 * The share count ÷ total rounded to a whole percent, returned as a fraction: 31 of 42 → 0.74.
 * Summary tables round from the counts (docs/методика.md §4). Total 0 → 0.
 */
export function wholePercentShare(count: number, total: number): number {
  if (total === 0) return 0;
  // Integer arithmetic for integer counts: round(100·count/total) with halves up, no float drift.
  const percent = Number.isInteger(count) && Number.isInteger(total) && total > 0 && count >= 0
    ? Math.floor((200 * count + total) / (2 * total))
    : roundHalfUp((100 * count) / total, 0);
  return percent / 100;
}

/**
 * A number in Russian notation with a fixed number of decimals: formatNumberRu(81.55, 1) = «81,6»,
 * negative numbers with the minus sign «−». With groupThousands, numbers of five digits and more
 * are grouped by a space («45 000»), as Russian typography does. docs/методика.md §2 shows ИСБШ this way.
 */
export function formatNumberRu(x: number, digits: number, options?: { groupThousands?: boolean }): string {
  if (!Number.isFinite(x)) return String(x);
  const rounded = roundHalfUp(x, digits);
  const fixed = Math.abs(rounded).toFixed(digits);
  let [whole, fraction] = fixed.split('.');
  if (options?.groupThousands && whole.length > 4) {
    whole = whole.replace(/\B(?=(\d{3})+$)/g, GROUP_SEPARATOR);
  }
  const body = fraction === undefined ? whole : `${whole}${DECIMAL_COMMA}${fraction}`;
  return rounded < 0 ? `${MINUS_SIGN}${body}` : body;
}

/**
 * A share in [0, 1] as Russian percent text: formatPercent(0.667) = «67 %»,
 * formatPercent(0.355, 1) = «35,5 %» (decimal comma, a normal space before %), as the summaries of docs/методика.md §4 show shares.
 */
export function formatPercent(share: number, digits = 0): string {
  return `${formatNumberRu(decimalShift(share, 2), digits)} %`;
}
