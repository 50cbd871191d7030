/**
 * One property of every cell of a sheet (values, formulas, number formats, notes, ...), stored as
 * sparse rows of sparse arrays: a 40 000 × 20 block is 40 000 small arrays, not 800 000 objects.
 * Indices here are 0-based; undefined means "not set" (an empty cell, a default format).
 */
export class Layer<T> {
  rows: Array<Array<T | undefined> | undefined> = [];

  get(r: number, c: number): T | undefined {
    const row = this.rows[r];
    return row === undefined ? undefined : row[c];
  }

  set(r: number, c: number, value: T | undefined): void {
    let row = this.rows[r];
    if (row === undefined) {
      if (value === undefined) return;
      row = this.rows[r] = [];
    }
    // Clearing past the row's end changes nothing (and must not lengthen it).
    if (value === undefined && c >= row.length) return;
    row[c] = value;
  }

  /** The row array for writing, created on demand. */
  rowForWrite(r: number): Array<T | undefined> {
    let row = this.rows[r];
    if (row === undefined) row = this.rows[r] = [];
    return row;
  }

  fill(r0: number, c0: number, numRows: number, numCols: number, value: T | undefined): void {
    for (let r = r0; r < r0 + numRows; r++) {
      if (value === undefined && this.rows[r] === undefined) continue;
      const row = this.rowForWrite(r);
      for (let c = c0; c < c0 + numCols; c++) row[c] = value;
    }
    if (value === undefined) this.trim();
  }

  /** True when any cell of the rectangle is set. */
  hasAny(r0: number, c0: number, numRows: number, numCols: number): boolean {
    const end = Math.min(r0 + numRows, this.rows.length);
    for (let r = r0; r < end; r++) {
      const row = this.rows[r];
      if (row === undefined) continue;
      const cEnd = Math.min(c0 + numCols, row.length);
      for (let c = c0; c < cEnd; c++) if (row[c] !== undefined) return true;
    }
    return false;
  }

  isEmpty(): boolean {
    return this.lastRowIndex() < 0;
  }

  /** 0-based index of the last row with a set cell; -1 when none. */
  lastRowIndex(): number {
    for (let r = this.rows.length - 1; r >= 0; r--) {
      const row = this.rows[r];
      if (row === undefined) continue;
      for (let c = row.length - 1; c >= 0; c--) if (row[c] !== undefined) return r;
    }
    return -1;
  }

  /** 0-based index of the last column with a set cell; -1 when none. */
  lastColIndex(): number {
    let last = -1;
    for (const row of this.rows) {
      if (row === undefined) continue;
      for (let c = row.length - 1; c > last; c--) {
        if (row[c] !== undefined) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  /** Drops trailing empty rows so lastRowIndex stays cheap after large clears. */
  trim(): void {
    let n = this.rows.length;
    while (n > 0) {
      const row = this.rows[n - 1];
      if (row !== undefined && row.some((v) => v !== undefined)) break;
      n--;
    }
    this.rows.length = n;
  }

  insertRows(at: number, count: number): void {
    if (at >= this.rows.length) return;
    this.rows = this.rows.slice(0, at).concat(new Array(count), this.rows.slice(at));
  }

  deleteRows(at: number, count: number): void {
    this.rows.splice(at, count);
  }

  insertCols(at: number, count: number): void {
    for (const row of this.rows) {
      if (row === undefined || at >= row.length) continue;
      const tail = row.splice(at);
      row.length = at + count;
      for (let i = 0; i < tail.length; i++) row[at + count + i] = tail[i];
    }
  }

  deleteCols(at: number, count: number): void {
    for (const row of this.rows) if (row !== undefined) row.splice(at, count);
  }

  /** The rectangle's cells as a dense 2-D array (undefined for unset cells). */
  read(r0: number, c0: number, numRows: number, numCols: number): Array<Array<T | undefined>> {
    const out: Array<Array<T | undefined>> = new Array(numRows);
    for (let i = 0; i < numRows; i++) {
      const row = this.rows[r0 + i];
      const line: Array<T | undefined> = new Array(numCols);
      for (let j = 0; j < numCols; j++) line[j] = row === undefined ? undefined : row[c0 + j];
      out[i] = line;
    }
    return out;
  }

  clone(): Layer<T> {
    const copy = new Layer<T>();
    copy.rows = this.rows.map((row) => (row === undefined ? undefined : row.slice()));
    return copy;
  }
}
