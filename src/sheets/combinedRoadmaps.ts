/**
 * «Дорожные карты»: one sheet for the roadmaps of the schools that get no tab of their own (docs/методика.md §6) —
 * beyond ROADMAP_TABS_MAX tabs, or a school whose code would make a sheet name longer than Sheets allows. The
 * roadmap's columns with Код ОО, Школа, Муниципалитет and Кластер in front (what a school's tab says in its title), a
 * block of rows per school followed by a few empty rows for measures the school adds, and a filter: choosing a code in
 * «Код ОО» shows one school's roadmap, a municipality in «Муниципалитет» its schools'.
 */
import type { RoadmapRow } from '../core/roadmap';
import { headerTexts } from './input/cells';
import { COMBINED_ROADMAP_VARIANTS } from './input/corpus/references';
import { findHeaderRow, matchHeaders } from './input/matcher';
import type { InputSchema } from './input/schema';
import { COMBINED_ROADMAPS, ROADMAP_TABS_MAX } from './names';
import { FORMAT } from './outputs/format';
import type { Area } from './protections';
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
  type RoadmapColumn,
} from './roadmapLayout';
import type { CellValue, ColumnSpec, SheetSpec } from './sheetSpec';
import { headerRowOf } from './sheetSpec';

/** One school's part of the sheet. */
export interface CombinedBlock {
  schoolCode: string;
  schoolName: string;
  municipality: string;
  /** The school's cluster, or its status when it has none (as the title of a school's tab shows it). */
  cluster: string;
  rows: RoadmapRow[];
}

/** A school's editable areas on the sheet (docs/методика.md §11). */
export interface CombinedAreas {
  schoolCode: string;
  areas: Area[];
}

/** Empty rows after each school's block, for the measures it adds: they carry its code so the filter shows them. */
export const COMBINED_SPARE_ROWS = 3;
type LeadColumn = 'schoolCode' | 'schoolName' | 'municipality' | 'cluster';
/** The school's columns before the roadmap's. */
const LEAD_COLUMNS: ReadonlyArray<ColumnSpec & { key: LeadColumn }> = [
  { key: 'schoolCode', header: 'Код ОО', format: FORMAT.text, width: 90 },
  { key: 'schoolName', header: 'Школа', format: FORMAT.text, width: 220 },
  { key: 'municipality', header: 'Муниципалитет', format: FORMAT.text, width: 160 },
  { key: 'cluster', header: 'Кластер', format: FORMAT.text, width: 170 },
];
const LEAD = LEAD_COLUMNS.length;

type CombinedColumn = RoadmapColumn | LeadColumn;
const COMBINED_SCHEMA: InputSchema<CombinedColumn> = {
  id: 'combinedRoadmaps',
  fields: [
    ...LEAD_COLUMNS.map((c) => ({ key: c.key, title: c.header, required: 'no' as const, variants: COMBINED_ROADMAP_VARIANTS[c.key] })),
    ...ROADMAP_SCHEMA.fields,
  ],
};

/** The sheet's layout: the blocks in their order, each with its spare rows. */
export function combinedRoadmapSheet(blocks: readonly CombinedBlock[], yearStart: number): SheetSpec {
  const caption = [
    `Дорожные карты (антирисковые программы) на ${yearStart}/${yearStart + 1} учебный год — школы без отдельного листа «ДК <Код ОО>»`,
    `Отдельных листов дорожных карт не больше ${ROADMAP_TABS_MAX}, чтобы таблица оставалась удобной: карты остальных школ — здесь, по строке на мероприятие.`,
    'Чтобы увидеть одну школу, выберите её код в фильтре столбца «Код ОО». Школа заполняет Срок, Статус и Комментарий своих строк и может добавить мероприятия в пустые строки своего блока.',
  ];
  const rows: CellValue[][] = blocks.flatMap((b) => {
    const lead = [b.schoolCode, b.schoolName, b.municipality, b.cluster];
    const spare = Array.from({ length: COMBINED_SPARE_ROWS }, () => [...lead, ...ROADMAP_COLUMNS.map(() => '')]);
    return [...roadmapCells(b.rows).map((cells) => [...lead, ...cells]), ...spare];
  });
  const checks = roadmapChecks(LEAD, headerRowOf({ caption }) + 1);
  return {
    name: COMBINED_ROADMAPS,
    caption,
    columns: [...LEAD_COLUMNS.map(({ header, format, width }) => ({ header, format, width })), ...ROADMAP_COLUMNS],
    rows,
    filter: true,
    ...checks,
    headerNote:
      'Просроченные мероприятия (срок прошёл, статус не «выполнено» и не «отменено») выделяются красным. Блок каждой школы заканчивается пустыми строками для её мероприятий.',
    protectHeader: 'Шапка листа «Дорожные карты»: заполняется ШНОР-монитором',
    hiddenColumns: [LEAD + ID_COLUMN],
    tabColor: '#e69138',
  };
}

/** The table as it stands: the header found by its titles, and for each data row its school and its roadmap row (null for an empty line). */
interface Line {
  /** The school of the row: its own code, or the code of the row above. */
  code: string;
  name: string;
  municipality: string;
  cluster: string;
  ownCode: boolean;
  row: RoadmapRow | null;
}

/**
 * The 1-based sheet columns of the editable parts, as the header shows them (a sheet written before a column was added
 * in front keeps its own places): Срок, Статус, Комментарий, and the roadmap's visible columns from № to Примечание.
 */
interface EditableColumns {
  deadline: number;
  status: number;
  comment: number;
  first: number;
  last: number;
}

function tableOf(values: unknown[][]): { firstRow: number; lines: Line[]; editable: EditableColumns } | null {
  const headerIndex = findHeaderRow(values, COMBINED_SCHEMA, 3);
  if (headerIndex < 0) return null;
  const { columns } = matchHeaders(COMBINED_SCHEMA, headerTexts(values, headerIndex));
  // Where a title is not found, the column stands where this layout puts it.
  const column = (key: RoadmapColumn, inRoadmap: number) => (columns[key] ?? LEAD + inRoadmap) + 1;
  const editable: EditableColumns = {
    deadline: column('deadline', DEADLINE_COLUMN),
    status: column('status', STATUS_COLUMN),
    comment: column('comment', COMMENT_COLUMN),
    first: column('number', 0),
    last: column('note', ID_COLUMN - 1),
  };
  const lines: Line[] = [];
  let code = '';
  let school = { name: '', municipality: '', cluster: '' };
  for (const cells of values.slice(headerIndex + 1)) {
    const at = (key: CombinedColumn) => (columns[key] === null ? '' : cells[columns[key]!]);
    const row = roadmapRowOf(at);
    // A row without a code continues the block above it (a row someone inserted inside a block).
    const ownCode = cellText(at('schoolCode'));
    if (ownCode && ownCode !== code) school = { name: '', municipality: '', cluster: '' };
    code = ownCode || code;
    school = {
      name: cellText(at('schoolName')) || school.name,
      municipality: cellText(at('municipality')) || school.municipality,
      cluster: cellText(at('cluster')) || school.cluster,
    };
    lines.push({ code, ...school, ownCode: !!ownCode, row });
  }
  // Empty lines below the last block (no code of their own) are not part of the table.
  while (lines.length && lines[lines.length - 1].row === null && !lines[lines.length - 1].ownCode) lines.pop();
  return { firstRow: headerIndex + 2, lines, editable };
}

/**
 * People's rows read back, grouped by school in the order the schools first appear (rows of one school are kept
 * together even if someone sorted the sheet). Rows before any code are not a school's and are not kept.
 */
export function readCombinedRoadmaps(values: unknown[][]): CombinedBlock[] {
  const table = tableOf(values);
  if (!table) return [];
  const blocks = new Map<string, CombinedBlock>();
  for (const { code, name, municipality, cluster, row } of table.lines) {
    if (!code) continue;
    let block = blocks.get(code);
    if (!block) blocks.set(code, (block = { schoolCode: code, schoolName: name, municipality, cluster, rows: [] }));
    block.schoolName ||= name;
    block.municipality ||= municipality;
    block.cluster ||= cluster;
    if (row) block.rows.push(row);
  }
  return [...blocks.values()];
}

/**
 * Each school's editable areas (docs/методика.md §11): Срок, Статус and Комментарий of every row of its block, and
 * the roadmap's visible columns of the empty rows that end the block. A school whose rows were sorted apart has an
 * area per run of its rows.
 */
export function combinedAreas(values: unknown[][]): CombinedAreas[] {
  const table = tableOf(values);
  if (!table) return [];
  const bySchool = new Map<string, Area[]>();
  const { lines, firstRow, editable } = table;
  for (let start = 0; start < lines.length;) {
    const code = lines[start].code;
    let end = start;
    while (end + 1 < lines.length && lines[end + 1].code === code) end++;
    let spareFrom = end + 1;
    while (spareFrom - 1 >= start && lines[spareFrom - 1].row === null) spareFrom--;
    if (code) {
      const rows = end - start + 1;
      const areas = bySchool.get(code) ?? [];
      areas.push({ row: firstRow + start, column: editable.deadline, numRows: rows, numColumns: 1 });
      // Статус and Комментарий side by side are one area.
      if (editable.comment === editable.status + 1)
        areas.push({ row: firstRow + start, column: editable.status, numRows: rows, numColumns: 2 });
      else
        areas.push(
          { row: firstRow + start, column: editable.status, numRows: rows, numColumns: 1 },
          { row: firstRow + start, column: editable.comment, numRows: rows, numColumns: 1 },
        );
      if (spareFrom <= end)
        areas.push({
          row: firstRow + spareFrom,
          column: editable.first,
          numRows: end - spareFrom + 1,
          numColumns: editable.last - editable.first + 1,
        });
      bySchool.set(code, areas);
    }
    start = end + 1;
  }
  return [...bySchool].map(([schoolCode, areas]) => ({ schoolCode, areas }));
}

/** The areas of a layout before it is written: the same rule, over the cells the spec will write. */
export function combinedAreasOfSpec(spec: SheetSpec): CombinedAreas[] {
  const header = headerRowOf(spec);
  const values: unknown[][] = [...Array.from({ length: header - 1 }, () => []), spec.columns.map((c) => c.header), ...spec.rows];
  return combinedAreas(values);
}
