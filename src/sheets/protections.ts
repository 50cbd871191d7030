/**
 * The add-in's own protections (docs/методика.md §11), set with the platform's protected sheets and ranges:
 * each is recognised by its description, re-applied on every run (never duplicated), and removed when no
 * longer wanted; protections people added themselves are never touched.
 *
 * A new protection starts with every editor of the spreadsheet (Protection reference), so each one is
 * narrowed to exactly its wanted editors; the owner and the user running the add-in always stay editors
 * (the platform keeps them), which is why the run itself needs no e-mail address of its user.
 */
import { emailKey } from '../core/access';
import { UserError } from '../core/errors';
import { ACCESS } from './messages';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

/** Every description of the add-in's protections starts with this: it is how they are told from people's. */
export const PROTECTION_PREFIX = 'ШНОР-монитор: ';

export interface Area {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** One protection the add-in wants: a whole sheet (range null, maybe with areas left to range protections) or a range. */
export interface WantedProtection {
  sheet: string;
  /** Unique among the wanted ones; becomes the description after PROTECTION_PREFIX. */
  label: string;
  range: Area | null;
  /** For a sheet protection: the areas it does not cover (each has its own range protection). */
  unprotected?: Area[];
  /** Who may edit besides the owner and the user who runs the add-in. */
  editors: string[];
}

export interface ProtectionOutcome {
  /** Protections in place after the run (the add-in's own). */
  applied: number;
  /** The add-in's protections removed because nothing wants them any more (a sheet left the plan). */
  removed: number;
}

function sameArea(range: GoogleAppsScript.Spreadsheet.Range, area: Area): boolean {
  return range.getRow() === area.row && range.getColumn() === area.column && range.getNumRows() === area.numRows && range.getNumColumns() === area.numColumns;
}

function rangeOf(sheet: Sheet, a: Area): GoogleAppsScript.Spreadsheet.Range {
  return sheet.getRange(a.row, a.column, a.numRows, a.numColumns);
}

/**
 * The add-in's own protections on the named sheets, by description; duplicates (from an interrupted run) are
 * removed. Looked up sheet by sheet, so the calls follow the sheets in scope, not every protection of the file.
 */
function ownProtections(sheets: ReadonlyMap<string, Sheet>): { byDescription: Map<string, Protection>; removed: number } {
  const byDescription = new Map<string, Protection>();
  let removed = 0;
  for (const sheet of sheets.values()) {
    for (const type of [SpreadsheetApp.ProtectionType.SHEET, SpreadsheetApp.ProtectionType.RANGE]) {
      for (const p of sheet.getProtections(type)) {
        const description = p.getDescription();
        if (!description.startsWith(PROTECTION_PREFIX)) continue;
        if (byDescription.has(description)) {
          p.remove();
          removed++;
        } else byDescription.set(description, p);
      }
    }
  }
  return { byDescription, removed };
}

/** The sheets of `names` that exist, by name (one lookup each). */
function sheetsNamed(ss: Spreadsheet, names: Iterable<string>): Map<string, Sheet> {
  const found = new Map<string, Sheet>();
  for (const name of new Set(names)) {
    const sheet = ss.getSheetByName(name);
    if (sheet) found.set(name, sheet);
  }
  return found;
}

/** Makes the protection's editors exactly `wanted` (plus the owner and the current user, whom the platform keeps). */
function narrowEditors(p: Protection, wanted: readonly string[]): void {
  const want = new Set(wanted.map(emailKey));
  const have = p.getEditors().map((u) => emailKey(u.getEmail()));
  const extra = have.filter((e) => !want.has(e));
  const missing = [...want].filter((e) => !have.includes(e));
  if (extra.length) p.removeEditors(extra);
  if (missing.length) p.addEditors(missing);
  if (p.canDomainEdit()) p.setDomainEdit(false);
  if (p.isWarningOnly()) p.setWarningOnly(false);
}

/**
 * Puts `wanted` in place on the sheets named in `scope` (docs/методика.md §11): an existing protection of the add-in
 * with the same description is updated, a missing one created, one no longer wanted on those sheets removed. Sheets
 * that do not exist are skipped. Calls grow with the number of protections, not with the rows of any sheet.
 */
export function applyProtections(ss: Spreadsheet, wanted: readonly WantedProtection[], scope: Iterable<string>): ProtectionOutcome {
  const sheets = sheetsNamed(ss, [...scope, ...wanted.map((w) => w.sheet)]);
  const { byDescription, removed: duplicates } = ownProtections(sheets);
  let applied = 0;
  for (const w of wanted) {
    const sheet = sheets.get(w.sheet);
    if (!sheet) continue;
    const description = PROTECTION_PREFIX + w.label;
    let p = byDescription.get(description);
    byDescription.delete(description);
    const isSheet = w.range === null;
    if (p && (p.getProtectionType() === SpreadsheetApp.ProtectionType.SHEET) !== isSheet) {
      p.remove();
      p = undefined;
    }
    if (!p) p = (isSheet ? sheet.protect() : rangeOf(sheet, w.range!).protect()).setDescription(description);
    else if (!isSheet && !sameArea(p.getRange(), w.range!)) p.setRange(rangeOf(sheet, w.range!));
    if (isSheet) p.setUnprotectedRanges((w.unprotected ?? []).map((a) => rangeOf(sheet, a)));
    narrowEditors(p, w.editors);
    applied++;
  }
  for (const stale of byDescription.values()) stale.remove();
  return { applied, removed: duplicates + byDescription.size };
}

/**
 * Refuses a run by somebody who may not edit the add-in's protected sheets (docs/методика.md §11): the run would
 * fail half-way on the first protected write. Only the sheets named are looked at (a few calls, not one per roadmap).
 */
export function assertMayRun(ss: Spreadsheet, sheetNames: Iterable<string>): void {
  for (const [name, sheet] of sheetsNamed(ss, sheetNames)) {
    for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)) {
      if (p.getDescription().startsWith(PROTECTION_PREFIX) && !p.canEdit()) throw new UserError(ACCESS.notARunner(name));
    }
  }
}
