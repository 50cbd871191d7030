/**
 * From the tables of an input file (readUserFiles.ts) to the one sheet the add-in reads (Node side only):
 * which tables hold the input, where their header row is, and which source row every row of the sheet comes
 * from. Whether a row is a header the add-in reads is asked of the add-in's own readers (recognise.ts).
 *
 * - The header row is the first of the top rows that the reader accepts (a row mostly of numbers and dates is data,
 *   never a header): title rows, a merged caption and blank rows above it are left out; so is a row of column numbers «1 2 3 …» right below it, as official forms have.
 *   A header of two rows (a merged group caption over its sub-columns) is read as their texts joined.
 * - Every table whose header is accepted is used: a results workbook with one sheet per year is read whole
 *   (a sheet «2024» with no year column gets «Год» from its name); a table whose header has the same texts in
 *   another order is put in the first table's order. A table that is not used is named, with why.
 */
import type { SourceTable } from './readUserFiles';
import { tableLabel } from './readUserFiles';
import type { HeaderVerdict } from './recognise';

/** How one input of the runner is recognised (the spec of an input file, see inputFiles.ts). */
export interface InputRecognition {
  /** Whether the add-in reads a table with this header row; absent = the first non-blank row is the header. */
  header?: (headers: readonly string[]) => HeaderVerdict;
  /** A column to add, from the sheet's name, to a table whose header is not read as it is (results: «Год» from a sheet «2024»). */
  columnFromSheetName?: (sheetName: string) => { header: string; value: unknown } | null;
}

/** Where a row of the seeded sheet comes from: the file (and sheet) and the 1-based row there. */
export interface RowOrigin {
  label: string;
  row: number;
}

export interface SkippedTable {
  table: SourceTable;
  label: string;
  /** Why it is not used, in Russian. */
  problem: string;
  /** True when it holds a table of data (several rows of several values), not text such as an «Инструкция». */
  tabular: boolean;
}

export interface LocatedInput {
  /** Header row first, then every data row (cells as the tables hold them, text cells converted by `convert`). */
  rows: unknown[][];
  /** origins[i] is where rows[i] comes from. */
  origins: RowOrigin[];
  used: SourceTable[];
  skipped: SkippedTable[];
  /** What was left out or added on the way, in Russian, for the runner's progress lines. */
  notes: string[];
}

/** Rows looked at for the header. */
const HEADER_SEARCH_ROWS = 30;

const text = (v: unknown): string => (v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : String(v)).trim();
const isBlank = (v: unknown) => text(v) === '';

function headerTexts(row: readonly unknown[] | undefined, width: number): string[] {
  return Array.from({ length: width }, (_, i) => text(row?.[i]));
}

/** The texts of two header rows joined column by column (a group caption over its sub-columns), each part once. */
function joinedHeader(top: readonly string[], bottom: readonly string[]): string[] {
  return top.map((t, i) => [...new Set([t, bottom[i]].filter((x) => x !== ''))].join(' '));
}

/** A row of column numbers «1, 2, 3 …» (at least three, in order from 1): the numbering of official forms. */
function isNumberingRow(row: readonly unknown[] | undefined): boolean {
  const cells = (row ?? []).filter((c) => !isBlank(c)).map(text);
  return cells.length >= 3 && cells.every((c, i) => c === String(i + 1));
}

/** A cell that holds a number or a date, typed or as text: a header has words, a data row has these. */
function isValueCell(v: unknown): boolean {
  if (typeof v === 'number' || v instanceof Date) return true;
  return typeof v === 'string' && /^(?:[-+−]?\d[\d\s\u00a0]*(?:[.,]\d+)?\s*%?|\d{1,2}\.\d{1,2}\.\d{4}(?:\s.*)?)$/.test(v.trim());
}

/** A row whose filled cells are mostly numbers and dates is data, never the header (a lenient reader could take «3» for a column title). */
function isDataLike(row: readonly unknown[] | undefined): boolean {
  const filled = (row ?? []).filter((c) => !isBlank(c));
  return filled.filter(isValueCell).length * 2 > filled.length;
}

function isTabular(rows: readonly unknown[][]): boolean {
  return rows.filter((r) => r.filter((c) => !isBlank(c)).length >= 3).length >= 2;
}

interface Found {
  /** 0-based index of the first data row. */
  dataStart: number;
  header: string[];
  /** 0-based rows the header was taken from. */
  headerRows: number[];
  extra: { header: string; value: unknown } | null;
}

/** The header of one table, or the reader's problem with its most likely header row. */
function findHeader(table: SourceTable, recognition: InputRecognition): Found | { problem: string } {
  const width = table.rows.reduce((w, r) => Math.max(w, r.length), 0);
  const firstFilled = table.rows.findIndex((r) => r.some((c) => !isBlank(c)));
  if (firstFilled < 0) return { problem: 'лист пуст' };
  if (!recognition.header)
    return { dataStart: firstFilled + 1, header: headerTexts(table.rows[firstFilled], width), headerRows: [firstFilled], extra: null };
  const extra = table.sheet !== null ? (recognition.columnFromSheetName?.(table.sheet) ?? null) : null;
  const accept = (header: string[]) => {
    if (recognition.header!(header).ok) return { ok: true as const, extra: null };
    if (extra && recognition.header!([...header, extra.header]).ok) return { ok: true as const, extra };
    return { ok: false as const };
  };
  const last = Math.min(table.rows.length, HEADER_SEARCH_ROWS);
  for (let r = firstFilled; r < last; r++) {
    if (isDataLike(table.rows[r])) continue;
    const single = headerTexts(table.rows[r], width);
    const verdict = accept(single);
    if (verdict.ok) return { dataStart: r + 1, header: single, headerRows: [r], extra: verdict.extra };
  }
  for (let r = firstFilled; r + 1 < last; r++) {
    if (isDataLike(table.rows[r]) || isDataLike(table.rows[r + 1])) continue;
    const joined = joinedHeader(headerTexts(table.rows[r], width), headerTexts(table.rows[r + 1], width));
    const verdict = accept(joined);
    if (verdict.ok) return { dataStart: r + 2, header: joined, headerRows: [r, r + 1], extra: verdict.extra };
  }
  // The reader's own words about the row that most looks like a header: the fullest of the top rows.
  let likely = firstFilled;
  for (let r = firstFilled; r < last; r++) {
    if (table.rows[r].filter((c) => !isBlank(c)).length > table.rows[likely].filter((c) => !isBlank(c)).length) likely = r;
  }
  const verdict = recognition.header(headerTexts(table.rows[likely], width));
  return { problem: verdict.ok ? 'не найдена строка заголовков' : verdict.problem };
}

const rowsWord = (rows: number[]) => (rows.length === 1 ? `строка ${rows[0]}` : `строки ${rows[0]}–${rows[rows.length - 1]}`);
const inRows = (rows: number[]) => (rows.length === 1 ? `в строке ${rows[0]}` : `в строках ${rows[0]}–${rows[rows.length - 1]}`);

/**
 * The sheet the add-in reads for one input, from all the tables of its file (see the module comment). `convert` turns
 * one data cell of a text table into what Sheets' import would store (numbers, dates); cells of XLSX stay as read.
 */
export function locateInput(
  tables: readonly SourceTable[],
  recognition: InputRecognition,
  convert: (cell: string) => unknown,
): LocatedInput {
  const located: LocatedInput = { rows: [], origins: [], used: [], skipped: [], notes: [] };
  let columnsOfFirst: string[] | null = null;
  let firstLabel = '';
  for (const table of tables) {
    const label = tableLabel(table);
    const found = findHeader(table, recognition);
    if ('problem' in found) {
      located.skipped.push({ table, label, problem: found.problem, tabular: isTabular(table.rows) });
      continue;
    }
    const header = found.extra ? [...found.header, found.extra.header] : found.header;
    let order: number[] = header.map((_, i) => i);
    if (columnsOfFirst === null) {
      columnsOfFirst = header;
      firstLabel = label;
      located.rows.push(header);
      located.origins.push({ label, row: found.headerRows[found.headerRows.length - 1] + 1 });
    } else {
      const sameTexts = [...header].sort().join('\u0000') === [...columnsOfFirst].sort().join('\u0000');
      if (!sameTexts) {
        const problem = `заголовки столбцов не такие, как в таблице ${firstLabel}: ${header
          .filter((h) => h)
          .map((h) => `«${h}»`)
          .join(', ')}`;
        located.skipped.push({ table, label, problem, tabular: true });
        continue;
      }
      const taken = new Set<number>();
      order = columnsOfFirst.map((h) => {
        const i = header.findIndex((x, j) => x === h && !taken.has(j));
        taken.add(i);
        return i;
      });
    }
    located.used.push(table);
    const skippedAbove = Array.from({ length: found.headerRows[0] }, (_, i) => i + 1).filter((r) => !isBlank(table.rows[r - 1]?.join('')));
    const headerRows = inRows(found.headerRows.map((r) => r + 1));
    if (skippedAbove.length)
      located.notes.push(`${label}: заголовки столбцов ${headerRows}; выше — не таблица (${rowsWord(skippedAbove)}), пропущено`);
    else if (found.headerRows.length > 1) located.notes.push(`${label}: заголовки столбцов ${headerRows}`);
    let start = found.dataStart;
    if (isNumberingRow(table.rows[start])) {
      located.notes.push(`${label}: строка ${start + 1} с номерами столбцов пропущена`);
      start++;
    }
    if (found.extra)
      located.notes.push(`${label}: столбца «${found.extra.header}» нет, взято из названия листа: ${String(found.extra.value)}`);
    for (let r = start; r < table.rows.length; r++) {
      const source = found.extra
        ? [...table.rows[r], ...new Array(Math.max(0, found.header.length - table.rows[r].length)).fill(''), found.extra.value]
        : table.rows[r];
      const row = order.map((i) => {
        const cell = source[i] ?? '';
        return table.isText && typeof cell === 'string' && !(found.extra && i === found.header.length) ? convert(cell) : cell;
      });
      located.rows.push(row);
      located.origins.push({ label, row: r + 1 });
    }
  }
  return located;
}
