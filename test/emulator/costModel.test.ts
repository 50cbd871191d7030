import { describe, expect, it } from 'vitest';
import { classifyCall, createTwin, PUBLISHED_COSTS } from '../../emulator/index';

describe('the cost model tells round trips from queued calls', () => {
  it('classifies calls: builders and getRange are local, setters queued, sheet changes structural, other services apart', () => {
    expect(classifyCall('Sheet.getRange')).toBe('local');
    expect(classifyCall('DataValidationBuilder.requireValueInList')).toBe('local');
    expect(classifyCall('SpreadsheetApp.newConditionalFormatRule')).toBe('local');
    expect(classifyCall('Range.setValues')).toBe('write');
    expect(classifyCall('Range.getValues')).toBe('read');
    expect(classifyCall('Sheet.getMaxRows')).toBe('read');
    expect(classifyCall('Spreadsheet.insertSheet')).toBe('structural');
    expect(classifyCall('Spreadsheet.deleteSheet')).toBe('structural');
    expect(classifyCall('Sheet.setName')).toBe('structural');
    expect(classifyCall('Properties.getProperty')).toBe('otherService');
    expect(classifyCall('TriggerBuilder.create')).toBe('otherService');
  });

  it('counts only the first read after writes as a flushing round trip, and flush only when something is queued', () => {
    const twin = createTwin();
    const sheet = twin.SpreadsheetApp.getActiveSheet();
    twin.resetCalls();
    sheet.getRange('A1:B2').getValues(); // nothing queued: a cached read
    sheet.getRange('A1').setValue(1); // queued
    sheet.getRange('B1').setValue(2); // queued
    sheet.getRange('A1:B2').getValues(); // commits the two writes: round trip 1
    sheet.getMaxRows(); // nothing queued since: cached
    twin.SpreadsheetApp.flush(); // nothing queued: no round trip
    sheet.getRange('A2').setValue(3);
    twin.SpreadsheetApp.flush(); // round trip 2
    twin.spreadsheet.insertSheet('Новый'); // structural, and it leaves the cache to commit
    twin.spreadsheet.getSheetByName('Новый'); // round trip 3
    const { kinds } = twin.costs;
    expect(twin.roundTrips).toBe(3);
    expect(kinds.queuedWrite).toBe(3);
    expect(kinds.structural).toBe(1);
    expect(kinds.cachedRead).toBe(2); // the first getValues and getMaxRows
  });

  it('estimates time from the per-kind and per-cell costs', () => {
    const twin = createTwin();
    const sheet = twin.SpreadsheetApp.getActiveSheet();
    twin.resetCalls();
    sheet.getRange(1, 1, 10, 10).setValues(Array.from({ length: 10 }, () => Array(10).fill(1))); // local getRange + queued write of 100 cells
    sheet.getRange(1, 1, 10, 10).getValues(); // flushing read of 100 cells
    const c = PUBLISHED_COSTS;
    const expected = c.callMs.queuedWrite + 100 * c.cellWrittenMs + c.callMs.flushingRead + 100 * c.cellReadMs;
    expect(twin.costs.estimatedMs).toBeCloseTo(expected, 9);
  });
});

describe('Range.copyTo and deleting a sheet', () => {
  it('copies values, formats and column widths on the server without sending cells, and keeps the destination’s notes', () => {
    const twin = createTwin();
    const ss = twin.spreadsheet;
    const from = ss.insertSheet('Из');
    const to = ss.insertSheet('В');
    from.getRange('A1:B1').setValues([[1, 'да']]);
    from.getRange('A1').setNumberFormat('0.0');
    from.setColumnWidth(2, 250);
    to.getRange('A1').setNote('моя заметка');
    twin.resetCalls();
    from.getRange('A1:B1').copyTo(to.getRange('A1'), twin.SpreadsheetApp.CopyPasteType.PASTE_NORMAL, false);
    from.getRange('A1:B1').copyTo(to.getRange('A1'), twin.SpreadsheetApp.CopyPasteType.PASTE_COLUMN_WIDTHS, false);
    expect(twin.cellsWritten).toBe(0);
    expect(to.getRange('A1:B1').getValues()).toEqual([[1, 'да']]);
    expect(to.getRange('A1').getNumberFormat()).toBe('0.0');
    expect(to.getColumnWidth(2)).toBe(250);
    expect(to.getRange('A1').getNote()).toBe('моя заметка');
  });

  it('turns references to a deleted sheet into #REF!, even if a sheet of that name comes back, and forgets its id', () => {
    const twin = createTwin();
    const ss = twin.spreadsheet;
    const target = ss.insertSheet('ИСБШ');
    const id = target.getSheetId();
    const mine = ss.insertSheet('Мой анализ');
    mine.getRange('A1').setFormula('=ИСБШ!F2');
    mine.getRange('A2').setFormula("=SUM('ИСБШ'!E2:E10)+МоёИСБШ!A1");
    ss.deleteSheet(target);
    const again = ss.insertSheet('ИСБШ');
    expect(again.getSheetId()).not.toBe(id);
    expect(mine.getRange('A1').getFormula()).toBe('=#REF!');
    expect(mine.getRange('A2').getFormula()).toBe('=SUM(#REF!)+МоёИСБШ!A1');
  });
});
