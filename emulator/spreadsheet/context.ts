import type { Runtime } from '../runtime';
import type { GRange, GSheet, GSpreadsheet } from '../gas';
import type { Rect } from './a1';
import type { SheetModel } from './sheetModel';
import type { SpreadsheetModel } from './spreadsheetModel';

/** What the Spreadsheet/Sheet/Range implementations share; built once per spreadsheet. */
export interface SheetsContext {
  rt: Runtime;
  ss: SpreadsheetModel;
  /** Strict (reject-input) validation rules make writes of invalid values throw, as in Sheets. */
  enforceValidation: boolean;
  spreadsheetApi(): GSpreadsheet;
  sheetApi(sheet: SheetModel): GSheet;
  rangeApi(sheet: SheetModel, rect: Rect, whole?: { cols?: boolean; rows?: boolean }): GRange;
  /** Spreadsheet.toast lands here (the twin's Ui recorder). */
  toast(message: string, title: string, timeoutSeconds: number | null): void;
}
