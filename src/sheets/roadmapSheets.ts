import type { Report, SchoolReport } from '../core/pipeline';
import { DEFAULT_RISK_FACTORS, FACTOR_SHEET_NAME, factorsToRows } from '../core/factors';
import { CATALOG_SHEET_NAME, DEFAULT_CATALOG, catalogToRows } from '../core/catalog';
import { ROADMAP_HEADER, calendarDay, deferPastDeadlines, mergeRoadmap, roadmapRows, type RoadmapRow } from '../core/roadmap';
import { monitoringTable } from '../core/roadmapMonitoring';
import { formatNumberRu, wholePercentShare } from '../core/percent';
import {
  combinedAreas,
  combinedAreasOfSpec,
  combinedRoadmapSheet,
  readCombinedRoadmaps,
  type CombinedAreas,
  type CombinedBlock,
} from './combinedRoadmaps';
import type { LoadedInputs } from './loadInputs';
import { COMBINED_ROADMAPS, ROADMAP_PREFIX, ROADMAP_TABS_MAX, SHEET_NAMES, SHEET_NAME_MAX, roadmapSheetName } from './names';
import {
  COMMENT_COLUMN,
  DEADLINE_COLUMN,
  ID_COLUMN,
  ROADMAP_COLUMNS,
  ROADMAP_SCHEMA,
  STATUS_COLUMN,
  cellText,
  roadmapCells,
  roadmapChecks,
  roadmapRowOf,
} from './roadmapLayout';
import type { CellValue, SheetSpec } from './sheetSpec';
import { headerRowOf } from './sheetSpec';
import { DRAFT_SUFFIX, HEADER_BACKGROUND, OLD_SUFFIX, stageSheet, swapIn } from './writer';
import { headerTexts } from './input/cells';
import { findHeaderRow, matchHeaders } from './input/matcher';
import { workbookOf } from './workbook';
import { COLORS, FORMAT } from './outputs/format';
import type { Area } from './protections';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Creates «Факторы риска» and «Каталог мер» with the defaults when absent; an existing sheet is never overwritten. */
export function ensureReferenceSheets(ss: Spreadsheet): string[] {
  const created: string[] = [];
  const references: Array<[string, string[][] | Array<Array<string | number>>, number[]]> = [
    [FACTOR_SHEET_NAME, factorsToRows(DEFAULT_RISK_FACTORS), [60, 480, 110, 260, 300, 300]],
    [CATALOG_SHEET_NAME, catalogToRows(DEFAULT_CATALOG), [80, 170, 160, 260, 360, 90, 200, 240, 220]],
  ];
  const book = workbookOf(ss);
  for (const [name, rows, widths] of references) {
    if (book.find(name)) continue;
    const sheet = book.insert(name, book.all().length).sheet;
    sheet.getRange(1, 1, rows.length, rows[0].length).setNumberFormat('@').setValues(rows);
    sheet.getRange(1, 1, 1, rows[0].length).setFontWeight('bold').setBackground(HEADER_BACKGROUND);
    sheet.setFrozenRows(1);
    widths.forEach((w, i) => sheet.setColumnWidth(i + 1, w));
    created.push(name);
  }
  return created;
}

/** The schools to build roadmaps for: the chosen codes that exist, or every ШНОР when none is chosen. */
export function roadmapTargets(report: Report, chosen: readonly string[]): string[] {
  if (chosen.length) {
    const known = new Set(report.schools.map((s) => s.school.schoolCode));
    return chosen.filter((c) => known.has(c));
  }
  return report.schools.filter((s) => s.shnor.status === 'ШНОР').map((s) => s.school.schoolCode);
}

/** The calendar year in which the current school year began (1 September). */
export function schoolYearStartOf(today: Date, timeZone?: string): number {
  const day = calendarDay(today, timeZone);
  const year = Math.floor(day / 10000);
  return Math.floor(day / 100) % 100 >= 9 ? year : year - 1;
}

/** A roadmap tab written by a run, with the areas its school's people may edit. */
export interface WrittenRoadmap {
  name: string;
  schoolCode: string;
  areas: Area[];
}

/** What a roadmap run wrote: tabs, and «Дорожные карты» when it was rewritten. */
export interface WrittenRoadmaps {
  tabs: WrittenRoadmap[];
  /** Every school's areas on «Дорожные карты», and the schools whose areas are new or moved. */
  combined: { schools: CombinedAreas[]; changed: string[] } | null;
}

/**
 * The cells of a roadmap that its school's people edit (docs/методика.md §11): Срок, Статус and Комментарий of
 * every row from `firstRow` on, and whole rows below the `rows` of the table, for measures they add.
 */
/** Empty rows with the same drop-downs below a tab's table, for measures people add by hand. */
const SPARE_ROWS = 20;

function editableAreas(firstRow: number, rows: number, spare: number): Area[] {
  const all = rows + spare;
  if (!all) return [];
  const areas: Area[] = [
    { row: firstRow, column: DEADLINE_COLUMN + 1, numRows: all, numColumns: 1 },
    // Статус and Комментарий stand side by side.
    { row: firstRow, column: STATUS_COLUMN + 1, numRows: all, numColumns: COMMENT_COLUMN - STATUS_COLUMN + 1 },
  ];
  if (spare) areas.push({ row: firstRow + rows, column: 1, numRows: spare, numColumns: ROADMAP_COLUMNS.length });
  return areas;
}

/** The editable areas of a roadmap as a spec lays it out. */
export function roadmapEditableAreas(spec: Pick<SheetSpec, 'caption' | 'rows' | 'spareRows'>): Area[] {
  return editableAreas(headerRowOf(spec) + 1, spec.rows.length, spec.spareRows ?? 0);
}

/**
 * The editable areas of a roadmap sheet as it stands (values from getDataRange, and its number of rows): the table
 * ends at the last row with anything in it, the rows below it are for measures people add. Null when the sheet has
 * no roadmap header.
 */
export function roadmapAreasOfSheet(values: unknown[][], maxRows: number): Area[] | null {
  const headerIndex = values.findIndex((row) => cellText(row[0]) === ROADMAP_HEADER[0] && cellText(row[1]) === ROADMAP_HEADER[1]);
  if (headerIndex < 0) return null;
  let last = values.length - 1;
  while (last > headerIndex && values[last].every((v) => cellText(v) === '')) last--;
  const firstRow = headerIndex + 2;
  const rows = last - headerIndex;
  return editableAreas(firstRow, rows, Math.max(0, maxRows - (firstRow + rows - 1)));
}

/**
 * Where each school's roadmap goes: a school that has a tab keeps it, a school already on «Дорожные карты» stays there
 * (people's work is never moved); any other school gets a tab of its own while there are fewer than `maxTabs` and its
 * name fits, and goes to «Дорожные карты» otherwise. In the order of `codes`, so a run is the same whatever its steps.
 */
export function placeRoadmaps(
  codes: readonly string[],
  tabs: ReadonlySet<string>,
  combined: ReadonlySet<string>,
  maxTabs: number = ROADMAP_TABS_MAX,
): { tabs: string[]; combined: string[] } {
  const placed = { tabs: [] as string[], combined: [] as string[] };
  let count = tabs.size;
  for (const code of codes) {
    if (tabs.has(code)) placed.tabs.push(code);
    else if (!combined.has(code) && count < maxTabs && fitsAsTab(code)) {
      placed.tabs.push(code);
      count++;
    } else placed.combined.push(code);
  }
  return placed;
}

/** A tab's name with the longer of the suffixes its draft and backup get during a run stays within Sheets' limit. */
function fitsAsTab(code: string): boolean {
  return roadmapSheetName(code).length + Math.max(DRAFT_SUFFIX.length, OLD_SUFFIX.length) <= SHEET_NAME_MAX;
}

/** The school codes of the roadmap tabs there are (not drafts or backups of a run). */
function roadmapTabs(names: readonly string[]): Map<string, string> {
  const tabs = new Map<string, string>();
  for (const name of names)
    if (name.startsWith(ROADMAP_PREFIX) && !name.endsWith(DRAFT_SUFFIX) && !name.endsWith(OLD_SUFFIX))
      tabs.set(name.slice(ROADMAP_PREFIX.length), name);
  return tabs;
}

/**
 * Builds or regenerates the roadmap of each school: rows from the catalog for the school's cluster and its
 * high-significance factors, merged with what people already entered (docs/методика.md §6), on the school's tab
 * «ДК <Код ОО>» or in its block of «Дорожные карты» (placeRoadmaps). Returns what was written; when «Дорожные
 * карты» is rewritten, every school on it with the schools whose areas are not those the sheet had.
 */
export function generateRoadmaps(
  ss: Spreadsheet,
  report: Report,
  inputs: LoadedInputs,
  codes: readonly string[],
  today: Date,
): WrittenRoadmaps {
  const timeZone = ss.getSpreadsheetTimeZone();
  const byCode = new Map(report.schools.map((s) => [s.school.schoolCode, s]));
  const factorNames = Object.fromEntries(inputs.factors.map((f) => [f.id, f.name]));
  const yearStart = schoolYearStartOf(today, timeZone);
  const book = workbookOf(ss);
  const known = codes.filter((code) => byCode.has(code));
  const tabs = roadmapTabs(book.all().map((e) => e.name));
  // Every existing roadmap is read before the first write: a read after a write costs a round trip each.
  const combinedSheet = book.find(COMBINED_ROADMAPS)?.sheet;
  const combinedValues = combinedSheet ? combinedSheet.getDataRange().getValues() : [];
  const blocks = readCombinedRoadmaps(combinedValues);
  const placed = placeRoadmaps(known, new Set(tabs.keys()), new Set(blocks.map((b) => b.schoolCode)));
  const ownTabs = placed.tabs.map((code) => {
    const existingSheet = tabs.has(code) ? book.find(tabs.get(code)!)?.sheet : undefined;
    return { school: byCode.get(code)!, existing: existingSheet ? readRoadmapRows(existingSheet.getDataRange().getValues()) : [] };
  });
  const roadmapOf = (school: SchoolReport, existing: readonly RoadmapRow[]): RoadmapRow[] => {
    const fresh = deferPastDeadlines(
      roadmapRows(school.shnor.cluster, school.profile.highFactorIds, factorNames, inputs.catalog, yearStart),
      today,
      timeZone,
    );
    return existing.length ? mergeRoadmap(existing, fresh) : fresh;
  };
  const staged = ownTabs.map(({ school, existing }) => {
    const spec = roadmapSheet(school, roadmapOf(school, existing), report.year, yearStart);
    return {
      name: spec.name,
      sheet: stageSheet(ss, spec),
      written: { name: spec.name, schoolCode: school.school.schoolCode, areas: roadmapEditableAreas(spec) },
    };
  });
  let combined: WrittenRoadmaps['combined'] = null;
  const toSwap = staged.map(({ name, sheet }) => ({ name, sheet }));
  if (placed.combined.length) {
    const spec = combinedRoadmapSheet(combinedBlocks(blocks, placed.combined, byCode, roadmapOf), yearStart);
    toSwap.push({ name: spec.name, sheet: stageSheet(ss, spec) });
    const before = new Map(combinedAreas(combinedValues).map((s) => [s.schoolCode, JSON.stringify(s.areas)]));
    const schools = combinedAreasOfSpec(spec);
    combined = { schools, changed: schools.filter((s) => before.get(s.schoolCode) !== JSON.stringify(s.areas)).map((s) => s.schoolCode) };
  }
  if (toSwap.length) swapIn(ss, toSwap);
  return { tabs: staged.map((s) => s.written), combined };
}

/**
 * The blocks of «Дорожные карты» after a run: the schools already there in their order, each of `codes` regenerated, new
 * schools at the end; every school of the report with its municipality and cluster as they are now.
 */
function combinedBlocks(
  existing: readonly CombinedBlock[],
  codes: readonly string[],
  byCode: ReadonlyMap<string, SchoolReport>,
  roadmapOf: (school: SchoolReport, existing: readonly RoadmapRow[]) => RoadmapRow[],
): CombinedBlock[] {
  const regenerate = new Set(codes);
  const facts = (school: SchoolReport) => ({
    schoolName: school.school.name,
    municipality: school.school.municipality,
    cluster: school.shnor.clusterOrStatus,
  });
  const blocks = existing.map((b) => {
    const school = byCode.get(b.schoolCode);
    if (!school) return b;
    return { ...b, ...facts(school), rows: regenerate.has(b.schoolCode) ? roadmapOf(school, b.rows) : b.rows };
  });
  const there = new Set(existing.map((b) => b.schoolCode));
  for (const code of codes) {
    if (there.has(code)) continue;
    const school = byCode.get(code)!;
    blocks.push({ schoolCode: code, ...facts(school), rows: roadmapOf(school, []) });
  }
  return blocks;
}

/** The layout of one roadmap sheet: a title block, then the rows with drop-downs, date validation and overdue highlighting. */
export function roadmapSheet(school: SchoolReport, rows: readonly RoadmapRow[], year: number | null, yearStart: number): SheetSpec {
  const s = school.school;
  const mentor = school.mentor ? `${school.mentor.mentorName} (${school.mentor.mentorCode})` : 'не назначен';
  const caption = [
    `Дорожная карта (антирисковая программа) на ${yearStart}/${yearStart + 1} учебный год`,
    `Школа: ${s.name} (${s.schoolCode})`,
    `Муниципалитет: ${s.municipality}`,
    `Кластер: ${school.shnor.clusterOrStatus}${year ? ` (по результатам ${year} года)` : ''}`,
    `ИСБШ: ${school.isbsh === null ? 'не рассчитан' : formatNumberRu(school.isbsh, 1)}`,
    `Куратор / школа-наставник (предложение): ${mentor}`,
  ];
  return {
    name: roadmapSheetName(s.schoolCode),
    caption,
    columns: [...ROADMAP_COLUMNS],
    rows: roadmapCells(rows),
    spareRows: SPARE_ROWS,
    ...roadmapChecks(0, headerRowOf({ caption }) + 1),
    headerNote:
      'Просроченные мероприятия (срок прошёл, статус не «выполнено» и не «отменено») выделяются красным. Строки можно добавлять ниже.',
    protectHeader: 'Шапка дорожной карты: заполняется ШНОР-монитором',
    hiddenColumns: [ID_COLUMN],
    tabColor: '#e69138',
  };
}

/** yyyymmdd → «dd.MM.yyyy». */
function ddmmyyyy(day: number): string {
  return `${String(day % 100).padStart(2, '0')}.${String(Math.floor(day / 100) % 100).padStart(2, '0')}.${Math.floor(day / 10000)}`;
}

/** Reads people's rows back from a roadmap tab's values: the header row below the caption and its columns are found by the header matcher. */
export function readRoadmapRows(values: unknown[][]): RoadmapRow[] {
  const headerIndex = findHeaderRow(values, ROADMAP_SCHEMA, 2);
  if (headerIndex < 0) return [];
  const { columns } = matchHeaders(ROADMAP_SCHEMA, headerTexts(values, headerIndex));
  return values.slice(headerIndex + 1).flatMap((cells) => {
    const row = roadmapRowOf((key) => (columns[key] === null ? '' : cells[columns[key]!]));
    return row ? [row] : [];
  });
}

/**
 * «Мониторинг ДК»: progress of every roadmap sheet, the most overdue first (docs/методика.md §6), and beside it the indicators
 * that depend on roadmaps: the share of ШНОР with a roadmap, of measures done and of measures overdue. Returns the number of roadmaps.
 */
export function writeMonitoring(ss: Spreadsheet, today: Date, shnorCodes: readonly string[]): { roadmaps: number; combined: number } {
  const all = workbookOf(ss).all();
  const tabs = roadmapTabs(all.map((e) => e.name));
  const combinedSheet = all.find((e) => e.name === COMBINED_ROADMAPS)?.sheet;
  const blocks = combinedSheet ? readCombinedRoadmaps(combinedSheet.getDataRange().getValues()) : [];
  const entries = [
    ...all
      .filter((e) => tabs.get(e.name.slice(ROADMAP_PREFIX.length)) === e.name)
      .map((e) => ({
        sheetName: e.name,
        schoolCode: e.name.slice(ROADMAP_PREFIX.length),
        rows: readRoadmapRows(e.sheet.getDataRange().getValues()),
      })),
    ...blocks.map((b) => ({ sheetName: COMBINED_ROADMAPS, schoolCode: b.schoolCode, rows: b.rows })),
  ];
  const timeZone = ss.getSpreadsheetTimeZone();
  const table = monitoringTable(entries, today, timeZone);
  const total = table.reduce((a, r) => a + r.total, 0);
  const done = table.reduce((a, r) => a + r.done, 0);
  const overdue = table.reduce((a, r) => a + r.overdue, 0);
  const cancelled = table.reduce((a, r) => a + r.cancelled, 0);
  const withRoadmap = new Set(table.map((r) => r.schoolCode));
  const shnorWithRoadmap = shnorCodes.filter((c) => withRoadmap.has(c)).length;
  const caption = [
    `Мониторинг дорожных карт на ${ddmmyyyy(calendarDay(today, timeZone))}: дорожных карт — ${table.length}, мероприятий — ${total}, выполнено — ${done}, просрочено — ${overdue}.`,
    'Доля выполненных — от мероприятий без отменённых. Сортировка: сначала карты с наибольшим числом просроченных мероприятий.',
  ];
  const indicatorsRow = headerRowOf({ caption });
  const indicators: CellValue[][] = [
    ['Показатель по дорожным картам', 'Значение'],
    ['Доля ШНОР с дорожной картой', shnorCodes.length ? wholePercentShare(shnorWithRoadmap, shnorCodes.length) : ''],
    ['Доля выполненных мероприятий', total - cancelled > 0 ? wholePercentShare(done, total - cancelled) : ''],
    ['Доля просроченных мероприятий', total ? wholePercentShare(overdue, total) : ''],
  ];
  const spec: SheetSpec = {
    name: SHEET_NAMES.monitoring,
    caption,
    columns: [
      { header: 'Лист', format: FORMAT.text, width: 140 },
      { header: 'Код ОО', format: FORMAT.text, width: 100 },
      { header: 'Мероприятий всего', format: FORMAT.integer, width: 100 },
      { header: 'Выполнено', format: FORMAT.integer, width: 90 },
      { header: 'В работе', format: FORMAT.integer, width: 90 },
      { header: 'Просрочено', format: FORMAT.integer, width: 90 },
      { header: 'Отменено', format: FORMAT.integer, width: 90 },
      { header: 'Доля выполненных', format: FORMAT.percent, width: 100 },
    ],
    rows: table.map((r) => [r.sheetName, r.schoolCode, r.total, r.done, r.inProgress, r.overdue, r.cancelled, r.shareDone]),
    filter: true,
    rules: [{ kind: 'rowWhenFormula', formula: `=$F${indicatorsRow + 1}>0`, background: COLORS.zoneRow }],
    blocks: [{ row: indicatorsRow, column: 10, values: indicators, formats: [FORMAT.text, FORMAT.percent], boldFirstRow: true }],
  };
  swapIn(ss, [{ name: SHEET_NAMES.monitoring, sheet: stageSheet(ss, spec) }]);
  return { roadmaps: table.length, combined: blocks.length };
}
