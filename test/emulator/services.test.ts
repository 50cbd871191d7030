import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTwin } from '../../emulator/index';

describe('LockService', () => {
  it('makes a second execution wait for the document lock until the first releases it', () => {
    const twin = createTwin({ costs: { perCallMs: 0 } });
    const locks = twin.LockService;
    const lockA = twin.runAs('A', () => locks.getDocumentLock());
    const lockB = twin.runAs('B', () => locks.getDocumentLock());
    expect(lockA.tryLock(1000)).toBe(true);
    expect(lockA.hasLock()).toBe(true);
    // B waits the whole timeout (charged to the clock) and gives up.
    expect(lockB.tryLock(5000)).toBe(false);
    expect(twin.clock.elapsedMs()).toBe(5000);
    expect(() => lockB.waitLock(1000)).toThrow('Lock timeout: another process was holding the lock for too long.');
    lockA.releaseLock();
    expect(lockB.tryLock(1000)).toBe(true);
    expect(lockA.hasLock()).toBe(false);
  });

  it('lets a test hold the document lock as another execution', () => {
    const twin = createTwin();
    const release = twin.holdDocumentLock();
    expect(twin.LockService.getDocumentLock().tryLock(100)).toBe(false);
    release();
    expect(twin.LockService.getDocumentLock().tryLock(100)).toBe(true);
  });

  it("releases an execution's locks when the execution ends", () => {
    const twin = createTwin();
    twin.newExecution();
    expect(twin.LockService.getDocumentLock().tryLock(100)).toBe(true);
    twin.newExecution();
    expect(twin.LockService.getDocumentLock().tryLock(100)).toBe(true);
  });

  it('keeps the script lock separate from the document lock', () => {
    const twin = createTwin();
    twin.holdDocumentLock();
    expect(twin.LockService.getScriptLock().tryLock(10)).toBe(true);
  });
});

describe('PropertiesService', () => {
  it('throws for document properties in AuthMode NONE', () => {
    const twin = createTwin();
    twin.setAuthMode(twin.AuthMode.NONE);
    expect(() => twin.PropertiesService.getDocumentProperties()).toThrow(
      'You do not have permission to call PropertiesService.getDocumentProperties',
    );
  });

  it('allows document properties in LIMITED but user properties only in FULL', () => {
    const twin = createTwin();
    twin.setAuthMode('LIMITED');
    expect(twin.PropertiesService.getDocumentProperties().getKeys()).toEqual([]);
    expect(() => twin.PropertiesService.getUserProperties()).toThrow(
      'You do not have permission to call PropertiesService.getUserProperties',
    );
  });

  it('stores strings per store and keeps them across executions', () => {
    const twin = createTwin();
    const doc = twin.PropertiesService.getDocumentProperties();
    doc.setProperty('settings', JSON.stringify({ shnorThreshold: 0.3 }));
    doc.setProperties({ a: '1', b: 2 as unknown as string });
    twin.newExecution();
    const again = twin.PropertiesService.getDocumentProperties();
    expect(again.getProperty('b')).toBe('2');
    expect(JSON.parse(again.getProperty('settings')!)).toEqual({ shnorThreshold: 0.3 });
    expect(again.getKeys().sort()).toEqual(['a', 'b', 'settings']);
    expect(twin.PropertiesService.getUserProperties().getProperty('settings')).toBeNull();
    again.deleteProperty('a');
    expect(again.getProperties()).toEqual({ b: '2', settings: '{"shnorThreshold":0.3}' });
  });

  it('rejects a value over 9 KB as Apps Script does', () => {
    const twin = createTwin();
    const doc = twin.PropertiesService.getDocumentProperties();
    expect(() => doc.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    expect(doc.getProperty('big')).toBeNull();
  });
});

describe('CacheService', () => {
  it('returns values until they expire on the simulated clock', () => {
    const twin = createTwin({ costs: { perCallMs: 0 } });
    const cache = twin.services.CacheService.getDocumentCache()!;
    cache.put('progress', '3/10', 60);
    cache.putAll({ a: '1', b: '2' });
    expect(cache.get('progress')).toBe('3/10');
    expect(cache.getAll(['a', 'b', 'c'])).toEqual({ a: '1', b: '2' });
    twin.clock.advance(60_000);
    expect(cache.get('progress')).toBeNull();
    // default lifetime is 600 s: still there after 60 s
    expect(cache.get('a')).toBe('1');
    cache.removeAll(['a', 'b']);
    expect(cache.get('a')).toBeNull();
  });
});

describe('ScriptApp', () => {
  it('creates, lists and deletes installable triggers', () => {
    const twin = createTwin();
    const { ScriptApp } = twin;
    const ss = twin.SpreadsheetApp.getActiveSpreadsheet();
    const t = ScriptApp.newTrigger('onFormSubmitHandler').forSpreadsheet(ss).onFormSubmit().create();
    ScriptApp.newTrigger('continueWork').timeBased().after(60_000).create();
    expect(t.getHandlerFunction()).toBe('onFormSubmitHandler');
    expect(String(t.getEventType())).toBe('ON_FORM_SUBMIT');
    expect(t.getTriggerSourceId()).toBe(ss.getId());
    expect(ScriptApp.getProjectTriggers().map((x) => x.getHandlerFunction())).toEqual(['onFormSubmitHandler', 'continueWork']);
    expect(ScriptApp.getUserTriggers(ss)).toHaveLength(1);
    ScriptApp.deleteTrigger(ScriptApp.getProjectTriggers()[1]);
    expect(twin.triggers.map((x) => x.handler)).toEqual(['onFormSubmitHandler']);
  });

  it('refuses to create triggers outside AuthMode FULL', () => {
    const twin = createTwin();
    twin.setAuthMode('LIMITED');
    expect(() => twin.ScriptApp.newTrigger('x')).toThrow('You do not have permission to call ScriptApp.newTrigger.');
  });

  it('returns a token and exposes the AuthMode enum', () => {
    const twin = createTwin();
    expect(twin.ScriptApp.getOAuthToken()).toBe('twin-token');
    expect(twin.ScriptApp.AuthMode.NONE).toBe('NONE');
  });
});

describe('Ui', () => {
  it('records add-on and named menus with their items', () => {
    const twin = createTwin();
    const ui = twin.SpreadsheetApp.getUi();
    ui.createAddonMenu()
      .addItem('Открыть панель', 'showSidebar')
      .addSeparator()
      .addSubMenu(ui.createMenu('Шаблоны').addItem('Создать «Результаты ОП»', 'createResultsTemplate'))
      .addToUi();
    expect(twin.ui.menu()).toEqual({
      name: null,
      addon: true,
      items: [
        { caption: 'Открыть панель', functionName: 'showSidebar' },
        { separator: true },
        { caption: 'Шаблоны', submenu: [{ caption: 'Создать «Результаты ОП»', functionName: 'createResultsTemplate' }] },
      ],
    });
  });

  it('answers alerts from the queue and records them', () => {
    const twin = createTwin();
    const ui = twin.SpreadsheetApp.getUi();
    twin.ui.queueAnswer(ui.Button.NO);
    const answer = ui.alert('Пересчёт', 'Перезаписать лист «ШНОР»?', ui.ButtonSet.YES_NO);
    expect(answer).toBe(ui.Button.NO);
    expect(ui.alert('Готово')).toBe(ui.Button.OK);
    expect(twin.ui.alerts.map((a) => [a.title, a.message, a.answer])).toEqual([
      ['Пересчёт', 'Перезаписать лист «ШНОР»?', 'NO'],
      ['', 'Готово', 'OK'],
    ]);
    expect(() => ui.alert('Удалить?', ui.ButtonSet.YES_NO)).toThrow('twin: no answer queued');
  });

  it('answers prompts with the queued text and button', () => {
    const twin = createTwin();
    const ui = twin.SpreadsheetApp.getUi();
    twin.ui.queuePrompt('2024');
    const response = ui.prompt('Отчётный год', 'Введите год', ui.ButtonSet.OK_CANCEL);
    expect(response.getResponseText()).toBe('2024');
    expect(response.getSelectedButton()).toBe(ui.Button.OK);
  });

  it('records a sidebar and refuses it outside FULL', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'twin-html-'));
    writeFileSync(path.join(dir, 'Sidebar.html'), '<p>Панель</p>');
    const twin = createTwin({ buildDir: dir });
    const html = twin.services.HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('ШНОР-монитор').setWidth(300);
    twin.SpreadsheetApp.getUi().showSidebar(html);
    expect(twin.ui.sidebars).toEqual([{ kind: 'sidebar', title: 'ШНОР-монитор', content: '<p>Панель</p>', width: 300 }]);
    twin.setAuthMode('LIMITED');
    expect(() => twin.SpreadsheetApp.getUi().showSidebar(html)).toThrow('You do not have permission to call Ui.showSidebar.');
  });

  it('refuses getUi in an execution without a user interface', () => {
    const twin = createTwin();
    twin.newExecution({ hasUi: false });
    expect(() => twin.SpreadsheetApp.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });

  it('records toasts', () => {
    const twin = createTwin();
    twin.SpreadsheetApp.getActiveSpreadsheet().toast('Готово: 42 школы', 'ШНОР-монитор', 5);
    expect(twin.ui.toasts).toEqual([{ message: 'Готово: 42 школы', title: 'ШНОР-монитор', timeoutSeconds: 5 }]);
  });
});

describe('HtmlService', () => {
  it('reports a missing file as Apps Script does', () => {
    const twin = createTwin({ buildDir: mkdtempSync(path.join(tmpdir(), 'twin-html-')) });
    expect(() => twin.services.HtmlService.createHtmlOutputFromFile('Nope')).toThrow('No HTML file named Nope was found.');
  });

  it('evaluates templates with escaped and raw scriptlets', () => {
    const twin = createTwin();
    const t = twin.services.HtmlService.createTemplate('<h1><?= title ?></h1><?!= raw ?><? for (var i = 0; i < 2; i++) { ?>*<? } ?>');
    (t as unknown as Record<string, unknown>).title = 'A & <B>';
    (t as unknown as Record<string, unknown>).raw = '<b>ok</b>';
    expect(t.evaluate().getContent()).toBe('<h1>A &amp; &lt;B&gt;</h1><b>ok</b>**');
  });
});

describe('Session and Logger', () => {
  it('gives the user, the spreadsheet time zone and collects log lines', () => {
    const twin = createTwin({ timeZone: 'Asia/Yekaterinburg' });
    expect(twin.services.Session.getActiveUser().getEmail()).toBe('methodologist@example.org');
    expect(twin.services.Session.getScriptTimeZone()).toBe('Asia/Yekaterinburg');
    twin.services.Logger.log('Школ: %s, ШНОР: %s', 42, 7);
    expect(twin.logs).toEqual(['Школ: 42, ШНОР: 7']);
  });
});
