/**
 * Descriptive statistics used by the rules of docs/методика.md §2 (resource deficits: mean and
 * population SD over the schools of the sheet) and §3 (resilient schools: a least-squares line).
 * An empty list is a caller's bug, not a user's problem: it throws a plain Error, never NaN.
 */

function requireValues(xs: readonly number[], what: string): void {
  if (xs.length === 0) throw new Error(`${what}: empty list`);
}

/** Arithmetic mean of a non-empty list (docs/методика.md §2 «Ресурсные дефициты»). Throws on an empty list. */
export function mean(xs: readonly number[]): number {
  requireValues(xs, 'mean');
  let sum = 0;
  for (const x of xs) sum += x;
  return sum / xs.length;
}

/** Median of a non-empty list (the middle value, or the mean of the two middle ones); used to judge a value against its column (docs/методика.md §1.1). */
export function median(xs: readonly number[]): number {
  requireValues(xs, 'median');
  // A typed array sorts numbers natively: far faster than a comparator over 40 000 values.
  const sorted = Float64Array.from(xs).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Population standard deviation √(Σ(x − mean)² / n) of a non-empty list (docs/методика.md §2 uses the
 * population SD). One value → 0. Throws on an empty list.
 */
export function populationSd(xs: readonly number[]): number {
  requireValues(xs, 'populationSd');
  const m = mean(xs);
  let sumSquares = 0;
  for (const x of xs) sumSquares += (x - m) * (x - m);
  return Math.sqrt(sumSquares / xs.length);
}

/**
 * Ordinary least-squares line y ≈ slope·x + intercept (docs/методика.md §3 «Резильентные школы»).
 * Null when there are fewer than two points or every x is the same (no line can be fitted).
 * Throws when the lists differ in length.
 */
export function leastSquares(xs: readonly number[], ys: readonly number[]): { slope: number; intercept: number } | null {
  if (xs.length !== ys.length) throw new Error(`leastSquares: ${xs.length} x values but ${ys.length} y values`);
  if (xs.length < 2) return null;
  // Compare the values themselves: the mean of equal floats need not equal them, which would
  // leave a tiny non-zero variance and a meaningless slope.
  if (xs.every((x) => x === xs[0])) return null;
  const mx = mean(xs);
  const my = mean(ys);
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < xs.length; i++) {
    sxx += (xs[i] - mx) * (xs[i] - mx);
    sxy += (xs[i] - mx) * (ys[i] - my);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx };
}
