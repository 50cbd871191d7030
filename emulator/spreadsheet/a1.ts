// A1 notation: parsing 'B2', 'A1:C10', 'A:C', '2:5', 'A2:C', "'Лист 1'!A1:B2" and printing ranges back.

/** A rectangle of cells, 1-based, with flags for whole-column / whole-row notation. */
export interface Rect {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export interface ParsedA1 {
  sheetName: string | null;
  row: number;
  col: number;
  /** null = to the last row / column of the sheet. */
  endRow: number | null;
  endCol: number | null;
}

export function columnToLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

/** Splits "'Sheet name'!A1:B2" into the sheet name and the cell part. */
export function splitSheetName(a1: string): { sheetName: string | null; ref: string } {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { sheetName: null, ref: a1 };
  let name = a1.slice(0, bang);
  if (name.startsWith("'") && name.endsWith("'") && name.length >= 2) name = name.slice(1, -1).replace(/''/g, "'");
  return { sheetName: name, ref: a1.slice(bang + 1) };
}

/** Parses A1 notation; null when it is not a range reference. */
export function parseA1(a1: string): ParsedA1 | null {
  const { sheetName, ref } = splitSheetName(a1.trim());
  const parts = ref.split(':');
  if (parts.length < 1 || parts.length > 2) return null;
  const a = CELL.exec(parts[0]);
  if (!a || (!a[1] && !a[2])) return null;
  const aCol = a[1] ? lettersToColumn(a[1]) : null;
  const aRow = a[2] ? Number(a[2]) : null;
  if (aRow !== null && aRow < 1) return null;
  if (parts.length === 1) {
    if (aCol === null || aRow === null) return null; // 'A' or '5' alone is not a range
    return { sheetName, row: aRow, col: aCol, endRow: aRow, endCol: aCol };
  }
  const b = CELL.exec(parts[1]);
  if (!b || (!b[1] && !b[2])) return null;
  const bCol = b[1] ? lettersToColumn(b[1]) : null;
  const bRow = b[2] ? Number(b[2]) : null;
  if (bRow !== null && bRow < 1) return null;
  if (aCol === null && bCol !== null) return null; // '2:C5'
  // 'A:C' = whole columns, '2:5' = whole rows, 'A2:C' = columns from row 2 down.
  const row = aRow !== null && bRow !== null ? Math.min(aRow, bRow) : (aRow ?? 1);
  const endRow = aRow !== null && bRow !== null ? Math.max(aRow, bRow) : bRow;
  const col = aCol !== null && bCol !== null ? Math.min(aCol, bCol) : (aCol ?? 1);
  const endCol = aCol !== null && bCol !== null ? Math.max(aCol, bCol) : bCol;
  return { sheetName, row, col, endRow, endCol };
}

/** A1 notation of a rectangle ('B2', 'A1:C3', 'A:A', '2:2'). */
export function rectToA1(rect: Rect, wholeColumns = false, wholeRows = false): string {
  const c0 = columnToLetters(rect.col);
  const c1 = columnToLetters(rect.col + rect.numCols - 1);
  const r0 = rect.row;
  const r1 = rect.row + rect.numRows - 1;
  if (wholeColumns) return `${c0}:${c1}`;
  if (wholeRows) return `${r0}:${r1}`;
  if (rect.numRows === 1 && rect.numCols === 1) return `${c0}${r0}`;
  return `${c0}${r0}:${c1}${r1}`;
}

export function cellA1(row: number, col: number): string {
  return `${columnToLetters(col)}${row}`;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.numRows && b.row < a.row + a.numRows && a.col < b.col + b.numCols && b.col < a.col + a.numCols;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.numRows <= outer.row + outer.numRows &&
    inner.col + inner.numCols <= outer.col + outer.numCols
  );
}

/**
 * The rectangle after inserting (count > 0) or deleting (count < 0) rows or columns at `at`
 * (1-based position of the first inserted/deleted line); null when a deletion removes it whole.
 */
export function shiftRect(rect: Rect, dimension: 'rows' | 'cols', at: number, count: number): Rect | null {
  const start = dimension === 'rows' ? rect.row : rect.col;
  const size = dimension === 'rows' ? rect.numRows : rect.numCols;
  let newStart = start;
  let newSize = size;
  if (count > 0) {
    if (at <= start) newStart = start + count;
    else if (at < start + size) newSize = size + count;
  } else {
    const del = -count;
    const delEnd = at + del; // exclusive
    const end = start + size; // exclusive
    const keptBefore = Math.max(0, Math.min(end, at) - start);
    const keptAfter = Math.max(0, end - Math.max(start, delEnd));
    newSize = keptBefore + keptAfter;
    if (newSize === 0) return null;
    newStart = start < at ? start : Math.max(at, start - del);
  }
  return dimension === 'rows'
    ? { row: newStart, col: rect.col, numRows: newSize, numCols: rect.numCols }
    : { row: rect.row, col: newStart, numRows: rect.numRows, numCols: newSize };
}
