/**
 * Reads a spreadsheet (the twin's, through the ordinary Apps Script API) into plain data for the
 * exporters: every sheet in order with its values, number formats, bold cells, notes, frozen rows,
 * column widths, data validations, conditional rules and charts. Dates may come from another realm
 * (the add-in's vm), so they are recognised by tag, never with `instanceof`, and copied.
 */

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export type SnapshotValue = string | number | boolean | Date | null;

/** A 1-based rectangle of one sheet. */
export interface Rect {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export type ValidationSnapshot =
  | { kind: 'list'; values: string[]; allowInvalid: boolean; help: string }
  | { kind: 'date'; allowInvalid: boolean; help: string }
  | { kind: 'numberAtLeast'; min: number; allowInvalid: boolean; help: string }
  | { kind: 'numberBetween'; min: number; max: number; allowInvalid: boolean; help: string }
  | { kind: 'other'; criteria: string; allowInvalid: boolean; help: string };

export interface ConditionalRuleSnapshot {
  /** Apps Script's BooleanCriteria name, e.g. TEXT_EQUAL_TO or CUSTOM_FORMULA; 'GRADIENT' for colour scales. */
  criteria: string;
  values: string[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  ranges: Rect[];
}

export interface ChartSnapshot {
  /** Charts.ChartType name: COLUMN, BAR, PIE … */
  type: string;
  ranges: Rect[];
  options: Record<string, unknown>;
  anchor: { row: number; column: number };
  numHeaders: number;
}

export interface SheetSnapshot {
  name: string;
  /** Values of the data range (rows × columns of the used area). */
  values: SnapshotValue[][];
  /** Number formats of the same cells ('' or 'General' = automatic). */
  formats: string[][];
  bold: boolean[][];
  italic: boolean[][];
  notes: string[][];
  backgrounds: (string | null)[][];
  frozenRows: number;
  frozenColumns: number;
  /** Width in pixels of every column of the data range. */
  columnWidths: number[];
  hiddenColumns: number[];
  /** Runs of identical validations, each over one column (cells may lie below the data, e.g. spare roadmap rows). */
  validations: Array<{ rect: Rect; validation: ValidationSnapshot }>;
  rules: ConditionalRuleSnapshot[];
  charts: ChartSnapshot[];
  tabColor: string | null;
}

export interface SpreadsheetSnapshot {
  name: string;
  timeZone: string;
  sheets: SheetSnapshot[];
}

function isDateValue(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

function plainValue(value: unknown): SnapshotValue {
  if (value === null || value === undefined || value === '') return value === '' ? '' : null;
  if (isDateValue(value)) return new Date(value.getTime());
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

function rectOf(range: Range): Rect {
  return { row: range.getRow(), column: range.getColumn(), numRows: range.getNumRows(), numColumns: range.getNumColumns() };
}

function validationOf(v: GoogleAppsScript.Spreadsheet.DataValidation): ValidationSnapshot {
  const criteria = String(v.getCriteriaType());
  const values = Array.from(v.getCriteriaValues() ?? []);
  const common = { allowInvalid: !!v.getAllowInvalid(), help: String(v.getHelpText() ?? '') };
  if (criteria === 'VALUE_IN_LIST') return { kind: 'list', values: Array.from((values[0] ?? []) as unknown[]).map(String), ...common };
  if (criteria === 'DATE_IS_VALID_DATE') return { kind: 'date', ...common };
  if (criteria === 'NUMBER_GREATER_THAN_OR_EQUAL_TO') return { kind: 'numberAtLeast', min: Number(values[0]), ...common };
  if (criteria === 'NUMBER_BETWEEN') return { kind: 'numberBetween', min: Number(values[0]), max: Number(values[1]), ...common };
  return { kind: 'other', criteria, ...common };
}

/** Validations of the whole sheet grouped into vertical runs of equal rules (one key per rule's content). */
function readValidations(sheet: Sheet): SheetSnapshot['validations'] {
  const rows = sheet.getMaxRows();
  const columns = sheet.getMaxColumns();
  if (rows < 1 || columns < 1) return [];
  const grid = sheet.getRange(1, 1, rows, columns).getDataValidations();
  const runs: SheetSnapshot['validations'] = [];
  for (let c = 0; c < columns; c++) {
    let start = -1;
    let key = '';
    let current: ValidationSnapshot | null = null;
    const close = (end: number) => {
      if (current && start >= 0)
        runs.push({ rect: { row: start + 1, column: c + 1, numRows: end - start, numColumns: 1 }, validation: current });
    };
    for (let r = 0; r <= rows; r++) {
      const v = r < rows ? grid[r][c] : null;
      const snap = v ? validationOf(v) : null;
      const k = snap ? JSON.stringify(snap) : '';
      if (k !== key) {
        close(r);
        start = snap ? r : -1;
        key = k;
        current = snap;
      }
    }
  }
  return runs;
}

function readRules(sheet: Sheet): ConditionalRuleSnapshot[] {
  return sheet.getConditionalFormatRules().map((rule) => {
    const condition = rule.getBooleanCondition();
    const ranges = rule.getRanges().map(rectOf);
    if (!condition) return { criteria: 'GRADIENT', values: [], background: null, fontColor: null, bold: null, ranges };
    return {
      criteria: String(condition.getCriteriaType()),
      values: Array.from(condition.getCriteriaValues() ?? []).map((v) => String(v)),
      background: condition.getBackground() ?? null,
      fontColor: condition.getFontColor() ?? null,
      bold: condition.getBold() ?? null,
      ranges,
    };
  });
}

/** Chart option names a chart may carry; ChartOptions has no way to list the keys it holds. */
const CHART_OPTION_KEYS = [
  'title',
  'isStacked',
  'colors',
  'legend',
  'legend.position',
  'hAxis',
  'hAxis.title',
  'hAxis.format',
  'vAxis',
  'vAxis.title',
  'vAxis.format',
  'series',
  'pieHole',
  'width',
  'height',
  'pieSliceText',
] as const;

function readCharts(sheet: Sheet): ChartSnapshot[] {
  return sheet.getCharts().map((chart) => {
    const options: Record<string, unknown> = {};
    const stored = chart.getOptions();
    for (const key of CHART_OPTION_KEYS) {
      const value = stored.get(key);
      if (value !== null && value !== undefined) options[key] = JSON.parse(JSON.stringify(value));
    }
    const container = chart.getContainerInfo();
    return {
      type: String(chart.modify().getChartType()),
      ranges: chart.getRanges().map(rectOf),
      options,
      anchor: { row: container.getAnchorRow(), column: container.getAnchorColumn() },
      numHeaders: chart.getNumHeaders(),
    };
  });
}

/** One sheet as plain data (see SheetSnapshot). */
export function snapshotSheet(sheet: Sheet): SheetSnapshot {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  const empty = lastRow < 1 || lastColumn < 1;
  const range = empty ? null : sheet.getRange(1, 1, lastRow, lastColumn);
  const columnWidths: number[] = [];
  const hiddenColumns: number[] = [];
  for (let c = 1; c <= Math.max(lastColumn, 0); c++) {
    columnWidths.push(sheet.getColumnWidth(c));
    if (sheet.isColumnHiddenByUser(c)) hiddenColumns.push(c);
  }
  return {
    name: sheet.getName(),
    values: range ? range.getValues().map((row) => row.map(plainValue)) : [],
    formats: range ? range.getNumberFormats().map((row) => row.map((f) => String(f ?? ''))) : [],
    bold: range ? range.getFontWeights().map((row) => row.map((w) => w === 'bold')) : [],
    italic: range ? range.getFontStyles().map((row) => row.map((st) => st === 'italic')) : [],
    notes: range ? range.getNotes().map((row) => row.map((n) => String(n ?? ''))) : [],
    backgrounds: range ? range.getBackgrounds().map((row) => row.map((b) => (b && b !== '#ffffff' ? b : null))) : [],
    frozenRows: sheet.getFrozenRows(),
    frozenColumns: sheet.getFrozenColumns(),
    columnWidths,
    hiddenColumns,
    validations: readValidations(sheet),
    rules: readRules(sheet),
    charts: readCharts(sheet),
    tabColor: sheet.getTabColor() ?? null,
  };
}

/** Every sheet of the spreadsheet, in tab order. */
export function snapshotSpreadsheet(ss: Spreadsheet): SpreadsheetSnapshot {
  return { name: ss.getName(), timeZone: ss.getSpreadsheetTimeZone(), sheets: ss.getSheets().map(snapshotSheet) };
}

/** The values of a rectangle of a sheet snapshot (cells outside the data range are null). */
export function valuesIn(sheet: SheetSnapshot, rect: Rect): SnapshotValue[][] {
  const out: SnapshotValue[][] = [];
  for (let r = 0; r < rect.numRows; r++) {
    const row: SnapshotValue[] = [];
    for (let c = 0; c < rect.numColumns; c++) row.push(sheet.values[rect.row - 1 + r]?.[rect.column - 1 + c] ?? null);
    out.push(row);
  }
  return out;
}

/** The number format of one cell of a sheet snapshot ('' outside the data range). */
export function formatAt(sheet: SheetSnapshot, row: number, column: number): string {
  return sheet.formats[row - 1]?.[column - 1] ?? '';
}
