/**
 * The form-submit recompute. Its parts and why:
 * - an installable trigger belongs to the user who creates it and runs as that user; other editors do not
 *   see it as theirs (Apps Script: installable triggers, restrictions), so the document remembers who set
 *   it and the menu and sidebar say so;
 * - a response always marks the data as changed (dirty.ts); a recompute runs at once unless one started
 *   less than DEBOUNCE_MS ago or another run holds the document lock, so a burst of responses costs one
 *   run, not one per response, and the daily trigger-runtime quota is spared;
 * - an hourly time-driven trigger (add-ons may not run them more often) catches up with responses left
 *   marked by the debounce or by a busy document;
 * - in a test deployment of an editor add-on installable triggers are not supported: the toggle says so.
 */
import { UserError } from '../core/errors';
import { isDirty, markDirty } from './dirty';
import { UI } from './messages';
import { ifDocumentLockFree, runAllHoldingLock } from './runner';

const HANDLER = 'onFormSubmitRecompute';
const CATCH_UP_HANDLER = 'catchUpRecompute';
const OWNER_KEY = 'shnor.trigger.owner';
const LAST_START_KEY = 'shnor.trigger.lastStart';
/** Responses within this time of a recompute's start wait for the catch-up (or the next later response). */
export const DEBOUNCE_MS = 10 * 60 * 1000;
const CATCH_UP_HOURS = 1;

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function props(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

function myTriggers(ss: Spreadsheet): GoogleAppsScript.Script.Trigger[] {
  const handlers = [HANDLER, CATCH_UP_HANDLER];
  // getUserTriggers(ss) covers the form-submit trigger; the clock trigger has no source document.
  const mine = [...ScriptApp.getUserTriggers(ss), ...ScriptApp.getProjectTriggers()];
  const seen = new Set<string>();
  return mine.filter((t) => handlers.includes(t.getHandlerFunction()) && !seen.has(t.getUniqueId()) && !!seen.add(t.getUniqueId()));
}

/** Who is signed in, as far as Google tells ('' when it does not, e.g. a consumer account in another domain). */
function me(): string {
  try {
    return Session.getEffectiveUser().getEmail() || '';
  } catch {
    return '';
  }
}

export interface TriggerStatus {
  /** True when somebody's recompute trigger is set for this document. */
  on: boolean;
  /** The email of who set it ('' when unknown); null when off. */
  owner: string | null;
  /** True when the signed-in user owns it (only they can turn it off). */
  mine: boolean;
  /** True when responses wait for the next recompute. */
  pending: boolean;
}

/** What the sidebar shows about the trigger. */
export function triggerStatus(): TriggerStatus {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const mine = myTriggers(ss).some((t) => t.getHandlerFunction() === HANDLER);
  const owner = props().getProperty(OWNER_KEY);
  const on = mine || owner !== null;
  return { on, owner: on ? (mine ? me() : (owner ?? '')) : null, mine, pending: isDirty() };
}

/** A Russian line that says who set the trigger and what that means for the other editors. */
export function triggerStatusText(status: TriggerStatus): string {
  if (!status.on) return UI.triggerStatusOff;
  if (status.mine) return UI.triggerStatusMine(status.owner ?? '');
  return UI.triggerStatusOther(status.owner ?? '');
}

/**
 * Turns the form-submit recompute on or off for the signed-in user and says in Russian what happened: who
 * set it, that only they can turn it off, or that a test deployment cannot have it.
 */
export function toggleFormSubmitTrigger(): string {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const mine = myTriggers(ss);
  if (mine.length) {
    for (const t of mine) ScriptApp.deleteTrigger(t);
    props().deleteProperty(OWNER_KEY);
    return UI.triggerOff;
  }
  const owner = props().getProperty(OWNER_KEY);
  const user = me();
  if (owner !== null && owner !== user) return UI.triggerOwnedByOther(owner);
  const created: GoogleAppsScript.Script.Trigger[] = [];
  try {
    created.push(ScriptApp.newTrigger(HANDLER).forSpreadsheet(ss).onFormSubmit().create());
    created.push(ScriptApp.newTrigger(CATCH_UP_HANDLER).timeBased().everyHours(CATCH_UP_HOURS).create());
  } catch (error) {
    for (const t of created) ScriptApp.deleteTrigger(t);
    const message = error instanceof Error ? error.message : String(error);
    // The 20-trigger limit is a real failure; anything else here is a deployment without installable
    // triggers (a test deployment of the add-on), which the user is told about instead of an error.
    if (/too many triggers|слишком много триггеров/i.test(message)) throw error;
    console.warn('toggleFormSubmitTrigger', message);
    return UI.triggerUnsupported;
  }
  props().setProperty(OWNER_KEY, user);
  return UI.triggerOn(user);
}

/**
 * Recomputes everything if nothing else runs and no recompute started within DEBOUNCE_MS (unless `force`);
 * otherwise the data stay marked for the next one. Returns why it did or did not run (for the log).
 */
function recomputeIfDue(force: boolean): 'ran' | 'debounced' | 'busy' | 'clean' {
  if (!isDirty()) return 'clean';
  const last = Number(props().getProperty(LAST_START_KEY) ?? 0);
  if (!force && Date.now() - last < DEBOUNCE_MS) return 'debounced';
  const done = ifDocumentLockFree(() => {
    props().setProperty(LAST_START_KEY, String(Date.now()));
    runAllHoldingLock('compute');
    return 'ran' as const;
  });
  return done ? done.value : 'busy';
}

function logged(where: string, fn: () => string): void {
  try {
    console.log(where, fn());
  } catch (error) {
    // A live sidebar run or a failure: the mark stays, so the catch-up run tries again.
    console.error(
      where,
      error instanceof UserError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error),
    );
  }
}

/** Installable form-submit trigger: mark the new response, then recompute if due. Never shows a dialog. */
export function onFormSubmit(): void {
  logged(HANDLER, () => {
    markDirty();
    return recomputeIfDue(false);
  });
}

/** Hourly catch-up: recompute when responses are still marked (left by the debounce or a busy document). */
export function onCatchUp(): void {
  logged(CATCH_UP_HANDLER, () => recomputeIfDue(true));
}
