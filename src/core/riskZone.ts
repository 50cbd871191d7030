/**
 * The zone of risk by ИСБШ (ШНСУ candidates, docs/методика.md §2).
 */
import { roundIsbsh } from './isbsh';

export interface RiskZoneRow {
  /** Rank by ИСБШ ascending within the group, ties sharing the lower rank; null without an index. */
  rank: number | null;
  /** In the zone; false in a group too small to have a zone; null without an index. */
  inZone: boolean | null;
  /**
   * Left out only because its tied group straddles the cut ⌊share·n⌋: «на границе зоны риска»
   * (docs/методика.md §2). False for every other school.
   */
  atBoundary: boolean;
  /** n: schools with an index in this school's group. */
  groupSize: number;
}

export interface RiskZoneResult {
  /** Parallel to the entries. */
  rows: RiskZoneRow[];
  /** Groups (in order of first appearance) with fewer than minGroup schools with an index: nobody is flagged there. */
  smallGroups: string[];
}

/** Tolerance for ⌊share·n⌋: 0.3·10 is 2.9999999999999996 in binary and must count as 3. */
const FLOOR_TOLERANCE = 1e-9;

/** ⌊x⌋ that forgives the binary error of a product meant to be a whole number: the cut ⌊0,25·n⌋ of docs/методика.md §2. */
export function tolerantFloor(x: number): number {
  return Math.floor(x + FLOOR_TOLERANCE);
}

/**
 * The zone of risk «не более 25 %» (docs/методика.md §2): within each group, schools are ranked by ИСБШ
 * ascending with ties sharing the lower rank (1, 2, 2, 4); a school is in the zone when its whole tied
 * group lies within the first ⌊share·n⌋ places (n = schools of the group with an index), so the zone
 * never holds more than ⌊share·n⌋ schools. A tied group that straddles the cut is left out, and its
 * schools are marked atBoundary («на границе зоны риска») so nobody is dropped unseen. Groups with
 * n < minGroup flag nobody (false) and are listed in smallGroups, including groups where no
 * school has an index. Entries without an index get rank and inZone null.
 * Ties are judged on the value rounded to one decimal, as the user sees ИСБШ. For ranking over
 * the whole sheet, pass the same group for every entry.
 */
export function computeRiskZone(
  entries: ReadonlyArray<{ group: string; isbsh: number | null }>,
  share: number,
  minGroup: number,
): RiskZoneResult {
  const shownByGroup = new Map<string, number[]>();
  for (const entry of entries) {
    const values = shownByGroup.get(entry.group) ?? [];
    if (entry.isbsh !== null) values.push(roundIsbsh(entry.isbsh));
    shownByGroup.set(entry.group, values);
  }

  const smallGroups = [...shownByGroup.entries()].filter(([, values]) => values.length < minGroup).map(([group]) => group);
  const small = new Set(smallGroups);
  // Sorted once per group, so a rank is a binary search: the whole country in one group stays fast.
  for (const values of shownByGroup.values()) values.sort((a, b) => a - b);

  const rows = entries.map((entry): RiskZoneRow => {
    const values = shownByGroup.get(entry.group) as number[];
    const groupSize = values.length;
    if (entry.isbsh === null) return { rank: null, inZone: null, atBoundary: false, groupSize };
    const shown = roundIsbsh(entry.isbsh);
    const rank = 1 + countBelow(values, shown);
    // The last place the tied group takes: rank − 1 schools below it, then every school with the same value.
    const lastPlace = countBelow(values, shown) + countEqual(values, shown, rank - 1);
    const cut = tolerantFloor(share * groupSize);
    if (small.has(entry.group)) return { rank, inZone: false, atBoundary: false, groupSize };
    const inZone = lastPlace <= cut;
    return { rank, inZone, atBoundary: !inZone && rank <= cut, groupSize };
  });

  return { rows, smallGroups };
}

/** How many values of an ascending array equal x, starting the scan at `from` (the first index of x). */
function countEqual(sorted: readonly number[], x: number, from: number): number {
  let lo = from;
  let hi = sorted.length;
  // The first index above x, by binary search from the first index of x.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - from;
}

/** How many values of an ascending array are strictly below x. */
function countBelow(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
