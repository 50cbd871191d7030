import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { excelFormula, excelNumberFormat, excelSheetNames, exportXlsx, wallClockDate } from '../../scripts/lib/exportXlsx';
import { snapshotSpreadsheet } from '../../scripts/lib/snapshot';
import { fixtureTwin, INJECTED_NAME } from '../support/exportFixture';

const dir = mkdtempSync(path.join(tmpdir(), 'xlsx-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('excelNumberFormat: Sheets patterns as Excel reads them', () => {
  it('keeps number patterns and lower-cases date patterns', () => {
    expect(excelNumberFormat('0.0')).toBe('0.0');
    expect(excelNumberFormat('0%')).toBe('0%');
    expect(excelNumberFormat('@')).toBe('@');
    expect(excelNumberFormat('#,##0')).toBe('#,##0');
    expect(excelNumberFormat('dd.MM.yyyy')).toBe('dd.mm.yyyy');
    expect(excelNumberFormat('dd.MM.yyyy HH:mm:ss')).toBe('dd.mm.yyyy hh:mm:ss');
    expect(excelNumberFormat('')).toBeUndefined();
    expect(excelNumberFormat('General')).toBeUndefined();
  });

  it('writes a formula with Excel’s argument separator', () => {
    expect(excelFormula('=AND($E5<>"";$E5<TODAY();$I5<>"a;b")')).toBe('AND($E5<>"",$E5<TODAY(),$I5<>"a;b")');
  });

  it('moves an instant to the wall clock of the time zone (Excel has no zones)', () => {
    // 05:03:05 UTC is 08:03:05 in Moscow.
    expect(wallClockDate(new Date(Date.UTC(2025, 8, 1, 5, 3, 5)), 'Europe/Moscow')).toEqual(new Date(Date.UTC(2025, 8, 1, 8, 3, 5)));
  });
});

describe('exportXlsx round trip (read back with exceljs)', () => {
  const wb = new ExcelJS.Workbook();
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    const file = path.join(dir, 'report.xlsx');
    await exportXlsx(snapshotSpreadsheet(fixtureTwin().spreadsheet), file);
    await wb.xlsx.readFile(file);
    ws = wb.getWorksheet('Школы')!;
  });

  it('has every sheet, in order', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Школы', 'ДК edu1']);
  });

  it('keeps values, number formats and dates as dates', () => {
    expect(ws.getCell('B2').value).toBe(INJECTED_NAME);
    expect(ws.getCell('C2').value).toBe(78.456);
    expect(ws.getCell('C2').numFmt).toBe('0.0');
    expect(ws.getCell('D2').value).toBeCloseTo(1 / 3, 12);
    expect(ws.getCell('D2').numFmt).toBe('0%');
    // 01.09.2025 00:00 in Moscow, as Excel shows it.
    expect(ws.getCell('E2').value).toEqual(new Date(Date.UTC(2025, 8, 1)));
    expect(ws.getCell('E2').numFmt).toBe('dd.mm.yyyy');
  });

  it('keeps the frozen bold header, the note, the column width and the list validation', () => {
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A1').note).toBe('Код образовательной организации');
    // 280 px ÷ 7 px per character = 40.
    expect(ws.getColumn(2).width).toBe(40);
    for (const address of ['F2', 'F3']) {
      expect(ws.getCell(address).dataValidation).toMatchObject({ type: 'list', formulae: ['"низкий,высокий"'], showErrorMessage: true });
    }
    expect(ws.getCell('F4').dataValidation).toBeUndefined();
  });
});

describe('sheet names Excel accepts (Sheets allows longer ones and more characters)', () => {
  it('keeps a valid name, puts «_» for * ? : \\ / [ ] and a quote at either end, and cuts at 31 characters', () => {
    const long = `ДК ${'x'.repeat(40)}`;
    expect(excelSheetNames(['ИСБШ', 'ДК 12/34', "'Цитата'", long])).toEqual(['ИСБШ', 'ДК 12_34', '_Цитата_', `ДК ${'x'.repeat(28)}`]);
  });

  it('tells apart names that are one once cut or cleaned, and never takes a valid name from the sheet that has it', () => {
    // Both long names cut to «ДК » + 28 × x; the second takes « (2)» within 31: «ДК » + 24 × x + « (2)».
    const a = `ДК ${'x'.repeat(40)}a`;
    const b = `ДК ${'x'.repeat(40)}b`;
    expect(excelSheetNames([a, b])).toEqual([`ДК ${'x'.repeat(28)}`, `ДК ${'x'.repeat(24)} (2)`]);
    // «A/B» cleans to «A_B», which a later sheet already has: that sheet keeps it.
    expect(excelSheetNames(['A/B', 'a_b'])).toEqual(['A_B (2)', 'a_b']);
  });

  it('cuts before it mends the ends, and never splits a character', () => {
    // The 31st character is a quote: cut there, the name would end in one.
    expect(excelSheetNames([`${'A'.repeat(30)}'b`])).toEqual([`${'A'.repeat(30)}_`]);
    // «😀» takes two UTF-16 units: 30 + 2 > 31, so it is left out whole.
    expect(excelSheetNames([`${'x'.repeat(30)}😀yy`])).toEqual(['x'.repeat(30)]);
  });

  it("writes a workbook whose sheets Sheets names freely, with the list sheet out of people's way", async () => {
    const twin = fixtureTwin();
    const ss = twin.spreadsheet;
    ss.insertSheet('ДК 12/34');
    // A sheet of people's own called «Списки», and a list too long to write inline: the hidden list sheet needs its name.
    const own = ss.insertSheet('Списки');
    const long = Array.from({ length: 40 }, (_, i) => `вариант ${i + 1}`);
    own.getRange(1, 1).setDataValidation(twin.SpreadsheetApp.newDataValidation().requireValueInList(long, true).build());
    const file = path.join(dir, 'names.xlsx');
    const renamed = await exportXlsx(snapshotSpreadsheet(ss), file);
    expect(renamed).toEqual([{ sheet: 'ДК 12/34', excel: 'ДК 12_34' }]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(file);
    expect(back.worksheets.map((w) => w.name)).toEqual(['Школы', 'ДК edu1', 'ДК 12_34', 'Списки', 'Списки (2)']);
    expect(back.getWorksheet('Списки')!.getCell('A1').dataValidation?.formulae?.[0]).toMatch(/^'Списки \(2\)'!\$A\$1:\$A\$40$/);
  });
});
