/**
 * Writes a spreadsheet snapshot as an Excel workbook with exceljs: every sheet in order with its
 * values (dates as dates), number formats translated from Sheets' patterns, bold cells and header
 * fills, notes as comments, frozen rows, column widths, hidden columns, tab colours, data
 * validations (lists, dates, minimums) and conditional rules. exceljs cannot write charts; their
 * data stays on the sheets beside them.
 */
import ExcelJS from 'exceljs';
import { isDatePattern } from './displayFormat';
import { wallClock } from '../../src/core/wallClock';
import type { ConditionalRuleSnapshot, Rect, SheetSnapshot, SnapshotValue, SpreadsheetSnapshot, ValidationSnapshot } from './snapshot';
import { columnLetter } from '../../src/sheets/a1';

/** Excel's limit on an inline list validation («"a,b,c"»); longer lists go to a hidden sheet. */
const INLINE_LIST_LIMIT = 255;
const LISTS_SHEET = 'Списки';
const PIXELS_PER_CHAR = 7;

/**
 * A Sheets number-format pattern as Excel's: automatic ('', 'General') stays Excel's General; date patterns are
 * lower-cased outside literals (Sheets' Java-like 'dd.MM.yyyy HH:mm' is Excel's 'dd.mm.yyyy hh:mm', where m after h
 * means minutes); number patterns ('0.0', '0%', '#,##0', '@') are the same in both.
 */
export function excelNumberFormat(pattern: string): string | undefined {
  if (!pattern || pattern === 'General') return undefined;
  if (!isDatePattern(pattern)) return pattern;
  return pattern.replace(
    /("[^"]*")|([^"]+)/g,
    (_m, quoted: string | undefined, plain: string | undefined) => quoted ?? (plain ?? '').toLowerCase(),
  );
}

/**
 * Excel has no time zones and exceljs writes a Date's UTC clock, so an instant is turned into the date whose UTC clock
 * reads what the spreadsheet's time zone shows.
 */
export function wallClockDate(date: Date, timeZone: string): Date {
  const w = wallClock(date.getTime(), timeZone);
  return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second));
}

/** A Date cell without a format still shows as a date in Sheets; Excel needs a format for that. */
function defaultDateFormat(date: Date, timeZone: string): string {
  const w = wallClock(date.getTime(), timeZone);
  return w.hour === 0 && w.minute === 0 && w.second === 0 ? 'dd.mm.yyyy' : 'dd.mm.yyyy h:mm:ss';
}

function a1(rect: Rect): string {
  const start = `${columnLetter(rect.column - 1)}${rect.row}`;
  if (rect.numRows === 1 && rect.numColumns === 1) return start;
  return `${start}:${columnLetter(rect.column + rect.numColumns - 2)}${rect.row + rect.numRows - 1}`;
}

/** '#rrggbb' → exceljs ARGB 'FFRRGGBB'; null for anything else. */
function argb(color: string | null | undefined): string | null {
  if (!color) return null;
  const m = /^#?([0-9a-f]{6})$/i.exec(color.trim());
  return m ? 'FF' + m[1].toUpperCase() : null;
}

function cellValue(value: SnapshotValue, timeZone: string): ExcelJS.CellValue {
  if (value === null || value === '') return null;
  if (value instanceof Date) return wallClockDate(value, timeZone);
  return value;
}

function writeCells(ws: ExcelJS.Worksheet, sheet: SheetSnapshot, timeZone: string): void {
  sheet.values.forEach((row, r) => {
    row.forEach((value, c) => {
      const pattern = sheet.formats[r]?.[c] ?? '';
      const bold = sheet.bold[r]?.[c] ?? false;
      const italic = sheet.italic[r]?.[c] ?? false;
      const note = sheet.notes[r]?.[c] ?? '';
      const fill = argb(sheet.backgrounds[r]?.[c]);
      if ((value === null || value === '') && !pattern && !bold && !italic && !note && !fill) return;
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = cellValue(value, timeZone);
      const numFmt = excelNumberFormat(pattern) ?? (value instanceof Date ? defaultDateFormat(value, timeZone) : undefined);
      if (numFmt) cell.numFmt = numFmt;
      if (bold || italic) cell.font = { ...(bold ? { bold: true } : {}), ...(italic ? { italic: true } : {}) };
      if (fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
      if (note) cell.note = note;
    });
  });
}

/** Lists too long (or with commas) for an inline validation live on a hidden sheet placed after the others. */
class ListStore {
  private readonly lists: string[][] = [];
  private readonly known = new Map<string, string>();
  constructor(private readonly sheetName: string) {}
  reference(values: string[]): string {
    const key = JSON.stringify(values);
    const found = this.known.get(key);
    if (found) return found;
    this.lists.push(values);
    const letter = columnLetter(this.lists.length - 1);
    const ref = `'${this.sheetName}'!$${letter}$1:$${letter}$${Math.max(values.length, 1)}`;
    this.known.set(key, ref);
    return ref;
  }
  writeTo(wb: ExcelJS.Workbook): void {
    if (this.lists.length === 0) return;
    const ws = wb.addWorksheet(this.sheetName, { state: 'hidden' });
    this.lists.forEach((values, c) => values.forEach((v, r) => (ws.getCell(r + 1, c + 1).value = v)));
  }
}

function excelValidation(v: ValidationSnapshot, lists: ListStore): ExcelJS.DataValidation | null {
  const messages = {
    showErrorMessage: !v.allowInvalid,
    errorStyle: v.allowInvalid ? 'warning' : 'stop',
    ...(v.help ? { showInputMessage: true, prompt: v.help } : {}),
  };
  if (v.kind === 'list') {
    const inline = `"${v.values.join(',')}"`;
    const fitsInline = inline.length <= INLINE_LIST_LIMIT && !v.values.some((x) => /[,"]/.test(x));
    return { type: 'list', allowBlank: true, formulae: [fitsInline ? inline : lists.reference(v.values)], ...messages };
  }
  if (v.kind === 'date') {
    return {
      type: 'date',
      operator: 'greaterThan',
      allowBlank: true,
      formulae: [new Date(Date.UTC(1900, 0, 1))],
      error: 'Введите дату.',
      ...messages,
    };
  }
  if (v.kind === 'numberAtLeast') {
    return {
      type: 'decimal',
      operator: 'greaterThanOrEqual',
      allowBlank: true,
      formulae: [v.min],
      error: `Введите число не меньше ${v.min}.`,
      ...messages,
    };
  }
  if (v.kind === 'numberBetween') {
    return {
      type: 'decimal',
      operator: 'between',
      allowBlank: true,
      formulae: [v.min, v.max],
      error: `Введите число от ${v.min} до ${v.max}.`,
      ...messages,
    };
  }
  return null;
}

/** Sheets' formulas in a Russian-locale file separate arguments with «;»; Excel's file format wants «,». */
export function excelFormula(formula: string): string {
  let out = '';
  let quoted = false;
  for (const ch of formula.replace(/^=/, '')) {
    if (ch === '"') quoted = !quoted;
    out += !quoted && ch === ';' ? ',' : ch;
  }
  return out;
}

function excelRule(rule: ConditionalRuleSnapshot): ExcelJS.ConditionalFormattingOptions | null {
  if (rule.ranges.length === 0) return null;
  const first = rule.ranges[0];
  const topLeft = `${columnLetter(first.column - 1)}${first.row}`;
  let formula: string;
  if (rule.criteria === 'TEXT_EQUAL_TO') formula = `${topLeft}="${(rule.values[0] ?? '').replace(/"/g, '""')}"`;
  else if (rule.criteria === 'CUSTOM_FORMULA') formula = excelFormula(rule.values[0] ?? '');
  else return null;
  const style: Partial<ExcelJS.Style> = {};
  const bg = argb(rule.background);
  if (bg) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: bg } };
  const font: Partial<ExcelJS.Font> = {};
  const fc = argb(rule.fontColor);
  if (fc) font.color = { argb: fc };
  if (rule.bold) font.bold = true;
  if (Object.keys(font).length) style.font = font;
  return { ref: rule.ranges.map(a1).join(' '), rules: [{ type: 'expression', priority: 1, formulae: [formula], style }] };
}

/** exceljs keeps a sheet's validations by address (a range address covers the whole range); its typings omit it. */
function validationsOf(ws: ExcelJS.Worksheet): { add(address: string, validation: ExcelJS.DataValidation): void } {
  return (ws as unknown as { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
}

/** Characters Excel does not allow in a sheet name, and the length it stops at; Sheets allows both. */
const EXCEL_FORBIDDEN = new Set(['*', '?', ':', '/', '\\', '[', ']']);
const EXCEL_NAME_MAX = 31;
/** exceljs keeps this name for itself. */
const EXCEL_RESERVED = ['history'];

function isExcelName(name: string): boolean {
  return name.length <= EXCEL_NAME_MAX && ![...name].some((ch) => EXCEL_FORBIDDEN.has(ch)) && !/^'|'$/.test(name);
}

/**
 * `text` cut to at most `max` UTF-16 units (what Excel and exceljs count) without splitting a character, then a quote at
 * either end made «_»: cut first, so that the cut cannot leave a quote at the end.
 */
function excelCut(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out.replace(/^'|'$/g, '_');
}

/**
 * Excel's names for `names`, in order. A name Excel accepts stays as it is (the first time); in another, a character
 * Excel does not allow and a quote at either end become «_», the name is cut to 31 characters, and a name already taken
 * (case aside) gets « (2)», « (3)»… within those 31.
 */
export function excelSheetNames(names: readonly string[]): string[] {
  const taken = new Set(EXCEL_RESERVED);
  // The first sheet with a valid name keeps it; a later one with the same name (case aside) is renamed like the others.
  const keeps = names.map((name) => {
    const keep = isExcelName(name) && !taken.has(name.toLowerCase());
    if (keep) taken.add(name.toLowerCase());
    return keep;
  });
  return names.map((name, i) => {
    if (keeps[i]) return name;
    const clean = [...name].map((ch) => (EXCEL_FORBIDDEN.has(ch) ? '_' : ch)).join('');
    let candidate = excelCut(clean, EXCEL_NAME_MAX);
    for (let k = 2; taken.has(candidate.toLowerCase()); k++) {
      const suffix = ` (${k})`;
      candidate = excelCut(clean, EXCEL_NAME_MAX - suffix.length) + suffix;
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

function writeSheet(wb: ExcelJS.Workbook, sheet: SheetSnapshot, name: string, timeZone: string, lists: ListStore): void {
  const tab = argb(sheet.tabColor);
  const ws = wb.addWorksheet(name, {
    views: sheet.frozenRows || sheet.frozenColumns ? [{ state: 'frozen', ySplit: sheet.frozenRows, xSplit: sheet.frozenColumns }] : [],
    ...(tab ? { properties: { tabColor: { argb: tab } } } : {}),
  });
  sheet.columnWidths.forEach((px, i) => {
    const column = ws.getColumn(i + 1);
    column.width = Math.max(2, Math.round((px / PIXELS_PER_CHAR) * 10) / 10);
    if (sheet.hiddenColumns.includes(i + 1)) column.hidden = true;
  });
  writeCells(ws, sheet, timeZone);
  for (const { rect, validation } of sheet.validations) {
    const dv = excelValidation(validation, lists);
    if (dv) validationsOf(ws).add(a1(rect), dv);
  }
  sheet.rules.forEach((rule, i) => {
    const cf = excelRule(rule);
    if (cf) {
      cf.rules.forEach((r) => (r.priority = i + 1));
      ws.addConditionalFormatting(cf);
    }
  });
}

/** A sheet that has another name in the Excel file than in the spreadsheet. */
export interface RenamedSheet {
  sheet: string;
  excel: string;
}

/** The snapshot as an exceljs workbook (not yet written), and the sheets Excel knows by another name. */
export function workbookOf(snapshot: SpreadsheetSnapshot): { wb: ExcelJS.Workbook; renamed: RenamedSheet[] } {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ШНОР-монитор';
  const sheetNames = snapshot.sheets.map((s) => s.name);
  // The hidden list sheet comes last and takes what is left: a people's sheet called «Списки» keeps its name.
  const names = excelSheetNames([...sheetNames, LISTS_SHEET]);
  const lists = new ListStore(names[names.length - 1]);
  snapshot.sheets.forEach((sheet, i) => writeSheet(wb, sheet, names[i], snapshot.timeZone, lists));
  lists.writeTo(wb);
  const renamed = sheetNames.flatMap((sheet, i) => (names[i] === sheet ? [] : [{ sheet, excel: names[i] }]));
  return { wb, renamed };
}

/** Writes the snapshot to `file` as .xlsx; returns the sheets Excel knows by another name. */
export async function exportXlsx(snapshot: SpreadsheetSnapshot, file: string): Promise<RenamedSheet[]> {
  const { wb, renamed } = workbookOf(snapshot);
  await wb.xlsx.writeFile(file);
  return renamed;
}
