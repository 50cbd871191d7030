/**
 * Values that are readable but cannot be true (docs/методика.md §1.1: «never silently wrong»): a total far
 * from the school's other counts, funding in thousands among roubles, a totals row taken for a school.
 */
import { median } from './stats';

/** How many times the largest other count «Всего обучающихся» may be before it is not believed. */
const TOTAL_TO_COUNTS_LIMIT = 20;
/** No school has this many pupils. */
const LARGEST_SCHOOL = 20_000;

/**
 * Whether «Всего обучающихся» cannot be the school's (docs/методика.md §1.1): above 20 000, or more than 20
 * times the largest of the school's other student counts (100 000 pupils when the counts are 200 and
 * 300: a typed extra zero would make every share tiny). Unknown without counts above 0.
 */
export function implausibleTotal(total: number | null, counts: ReadonlyArray<number | null>): boolean {
  if (total === null) return false;
  if (total > LARGEST_SCHOOL) return true;
  const largest = counts.reduce<number>((m, c) => (c !== null && c > m ? c : m), 0);
  return largest > 0 && total > TOTAL_TO_COUNTS_LIMIT * largest;
}

/**
 * Funding per pupil that looks written in thousands of roubles among roubles (docs/методика.md §1.1
 * «Финансирование на одного обучающегося, руб.»): below a hundredth of the column's median while a
 * thousand times it is within a factor 3 of the median (85 among 80 000 – 95 000 is 85 000). The
 * median needs at least three values. Returns the test for one value, the median taken once.
 */
export function fundingInThousands(column: ReadonlyArray<number | null>): (value: number | null) => boolean {
  const known = column.filter((v): v is number => v !== null && v > 0);
  if (known.length < 3) return () => false;
  // One median for the whole column: judging each school against it is linear in the schools, not quadratic.
  const m = median(known);
  return (value) => value !== null && value > 0 && value < m / 100 && value * 1000 >= m / 3 && value * 1000 <= m * 3;
}

/** Texts of a totals row in the code or name column: «Итого», «Итого по Первомайскому МО», «Всего», «В целом по району». */
const TOTALS_ROW = /^(итого|итог:|всего(\s|:|$)|в целом по|по муниципалитету|по району|по округу|по региону)/i;

/** Whether a cell of the code column starts a totals row, which is not a school (docs/методика.md §1.2). */
export function isTotalsRow(text: string): boolean {
  return TOTALS_ROW.test(text.trim());
}
