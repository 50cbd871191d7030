import type { CellValue, ChartSpec, RuleSpec, SheetSpec, ValidationSpec } from './sheetSpec';
import { gridOf, headerRowOf } from './sheetSpec';
import { columnLetter } from './a1';
import { workbookOf, type SheetEntry, type Workbook } from './workbook';

export { removeLeftovers, swapIn } from './swap';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Suffixes of the add-in's temporary sheets; leftovers of an interrupted run are removed by `removeLeftovers`. */
export const DRAFT_SUFFIX = ' ~черновик';
export const OLD_SUFFIX = ' ~прежний';

/** Background of every header row the add-in writes (outputs, templates, reference sheets). */
export const HEADER_BACKGROUND = '#e8eaed';

/**
 * Sheets reads a written string as a user's typing: `=…` becomes a formula, and digits, dates, TRUE/FALSE (ИСТИНА/ЛОЖЬ
 * in a Russian spreadsheet) or a leading `+`, `-`, `@` may become something else. Text that came from users is therefore
 * written with a leading apostrophe whenever it does not start with a letter or is such a word: Sheets stores the rest
 * as plain text (the apostrophe is not part of the value).
 */
export function asText(value: CellValue): CellValue {
  if (value === null) return '';
  if (typeof value === 'string' && value !== '' && (!/^[A-Za-zА-Яа-яЁё«"(]/.test(value) || /^(true|false|истина|ложь)$/i.test(value)))
    return "'" + value;
  return value;
}

/** Writes a sheet described by `spec` into a new draft sheet, placed where the current one is. */
export function stageSheet(ss: Spreadsheet, spec: SheetSpec): Sheet {
  const book = workbookOf(ss);
  const draftName = spec.name + DRAFT_SUFFIX;
  const leftover = book.find(draftName);
  if (leftover) book.remove(leftover);
  const current = book.find(spec.name);
  const draft = book.insert(draftName, current ? book.indexOf(current) : book.all().length);
  writeSpec(book, draft, spec);
  return draft.sheet;
}

/** Writes the spec into a new sheet with a number of calls that does not depend on the number of rows. */
function writeSpec(book: Workbook, entry: SheetEntry, spec: SheetSpec): void {
  const sheet = entry.sheet;
  const width = spec.columns.length;
  const headerRow = headerRowOf(spec);
  const grid: CellValue[][] = [];
  for (const line of spec.caption ?? []) grid.push(padRow([asText(line)], width));
  if (spec.caption && spec.caption.length) grid.push(padRow([], width));
  grid.push(spec.columns.map((c) => asText(c.header)));
  for (const row of spec.rows) grid.push(padRow(row.map(asText), width));
  const lastRow = grid.length;
  const dataRows = spec.rows.length;
  fitGrid(book, entry, spec);

  // Text formats go on before the values so codes like «0123» stay text. One format per run of equal columns: a
  // grid of per-cell format strings would send as many cells again as the values; only a sheet with formats of its
  // own per row («Показатели»: shares and counts) sends the grid.
  if (dataRows > 0) {
    const formats = spec.columns.map((c) => c.format ?? 'General');
    if (spec.rowFormats)
      sheet.getRange(headerRow + 1, 1, dataRows, width).setNumberFormats(spec.rows.map((_, i) => spec.rowFormats?.[i] ?? formats));
    else setColumnFormats(sheet, headerRow + 1, 1, dataRows, formats);
  }
  sheet.getRange(1, 1, lastRow, width).setValues(grid as unknown[][]);

  const header = sheet.getRange(headerRow, 1, 1, width);
  header.setFontWeight('bold').setBackground(HEADER_BACKGROUND).setWrap(true).setVerticalAlignment('middle');
  if (spec.caption && spec.caption.length) sheet.getRange(1, 1, spec.caption.length, 1).setFontStyle('italic');
  sheet.setFrozenRows(headerRow);
  spec.columns.forEach((c, i) => {
    if (c.width) sheet.setColumnWidth(i + 1, c.width);
  });
  if (spec.headerNote) sheet.getRange(headerRow, 1).setNote(spec.headerNote);
  for (const r of spec.boldRows ?? []) sheet.getRange(headerRow + 1 + r, 1, 1, width).setFontWeight('bold');
  if (spec.filter && dataRows > 0) sheet.getRange(headerRow, 1, dataRows + 1, width).createFilter();
  if (spec.validations && spec.validations.length) {
    const rows = dataRows + (spec.spareRows ?? 0);
    if (rows > 0)
      for (const v of spec.validations) sheet.getRange(headerRow + 1, v.column + 1, rows, 1).setDataValidation(buildValidation(v));
  }
  if (spec.rules && spec.rules.length && dataRows + (spec.spareRows ?? 0) > 0) {
    sheet.setConditionalFormatRules(spec.rules.map((r) => buildRule(sheet, r, headerRow + 1, dataRows + (spec.spareRows ?? 0), width)));
  }
  for (const block of spec.blocks ?? []) {
    const w = Math.max(...block.values.map((r) => r.length));
    sheet
      .getRange(block.row, block.column, block.values.length, w)
      .setValues(block.values.map((r) => padRow(r.map(asText), w)) as unknown[][]);
    if (block.formats && block.values.length > 1) {
      const f = padRow(
        block.formats.map((x) => x ?? 'General'),
        w,
      ).map((x) => (x === '' ? 'General' : String(x)));
      setColumnFormats(sheet, block.row + 1, block.column, block.values.length - 1, f);
    }
    if (block.boldFirstRow) sheet.getRange(block.row, block.column, 1, w).setFontWeight('bold');
  }
  if (spec.protectHeader) {
    const protection = sheet.getRange(1, 1, headerRow, width).protect();
    protection.setDescription(spec.protectHeader);
    protection.setWarningOnly(true);
  }
  for (const c of spec.hiddenColumns ?? []) sheet.hideColumns(c + 1);
  if (spec.tabColor) sheet.setTabColor(spec.tabColor);
  for (const chart of spec.charts ?? []) sheet.insertChart(buildChart(sheet, chart));
}

/** One setNumberFormat per run of neighbouring columns that share a format (a handful of calls whatever the rows). */
function setColumnFormats(sheet: Sheet, row: number, column: number, rows: number, formats: readonly string[]): void {
  for (let start = 0; start < formats.length;) {
    let end = start + 1;
    while (end < formats.length && formats[end] === formats[start]) end++;
    sheet.getRange(row, column + start, rows, end - start).setNumberFormat(formats[start]);
    start = end;
  }
}

/**
 * Sizes a new sheet's default 1000 × 26 grid to exactly what the spec writes (`gridOf`): Sheets refuses a range past
 * the grid («The coordinates of the range are outside the dimensions of the sheet.»), so «ШНОР» with nine procedures
 * or 2 000 schools needs room first, and unused cells count against the 10-million-cell limit. One call per dimension
 * (grow or cut), so the number of calls does not depend on the number of rows; the current size is known locally.
 */
function fitGrid(book: Workbook, entry: SheetEntry, spec: SheetSpec): void {
  const { rows, columns } = gridOf(spec);
  book.resize(entry, rows, columns);
}

function padRow(row: CellValue[], width: number): CellValue[] {
  const out = row.slice(0, width);
  while (out.length < width) out.push('');
  return out;
}

function buildValidation(v: ValidationSpec): GoogleAppsScript.Spreadsheet.DataValidation {
  const b = SpreadsheetApp.newDataValidation();
  if (v.kind === 'list') b.requireValueInList(v.values, true).setAllowInvalid(v.allowInvalid ?? false);
  else if (v.kind === 'date') b.requireDate().setAllowInvalid(false);
  else b.requireNumberGreaterThanOrEqualTo(v.min).setAllowInvalid(false);
  if (v.help) b.setHelpText(v.help);
  return b.build();
}

function buildRule(
  sheet: Sheet,
  rule: RuleSpec,
  firstRow: number,
  rows: number,
  width: number,
): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
  const b = SpreadsheetApp.newConditionalFormatRule();
  if (rule.kind === 'textEqual') {
    b.whenTextEqualTo(rule.text)
      .setBackground(rule.background)
      .setRanges([sheet.getRange(firstRow, rule.column + 1, rows, 1)]);
    if (rule.fontColor) b.setFontColor(rule.fontColor);
  } else if (rule.kind === 'rowWhenEqual') {
    const cell = `$${columnLetter(rule.column)}${firstRow}`;
    b.whenFormulaSatisfied(`=${cell}="${rule.text.replace(/"/g, '""')}"`)
      .setBackground(rule.background)
      .setRanges([sheet.getRange(firstRow, 1, rows, width)]);
    if (rule.bold) b.setBold(true);
  } else {
    b.whenFormulaSatisfied(rule.formula)
      .setBackground(rule.background)
      .setRanges([sheet.getRange(firstRow, 1, rows, width)]);
    if (rule.fontColor) b.setFontColor(rule.fontColor);
  }
  return b.build();
}

function buildChart(sheet: Sheet, spec: ChartSpec): GoogleAppsScript.Spreadsheet.EmbeddedChart {
  const b = sheet.newChart().setChartType(Charts.ChartType[spec.kind]);
  for (const r of spec.ranges) b.addRange(sheet.getRange(r.row, r.column, r.numRows, r.numColumns));
  b.setNumHeaders(1).setPosition(spec.anchor.row, spec.anchor.column, 0, 0).setOption('title', spec.title);
  if (spec.stacked) b.setOption('isStacked', true);
  for (const [key, value] of Object.entries(spec.options ?? {})) b.setOption(key, value);
  return b.build();
}
