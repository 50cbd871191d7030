import { UserError } from '../core/errors';
import { removeLeftovers } from '../sheets/writer';
import { assertMayRun } from '../sheets/protections';
import { protectedSheetNames } from '../sheets/accessPlan';
import type { RunKind, RunOptions, RunSummary, RunTicket, StepResult } from './contract';
import { JobContext, stepsFor, type StepOutcome } from './jobs';
import { UI } from './messages';
import { loadSettings } from './settingsStore';

const RUN_KEY = 'shnor.run';
const SUMMARY_KEY = 'shnor.lastSummary';
/** A run untouched for this long is taken as abandoned (the sidebar was closed) and may be replaced. */
const STALE_MS = 30 * 60 * 1000;
const LOCK_WAIT_MS = 1000;

interface StoredRun extends RunTicket {
  options: RunOptions;
  touchedAt: string;
  partial: Omit<RunSummary, 'finishedAt' | 'kind'>;
}

function props(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

/** Runs `fn` holding the document lock; a second run at the same time is refused in Russian and changes nothing. */
export function withDocumentLock<T>(fn: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new UserError(UI.busy);
  try {
    return fn();
  } finally {
    lock.releaseLock();
  }
}

function newContext(options: RunOptions, oneExecution = false): JobContext {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return new JobContext(ss, loadSettings(), options, new Date(), ss.getSpreadsheetTimeZone(), oneExecution);
}

function emptyPartial(): StoredRun['partial'] {
  return { year: null, schoolsRead: 0, problems: 0, shnor: 0, riskZone: 0, priority: 0, roadmaps: 0, protections: 0, accessNotes: [], sheets: [] };
}

function merge(partial: StoredRun['partial'], outcome: StepOutcome, ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  const { protections, ...rest } = outcome.summary ?? {};
  Object.assign(partial, rest);
  // Every roadmap step protects its own roadmaps: the run's count is their sum.
  if (protections) partial.protections += protections;
  for (const name of outcome.sheets ?? []) {
    const sheet = ss.getSheetByName(name);
    if (sheet && !partial.sheets.some((s) => s.name === name)) partial.sheets.push({ name, sheetId: sheet.getSheetId() });
  }
}

export function activeRun(): RunTicket | null {
  const raw = props().getProperty(RUN_KEY);
  if (!raw) return null;
  const run = JSON.parse(raw) as StoredRun;
  return { runId: run.runId, kind: run.kind, steps: run.steps, next: run.next, startedAt: run.startedAt };
}

export function lastSummary(): RunSummary | null {
  const raw = props().getProperty(SUMMARY_KEY);
  return raw ? (JSON.parse(raw) as RunSummary) : null;
}

function formatTime(iso: string): string {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return Utilities.formatDate(new Date(iso), ss.getSpreadsheetTimeZone(), 'dd.MM.yyyy HH:mm');
}

function refuseIfLiveRun(): void {
  const raw = props().getProperty(RUN_KEY);
  if (!raw) return;
  const other = JSON.parse(raw) as StoredRun;
  if (Date.now() - new Date(other.touchedAt).getTime() < STALE_MS) {
    throw new UserError(UI.runActive(UI.kindLabels[other.kind], formatTime(other.startedAt)));
  }
}

/**
 * Refuses the user who may not edit the add-in's protected sheets (docs/методика.md §11) before anything is written
 * or changed: the run, the settings and the column mapping are the runners' alone.
 */
export function assertRunner(): void {
  assertMayRun(SpreadsheetApp.getActiveSpreadsheet(), protectedSheetNames(null));
}

/** Starts a run driven step by step from the sidebar; refuses while another live run exists. */
export function startRun(kind: RunKind, options: RunOptions): RunTicket {
  return withDocumentLock(() => {
    refuseIfLiveRun();
    assertRunner();
    const ctx = newContext(options);
    removeLeftovers(ctx.ss);
    const steps = stepsFor(kind, ctx).map((s) => s.label);
    const now = new Date().toISOString();
    const run: StoredRun = { runId: Utilities.getUuid(), kind, steps, next: 0, startedAt: now, touchedAt: now, options, partial: emptyPartial() };
    props().setProperty(RUN_KEY, JSON.stringify(run));
    return { runId: run.runId, kind, steps, next: 0, startedAt: now };
  });
}

/** Does the next step of the run. A failure discards the run's drafts so the previous outputs stay as they were. */
export function runStep(runId: string): StepResult {
  return withDocumentLock(() => {
    const raw = props().getProperty(RUN_KEY);
    const run = raw ? (JSON.parse(raw) as StoredRun) : null;
    if (!run || run.runId !== runId) throw new UserError(UI.runUnknown);
    const ctx = newContext(run.options);
    const steps = stepsFor(run.kind, ctx);
    if (steps.length !== run.steps.length) {
      // The data changed between steps (e.g. new ШНОР): start over rather than mix two states.
      abandon(ctx.ss);
      throw new UserError(UI.dataChanged);
    }
    let outcome: StepOutcome;
    try {
      outcome = steps[run.next].run(ctx);
    } catch (error) {
      abandon(ctx.ss);
      throw error;
    }
    merge(run.partial, outcome, ctx.ss);
    run.next++;
    run.touchedAt = new Date().toISOString();
    const finished = run.next >= steps.length;
    let summary: RunSummary | null = null;
    if (finished) {
      summary = { ...run.partial, kind: run.kind, finishedAt: run.touchedAt };
      props().setProperty(SUMMARY_KEY, JSON.stringify(summary));
      props().deleteProperty(RUN_KEY);
    } else {
      props().setProperty(RUN_KEY, JSON.stringify(run));
    }
    return { runId, done: run.next - 1, total: steps.length, nextLabel: finished ? '' : steps[run.next].label, finished, summary };
  });
}

/** Forgets the run (unless asked to keep its record) and removes its drafts, so the previous outputs stay as they were. */
function abandon(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, keepRunRecord = false): void {
  if (!keepRunRecord) props().deleteProperty(RUN_KEY);
  try {
    removeLeftovers(ss);
  } catch {
    // The next run removes what is left.
  }
}

export function cancelRun(runId: string): { cancelled: boolean; message: string } {
  return withDocumentLock(() => {
    const current = activeRun();
    if (!current || current.runId !== runId) return { cancelled: false, message: UI.nothingToCancel };
    abandon(SpreadsheetApp.getActiveSpreadsheet());
    return { cancelled: true, message: UI.cancelled };
  });
}

/** Runs every step in this execution (the menu and the form-submit trigger). */
export function runAll(kind: RunKind, options: RunOptions = {}): RunSummary {
  return withDocumentLock(() => {
    refuseIfLiveRun();
    assertRunner();
    const ctx = newContext(options, true);
    removeLeftovers(ctx.ss);
    const partial = emptyPartial();
    try {
      for (const step of stepsFor(kind, ctx)) merge(partial, step.run(ctx), ctx.ss);
    } catch (error) {
      abandon(ctx.ss, true);
      throw error;
    }
    const summary: RunSummary = { ...partial, kind, finishedAt: new Date().toISOString() };
    props().setProperty(SUMMARY_KEY, JSON.stringify(summary));
    return summary;
  });
}
