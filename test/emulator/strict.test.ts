/**
 * The stricter twin on its own (without the add-in): overlapping executions, platform errors in Russian,
 * a null document lock outside a document, triggers per user and none in test deployments, hourly
 * time-driven triggers for add-ons, the time limit that kills an execution, en_US rule formulas, and the
 * limits on sheet names and on the number of tabs.
 */
import { describe, expect, it } from 'vitest';
import { createTwin } from '../../emulator/index';
import { enUsFormulaProblem } from '../../emulator/spreadsheet/formulaGrammar';

describe('the stricter twin', () => {
  it('runs an overlapping execution at the nth call of a method, while the first holds the document lock', () => {
    const twin = createTwin();
    const lock = twin.LockService.getDocumentLock();
    expect(lock.tryLock(0)).toBe(true);
    let other: boolean | null = null;
    twin.overlap({ method: 'Spreadsheet.getSheets' }, () => {
      other = twin.rt.runExecution({ authMode: 'FULL', hasUi: true }, () => twin.LockService.getDocumentLock().tryLock(0));
    });
    expect(twin.pendingOverlaps).toBe(1);
    twin.spreadsheet.getSheets();
    expect(twin.pendingOverlaps).toBe(0);
    expect(other).toBe(false);
    lock.releaseLock();
  });

  it('words platform errors in Russian for a Russian user', () => {
    const twin = createTwin({ userLanguage: 'ru' });
    twin.failAtWrite(1);
    expect(() => twin.spreadsheet.getSheets()[0].getRange(1, 1).setValue(1)).toThrow(/^Сбой службы «Таблицы» при доступе к документу/);
  });

  it('refuses a sheet name longer than 100 characters, by insertSheet and by setName', () => {
    const twin = createTwin();
    const ss = twin.spreadsheet;
    expect(ss.insertSheet('Л'.repeat(100)).getName()).toHaveLength(100);
    expect(() => ss.insertSheet('Л'.repeat(101))).toThrow(/at most 100 characters/);
    expect(() => ss.getSheets()[0].setName('Д'.repeat(101))).toThrow(/at most 100 characters/);
    expect(ss.getSheets()).toHaveLength(2);
  });

  it('refuses the 201st tab', () => {
    const twin = createTwin();
    const ss = twin.spreadsheet;
    for (let i = ss.getSheets().length; i < 200; i++) ss.insertSheet(`Лист ${i + 1}`);
    expect(ss.getSheets()).toHaveLength(200);
    expect(() => ss.insertSheet('Ещё один')).toThrow(/already has 200 sheets/);
  });

  it('returns null for the document lock outside a containing document', () => {
    const twin = createTwin();
    twin.setContainingDocument(false);
    expect(twin.LockService.getDocumentLock()).toBeNull();
  });

  it('shows each user only their own triggers, refuses them in a test deployment, and add-on clocks more than hourly', () => {
    const twin = createTwin();
    twin.ScriptApp.newTrigger('f').forSpreadsheet(twin.spreadsheet).onFormSubmit().create();
    expect(twin.ScriptApp.getProjectTriggers().length).toBe(1);
    twin.setActiveUser('other@example.org');
    expect(twin.ScriptApp.getProjectTriggers().length).toBe(0);
    expect(twin.ScriptApp.getUserTriggers(twin.spreadsheet).length).toBe(0);
    expect(twin.triggers[0].owner).toBe('methodologist@example.org');

    const test = createTwin({ deployment: 'addonTest' });
    expect(() => test.ScriptApp.newTrigger('f').forSpreadsheet(test.spreadsheet).onFormSubmit().create()).toThrow(/test deployment/);
    const addon = createTwin({ deployment: 'addon' });
    expect(() => addon.ScriptApp.newTrigger('f').timeBased().everyMinutes(30)).toThrow(/at most once per hour/);
    expect(addon.ScriptApp.newTrigger('f').timeBased().everyHours(1).create().getHandlerFunction()).toBe('f');
  });

  it('kills an execution at the time limit: a caught error does not save it and later calls fail too', () => {
    const twin = createTwin({ enforceTimeLimit: true, costs: { perCallMs: 60_000 } });
    let caught = false;
    expect(() =>
      twin.rt.runExecution({ authMode: 'FULL', hasUi: true }, () => {
        try {
          for (let i = 0; i < 10; i++) twin.spreadsheet.getSheets();
        } catch {
          caught = true;
        }
        return 'done';
      }),
    ).toThrow('Exceeded maximum execution time');
    expect(caught).toBe(true);
    expect(twin.lastExecution?.killed).toBe(true);
  });

  it('accepts rule formulas only in the en_US form', () => {
    expect(enUsFormulaProblem('=AND($E5<>"",$E5<TODAY(),$F5<>"выполнено")')).toBeNull();
    expect(enUsFormulaProblem("='Лист 1'!$A$1:B2>0.5")).toBeNull();
    expect(enUsFormulaProblem('={1,2;3,4}')).toBeNull();
    expect(enUsFormulaProblem('=AND($E5<>"";$E5<TODAY())')).toMatch(/«;» as a separator/);
    expect(enUsFormulaProblem('=ЕСЛИ(A1>0,1,0)')).toMatch(/not an English function name/);
    // «;» inside a text literal is text, not a separator.
    expect(enUsFormulaProblem('=$A1="a;b"')).toBeNull();
    const twin = createTwin();
    expect(() => twin.SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied('=AND(A1;B1)')).toThrow(/en_US/);
    expect(() => twin.SpreadsheetApp.newDataValidation().requireFormulaSatisfied('=СУММ(A1:A2)>0')).toThrow(/en_US/);
  });
});
