import type { Runtime } from '../runtime';
import type { GFilter, GRange } from '../gas';
import type { SheetModel } from './sheetModel';
import type { SpreadsheetModel } from './spreadsheetModel';

/** The basic filter of a sheet (one per sheet). Criteria are recorded; rows are not hidden. */
export class FilterImpl implements Partial<GFilter> {
  constructor(
    private readonly rt: Runtime,
    private readonly ss: SpreadsheetModel,
    private readonly sheet: SheetModel,
  ) {}

  get api(): GFilter {
    return this.rt.facade<GFilter>(this, 'Filter', { guard: () => this._alive() });
  }
  private _alive(): void {
    if (!this.sheet.filter) throw this.rt.error('The filter has been removed.');
  }

  getColumnFilterCriteria(columnPosition: number): GoogleAppsScript.Spreadsheet.FilterCriteria | null {
    return (this.sheet.filter!.criteria.get(columnPosition) as GoogleAppsScript.Spreadsheet.FilterCriteria | undefined) ?? null;
  }
  getRange(): GRange {
    return this.ss.bridge.toRange({ ...this.sheet.filter!.rect, sheetId: this.sheet.id });
  }
  remove(): void {
    this.rt.write('Filter.remove', 0, this.ss.id);
    this.sheet.filter = null;
  }
  removeColumnFilterCriteria(columnPosition: number): GFilter {
    this.rt.write('Filter.removeColumnFilterCriteria', 0, this.ss.id);
    this.sheet.filter!.criteria.delete(columnPosition);
    return this.api;
  }
  setColumnFilterCriteria(columnPosition: number, filterCriteria: GoogleAppsScript.Spreadsheet.FilterCriteria | null): GFilter {
    this.rt.write('Filter.setColumnFilterCriteria', 0, this.ss.id);
    if (filterCriteria === null) this.sheet.filter!.criteria.delete(columnPosition);
    else this.sheet.filter!.criteria.set(columnPosition, filterCriteria);
    return this.api;
  }
  toString(): string {
    return 'Filter';
  }
}
