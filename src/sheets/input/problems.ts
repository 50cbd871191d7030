/**
 * The one problem builder of the input sheets (docs/методика.md §1): every line of «Проверка данных» a reader
 * writes names the sheet, and as far as the problem allows the row, the column (its header as in the sheet) and
 * the value as the user sees it.
 */
import { quoteValue } from '../../core/numbers';
import type { Problem } from '../problems';

export type { Problem };

/** Where a problem is: the 1-based sheet row, the column's header, the raw cell value, the school's code. */
export interface ProblemPlace {
  row: number;
  column: string;
  value?: unknown;
  schoolCode?: string;
}

/** A problem of the whole sheet (no row, no column). */
export function sheetProblem(sheet: string, problem: string, action: string): Problem {
  return { sheet, row: null, schoolCode: '', field: '', value: '', problem, action };
}

/** A problem of one column, named by its header, placed on the header row. */
export function columnProblem(sheet: string, header: string, problem: string, action: string, headerRow = 1): Problem {
  return { sheet, row: headerRow, schoolCode: '', field: header, value: '', problem, action };
}

/** A problem of one cell: its row, its column's header and its value quoted as the user sees it (quoteValue). */
export function cellProblem(sheet: string, place: ProblemPlace, problem: string, action: string): Problem {
  return {
    sheet,
    row: place.row,
    schoolCode: place.schoolCode ?? '',
    field: place.column,
    value: quoteValue(place.value),
    problem,
    action,
  };
}
