import { describe, expect, it } from 'vitest';
import { seedSample } from '../../scripts/lib/seed';
import { newAddon, SLOW_PLATFORM } from '../support/harness';

function sample(options: Parameters<typeof newAddon>[1] = {}) {
  return newAddon((t) => seedSample(t as never), options);
}

function problemCount(twin: ReturnType<typeof sample>['twin']): number {
  const values = twin.sheetValues('Проверка данных');
  return values.length - values.findIndex((r) => r[0] === 'Лист') - 1;
}

describe('sidebar endpoints of the built add-in', () => {
  it('reports the responses sheet, its mapped headers, the years and the settings, with nothing that cannot cross google.script.run', () => {
    const { addon } = sample();
    const state = addon.run('sidebarState'); // run() fails on a Date in the result
    expect(state.responsesSheet).toBe('Ответы на форму (1)');
    expect(state.years).toEqual([2024, 2025]);
    const code = state.fields.find((f: { id: string }) => f.id === 'schoolCode');
    expect(state.headers[code.column]).toBe('Код ОО');
    expect(state.settings.shnorThreshold).toBe(0.3);
    expect(state.outputs.map((o: { name: string }) => o.name)).not.toContain('Результаты ОП');
  });

  it('opens when «Результаты ОП» is a single column wide (an imported one-column CSV), offering no years', () => {
    const { twin, addon } = sample();
    const results = twin.spreadsheet.getSheetByName('Результаты ОП')!;
    results.deleteColumns(2, results.getMaxColumns() - 1);
    const state = addon.run('sidebarState');
    expect(state.responsesSheet).toBe('Ответы на форму (1)');
    expect(state.years).toEqual([]);
  });

  it('offers the years of «Результаты ОП» as the run reads them: a school year «2023/24» is 2024, «Год» found by its title', () => {
    const { twin, addon } = sample();
    const results = twin.spreadsheet.getSheetByName('Результаты ОП')!;
    const values = results.getDataRange().getValues();
    const year = values[0].indexOf('Год');
    // The year first, the code second, and the 2024 rows written as the school year 2023/24.
    const rewritten = values.map((row, r) => {
      const y = r > 0 && row[year] === 2024 ? '2023/24' : row[year];
      const rest = row.filter((_, c) => c !== year);
      return [y, ...rest];
    });
    results.getRange(1, 1, rewritten.length, rewritten[0].length).setValues(rewritten);
    expect(addon.run('sidebarState').years).toEqual([2024, 2025]);
  });

  it('saving one field keeps the rest of the mapping, the timestamp included', () => {
    const { twin, addon } = sample();
    addon.call('menuCheckData');
    const before = problemCount(twin);
    const state = addon.run('sidebarState');
    const name = state.fields.find((f: { id: string }) => f.id === 'name').column;
    expect(addon.run('sidebarSaveMapping', state.responsesSheet, { name })).toEqual({ ok: true, problems: [] });
    addon.call('menuCheckData');
    expect(problemCount(twin)).toBe(before);
  });

  it('a changed mapping is kept and used; choosing the same column twice is refused in Russian', () => {
    const { addon } = sample();
    const state = addon.run('sidebarState');
    const col = (id: string) => state.fields.find((f: { id: string }) => f.id === id).column;
    const result = addon.run('sidebarSaveMapping', state.responsesSheet, { kdn: null });
    expect(result.ok).toBe(true);
    expect(addon.run('sidebarState').fields.find((f: { id: string }) => f.id === 'kdn').column).toBeNull();
    const twice = addon.run('sidebarSaveMapping', state.responsesSheet, { municipality: col('name') });
    expect(twice.ok).toBe(false);
    expect(twice.problems[0]).toMatch(/выбран дважды/);
  });

  it('refuses invalid settings with Russian messages and keeps valid ones', () => {
    const { addon } = sample();
    const settings = addon.run('sidebarState').settings;
    const bad = addon.run('sidebarSaveSettings', { ...settings, riskZoneShare: 1.5 });
    expect(bad.ok).toBe(false);
    expect(bad.problems[0]).toBe('Доля зоны риска: доля должна быть от 0\u00a0% до 100\u00a0%, получено «150\u00a0%».');
    expect(addon.run('sidebarSaveSettings', { ...settings, shnorThreshold: 0.35 }).ok).toBe(true);
    expect(addon.run('sidebarState').settings.shnorThreshold).toBe(0.35);
    expect(addon.run('sidebarResetSettings').shnorThreshold).toBe(0.3);
  });

  it('drives a compute run step by step and summarises it', () => {
    const { twin, addon } = sample();
    const ticket = addon.run('sidebarStartRun', 'compute', {});
    // The stages, the swap, and the protections of the inputs and outputs.
    expect(ticket.steps.length).toBe(7);
    let step;
    do step = addon.run('sidebarRunStep', ticket.runId);
    while (!step.finished);
    expect(step.summary.schoolsRead).toBe(72);
    expect(step.summary.sheets.map((s: { name: string }) => s.name)).toContain('ИСБШ');
    expect(twin.sheetNames().filter((n) => n.includes('~'))).toEqual([]);
    expect(addon.run('sidebarState').activeRun).toBeNull();
  });

  it('a failure mid-run says what failed in Russian, keeps the previous outputs and leaves no drafts', () => {
    // Slow calls: each sidebar step does one part, so the failure comes in the second call, after drafts exist.
    const { twin, addon } = sample(SLOW_PLATFORM);
    addon.call('menuComputeAll');
    const before = twin.snapshotSpreadsheet();
    const ticket = addon.run('sidebarStartRun', 'compute', {});
    addon.run('sidebarRunStep', ticket.runId);
    twin.failAtWrite(3);
    let message = '';
    try {
      addon.run('sidebarRunStep', ticket.runId);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe(
      'Не удалось выполнить: служба Google Таблиц временно не ответила. Повторите через минуту.\nПрежние листы с результатами не изменены.',
    );
    expect(twin.snapshotSpreadsheet()).toBe(before);
  });

  it('lists schools matching a search, ШНОР first', () => {
    const { addon } = sample();
    const all = addon.run('sidebarSchools', '');
    expect(all.length).toBe(72);
    expect(all[0].status).toBe('ШНОР');
    const found = addon.run('sidebarSchools', 'северск');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((s: { name: string; municipality: string }) => /северск/i.test(s.name + s.municipality))).toBe(true);
  });
});
