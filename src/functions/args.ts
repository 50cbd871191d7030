/**
 * Shaping of custom-function arguments as Sheets passes them: a single cell arrives as a scalar,
 * a range as a 2-D array (rows of cells), an omitted optional argument as undefined, an empty
 * cell as "". Nothing here knows a rule of the methodology; rules live in src/core.
 */
import { UserError, ValueError } from '../core/errors';
import { ERROR_PREFIX, MSG } from './messages';

/** Rows of cells, as Sheets passes a range. */
export type Grid = unknown[][];
/** One value a custom function writes into a cell. */
export type CellOut = string | number;
/** A custom function's result: one value, or a column that spills down ([[v], [v], …]). */
export type SheetResult = CellOut | CellOut[][];

/** True for a value Sheets passes for one cell (a scalar, or a 1×1 array from an engine that wraps it). */
export function isSingleValue(value: unknown): boolean {
  if (!Array.isArray(value)) return true;
  if (value.length !== 1) return false;
  const row: unknown = value[0];
  return !Array.isArray(row) || row.length === 1;
}

/** An argument as rows of cells: a range stays as it is, a single value becomes one row of one cell. */
export function toRows(value: unknown): Grid {
  if (!Array.isArray(value)) return [[value]];
  if (value.length === 0) return [];
  // A flat list (not what Sheets passes, but harmless to accept) is one row.
  if (!value.every((row) => Array.isArray(row))) return [value];
  return value as Grid;
}

/** The widest row of a range (rows of a Sheets range all have the same width). */
export function widthOf(rows: Grid): number {
  return rows.reduce((w, row) => Math.max(w, row.length), 0);
}

/**
 * The common height of the range arguments (single values are left out: they are broadcast).
 * Throws a UserError naming every range and its height when they differ; 1 when there is no range.
 */
export function sameHeight(args: readonly { name: string; value: unknown }[]): number {
  const ranges = args.filter((a) => !isSingleValue(a.value)).map((a) => ({ name: a.name, height: toRows(a.value).length }));
  if (ranges.length === 0) return 1;
  const height = ranges[0].height;
  if (ranges.some((r) => r.height !== height)) throw new UserError(MSG.differentHeights(ranges));
  return height;
}

/** Rows of an argument stretched to the call's height: a single row (a single value) is repeated. */
export function broadcast(rows: Grid, height: number): Grid {
  if (rows.length === height) return rows;
  if (rows.length === 1) return Array.from({ length: height }, () => rows[0]);
  // sameHeight() has already rejected other heights; this is a programming error.
  throw new Error(`broadcast: ${rows.length} rows cannot fill ${height}`);
}

/** An empty cell: "" (what Sheets passes), null/undefined (omitted), or only spaces. */
export function isEmptyCell(value: unknown): boolean {
  return value === '' || value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** A row whose every cell is empty; an open range such as B2:B gives such rows below the data. */
export function isEmptyRow(cells: readonly unknown[]): boolean {
  return cells.every(isEmptyCell);
}

/** The text a row that cannot be computed shows inside a spilled column. */
export function errorCell(reason: string): string {
  return ERROR_PREFIX + reason;
}

/** Errors a user can fix (their message is the Russian reason); anything else is a bug and propagates. */
export function isUserFixable(e: unknown): e is Error {
  return e instanceof ValueError || e instanceof UserError;
}

/**
 * Runs a parse of one argument's cell, prefixing a failure with the argument's name so the user
 * knows which cell to fix. Dates and booleans are rejected before the parser sees them.
 */
export function inArgument<T>(name: string, value: unknown, parse: (value: unknown) => T): T {
  try {
    rejectDateOrBoolean(value);
    return parse(value);
  } catch (e) {
    if (isUserFixable(e)) throw new ValueError(MSG.argument(name, e.message));
    throw e;
  }
}

/** Sheets passes a date cell as a Date and a checkbox as a boolean: neither is a number or a share. */
export function rejectDateOrBoolean(value: unknown): void {
  if (typeof value === 'object' && value !== null && (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]')) {
    throw new ValueError(MSG.dateNotAllowed);
  }
  if (typeof value === 'boolean') throw new ValueError(MSG.booleanNotAllowed(value));
}

/** The cells of a one-row or one-column range (or a single value) as a list; a block is an error. */
export function flattenLine(name: string, value: unknown): unknown[] {
  const rows = toRows(value);
  if (rows.length <= 1) return rows[0] ?? [];
  if (widthOf(rows) <= 1) return rows.map((row) => row[0]);
  throw new UserError(MSG.argument(name, MSG.lineExpected));
}

/** How an argument lines up with the rows of the call. */
export interface RowArg {
  /** The parameter name shown in Sheets' autocomplete; used in messages. */
  name: string;
  /** The value as Sheets passed it. */
  value: unknown;
  /** 'cell': one cell per row (one column); 'row': all cells of the row (one column per procedure). */
  shape: 'cell' | 'row';
  /** Whether the argument is data (counts for "the row is empty") or a parameter such as a threshold. */
  data: boolean;
}

/** The arguments of a call lined up row by row. */
export interface AlignedRows {
  /** Rows of the call: the common height of the range arguments, 1 when every argument is a single value. */
  height: number;
  /** For each argument in order, its cells in row i (a single value is repeated on every row). */
  cells(i: number): unknown[][];
  /** Row i is entirely empty (only data arguments that are ranges count in a range call). */
  isEmpty(i: number): boolean;
}

/**
 * Lines the arguments up row by row: checks that the ranges have one height (single values are
 * broadcast) and that one-cell-per-row arguments are one column wide.
 */
export function alignRows(args: readonly RowArg[]): AlignedRows {
  const height = sameHeight(args);
  for (const arg of args) {
    if (arg.shape !== 'cell' || isSingleValue(arg.value)) continue;
    const width = widthOf(toRows(arg.value));
    if (width > 1) throw new UserError(MSG.oneColumnExpected(arg.name, width));
  }
  const rowsOf = args.map((a) => broadcast(toRows(a.value), height));
  // In a range call a broadcast single value (a total in one cell) does not make a row non-empty.
  const emptinessArgs = args
    .map((a, k) => ({ a, k }))
    .filter(({ a }) => a.data && (height === 1 || !isSingleValue(a.value)))
    .map(({ k }) => k);
  const cells = (i: number): unknown[][] => rowsOf.map((rows) => rows[i]);
  return {
    height,
    cells,
    isEmpty: (i) => {
      if (emptinessArgs.length === 0) return false;
      const row = cells(i);
      return emptinessArgs.every((k) => isEmptyRow(row[k]));
    },
  };
}

/**
 * One row's value: compute(), or — when it fails with a reason the user can fix — «#ОШИБКА: причина»
 * inside a range call, and the reason thrown as an Error (the cell shows it) in a single-row call.
 */
export function computeRow(compute: () => CellOut, height: number): CellOut {
  try {
    return compute();
  } catch (e) {
    if (!isUserFixable(e)) throw e;
    if (height === 1) throw new Error(e.message, { cause: e });
    return errorCell(e.message);
  }
}

/** The call's result: one value for a single-row call, otherwise a column that spills down. */
export function asResult(values: readonly CellOut[]): SheetResult {
  if (values.length === 0) return '';
  return values.length === 1 ? values[0] : values.map((v) => [v]);
}

/**
 * Applies compute() to each row of the arguments. A call with one row returns one value and throws
 * the Russian reason when the row cannot be computed; a call over ranges returns a column where such
 * a row shows «#ОШИБКА: причина» and the other rows are still computed. Entirely empty rows give "".
 * compute() receives, for each argument in order, its cells in the row.
 */
export function mapRows(args: readonly RowArg[], compute: (cells: unknown[][]) => CellOut): SheetResult {
  const rows = alignRows(args);
  const values: CellOut[] = [];
  for (let i = 0; i < rows.height; i++) {
    values.push(rows.isEmpty(i) ? '' : computeRow(() => compute(rows.cells(i)), rows.height));
  }
  return asResult(values);
}

/**
 * Runs a whole custom function: a problem with the call itself (ranges of different heights, bad
 * boundaries) is thrown as a plain Error whose message is the Russian reason, which Sheets shows.
 */
export function sheetCall(body: () => SheetResult): SheetResult {
  try {
    return body();
  } catch (e) {
    if (isUserFixable(e)) throw new Error(e.message, { cause: e });
    throw e;
  }
}
