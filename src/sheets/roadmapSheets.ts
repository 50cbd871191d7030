import type { Report, SchoolReport } from '../core/pipeline';
import { DEFAULT_RISK_FACTORS, FACTOR_SHEET_NAME, factorsToRows } from '../core/factors';
import { CATALOG_SHEET_NAME, DEFAULT_CATALOG, catalogToRows } from '../core/catalog';
import {
  OVERDUE_CONDITIONS,
  ROADMAP_HEADER,
  calendarDay,
  ROADMAP_STATUSES,
  ROADMAP_VISIBLE_COLUMNS,
  deferPastDeadlines,
  mergeRoadmap,
  roadmapRows,
  type RoadmapRow,
} from '../core/roadmap';
import { monitoringTable } from '../core/roadmapMonitoring';
import { formatNumberRu, wholePercentShare } from '../core/percent';
import type { LoadedInputs } from './loadInputs';
import { ROADMAP_PREFIX, SHEET_NAMES, roadmapSheetName } from './names';
import type { CellValue, ColumnSpec, SheetSpec } from './sheetSpec';
import { headerRowOf } from './sheetSpec';
import { DRAFT_SUFFIX, HEADER_BACKGROUND, OLD_SUFFIX, stageSheet, swapIn } from './writer';
import { columnLetter } from './a1';
import { dateCell, headerTexts } from './input/cells';
import { ROADMAP_VARIANTS } from './input/corpus/references';
import { findHeaderRow, matchHeaders } from './input/matcher';
import type { InputSchema } from './input/schema';
import { workbookOf } from './workbook';
import { COLORS, FORMAT } from './outputs/format';
import type { Area } from './protections';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The roadmap sheet's columns: the ten of docs/методика.md §6, the add-in's note, and the hidden measure id used to keep people's rows. */
const NOTE_HEADER = 'Примечание';
const ID_HEADER = ROADMAP_HEADER[ROADMAP_VISIBLE_COLUMNS];
const COLUMNS: ColumnSpec[] = [
  { header: ROADMAP_HEADER[0], format: FORMAT.integer, width: 40 },
  { header: ROADMAP_HEADER[1], format: FORMAT.text, width: 180 },
  { header: ROADMAP_HEADER[2], format: FORMAT.text, width: 220 },
  { header: ROADMAP_HEADER[3], format: FORMAT.text, width: 320 },
  { header: ROADMAP_HEADER[4], format: FORMAT.date, width: 90 },
  { header: ROADMAP_HEADER[5], format: FORMAT.text, width: 160 },
  { header: ROADMAP_HEADER[6], format: FORMAT.text, width: 220 },
  { header: ROADMAP_HEADER[7], format: FORMAT.text, width: 180 },
  { header: ROADMAP_HEADER[8], format: FORMAT.text, width: 100 },
  { header: ROADMAP_HEADER[9], format: FORMAT.text, width: 220 },
  { header: NOTE_HEADER, format: FORMAT.text, width: 170 },
  { header: ID_HEADER, format: FORMAT.text, width: 70 },
];
const DEADLINE_COLUMN = 4;
const STATUS_COLUMN = 8;
const ID_COLUMN = COLUMNS.length - 1;
/** Empty rows with the same drop-downs, for measures people add by hand. */
const SPARE_ROWS = 20;

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

/** A roadmap sheet written by a run, with the areas its school's people may edit. */
export interface WrittenRoadmap {
  name: string;
  schoolCode: string;
  areas: Area[];
}

/**
 * The cells of a roadmap that its school's people edit (docs/методика.md §11): Срок, Статус and Комментарий of
 * every row from `firstRow` on, and whole rows below the `rows` of the table, for measures they add.
 */
function editableAreas(firstRow: number, rows: number, spare: number): Area[] {
  const all = rows + spare;
  if (!all) return [];
  const areas: Area[] = [
    { row: firstRow, column: DEADLINE_COLUMN + 1, numRows: all, numColumns: 1 },
    // Статус and Комментарий stand side by side.
    { row: firstRow, column: STATUS_COLUMN + 1, numRows: all, numColumns: 2 },
  ];
  if (spare) areas.push({ row: firstRow + rows, column: 1, numRows: spare, numColumns: COLUMNS.length });
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
  const headerIndex = values.findIndex((row) => text(row[0]) === ROADMAP_HEADER[0] && text(row[1]) === ROADMAP_HEADER[1]);
  if (headerIndex < 0) return null;
  let last = values.length - 1;
  while (last > headerIndex && values[last].every((v) => text(v) === '')) last--;
  const firstRow = headerIndex + 2;
  const rows = last - headerIndex;
  return editableAreas(firstRow, rows, Math.max(0, maxRows - (firstRow + rows - 1)));
}

/**
 * Builds or regenerates «ДК <Код ОО>» for each school: rows from the catalog for the school's cluster and its
 * high-significance factors, merged with what people already entered (docs/методика.md §6). Returns the sheet names.
 */
export function generateRoadmaps(
  ss: Spreadsheet,
  report: Report,
  inputs: LoadedInputs,
  codes: readonly string[],
  today: Date,
): WrittenRoadmap[] {
  const timeZone = ss.getSpreadsheetTimeZone();
  const byCode = new Map(report.schools.map((s) => [s.school.schoolCode, s]));
  const factorNames = Object.fromEntries(inputs.factors.map((f) => [f.id, f.name]));
  const yearStart = schoolYearStartOf(today, timeZone);
  const book = workbookOf(ss);
  // Every existing roadmap is read before the first write: a read after a write costs a round trip each.
  const targets = codes.flatMap((code) => {
    const school = byCode.get(code);
    if (!school) return [];
    const name = roadmapSheetName(code);
    const existingSheet = book.find(name)?.sheet;
    return [{ school, name, existing: existingSheet ? readRoadmapRows(existingSheet.getDataRange().getValues()) : [] }];
  });
  const staged = targets.map(({ school, name, existing }) => {
    const fresh = deferPastDeadlines(
      roadmapRows(school.shnor.cluster, school.profile.highFactorIds, factorNames, inputs.catalog, yearStart),
      today,
      timeZone,
    );
    const rows = existing.length ? mergeRoadmap(existing, fresh) : fresh;
    const spec = roadmapSheet(school, rows, report.year, yearStart);
    return {
      name,
      sheet: stageSheet(ss, spec),
      written: { name, schoolCode: school.school.schoolCode, areas: roadmapEditableAreas(spec) },
    };
  });
  if (staged.length)
    swapIn(
      ss,
      staged.map(({ name, sheet }) => ({ name, sheet })),
    );
  return staged.map((s) => s.written);
}

/**
 * The overdue rule (OVERDUE_CONDITIONS of core/roadmap, docs/методика.md §6) as the custom formula
 * of a conditional-format rule, for the row of the given deadline and status cells, e.g.
 * =AND($E9<>"",$E9<TODAY(),$I9<>"выполнено",$I9<>"отменено") (en_US form, as rule formulas are stored). Sheets compares text without regard
 * to case and TODAY() is the spreadsheet's day, as isOverdue counts days in its time zone.
 */
export function overdueFormula(deadline: string, status: string): string {
  const conditions = OVERDUE_CONDITIONS.map((c) => {
    switch (c.kind) {
      case 'hasDeadline':
        return `${deadline}<>""`;
      case 'deadlineBeforeToday':
        return `${deadline}<TODAY()`;
      case 'statusIsNot':
        return `${status}<>"${c.status}"`;
    }
  });
  return `=AND(${conditions.join(',')})`;
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
  const first = headerRowOf({ caption }) + 1;
  const deadline = `$${columnLetter(DEADLINE_COLUMN)}${first}`;
  const status = `$${columnLetter(STATUS_COLUMN)}${first}`;
  const values: CellValue[][] = rows.map((r, i) => [
    i + 1,
    r.factor,
    r.task,
    r.measure,
    r.deadline,
    r.owner,
    r.indicator,
    r.document,
    r.status,
    r.comment,
    r.note ?? '',
    r.measureId ?? '',
  ]);
  return {
    name: roadmapSheetName(s.schoolCode),
    caption,
    columns: COLUMNS,
    rows: values,
    spareRows: SPARE_ROWS,
    validations: [
      { kind: 'list', column: STATUS_COLUMN, values: [...ROADMAP_STATUSES], help: 'Выберите статус из списка.' },
      { kind: 'date', column: DEADLINE_COLUMN, help: 'Укажите дату в формате ДД.ММ.ГГГГ.' },
    ],
    rules: [
      {
        kind: 'rowWhenFormula',
        formula: overdueFormula(deadline, status),
        background: COLORS.bad,
      },
      { kind: 'textEqual', column: STATUS_COLUMN, text: 'выполнено', background: COLORS.good },
    ],
    headerNote:
      'Просроченные мероприятия (срок прошёл, статус не «выполнено» и не «отменено») выделяются красным. Строки можно добавлять ниже.',
    protectHeader: 'Шапка дорожной карты: заполняется ШНОР-монитором',
    hiddenColumns: [ID_COLUMN],
    tabColor: '#e69138',
  };
}

function text(v: unknown): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

/** yyyymmdd → «dd.MM.yyyy». */
function ddmmyyyy(day: number): string {
  return `${String(day % 100).padStart(2, '0')}.${String(Math.floor(day / 100) % 100).padStart(2, '0')}.${Math.floor(day / 10000)}`;
}

type RoadmapColumn = keyof typeof ROADMAP_VARIANTS;
const ROADMAP_KEYS: readonly RoadmapColumn[] = [
  'number',
  'factor',
  'task',
  'measure',
  'deadline',
  'owner',
  'indicator',
  'document',
  'status',
  'comment',
  'note',
  'measureId',
];

/** A roadmap sheet as an input schema (src/sheets/input): the titles COLUMNS writes, in their order, and the corpus of other wordings. */
export const ROADMAP_SCHEMA: InputSchema<RoadmapColumn> = {
  id: 'roadmap',
  fields: ROADMAP_KEYS.map((key, i) => ({ key, title: COLUMNS[i].header, required: 'no', variants: ROADMAP_VARIANTS[key] })),
};

/** Reads people's rows back from a roadmap sheet's values: the header row below the caption and its columns are found by the header matcher. */
export function readRoadmapRows(values: unknown[][]): RoadmapRow[] {
  const headerIndex = findHeaderRow(values, ROADMAP_SCHEMA, 2);
  if (headerIndex < 0) return [];
  const { columns } = matchHeaders(ROADMAP_SCHEMA, headerTexts(values, headerIndex));
  const at = (row: unknown[], key: RoadmapColumn) => (columns[key] === null ? '' : row[columns[key]!]);
  const rows: RoadmapRow[] = [];
  for (const row of values.slice(headerIndex + 1)) {
    const measure = text(at(row, 'measure'));
    const task = text(at(row, 'task'));
    const id = text(at(row, 'measureId'));
    if (!measure && !task && !id && !text(at(row, 'comment'))) continue;
    const note = text(at(row, 'note'));
    rows.push({
      measureId: id || null,
      factor: text(at(row, 'factor')),
      task,
      measure,
      deadline: dateCell(at(row, 'deadline')),
      owner: text(at(row, 'owner')),
      indicator: text(at(row, 'indicator')),
      document: text(at(row, 'document')),
      status: text(at(row, 'status')),
      comment: text(at(row, 'comment')),
      ...(note ? { note } : {}),
    });
  }
  return rows;
}

/**
 * «Мониторинг ДК»: progress of every roadmap sheet, the most overdue first (docs/методика.md §6), and beside it the indicators
 * that depend on roadmaps: the share of ШНОР with a roadmap, of measures done and of measures overdue. Returns the number of roadmaps.
 */
export function writeMonitoring(ss: Spreadsheet, today: Date, shnorCodes: readonly string[]): number {
  const entries = workbookOf(ss)
    .all()
    .map((e) => ({ sheet: e.sheet, sheetName: e.name }))
    .filter(({ sheetName }) => sheetName.startsWith(ROADMAP_PREFIX) && !sheetName.endsWith(DRAFT_SUFFIX) && !sheetName.endsWith(OLD_SUFFIX))
    .map(({ sheet, sheetName }) => ({
      sheetName,
      schoolCode: sheetName.slice(ROADMAP_PREFIX.length),
      rows: readRoadmapRows(sheet.getDataRange().getValues()),
    }));
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
  return table.length;
}
