/**
 * The table of a roadmap (docs/методика.md §6) as both roadmap sheets lay it out: a school's own tab «ДК <Код ОО>»
 * (roadmapSheets.ts) and the combined sheet «Дорожные карты» (combinedRoadmaps.ts), which puts the school's columns in
 * front of the same columns. Its columns, drop-downs, overdue highlighting and how people's rows are read back.
 */
import { OVERDUE_CONDITIONS, ROADMAP_HEADER, ROADMAP_STATUSES, ROADMAP_VISIBLE_COLUMNS, type RoadmapRow } from '../core/roadmap';
import { columnLetter } from './a1';
import { dateCell } from './input/cells';
import { ROADMAP_VARIANTS } from './input/corpus/references';
import type { InputSchema } from './input/schema';
import { COLORS, FORMAT } from './outputs/format';
import type { CellValue, ColumnSpec, RuleSpec, ValidationSpec } from './sheetSpec';

/** The roadmap's columns: the ten of docs/методика.md §6, the add-in's note, and the hidden measure id used to keep people's rows. */
const NOTE_HEADER = 'Примечание';
const ID_HEADER = ROADMAP_HEADER[ROADMAP_VISIBLE_COLUMNS];
export const ROADMAP_COLUMNS: readonly ColumnSpec[] = [
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
/** 0-based positions within the roadmap's columns. */
export const DEADLINE_COLUMN = 4;
export const STATUS_COLUMN = 8;
/** Комментарий stands right of Статус: both are one editable area. */
export const COMMENT_COLUMN = STATUS_COLUMN + 1;
export const ID_COLUMN = ROADMAP_COLUMNS.length - 1;

/** A roadmap's rows as the cells of its columns, numbered from 1. */
export function roadmapCells(rows: readonly RoadmapRow[]): CellValue[][] {
  return rows.map((r, i) => [
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

/**
 * The drop-downs, date checks and highlighting of a roadmap table whose columns start at the 0-based column `offset`
 * of the sheet and whose first data row is `firstRow`: overdue rows red, done measures green.
 */
export function roadmapChecks(offset: number, firstRow: number): { validations: ValidationSpec[]; rules: RuleSpec[] } {
  const deadline = `$${columnLetter(offset + DEADLINE_COLUMN)}${firstRow}`;
  const status = `$${columnLetter(offset + STATUS_COLUMN)}${firstRow}`;
  return {
    validations: [
      { kind: 'list', column: offset + STATUS_COLUMN, values: [...ROADMAP_STATUSES], help: 'Выберите статус из списка.' },
      { kind: 'date', column: offset + DEADLINE_COLUMN, help: 'Укажите дату в формате ДД.ММ.ГГГГ.' },
    ],
    rules: [
      { kind: 'rowWhenFormula', formula: overdueFormula(deadline, status), background: COLORS.bad },
      { kind: 'textEqual', column: offset + STATUS_COLUMN, text: 'выполнено', background: COLORS.good },
    ],
  };
}

export function cellText(v: unknown): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

export type RoadmapColumn = keyof typeof ROADMAP_VARIANTS;
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

/** A roadmap table as an input schema (src/sheets/input): the titles ROADMAP_COLUMNS writes, in their order, and the corpus of other wordings. */
export const ROADMAP_SCHEMA: InputSchema<RoadmapColumn> = {
  id: 'roadmap',
  fields: ROADMAP_KEYS.map((key, i) => ({ key, title: ROADMAP_COLUMNS[i].header, required: 'no', variants: ROADMAP_VARIANTS[key] })),
};

/** One row of a roadmap table read back, `at` giving the cell of a column; null for an empty line (no measure, task, id or comment). */
export function roadmapRowOf(at: (key: RoadmapColumn) => unknown): RoadmapRow | null {
  const measure = cellText(at('measure'));
  const task = cellText(at('task'));
  const id = cellText(at('measureId'));
  const comment = cellText(at('comment'));
  if (!measure && !task && !id && !comment) return null;
  const note = cellText(at('note'));
  return {
    measureId: id || null,
    factor: cellText(at('factor')),
    task,
    measure,
    deadline: dateCell(at('deadline')),
    owner: cellText(at('owner')),
    indicator: cellText(at('indicator')),
    document: cellText(at('document')),
    status: cellText(at('status')),
    comment,
    ...(note ? { note } : {}),
  };
}
