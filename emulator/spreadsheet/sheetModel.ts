import { Layer } from './grid';
import { shiftRect, type Rect } from './a1';
import type { CellValue } from './format';
import type { CellInput } from './cellValue';
import type { DataValidationImpl } from './dataValidation';
import type { ConditionalFormatRuleImpl, SheetRect } from './conditionalFormat';
import type { EmbeddedChartImpl } from './charts';

/** Every per-cell property the twin stores, one Layer each. */
export const LAYER_NAMES = [
  'values',
  'formulas',
  'formats',
  'notes',
  'backgrounds',
  'fontColors',
  'fontWeights',
  'fontStyles',
  'vAligns',
  'wraps',
  'validations',
] as const;
export type LayerName = (typeof LAYER_NAMES)[number];

/** What clearFormat() removes: everything but contents and notes (validations included, as in Sheets). */
export const FORMAT_LAYERS: readonly LayerName[] = LAYER_NAMES.filter((n) => n !== 'values' && n !== 'formulas' && n !== 'notes');

export const DEFAULT_MAX_ROWS = 1000;
export const DEFAULT_MAX_COLUMNS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;

/** Inserts `count` holes at `at` (count > 0) or removes -count entries (count < 0) of a sparse list. */
function shiftList(list: unknown[], at: number, count: number): void {
  if (count < 0) {
    list.splice(at, -count);
    return;
  }
  if (at >= list.length) return;
  const tail = list.splice(at);
  list.length = at + count;
  for (let i = 0; i < tail.length; i++) list[at + count + i] = tail[i];
}

/** A sheet's data: cells as layers plus the structures that refer to rectangles of it. */
export class SheetModel {
  deleted = false;
  hidden = false;
  tabColor: string | null = null;
  maxRows = DEFAULT_MAX_ROWS;
  maxCols = DEFAULT_MAX_COLUMNS;
  frozenRows = 0;
  frozenCols = 0;
  readonly values = new Layer<CellValue>();
  readonly formulas = new Layer<string>();
  readonly formats = new Layer<string>();
  readonly notes = new Layer<string>();
  readonly backgrounds = new Layer<string>();
  readonly fontColors = new Layer<string>();
  readonly fontWeights = new Layer<string>();
  readonly fontStyles = new Layer<string>();
  readonly vAligns = new Layer<string>();
  readonly wraps = new Layer<string>();
  readonly validations = new Layer<DataValidationImpl>();
  columnWidths: Array<number | undefined> = [];
  hiddenCols: Array<true | undefined> = [];
  merges: Rect[] = [];
  conditionalRules: ConditionalFormatRuleImpl[] = [];
  charts: EmbeddedChartImpl[] = [];
  filter: { rect: Rect } | null = null;
  /**
   * Filter views people saved on the sheet. SpreadsheetApp has no access to them (they exist in the Sheets API's
   * Sheet resource, https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/sheets#FilterView); they
   * belong to the sheet and are lost with it. Tests add them with Twin.addFilterView.
   */
  filterViews: Array<{ title: string; rect: Rect }> = [];
  /** URL of the Form whose responses land here (the Form's own sheet), or null. */
  formUrl: string | null = null;

  constructor(
    readonly id: number,
    public name: string,
    /** Grows the grid or throws past the spreadsheet's cell limit (set by the spreadsheet). */
    private readonly reserveCells: (extra: number) => void,
  ) {}

  layer(name: LayerName): Layer<unknown> {
    return this[name] as Layer<unknown>;
  }

  /** 1-based last row with a value or formula; 0 for an empty sheet. */
  lastRow(): number {
    return Math.max(this.values.lastRowIndex(), this.formulas.lastRowIndex()) + 1;
  }

  lastCol(): number {
    return Math.max(this.values.lastColIndex(), this.formulas.lastColIndex()) + 1;
  }

  /** Grows the grid to hold the given 1-based row and column (the twin grows instead of throwing). */
  ensureSize(rows: number, cols: number): void {
    const newRows = Math.max(this.maxRows, rows);
    const newCols = Math.max(this.maxCols, cols);
    const extra = newRows * newCols - this.maxRows * this.maxCols;
    if (extra > 0) this.reserveCells(extra);
    this.maxRows = newRows;
    this.maxCols = newCols;
  }

  /** Stores one coerced input at 0-based (r, c). */
  storeInput(r: number, c: number, input: CellInput): void {
    if (input.formula !== undefined) {
      this.formulas.set(r, c, input.formula);
      this.values.set(r, c, undefined);
    } else {
      this.values.set(r, c, input.value);
      if (this.formulas.rows[r] !== undefined) this.formulas.set(r, c, undefined);
    }
    if (input.autoFormat !== undefined && this.formats.get(r, c) === undefined) this.formats.set(r, c, input.autoFormat);
  }

  clearLayers(names: readonly LayerName[], rect: Rect): void {
    for (const name of names) this.layer(name).fill(rect.row - 1, rect.col - 1, rect.numRows, rect.numCols, undefined);
  }

  /** Inserts (count > 0) or deletes (count < 0) rows at 1-based `at`, moving everything below. */
  shiftRows(at: number, count: number): void {
    for (const name of LAYER_NAMES) {
      const layer = this.layer(name);
      if (count > 0) layer.insertRows(at - 1, count);
      else layer.deleteRows(at - 1, -count);
    }
    if (count > 0) this.reserveCells(count * this.maxCols);
    this.maxRows += count;
    this.shiftStructures('rows', at, count);
  }

  shiftCols(at: number, count: number): void {
    for (const name of LAYER_NAMES) {
      const layer = this.layer(name);
      if (count > 0) layer.insertCols(at - 1, count);
      else layer.deleteCols(at - 1, -count);
    }
    for (const list of [this.columnWidths, this.hiddenCols] as Array<unknown[]>) shiftList(list, at - 1, count);
    if (count > 0) this.reserveCells(count * this.maxRows);
    this.maxCols += count;
    this.shiftStructures('cols', at, count);
  }

  /** Moves merges, rules, charts and the filter with inserted/deleted lines. */
  private shiftStructures(dimension: 'rows' | 'cols', at: number, count: number): void {
    const move = (r: Rect) => shiftRect(r, dimension, at, count);
    this.merges = this.merges.map(move).filter((r): r is Rect => r !== null);
    this.conditionalRules = this.conditionalRules.flatMap((rule) => {
      const ranges = rule.spec.ranges.map((r) => (r.sheetId === this.id ? (move(r) ? { ...move(r)!, sheetId: r.sheetId } : null) : r));
      const moved = rule._withRanges(ranges.filter((r): r is SheetRect => r !== null));
      return moved ? [moved] : [];
    });
    for (const chart of this.charts) {
      chart.spec.ranges = chart.spec.ranges.flatMap((r) => {
        if (r.sheetId !== this.id) return [r];
        const m = move(r);
        return m ? [{ ...m, sheetId: r.sheetId }] : [];
      });
      const anchor = move({ row: chart.spec.anchorRow, col: chart.spec.anchorColumn, numRows: 1, numCols: 1 });
      if (anchor) {
        chart.spec.anchorRow = anchor.row;
        chart.spec.anchorColumn = anchor.col;
      }
    }
    if (this.filter) {
      const rect = move(this.filter.rect);
      this.filter = rect ? { ...this.filter, rect } : null;
    }
  }

  /** A copy of the cells and formatting for a new sheet (insertSheet with a template). */
  copyFrom(source: SheetModel): void {
    for (const name of LAYER_NAMES) (this as unknown as Record<LayerName, Layer<unknown>>)[name].rows = source.layer(name).clone().rows;
    this.maxRows = source.maxRows;
    this.maxCols = source.maxCols;
    this.frozenRows = source.frozenRows;
    this.frozenCols = source.frozenCols;
    this.columnWidths = source.columnWidths.slice();
    this.merges = source.merges.map((r) => ({ ...r }));
  }
}
