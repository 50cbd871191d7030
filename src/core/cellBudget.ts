/**
 * Google Sheets allows at most 10 million cells in a spreadsheet, counted over every sheet's whole grid.
 * These counts let a run refuse before writing anything instead of failing half-way.
 */
export const SHEETS_CELL_LIMIT = 10_000_000;

/** A new sheet's default grid (1000 rows × 26 columns): every sheet a run inserts starts at it before it is cut. */
export const NEW_SHEET_CELLS = 1000 * 26;

/**
 * A roadmap sheet is cut to its table: 8 title rows, at most about 40 measures and 20 spare rows, 12 columns,
 * so under 70 × 12 = 840 cells; 1000 leaves room for a region's own longer catalog.
 */
export const ROADMAP_SHEET_CELLS = 1_000;

export interface GridSize {
  rows: number;
  columns: number;
}

/**
 * The most cells a run adds at once while it stages its outputs and puts them in place (docs/architecture.md,
 * «Writing in place»): every draft at its own size; for an output that already exists, a backup of the live sheet and the live
 * sheet grown to cover the draft in both dimensions, both held until every output is in place; and one new sheet's
 * default grid, which each inserted sheet passes through before it is cut (grids are cut before they grow).
 */
export function runPeakCells(outputs: ReadonlyArray<{ draft: GridSize; live: GridSize | null }>): number {
  let cells = NEW_SHEET_CELLS;
  for (const { draft, live } of outputs) {
    cells += draft.rows * draft.columns;
    // The backup takes the live sheet's cells, and the live sheet grows to max × max: together the grown size more.
    if (live) cells += Math.max(live.rows, draft.rows) * Math.max(live.columns, draft.columns);
  }
  return cells;
}

/** An output of a run for the budget: its draft, the draft's rows of schools' data, and the live sheet if any. */
export interface BudgetedOutput {
  draft: GridSize;
  /** Data rows of the draft; a sheet with a row per school (as many data rows as schools, or more) shrinks with them. */
  dataRows: number;
  live: GridSize | null;
}

/**
 * About how many of `schools` schools would fit in `freeCells`: the largest number whose run's peak (`runPeakCells`)
 * fits, with the sheets that have a row per school cut in proportion and everything else as it is — the live sheets
 * of an earlier run and the default grid do not shrink with fewer schools.
 */
export function schoolsThatFit(schools: number, freeCells: number, outputs: ReadonlyArray<BudgetedOutput>): number {
  const peakFor = (n: number) =>
    runPeakCells(
      outputs.map(({ draft, dataRows, live }) => {
        const rows = schools > 0 && dataRows >= schools ? draft.rows - dataRows + Math.ceil((dataRows * n) / schools) : draft.rows;
        return { draft: { rows, columns: draft.columns }, live };
      }),
    );
  if (peakFor(0) > freeCells) return 0;
  let lo = 0;
  let hi = schools;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (peakFor(mid) <= freeCells) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Cells a roadmap run adds: its roadmap sheets, and the reference and monitoring sheets it has to create. */
export function estimateRoadmapCells(roadmaps: number, newSheets: number): number {
  return roadmaps * ROADMAP_SHEET_CELLS + newSheets * NEW_SHEET_CELLS;
}
