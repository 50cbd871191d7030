import { wholePercentShare } from './percent';
import { canonicalStatus, isOverdue, type RoadmapRow } from './roadmap';

export interface RoadmapProgress {
  total: number;
  done: number;
  inProgress: number;
  overdue: number;
  cancelled: number;
  /** done ÷ (total − cancelled), a whole-percent share; 0 when nothing is left to do. */
  shareDone: number;
}

export interface MonitoringRow extends RoadmapProgress {
  sheetName: string;
  schoolCode: string;
}

/** A row with neither a task nor a measure is an empty line of the sheet, not a measure. */
function isMeasureRow(row: RoadmapRow): boolean {
  return row.measure.trim() !== '' || row.task.trim() !== '';
}

/**
 * Progress of one roadmap (docs/методика.md §6, «Мониторинг ДК»): rows total, done (выполнено), in
 * progress (в работе), overdue (isOverdue on `today`), cancelled (отменено), and the share done
 * as a whole percent of the rows that are still meant to be done: done ÷ (total − cancelled),
 * because a cancelled measure is not a failure to act. Empty lines are not counted.
 */
export function roadmapProgress(rows: readonly RoadmapRow[], today: Date, timeZone?: string): RoadmapProgress {
  const measures = rows.filter(isMeasureRow);
  const countStatus = (status: string) => measures.filter((r) => canonicalStatus(r.status) === status).length;
  const total = measures.length;
  const done = countStatus('выполнено');
  const cancelled = countStatus('отменено');
  const toDo = total - cancelled;
  return {
    total,
    done,
    inProgress: countStatus('в работе'),
    overdue: measures.filter((r) => isOverdue(r, today, timeZone)).length,
    cancelled,
    shareDone: toDo > 0 ? wholePercentShare(done, toDo) : 0,
  };
}

const codeCollator = new Intl.Collator('ru', { numeric: true });

/**
 * The table «Мониторинг ДК» (docs/методика.md §6): the progress of each school's roadmap, the most
 * overdue rows first, ties by Код ОО. Days are counted in `timeZone`, the spreadsheet's.
 */
export function monitoringTable(
  entries: ReadonlyArray<{ sheetName: string; schoolCode: string; rows: readonly RoadmapRow[] }>,
  today: Date,
  timeZone?: string,
): MonitoringRow[] {
  return entries
    .map((e) => ({ sheetName: e.sheetName, schoolCode: e.schoolCode, ...roadmapProgress(e.rows, today, timeZone) }))
    .sort((a, b) => b.overdue - a.overdue || codeCollator.compare(a.schoolCode, b.schoolCode));
}
