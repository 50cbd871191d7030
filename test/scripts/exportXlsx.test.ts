import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { excelFormula, excelNumberFormat, exportXlsx, wallClockDate } from '../../scripts/lib/exportXlsx';
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
