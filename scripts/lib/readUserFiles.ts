/**
 * Reads the user's own input files for the local runner (Node side only, never in build/Code.js) into tables:
 * - CSV, TSV and TXT as Google Sheets and Excel save them: the encoding (UTF-8 with or without BOM,
 *   Windows-1251, UTF-16 «Текст Юникод») by textEncoding.ts, the separator («,», «;», tab) by delimited.ts;
 * - XLSX: every worksheet, cells as the user sees them (workbook.ts).
 * Which table holds what, and where its header row is, is decided later (inputTables.ts) by the add-in's own
 * readers. A problem the user can fix ends in an InputFileError with a Russian message naming the file.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { decodeText } from './textEncoding';
import { DelimitedTextError, delimiterName, parseDelimited } from './delimited';
import { readWorkbook } from './workbook';

/** A problem with an input file that the user can fix (missing, unreadable, wrong kind). */
export class InputFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputFileError';
  }
}

/** One table of an input file: a CSV file's only table or one worksheet of a workbook. */
export interface SourceTable {
  file: string;
  /** The worksheet's name; null for a text file (it has one table). */
  sheet: string | null;
  rows: unknown[][];
  /** True for text files (every cell is text and gets Sheets' import conversion); false for XLSX (cells are typed). */
  isText: boolean;
  /** How a text file was read, for the runner's progress line («UTF-8, разделитель «,»»); '' for XLSX. */
  format: string;
}

/** Where a table is, as the runner's messages name it: «результаты.xlsx, лист «2024»» or «ответы.csv». */
export function tableLabel(table: Pick<SourceTable, 'file' | 'sheet'>): string {
  const base = path.basename(table.file);
  return table.sheet === null ? base : `${base}, лист «${table.sheet}»`;
}

const TEXT_EXTENSIONS = new Set(['.csv', '.tsv', '.txt', '.tab']);
const XLSX_EXTENSIONS = new Set(['.xlsx', '.xlsm']);

const HOW_TO_SAVE =
  'нужен CSV или TXT (из Google Таблиц «Файл → Скачать → CSV»; из Excel «Сохранить как → CSV UTF-8», «CSV (разделители — запятые)» или «Текст Юникод») либо XLSX';

/** Reads a CSV/TSV/TXT or XLSX file into its tables; `role` is the Russian name of the input, used in messages (e.g. «ответы формы»). */
export async function readUserTables(file: string, role: string): Promise<SourceTable[]> {
  if (!existsSync(file)) throw new InputFileError(`Файл не найден (${role}): ${file}`);
  if (!statSync(file).isFile()) throw new InputFileError(`Это не файл (${role}): ${file}`);
  const ext = path.extname(file).toLowerCase();
  if (XLSX_EXTENSIONS.has(ext)) return readXlsxTables(file, role);
  if (TEXT_EXTENSIONS.has(ext)) return [readTextTable(file, role)];
  if (ext === '.xls')
    throw new InputFileError(
      `Файл ${file} (${role}) в старом формате Excel 97–2003 (.xls): откройте его в Excel и сохраните как «Книга Excel (*.xlsx)».`,
    );
  if (ext === '.ods') throw new InputFileError(`Файл ${file} (${role}) в формате OpenDocument (.ods): сохраните его как XLSX или CSV.`);
  throw new InputFileError(`Файл ${file} (${role}) не прочитать: ${HOW_TO_SAVE}.`);
}

function readTextTable(file: string, role: string): SourceTable {
  const { text, encoding } = decodeText(readFileSync(file));
  let parsed;
  try {
    parsed = parseDelimited(text);
  } catch (error) {
    if (error instanceof DelimitedTextError) throw new InputFileError(`Файл ${file} (${role}) не читается как таблица: ${error.message}.`);
    throw error;
  }
  const rows = parsed.rows;
  if (!rows.some((r) => r.some((c) => c.trim() !== ''))) throw new InputFileError(`Файл ${file} (${role}) пуст.`);
  return { file, sheet: null, rows, isText: true, format: `${encoding}, разделитель ${delimiterName(parsed.delimiter)}` };
}

async function readXlsxTables(file: string, role: string): Promise<SourceTable[]> {
  let sheets;
  try {
    sheets = await readWorkbook(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputFileError(`Файл ${file} (${role}) не читается как XLSX: ${reason}.`);
  }
  if (!sheets.length) throw new InputFileError(`В файле ${file} (${role}) нет ни одного листа.`);
  return sheets.map((s) => ({ file, sheet: s.name, rows: s.rows, isText: false, format: '' }));
}
