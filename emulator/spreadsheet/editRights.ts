/**
 * Who may change which cell of a spreadsheet, as Sheets decides it for a person's edit and for a script's
 * write alike (a script runs as the user who started it). The rules, from the Protection reference
 * (https://developers.google.com/apps-script/reference/spreadsheet/protection):
 * - a protected range or sheet may be edited by its editors; the spreadsheet's owner can always edit it
 *   («Neither the owner of the spreadsheet nor the current user can be removed» from the editors);
 * - a protected sheet «may include unprotected regions»: cells there are not covered by that protection;
 * - a warning-only protection blocks nobody (the UI only warns);
 * - a new protection starts with every editor of the spreadsheet, which is why the reference's sample
 *   removes them (`protection.removeEditors(protection.getEditors())`) before anything is restricted;
 * - with domain edit on, every user of the owner's domain may edit (`canDomainEdit`, `setDomainEdit`).
 * A write that a protection refuses throws the message Sheets shows for it.
 */
import type { Rect } from './a1';
import type { ProtectionModel, SpreadsheetModel } from './spreadsheetModel';

export const PROTECTED_EDIT_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

function domainOf(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0 ? '' : email.slice(at + 1).toLowerCase();
}

function same(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Whether `user` may edit what `protection` covers. */
export function mayEdit(ss: SpreadsheetModel, protection: ProtectionModel, user: string): boolean {
  if (protection.removed || protection.warningOnly) return true;
  if (ss.ownerEmail && same(user, ss.ownerEmail)) return true;
  if (protection.editors.some((e) => same(e, user))) return true;
  return protection.domainEdit && !!ss.ownerEmail && domainOf(user) !== '' && domainOf(user) === domainOf(ss.ownerEmail);
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.numRows && b.row < a.row + a.numRows && a.col < b.col + b.numCols && b.col < a.col + a.numCols;
}

function within(inner: Rect, outer: Rect): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.numRows <= outer.row + outer.numRows &&
    inner.col + inner.numCols <= outer.col + outer.numCols
  );
}

/**
 * Whether a protection covers some cell of `rect` on sheet `sheetId`. A sheet protection does not cover the
 * cells of its unprotected ranges; a rectangle lying wholly inside one of them is not covered (the twin does
 * not split a write that is only partly inside: such a write is refused, as a careful caller avoids it).
 */
function covers(p: ProtectionModel, sheetId: number, rect: Rect | null): boolean {
  if (p.sheetId !== sheetId) return false;
  if (p.type === 'RANGE') return rect === null || overlaps(p.rect!, rect);
  if (rect === null) return true;
  return !p.unprotected.some((u) => u.sheetId === sheetId && within(rect, u));
}

/**
 * Throws the Sheets message when `user` may not change `rect` of sheet `sheetId` (null: the sheet itself —
 * its name, rows, columns or its deletion).
 */
export function assertMayEdit(ss: SpreadsheetModel, sheetId: number, rect: Rect | null, user: string): void {
  for (const p of ss.protections) {
    if (covers(p, sheetId, rect) && !mayEdit(ss, p, user)) throw ss.makeError(PROTECTED_EDIT_MESSAGE);
  }
}

/** The editors a new protection starts with: the owner, every editor of the spreadsheet and the current user. */
export function initialEditors(ss: SpreadsheetModel): string[] {
  const all = [ss.ownerEmail, ...ss.fileEditors, ss.currentUser()].filter((e): e is string => !!e);
  return all.filter((e, i) => all.findIndex((x) => same(x, e)) === i);
}

/** Users who may never be removed from a protection's editors: the owner and the current user. */
export function irremovable(ss: SpreadsheetModel, email: string): boolean {
  return (!!ss.ownerEmail && same(email, ss.ownerEmail)) || same(email, ss.currentUser());
}
