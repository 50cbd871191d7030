/**
 * Reads the user's own input files for `npm run demo -- --responses FILE --results FILE`: CSV as
 * Google Sheets downloads it (UTF-8, comma, quoted fields) or XLSX (the first worksheet, read with
 * exceljs). A problem the user can fix ends in an InputFileError with a Russian message.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parseCsv } from './csv';

/** A problem with an input file that the user can fix (missing, unreadable, wrong kind). */
export class InputFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputFileError';
  }
}

/** A table read from a file: raw rows and whether its cells still need Sheets' import conversion (CSV text does). */
export interface ReadTable {
  rows: unknown[][];
  /** True for CSV (every cell is text); false for XLSX (cells are already typed). */
  isText: boolean;
}

const MOSCOW_OFFSET_MS = 3 * 3600 * 1000;

/** Reads a CSV or XLSX file; `role` is the Russian name of the input, used in messages (e.g. «ответы формы»). */
export async function readUserTable(file: string, role: string): Promise<ReadTable> {
  if (!existsSync(file)) throw new InputFileError(`Файл не найден (${role}): ${file}`);
  if (!statSync(file).isFile()) throw new InputFileError(`Это не файл (${role}): ${file}`);
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx') return { rows: await readXlsx(file, role), isText: false };
  if (ext === '.csv' || ext === '.txt') return { rows: readCsvFile(file, role), isText: true };
  throw new InputFileError(
    `Файл ${file} (${role}) не прочитать: нужен CSV («Файл → Скачать → CSV») или XLSX («Файл → Скачать → Microsoft Excel»).`,
  );
}

function readCsvFile(file: string, role: string): string[][] {
  const buffer = readFileSync(file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw new InputFileError(
      `Файл ${file} (${role}) не в кодировке UTF-8. Скачайте его из Google Таблиц («Файл → Скачать → CSV») или сохраните как «CSV UTF-8».`,
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let rows: string[][];
  try {
    rows = parseCsv(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputFileError(`Файл ${file} (${role}) не читается как CSV: ${reason}.`);
  }
  rows = dropEmptyRows(rows);
  if (rows.length === 0) throw new InputFileError(`Файл ${file} (${role}) пуст.`);
  if (rows[0].length === 1 && rows[0][0].includes(';')) {
    throw new InputFileError(
      `Файл ${file} (${role}): столбцы разделены точкой с запятой, а нужна запятая. Скачайте файл из Google Таблиц («Файл → Скачать → CSV»).`,
    );
  }
  return rows;
}

function dropEmptyRows<T>(rows: T[][]): T[][] {
  return rows.filter((r) => r.some((c) => c !== '' && c !== null && c !== undefined));
}

async function readXlsx(file: string, role: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputFileError(`Файл ${file} (${role}) не читается как XLSX: ${reason}.`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new InputFileError(`В файле ${file} (${role}) нет ни одного листа.`);
  const width = sheet.columnCount;
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values: unknown[] = [];
    for (let c = 1; c <= width; c++) values.push(xlsxCellValue(row.getCell(c).value));
    rows[rowNumber - 1] = values;
  });
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = new Array(width).fill('');
  const filled = dropEmptyRows(rows);
  if (filled.length === 0) throw new InputFileError(`Первый лист файла ${file} (${role}) пуст.`);
  return filled;
}

/**
 * One exceljs cell value as Sheets' getValues() would give it: rich text and hyperlinks as their text, a formula as its
 * cached result, an error as its text. exceljs reads a date as the wall-clock time in UTC; the file's wall clock is
 * Moscow time (the Form's time zone), so the instant is moved back by three hours.
 */
export function xlsxCellValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return new Date(value.getTime() - MOSCOW_OFFSET_MS);
  if (typeof value !== 'object') return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result && typeof result === 'object' && 'error' in result) return String((result as { error: unknown }).error);
    return result === undefined ? '' : xlsxCellValue(result as ExcelJS.CellValue);
  }
  if ('hyperlink' in value) return (value as { text?: unknown }).text ?? '';
  if ('error' in value) return String(value.error);
  return String(value);
}
