/**
 * A description of one output sheet as plain data: what core's tables look like in Sheets.
 * Layout modules (src/sheets/outputs/) build these from the report; src/sheets/writer.ts writes them
 * with a fixed number of service calls whatever the number of rows.
 */

import type { GridSize } from '../core/cellBudget';

export type CellValue = string | number | boolean | Date | null;

export interface ColumnSpec {
  header: string;
  /** Number format of the data cells, e.g. '0.0', '0%', '@' (text), 'dd.MM.yyyy'. */
  format?: string;
  /** Column width in pixels. */
  width?: number;
}

/** A conditional rule over the data rows (row 1 of `applyTo` is the first data row). */
export type RuleSpec =
  | { kind: 'textEqual'; column: number; text: string; background: string; fontColor?: string }
  /** Highlights whole data rows where the cell of `column` equals `text`. */
  | { kind: 'rowWhenEqual'; column: number; text: string; background: string; bold?: boolean }
  /** Highlights whole data rows where a formula (written for the first data row, e.g. `=AND($E5<>"";$E5<TODAY())`) holds. */
  | { kind: 'rowWhenFormula'; formula: string; background: string; fontColor?: string };

export type ChartKind = 'COLUMN' | 'BAR' | 'PIE' | 'LINE';

export interface ChartSpec {
  kind: ChartKind;
  title: string;
  /** Ranges in sheet coordinates (1-based), each a column block with its header in the first row. */
  ranges: Array<{ row: number; column: number; numRows: number; numColumns: number }>;
  /** Anchor cell of the chart's top-left corner. */
  anchor: { row: number; column: number };
  stacked?: boolean;
  /** Extra chart options (Sheets' EmbeddedChartBuilder.setOption keys). */
  options?: Record<string, unknown>;
}

/** A small extra table placed on the same sheet (e.g. a chart's data beside the main table). */
export interface BlockSpec {
  row: number;
  column: number;
  values: CellValue[][];
  /** One number format per column of the block, applied below its first row. */
  formats?: Array<string | null>;
  boldFirstRow?: boolean;
}

export interface SheetSpec {
  name: string;
  /** Caption lines above the header (what the table counts and for which year). */
  caption?: string[];
  columns: ColumnSpec[];
  rows: CellValue[][];
  /** Number formats of single data rows (0-based like `rows`) that differ from their columns', e.g. a count in a percent column. */
  rowFormats?: Record<number, string[]>;
  /** A note on the first header cell (e.g. the colour legend). */
  headerNote?: string;
  rules?: RuleSpec[];
  charts?: ChartSpec[];
  blocks?: BlockSpec[];
  /** Bold rows (0-based indexes into `rows`), e.g. a total row. */
  boldRows?: number[];
  /** Add a filter over the table. */
  filter?: boolean;
  tabColor?: string;
  /** Data validations on whole data columns (0-based column index). */
  validations?: ValidationSpec[];
  /** Protect the rows above the data (caption and header) with a warning only. */
  protectHeader?: string;
  /** Columns to hide (0-based), e.g. technical ids. */
  hiddenColumns?: number[];
  /** Rows to leave empty below the data (e.g. for people to add roadmap rows with validations). */
  spareRows?: number;
}

export type ValidationSpec =
  | { kind: 'list'; column: number; values: string[]; allowInvalid?: boolean; help?: string }
  | { kind: 'date'; column: number; help?: string }
  | { kind: 'numberAtLeast'; column: number; min: number; help?: string };

/** 1-based sheet row of the header: one row per caption line, then a blank row. */
export function headerRowOf(spec: Pick<SheetSpec, 'caption'>): number {
  return spec.caption && spec.caption.length ? spec.caption.length + 2 : 1;
}

/** Room kept for an embedded chart below and right of its anchor cell (Sheets draws it over about this many cells). */
const CHART_ROWS = 20;
const CHART_COLUMNS = 6;

/**
 * The grid a sheet written from `spec` is cut to (src/sheets/writer.ts): its caption, header, rows and spare rows, its
 * blocks and the room of its charts, and at least one row below the header, since Sheets will not freeze or keep a
 * sheet with no unfrozen row. The cell budget of a run adds these up.
 */
export function gridOf(spec: SheetSpec): GridSize {
  const headerRow = headerRowOf(spec);
  let rows = Math.max(headerRow + spec.rows.length + (spec.spareRows ?? 0), headerRow + 1);
  let columns = spec.columns.length;
  for (const block of spec.blocks ?? []) {
    rows = Math.max(rows, block.row + block.values.length - 1);
    columns = Math.max(columns, block.column + Math.max(...block.values.map((r) => r.length)) - 1);
  }
  for (const chart of spec.charts ?? []) {
    for (const r of chart.ranges) {
      rows = Math.max(rows, r.row + r.numRows - 1);
      columns = Math.max(columns, r.column + r.numColumns - 1);
    }
    rows = Math.max(rows, chart.anchor.row + CHART_ROWS);
    columns = Math.max(columns, chart.anchor.column + CHART_COLUMNS);
  }
  return { rows, columns };
}
