type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The grid Sheets gives a sheet that `insertSheet` creates. */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;

/** One sheet as the execution knows it: its handle, name and grid size. */
export interface SheetEntry {
  sheet: Sheet;
  name: string;
  rows: number;
  columns: number;
}

/**
 * The spreadsheet's sheets, names and grid sizes, read once per execution and then kept up to date by the add-in's
 * own changes. A read that follows a write makes Apps Script commit its queued writes first (a server round trip), so
 * asking Sheets again after every insertSheet or resize would cost a round trip each time; this map answers locally.
 * Every change of sheets during an execution must go through it (`insert`, `remove`, `rename`, `resize`).
 */
export class Workbook {
  private list: SheetEntry[] | null = null;

  constructor(readonly ss: Spreadsheet) {}

  private get entries(): SheetEntry[] {
    if (!this.list)
      this.list = this.ss
        .getSheets()
        .map((sheet) => ({ sheet, name: sheet.getName(), rows: sheet.getMaxRows(), columns: sheet.getMaxColumns() }));
    return this.list;
  }

  /** Sheets in tab order. */
  all(): readonly SheetEntry[] {
    return this.entries;
  }

  /** Sheet names are unique regardless of case, as in Sheets. */
  find(name: string): SheetEntry | undefined {
    const lower = name.toLowerCase();
    return this.entries.find((e) => e.name === name) ?? this.entries.find((e) => e.name.toLowerCase() === lower);
  }

  indexOf(entry: SheetEntry): number {
    return this.entries.indexOf(entry);
  }

  /** Cells of every sheet's grid (what counts against the spreadsheet's cell limit). */
  cellsInUse(): number {
    return this.entries.reduce((sum, e) => sum + e.rows * e.columns, 0);
  }

  /** A new sheet at a 0-based tab position. */
  insert(name: string, index: number): SheetEntry {
    const position = Math.max(0, Math.min(index, this.entries.length));
    const entry: SheetEntry = { sheet: this.ss.insertSheet(name, position), name, rows: NEW_SHEET_ROWS, columns: NEW_SHEET_COLUMNS };
    this.entries.splice(position, 0, entry);
    return entry;
  }

  remove(entry: SheetEntry): void {
    this.ss.deleteSheet(entry.sheet);
    const index = this.entries.indexOf(entry);
    if (index >= 0) this.entries.splice(index, 1);
  }

  rename(entry: SheetEntry, name: string): void {
    entry.sheet.setName(name);
    entry.name = name;
  }

  /**
   * Grows or cuts the grid to exactly `rows` × `columns`, one call per dimension that changes. Cuts before it grows, so the grid never passes through a size larger than both its old and its new one (40 000 rows
   * of 7 columns would otherwise briefly hold 40 000 × 26 cells) and the cell budget's peak holds.
   */
  resize(entry: SheetEntry, rows: number, columns: number): void {
    const sheet = entry.sheet;
    const cutColumnsFirst = columns < entry.columns;
    if (cutColumnsFirst) this.resizeColumns(entry, columns);
    if (rows > entry.rows) sheet.insertRowsAfter(entry.rows, rows - entry.rows);
    else if (rows < entry.rows) sheet.deleteRows(rows + 1, entry.rows - rows);
    entry.rows = rows;
    if (!cutColumnsFirst) this.resizeColumns(entry, columns);
  }

  private resizeColumns(entry: SheetEntry, columns: number): void {
    if (columns > entry.columns) entry.sheet.insertColumnsAfter(entry.columns, columns - entry.columns);
    else if (columns < entry.columns) entry.sheet.deleteColumns(columns + 1, entry.columns - columns);
    entry.columns = columns;
  }
}

// Keyed by the Spreadsheet object: each execution gets its own from SpreadsheetApp and passes it down, so the map
// lives exactly as long as the execution that read it.
const books = new WeakMap<object, Workbook>();

/** The execution's map of `ss`'s sheets (read on first use). */
export function workbookOf(ss: Spreadsheet): Workbook {
  let book = books.get(ss);
  if (!book) {
    book = new Workbook(ss);
    books.set(ss, book);
  }
  return book;
}
