/**
 * The built add-in against the stricter twin: behaviours of the real platform that a lenient twin let
 * pass — overlapping executions (cancel, search and the form trigger while a step runs), platform errors
 * in Russian, a null document lock, triggers that belong to one user and none in test deployments, the
 * 6-minute limit that kills an execution, rule formulas in the en_US form, inputs that change between
 * sidebar steps, and custom functions that use the saved settings.
 */
import { describe, expect, it } from 'vitest';
import { seedSample } from '../../scripts/lib/seed';
import { loadAddon } from '../../emulator/index';
import { PLATFORM_MESSAGES } from '../../emulator/runtime';
import { enUsFormulaProblem } from '../../emulator/spreadsheet/formulaGrammar';
import type { Twin } from '../../emulator/twin';
import { handRegion, school } from '../fixtures/region';
import { newAddon, responsesRows, resultsRows, rowOf, SLOW_PLATFORM } from '../support/harness';

function sample(options: Parameters<typeof newAddon>[1] = {}) {
  return newAddon((t) => seedSample(t as never), options);
}

function handSeed(t: Twin): void {
  const { schools, results } = handRegion();
  t.addSheet('Ответы на форму (1)', responsesRows(schools));
  t.addSheet('Результаты ОП', resultsRows(results));
  t.linkForm('Ответы на форму (1)');
}

const drafts = (twin: Twin) => twin.sheetNames().filter((n) => n.includes('~'));

describe('cancel, search and the form trigger while a sidebar step runs', () => {
  it('a cancel sent while a step holds the lock stops the run at its next part; the outputs stay as they were', () => {
    const { twin, addon } = sample(SLOW_PLATFORM);
    addon.call('menuComputeAll');
    const before = twin.snapshotSpreadsheet();
    const ticket = addon.run('sidebarStartRun', 'compute', {});
    let cancel: { cancelled: boolean; stopping: boolean; message: string } | null = null;
    // The cancel arrives while the first step writes its draft (google.script.run calls overlap).
    twin.overlap({ method: 'Spreadsheet.insertSheet' }, () => (cancel = addon.run('sidebarCancelRun', ticket.runId)));
    const step = addon.run('sidebarRunStep', ticket.runId);
    expect(twin.pendingOverlaps).toBe(0);
    // The cancel did not wait for the lock (the old one failed «уже идёт расчёт»): it asked the step to stop.
    expect(cancel).toMatchObject({ cancelled: false, stopping: true });
    expect(step).toMatchObject({ cancelled: true, finished: false });
    expect(drafts(twin)).toEqual([]);
    expect(twin.snapshotSpreadsheet()).toBe(before);
    expect(addon.run('sidebarState').activeRun).toBeNull();
  });

  it('a cancel that comes while the last part swaps the sheets in is too late: the run is reported done', () => {
    // 20 s per call: every part outlasts a step's time, so each sidebar step is one part.
    const { twin, addon } = sample({ twin: { costs: { perCallMs: 20_000 } }, load: { dateFollowsClock: true } });
    addon.call('menuComputeAll');
    const ticket = addon.run('sidebarStartRun', 'compute', {});
    // Step until only the swap and the protections are left (a step does as many parts as fit in its time).
    const swap = ticket.steps.at(-2);
    let step;
    do step = addon.run('sidebarRunStep', ticket.runId);
    while (!step.finished && step.nextLabel !== swap);
    expect(step.finished).toBe(false);
    let cancel: { cancelled: boolean; stopping: boolean } | null = null;
    // While the last step swaps the sheets in (a sheet is deleted only by the swap).
    twin.overlap({ method: 'Spreadsheet.deleteSheet' }, () => (cancel = addon.run('sidebarCancelRun', ticket.runId)));
    const swapped = addon.run('sidebarRunStep', ticket.runId);
    expect(cancel).toMatchObject({ cancelled: false, stopping: true });
    expect(swapped).toMatchObject({ finished: false, cancelled: false });
    // The sheets are in place: the protections are still put on them, the cancel notwithstanding.
    const last = addon.run('sidebarRunStep', ticket.runId);
    expect(last).toMatchObject({ finished: true, cancelled: false });
    expect(twin.hasSheet('ИСБШ')).toBe(true);
    // The flag was forgotten: the next run is not cancelled by it.
    const next = addon.run('sidebarStartRun', 'check', {});
    let checkStep;
    do {
      checkStep = addon.run('sidebarRunStep', next.runId);
      expect(checkStep.cancelled).toBe(false);
    } while (!checkStep.finished);
  });

  it('a search while a step runs answers instead of waiting for the lock', () => {
    const { twin, addon } = sample(SLOW_PLATFORM);
    const ticket = addon.run('sidebarStartRun', 'compute', {});
    let found: Array<{ schoolCode: string }> = [];
    twin.overlap({ method: 'Spreadsheet.insertSheet' }, () => (found = addon.run('sidebarSchools', '')));
    addon.run('sidebarRunStep', ticket.runId);
    // samples/README.md: 72 schools.
    expect(found.length).toBe(72);
  });

  it('a response whose trigger finds the document busy is not dropped: the hourly catch-up adds it', () => {
    const { twin, addon } = newAddon(handSeed, SLOW_PLATFORM);
    addon.call('menuToggleTrigger');
    const newcomer = school('a5', 'Александровский район', [0.1, 0.7, 0.3, 0.05, 0.2]);
    const answers = responsesRows([newcomer])[1].slice(1);
    // The response comes while a menu recompute holds the lock; its trigger cannot run the recompute.
    twin.overlap({ method: 'Spreadsheet.insertSheet' }, () => addon.call('onFormSubmitRecompute', twin.submitForm(answers)));
    addon.call('menuComputeAll');
    expect(twin.pendingOverlaps).toBe(0);
    expect(twin.sheetValues('ИСБШ').some((r) => r[0] === 'a5')).toBe(false);
    expect(addon.run('sidebarState').trigger.pending).toBe(true);
    addon.call('catchUpRecompute', { triggerUid: 'clock', authMode: 'FULL' });
    // 65 + 1,5 + 14 − 4,5 − 1,75 − 3 = 71,25 → 71,3 (one decimal, half up)
    expect(rowOf(twin, 'ИСБШ', 'a5')[5]).toBe(71.3);
    expect(addon.run('sidebarState').trigger.pending).toBe(false);
  });
});

describe('the form-submit trigger', () => {
  it('a burst of 50 responses costs one recompute while it lasts, and the catch-up one more with all of them', () => {
    const { twin, addon } = newAddon(handSeed);
    addon.call('menuToggleTrigger');
    let recomputes = 0;
    for (let i = 0; i < 50; i++) {
      const answers = responsesRows([school(`b${i}`, 'Александровский район', [0.2, 0.8, 0.2, 0.04, 0.1])])[1].slice(1);
      const event = twin.submitForm(answers);
      const writes = twin.writeCount;
      addon.call('onFormSubmitRecompute', event);
      if (twin.writeCount - writes > 10) recomputes++;
      twin.clock.advance(5000); // one response every 5 seconds
    }
    expect(recomputes).toBe(1);
    twin.clock.advance(60 * 60 * 1000);
    addon.call('catchUpRecompute', { triggerUid: 'clock', authMode: 'FULL' });
    const codes = new Set(twin.sheetValues('ИСБШ').map((r) => r[0]));
    for (let i = 0; i < 50; i++) expect(codes.has(`b${i}`)).toBe(true);
    // Nothing waits any more: the next catch-up writes nothing.
    const writes = twin.writeCount;
    addon.call('catchUpRecompute', { triggerUid: 'clock', authMode: 'FULL' });
    expect(twin.writeCount).toBe(writes);
  });

  it('belongs to the user who set it: the menu and the sidebar say who, and another editor cannot set a second one', () => {
    const { twin, addon } = newAddon(handSeed);
    addon.call('menuToggleTrigger');
    expect(twin.ui.alerts.at(-1)?.message).toMatch(/включён от имени methodologist@example\.org/);
    expect(twin.triggers.map((t) => [t.handler, t.owner])).toEqual([
      ['onFormSubmitRecompute', 'methodologist@example.org'],
      ['catchUpRecompute', 'methodologist@example.org'],
    ]);
    // The hourly catch-up is as often as add-ons allow.
    expect(twin.triggers[1].schedule).toEqual({ everyHours: 1 });
    expect(addon.run('sidebarState').trigger).toMatchObject({ on: true, mine: true, owner: 'methodologist@example.org' });
    twin.setActiveUser('colleague@example.org');
    expect(addon.run('sidebarState').trigger).toMatchObject({ on: true, mine: false, owner: 'methodologist@example.org' });
    expect(addon.run('sidebarState').trigger.text).toMatch(/включил\(а\) methodologist@example\.org.*выключить его может только он/);
    addon.call('menuToggleTrigger');
    expect(twin.ui.alerts.at(-1)?.message).toMatch(/уже включил\(а\) methodologist@example\.org/);
    expect(twin.triggers.length).toBe(2);
    twin.setActiveUser('methodologist@example.org');
    addon.call('menuToggleTrigger');
    expect(twin.triggers).toEqual([]);
    expect(addon.run('sidebarState').trigger.on).toBe(false);
  });

  it('in a test deployment of the add-on the toggle says installable triggers are not supported, instead of failing', () => {
    const { twin, addon } = newAddon(handSeed, { twin: { deployment: 'addonTest' } });
    addon.call('menuToggleTrigger');
    expect(twin.ui.alerts.at(-1)?.message).toMatch(
      /^Пересчёт при новом ответе формы здесь включить нельзя: в тестовом развёртывании дополнения/,
    );
    expect(twin.triggers).toEqual([]);
    expect(addon.run('sidebarState').trigger.on).toBe(false);
  });
});

describe('platform errors and limits', () => {
  it('recognises Google’s Russian service-failure and cell-limit messages and gives the specific advice', () => {
    const { twin, addon } = sample({ twin: { userLanguage: 'ru' } });
    twin.failAtWrite(3);
    addon.call('menuComputeAll');
    expect(twin.ui.alerts.at(-1)?.message).toBe(
      'Не удалось выполнить: служба Google Таблиц временно не ответила. Повторите через минуту.\nПрежние листы с результатами не изменены.',
    );
    twin.failAtWrite(3, PLATFORM_MESSAGES.cellLimit.ru(10_000_000));
    addon.call('menuComputeAll');
    expect(twin.ui.alerts.at(-1)?.message).toMatch(/^Таблица Google достигла предела в 10\u00a0000\u00a0000 ячеек/);
  });

  it('the 6-minute limit kills a menu run: no catch runs, the previous outputs stay, the next run clears the drafts', () => {
    const { twin, addon } = sample({ twin: { userLanguage: 'ru', enforceTimeLimit: true } });
    addon.call('menuComputeAll');
    const before = { isbsh: twin.snapshotSheet('ИСБШ'), shnor: twin.snapshotSheet('ШНОР') };
    const alerts = twin.ui.alerts.length;
    // 500 ms per call from now: the run passes 6 simulated minutes before its swap.
    twin.clock.costs.perCallMs = 500;
    expect(() => addon.call('menuComputeAll')).toThrow('Превышено максимально допустимое время выполнения');
    expect(twin.lastExecution?.killed).toBe(true);
    expect(twin.ui.alerts.length).toBe(alerts);
    expect(twin.snapshotSheet('ИСБШ')).toBe(before.isbsh);
    expect(twin.snapshotSheet('ШНОР')).toBe(before.shnor);
    twin.clock.costs.perCallMs = 5;
    addon.call('menuComputeAll');
    expect(twin.ui.alerts.at(-1)?.message).toMatch(/^Расчёт за \d{4} год завершён/);
    expect(drafts(twin)).toEqual([]);
  });

  it('outside a containing document (no document lock) says so in Russian instead of reporting a bug', () => {
    const { twin, addon } = sample();
    twin.setContainingDocument(false);
    addon.call('menuComputeAll');
    expect(twin.ui.alerts.at(-1)?.message).toMatch(/^ШНОР-монитор работает только внутри Google Таблицы/);
    expect(() => addon.run('sidebarStartRun', 'compute', {})).toThrow(/^ШНОР-монитор работает только внутри Google Таблицы/);
  });
});

describe('formulas in rules', () => {
  it('every conditional-format and validation formula the add-in writes parses as en_US (English names, «,» separators)', () => {
    const { twin, addon } = sample();
    addon.call('menuCreateTemplates');
    addon.call('menuComputeAll');
    addon.call('menuRoadmaps');
    const formulas: string[] = [];
    for (const sheet of twin.spreadsheet.getSheets()) {
      for (const rule of sheet.getConditionalFormatRules()) {
        const condition = rule.getBooleanCondition();
        if (condition && String(condition.getCriteriaType()) === 'CUSTOM_FORMULA') formulas.push(String(condition.getCriteriaValues()[0]));
      }
    }
    // The roadmaps' overdue rule is among them (AND of a deadline, TODAY() and the open statuses).
    expect(formulas.some((f) => f.startsWith('=AND(') && f.includes('TODAY()'))).toBe(true);
    for (const f of formulas) expect(enUsFormulaProblem(f), f).toBeNull();
    // And the twin refuses the ru_RU form outright.
    expect(enUsFormulaProblem('=AND($E5<>"";$E5<TODAY())')).toMatch(/«;» as a separator/);
  });
});

describe('inputs that change between sidebar steps', () => {
  it('the run restarts with the new data instead of swapping in sheets computed from two states', () => {
    const { twin, addon } = newAddon(handSeed, SLOW_PLATFORM);
    const ticket = addon.run('sidebarStartRun', 'compute', {});
    expect(addon.run('sidebarRunStep', ticket.runId)).toMatchObject({ finished: false, restarted: false });
    // A new response arrives between the first and the second step.
    const newcomer = school('a5', 'Александровский район', [0.1, 0.7, 0.3, 0.05, 0.2]);
    twin.submitForm(responsesRows([newcomer])[1].slice(1));
    let step = addon.run('sidebarRunStep', ticket.runId);
    expect(step.restarted).toBe(true);
    while (!step.finished) step = addon.run('sidebarRunStep', ticket.runId);
    // Both the first step's sheet and the later ones include the newcomer: one state of the data.
    expect(rowOf(twin, 'ИСБШ', 'a5')[5]).toBe(71.3);
    expect(twin.sheetValues('ШНОР').some((r) => r[0] === 'a5')).toBe(true);
    expect(drafts(twin)).toEqual([]);
  });
});

describe('sidebar steps that use their time', () => {
  it('a small region computes in one call (one read of the inputs); a slow platform splits the run, each call inside the limit', () => {
    const fast = sample();
    const ticket = fast.addon.run('sidebarStartRun', 'compute', {});
    fast.twin.resetCalls();
    const one = fast.addon.run('sidebarRunStep', ticket.runId, { useTimeLeft: true });
    expect(one.finished).toBe(true);
    const stepReads = fast.twin.callRecord()['Range.getValues'];
    // The one call read the inputs once, as the menu run does: no more value reads than «Рассчитать всё» from the menu.
    fast.twin.resetCalls();
    fast.addon.call('menuComputeAll');
    expect(stepReads).toBeLessThanOrEqual(fast.twin.callRecord()['Range.getValues']);

    // 0,3 s per call with the add-in's clock following the twin's: parts of 100–150 calls take 30–45 s each.
    const slow = sample({ twin: { costs: { perCallMs: 300 } }, load: { dateFollowsClock: true } });
    const run = slow.addon.run('sidebarStartRun', 'compute', {});
    const times: number[] = [];
    let step;
    do {
      step = slow.addon.run('sidebarRunStep', run.runId, { useTimeLeft: true });
      times.push(slow.twin.lastExecution!.elapsedMs);
    } while (!step.finished);
    expect(times.length).toBeGreaterThan(1);
    expect(times.length).toBeLessThan(run.steps.length);
    // Inside the 6-minute limit with room to spare (a part never starts after 150 s, and no part here takes 3 minutes).
    for (const ms of times) expect(ms).toBeLessThan(5 * 60 * 1000);
  });
});

describe('custom functions', () => {
  it('use the spreadsheet’s saved settings, so they agree with the «ИСБШ» and «ШНОР» sheets', () => {
    const { twin, addon } = sample();
    // Sheets runs custom functions in AuthMode.CUSTOM_FUNCTION (reads only).
    const cells = loadAddon(twin, { authMode: 'CUSTOM_FUNCTION' });
    const settings = addon.run('sidebarState').settings;
    // Default bounds 79,5 / 81,6 / 83,9 / 86,4: 80 is «ниже среднего»; default threshold 30 %: two procedures at 35 % make a ШНОР.
    expect(cells.call('ISBSH_LEVEL', 80)).toBe('ниже среднего');
    expect(cells.call('SHNOR_STATUS', [[0.35, 0.35]], [[0, 0]])).toBe('ШНОР');
    expect(addon.run('sidebarSaveSettings', { ...settings, isbshLevelBounds: [80.5, 81.6, 83.9, 86.4], shnorThreshold: 0.4 }).ok).toBe(
      true,
    );
    // Saved bounds 80,5 / …: 80 is now «низкий».
    expect(cells.call('ISBSH_LEVEL', 80)).toBe('низкий');
    // Saved threshold 40 %: 35 % is below it in both procedures, 45 % above.
    expect(cells.call('SHNOR_STATUS', [[0.35, 0.35]], [[0, 0]])).toBe('не ШНОР');
    expect(cells.call('SHNOR_STATUS', [[0.45, 0.45]], [[0, 0]])).toBe('ШНОР');
    // The «ШНОР» sheet agrees: the same threshold is used by the menu run (its settings line says 40 %).
    addon.call('menuComputeAll');
    expect(JSON.stringify(twin.sheetValues('ШНОР'))).toMatch(/40/);
  });
});
