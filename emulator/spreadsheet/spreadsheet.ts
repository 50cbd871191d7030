import type { Runtime } from '../runtime';
import type { GRange, GSheet, GSpreadsheet } from '../gas';
import { RangeImpl } from './range';
import { SheetImpl } from './sheet';
import { assertMayEdit, initialEditors } from './editRights';
import { makeUser } from '../session';
import {
  MAX_SHEETS,
  MAX_SHEET_NAME,
  SpreadsheetModel,
  sheetNameTooLong,
  tooManySheets,
  type SpreadsheetSettings,
} from './spreadsheetModel';
import type { SheetModel } from './sheetModel';
import type { SheetsContext } from './context';
import type { SheetRect } from './conditionalFormat';

/** SpreadsheetApp.Spreadsheet over a spreadsheet model. */
export class SpreadsheetImpl implements Partial<GSpreadsheet> {
  readonly rt: Runtime;
  readonly model: SpreadsheetModel;

  constructor(readonly ctx: SheetsContext) {
    this.rt = ctx.rt;
    this.model = ctx.ss;
  }

  get api(): GSpreadsheet {
    return this.rt.facade<GSpreadsheet>(this, 'Spreadsheet');
  }

  private _write(method: string): void {
    this.rt.write(`Spreadsheet.${method}`, 0, this.model.id);
  }
  private _sheet(value: unknown, method: string): SheetModel {
    const impl = this.rt.unwrap(value, SheetImpl, `SpreadsheetApp.Spreadsheet.${method}`);
    if (impl.model.deleted) throw this.rt.error(`The sheet "${impl.model.name}" has been deleted.`);
    return impl.model;
  }

  getId(): string {
    return this.model.id;
  }
  /** «Returns the owner of the document, or null for a document in a shared drive» (Spreadsheet.getOwner). */
  getOwner(): GoogleAppsScript.Base.User {
    return (this.model.ownerEmail ? makeUser(this.rt, this.model.ownerEmail) : null) as GoogleAppsScript.Base.User;
  }
  /**
   * «Gets the list of editors for this Spreadsheet» (Spreadsheet.getEditors,
   * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#geteditors): the owner, the people it is
   * shared with for editing and the user running the script — the editors a new protection starts with.
   */
  getEditors(): GoogleAppsScript.Base.User[] {
    return initialEditors(this.model).map((e) => makeUser(this.rt, e));
  }
  getName(): string {
    return this.model.name;
  }
  getSpreadsheetTimeZone(): string {
    return this.model.timeZone;
  }
  getFormUrl(): string | null {
    return this.model.formUrl;
  }
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.ctx.toast(String(msg), title === undefined ? '' : String(title), timeoutSeconds ?? null);
  }

  getSheets(): GSheet[] {
    return this.rt.realm.copy(this.model.sheets.map((s) => this.ctx.sheetApi(s)));
  }
  getSheetByName(name: string): GSheet | null {
    const sheet = this.model.findByName(String(name));
    return sheet ? this.ctx.sheetApi(sheet) : null;
  }

  /**
   * insertSheet(), insertSheet(name), insertSheet(name, index), insertSheet(index), with optional
   * {template}. The new sheet goes after the active sheet (or at the 0-based index) and becomes active.
   */
  insertSheet(...args: unknown[]): GSheet {
    let name: string | undefined;
    let index: number | undefined;
    let options: { template?: unknown } | undefined;
    for (const a of args) {
      if (typeof a === 'string') name = a;
      else if (typeof a === 'number') index = a;
      else if (a && typeof a === 'object') options = a as { template?: unknown };
      else if (a !== undefined) throw this.rt.signatureError('SpreadsheetApp.Spreadsheet.insertSheet', args);
    }
    if (name !== undefined && this.model.findByName(name)) {
      throw this.rt.error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    if (name !== undefined && name.length > MAX_SHEET_NAME) throw this.rt.error(sheetNameTooLong(name));
    if (this.model.sheets.length >= MAX_SHEETS) throw this.rt.error(tooManySheets());
    if (index !== undefined && (!Number.isInteger(index) || index < 0 || index > this.model.sheets.length)) {
      throw this.rt.error('The sheet index is out of bounds.');
    }
    const template = options?.template !== undefined ? this._sheet(options.template, 'insertSheet') : undefined;
    this._write('insertSheet');
    const position = index ?? this.model.sheets.indexOf(this.model.active) + 1;
    const sheet = this.model.addSheet(name || this.model.nextDefaultName(), position);
    if (template) sheet.copyFrom(template);
    this.model.active = sheet;
    return this.ctx.sheetApi(sheet);
  }
  deleteSheet(sheet: GSheet): void {
    const model = this._sheet(sheet, 'deleteSheet');
    if (this.model.sheets.length <= 1) throw this.rt.error("You can't remove all the sheets in a document.");
    if (model.formUrl) throw this.rt.error('This sheet is linked to a form. Unlink the form before deleting the sheet.');
    this._write('deleteSheet');
    assertMayEdit(this.model, model.id, null, this.model.currentUser());
    this.model.removeSheet(model);
  }
  getActiveSheet(): GSheet {
    return this.ctx.sheetApi(this.model.active);
  }
  setActiveSheet(sheet: GSheet): GSheet {
    const model = this._sheet(sheet, 'setActiveSheet');
    this.model.active = model;
    model.hidden = false;
    return this.ctx.sheetApi(model);
  }
  /** Moves the active sheet to a 1-based tab position. */
  moveActiveSheet(pos: number): void {
    if (!Number.isInteger(pos) || pos < 1 || pos > this.model.sheets.length) throw this.rt.error('The sheet index is out of bounds.');
    this._write('moveActiveSheet');
    const sheets = this.model.sheets;
    sheets.splice(sheets.indexOf(this.model.active), 1);
    sheets.splice(pos - 1, 0, this.model.active);
  }
  toString(): string {
    return 'Spreadsheet';
  }
}

export interface SpreadsheetHandle {
  model: SpreadsheetModel;
  impl: SpreadsheetImpl;
  ctx: SheetsContext;
}

/** Builds a spreadsheet (model, shared context, Range bridge) for the twin. */
export function createSpreadsheet(
  rt: Runtime,
  settings: SpreadsheetSettings,
  hooks: { enforceValidation: boolean; toast: SheetsContext['toast'] },
): SpreadsheetHandle {
  const model = new SpreadsheetModel(settings);
  model.makeError = (message) => rt.error(message);
  model.cellLimitError = (limit) => rt.platformError('cellLimit', limit);
  const ctx: SheetsContext = {
    rt,
    ss: model,
    enforceValidation: hooks.enforceValidation,
    toast: hooks.toast,
    spreadsheetApi: () => impl.api,
    sheetApi: (sheet) => new SheetImpl(ctx, sheet).api,
    rangeApi: (sheet, rect, whole) =>
      new RangeImpl(ctx, sheet, rect.row, rect.col, rect.numRows, rect.numCols, whole?.cols, whole?.rows).api,
  };
  model.bridge = {
    toRect(range: unknown, method: string): SheetRect {
      const r = rt.unwrap(range, RangeImpl, method);
      return { sheetId: r.sheet.id, row: r.row, col: r.col, numRows: r.numRows, numCols: r.numCols };
    },
    toRange(rect: SheetRect): GRange {
      const sheet = model.sheetById(rect.sheetId)!;
      return ctx.rangeApi(sheet, rect);
    },
  };
  const impl = new SpreadsheetImpl(ctx);
  return { model, impl, ctx };
}
