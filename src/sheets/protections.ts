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

function sameArea(a: Area, b: Area): boolean {
  return a.row === b.row && a.column === b.column && a.numRows === b.numRows && a.numColumns === b.numColumns;
}

function rangeOf(sheet: Sheet, a: Area): GoogleAppsScript.Spreadsheet.Range {
  return sheet.getRange(a.row, a.column, a.numRows, a.numColumns);
}

function areaOf(range: GoogleAppsScript.Spreadsheet.Range): Area {
  return { row: range.getRow(), column: range.getColumn(), numRows: range.getNumRows(), numColumns: range.getNumColumns() };
}

/** What one of the add-in's existing protections is, read before anything is written. */
interface ExistingProtection {
  protection: Protection;
  isSheet: boolean;
  area: Area | null;
  editors: string[];
  domainEdit: boolean;
  warningOnly: boolean;
}

/**
 * The add-in's own protections on the named sheets, by description, with everything the update needs; duplicates
 * (from an interrupted run) are returned to be removed. Looked up sheet by sheet, so the calls follow the sheets in
 * scope, not every protection of the file.
 */
function ownProtections(
  sheets: ReadonlyMap<string, Sheet>,
  only: (label: string) => boolean,
): { byDescription: Map<string, ExistingProtection>; duplicates: Protection[] } {
  const byDescription = new Map<string, ExistingProtection>();
  const duplicates: Protection[] = [];
  for (const sheet of sheets.values()) {
    for (const type of [SpreadsheetApp.ProtectionType.SHEET, SpreadsheetApp.ProtectionType.RANGE]) {
      for (const p of sheet.getProtections(type)) {
        const description = p.getDescription();
        if (!description.startsWith(PROTECTION_PREFIX) || !only(description.slice(PROTECTION_PREFIX.length))) continue;
        if (byDescription.has(description)) {
          duplicates.push(p);
          continue;
        }
        const isSheet = type === SpreadsheetApp.ProtectionType.SHEET;
        byDescription.set(description, {
          protection: p,
          isSheet,
          area: isSheet ? null : areaOf(p.getRange()),
          editors: p.getEditors().map((u) => emailKey(u.getEmail())),
          domainEdit: p.canDomainEdit(),
          warningOnly: p.isWarningOnly(),
        });
      }
    }
  }
  return { byDescription, duplicates };
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

/**
 * Makes the protection's editors exactly `wanted` (plus the owner and the current user, whom the platform keeps),
 * from the editors it has (`have`, read beforehand): writes only.
 */
function narrowEditors(p: Protection, have: readonly string[], wanted: readonly string[]): void {
  const want = new Set(wanted.map(emailKey));
  const extra = have.filter((e) => !want.has(e));
  const missing = [...want].filter((e) => !have.includes(e));
  // Added before any is removed, so the runner is never left out half-way (see applyProtections).
  if (missing.length) p.addEditors(missing);
  if (extra.length) p.removeEditors(extra);
}

/**
 * Puts `wanted` in place on the sheets named in `scope` (docs/методика.md §11): an existing protection of the add-in
 * with the same description is updated, a missing one created, one no longer wanted on those sheets removed. Sheets
 * that do not exist are skipped. Everything is read first and then written, so the round trips do not grow with the
 * number of protections: one to read what is there, one to check the domain setting of the new ones.
 * With `only`, the protections of the scope whose label it refuses are left as they are (neither read further nor
 * removed): a run that changed a few schools' areas of «Дорожные карты» updates theirs, not every school's.
 */
export function applyProtections(
  ss: Spreadsheet,
  wanted: readonly WantedProtection[],
  scope: Iterable<string>,
  only: (label: string) => boolean = () => true,
): ProtectionOutcome {
  const sheets = sheetsNamed(ss, [...scope, ...wanted.map((w) => w.sheet)]);
  const { byDescription, duplicates } = ownProtections(sheets, only);
  // A new protection starts with the spreadsheet's editors (Protection reference, Range.protect()).
  const fileEditors = wanted.some((w) => sheets.has(w.sheet) && !byDescription.has(PROTECTION_PREFIX + w.label))
    ? ss.getEditors().map((u) => emailKey(u.getEmail()))
    : [];
  // The user running the add-in is made an editor explicitly before others are removed: «if the user's edit permission
  // comes from a group, the script throws an exception upon removing the group» (Protection reference's sample,
  // https://developers.google.com/apps-script/reference/spreadsheet/protection).
  const me = Session.getEffectiveUser().getEmail();
  const withMe = (editors: readonly string[]) => (me ? [...editors, me] : [...editors]);
  for (const p of duplicates) p.remove();
  const created: Protection[] = [];
  let applied = 0;
  for (const w of wanted) {
    const sheet = sheets.get(w.sheet);
    if (!sheet) continue;
    const description = PROTECTION_PREFIX + w.label;
    const isSheet = w.range === null;
    let existing = byDescription.get(description);
    byDescription.delete(description);
    if (existing && existing.isSheet !== isSheet) {
      existing.protection.remove();
      existing = undefined;
    }
    let p: Protection;
    if (existing) {
      p = existing.protection;
      if (!isSheet && !sameArea(existing.area!, w.range!)) p.setRange(rangeOf(sheet, w.range!));
      narrowEditors(p, existing.editors, withMe(w.editors));
      if (existing.domainEdit) p.setDomainEdit(false);
      if (existing.warningOnly) p.setWarningOnly(false);
    } else {
      p = (isSheet ? sheet.protect() : rangeOf(sheet, w.range!).protect()).setDescription(description);
      narrowEditors(p, fileEditors, withMe(w.editors));
      created.push(p);
    }
    if (isSheet) p.setUnprotectedRanges((w.unprotected ?? []).map((a) => rangeOf(sheet, a)));
    applied++;
  }
  for (const stale of byDescription.values()) stale.protection.remove();
  // A new protection may also mirror the file's domain-wide editing (Workspace): read once for all of them, then fix.
  const domainEditable = created.filter((p) => p.canDomainEdit());
  for (const p of domainEditable) p.setDomainEdit(false);
  return { applied, removed: duplicates.length + byDescription.size };
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
