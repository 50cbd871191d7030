import { DRAFT_SUFFIX, OLD_SUFFIX } from './writer';
import { workbookOf, type SheetEntry, type Workbook } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

interface Rect {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** What a sheet shows beyond its cells: the parts a range copy does not carry. */
interface Look {
  frozenRows: number;
  hidden: boolean[];
  widths: number[];
  tabColor: string | null;
  filter: Rect | null;
  filterHandle: GoogleAppsScript.Spreadsheet.Filter | null;
  rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[];
  charts: Array<{ chart: GoogleAppsScript.Spreadsheet.EmbeddedChart; title: string; ranges: Rect[] }>;
  /** The note on the first cell of the header row (the draft's last frozen row). */
  headerNote: string;
  /**
   * Range protections: the draft's in full (the header's, to copy), the live sheet's by description only (to tell
   * whether the header's is there) — a live roadmap sheet may carry hundreds of its schools' range protections —
   * except the ones whose description the draft has: their range too, to follow a header that grew.
   */
  protections: Array<{ description: string; warningOnly?: boolean; rect?: Rect; handle?: GoogleAppsScript.Spreadsheet.Protection }>;
}

/** One output to put in place: its draft, and the live sheet it replaces (null for a new output). */
interface Plan {
  name: string;
  draft: SheetEntry;
  live: SheetEntry | null;
  draftLook: Look | null;
  liveLook: Look | null;
  liveSize: { rows: number; columns: number };
  backup: SheetEntry | null;
  /** The live sheet's cells have been touched: restore them from the backup on rollback. */
  touched: boolean;
  /** Undo steps for the live sheet's look, in the order they were made. */
  undo: Array<() => void>;
}

function rectOf(range: GoogleAppsScript.Spreadsheet.Range): Rect {
  return { row: range.getRow(), column: range.getColumn(), numRows: range.getNumRows(), numColumns: range.getNumColumns() };
}

function rangeOn(sheet: Sheet, r: Rect): GoogleAppsScript.Spreadsheet.Range {
  return sheet.getRange(r.row, r.column, r.numRows, r.numColumns);
}

function titleOf(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): string {
  const title: unknown = chart.getOptions().get('title');
  return typeof title === 'string' ? title : '';
}

/** Reads a sheet's look (reads only: done for every sheet of a swap before its first write). */
function readLook(entry: SheetEntry, headerRow?: number, details: true | ReadonlySet<string> = true): Look {
  const sheet = entry.sheet;
  const frozenRows = sheet.getFrozenRows();
  const noteRow = headerRow ?? frozenRows;
  const filter = sheet.getFilter();
  return {
    frozenRows,
    hidden: Array.from({ length: entry.columns }, (_, i) => sheet.isColumnHiddenByUser(i + 1)),
    widths: Array.from({ length: entry.columns }, (_, i) => sheet.getColumnWidth(i + 1)),
    tabColor: sheet.getTabColor(),
    filter: filter ? rectOf(filter.getRange()) : null,
    filterHandle: filter,
    rules: sheet.getConditionalFormatRules(),
    charts: sheet.getCharts().map((chart) => ({ chart, title: titleOf(chart), ranges: chart.getRanges().map(rectOf) })),
    headerNote: noteRow > 0 && noteRow <= entry.rows ? sheet.getRange(noteRow, 1).getNote() : '',
    protections: sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).map((p) => {
      const description = p.getDescription();
      if (details === true) return { description, warningOnly: p.isWarningOnly(), rect: rectOf(p.getRange()) };
      return details.has(description) ? { description, rect: rectOf(p.getRange()), handle: p } : { description };
    }),
  };
}

/** A chart like `source`, drawn from the same cells of `sheet`. */
function chartOn(sheet: Sheet, source: Look['charts'][number]): GoogleAppsScript.Spreadsheet.EmbeddedChart {
  const builder = source.chart.modify().clearRanges();
  for (const r of source.ranges) builder.addRange(rangeOn(sheet, r));
  return builder.build();
}

/** Copies every cell of `from` (values, formulas, formats, validations) onto `to`, server-side, in one call. */
function copyCells(from: SheetEntry, to: SheetEntry): void {
  from.sheet.getRange(1, 1, from.rows, from.columns).copyTo(to.sheet.getRange(1, 1), SpreadsheetApp.CopyPasteType.PASTE_NORMAL, false);
}

/**
 * Gives the live sheet the draft's look. What belongs to the add-in is what the draft has: its charts (told by their
 * titles), its header protection (told by its description), its rules and filter; charts, protections and notes that
 * people added to the live sheet stay.
 */
function applyLook(plan: Plan): void {
  const live = plan.live!;
  const sheet = live.sheet;
  const want = plan.draftLook!;
  const have = plan.liveLook!;
  const undo = plan.undo;
  if (want.frozenRows !== have.frozenRows) {
    sheet.setFrozenRows(want.frozenRows);
    undo.push(() => sheet.setFrozenRows(have.frozenRows));
  }
  for (let c = 1; c <= want.widths.length; c++) {
    const width = want.widths[c - 1];
    const before = have.widths[c - 1];
    if (width === before) continue;
    sheet.setColumnWidth(c, width);
    if (before !== undefined) undo.push(() => sheet.setColumnWidth(c, before));
  }
  for (let c = 1; c <= live.columns; c++) {
    const wanted = want.hidden[c - 1] ?? false;
    if (wanted === (have.hidden[c - 1] ?? false)) continue;
    if (wanted) sheet.hideColumns(c);
    else sheet.showColumns(c);
    undo.push(() => {
      if (c > plan.liveSize.columns) return;
      if (wanted) sheet.showColumns(c);
      else sheet.hideColumns(c);
    });
  }
  if (want.tabColor !== have.tabColor) {
    sheet.setTabColor(want.tabColor);
    undo.push(() => sheet.setTabColor(have.tabColor));
  }
  const sameFilter = JSON.stringify(want.filter) === JSON.stringify(have.filter);
  if (!sameFilter && have.filter && have.filterHandle) {
    have.filterHandle.remove();
    undo.push(() => rangeOn(sheet, have.filter!).createFilter());
  }
  if (!sameFilter && want.filter) {
    rangeOn(sheet, want.filter).createFilter();
    undo.push(() => sheet.getFilter()?.remove());
  }
  if (want.rules.length || have.rules.length) {
    sheet.setConditionalFormatRules(
      want.rules.map((rule) =>
        rule
          .copy()
          .setRanges(rule.getRanges().map((r) => rangeOn(sheet, rectOf(r))))
          .build(),
      ),
    );
    undo.push(() => sheet.setConditionalFormatRules(have.rules));
  }
  const ours = new Set(want.charts.map((c) => c.title));
  const replaced = have.charts.filter((c) => ours.has(c.title));
  if (replaced.length || want.charts.length) {
    undo.push(() => {
      for (const chart of sheet.getCharts()) if (ours.has(titleOf(chart))) sheet.removeChart(chart);
      for (const old of replaced) sheet.insertChart(chartOn(sheet, old));
    });
  }
  for (const old of replaced) sheet.removeChart(old.chart);
  for (const chart of want.charts) sheet.insertChart(chartOn(sheet, chart));
  if (want.headerNote && want.headerNote !== have.headerNote) {
    const cell = sheet.getRange(want.frozenRows, 1);
    cell.setNote(want.headerNote);
    undo.push(() => cell.setNote(have.headerNote));
  }
  for (const p of want.protections) {
    const existing = have.protections.find((q) => q.description === p.description);
    if (existing) {
      // The header grew (a column added to the layout): its protection follows it.
      const { handle, rect } = existing;
      if (handle && rect && JSON.stringify(rect) !== JSON.stringify(p.rect)) {
        handle.setRange(rangeOn(sheet, p.rect!));
        undo.push(() => handle.setRange(rangeOn(sheet, rect)));
      }
      continue;
    }
    const protection = rangeOn(sheet, p.rect!).protect().setDescription(p.description).setWarningOnly(p.warningOnly!);
    undo.push(() => protection.remove());
  }
}

/** Puts one draft in place: a new output takes the draft itself; an existing one is rewritten in place. */
function commit(book: Workbook, plan: Plan): void {
  if (!plan.live) {
    book.rename(plan.draft, plan.name);
    plan.undo.push(() => book.rename(plan.draft, plan.name + DRAFT_SUFFIX));
    return;
  }
  const live = plan.live;
  plan.backup = book.insert(plan.name + OLD_SUFFIX, book.all().length);
  book.resize(plan.backup, live.rows, live.columns);
  copyCells(live, plan.backup);
  plan.touched = true;
  // Grow only: cutting rows or columns now would move what refers to them (filters, charts, protections) and could
  // not be undone exactly; the grid is cut to the draft's size once every output is in place.
  book.resize(live, Math.max(live.rows, plan.draft.rows), Math.max(live.columns, plan.draft.columns));
  copyCells(plan.draft, live);
  applyLook(plan);
}

/** Undoes a commit that failed part way or was followed by a failure: the live sheet gets its cells and look back. */
function rollback(book: Workbook, plan: Plan): void {
  const live = plan.live;
  if (live && plan.touched && plan.backup) {
    book.resize(live, plan.liveSize.rows, plan.liveSize.columns);
    copyCells(plan.backup, live);
  }
  for (const step of plan.undo.reverse()) step();
}

/**
 * Puts staged drafts in place of the current output sheets. An output that already exists is rewritten in place — its
 * cells copied from the draft by Sheets itself (Range.copyTo), so the sheet keeps its id (`#gid=` links), formulas in
 * other sheets that point into it (`=ИСБШ!F2`), and what people added to it (their charts, notes, protections, filter
 * views). Until every output is in place a failure rolls everything back from backups of the live sheets, so the
 * previous outputs stay as they were; after that point drafts and backups are only removed, and one that cannot be
 * removed is left for `removeLeftovers` rather than failing a finished run.
 */
export function swapIn(ss: Spreadsheet, staged: ReadonlyArray<{ name: string; sheet: Sheet }>): void {
  const book = workbookOf(ss);
  // Every read of the swap happens here, before its first write.
  const plans: Plan[] = staged.map((s) => {
    const draft = book.find(s.name + DRAFT_SUFFIX);
    if (!draft) throw new Error(`swapIn: no draft of ${s.name}`);
    const live = book.find(s.name) ?? null;
    const draftLook = live ? readLook(draft) : null;
    return {
      name: s.name,
      draft,
      live,
      draftLook,
      liveLook: live ? readLook(live, draftLook!.frozenRows, new Set(draftLook!.protections.map((p) => p.description))) : null,
      liveSize: { rows: live?.rows ?? 0, columns: live?.columns ?? 0 },
      backup: null,
      touched: false,
      undo: [],
    };
  });
  const done: Plan[] = [];
  try {
    for (const plan of plans) {
      done.push(plan);
      commit(book, plan);
    }
  } catch (error) {
    for (const plan of done.reverse()) {
      try {
        rollback(book, plan);
      } catch {
        // Keep undoing the others; what is left is reported by the original error.
      }
    }
    throw error;
  }
  for (const plan of plans) {
    if (plan.live) {
      const live = plan.live;
      withRetry(() => book.resize(live, plan.draft.rows, plan.draft.columns));
      withRetry(() => book.remove(plan.draft));
    }
    const backup = plan.backup;
    if (backup) withRetry(() => book.remove(backup));
  }
}

/**
 * The new outputs are already in place: a failed clean-up step (cutting a grid, deleting a draft or backup) is tried
 * once more, then left — a temporary sheet for `removeLeftovers` — rather than failing a finished run.
 */
function withRetry(step: () => void): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      step();
      return;
    } catch {
      // A transient service failure; try again once.
    }
  }
}

/** Removes temporary sheets left behind by an interrupted run. */
export function removeLeftovers(ss: Spreadsheet): number {
  const book = workbookOf(ss);
  const leftovers = book.all().filter((e) => e.name.endsWith(DRAFT_SUFFIX) || e.name.endsWith(OLD_SUFFIX));
  for (const entry of leftovers) book.remove(entry);
  return leftovers.length;
}
