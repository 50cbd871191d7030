/**
 * CSV shaped like Google Sheets' «Скачать → CSV»: UTF-8 without BOM, comma separated, a field quoted
 * only when it holds a comma, a quote or a line break (quotes doubled), rows joined by CRLF with no line
 * break after the last row. Reading goes through papaparse (delimited.ts); the writer is the few lines
 * that give Sheets' exact bytes.
 */
import { DelimitedTextError, parseDelimited } from './delimited';

const MOSCOW_OFFSET_MS = 3 * 3600 * 1000;

/** Rows are joined with CRLF, as Sheets' CSV download does; `parseCsv` accepts LF too. */
export const CSV_LINE_ENDING = '\r\n';

/**
 * Parses comma-separated text into rows of strings (papaparse, see delimited.ts). Quoted fields may hold
 * commas, doubled quotes and line breaks; rows end with CRLF, LF or (old Mac) CR; one trailing line break
 * does not add a row. An unclosed quote throws.
 */
export function parseCsv(text: string): string[][] {
  try {
    return parseDelimited(text, ',').rows;
  } catch (error) {
    if (error instanceof DelimitedTextError) throw new Error(`CSV: unterminated quoted field (line ${error.line})`, { cause: error });
    throw error;
  }
}

const pad2 = (x: number) => String(x).padStart(2, '0');

/** A timestamp as Sheets shows it in a Russian-locale spreadsheet (Europe/Moscow): «dd.MM.yyyy H:mm:ss». */
export function formatSheetsTimestamp(date: Date): string {
  const d = new Date(date.getTime() + MOSCOW_OFFSET_MS);
  return (
    `${pad2(d.getUTCDate())}.${pad2(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ` +
    `${d.getUTCHours()}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`
  );
}

/** One getValues() cell as CSV text: Date → «dd.MM.yyyy H:mm:ss», number → dot decimal, boolean → TRUE/FALSE. */
export function csvCellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return formatSheetsTimestamp(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

function quoteField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes rows (strings, numbers, Dates, "" …) as CSV; rows joined by `lineEnding`, none after the last. */
export function toCsv(rows: readonly (readonly unknown[])[], lineEnding: string = CSV_LINE_ENDING): string {
  return rows.map((row) => row.map((cell) => quoteField(csvCellText(cell))).join(',')).join(lineEnding);
}
