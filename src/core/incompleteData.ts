/**
 * «Неполные данные» (docs/методика.md §3): what a school's results lack that could change its ШНОР status. A status
 * drawn from what is left would be a guess whenever the missing rows could meet a criterion the rest does not.
 */
import type { LostResult } from './types';
import { shareAtLeast } from './cluster';
import { INCOMPLETE_DATA_MESSAGES } from './messages';

/** One counted procedure of one year as the status rule sees it (normalised name, failing share or null). */
export interface YearEntry {
  name: string;
  share: number | null;
  participants: number | null;
}

/** What is missing: the procedure (null when unreadable), whether it is of Y (0) or of Y−1 (1), and the words shown. */
export interface MissingResult {
  name: string | null;
  yearsBack: 0 | 1;
  /** A row the reader rejected, a row without its failures count, or a procedure of Y−1 with no row in Y. */
  kind: 'rejected' | 'noFailures' | 'noRow';
  /** «ОГЭ математика, 2025: строка не принята». */
  text: string;
}

/** The entry of a procedure in one year's list (a school has a handful: a linear look-up). */
export function findEntry<E extends YearEntry>(entries: readonly E[], name: string): E | undefined {
  for (const e of entries) if (e.name === name) return e;
  return undefined;
}

const failing = (e: YearEntry | undefined, t: number): boolean => e !== undefined && e.share !== null && shareAtLeast(e.share, t);
const hasShare = (e: YearEntry | undefined): boolean => e !== undefined && e.share !== null;

/**
 * What one school lacks for its status in Y (docs/методика.md §3 «Неполные данные»), from the shares of Y and Y−1 and
 * its rejected rows: a rejected row of Y (or of an unreadable year) of a procedure without a share in Y; a rejected row
 * of Y−1 (or of an unreadable year) of a procedure failing in Y; a row of Y with participants but no failures count;
 * a procedure with a share in Y−1 and no row at all in Y. Only counted procedures are passed in (`counted` maps a
 * rejected row's procedure to its counted name, null when it does not count; an unreadable procedure is kept).
 */
export function missingResults(
  lost: readonly LostResult[],
  y: readonly YearEntry[],
  y1: readonly YearEntry[],
  year: number,
  threshold: number,
  counted: (procedure: string) => string | null,
): readonly MissingResult[] {
  // Most schools lack nothing: the list is made when the first missing result is found.
  let out: MissingResult[] | null = null;
  const add = (m: MissingResult) => {
    if (out === null) out = [];
    if (!out.some((o) => o.name === m.name && o.yearsBack === m.yearsBack && (m.name !== null || o.text === m.text))) out.push(m);
  };
  for (const l of lost) {
    const name = l.procedure === null ? null : counted(l.procedure);
    if (l.procedure !== null && name === null) continue;
    const label = INCOMPLETE_DATA_MESSAGES.rejectedRow(name, l.year);
    const couldBeY = l.year === null || l.year === year;
    const couldBeY1 = l.year === null || l.year === year - 1;
    // A failing procedure of Y whose share of Y−1 this row could be (any of them when the procedure is unreadable).
    const failingWithoutY1 = (n: string) => failing(findEntry(y, n), threshold) && !hasShare(findEntry(y1, n));
    if (couldBeY && (name === null || !hasShare(findEntry(y, name)))) add({ name, yearsBack: 0, kind: 'rejected', text: label });
    else if (couldBeY1 && (name === null ? y.some((e) => failingWithoutY1(e.name)) : failingWithoutY1(name)))
      add({ name, yearsBack: 1, kind: 'rejected', text: label });
  }
  for (let i = 0; i < y.length; i++) {
    const e = y[i];
    if (e.share === null && e.participants !== null && e.participants > 0)
      add({ name: e.name, yearsBack: 0, kind: 'noFailures', text: INCOMPLETE_DATA_MESSAGES.noFailures(e.name, year) });
  }
  for (let i = 0; i < y1.length; i++) {
    const e = y1[i];
    if (e.share !== null && findEntry(y, e.name) === undefined)
      add({ name: e.name, yearsBack: 0, kind: 'noRow', text: INCOMPLETE_DATA_MESSAGES.noRow(e.name, year) });
  }
  return out ?? NOTHING_MISSING;
}

const NOTHING_MISSING: readonly MissingResult[] = Object.freeze([]);

/**
 * Whether what is missing could make a school ШНОР that is not ШНОР by what is left (docs/методика.md §3): more data
 * can only add failing shares, so the question is whether the missing ones, all failing, would meet (а) or (б). A
 * missing share of Y−1 of a procedure failing in Y meets (б); a missing share of Y meets (а) with one failing procedure
 * of Y or with a second missing one, and (б) when it failed in Y−1; an unreadable procedure could be any of them.
 * Different-subject counting (the setting) is not taken into account here: a status that could change is not
 * claimed, and asking about one school too many is the safe side.
 */
export function couldBecomeShnor(
  missing: readonly MissingResult[],
  y: readonly YearEntry[],
  y1: readonly YearEntry[],
  threshold: number,
): boolean {
  if (missing.some((m) => m.yearsBack === 1)) return true;
  const ofY = missing.filter((m) => m.yearsBack === 0);
  if (ofY.length === 0) return false;
  if (ofY.length >= 2 || y.some((e) => failing(e, threshold))) return true;
  const [m] = ofY;
  return m.name === null ? y1.some((e) => failing(e, threshold)) : failing(findEntry(y1, m.name), threshold);
}
