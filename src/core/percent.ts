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
  // Shares and percents repeat (they are small quotients): the digits are worked out once per value.
  let cache = SHIFTS.get(k);
  if (cache === undefined) SHIFTS.set(k, (cache = new Map()));
  let shifted = cache.get(x);
  if (shifted === undefined) {
    const [mantissa, exponent] = x.toExponential().split('e');
    shifted = Number(`${mantissa}e${Number(exponent) + k}`);
    if (cache.size >= SHIFT_CACHE_SIZE) cache.clear();
    cache.set(x, shifted);
  }
  return shifted;
}

const SHIFTS = new Map<number, Map<number, number>>();
const SHIFT_CACHE_SIZE = 50_000;

/** Exact powers of ten (every one up to 10^22 is a double). */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10];

/** How far from a half the scaled value (below 10^8, where reading to 15 digits moves it by under 10^-6) must be for plain floating point to round it as the digits do. */
const HALF_MARGIN = 1e-6;

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
  // Away from a half, binary noise cannot change the result: round the scaled value directly. The integer it rounds
  // to, divided by an exact power of ten, is the double nearest that decimal — what the digit path returns.
  if (digits >= 0 && digits < POW10.length) {
    const scaled = Math.abs(x) * POW10[digits];
    const fraction = scaled - Math.floor(scaled);
    if (scaled < 1e8 && Math.abs(fraction - 0.5) > HALF_MARGIN) {
      const rounded = Math.round(scaled) / POW10[digits];
      return rounded === 0 ? 0 : sign * rounded;
    }
  }
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
  const percent =
    Number.isInteger(count) && Number.isInteger(total) && total > 0 && count >= 0
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
  const [integerPart, fraction] = fixed.split('.');
  let whole = integerPart;
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
