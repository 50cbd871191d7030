import { describe, expect, it } from 'vitest';
import { generateRegion, RESPONSE_HEADERS } from '../../scripts/lib/syntheticRegion';
import { copyRegion, outputSheetNames, seedTwin } from '../support/reliabilitySuites';

const DONE = /^Расчёт за \d{4} год завершён/;

/**
 * A region computed once; then an analyst builds on the outputs — a formula in their own sheet pointing into «ИСБШ»,
 * their chart, a note and a protection on «ИСБШ», a saved filter view — and a new form response arrives and
 * «Рассчитать всё» runs again. Rebuilding the outputs by deleting and renaming sheets (as the add-in once did) would
 * give every output a new id, turn the formula into `=#REF!` (the twin models that, see emulator/spreadsheet/
 * spreadsheetModel.ts) and lose the chart, note, protection and filter view with the deleted sheet.
 */
describe('output sheets are rewritten in place', () => {
  it('keeps every output’s id, references into it, and what people added, while its contents are new', () => {
    const copy = copyRegion(generateRegion({ schools: 40, seed: 11 }));
    const late = copy.responses.pop()!;
    const lateCode = String(late[RESPONSE_HEADERS.indexOf('Код ОО')]);
    const h = seedTwin(copy);
    h.addon.call('menuComputeAll');
    expect(h.twin.ui.alerts.at(-1)?.message).toMatch(DONE);

    const ss = h.twin.spreadsheet;
    const outputs = outputSheetNames(h);
    expect(outputs).toContain('ИСБШ');
    const ids = outputs.map((n) => ss.getSheetByName(n)!.getSheetId());
    const isbsh = ss.getSheetByName('ИСБШ')!;
    const addinCharts = isbsh.getCharts().length;
    const analysis = ss.insertSheet('Мой анализ');
    analysis.getRange('A1').setFormula('=ИСБШ!F2');
    analysis.getRange('A2').setFormula("=SUM('ИСБШ'!E2:E10)");
    const mine = isbsh
      .newChart()
      .setChartType(h.twin.services.Charts.ChartType.LINE)
      .addRange(isbsh.getRange('E1:E10'))
      .setPosition(3, 25, 0, 0)
      .setOption('title', 'Мой график')
      .build();
    isbsh.insertChart(mine);
    isbsh.getRange(3, 2).setNote('Позвонить директору');
    isbsh.getRange('A1:B1').protect().setDescription('Моя защита');
    h.twin.addFilterView('ИСБШ', 'Только город');
    expect(isbsh.getRange('A:A').getValues().flat()).not.toContain(lateCode);

    h.twin.submitForm(late.slice(1), { timestamp: new Date((late[0] as Date).getTime() + 86_400_000) });
    h.addon.call('menuComputeAll');
    expect(h.twin.ui.alerts.at(-1)?.message).toMatch(DONE);

    // Same sheets, same ids, in the same order.
    expect(outputSheetNames(h).filter((n) => n !== 'Мой анализ')).toEqual(outputs);
    expect(outputs.map((n) => ss.getSheetByName(n)!.getSheetId())).toEqual(ids);
    // New contents: the school whose response came late is now in «ИСБШ».
    const after = ss.getSheetByName('ИСБШ')!;
    expect(after.getRange('A:A').getValues().flat()).toContain(lateCode);
    // References into the sheet still point at it.
    expect(analysis.getRange('A1').getFormula()).toBe('=ИСБШ!F2');
    expect(analysis.getRange('A2').getFormula()).toBe("=SUM('ИСБШ'!E2:E10)");
    // What people added stays; the add-in's own charts are replaced, not duplicated.
    const titles = after.getCharts().map((c) => c.getOptions().get('title'));
    expect(titles.filter((t) => t === 'Мой график')).toHaveLength(1);
    expect(titles).toHaveLength(addinCharts + 1);
    expect(after.getRange(3, 2).getNote()).toBe('Позвонить директору');
    expect(after.getProtections(h.twin.services.SpreadsheetApp.ProtectionType.RANGE).map((p) => p.getDescription())).toContain(
      'Моя защита',
    );
    expect(h.twin.sheetModel('ИСБШ').filterViews.map((v) => v.title)).toEqual(['Только город']);
    expect(h.twin.sheetNames().filter((n) => n.includes('~'))).toEqual([]);
  });
});
