/**
 * Puts input data into the in-memory twin the way a user would have it in Google Sheets: the Form's
 * responses sheet «Ответы на форму (1)» linked to its form, «Результаты ОП» and «Риски» imported
 * from CSV. CSV text is converted as Sheets' import does: a plain dot-decimal number becomes a
 * number, a «dd.MM.yyyy H:mm:ss» timestamp (Moscow time) becomes a Date, TRUE/FALSE become
 * booleans, anything else stays text — so «1 384», «26,3 %» and «2023/24» stay text, as they do
 * in Sheets (the add-in must read such text itself, or report it on «Проверка данных»).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from './csv';
import { readUserTable } from './readUserFiles';
import { SHEET_NAMES } from '../../src/sheets/names';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SAMPLES_DIR = path.join(ROOT, 'samples');

/** The name Google Forms gives the responses sheet it creates in a spreadsheet. */
export const RESPONSES_SHEET_NAME = 'Ответы на форму (1)';
export const RESULTS_SHEET_NAME = SHEET_NAMES.results;
export const RISKS_SHEET_NAME = SHEET_NAMES.risks;

const MOSCOW_OFFSET_MS = 3 * 3600 * 1000;
const NUMBER_TEXT = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
const TIMESTAMP_TEXT = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** What seeding needs of the twin (emulator/load.ts); kept structural so the seeding code is easy to test. */
export interface SeedableTwin {
  addSheet(name: string, rows: unknown[][]): unknown;
  /** Makes the sheet a form's responses sheet, so sheet.getFormUrl() returns the form's URL. */
  linkForm?(sheetName: string): unknown;
}

/** A wall-clock date and time in Moscow → the instant, or null when the parts are not a real date. */
function moscowDate(year: number, month: number, day: number, h: number, m: number, s: number): Date | null {
  if (month < 1 || month > 12 || day < 1 || h > 23 || m > 59 || s > 59) return null;
  const utc = Date.UTC(year, month - 1, day, h, m, s);
  const check = new Date(utc);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  return new Date(utc - MOSCOW_OFFSET_MS);
}

/** One CSV cell as Sheets stores it after an import with «convert text to numbers and dates» (see the module comment). */
export function importCell(text: string): string | number | boolean | Date {
  const t = text.trim();
  if (t === '') return '';
  if (NUMBER_TEXT.test(t)) return Number(t);
  if (t === 'TRUE' || t === 'FALSE') return t === 'TRUE';
  const m = TIMESTAMP_TEXT.exec(t);
  if (m) {
    const date = moscowDate(+m[3], +m[2], +m[1], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
    if (date) return date;
  }
  return text;
}

/** Every cell of CSV rows converted with importCell; the header row stays text. */
export function importRows(rows: readonly (readonly string[])[]): unknown[][] {
  return rows.map((row, i) => (i === 0 ? [...row] : row.map(importCell)));
}

/** Pads rows to one width (a sheet is rectangular; CSV rows need not be). */
function rectangular(rows: unknown[][]): unknown[][] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => (r.length < width ? [...r, ...new Array(width - r.length).fill('')] : r));
}

function readSampleCsv(file: string): unknown[][] {
  return importRows(parseCsv(readFileSync(path.join(SAMPLES_DIR, file), 'utf8')));
}

function addResponsesSheet(twin: SeedableTwin, name: string, rows: unknown[][]): void {
  twin.addSheet(name, rectangular(rows));
  if (twin.linkForm) twin.linkForm(name);
}

export interface SeedSampleOptions {
  /** Name of the Form's responses sheet (default «Ответы на форму (1)»). */
  responsesName?: string;
  /** Rows appended to the responses after the sample's, in the sample's column order; text cells are converted as an import would. */
  extraResponses?: unknown[][];
}

/** Loads the bundled sample region (samples/*.csv) into the twin: the responses sheet, «Результаты ОП» and «Риски». */
export function seedSample(twin: SeedableTwin, options: SeedSampleOptions = {}): void {
  const responses = readSampleCsv('responses.csv');
  for (const row of options.extraResponses ?? []) responses.push(row.map((c) => (typeof c === 'string' ? importCell(c) : c)));
  addResponsesSheet(twin, options.responsesName ?? RESPONSES_SHEET_NAME, responses);
  twin.addSheet(RESULTS_SHEET_NAME, rectangular(readSampleCsv('results.csv')));
  twin.addSheet(RISKS_SHEET_NAME, rectangular(readSampleCsv('risks.csv')));
}

export interface UserFiles {
  responses: string;
  results: string;
  risks?: string;
  /** «Группы»: Код ОО | Группа (docs/методика.md §9). */
  groups?: string;
}

/**
 * Loads the user's files (CSV as Google Sheets downloads it, or XLSX) into the twin under the same sheet names as the
 * sample. Throws InputFileError (Russian message) for a missing or unreadable file.
 */
export async function seedFiles(twin: SeedableTwin, files: UserFiles): Promise<void> {
  const load = async (file: string, role: string) => {
    const table = await readUserTable(file, role);
    return rectangular(table.isText ? importRows(table.rows as string[][]) : table.rows);
  };
  const responses = await load(files.responses, 'ответы формы «Социальный паспорт школы»');
  const results = await load(files.results, 'результаты оценочных процедур');
  const risks = files.risks ? await load(files.risks, 'риски') : null;
  const groups = files.groups ? await load(files.groups, 'группы школ') : null;
  addResponsesSheet(twin, RESPONSES_SHEET_NAME, responses);
  twin.addSheet(RESULTS_SHEET_NAME, results);
  if (risks) twin.addSheet(RISKS_SHEET_NAME, risks);
  if (groups) twin.addSheet(SHEET_NAMES.groups, groups);
}
