import { describe, expect, it } from 'vitest';
import { createTwin } from '../../emulator/index';

describe('Call counting', () => {
  it('counts every service call by class and method', () => {
    const twin = createTwin();
    const ss = twin.SpreadsheetApp.getActiveSpreadsheet();
    const sheet = ss.getSheetByName('Лист1')!;
    sheet.getRange('A1:B2').setValues([
      [1, 2],
      [3, 4],
    ]);
    sheet.getRange('A1:B2').getValues();
    // 1 getActiveSpreadsheet + 1 getSheetByName + 2 getRange + 1 setValues + 1 getValues = 6
    expect(twin.totalCalls()).toBe(6);
    expect(twin.callRecord()).toEqual({
      'Range.getValues': 1,
      'Range.setValues': 1,
      'Sheet.getRange': 2,
      'Spreadsheet.getSheetByName': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
    });
    expect(twin.calls.get('Sheet.getRange')).toBe(2);
  });

  it('counts writes and the cells they send, and resets them', () => {
    const twin = createTwin();
    const sheet = twin.SpreadsheetApp.getActiveSheet();
    sheet.getRange('A1:C4').setValues(Array.from({ length: 4 }, () => [1, 2, 3])); // 12 cells
    sheet.getRange('A1:C1').setFontWeight('bold'); // one value for the whole range: 1 cell sent
    sheet.setFrozenRows(1); // a write touching no cells
    sheet.getRange('A1:C4').getValues(); // a read, not a write
    expect(twin.writeCount).toBe(3);
    expect(twin.cellsWritten).toBe(13);
    twin.resetCalls();
    expect([twin.totalCalls(), twin.writeCount, twin.cellsWritten]).toEqual([0, 0, 0]);
  });

  it('does not count enum reads or test helpers', () => {
    const twin = createTwin();
    void twin.SpreadsheetApp.ProtectionType.SHEET;
    twin.addSheet('Данные', [['a']]);
    twin.sheetValues('Данные');
    twin.snapshotSheet('Данные');
    expect(twin.totalCalls()).toBe(0);
  });

  it('makes unimplemented methods throw a "not implemented" error', () => {
    const twin = createTwin();
    const range = twin.SpreadsheetApp.getActiveSheet().getRange('A1');
    expect(() => (range as unknown as { randomize(): void }).randomize()).toThrow('twin: Range.randomize not implemented');
  });
});

describe('Fault injection', () => {
  it('fails the k-th write from now without applying it, and later writes succeed', () => {
    const twin = createTwin({ spreadsheetId: 'doc-42' });
    const sheet = twin.SpreadsheetApp.getActiveSheet();
    sheet.getRange('A1').setValue('до');
    twin.failAtWrite(2);
    sheet.getRange('B1').setValue('первая запись'); // write 1 of the count: applied
    expect(() => sheet.getRange('A1').setValue('после')).toThrow('Service Spreadsheets failed while accessing document with id doc-42.');
    expect(sheet.getRange('A1').getValue()).toBe('до');
    expect(sheet.getRange('B1').getValue()).toBe('первая запись');
    sheet.getRange('A1').setValue('после');
    expect(sheet.getRange('A1').getValue()).toBe('после');
  });

  it('uses a custom message and covers structural writes such as insertSheet', () => {
    const twin = createTwin();
    const ss = twin.SpreadsheetApp.getActiveSpreadsheet();
    twin.failAtWrite(1, 'Сервис недоступен');
    expect(() => ss.insertSheet('Новый')).toThrow('Сервис недоступен');
    expect(ss.getSheetByName('Новый')).toBeNull();
  });

  it('counts the failed write in writeCount so a test can enumerate every write of a run', () => {
    const twin = createTwin();
    const sheet = twin.SpreadsheetApp.getActiveSheet();
    const run = () => {
      sheet.getRange('A1').setValue(1);
      sheet.getRange('A2').setValue(2);
      sheet.getRange('A3').setValue(3);
    };
    twin.resetCalls();
    run();
    const writes = twin.writeCount; // 3
    expect(writes).toBe(3);
    for (let k = 1; k <= writes; k++) {
      twin.resetCalls();
      twin.failAtWrite(k);
      expect(run).toThrow(/Service Spreadsheets failed/);
      expect(twin.writeCount).toBe(k);
    }
  });
});

describe('Simulated clock', () => {
  it('charges per call and per cell, and is reset on demand', () => {
    const twin = createTwin({ costs: { perCallMs: 5, perCellMs: 0.01 } });
    const sheet = twin.SpreadsheetApp.getActiveSheet(); // 1 call = 5 ms
    sheet.getRange(1, 1, 100, 10).setValue(0); // 2 calls = 10 ms, 1000 cells = 10 ms
    expect(twin.clock.elapsedMs()).toBeCloseTo(25, 6);
    twin.clock.reset();
    expect(twin.clock.elapsedMs()).toBe(0);
  });

  it('advances with Utilities.sleep and reports now() from the start time', () => {
    const start = new Date('2024-09-01T08:00:00Z');
    const twin = createTwin({ startTime: start, costs: { perCallMs: 0 } });
    twin.Utilities.sleep(1500);
    expect(twin.clock.now()).toBe(start.getTime() + 1500);
  });

  it('throws "Exceeded maximum execution time" past six simulated minutes when enforced', () => {
    const twin = createTwin({ enforceTimeLimit: true, costs: { perCallMs: 1000 } });
    const sheet = twin.SpreadsheetApp.getActiveSheet();
    // each call costs 1 s: the 361st call of the execution is past 360 000 ms
    expect(() => {
      for (let i = 0; i < 400; i++) sheet.getName();
    }).toThrow('Exceeded maximum execution time');
  });
});

describe('Snapshots', () => {
  it('change when anything a user could lose changes, and not on reads', () => {
    const twin = createTwin();
    const sheet = twin.addSheet('Ответы', [
      ['Код ОО', 'Всего обучающихся'],
      ['edu1', 120],
    ]);
    const before = twin.snapshotSheet('Ответы');
    sheet.getDataRange().getValues();
    sheet.getRange('A1:B2').getDisplayValues();
    expect(twin.snapshotSheet('Ответы')).toBe(before);
    sheet.getRange('B2').setNote('проверено');
    expect(twin.snapshotSheet('Ответы')).not.toBe(before);
  });

  it('seeds rows as given and reads them back with sheetValues', () => {
    const twin = createTwin();
    const date = new Date('2024-01-10T09:00:00Z');
    twin.addSheet('Данные', [
      ['007', '=x', date],
      [1, null, true],
    ]);
    expect(twin.sheetValues('Данные')).toEqual([
      ['007', '=x', date],
      [1, '', true],
    ]);
  });
});
