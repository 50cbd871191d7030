import type { Runtime } from '../runtime';
import type { GFilter, GRange } from '../gas';
import type { SheetModel } from './sheetModel';
import type { SpreadsheetModel } from './spreadsheetModel';

/** The basic filter of a sheet (one per sheet): its range is recorded; no rows are hidden. */
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

  getRange(): GRange {
    return this.ss.bridge.toRange({ ...this.sheet.filter!.rect, sheetId: this.sheet.id });
  }
  remove(): void {
    this.rt.write('Filter.remove', 0, this.ss.id);
    this.sheet.filter = null;
  }
  toString(): string {
    return 'Filter';
  }
}
