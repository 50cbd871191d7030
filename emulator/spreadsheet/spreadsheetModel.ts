import { SheetModel } from './sheetModel';
import { EN_DISPLAY, PLAIN_DISPLAY, RU_DISPLAY, type DisplayLocale } from './format';
import type { InputLocale } from './cellValue';
import type { Rect } from './a1';
import type { RangeBridge } from './conditionalFormat';

/**
 * Sheets' limit on the cells of one spreadsheet: «Up to 10 million cells» («Files you can store in Google Drive»,
 * https://support.google.com/drive/answer/37603).
 */
export const MAX_CELLS = 10_000_000;

/**
 * The twin's bound on the tabs of one spreadsheet. Google's pages state no tab limit; 200 is the figure third-party
 * pages report (e.g. the «Number of Tabs: 200 sheets per workbook» of the old Sheets' limits), and so it is taken as
 * the platform's, conservatively: the add-in must stay well under it (src/sheets/names.ts ROADMAP_TABS_MAX).
 */
export const MAX_SHEETS = 200;

/**
 * The longest sheet name: the Sheets editor's rename box takes at most 100 characters (no documentation page states
 * it; it is the editor's behaviour, reported as «Google Spreadsheet is <=100» in hildogjr/KiCost#52). The twin
 * refuses a longer name where the add-in would set one.
 */
export const MAX_SHEET_NAME = 100;

/** The twin's wording (the platform's exact text for these two is not documented). */
export function sheetNameTooLong(name: string): string {
  return `Invalid argument: name. A sheet name can have at most ${MAX_SHEET_NAME} characters (got ${name.length}).`;
}
export function tooManySheets(): string {
  return `This spreadsheet already has ${MAX_SHEETS} sheets: no more can be added.`;
}

export interface ProtectionModel {
  id: number;
  type: 'RANGE' | 'SHEET';
  sheetId: number;
  /** null for a whole-sheet protection. */
  rect: Rect | null;
  description: string;
  warningOnly: boolean;
  domainEdit: boolean;
  editors: string[];
  unprotected: Array<Rect & { sheetId: number }>;
  removed: boolean;
}

export interface SpreadsheetSettings {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  /** Display numbers with the locale's separators ('33,3%') instead of '.' ('33.3%'). */
  localizedNumbers: boolean;
  /** Convert text that looks like a number/date/boolean, as Sheets does for user-entered values. */
  parseText: boolean;
  firstSheetName: string;
  /** The owner of the file (null: a file in a shared drive, which has no owner). */
  ownerEmail: string | null;
  /** Everybody else the file is shared with for editing. */
  fileEditors: readonly string[];
  /** The user the current execution (or a person's edit) runs as. */
  currentUser: () => string;
}

/** A regular expression for `Name!A1`, `'Name'!A1:B2` (quotes doubled inside) in a formula. */
function sheetReference(name: string): RegExp {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const quoted = `'${escape(name.replace(/'/g, "''"))}'`;
  const names = /^[A-Za-zА-Яа-яЁё_][\wА-Яа-яЁё.]*$/.test(name) ? `(?:${quoted}|${escape(name)})` : quoted;
  return new RegExp(`(?<![\\wА-Яа-яЁё'])${names}!\\$?[A-Za-z]{1,3}\\$?\\d+(?::\\$?[A-Za-z]{1,3}\\$?\\d+)?`, 'g');
}

/** A spreadsheet's data: its sheets in tab order and document-wide structures. */
export class SpreadsheetModel {
  readonly id: string;
  name: string;
  timeZone: string;
  locale: string;
  readonly localizedNumbers: boolean;
  readonly parseText: boolean;
  readonly ownerEmail: string | null;
  readonly fileEditors: readonly string[];
  readonly currentUser: () => string;
  sheets: SheetModel[] = [];
  /** Every sheet ever created, deleted ones included (ranges may outlive their sheet). */
  readonly allSheets = new Map<number, SheetModel>();
  active!: SheetModel;
  protections: ProtectionModel[] = [];
  /** URL of the latest Form linked to this spreadsheet, or null. */
  formUrl: string | null = null;
  /** Set by the spreadsheet service: turns stored rectangles into Range facades and back. */
  bridge!: RangeBridge;
  /** Creates errors in the add-in's realm (set by the twin). */
  makeError: (message: string) => Error = (message) => new Error(message);
  /** The cell-limit error, in the user's language (set by the twin's runtime). */
  cellLimitError: (limit: number) => Error = (limit) =>
    new Error(`This action would increase the number of cells in the workbook above the limit of ${limit} cells.`);
  private sheetSeq = 0;
  display!: DisplayLocale;
  input!: InputLocale;

  constructor(settings: SpreadsheetSettings) {
    this.id = settings.id;
    this.name = settings.name;
    this.timeZone = settings.timeZone;
    this.locale = settings.locale;
    this.localizedNumbers = settings.localizedNumbers;
    this.parseText = settings.parseText;
    this.ownerEmail = settings.ownerEmail;
    this.fileEditors = settings.fileEditors;
    this.currentUser = settings.currentUser;
    this.setLocale(settings.locale);
    this.active = this.addSheet(settings.firstSheetName, 0);
  }

  setLocale(locale: string): void {
    this.locale = locale;
    const russian = /^ru/i.test(locale);
    const base = russian ? RU_DISPLAY : EN_DISPLAY;
    this.display = this.localizedNumbers
      ? base
      : { ...PLAIN_DISPLAY, defaultDate: base.defaultDate, defaultDateTime: base.defaultDateTime };
    this.input = { decimal: russian ? ',' : '.', dayFirst: russian, parseText: this.parseText };
  }

  /** 'Лист' in Russian spreadsheets, 'Sheet' otherwise. */
  get defaultSheetPrefix(): string {
    return /^ru/i.test(this.locale) ? 'Лист' : 'Sheet';
  }

  totalCells(): number {
    let total = 0;
    for (const s of this.sheets) total += s.maxRows * s.maxCols;
    return total;
  }

  reserveCells(extra: number): void {
    if (this.totalCells() + extra > MAX_CELLS) {
      throw this.cellLimitError(MAX_CELLS);
    }
  }

  /** Sheet names are unique regardless of case, as in Sheets. */
  findByName(name: string): SheetModel | undefined {
    const exact = this.sheets.find((s) => s.name === name);
    if (exact) return exact;
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  nextDefaultName(): string {
    let n = this.sheets.length + 1;
    while (this.findByName(`${this.defaultSheetPrefix}${n}`)) n++;
    return `${this.defaultSheetPrefix}${n}`;
  }

  /** Creates a sheet at a 0-based tab position; no checks (callers validate names). */
  addSheet(name: string, index: number): SheetModel {
    // The first sheet of a spreadsheet has id 0, as in Sheets; later ids are arbitrary integers.
    const id = this.sheetSeq === 0 ? 0 : 100000000 + this.sheetSeq * 7919;
    this.sheetSeq++;
    const sheet = new SheetModel(id, name, (extra) => this.reserveCells(extra));
    if (this.sheets.length) this.reserveCells(sheet.maxRows * sheet.maxCols);
    this.sheets.splice(Math.max(0, Math.min(index, this.sheets.length)), 0, sheet);
    this.allSheets.set(id, sheet);
    return sheet;
  }

  /**
   * Deletes a sheet (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#deleteSheet(Sheet)).
   * Its id dies with it, and so do references to it: a formula in another sheet that pointed into it (`=ИСБШ!F2`)
   * becomes `=#REF!`, as any reference to cells that no longer exist, and stays broken even if a sheet of the same name
   * appears later. The reference pages do not spell this out; it is what Sheets does to a reference whose cells are
   * deleted, and what users of rebuilt sheets report.
   */
  removeSheet(sheet: SheetModel): void {
    const index = this.sheets.indexOf(sheet);
    this.sheets.splice(index, 1);
    sheet.deleted = true;
    const reference = sheetReference(sheet.name);
    for (const other of this.sheets) {
      for (const row of other.formulas.rows) {
        if (!row) continue;
        for (let c = 0; c < row.length; c++) if (row[c] !== undefined) row[c] = row[c]!.replace(reference, '#REF!');
      }
    }
    this.protections = this.protections.filter((p) => p.sheetId !== sheet.id);
    if (this.active === sheet) this.active = this.sheets[Math.max(0, index - 1)];
  }

  sheetById(id: number): SheetModel | undefined {
    return this.allSheets.get(id);
  }
}
