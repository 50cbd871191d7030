import { UserError } from '../core/errors';
import { removeLeftovers } from '../sheets/writer';
import { assertMayRun } from '../sheets/protections';
import { protectedSheetNames } from '../sheets/accessPlan';
import type { CancelResult, RunKind, RunOptions, RunSummary, RunTicket, StepOptions, StepResult } from './contract';
import { JobContext, stepsFor, type Step, type StepOutcome } from './jobs';
import { clearDirtyIf, clearingDirty, dirtyMark } from './dirty';
import { UI } from './messages';
import { deleteLargeProperty, readLargeProperty, writeLargeProperty } from './largeProperty';
import { loadSettings } from './settingsStore';

const RUN_KEY = 'shnor.run';
const SUMMARY_KEY = 'shnor.lastSummary';
/** The id of a run the user asked to cancel; the running step reads it between its parts. */
const CANCEL_KEY = 'shnor.cancel';
/** A run untouched for this long is taken as abandoned (the sidebar was closed) and may be replaced. */
const STALE_MS = 30 * 60 * 1000;
const LOCK_WAIT_MS = 1000;
/**
 * A sidebar step asked to use its time goes on to the run's next part while the time spent so far plus the
 * longest part done so far stays under this: under half of the 6 minutes Apps Script allows one execution,
 * so small regions finish in one call instead of re-reading their data for every part.
 */
const STEP_BUDGET_MS = 150 * 1000;
/** A run whose inputs keep changing is started over at most this many times, then stopped with a message. */
const MAX_RESTARTS = 2;

interface StoredRun extends RunTicket {
  options: RunOptions;
  touchedAt: string;
  partial: Omit<RunSummary, 'finishedAt' | 'kind'>;
  /** Fingerprint of the inputs the run's first reading step read (null before it). */
  inputs: string | null;
  restarts: number;
  /** The «data changed» mark when the run (re)started reading: a finished compute run clears it. */
  dirty: string | null;
  /** Index of the first of the steps after the swap (finishingFrom): from there on a cancel is too late. */
  finishingFrom: number;
}

/** Index of the first step of the trailing run of finishing steps (Step.finishing); the number of steps when none. */
function finishingFrom(steps: readonly Step[]): number {
  let i = steps.length;
  while (i > 0 && steps[i - 1].finishing) i--;
  return i;
}

/** Thrown at a checkpoint when the user has cancelled the run. */
class Cancelled extends Error {}

function props(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

/** The document lock; null outside a containing document (LockService documents it), said in Russian. */
function documentLock(): GoogleAppsScript.Lock.Lock {
  const lock = LockService.getDocumentLock() as GoogleAppsScript.Lock.Lock | null;
  if (!lock) throw new UserError(UI.noDocument);
  return lock;
}

/** Runs `fn` holding the document lock; a second run at the same time is refused in Russian and changes nothing. */
export function withDocumentLock<T>(fn: () => T): T {
  const lock = documentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new UserError(UI.busy);
  try {
    return fn();
  } finally {
    lock.releaseLock();
  }
}

/** Runs `fn` under the document lock if it is free right now; null when another execution holds it. */
export function ifDocumentLockFree<T>(fn: () => T): { value: T } | null {
  const lock = documentLock();
  if (!lock.tryLock(0)) return null;
  try {
    return { value: fn() };
  } finally {
    lock.releaseLock();
  }
}

function newContext(options: RunOptions, oneExecution = false): JobContext {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return new JobContext(ss, loadSettings(), options, new Date(), ss.getSpreadsheetTimeZone(), oneExecution);
}

function emptyPartial(): StoredRun['partial'] {
  return {
    year: null,
    schoolsRead: 0,
    problems: 0,
    shnor: 0,
    incomplete: 0,
    riskZone: 0,
    priority: 0,
    roadmaps: 0,
    combinedRoadmaps: 0,
    protections: 0,
    accessNotes: [],
    sheets: [],
  };
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

function storedRun(): StoredRun | null {
  const raw = readLargeProperty(props(), RUN_KEY);
  return raw ? (JSON.parse(raw) as StoredRun) : null;
}

/** The run's record can outgrow one property value (hundreds of roadmap steps): it is kept in parts. */
function saveRun(run: StoredRun): void {
  writeLargeProperty(props(), RUN_KEY, JSON.stringify(run));
}

function forgetRun(): void {
  deleteLargeProperty(props(), RUN_KEY);
}

export function activeRun(): RunTicket | null {
  const run = storedRun();
  if (!run) return null;
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
  const other = storedRun();
  if (!other) return;
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
    const all = stepsFor(kind, ctx);
    const steps = all.map((s) => s.label);
    const now = new Date().toISOString();
    const run: StoredRun = {
      runId: Utilities.getUuid(),
      kind,
      steps,
      next: 0,
      startedAt: now,
      touchedAt: now,
      options,
      partial: emptyPartial(),
      inputs: ctx.hasRead ? ctx.fingerprint() : null,
      restarts: 0,
      dirty: dirtyMark(),
      finishingFrom: finishingFrom(all),
    };
    props().deleteProperty(CANCEL_KEY);
    saveRun(run);
    return { runId: run.runId, kind, steps, next: 0, startedAt: now };
  });
}

function readRun(runId: string): StoredRun {
  const run = storedRun();
  if (!run || run.runId !== runId) throw new UserError(UI.runUnknown);
  return run;
}

function cancelRequested(runId: string): boolean {
  return props().getProperty(CANCEL_KEY) === runId;
}

/**
 * Does the next part of the run, and with `useTimeLeft` more while the call has time left (STEP_BUDGET_MS).
 * Between parts it reads the cancel flag: a cancelled run removes its drafts and says so; a run whose last
 * part (the swap) is done is finished whatever the flag says. A part that reads the inputs first compares
 * their fingerprint with the one the run's first reading part kept: when they differ, the run starts over
 * with the new data (drafts removed), instead of swapping in sheets computed from two states of the data.
 * A failure discards the run's drafts so the previous outputs stay as they were.
 */
export function runStep(runId: string, options: StepOptions = {}): StepResult {
  return withDocumentLock(() => {
    const started = Date.now();
    let longestPart = 0;
    const run = readRun(runId);
    const ctx = newContext(run.options);
    const stopped = (): StepResult => {
      abandon(ctx.ss);
      props().deleteProperty(CANCEL_KEY);
      return {
        runId,
        done: run.next - 1,
        total: run.steps.length,
        nextLabel: '',
        finished: false,
        cancelled: true,
        restarted: false,
        summary: null,
      };
    };
    // Once the results are in place only finishing steps are left (the protections): a cancel no longer stops the run.
    const tooLate = () => run.next >= run.finishingFrom;
    if (cancelRequested(runId) && !tooLate()) return stopped();
    ctx.checkpoint = () => {
      if (cancelRequested(runId) && !tooLate()) throw new Cancelled();
    };
    let restarted = false;
    let steps = stepsFor(run.kind, ctx);
    try {
      for (;;) {
        const step = steps[run.next] as Step | undefined;
        if (!step || step.readsInputs || ctx.hasRead) {
          const print = ctx.fingerprint();
          if (run.inputs !== null && print !== run.inputs) {
            if (run.restarts >= MAX_RESTARTS) throw new UserError(UI.dataChanged);
            // Start over in this call with the data as they are now; the next part is the first again.
            removeLeftovers(ctx.ss);
            run.restarts++;
            run.next = 0;
            run.partial = emptyPartial();
            run.inputs = print;
            run.dirty = dirtyMark();
            steps = stepsFor(run.kind, ctx);
            run.steps = steps.map((s) => s.label);
            run.finishingFrom = finishingFrom(steps);
            restarted = true;
            continue;
          }
          run.inputs = print;
          if (!step) throw new UserError(UI.dataChanged);
        }
        const partStart = Date.now();
        merge(run.partial, step.run(ctx), ctx.ss);
        longestPart = Math.max(longestPart, Date.now() - partStart);
        run.next++;
        if (run.next >= steps.length) break;
        ctx.checkpoint();
        if (!options.useTimeLeft || Date.now() - started + longestPart >= STEP_BUDGET_MS) break;
      }
    } catch (error) {
      if (error instanceof Cancelled) return stopped();
      abandon(ctx.ss);
      throw error;
    }
    run.touchedAt = new Date().toISOString();
    const finished = run.next >= steps.length;
    let summary: RunSummary | null = null;
    if (finished) {
      summary = { ...run.partial, kind: run.kind, finishedAt: run.touchedAt };
      props().setProperty(SUMMARY_KEY, JSON.stringify(summary));
      forgetRun();
      if (run.kind === 'compute') clearDirtyIf(run.dirty);
      // The swap is done: a cancel that came too late changes nothing and is forgotten.
      props().deleteProperty(CANCEL_KEY);
    } else {
      saveRun(run);
    }
    return {
      runId,
      done: run.next - 1,
      total: steps.length,
      nextLabel: finished ? '' : steps[run.next].label,
      finished,
      cancelled: false,
      restarted,
      summary,
    };
  });
}

/** Forgets the run (unless asked to keep its record) and removes its drafts, so the previous outputs stay as they were. */
function abandon(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, keepRunRecord = false): void {
  if (!keepRunRecord) forgetRun();
  try {
    removeLeftovers(ss);
  } catch {
    // The next run removes what is left.
  }
}

/**
 * Cancels a run. A step may be running at this moment (google.script.run calls overlap), so this never waits
 * for the lock: it sets the cancel flag, and if no step holds the lock it removes the drafts at once; else
 * the running step stops at its next part and its own result says «cancelled».
 */
export function cancelRun(runId: string): CancelResult {
  const current = storedRun();
  if (!current || current.runId !== runId) return { cancelled: false, stopping: false, message: UI.nothingToCancel };
  props().setProperty(CANCEL_KEY, runId);
  const now = ifDocumentLockFree(() => {
    if (!activeRun()) {
      // The run finished (its swap is done) between the two reads: nothing is cancelled.
      props().deleteProperty(CANCEL_KEY);
      return { cancelled: false, stopping: false, message: UI.cancelTooLate };
    }
    if (current.next >= current.finishingFrom) {
      // The results are in place; the run finishes its protections and forgets the cancel.
      return { cancelled: false, stopping: false, message: UI.cancelTooLate };
    }
    abandon(SpreadsheetApp.getActiveSpreadsheet());
    props().deleteProperty(CANCEL_KEY);
    return { cancelled: true, stopping: false, message: UI.cancelled };
  });
  return now ? now.value : { cancelled: false, stopping: true, message: UI.cancelStopping };
}

/** Runs every step in this execution (the menu and the form-submit trigger). */
export function runAll(kind: RunKind, options: RunOptions = {}): RunSummary {
  return withDocumentLock(() => runAllHoldingLock(kind, options));
}

/** runAll for a caller that already holds the document lock. A full compute clears the «data changed» mark. */
export function runAllHoldingLock(kind: RunKind, options: RunOptions = {}): RunSummary {
  refuseIfLiveRun();
  assertRunner();
  const run = (): RunSummary => {
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
  };
  return kind === 'compute' ? clearingDirty(run) : run();
}
