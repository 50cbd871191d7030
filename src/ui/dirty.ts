/**
 * «Data changed since the last full recompute»: a form response sets the mark, a full compute that read the
 * data after the mark was set clears it. A response that arrives while a recompute runs (its trigger cannot
 * take the document lock) leaves a newer mark, so the next recompute — the next response's, the hourly
 * catch-up's or a menu run — picks it up: no response is dropped.
 */
const DIRTY_KEY = 'shnor.dirty';

function props(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

/** Marks the data as changed; every mark is distinct, so a recompute that read an older one keeps this one. */
export function markDirty(): void {
  props().setProperty(DIRTY_KEY, `${new Date().toISOString()} ${Utilities.getUuid().slice(0, 8)}`);
}

/** True when a response came after the last full recompute read the data. */
export function isDirty(): boolean {
  return props().getProperty(DIRTY_KEY) !== null;
}

/** The current mark (null when none). */
export function dirtyMark(): string | null {
  return props().getProperty(DIRTY_KEY);
}

/** Clears the mark if it is still `seen` (the one current when a finished recompute started reading). */
export function clearDirtyIf(seen: string | null): void {
  if (seen !== null && props().getProperty(DIRTY_KEY) === seen) props().deleteProperty(DIRTY_KEY);
}

/**
 * Runs a full recompute `fn` (which reads the data after this call) and clears the mark it started with;
 * a mark set while `fn` ran is newer and stays.
 */
export function clearingDirty<T>(fn: () => T): T {
  const seen = dirtyMark();
  const result = fn();
  clearDirtyIf(seen);
  return result;
}
