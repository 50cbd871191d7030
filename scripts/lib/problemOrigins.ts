/**
 * «Проверка данных» of a local run, pointed at the user's own files (Node side only): the add-in names the sheet
 * and row of its spreadsheet («Результаты ОП», строка 5), but the user corrects the file — where title rows were
 * left out and the sheets of a workbook were read one after another, that row is another one. Each line's
 * «Лист» becomes the file (and sheet) and «Строка» the row there; a row cited in «Что сделано» («заменено более
 * поздней строкой (строка 7)») is translated the same way.
 */
import { PROBLEM_HEADER } from '../../src/sheets/problems';
import { SHEET_NAMES } from '../../src/sheets/names';
import type { RowOrigin } from './inputTables';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The seeded sheets and where each of their rows comes from (origins[i] = sheet row i + 1). */
export type OriginsBySheet = ReadonlyMap<string, readonly RowOrigin[]>;

const SHEET = 0;
const ROW = 1;
const ACTION = 6;

/** «строка 7» in a text → the row of the file it comes from (with the file when it is another one than `label`). */
function translateRows(text: string, origins: readonly RowOrigin[], label: string): string {
  return text.replace(/строк([аеи]) (\d+)/g, (whole, ending: string, n: string) => {
    const origin = origins[Number(n) - 1];
    if (!origin) return whole;
    return origin.label === label ? `строк${ending} ${origin.row}` : `строк${ending} ${origin.row} (${origin.label})`;
  });
}

/** Rewrites «Проверка данных» in place (see the module comment); returns how many lines point to a file now. */
export function pointProblemsToFiles(ss: Spreadsheet, originsBySheet: OriginsBySheet): number {
  const sheet = ss.getSheetByName(SHEET_NAMES.dataCheck);
  if (!sheet || sheet.getLastRow() < 1) return 0;
  const range = sheet.getDataRange();
  const values = range.getValues();
  const headerIndex = values.findIndex((r) => r[SHEET] === PROBLEM_HEADER[SHEET] && r[ROW] === PROBLEM_HEADER[ROW]);
  if (headerIndex < 0) return 0;
  let changed = 0;
  for (let r = headerIndex + 1; r < values.length; r++) {
    const row = values[r];
    const origins = originsBySheet.get(String(row[SHEET]));
    if (!origins || !origins.length) continue;
    const origin = typeof row[ROW] === 'number' ? origins[row[ROW] - 1] : undefined;
    const label = origin?.label ?? origins[0].label;
    row[SHEET] = label;
    if (origin) row[ROW] = origin.row;
    row[ACTION] = translateRows(String(row[ACTION]), origins, label);
    changed++;
  }
  if (changed) {
    // Only «Лист», «Строка» and «Что сделано» are written back: the values the user typed («=МБОУ …») stay as the writer left them.
    const body = values.slice(headerIndex + 1);
    sheet.getRange(headerIndex + 2, SHEET + 1, body.length, 2).setValues(body.map((r) => [r[SHEET], r[ROW]]));
    sheet.getRange(headerIndex + 2, ACTION + 1, body.length, 1).setValues(body.map((r) => [r[ACTION]]));
  }
  return changed;
}
