import { describe, expect, it } from 'vitest';
import { createTwin } from '../../emulator/index';

function setup() {
  const twin = createTwin();
  const ss = twin.SpreadsheetApp.getActiveSpreadsheet();
  return { twin, ss };
}

describe('Spreadsheet sheets', () => {
  it('starts with one sheet «Лист1» whose id is 0', () => {
    const { ss } = setup();
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Лист1']);
    expect(ss.getSheets()[0].getSheetId()).toBe(0);
    expect(ss.getFormUrl()).toBeNull();
  });

  it('refuses to insert a sheet whose name exists, ignoring case, with the Sheets message', () => {
    const { ss } = setup();
    ss.insertSheet('ШНОР');
    expect(() => ss.insertSheet('шнор')).toThrow('A sheet with the name "шнор" already exists. Please enter another name.');
  });

  it('inserts after the active sheet, or at a 0-based index, and activates the new sheet', () => {
    const { ss } = setup();
    ss.insertSheet('B');
    ss.setActiveSheet(ss.getSheetByName('Лист1')!);
    ss.insertSheet('A');
    ss.insertSheet('Первый', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Первый', 'Лист1', 'A', 'B']);
    expect(ss.getActiveSheet().getName()).toBe('Первый');
    expect(ss.getSheetByName('A')!.getIndex()).toBe(3);
  });

  it('names unnamed sheets Лист2, Лист3 ...', () => {
    const { ss } = setup();
    expect(ss.insertSheet().getName()).toBe('Лист2');
    expect(ss.insertSheet().getName()).toBe('Лист3');
  });

  it('refuses to delete the last sheet', () => {
    const { ss } = setup();
    expect(() => ss.deleteSheet(ss.getSheets()[0])).toThrow("You can't remove all the sheets in a document.");
  });

  it('deletes a sheet and makes its ranges unusable', () => {
    const { ss } = setup();
    const sheet = ss.insertSheet('Временный');
    const range = sheet.getRange('A1');
    ss.deleteSheet(sheet);
    expect(ss.getSheetByName('Временный')).toBeNull();
    expect(() => range.getValue()).toThrow('The sheet "Временный" has been deleted.');
  });

  it('refuses to rename a sheet to an existing name and renames otherwise', () => {
    const { ss } = setup();
    const sheet = ss.insertSheet('Черновик');
    expect(() => sheet.setName('Лист1')).toThrow('A sheet with the name "Лист1" already exists. Please enter another name.');
    sheet.setName('Итог');
    expect(ss.getSheetByName('Итог')!.getSheetId()).toBe(sheet.getSheetId());
  });

  it('moves the active sheet to a 1-based position', () => {
    const { ss } = setup();
    ss.insertSheet('A');
    ss.insertSheet('B');
    ss.setActiveSheet(ss.getSheetByName('B')!);
    ss.moveActiveSheet(1);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['B', 'Лист1', 'A']);
  });

  it('copies cells and formats from a template sheet', () => {
    const { ss } = setup();
    const template = ss.getSheetByName('Лист1')!;
    template.getRange('A1').setValue('№').setFontWeight('bold');
    const copy = ss.insertSheet('Копия', { template });
    expect(copy.getRange('A1').getValue()).toBe('№');
    expect(copy.getRange('A1').getFontWeight()).toBe('bold');
  });

  it('refuses to hide the only visible sheet', () => {
    const { ss } = setup();
    expect(() => ss.getSheets()[0].hideSheet()).toThrow("You can't hide all the sheets in a document.");
  });
});

describe('Sheet structure', () => {
  it('moves cells down when rows are inserted and up when rows are deleted', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0];
    sheet.getRange('A1:A3').setValues([['a'], ['b'], ['c']]);
    sheet.insertRowsAfter(1, 2);
    // a stays in row 1; b and c move to rows 4 and 5; 1000 + 2 rows.
    expect(sheet.getRange('A1:A5').getValues()).toEqual([['a'], [''], [''], ['b'], ['c']]);
    expect(sheet.getMaxRows()).toBe(1002);
    sheet.deleteRows(2, 2);
    expect(sheet.getRange('A1:A3').getValues()).toEqual([['a'], ['b'], ['c']]);
    expect(sheet.getMaxRows()).toBe(1000);
  });

  it('refuses to delete every row', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0];
    expect(() => sheet.deleteRows(1, 1000)).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
    expect(() => sheet.deleteRows(999, 5)).toThrow('Those rows are out of bounds.');
  });

  it('records frozen rows, column widths and tab colour', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0];
    sheet.setFrozenRows(1);
    sheet.setColumnWidths(2, 3, 180);
    sheet.setTabColor('green');
    expect(sheet.getFrozenRows()).toBe(1);
    expect([sheet.getColumnWidth(1), sheet.getColumnWidth(2), sheet.getColumnWidth(4), sheet.getColumnWidth(5)]).toEqual([
      100, 180, 180, 100,
    ]);
    expect(sheet.getTabColor()).toBe('#008000');
  });

  it('appends a row after the last row with content', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0];
    sheet.getRange('A1:B1').setValues([['Код ОО', 'Год']]);
    sheet.appendRow(['edu1', 2024]);
    expect(sheet.getRange('A2:B2').getValues()).toEqual([['edu1', 2024]]);
  });

  it('merges keeping only the top-left value and refuses partial overlaps', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0];
    sheet.getRange('A1:B1').setValues([['Заголовок', 'лишнее']]);
    sheet.getRange('A1:B1').merge();
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['Заголовок', '']]);
    expect(sheet.getRange('B1').isPartOfMerge()).toBe(true);
    expect(() => sheet.getRange('B1:C1').merge()).toThrow('You must select all cells in a merged range to merge or unmerge them.');
    sheet.getRange('A1:B1').breakApart();
    expect(sheet.getRange('B1').isPartOfMerge()).toBe(false);
  });

  it('allows one filter per sheet', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0];
    const filter = sheet.getRange('A1:C10').createFilter();
    expect(filter.getRange().getA1Notation()).toBe('A1:C10');
    expect(() => sheet.getRange('A1:B2').createFilter()).toThrow("You can't create a filter in a sheet that already has a filter.");
    filter.remove();
    expect(sheet.getFilter()).toBeNull();
  });

  it('records sheet and range protections with their settings', () => {
    const { twin, ss } = setup();
    const sheet = ss.getSheets()[0];
    const p = sheet.protect().setDescription('Лист формы: только чтение').setWarningOnly(true);
    const r = sheet.getRange('A1:B2').protect();
    const SheetType = twin.SpreadsheetApp.ProtectionType.SHEET;
    const got = sheet.getProtections(SheetType);
    expect(got).toHaveLength(1);
    expect(got[0].getDescription()).toBe('Лист формы: только чтение');
    expect(got[0].isWarningOnly()).toBe(true);
    expect(p.getRange().getNumRows()).toBe(1000);
    expect(r.getRange().getA1Notation()).toBe('A1:B2');
    // protecting an already protected sheet returns the existing protection
    sheet.protect();
    expect(sheet.getProtections(SheetType)).toHaveLength(1);
    r.remove();
    expect(sheet.getProtections(twin.SpreadsheetApp.ProtectionType.RANGE)).toHaveLength(0);
  });
});

describe('Conditional format rules', () => {
  it("replaces all of a sheet's rules on setConditionalFormatRules, as Sheets does", () => {
    const { twin, ss } = setup();
    const sheet = ss.getSheets()[0];
    const app = twin.SpreadsheetApp;
    const first = app
      .newConditionalFormatRule()
      .whenTextEqualTo('ШНОР')
      .setBackground('#f4cccc')
      .setRanges([sheet.getRange('C2:C50')])
      .build();
    const second = app
      .newConditionalFormatRule()
      .whenNumberLessThan(79.5)
      .setFontColor('#cc0000')
      .setRanges([sheet.getRange('D2:D50')])
      .build();
    sheet.setConditionalFormatRules([first, second]);
    const overdue = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=AND($E2<TODAY(),$I2<>"выполнено")')
      .setBackground('#fce5cd')
      .setBold(true)
      .setRanges([sheet.getRange('A2:J100')])
      .build();
    sheet.setConditionalFormatRules([overdue]);
    const rules = sheet.getConditionalFormatRules();
    expect(rules).toHaveLength(1);
    const condition = rules[0].getBooleanCondition()!;
    expect(String(condition.getCriteriaType())).toBe('CUSTOM_FORMULA');
    expect(condition.getCriteriaValues()).toEqual(['=AND($E2<TODAY(),$I2<>"выполнено")']);
    expect(condition.getBackground()).toBe('#fce5cd');
    expect(condition.getBold()).toBe(true);
    expect(rules[0].getRanges().map((r) => r.getA1Notation())).toEqual(['A2:J100']);
  });

  it('reads back number criteria and lets a copied rule be changed', () => {
    const { twin, ss } = setup();
    const sheet = ss.getSheets()[0];
    const rule = twin.SpreadsheetApp.newConditionalFormatRule()
      .whenNumberBetween(0.3, 0.4)
      .setBackground('#fff2cc')
      .setRanges([sheet.getRange('B2:B9')])
      .build();
    const changed = rule.copy().whenNumberGreaterThanOrEqualTo(0.5).build();
    expect(rule.getBooleanCondition()!.getCriteriaValues()).toEqual([0.3, 0.4]);
    expect(String(changed.getBooleanCondition()!.getCriteriaType())).toBe('NUMBER_GREATER_THAN_OR_EQUAL_TO');
    expect(changed.getBooleanCondition()!.getBackground()).toBe('#fff2cc');
  });
});

describe('Embedded charts', () => {
  it('inserts, reads options and position, updates and removes a chart', () => {
    const { twin, ss } = setup();
    const sheet = ss.getSheets()[0];
    const Charts = twin.services.Charts;
    const chart = sheet
      .newChart()
      .setChartType(Charts.ChartType.COLUMN)
      .addRange(sheet.getRange('A1:B10'))
      .setPosition(2, 5, 10, 0)
      .setOption('title', 'Доля ШНОР по муниципалитетам')
      .setOption('isStacked', true)
      .build();
    expect(chart.getChartId()).toBeNull();
    sheet.insertChart(chart);
    const [inserted] = sheet.getCharts();
    expect(inserted.getChartId()).not.toBeNull();
    expect(inserted.getOptions().get('title')).toBe('Доля ШНОР по муниципалитетам');
    expect(inserted.getOptions().get('isStacked')).toBe(true);
    expect(inserted.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:B10']);
    const info = inserted.getContainerInfo();
    expect([info.getAnchorRow(), info.getAnchorColumn(), info.getOffsetX(), info.getOffsetY()]).toEqual([2, 5, 10, 0]);

    sheet.updateChart(inserted.modify().setOption('title', 'Обновлено').build());
    expect(sheet.getCharts()[0].getOptions().get('title')).toBe('Обновлено');
    expect(sheet.getCharts()).toHaveLength(1);

    sheet.removeChart(sheet.getCharts()[0]);
    expect(sheet.getCharts()).toHaveLength(0);
  });

  it('sets the chart type through asPieChart()', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0];
    const builder = sheet.newChart().asPieChart().addRange(sheet.getRange('A1:B3'));
    expect(String(builder.getChartType())).toBe('PIE');
  });
});
