import type { Runtime } from '../runtime';
import type {
  GConditionalFormatRule,
  GEmbeddedChart,
  GEmbeddedChartBuilder,
  GFilter,
  GProtection,
  GProtectionType,
  GRange,
  GSheet,
} from '../gas';
import { parseA1 } from './a1';
import { coerceInput, type CellInput } from './cellValue';
import { ConditionalFormatRuleImpl } from './conditionalFormat';
import { EmbeddedChartBuilderImpl, EmbeddedChartImpl, cloneChartSpec } from './charts';
import { FilterImpl } from './filter';
import { ProtectionImpl } from './protection';
import { assertMayEdit, initialEditors } from './editRights';
import { DEFAULT_COLUMN_WIDTH, type SheetModel } from './sheetModel';
import type { SheetsContext } from './context';
import { normalizeColor } from './colors';
import { MAX_SHEET_NAME, sheetNameTooLong } from './spreadsheetModel';

const scratch: CellInput = { value: undefined, formula: undefined, autoFormat: undefined };

function isInt(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

/** Sheet changes that a sheet protection refuses to a user who is not its editor (editRights.ts). */
const SHEET_EDITS = /^(setName|appendRow|insert|delete|setConditionalFormatRules|removeChart|updateChart)/;

/** SpreadsheetApp.Sheet over a sheet model. */
export class SheetImpl implements Partial<GSheet> {
  readonly rt: Runtime;

  constructor(
    private readonly ctx: SheetsContext,
    readonly model: SheetModel,
  ) {
    this.rt = ctx.rt;
  }

  get api(): GSheet {
    return this.rt.facade<GSheet>(this, 'Sheet', { guard: () => this._alive() });
  }

  private _alive(): void {
    if (this.model.deleted) throw this.rt.error(`The sheet "${this.model.name}" has been deleted.`);
  }
  private _write(method: string, cells = 0): void {
    this.rt.write(`Sheet.${method}`, cells, this.ctx.ss.id);
    if (SHEET_EDITS.test(method)) assertMayEdit(this.ctx.ss, this.model.id, null, this.ctx.ss.currentUser());
  }

  // ---- identity ---------------------------------------------------------------------------------

  getName(): string {
    return this.model.name;
  }
  setName(name: string): GSheet {
    const text = String(name);
    if (!text.trim()) throw this.rt.error('Invalid argument: name');
    const other = this.ctx.ss.findByName(text);
    if (other && other !== this.model) throw this.rt.error(`A sheet with the name "${text}" already exists. Please enter another name.`);
    if (text.length > MAX_SHEET_NAME) throw this.rt.error(sheetNameTooLong(text));
    this._write('setName');
    this.model.name = text;
    return this.api;
  }
  getIndex(): number {
    return this.ctx.ss.sheets.indexOf(this.model) + 1;
  }
  getSheetId(): number {
    return this.model.id;
  }
  getFormUrl(): string | null {
    return this.model.formUrl;
  }
  activate(): GSheet {
    this.ctx.ss.active = this.model;
    if (this.model.hidden) this.model.hidden = false;
    return this.api;
  }
  getTabColor(): string | null {
    return this.model.tabColor;
  }
  setTabColor(color: string | null): GSheet {
    this._write('setTabColor');
    this.model.tabColor = normalizeColor(color) ?? null;
    return this.api;
  }
  hideSheet(): GSheet {
    const visible = this.ctx.ss.sheets.filter((s) => !s.hidden && s !== this.model);
    if (!visible.length) throw this.rt.error("You can't hide all the sheets in a document.");
    this._write('hideSheet');
    this.model.hidden = true;
    return this.api;
  }

  // ---- ranges -----------------------------------------------------------------------------------

  /** getRange('B2:C5') / getRange(row, column, numRows?, numColumns?), with Sheets' argument errors. */
  getRange(a: string | number, column?: number, numRows?: number, numColumns?: number): GRange {
    if (typeof a === 'string' && column === undefined) {
      const parsed = parseA1(a);
      if (!parsed) throw this.rt.error('Range not found');
      let sheet = this.model;
      if (parsed.sheetName !== null) {
        const named = this.ctx.ss.findByName(parsed.sheetName);
        if (!named) throw this.rt.error('Range not found');
        sheet = named;
      }
      const endRow = parsed.endRow ?? sheet.maxRows;
      const endCol = parsed.endCol ?? sheet.maxCols;
      return this.ctx.rangeApi(
        sheet,
        { row: parsed.row, col: parsed.col, numRows: endRow - parsed.row + 1, numCols: endCol - parsed.col + 1 },
        { cols: parsed.endRow === null && parsed.row === 1, rows: parsed.endCol === null && parsed.col === 1 },
      );
    }
    const args = [a, column, numRows, numColumns].slice(0, numColumns !== undefined ? 4 : numRows !== undefined ? 3 : 2);
    if (!args.every(isInt)) throw this.rt.signatureError('SpreadsheetApp.Sheet.getRange', args);
    for (const n of args as number[]) if (!Number.isInteger(n)) throw this.rt.error(`Cannot convert '${n}' to int.`);
    const row = a as number;
    const col = column as number;
    if (row < 1 || col < 1) throw this.rt.error('The coordinates of the range are outside the dimensions of the sheet.');
    const nr = numRows ?? 1;
    const nc = numColumns ?? 1;
    if (nr < 1) throw this.rt.error('The number of rows in the range must be at least 1.');
    if (nc < 1) throw this.rt.error('The number of columns in the range must be at least 1.');
    // As in Sheets, a range past the grid (a new sheet is 1000 × 26) is refused: grow the sheet first.
    if (row + nr - 1 > this.model.maxRows || col + nc - 1 > this.model.maxCols) {
      throw this.rt.error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return this.ctx.rangeApi(this.model, { row, col, numRows: nr, numCols: nc });
  }
  getDataRange(): GRange {
    return this.ctx.rangeApi(this.model, {
      row: 1,
      col: 1,
      numRows: Math.max(1, this.model.lastRow()),
      numCols: Math.max(1, this.model.lastCol()),
    });
  }
  getLastRow(): number {
    return this.model.lastRow();
  }
  getLastColumn(): number {
    return this.model.lastCol();
  }
  getMaxRows(): number {
    return this.model.maxRows;
  }
  getMaxColumns(): number {
    return this.model.maxCols;
  }

  /** Appends one row after the last row with content, growing the sheet as needed. */
  appendRow(rowContents: any[]): GSheet {
    if (!Array.isArray(rowContents)) throw this.rt.signatureError('SpreadsheetApp.Sheet.appendRow', [rowContents]);
    const r = this.model.lastRow();
    this._write('appendRow', rowContents.length);
    this.model.ensureSize(r + 1, rowContents.length);
    rowContents.forEach((v, c) => {
      coerceInput(v, this.model.formats.get(r, c), this.ctx.ss.input, this.ctx.ss.timeZone, scratch);
      this.model.storeInput(r, c, scratch);
    });
    return this.api;
  }

  // ---- rows and columns -----------------------------------------------------------------------------

  private _insertRows(method: string, at: number, count: number): void {
    if (!isInt(at) || !isInt(count) || count < 1 || at < 1 || at > this.model.maxRows + 1) {
      throw this.rt.error('Those rows are out of bounds.');
    }
    this._write(method);
    this.model.shiftRows(at, count);
    this._shiftProtections('rows', at, count);
  }
  private _insertCols(method: string, at: number, count: number): void {
    if (!isInt(at) || !isInt(count) || count < 1 || at < 1 || at > this.model.maxCols + 1) {
      throw this.rt.error('Those columns are out of bounds.');
    }
    this._write(method);
    this.model.shiftCols(at, count);
    this._shiftProtections('cols', at, count);
  }
  private _shiftProtections(dimension: 'rows' | 'cols', at: number, count: number): void {
    for (const p of this.ctx.ss.protections) {
      if (p.sheetId !== this.model.id || !p.rect) continue;
      const start = dimension === 'rows' ? p.rect.row : p.rect.col;
      const size = dimension === 'rows' ? p.rect.numRows : p.rect.numCols;
      let newStart = start;
      let newSize = size;
      if (count > 0) {
        if (at <= start) newStart += count;
        else if (at < start + size) newSize += count;
      } else {
        const del = -count;
        const kept = Math.max(0, Math.min(start + size, at) - start) + Math.max(0, start + size - Math.max(start, at + del));
        newStart = start < at ? start : Math.max(at, start - del);
        newSize = Math.max(1, kept);
      }
      p.rect = dimension === 'rows' ? { ...p.rect, row: newStart, numRows: newSize } : { ...p.rect, col: newStart, numCols: newSize };
    }
  }
  insertRowsAfter(afterPosition: number, howMany: number): GSheet {
    this._insertRows('insertRowsAfter', afterPosition + 1, howMany);
    return this.api;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): GSheet {
    this._insertCols('insertColumnsAfter', afterPosition + 1, howMany);
    return this.api;
  }
  deleteRows(rowPosition: number, howMany: number): void {
    const m = this.model;
    if (!isInt(rowPosition) || !isInt(howMany) || howMany < 1 || rowPosition < 1 || rowPosition + howMany - 1 > m.maxRows) {
      throw this.rt.error('Those rows are out of bounds.');
    }
    if (m.maxRows - howMany <= m.frozenRows) throw this.rt.error('Sorry, it is not possible to delete all non-frozen rows.');
    this._write('deleteRows');
    m.shiftRows(rowPosition, -howMany);
    this._shiftProtections('rows', rowPosition, -howMany);
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    const m = this.model;
    if (!isInt(columnPosition) || !isInt(howMany) || howMany < 1 || columnPosition < 1 || columnPosition + howMany - 1 > m.maxCols) {
      throw this.rt.error('Those columns are out of bounds.');
    }
    if (m.maxCols - howMany <= m.frozenCols) throw this.rt.error('Sorry, it is not possible to delete all non-frozen columns.');
    this._write('deleteColumns');
    m.shiftCols(columnPosition, -howMany);
    this._shiftProtections('cols', columnPosition, -howMany);
  }
  getFrozenRows(): number {
    return this.model.frozenRows;
  }
  setFrozenRows(rows: number): void {
    if (!isInt(rows) || rows < 0) throw this.rt.signatureError('SpreadsheetApp.Sheet.setFrozenRows', [rows]);
    this._write('setFrozenRows');
    this.model.ensureSize(rows + 1, 1);
    this.model.frozenRows = rows;
  }
  getFrozenColumns(): number {
    return this.model.frozenCols;
  }
  getColumnWidth(columnPosition: number): number {
    return this.model.columnWidths[columnPosition - 1] ?? DEFAULT_COLUMN_WIDTH;
  }
  setColumnWidth(columnPosition: number, width: number): GSheet {
    return this.setColumnWidths(columnPosition, 1, width);
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): GSheet {
    if (![startColumn, numColumns, width].every(isInt) || startColumn < 1 || numColumns < 1) {
      throw this.rt.signatureError('SpreadsheetApp.Sheet.setColumnWidths', [startColumn, numColumns, width]);
    }
    this._write('setColumnWidths');
    for (let c = startColumn; c < startColumn + numColumns; c++) this.model.columnWidths[c - 1] = width;
    return this.api;
  }
  hideColumns(columnIndex: number, numColumns = 1): void {
    this._write('hideColumns');
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.model.hiddenCols[c - 1] = true;
  }
  showColumns(columnIndex: number, numColumns = 1): void {
    this._write('showColumns');
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.model.hiddenCols[c - 1] = undefined;
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    return this.model.hiddenCols[columnPosition - 1] === true;
  }

  // ---- conditional formatting ---------------------------------------------------------------------

  getConditionalFormatRules(): GConditionalFormatRule[] {
    return this.rt.realm.copy(this.model.conditionalRules.map((r) => r.api));
  }
  /** Replaces all of the sheet's rules, as in Sheets. */
  setConditionalFormatRules(rules: GConditionalFormatRule[]): void {
    if (!Array.isArray(rules)) throw this.rt.signatureError('SpreadsheetApp.Sheet.setConditionalFormatRules', [rules]);
    const impls = Array.from(rules, (r) => this.rt.unwrap(r, ConditionalFormatRuleImpl, 'SpreadsheetApp.Sheet.setConditionalFormatRules'));
    this._write('setConditionalFormatRules');
    this.model.conditionalRules = impls;
  }

  // ---- charts ---------------------------------------------------------------------------------------

  newChart(): GEmbeddedChartBuilder {
    return new EmbeddedChartBuilderImpl(this.rt, this.ctx.ss.bridge).api;
  }
  getCharts(): GEmbeddedChart[] {
    return this.rt.realm.copy(this.model.charts.map((c) => c.api));
  }
  insertChart(chart: GEmbeddedChart): void {
    const impl = this.rt.unwrap(chart, EmbeddedChartImpl, 'SpreadsheetApp.Sheet.insertChart');
    if (impl.chartId !== null && this.model.charts.some((c) => c.chartId === impl.chartId)) {
      throw this.rt.error('This chart is already in the sheet; use updateChart to change it.');
    }
    this._write('insertChart');
    impl.chartId = this.rt.nextSeq() * 1000 + 17;
    this.model.charts.push(new EmbeddedChartImpl(this.rt, this.ctx.ss.bridge, cloneChartSpec(impl.spec), impl.chartId));
  }
  removeChart(chart: GEmbeddedChart): void {
    const impl = this.rt.unwrap(chart, EmbeddedChartImpl, 'SpreadsheetApp.Sheet.removeChart');
    const index = this.model.charts.findIndex((c) => c.chartId !== null && c.chartId === impl.chartId);
    if (index < 0) throw this.rt.error('The chart does not exist in this sheet.');
    this._write('removeChart');
    this.model.charts.splice(index, 1);
  }
  updateChart(chart: GEmbeddedChart): void {
    const impl = this.rt.unwrap(chart, EmbeddedChartImpl, 'SpreadsheetApp.Sheet.updateChart');
    const index = this.model.charts.findIndex((c) => c.chartId !== null && c.chartId === impl.chartId);
    if (index < 0) throw this.rt.error('The chart does not exist in this sheet.');
    this._write('updateChart');
    this.model.charts[index] = new EmbeddedChartImpl(this.rt, this.ctx.ss.bridge, cloneChartSpec(impl.spec), impl.chartId);
  }

  // ---- protection and filters -------------------------------------------------------------------------

  /** Protects the sheet; a sheet that is already protected returns its existing protection. */
  protect(): GProtection {
    const existing = this.ctx.ss.protections.find((p) => p.sheetId === this.model.id && p.type === 'SHEET');
    if (existing) return new ProtectionImpl(this.rt, this.ctx.ss, existing).api;
    this._write('protect');
    const model = {
      id: this.rt.nextSeq(),
      type: 'SHEET' as const,
      sheetId: this.model.id,
      rect: null,
      description: '',
      warningOnly: false,
      domainEdit: this.ctx.ss.ownerEmail !== null && !/@gmail\.com$/i.test(this.ctx.ss.ownerEmail),
      editors: initialEditors(this.ctx.ss),
      unprotected: [],
      removed: false,
    };
    this.ctx.ss.protections.push(model);
    return new ProtectionImpl(this.rt, this.ctx.ss, model).api;
  }
  getProtections(type: GProtectionType): GProtection[] {
    const name = String(type);
    if (name !== 'RANGE' && name !== 'SHEET') throw this.rt.signatureError('SpreadsheetApp.Sheet.getProtections', [type]);
    const found = this.ctx.ss.protections.filter((p) => p.sheetId === this.model.id && p.type === name);
    return this.rt.realm.copy(found.map((p) => new ProtectionImpl(this.rt, this.ctx.ss, p).api));
  }
  getFilter(): GFilter | null {
    return this.model.filter ? new FilterImpl(this.rt, this.ctx.ss, this.model).api : null;
  }
  toString(): string {
    return 'Sheet';
  }
}
