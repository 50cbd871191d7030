import { describe, expect, it } from 'vitest';
import { MAX_EXECUTION_MS } from '../../emulator/index';
import { generateRegion } from '../../scripts/lib/syntheticRegion';
import {
  diffStates,
  driveSidebarRun,
  InputWatch,
  leftoverSheets,
  outputState,
  seedTwin,
  startSidebarRun,
} from '../support/reliabilitySuites';
import { roadmapPlaces } from '../support/harness';

// The twin's clock charges a cost per service call and per cell; an execution's simulated time is compared with
// Apps Script's 6-minute limit. Here Sheets is slow: 50 ms per call (the default model charges 5 ms).
const SLOW_SHEETS = { perCallMs: 50 };

describe('long work is split into sidebar steps that fit one execution', () => {
  it('splits a roadmap run over 139 ШНОР into steps well inside 6 minutes, where one execution would pass the limit, and the menu sends the user to the sidebar', () => {
    const region = generateRegion({ schools: 900, seed: 31 });
    const oneGo = seedTwin(region, { twin: { costs: SLOW_SHEETS } });
    oneGo.addon.call('menuComputeAll');
    expect(oneGo.twin.ui.alerts.at(-1)?.message).toMatch(/ШНОР: 139;/);
    oneGo.addon.call('menuRoadmaps');
    expect(oneGo.twin.ui.alerts.at(-1)?.message).toMatch(/^Нужно сформировать дорожных карт: 139\. .*боковую панель/s);
    expect(oneGo.twin.sheetNames().filter((n) => n.startsWith('ДК '))).toEqual([]);

    const watch = new InputWatch();
    const chunked = seedTwin(region, { twin: { costs: SLOW_SHEETS, enforceTimeLimit: true } });
    chunked.addon.call('menuComputeAll');
    const ticket = startSidebarRun(watch, chunked, 'roadmaps');
    // 139 schools in steps of at most 20 schools: ⌈139 / 20⌉ = 7 roadmap steps, at least.
    expect(ticket.steps.length).toBeGreaterThanOrEqual(7);
    const run = driveSidebarRun(watch, chunked, ticket.runId);
    expect(run.error).toBeUndefined();
    expect(run.finished).toBe(true);
    for (const ms of run.stepMs) expect(ms).toBeLessThan(MAX_EXECUTION_MS / 2);
    // All of it in one execution would pass the limit.
    expect(run.stepMs.reduce((a, b) => a + b, 0)).toBeGreaterThan(MAX_EXECUTION_MS);
    // 50 tabs «ДК <Код ОО>» at most; the other 89 roadmaps are blocks of «Дорожные карты».
    const placed = roadmapPlaces(chunked.twin);
    expect(placed.tabs).toHaveLength(50);
    expect(placed.combined).toHaveLength(89);
    expect(new Set([...placed.tabs, ...placed.combined]).size).toBe(139);
  });

  it('resumes an interrupted roadmap run from the sidebar where it stopped and ends with the same sheets as an uninterrupted run', () => {
    const region = generateRegion({ schools: 300, seed: 5 });
    const watch = new InputWatch();
    const reference = seedTwin(region);
    reference.addon.call('menuComputeAll');
    const refTicket = startSidebarRun(watch, reference, 'roadmaps');
    expect(refTicket.steps.length).toBeGreaterThanOrEqual(4);
    expect(driveSidebarRun(watch, reference, refTicket.runId).finished).toBe(true);

    const h = seedTwin(region);
    h.addon.call('menuComputeAll');
    const ticket = startSidebarRun(watch, h, 'roadmaps');
    for (let i = 0; i < 2; i++) expect(watch.run(h, 'sidebarRunStep', ticket.runId).error).toBeUndefined();
    // The execution dies here. Reopening the sidebar shows the unfinished run, and the user continues it.
    const state = watch.run(h, 'sidebarState');
    expect(state.value.activeRun).toMatchObject({ runId: ticket.runId, next: 2 });
    const rest = driveSidebarRun(watch, h, ticket.runId);
    expect(rest.finished).toBe(true);
    expect(rest.stepMs).toHaveLength(ticket.steps.length - 2);
    expect(diffStates(outputState(h), outputState(reference))).toEqual([]);
    expect(leftoverSheets(h.twin)).toEqual([]);
    expect(watch.changed).toEqual([]);
  });

  it('finishes a sidebar roadmap run for 200 chosen schools (the run record must stay within the 9 KB property limit)', () => {
    const region = generateRegion({ schools: 200, seed: 8 });
    const codes = region.responses.slice(1).map((r) => String(r[1]));
    const watch = new InputWatch();
    const h = seedTwin(region);
    h.addon.call('menuComputeAll');
    const ticket = startSidebarRun(watch, h, 'roadmaps', { schoolCodes: codes });
    const run = driveSidebarRun(watch, h, ticket.runId);
    expect(run.error).toBeUndefined();
    expect(run.finished).toBe(true);
    const placed = roadmapPlaces(h.twin);
    expect(placed.tabs).toEqual(codes.slice(0, 50));
    expect(placed.combined).toEqual(codes.slice(50));
  });
});
