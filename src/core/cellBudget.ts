/**
 * Google Sheets allows at most 10 million cells in a spreadsheet, counted over every sheet's whole grid.
 * These estimates let a run refuse before writing anything instead of failing half-way.
 */
export const SHEETS_CELL_LIMIT = 10_000_000;

/** A new sheet's grid is at least 1000 rows × 26 columns. */
const MIN_ROWS = 1000;
const MIN_COLUMNS = 26;
/** A new sheet's default grid. */
export const NEW_SHEET_CELLS = MIN_ROWS * MIN_COLUMNS;
/**
 * A roadmap sheet is cut to its table: 8 title rows, at most about 40 measures and 20 spare rows, 12 columns,
 * so under 70 × 12 = 840 cells; 1000 leaves room for a region's own longer catalog.
 */
export const ROADMAP_SHEET_CELLS = 1_000;

function grid(rows: number, columns: number): number {
  return Math.max(MIN_ROWS, rows) * Math.max(MIN_COLUMNS, columns);
}

/** What the sheets of years need to know besides the schools (docs/методика.md §9). */
export interface HistoryShape {
  /** Years of «Результаты ОП» up to Y. */
  years: number;
  /** School years of the form's answers shown on «История» (0 when there is one). */
  schoolYears: number;
  municipalities: number;
  /** Rows of the group tables: groups of «Группы», town / village and municipalities. */
  groupRows: number;
}

const NO_HISTORY: HistoryShape = { years: 0, schoolYears: 0, municipalities: 0, groupRows: 0 };

/** The nine canonical procedures: «История» has at most one share column per canonical procedure and year. */
const CANONICAL_COUNT = 9;

/**
 * Cells the output sheets of «Рассчитать всё» need for `schools` schools, `procedures` procedures and `factors` factors in
 * use, and the years of `history`, counted as if each kept at least a new sheet's 1000 × 26 grid. The writer cuts grids
 * to size, so for small regions this errs on the safe side by at most a few hundred thousand cells; per-school sheets
 * grow with the schools.
 */
export function estimateOutputCells(schools: number, procedures: number, factors: number, history: HistoryShape = NO_HISTORY): number {
  const rows = schools + 5;
  const { years, schoolYears, municipalities, groupRows } = history;
  const perSchoolSheets =
    grid(rows, 19 + 9) + // «ИСБШ», its chart data and the chart's anchor column
    grid(rows, 11 + 2 * procedures + 4) + // «ШНОР» and the cluster table
    grid(rows, 6 + 2 * factors + 5) + // «Риск-профили» and the top-5 table
    grid(rows, 4 + 2 * years + 3 + CANONICAL_COUNT * years + 2 * schoolYears + 1); // «История»
  const summarySheets =
    5 * grid(0, 0) + // «Динамика», «Динамика кластеров», «Муниципалитеты», «Показатели», «Проверка данных»
    grid(municipalities + 1 + 6 + years + 1 + 3 + 20, Math.max(2 + 3 * years, 12)) + // «ШНОР по годам», its chart data and chart
    grid(groupRows * (procedures + 1) + 5, 16) + // «Динамика по группам»
    grid(groupRows + 5, 12 + 1 + 9); // «Кластеры по группам» and the town / village risk table
  return perSchoolSheets + summarySheets;
}

/** The largest number of schools whose outputs fit in `freeCells`. */
export function schoolsThatFit(freeCells: number, procedures: number, factors: number, history: HistoryShape = NO_HISTORY): number {
  let lo = 0;
  let hi = 10_000_000;
  if (estimateOutputCells(0, procedures, factors, history) > freeCells) return 0;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (estimateOutputCells(mid, procedures, factors, history) <= freeCells) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Cells a roadmap run adds: its roadmap sheets, and the reference and monitoring sheets it has to create. */
export function estimateRoadmapCells(roadmaps: number, newSheets: number): number {
  return roadmaps * ROADMAP_SHEET_CELLS + newSheets * NEW_SHEET_CELLS;
}
