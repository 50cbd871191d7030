import { describe, expect, it } from 'vitest';
import { createTwin } from '../../emulator/index';

describe('Twin performance', () => {
  it('writes and reads 40 000 × 20 cells each in well under a second', () => {
    const twin = createTwin();
    const sheet = twin.SpreadsheetApp.getActiveSpreadsheet().insertSheet('Результаты ОП');
    const rows = Array.from({ length: 40000 }, (_, i) =>
      Array.from({ length: 20 }, (_, j) => (j === 0 ? `edu${760000 + i}` : j === 1 ? 2024 : j === 2 ? 'ОГЭ математика' : i * j)),
    );
    // A new sheet is 1000 × 26, as in Sheets: make room for 40 000 rows first.
    sheet.insertRowsAfter(1000, 39000);
    const t0 = performance.now();
    sheet.getRange(1, 1, 40000, 20).setValues(rows);
    const t1 = performance.now();
    const back = sheet.getRange(1, 1, 40000, 20).getValues();
    const t2 = performance.now();
    expect(back[39999]).toEqual(rows[39999]);
    expect(twin.cellsWritten).toBe(800000);
    expect(t1 - t0).toBeLessThan(1000);
    expect(t2 - t1).toBeLessThan(1000);
  });
});
