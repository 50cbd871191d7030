/**
 * One line of the data check (docs/методика.md §1): every value, row or column a reader could not use,
 * with where it was and what the reader did instead, so nothing is lost silently.
 */
import { PROBLEM_HEADER_WORDS } from './messages';

export interface Problem {
  sheet: string;
  /** 1-based sheet row; null for a problem of the whole sheet. */
  row: number | null;
  /** Код ОО as read (after normalisation), '' when the row has none or the problem is about a column. */
  schoolCode: string;
  /** The column's header text as it is in the sheet ('' when the problem is not about one column). */
  field: string;
  /** The value as the user sees it ('' when there is none). */
  value: string;
  problem: string;
  /** «Что сделано». */
  action: string;
}

/** Header of the data-check table (docs/методика.md §1): Лист, Строка, Код ОО, Поле, Значение, Проблема, Что сделано. */
export const PROBLEM_HEADER: readonly string[] = PROBLEM_HEADER_WORDS;

/**
 * Problems as sheet rows under PROBLEM_HEADER (docs/методика.md §1): a sheet-wide problem has an empty «Строка».
 * Values stay text: the writer neutralises ones that begin with = + - @.
 */
export function problemsToRows(problems: readonly Problem[]): Array<Array<string | number>> {
  return problems.map((p) => [p.sheet, p.row ?? '', p.schoolCode, p.field, p.value, p.problem, p.action]);
}

/** Problems in sheet order for the data check (docs/методика.md §1): sheet-wide ones first, then by row; the order within a row is kept. */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.row ?? 0) - (b.p.row ?? 0) || a.i - b.i)
    .map((x) => x.p);
}
