import { describe, expect, it } from 'vitest';
import { createTwin } from '../../emulator/index';

describe('Twin at the size of a large region', () => {
  // How fast is a figure of npm run bench; here only that 800 000 cells go in and come back whole.
  it('writes and reads back 40 000 × 20 cells', () => {
    const twin = createTwin();
    const sheet = twin.SpreadsheetApp.getActiveSpreadsheet().insertSheet('Результаты ОП');
    const rows = Array.from({ length: 40000 }, (_, i) =>
      Array.from({ length: 20 }, (_, j) => (j === 0 ? `edu${760000 + i}` : j === 1 ? 2024 : j === 2 ? 'ОГЭ математика' : i * j)),
    );
    // A new sheet is 1000 × 26, as in Sheets: make room for 40 000 rows first.
    sheet.insertRowsAfter(1000, 39000);
    sheet.getRange(1, 1, 40000, 20).setValues(rows);
    const back = sheet.getRange(1, 1, 40000, 20).getValues();
    expect(back[39999]).toEqual(rows[39999]);
    expect(twin.cellsWritten).toBe(800000);
    expect(back[0]).toEqual(rows[0]);
  });
});
