/**
 * A tiny RFC 4180 CSV reader and writer shaped like Google Sheets' «Скачать → CSV»: UTF-8 without
 * BOM, comma separated, a field quoted only when it holds a comma, a quote or a line break
 * (quotes doubled), rows joined by CRLF with no line break after the last row.
 */

const MOSCOW_OFFSET_MS = 3 * 3600 * 1000;

/** Rows are joined with CRLF, as Sheets' CSV download does; `parseCsv` accepts LF too. */
export const CSV_LINE_ENDING = '\r\n';

/**
 * Parses CSV text into rows of strings. Quoted fields may hold commas, doubled quotes and line
 * breaks; rows end with CRLF, LF or (old Mac) CR; one trailing line break does not add a row.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let atRowStart = true;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
    atRowStart = true;
  };
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    atRowStart = false;
    if (ch === '"' && field === '') {
      // A quoted field: read up to the closing quote, "" being a literal quote.
      i++;
      for (;;) {
        if (i >= n) throw new Error('CSV: unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
      if (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        throw new Error(`CSV: unexpected «${text[i]}» after a closing quote at offset ${i}`);
      }
      continue;
    }
    if (ch === ',') {
      endField();
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRow();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (!atRowStart) endRow();
  return rows;
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
