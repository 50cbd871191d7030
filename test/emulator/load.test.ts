import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTwin, loadAddon } from '../../emulator/index';

// Shaped like build/Code.js: an IIFE assigning App_, then top-level wrappers Apps Script can see.
const CODE = `
var App_ = (() => {
  var runs = 0;
  function onOpen(e) {
    var menu = SpreadsheetApp.getUi().createAddonMenu().addItem('Открыть панель', 'showSidebar');
    if (!e || e.authMode !== ScriptApp.AuthMode.NONE) {
      var props = PropertiesService.getDocumentProperties();
      if (props.getProperty('ready')) menu.addItem('Пересчитать', 'recalculate');
    }
    menu.addToUi();
  }
  function readFirstProperty() {
    return PropertiesService.getDocumentProperties().getProperty('ready');
  }
  function typesSeenInside() {
    var sheet = SpreadsheetApp.getActiveSheet();
    sheet.getRange('A1:B1').setValues([[new Date(Date.UTC(2024, 0, 2)), 5]]);
    var values = sheet.getRange('A1:B1').getValues();
    var caught = null;
    try { sheet.getRange('A1:B2').setValues([[1, 2]]); } catch (err) { caught = err; }
    return {
      dateIsDate: values[0][0] instanceof Date,
      rowsAreArrays: values instanceof Array && values[0] instanceof Array,
      errorIsError: caught instanceof Error,
      errorMessage: caught && caught.message
    };
  }
  function countRuns() { runs += 1; return runs; }
  function guardedRun() {
    var lock = LockService.getDocumentLock();
    if (!lock.tryLock(1000)) return 'занято';
    SpreadsheetApp.getActiveSheet().getRange('A1').setValue('готово');
    return 'ok';
  }
  function returnsDate() { return new Date(); }
  function returnsPlain(x) { return { echo: x, list: [1, 'два'] }; }
  function makeForm() { return FormApp.create('Паспорт').getId(); }
  function onFormSubmit(e) { SpreadsheetApp.getUi(); }
  return { onOpen, readFirstProperty, typesSeenInside, countRuns, guardedRun, returnsDate, returnsPlain, makeForm, onFormSubmit };
})();
function onOpen(e) { return App_.onOpen(e); }
function readFirstProperty() { return App_.readFirstProperty(); }
function typesSeenInside() { return App_.typesSeenInside(); }
function countRuns() { return App_.countRuns(); }
function guardedRun() { return App_.guardedRun(); }
function returnsDate() { return App_.returnsDate(); }
function returnsPlain(x) { return App_.returnsPlain(x); }
function makeForm() { return App_.makeForm(); }
function onFormSubmit(e) { return App_.onFormSubmit(e); }
`;

function buildDir(manifest?: object): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'twin-build-'));
  writeFileSync(path.join(dir, 'Code.js'), CODE);
  if (manifest) writeFileSync(path.join(dir, 'appsscript.json'), JSON.stringify(manifest));
  return dir;
}

describe('loadAddon', () => {
  it('evaluates Code.js without touching any service and lists its top-level functions', () => {
    const twin = createTwin();
    const addon = loadAddon(twin, { buildDir: buildDir() });
    expect(addon.callsAtLoad).toBe(0);
    expect(twin.totalCalls()).toBe(0);
    expect(addon.functions).toEqual(expect.arrayContaining(['onOpen', 'guardedRun', 'onFormSubmit']));
  });

  it('runs onOpen in AuthMode NONE without touching properties and adds the add-on menu', () => {
    const twin = createTwin();
    const addon = loadAddon(twin, { buildDir: buildDir() });
    addon.call('onOpen', twin.openEvent(twin.ScriptApp.AuthMode.NONE));
    expect(twin.calls.get('PropertiesService.getDocumentProperties')).toBeUndefined();
    expect(twin.ui.menu()!.items).toEqual([{ caption: 'Открыть панель', functionName: 'showSidebar' }]);
  });

  it('makes a function that reads document properties fail in AuthMode NONE', () => {
    const twin = createTwin();
    const addon = loadAddon(twin, { buildDir: buildDir() });
    expect(() => addon.call('readFirstProperty', { authMode: 'NONE' })).toThrow(
      'You do not have permission to call PropertiesService.getDocumentProperties',
    );
    twin.PropertiesService.getDocumentProperties().setProperty('ready', 'да');
    expect(addon.call('readFirstProperty', { authMode: 'LIMITED' })).toBe('да');
  });

  it('hands the add-in Dates, Arrays and Errors of its own realm and accepts its arrays', () => {
    const twin = createTwin();
    const addon = loadAddon(twin, { buildDir: buildDir() });
    const seen = addon.call('typesSeenInside');
    expect({ ...seen }).toEqual({
      dateIsDate: true,
      rowsAreArrays: true,
      errorIsError: true,
      errorMessage: 'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    });
    expect(twin.sheetValues('Лист1')).toEqual([[new Date(Date.UTC(2024, 0, 2)), 5]]);
  });

  it('evaluates Code.js afresh for each execution, so module state does not survive a run', () => {
    const twin = createTwin();
    const addon = loadAddon(twin, { buildDir: buildDir() });
    expect(addon.call('countRuns')).toBe(1);
    expect(addon.call('countRuns')).toBe(1);
    const shared = loadAddon(twin, { buildDir: buildDir(), freshContextPerCall: false });
    shared.call('countRuns');
    expect(shared.call('countRuns')).toBe(2);
  });

  it('makes a second run find the document lock held by another execution', () => {
    const twin = createTwin();
    const addon = loadAddon(twin, { buildDir: buildDir() });
    const release = twin.holdDocumentLock();
    expect(addon.call('guardedRun')).toBe('занято');
    expect(twin.sheetValues('Лист1')).toEqual([]);
    release();
    expect(addon.call('guardedRun')).toBe('ok');
    // the lock taken by that run was released when the run ended
    expect(twin.LockService.getDocumentLock().tryLock(10)).toBe(true);
  });

  it('makes a run contend for a lock the test itself holds', () => {
    const twin = createTwin();
    const addon = loadAddon(twin, { buildDir: buildDir() });
    const lock = twin.LockService.getDocumentLock();
    expect(lock.tryLock(10)).toBe(true);
    expect(addon.call('guardedRun')).toBe('занято');
    lock.releaseLock();
    expect(addon.call('guardedRun')).toBe('ok');
  });

  it('reports what the last execution cost', () => {
    const twin = createTwin({ costs: { perCallMs: 5, perCellMs: 0 } });
    const addon = loadAddon(twin, { buildDir: buildDir() });
    addon.call('guardedRun');
    // getDocumentLock, tryLock, getActiveSheet, getRange, setValue = 5 calls = 25 ms, 1 write
    expect(addon.lastExecution).toMatchObject({ calls: 5, writes: 1, elapsedMs: 25, authMode: 'FULL' });
  });

  it('rejects a Date crossing google.script.run and copies plain results', () => {
    const twin = createTwin();
    const addon = loadAddon(twin, { buildDir: buildDir() });
    expect(() => addon.run('returnsDate')).toThrow('a Date cannot cross google.script.run');
    expect(() => addon.run('returnsPlain', new Date())).toThrow('a Date cannot cross google.script.run');
    expect(addon.run('returnsPlain', '2024-01-01')).toEqual({ echo: '2024-01-01', list: [1, 'два'] });
  });

  it('refuses a service whose scope the manifest does not list', () => {
    const twin = createTwin();
    const addon = loadAddon(twin, {
      buildDir: buildDir({ oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'] }),
    });
    expect(() => addon.call('makeForm')).toThrow(
      'Specified permissions are not sufficient to call FormApp.create. Required permissions: https://www.googleapis.com/auth/forms',
    );
  });

  it('runs an installable trigger event without a user interface', () => {
    const twin = createTwin();
    const addon = loadAddon(twin, { buildDir: buildDir() });
    expect(() => addon.call('onFormSubmit', { authMode: 'FULL', triggerUid: '123' })).toThrow(
      'Cannot call SpreadsheetApp.getUi() from this context.',
    );
  });

  it('names a missing function', () => {
    const twin = createTwin();
    const addon = loadAddon(twin, { buildDir: buildDir() });
    expect(() => addon.call('nope')).toThrow('twin: nope is not a top-level function');
  });
});
