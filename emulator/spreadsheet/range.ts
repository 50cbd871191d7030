import type { Runtime } from '../runtime';
import type { GDataValidation, GFilter, GProtection, GRange, GSheet, GFontWeight, GFontStyle } from '../gas';
import { cellA1, intersects, contains, rectToA1, type Rect } from './a1';
import { coerceInput, type CellInput } from './cellValue';
import { DEFAULT_NUMBER_FORMAT, displayValue, isDateFormat, isNumericFormat, type CellValue } from './format';
import { dateToSerial, serialToMs } from '../dates';
import { DataValidationImpl, passesValidation } from './dataValidation';
import { normalizeColor } from './colors';
import { FORMAT_LAYERS, type LayerName, type SheetModel } from './sheetModel';
import type { Layer } from './grid';
import type { SheetsContext } from './context';
import { FilterImpl } from './filter';
import { ProtectionImpl } from './protection';
import { assertMayEdit, initialEditors } from './editRights';

const scratch: CellInput = { value: undefined, formula: undefined, autoFormat: undefined };

/** What getValues returns for a stored value under a number format (dates follow the format). */
export function readCell(value: CellValue | undefined, format: string | undefined, timeZone: string, rt: Runtime): unknown {
  if (value === undefined) return '';
  if (value instanceof Date) {
    if (format !== undefined && isNumericFormat(format)) return dateToSerial(value.getTime(), timeZone);
    return rt.realm.date(value.getTime());
  }
  if (typeof value === 'number' && format !== undefined && isDateFormat(format)) return rt.realm.date(serialToMs(value, timeZone));
  return value;
}

/**
 * SpreadsheetApp.Range over a sheet model. Coordinates are 1-based. Sheet.getRange(row, column, …) and
 * offset refuse a range past the grid, as Sheets does; only an A1-notation range may extend past it, and
 * the grid then grows on write (see README).
 */
export class RangeImpl implements Partial<GRange> {
  readonly rt: Runtime;

  constructor(
    private readonly ctx: SheetsContext,
    readonly sheet: SheetModel,
    readonly row: number,
    readonly col: number,
    readonly numRows: number,
    readonly numCols: number,
    private readonly wholeCols = false,
    private readonly wholeRows = false,
  ) {
    this.rt = ctx.rt;
  }

  get api(): GRange {
    return this.rt.facade<GRange>(this, 'Range', { guard: () => this._alive() });
  }

  // ---- helpers ------------------------------------------------------------------------------

  private _alive(): void {
    if (this.sheet.deleted) throw this.rt.error(`The sheet "${this.sheet.name}" has been deleted.`);
  }
  private get _rect(): Rect {
    return { row: this.row, col: this.col, numRows: this.numRows, numCols: this.numCols };
  }
  private get _cells(): number {
    return this.numRows * this.numCols;
  }
  /** Counts one write (or throws the injected fault) and grows the grid to hold the range. */
  private _write(method: string, cells = this._cells): void {
    this.rt.write(`Range.${method}`, cells, this.ctx.ss.id);
    assertMayEdit(this.ctx.ss, this.sheet.id, this._rect, this.ctx.ss.currentUser());
    this.sheet.ensureSize(this.row + this.numRows - 1, this.col + this.numCols - 1);
  }
  /** Checks a 2-D argument's shape exactly as Sheets does, before anything is written. */
  private _check2D(method: string, data: unknown): unknown[][] {
    if (!Array.isArray(data) || !data.every((r) => Array.isArray(r)))
      throw this.rt.signatureError(`SpreadsheetApp.Range.${method}`, [data]);
    if (data.length !== this.numRows) {
      throw this.rt.error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this.numRows}.`,
      );
    }
    for (const line of data as unknown[][]) {
      if (line.length !== this.numCols) {
        throw this.rt.error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${this.numCols}.`,
        );
      }
    }
    return data as unknown[][];
  }
  /** A realm 2-D array built cell by cell from 0-based sheet coordinates. */
  private _grid<R>(cell: (r: number, c: number) => R): R[][] {
    const realm = this.rt.realm;
    const out = realm.array<R[]>(this.numRows);
    for (let i = 0; i < this.numRows; i++) {
      const line = realm.array<R>(this.numCols);
      for (let j = 0; j < this.numCols; j++) line[j] = cell(this.row - 1 + i, this.col - 1 + j);
      out[i] = line;
    }
    return out;
  }
  private _readLayer<T, R>(layer: Layer<T>, fallback: R, map?: (v: T) => R): R[][] {
    this.rt.read(this._cells);
    return this._grid((r, c) => {
      const v = layer.get(r, c);
      return v === undefined ? fallback : map ? map(v) : (v as unknown as R);
    });
  }
  private _first<T, R>(layer: Layer<T>, fallback: R, map?: (v: T) => R): R {
    const v = layer.get(this.row - 1, this.col - 1);
    return v === undefined ? fallback : map ? map(v) : (v as unknown as R);
  }
  /**
   * One value for every cell of the range: what is sent is that one value (the Sheets API's RepeatCellRequest "Updates
   * all cells in the range to the values in the given Cell object",
   * https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#repeatcellrequest), so the
   * write counts one cell, however large the range.
   */
  private _fill<T>(method: string, layer: Layer<T>, value: T | undefined): GRange {
    this._write(method, 1);
    layer.fill(this.row - 1, this.col - 1, this.numRows, this.numCols, value);
    return this.api;
  }
  private _set2D<T>(method: string, layer: Layer<T>, data: unknown, map: (v: unknown) => T | undefined): GRange {
    const rows = this._check2D(method, data);
    this._write(method);
    for (let i = 0; i < this.numRows; i++) {
      for (let j = 0; j < this.numCols; j++) layer.set(this.row - 1 + i, this.col - 1 + j, map(rows[i][j]));
    }
    return this.api;
  }
  /** Throws the Sheets error when a strict validation rule rejects a value about to be written. */
  private _validate(input: (i: number, j: number) => unknown): void {
    const s = this.sheet;
    if (!this.ctx.enforceValidation || !s.validations.hasAny(this.row - 1, this.col - 1, this.numRows, this.numCols)) return;
    const probe: CellInput = { value: undefined, formula: undefined, autoFormat: undefined };
    for (let i = 0; i < this.numRows; i++) {
      for (let j = 0; j < this.numCols; j++) {
        const rule = s.validations.get(this.row - 1 + i, this.col - 1 + j);
        if (!rule || rule.spec.allowInvalid) continue;
        coerceInput(input(i, j), s.formats.get(this.row - 1 + i, this.col - 1 + j), this.ctx.ss.input, this.ctx.ss.timeZone, probe);
        if (probe.formula === undefined && !passesValidation(rule.spec, probe.value)) {
          throw this.rt.error(
            `The data you entered in cell ${cellA1(this.row + i, this.col + j)} violates the data validation rules set on this cell.`,
          );
        }
      }
    }
  }
  private _clear(layers: readonly LayerName[], method: string): GRange {
    this._write(method);
    this.sheet.clearLayers(layers, this._rect);
    return this.api;
  }

  // ---- values -------------------------------------------------------------------------------

  getValues(): any[][] {
    const s = this.sheet;
    const tz = this.ctx.ss.timeZone;
    const rt = this.rt;
    rt.read(this._cells);
    const realm = rt.realm;
    const out = realm.array<unknown[]>(this.numRows);
    for (let i = 0; i < this.numRows; i++) {
      const r = this.row - 1 + i;
      const vr = s.values.rows[r];
      const fr = s.formats.rows[r];
      const line = realm.array<unknown>(this.numCols);
      for (let j = 0; j < this.numCols; j++) {
        const c = this.col - 1 + j;
        const v = vr === undefined ? undefined : vr[c];
        if (v === undefined) line[j] = '';
        else if (typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && fr === undefined)) line[j] = v;
        else line[j] = readCell(v, fr === undefined ? undefined : fr[c], tz, rt);
      }
      out[i] = line;
    }
    return out;
  }
  getValue(): any {
    const r = this.row - 1;
    const c = this.col - 1;
    return readCell(this.sheet.values.get(r, c), this.sheet.formats.get(r, c), this.ctx.ss.timeZone, this.rt);
  }
  setValues(values: any[][]): GRange {
    const rows = this._check2D('setValues', values);
    this._validate((i, j) => rows[i][j]);
    this._write('setValues');
    const s = this.sheet;
    const { input, timeZone } = this.ctx.ss;
    for (let i = 0; i < this.numRows; i++) {
      const r = this.row - 1 + i;
      const line = rows[i];
      const fr = s.formats.rows[r];
      for (let j = 0; j < this.numCols; j++) {
        const c = this.col - 1 + j;
        coerceInput(line[j], fr === undefined ? undefined : fr[c], input, timeZone, scratch);
        s.storeInput(r, c, scratch);
      }
    }
    return this.api;
  }
  /** Writes one value into every cell of the range, as Sheets does. */
  setValue(value: any): GRange {
    this._validate(() => value);
    this._write('setValue');
    const s = this.sheet;
    for (let i = 0; i < this.numRows; i++) {
      for (let j = 0; j < this.numCols; j++) {
        const r = this.row - 1 + i;
        const c = this.col - 1 + j;
        coerceInput(value, s.formats.get(r, c), this.ctx.ss.input, this.ctx.ss.timeZone, scratch);
        s.storeInput(r, c, scratch);
      }
    }
    return this.api;
  }
  getDisplayValues(): string[][] {
    const s = this.sheet;
    const { timeZone, display } = this.ctx.ss;
    this.rt.read(this._cells);
    return this._grid((r, c) => displayValue(s.values.get(r, c), s.formats.get(r, c), timeZone, display));
  }
  getDisplayValue(): string {
    const r = this.row - 1;
    const c = this.col - 1;
    return displayValue(this.sheet.values.get(r, c), this.sheet.formats.get(r, c), this.ctx.ss.timeZone, this.ctx.ss.display);
  }
  getFormulas(): string[][] {
    return this._readLayer(this.sheet.formulas, '');
  }
  getFormula(): string {
    return this._first(this.sheet.formulas, '');
  }
  setFormula(formula: string): GRange {
    if (typeof formula !== 'string') throw this.rt.signatureError('SpreadsheetApp.Range.setFormula', [formula]);
    this._write('setFormula');
    coerceInput(formula, undefined, this.ctx.ss.input, this.ctx.ss.timeZone, scratch);
    for (let i = 0; i < this.numRows; i++)
      for (let j = 0; j < this.numCols; j++) this.sheet.storeInput(this.row - 1 + i, this.col - 1 + j, scratch);
    return this.api;
  }

  // ---- number formats -----------------------------------------------------------------------

  private _formatOf(r: number, c: number): string {
    const f = this.sheet.formats.get(r, c);
    if (f !== undefined) return f;
    const v = this.sheet.values.get(r, c);
    if (v instanceof Date) {
      const whole = Number.isInteger(dateToSerial(v.getTime(), this.ctx.ss.timeZone));
      return whole ? this.ctx.ss.display.defaultDate : this.ctx.ss.display.defaultDateTime;
    }
    return DEFAULT_NUMBER_FORMAT;
  }
  getNumberFormats(): string[][] {
    this.rt.read(this._cells);
    return this._grid((r, c) => this._formatOf(r, c));
  }
  getNumberFormat(): string {
    return this._formatOf(this.row - 1, this.col - 1);
  }
  setNumberFormat(numberFormat: string): GRange {
    if (typeof numberFormat !== 'string') throw this.rt.signatureError('SpreadsheetApp.Range.setNumberFormat', [numberFormat]);
    return this._fill('setNumberFormat', this.sheet.formats, numberFormat === '' ? undefined : numberFormat);
  }
  setNumberFormats(numberFormats: string[][]): GRange {
    return this._set2D('setNumberFormats', this.sheet.formats, numberFormats, (v) => (v === null || v === '' ? undefined : String(v)));
  }

  // ---- colours and fonts ----------------------------------------------------------------------

  getBackgrounds(): string[][] {
    return this._readLayer(this.sheet.backgrounds, '#ffffff');
  }
  getBackground(): string {
    return this._first(this.sheet.backgrounds, '#ffffff');
  }
  setBackground(color: string | null): GRange {
    return this._fill('setBackground', this.sheet.backgrounds, normalizeColor(color));
  }
  setBackgrounds(color: Array<Array<string | null>>): GRange {
    return this._set2D('setBackgrounds', this.sheet.backgrounds, color, normalizeColor);
  }
  getFontColors(): string[][] {
    return this._readLayer(this.sheet.fontColors, '#000000');
  }
  setFontColor(color: string | null): GRange {
    return this._fill('setFontColor', this.sheet.fontColors, normalizeColor(color));
  }
  getFontWeights(): GFontWeight[][] {
    return this._readLayer(this.sheet.fontWeights, 'normal') as GFontWeight[][];
  }
  getFontWeight(): GFontWeight {
    return this._first(this.sheet.fontWeights, 'normal') as GFontWeight;
  }
  setFontWeight(fontWeight: GFontWeight | null): GRange {
    return this._fill(
      'setFontWeight',
      this.sheet.fontWeights,
      fontWeight === null || fontWeight === 'normal' ? undefined : String(fontWeight),
    );
  }
  getFontStyles(): GFontStyle[][] {
    return this._readLayer(this.sheet.fontStyles, 'normal') as GFontStyle[][];
  }
  setFontStyle(fontStyle: GFontStyle | null): GRange {
    return this._fill('setFontStyle', this.sheet.fontStyles, fontStyle === null || fontStyle === 'normal' ? undefined : String(fontStyle));
  }

  // ---- alignment and wrapping -------------------------------------------------------------------

  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): GRange {
    return this._fill(
      'setVerticalAlignment',
      this.sheet.vAligns,
      alignment === null || alignment === 'bottom' ? undefined : String(alignment),
    );
  }
  setWrap(isWrapEnabled: boolean): GRange {
    return this._fill('setWrap', this.sheet.wraps, isWrapEnabled ? 'WRAP' : undefined);
  }

  // ---- notes --------------------------------------------------------------------------------------

  getNotes(): string[][] {
    return this._readLayer(this.sheet.notes, '');
  }
  getNote(): string {
    return this._first(this.sheet.notes, '');
  }
  setNote(note: string | null): GRange {
    return this._fill('setNote', this.sheet.notes, note === null || note === '' ? undefined : String(note));
  }
  setNotes(notes: Array<Array<string | null>>): GRange {
    return this._set2D('setNotes', this.sheet.notes, notes, (v) => (v === null || v === undefined || v === '' ? undefined : String(v)));
  }

  // ---- data validation ------------------------------------------------------------------------------

  private _rule(value: unknown, method: string): DataValidationImpl | undefined {
    if (value === null || value === undefined) return undefined;
    return this.rt.unwrap(value, DataValidationImpl, `SpreadsheetApp.Range.${method}`);
  }
  setDataValidation(rule: GDataValidation | null): GRange {
    const impl = this._rule(rule, 'setDataValidation');
    return this._fill('setDataValidation', this.sheet.validations, impl);
  }
  getDataValidation(): GDataValidation | null {
    return this._first(this.sheet.validations, null, (v) => v.api);
  }
  getDataValidations(): Array<Array<GDataValidation | null>> {
    return this._readLayer(this.sheet.validations, null, (v) => v.api);
  }

  // ---- clearing -----------------------------------------------------------------------------------

  clearContent(): GRange {
    return this._clear(['values', 'formulas'], 'clearContent');
  }
  clearFormat(): GRange {
    return this._clear(FORMAT_LAYERS, 'clearFormat');
  }

  /**
   * Copies to the destination's top-left cell (formulas are not re-based), on the server: no cell is sent from the
   * script, so the write counts no cells. Range.copyTo "Copies the data from a range of cells to another range of
   * cells. Both the values and formatting are copied"
   * (https://developers.google.com/apps-script/reference/spreadsheet/range#copyTo(Range,CopyPasteType,Boolean));
   * what each paste type carries follows the Sheets API's PasteType
   * (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#pastetype): PASTE_NORMAL
   * "values, formulas, formats, and merges", PASTE_VALUES the values only, PASTE_FORMAT "the format and data
   * validation only", PASTE_DATA_VALIDATION, PASTE_COLUMN_WIDTHS the column widths
   * (https://developers.google.com/apps-script/reference/spreadsheet/copy-paste-type). Notes are in none of these
   * lists, so the destination keeps its notes.
   */
  copyTo(destination: GRange, optionsOrType?: unknown, transposed?: unknown): void {
    const dest = this.rt.unwrap(destination, RangeImpl, 'SpreadsheetApp.Range.copyTo');
    if (transposed === true) throw this.rt.error('twin: Range.copyTo with transposed=true not implemented');
    let layers: LayerName[] = ['values', 'formulas', ...FORMAT_LAYERS];
    let widths = false;
    if (optionsOrType && typeof optionsOrType === 'object') {
      const o = optionsOrType as { contentsOnly?: boolean; formatOnly?: boolean };
      if (o.contentsOnly) layers = ['values', 'formulas'];
      if (o.formatOnly) layers = [...FORMAT_LAYERS];
    } else if (optionsOrType !== undefined) {
      const type = String(optionsOrType);
      if (type === 'PASTE_VALUES') layers = ['values'];
      else if (type === 'PASTE_FORMULA') layers = ['values', 'formulas'];
      else if (type === 'PASTE_FORMAT') layers = [...FORMAT_LAYERS];
      else if (type === 'PASTE_DATA_VALIDATION') layers = ['validations'];
      else if (type === 'PASTE_COLUMN_WIDTHS') {
        layers = [];
        widths = true;
      } else if (type === 'PASTE_NO_BORDERS' || type === 'PASTE_NORMAL') layers = ['values', 'formulas', ...FORMAT_LAYERS];
      else throw this.rt.error(`twin: Range.copyTo with ${type} not implemented`);
    }
    const target = new RangeImpl(this.ctx, dest.sheet, dest.row, dest.col, this.numRows, this.numCols);
    target._write('copyTo', 0);
    for (const name of layers) {
      const from = this.sheet.layer(name).read(this.row - 1, this.col - 1, this.numRows, this.numCols);
      const to = dest.sheet.layer(name);
      for (let i = 0; i < this.numRows; i++) for (let j = 0; j < this.numCols; j++) to.set(dest.row - 1 + i, dest.col - 1 + j, from[i][j]);
    }
    if (widths) {
      const to = dest.sheet.columnWidths;
      for (let j = 0; j < this.numCols; j++) {
        const w = this.sheet.columnWidths[this.col - 1 + j];
        if (w !== undefined || dest.col - 1 + j < to.length) to[dest.col - 1 + j] = w;
      }
      while (to.length && to[to.length - 1] === undefined) to.length--;
    }
  }

  // ---- geometry -----------------------------------------------------------------------------------

  getRow(): number {
    return this.row;
  }
  getRowIndex(): number {
    return this.row;
  }
  getColumn(): number {
    return this.col;
  }
  getNumRows(): number {
    return this.numRows;
  }
  getNumColumns(): number {
    return this.numCols;
  }
  getHeight(): number {
    return this.numRows;
  }
  getWidth(): number {
    return this.numCols;
  }
  getLastRow(): number {
    return this.row + this.numRows - 1;
  }
  getLastColumn(): number {
    return this.col + this.numCols - 1;
  }
  getA1Notation(): string {
    return rectToA1(this._rect, this.wholeCols, this.wholeRows);
  }
  getSheet(): GSheet {
    return this.ctx.sheetApi(this.sheet);
  }
  getGridId(): number {
    return this.sheet.id;
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): GRange {
    const row = this.row + rowOffset;
    const col = this.col + columnOffset;
    const nr = numRows ?? this.numRows;
    const nc = numColumns ?? this.numCols;
    if (row < 1 || col < 1) throw this.rt.error('The coordinates of the range are outside the dimensions of the sheet.');
    if (nr < 1) throw this.rt.error('The number of rows in the range must be at least 1.');
    if (nc < 1) throw this.rt.error('The number of columns in the range must be at least 1.');
    if (row + nr - 1 > this.sheet.maxRows || col + nc - 1 > this.sheet.maxCols) {
      throw this.rt.error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return this.ctx.rangeApi(this.sheet, { row, col, numRows: nr, numCols: nc });
  }
  getCell(row: number, column: number): GRange {
    if (row < 1 || column < 1 || row > this.numRows || column > this.numCols) throw this.rt.error('Cell reference out of range');
    return this.ctx.rangeApi(this.sheet, { row: this.row + row - 1, col: this.col + column - 1, numRows: 1, numCols: 1 });
  }

  // ---- merges ---------------------------------------------------------------------------------------

  private _mergeRects(rects: Rect[], method: string): GRange {
    for (const m of this.sheet.merges) {
      if (intersects(m, this._rect) && !contains(this._rect, m)) {
        throw this.rt.error('You must select all cells in a merged range to merge or unmerge them.');
      }
    }
    this._write(method);
    this.sheet.merges = this.sheet.merges.filter((m) => !contains(this._rect, m));
    for (const rect of rects) {
      if (rect.numRows * rect.numCols < 2) continue;
      this.sheet.merges.push(rect);
      // Merging keeps only the top-left value.
      for (const name of ['values', 'formulas'] as LayerName[]) {
        const layer = this.sheet.layer(name);
        const keep = layer.get(rect.row - 1, rect.col - 1);
        layer.fill(rect.row - 1, rect.col - 1, rect.numRows, rect.numCols, undefined);
        layer.set(rect.row - 1, rect.col - 1, keep);
      }
    }
    return this.api;
  }
  merge(): GRange {
    return this._mergeRects([this._rect], 'merge');
  }
  breakApart(): GRange {
    return this._mergeRects([], 'breakApart');
  }
  isPartOfMerge(): boolean {
    return this.sheet.merges.some((m) => intersects(m, this._rect));
  }

  // ---- filters and protection -----------------------------------------------------------------------

  createFilter(): GFilter {
    if (this.sheet.filter) throw this.rt.error("You can't create a filter in a sheet that already has a filter.");
    this._write('createFilter', 0);
    this.sheet.filter = { rect: this._rect };
    return new FilterImpl(this.rt, this.ctx.ss, this.sheet).api;
  }
  protect(): GProtection {
    this._write('protect', 0);
    const model = {
      id: this.rt.nextSeq(),
      type: 'RANGE' as const,
      sheetId: this.sheet.id,
      rect: this._rect,
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
  toString(): string {
    return 'Range';
  }
}
