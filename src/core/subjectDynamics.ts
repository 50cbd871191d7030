/**
 * Dynamics of a school's failing share by subject (docs/методика.md §7, the indicator «Доля ШНОР с положительной
 * динамикой по русскому языку или математике»).
 */
import { isPositiveResult, procedureDynamics } from './dynamics';
import { normalizeProcedureName, subjectOfProcedure } from './procedures';
import { failingShare } from './shnor';
import type { ProcedureDynamics, ProcedureResult } from './types';

export interface SubjectDynamics {
  subject: string;
  /** The subject's procedures held in both years (normalised names). */
  procedures: string[];
  /** Σ failed ÷ Σ participants over those procedures, in Y−1 and in Y. */
  previous: number;
  current: number;
  dynamics: ProcedureDynamics;
}

interface Counts {
  participants: number;
  failed: number;
}

/** One school's rows of one year by normalised procedure name; the last row with a share wins, as for the status. */
function byProcedure(rows: ReadonlyArray<ProcedureResult>): Map<string, Counts> {
  const out = new Map<string, Counts>();
  for (const r of rows) {
    if (failingShare(r) === null) continue;
    out.set(normalizeProcedureName(r.procedure), { participants: r.participants as number, failed: r.failed as number });
  }
  return out;
}

/**
 * A school's failing share per subject in Y−1 and in Y (docs/методика.md §7): for each subject of `subjects`, over
 * that subject's procedures held in both years (participants > 0 and a share in each), the share is Σ failed ÷
 * Σ participants of the year — participant-weighted, so a class of 3 does not outweigh one of 30 — and its
 * dynamics is that of §4 (fell: «положительная», 0 % both years: «0 % за два года» …). A subject without such a
 * procedure is left out: there is nothing to compare.
 */
export function subjectDynamics(
  previousRows: ReadonlyArray<ProcedureResult>,
  currentRows: ReadonlyArray<ProcedureResult>,
  subjects: readonly string[],
): SubjectDynamics[] {
  const before = byProcedure(previousRows);
  const now = byProcedure(currentRows);
  const out: SubjectDynamics[] = [];
  for (const subject of subjects) {
    const procedures: string[] = [];
    const sum = { pb: 0, fb: 0, pn: 0, fn: 0 };
    for (const [name, b] of before) {
      const n = now.get(name);
      if (n === undefined || subjectOfProcedure(name, subjects) !== subject) continue;
      procedures.push(name);
      sum.pb += b.participants;
      sum.fb += b.failed;
      sum.pn += n.participants;
      sum.fn += n.failed;
    }
    if (!procedures.length) continue;
    const previous = sum.fb / sum.pb;
    const current = sum.fn / sum.pn;
    out.push({ subject, procedures, previous, current, dynamics: procedureDynamics(previous, current) });
  }
  return out;
}

/** «Положительная динамика по русскому языку или математике»: some subject's share fell or stayed at 0 % (§4 «положительный результат»). */
export function hasPositiveSubjectDynamics(dynamics: ReadonlyArray<SubjectDynamics>): boolean {
  return dynamics.some((d) => isPositiveResult(d.dynamics));
}
