import { ALL_CLUSTERS, GENERAL_FACTOR } from './catalog';
import { ROADMAP_MESSAGES } from './messages';
import { normalizeText } from './text';
import { wallClock } from './wallClock';
import type { CatalogMeasure, ClusterLabel } from './types';

/**
 * Columns of a school's roadmap sheet (docs/методика.md §6). The last one, «ID меры», is technical:
 * the sheets layer hides it; it carries the catalog id so regeneration can find people's rows.
 */
export const ROADMAP_HEADER: readonly string[] = Object.freeze([
  '№',
  'Фактор риска',
  'Задача',
  'Мероприятие',
  'Срок',
  'Ответственный',
  'Показатель результата',
  'Итоговый документ',
  'Статус',
  'Комментарий',
  'ID меры',
]);

/** Number of columns people see; the columns after them are technical. */
export const ROADMAP_VISIBLE_COLUMNS = 10;

/** The drop-down of «Статус» (docs/методика.md §6), in the order of work. */
export const ROADMAP_STATUSES = Object.freeze(['не начато', 'в работе', 'выполнено', 'отменено'] as const);
export type RoadmapStatus = (typeof ROADMAP_STATUSES)[number];

export const STATUS_NOT_STARTED: RoadmapStatus = 'не начато';
/** Statuses that close a row: it can no longer be overdue. */
export const CLOSED_STATUSES: readonly RoadmapStatus[] = Object.freeze(['выполнено', 'отменено'] as RoadmapStatus[]);

/** What «Фактор риска» says on rows not tied to a factor. */
export const GENERAL_FACTOR_LABEL = 'Общие меры';

export interface RoadmapRow {
  /** The catalog id; null for a row a person added by hand. */
  measureId: string | null;
  factor: string;
  task: string;
  measure: string;
  deadline: Date | null;
  owner: string;
  indicator: string;
  document: string;
  status: string;
  comment: string;
  /** A remark of the add-in, e.g. ROADMAP_MESSAGES.notInTemplate. */
  note?: string;
}

/** Hour (UTC) at which deadlines are built: the same calendar day in every zone from UTC−6 to UTC+17, so all of Russia (UTC+2…+12). */
const DEADLINE_HOUR_UTC = 6;

/**
 * The deadline for a month of the school year that begins on 1 September of schoolYearStart
 * (docs/методика.md §6): September–December fall in schoolYearStart, January–August in the next year;
 * the deadline is the last day of that month. The Date is built at 06:00 UTC so that, written
 * as a date cell, it shows the same calendar day in every Russian time zone; core reads the
 * calendar day of a Date in the runtime's local time zone (see calendarDay).
 */
export function schoolYearDeadline(month: number, schoolYearStart: number): Date {
  const year = month >= 9 ? schoolYearStart : schoolYearStart + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return new Date(Date.UTC(year, month - 1, lastDay, DEADLINE_HOUR_UTC));
}

/**
 * The calendar day of a Date as yyyymmdd in `timeZone` (the spreadsheet's: Sheets hands back a date cell as midnight
 * there, which in the script's own zone may still be the day before), or in the runtime's zone when none is given.
 */
export function calendarDay(date: Date, timeZone?: string): number {
  if (!timeZone) return date.getFullYear() * 10000 + (date.getMonth() + 1) * 100 + date.getDate();
  const w = wallClock(date.getTime(), timeZone);
  return w.year * 10000 + w.month * 100 + w.day;
}

/** True when the status closes the row (выполнено, отменено; docs/методика.md §6), whatever its case or spacing. */
export function isClosedStatus(status: string): boolean {
  return (CLOSED_STATUSES as readonly string[]).includes(normalizeText(status));
}

/** The status of the drop-down (docs/методика.md §6) a person's text means, or null (case and spacing forgiven). */
export function canonicalStatus(status: string): RoadmapStatus | null {
  const text = normalizeText(status);
  return ROADMAP_STATUSES.find((s) => s === text) ?? null;
}

/**
 * The roadmap rows a school receives from the catalog (docs/методика.md §6), in this order: general
 * measures for all clusters; general measures for the school's cluster; then, factor by factor
 * in the order of highFactorIds, the measures for each high-significance factor meant for all
 * clusters or for the school's cluster. A school that is not ШНОР (cluster null) gets the
 * general measures for all clusters and the factor measures for all clusters. Every row starts
 * «не начато», its deadline built from the catalog month by schoolYearDeadline.
 */
export function roadmapRows(
  cluster: ClusterLabel | null,
  highFactorIds: readonly string[],
  factorNames: Record<string, string>,
  catalog: readonly CatalogMeasure[],
  schoolYearStart: number,
): RoadmapRow[] {
  const forSchool = (m: CatalogMeasure) => m.cluster === ALL_CLUSTERS || (cluster !== null && m.cluster === cluster);
  const isGeneral = (m: CatalogMeasure) => m.factor === GENERAL_FACTOR;
  const picked: CatalogMeasure[] = [
    ...catalog.filter((m) => isGeneral(m) && m.cluster === ALL_CLUSTERS),
    ...catalog.filter((m) => isGeneral(m) && cluster !== null && m.cluster === cluster),
    ...[...new Set(highFactorIds)].flatMap((factorId) => catalog.filter((m) => m.factor === factorId && forSchool(m))),
  ];
  return picked.map((m) => ({
    measureId: m.id,
    factor: isGeneral(m) ? GENERAL_FACTOR_LABEL : (factorNames[m.factor] ?? m.factor),
    task: m.task,
    measure: m.measure,
    deadline: schoolYearDeadline(m.deadlineMonth, schoolYearStart),
    owner: m.ownerRole,
    indicator: m.indicator,
    document: m.document,
    status: STATUS_NOT_STARTED,
    comment: '',
  }));
}

/**
 * Regenerates a roadmap without losing people's work (docs/методика.md §6). The existing rows keep
 * their order: a row whose measureId is in `fresh` takes the catalog's texts (factor, task,
 * measure, indicator, document) and keeps its status, comment, deadline and owner (a blank
 * status, deadline or owner is filled from the template); a row added by hand (measureId null)
 * stays where it is, i.e. after the row that was above it; a row whose measure the template no
 * longer suggests stays with its status and gets the note «не входит в текущий шаблон». Fresh
 * measures that were not in the roadmap are appended at the end in template order.
 */
export function mergeRoadmap(existing: readonly RoadmapRow[], fresh: readonly RoadmapRow[]): RoadmapRow[] {
  const freshById = new Map<string, RoadmapRow>();
  for (const row of fresh) if (row.measureId !== null && !freshById.has(row.measureId)) freshById.set(row.measureId, row);
  const existingIds = new Set(existing.map((r) => r.measureId).filter((id): id is string => id !== null));

  const merged: RoadmapRow[] = existing.map((row) => {
    if (row.measureId === null) return { ...row };
    const template = freshById.get(row.measureId);
    if (!template) return { ...row, note: ROADMAP_MESSAGES.notInTemplate };
    const { note: _templateNote, ...texts } = template;
    return {
      ...texts,
      deadline: row.deadline ?? template.deadline,
      owner: row.owner.trim() ? row.owner : template.owner,
      status: row.status.trim() ? row.status : template.status,
      comment: row.comment,
    };
  });
  const added = fresh.filter((r) => r.measureId === null || !existingIds.has(r.measureId));
  return [...merged, ...added.map((r) => ({ ...r }))];
}

/**
 * A measure added to a roadmap never starts out overdue: when its catalog month has already passed on `today`
 * (a roadmap made in November for a school year that began in September), its deadline becomes the last day of the
 * next month. docs/методика.md §6 is silent here; a deadline in the past would make a fresh plan look failed on day one.
 */
export function deferPastDeadlines(rows: readonly RoadmapRow[], today: Date, timeZone?: string): RoadmapRow[] {
  const day = calendarDay(today, timeZone);
  const year = Math.floor(day / 10000);
  const month = Math.floor(day / 100) % 100;
  const next = new Date(Date.UTC(year, month + 1, 0, DEADLINE_HOUR_UTC));
  return rows.map((r) => (r.deadline && calendarDay(r.deadline, timeZone) < day ? { ...r, deadline: next } : { ...r }));
}

/** One condition of the overdue rule; every condition must hold. */
export type OverdueCondition = { kind: 'hasDeadline' } | { kind: 'deadlineBeforeToday' } | { kind: 'statusIsNot'; status: RoadmapStatus };

/**
 * The overdue rule of docs/методика.md §6 as data, the one definition both isOverdue and the
 * roadmap sheet's highlighting formula (src/sheets/roadmapSheets.ts) are made from: a row is
 * overdue when it has a deadline, the deadline's calendar day is before today's (on the deadline
 * day itself it is not overdue yet), and its status is none of the closing ones.
 */
export const OVERDUE_CONDITIONS: readonly OverdueCondition[] = Object.freeze([
  { kind: 'hasDeadline' },
  { kind: 'deadlineBeforeToday' },
  ...CLOSED_STATUSES.map((status) => ({ kind: 'statusIsNot' as const, status })),
]);

/**
 * Whether a row is overdue today (docs/методика.md §6): every condition of OVERDUE_CONDITIONS holds,
 * days counted in `timeZone` (the spreadsheet's). A row without a deadline is never overdue.
 */
export function isOverdue(row: RoadmapRow, today: Date, timeZone?: string): boolean {
  const deadline = row.deadline && !Number.isNaN(row.deadline.getTime()) ? row.deadline : null;
  return OVERDUE_CONDITIONS.every((c) => {
    switch (c.kind) {
      case 'hasDeadline':
        return deadline !== null;
      case 'deadlineBeforeToday':
        return deadline !== null && calendarDay(deadline, timeZone) < calendarDay(today, timeZone);
      case 'statusIsNot':
        return normalizeText(row.status) !== c.status;
    }
  });
}
