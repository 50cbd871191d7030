/**
 * A small spreadsheet built through the Apps Script API of the twin, as the add-in's writer builds
 * its outputs: formats, a frozen bold header, a note, a list validation, conditional rules and three
 * charts. Values are small enough to check every expectation by hand.
 */
import { createTwin, ChartType } from '../../emulator/index';
import type { Twin } from '../../emulator/twin';

export const INJECTED_NAME = '<img src=x onerror=alert(1)>';
export const QUOTED_NAME = 'Школа "Б" & <b>';

/** 01.09.2025 00:00 in Moscow (UTC+3) = 31.08.2025 21:00 UTC. */
export const SEPT_FIRST_MSK = new Date(Date.UTC(2025, 7, 31, 21, 0, 0));

export function fixtureTwin(): Twin {
  const twin = createTwin();
  const ss = twin.spreadsheet;
  const sheet = ss.getSheets()[0];
  sheet.setName('Школы');
  sheet.getRange(2, 3, 2, 3).setNumberFormats([
    ['0.0', '0%', 'dd.MM.yyyy'],
    ['0.0', '0%', 'dd.MM.yyyy'],
  ]);
  sheet.getRange(1, 1, 3, 6).setValues([
    ['Код ОО', 'Наименование ОО', 'ИСБШ', 'Доля ШНОР', 'Дата', 'Уровень'],
    ['edu1', INJECTED_NAME, 78.456, 1 / 3, SEPT_FIRST_MSK, 'низкий'],
    ['edu2', QUOTED_NAME, 85, 0.5, SEPT_FIRST_MSK, 'высокий'],
  ]);
  sheet.getRange(1, 1, 1, 6).setFontWeight('bold');
  sheet.getRange(1, 1).setNote('Код образовательной организации');
  sheet.setFrozenRows(1);
  sheet.setColumnWidth(2, 280);
  const app = twin.SpreadsheetApp;
  sheet
    .getRange(2, 6, 2, 1)
    .setDataValidation(app.newDataValidation().requireValueInList(['низкий', 'высокий'], true).setAllowInvalid(false).build());
  sheet.setConditionalFormatRules([
    app
      .newConditionalFormatRule()
      .whenTextEqualTo('низкий')
      .setBackground('#f4c7c3')
      .setRanges([sheet.getRange(2, 6, 2, 1)])
      .build(),
    app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$C2>80')
      .setBackground('#d9ead3')
      .setRanges([sheet.getRange(2, 1, 2, 6)])
      .build(),
  ]);
  const chart = (type: unknown, title: string, ranges: Array<[number, number, number, number]>, stacked = false) => {
    const b = sheet.newChart().setChartType(type as GoogleAppsScript.Charts.ChartType);
    for (const [r, c, nr, nc] of ranges) b.addRange(sheet.getRange(r, c, nr, nc));
    b.setNumHeaders(1).setPosition(6, 1, 0, 0).setOption('title', title);
    if (stacked) b.setOption('isStacked', true);
    sheet.insertChart(b.build());
  };
  chart(
    ChartType.COLUMN,
    'Доля ШНОР <по школам>',
    [
      [1, 2, 3, 1],
      [1, 4, 3, 1],
    ],
    true,
  );
  chart(ChartType.BAR, 'ИСБШ по школам', [
    [1, 2, 3, 1],
    [1, 3, 3, 1],
  ]);
  chart(ChartType.PIE, 'Уровни & доли', [
    [1, 2, 3, 1],
    [1, 3, 3, 1],
  ]);

  const roadmap = ss.insertSheet('ДК edu1');
  roadmap.getRange(1, 1, 3, 3).setValues([
    ['Мероприятие', 'Срок', 'Статус'],
    ['Анализ результатов', new Date(Date.UTC(2025, 8, 30, 9)), 'в работе'],
    ['Собрание родителей', new Date(Date.UTC(2025, 8, 30, 9)), 'выполнено'],
  ]);
  roadmap.getRange(2, 2, 2, 1).setNumberFormat('dd.MM.yyyy');
  roadmap.setConditionalFormatRules([
    app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=AND($B2<>"",$B2<TODAY(),$C2<>"выполнено",$C2<>"отменено")')
      .setBackground('#f4cccc')
      .setRanges([roadmap.getRange(2, 1, 2, 3)])
      .build(),
  ]);
  return twin;
}
