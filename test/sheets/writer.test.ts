import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTwin } from '../../emulator/index';
import { stageSheet } from '../../src/sheets/writer';
import type { SheetSpec } from '../../src/sheets/sheetSpec';

/** The writer against the twin's SpreadsheetApp, which refuses ranges past a sheet's grid as Sheets does. */
function twinWithGlobals() {
  const twin = createTwin();
  vi.stubGlobal('SpreadsheetApp', twin.services.SpreadsheetApp);
  vi.stubGlobal('Charts', twin.services.Charts);
  return { twin, ss: twin.SpreadsheetApp.getActiveSpreadsheet() };
}

function columns(n: number): SheetSpec['columns'] {
  return Array.from({ length: n }, (_, i) => ({ header: `Столбец ${i + 1}`, format: '0' }));
}

describe('stageSheet on a new sheet, whose grid is 1000 rows × 26 columns', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('writes a table wider than 26 columns (as «ШНОР» with nine procedures: 10 + 2 × 9 + 1 = 29)', () => {
    const { ss } = twinWithGlobals();
    const spec: SheetSpec = { name: 'Широкий', columns: columns(29), rows: [Array.from({ length: 29 }, (_, i) => i + 1)], filter: true };
    const sheet = stageSheet(ss, spec);
    // Header in row 1, the data row in row 2; column 29 is AC.
    expect(sheet.getRange(2, 29).getValue()).toBe(29);
    expect(sheet.getRange('A1:AC1').getValues()[0][28]).toBe('Столбец 29');
    expect(sheet.getMaxColumns()).toBe(29);
    expect(sheet.getFilter()!.getRange().getA1Notation()).toBe('A1:AC2');
  });

  it('writes more than 1000 rows, with validations and spare rows below them', () => {
    const { ss } = twinWithGlobals();
    const rows = Array.from({ length: 1200 }, (_, i) => [i + 1, 'нет']);
    const spec: SheetSpec = {
      name: 'Длинный',
      columns: columns(2),
      rows,
      spareRows: 5,
      validations: [{ kind: 'list', column: 1, values: ['да', 'нет'] }],
    };
    const sheet = stageSheet(ss, spec);
    // 1 header row + 1200 data rows: the last data row is row 1201; the spare rows reach row 1206.
    expect(sheet.getRange(1201, 1).getValue()).toBe(1200);
    expect(sheet.getMaxRows()).toBe(1206);
    expect(sheet.getRange(1206, 2).getDataValidation()).not.toBeNull();
  });

  it('makes room for a block and a chart placed to the right of the table', () => {
    const { ss } = twinWithGlobals();
    const spec: SheetSpec = {
      name: 'С диаграммой',
      columns: columns(3),
      rows: [[1, 2, 3]],
      // A block at AD1:AE3 and a chart anchored at AG2.
      blocks: [
        {
          row: 1,
          column: 30,
          values: [
            ['Уровень', 'Школ'],
            ['высокий', 4],
            ['низкий', 2],
          ],
        },
      ],
      charts: [
        { kind: 'COLUMN', title: 'Школы', ranges: [{ row: 1, column: 30, numRows: 3, numColumns: 2 }], anchor: { row: 2, column: 33 } },
      ],
    };
    const sheet = stageSheet(ss, spec);
    expect(sheet.getRange('AD1:AE3').getValues()).toEqual([
      ['Уровень', 'Школ'],
      ['высокий', 4],
      ['низкий', 2],
    ]);
    // The chart's anchor column 33 plus 6 columns of room for the chart itself; rows: anchor row 2 + 20.
    expect(sheet.getMaxColumns()).toBe(39);
    expect(sheet.getMaxRows()).toBe(22);
    const info = sheet.getCharts()[0].getContainerInfo();
    expect([info.getAnchorRow(), info.getAnchorColumn()]).toEqual([2, 33]);
  });

  it('cuts the default grid to a small table, so unused cells do not count against the 10-million-cell limit', () => {
    const { twin, ss } = twinWithGlobals();
    const sheet = stageSheet(ss, { name: 'Узкий', columns: columns(3), rows: [[1, 2, 3]] });
    // Header and one data row; three columns.
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([2, 3]);
    expect(twin.calls.get('Sheet.deleteRows')).toBe(1);
    expect(twin.calls.get('Sheet.deleteColumns')).toBe(1);
  });

  it('keeps one empty row below the header of an empty table, since Sheets cannot freeze every row', () => {
    const { ss } = twinWithGlobals();
    const sheet = stageSheet(ss, { name: 'Пустой', columns: columns(3), rows: [] });
    expect([sheet.getMaxRows(), sheet.getFrozenRows()]).toEqual([2, 1]);
  });

  it('cuts columns before it adds rows: a long narrow table never holds rows × 26 cells, even with little room left', () => {
    const { twin, ss } = twinWithGlobals();
    // 2 000 rows of 3 columns: header + data = 2 001 × 3 = 6 003 cells. Grown rows first, the grid would pass through
    // 2 001 × 26 = 52 026 cells; leave room for the default grid and the table only.
    const model = twin.bound.model;
    const archive = twin.addSheet('Архив', []);
    archive.deleteColumns(2, archive.getMaxColumns() - 1);
    archive.insertRowsAfter(archive.getMaxRows(), 10_000_000 - model.totalCells() - 26_000 - 6_003 - archive.getMaxRows());
    const sheet = stageSheet(ss, { name: 'Длинный узкий', columns: columns(3), rows: Array.from({ length: 2000 }, (_, i) => [i, i, i]) });
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([2001, 3]);
    expect(sheet.getRange(2001, 3).getValue()).toBe(1999);
  });
});

describe('asText: people’s text stays text in a Russian spreadsheet', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('keeps «Ложь», «истина», «TRUE», «0123» and «=1+1» as the text people typed', () => {
    const { ss } = twinWithGlobals();
    const texts = ['Ложь', 'истина', 'TRUE', '0123', '=1+1', '-5', 'Школа №1'];
    const spec: SheetSpec = { name: 'Текст', columns: texts.map((_, i) => ({ header: `Поле ${i + 1}` })), rows: [texts] };
    const sheet = stageSheet(ss, spec);
    expect(sheet.getRange(2, 1, 1, texts.length).getValues()).toEqual([texts]);
    expect(sheet.getRange(2, 1, 1, texts.length).getFormulas()).toEqual([texts.map(() => '')]);
  });
});
