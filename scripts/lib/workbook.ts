/**
 * An XLSX workbook read with exceljs into plain rows per sheet, each cell as the user sees it in Excel
 * (Node side only, never in build/Code.js):
 * - a date cell (exceljs reads the wall clock as UTC; Excel has no time zone) → the instant of that wall-clock
 *   time in Moscow, the Form's time zone; a number in a date-formatted cell that exceljs left a number (an
 *   Excel serial date) → the same;
 * - a percent-formatted number (0.263 shown as «26,3%») → the text «26,3 %», which the add-in reads as a
 *   share, and names as the user sees it when it is in a count column;
 * - a number formatted with leading zeros («000123» showing 123) → the text shown;
 * - rich text and hyperlinks → their text, a formula → its cached result, an error → its text («#DIV/0!»);
 * - a merged range → its value in every cell of the range (Excel shows one value over all of them).
 */
import ExcelJS from 'exceljs';

const MOSCOW_OFFSET_MS = 3 * 3600 * 1000;
const MS_PER_DAY = 86_400_000;
/** Excel serial day 0 in the 1900 system (1899-12-30, which absorbs Excel's phantom 29 February 1900) and in the 1904 system. */
const EPOCH_1900_MS = Date.UTC(1899, 11, 30);
const EPOCH_1904_MS = Date.UTC(1904, 0, 1);

export interface WorkbookSheet {
  name: string;
  /** Rows of cell values (see the module comment), "" for an empty cell, as wide as the sheet's widest filled row. */
  rows: unknown[][];
}

/** A number format's code without its quoted literals, escapes, colours and locale tags: what decides the kind of the format. */
function formatCore(numFmt: string): string {
  return numFmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
}

/** Whether a number format shows a date or a time (d, m, y, h, s codes outside literals; «General» is not one). */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const core = formatCore(numFmt).split(';')[0];
  return !/general/i.test(core) && /[dmyhs]/i.test(core) && !/[0#?]/.test(core.replace(/\.0+/g, ''));
}

/** Whether a number format shows a percent. */
export function isPercentFormat(numFmt: string | undefined): boolean {
  return !!numFmt && formatCore(numFmt).split(';')[0].includes('%');
}

/** A serial date of Excel (days since the epoch, the fraction being the time of day) → the instant of that wall-clock time in Moscow. */
export function excelSerialToDate(serial: number, date1904 = false): Date {
  const wallClockAsUtc = (date1904 ? EPOCH_1904_MS : EPOCH_1900_MS) + Math.round(serial * MS_PER_DAY);
  return new Date(wallClockAsUtc - MOSCOW_OFFSET_MS);
}

/** A fraction as Russians write a percent: 0.263 → «26,3 %» (all the digits the number has, so nothing is rounded away). */
export function percentText(x: number): string {
  const percent = Number((x * 100).toPrecision(12));
  return `${String(percent).replace('.', ',')} %`;
}

/** «000123» for 123 in the format «000000»: the zero padding the user sees. Null when the format pads nothing. */
function paddedText(x: number, numFmt: string | undefined): string | null {
  if (!numFmt || !Number.isInteger(x) || x < 0) return null;
  const m = /^0{2,}$/.exec(formatCore(numFmt).split(';')[0]);
  return m ? String(x).padStart(m[0].length, '0') : null;
}

/** One exceljs cell value with its number format → the value the user sees (see the module comment). */
export function xlsxCellValue(value: ExcelJS.CellValue, numFmt?: string, date1904 = false): unknown {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return new Date(value.getTime() - MOSCOW_OFFSET_MS);
  if (typeof value === 'number') {
    if (isDateFormat(numFmt)) return excelSerialToDate(value, date1904);
    if (isPercentFormat(numFmt)) return percentText(value);
    return paddedText(value, numFmt) ?? value;
  }
  if (typeof value !== 'object') return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result && typeof result === 'object' && 'error' in result) return String((result as { error: unknown }).error);
    return result === undefined ? '' : xlsxCellValue(result as ExcelJS.CellValue, numFmt, date1904);
  }
  if ('hyperlink' in value) return (value as { text?: unknown }).text ?? '';
  if ('error' in value) return String(value.error);
  return String(value);
}

const isEmpty = (v: unknown) => v === '' || v === null || v === undefined;

/** Every worksheet of the workbook, in order, as rows (trailing empty rows and columns dropped). Throws what exceljs throws for a file that is not XLSX. */
export async function readWorkbook(file: string): Promise<WorkbookSheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const date1904 = !!workbook.properties?.date1904;
  return workbook.worksheets.map((sheet) => {
    const rows: unknown[][] = [];
    let width = 0;
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const values: unknown[] = [];
      for (let c = 1; c <= sheet.columnCount; c++) {
        // A merged cell's value is its master's (exceljs), formatted as the master is.
        const cell = row.getCell(c);
        const source = cell.isMerged && cell.master ? cell.master : cell;
        values.push(xlsxCellValue(source.value, source.numFmt, date1904));
      }
      let last = values.length;
      while (last > 0 && isEmpty(values[last - 1])) last--;
      width = Math.max(width, last);
      rows.push(values);
    }
    while (rows.length && rows[rows.length - 1].every(isEmpty)) rows.pop();
    return { name: sheet.name, rows: rows.map((r) => r.slice(0, width)) };
  });
}
