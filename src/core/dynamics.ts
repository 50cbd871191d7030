/**
 * Dynamics between Y−1 and Y (docs/методика.md §4): per procedure (failing shares) and by cluster
 * (ШНОР status), with their summary tables.
 */
import type { ClusterDynamics, ClusterOrStatus, ProcedureDynamics } from './types';
import { wholePercentShare } from './percent';
import type { ShareRow } from './procedureShares';
import { clusterRank, isClusterLabel, shareAbove, sharesEqual } from './cluster';
import { compareProcedures, normalizeProcedureName } from './procedures';

/** Every per-procedure label: the keys of a summary row's counts and shares (the «Динамика» sheet orders its own columns). */
export const PROCEDURE_DYNAMICS_LABELS: readonly ProcedureDynamics[] = Object.freeze([
  'положительная',
  '0 % за два года',
  'нейтральная',
  'отрицательная',
  'нет участников',
] as ProcedureDynamics[]);

/** Labels that make up «Положительный результат» (docs/методика.md §4). */
const POSITIVE_RESULT: ReadonlySet<ProcedureDynamics> = new Set<ProcedureDynamics>(['положительная', '0 % за два года']);

/** The «Всего» row of the cluster summary (user-visible). */
export const TOTAL_ROW_LABEL = 'Всего';

/**
 * Dynamics of one procedure's failing share from Y−1 to Y (docs/методика.md §4): no share on either side →
 * «нет участников»; zero both years → «0 % за два года»; fell → «положительная»; rose →
 * «отрицательная»; equal and not zero → «нейтральная». Shares are compared with a tiny tolerance.
 */
export function procedureDynamics(previous: number | null, current: number | null): ProcedureDynamics {
  if (previous === null || current === null || !Number.isFinite(previous) || !Number.isFinite(current)) return 'нет участников';
  if (sharesEqual(previous, 0) && sharesEqual(current, 0)) return '0 % за два года';
  if (shareAbove(previous, current)) return 'положительная';
  if (shareAbove(current, previous)) return 'отрицательная';
  return 'нейтральная';
}

/** «Положительный результат» (docs/методика.md §4): «положительная» or «0 % за два года». */
export function isPositiveResult(d: ProcedureDynamics): boolean {
  return POSITIVE_RESULT.has(d);
}

type StatusKind = 'ШНОР' | 'не ШНОР' | 'нет данных' | 'неполные данные';

function kindOf(x: ClusterOrStatus): StatusKind {
  return isClusterLabel(x) ? 'ШНОР' : x;
}

/**
 * Cluster dynamics by the kind of status in Y−1 (rows) and Y (columns); null = compare the clusters.
 * ШНОР → «нет данных» is «без изменений»: missing results cannot take a school off the list (that
 * would reward not reporting), so it stays supported with its old cluster, neither better nor worse.
 * ШНОР → «неполные данные» says so, never «вышла из списка»: the missing rows could keep it on the list.
 */
const CLUSTER_DYNAMICS_TABLE: Record<StatusKind, Record<StatusKind, ClusterDynamics | null>> = {
  ШНОР: { ШНОР: null, 'не ШНОР': 'вышла из списка', 'нет данных': 'без изменений', 'неполные данные': 'неполные данные' },
  'не ШНОР': { ШНОР: 'вошла в список', 'не ШНОР': '—', 'нет данных': '—', 'неполные данные': '—' },
  'нет данных': { ШНОР: 'вошла в список', 'не ШНОР': '—', 'нет данных': '—', 'неполные данные': '—' },
  'неполные данные': { ШНОР: 'вошла в список', 'не ШНОР': '—', 'нет данных': '—', 'неполные данные': '—' },
};

/**
 * Dynamics by cluster from Y−1 to Y (docs/методика.md §4): ШНОР in neither year → «—»; not ШНОР (or no data)
 * → ШНОР: «вошла в список»; ШНОР → not ШНОР: «вышла из списка»; ШНОР → no data: «без изменений»
 * (see the table); ШНОР both years: a milder cluster (сильно → умеренно → базово) «повысила кластер»,
 * a more severe one «понизила кластер», the same «без изменений».
 */
export function clusterDynamics(previous: ClusterOrStatus, current: ClusterOrStatus): ClusterDynamics {
  const fixed = CLUSTER_DYNAMICS_TABLE[kindOf(previous)][kindOf(current)];
  if (fixed !== null) return fixed;
  if (!isClusterLabel(previous) || !isClusterLabel(current)) throw new Error('clusterDynamics: expected two clusters');
  const change = clusterRank(current) - clusterRank(previous);
  return change < 0 ? 'повысила кластер' : change > 0 ? 'понизила кластер' : 'без изменений';
}

export interface ProcedureDynamicsSummaryRow {
  procedure: string;
  counts: Record<ProcedureDynamics, number>;
  /** Schools with a row for this procedure (every label, «нет участников» included). */
  total: number;
  positiveResult: number;
  /** Whole-percent shares of total, as fractions (31 of 42 → 0.74). */
  shares: Record<ProcedureDynamics, number>;
  positiveResultShare: number;
}

const ZERO_COUNTS: Readonly<Record<ProcedureDynamics, number>> = Object.freeze(
  Object.fromEntries(PROCEDURE_DYNAMICS_LABELS.map((label) => [label, 0])) as Record<ProcedureDynamics, number>,
);

/** A record of every label at 0, copied from one made once (a region's summaries make tens of thousands of them). */
function zeroCounts(): Record<ProcedureDynamics, number> {
  return { ...ZERO_COUNTS };
}

/** Parallel to PROCEDURE_DYNAMICS_LABELS: whether the label counts as «Положительный результат». */
const POSITIVE_LABELS: readonly boolean[] = PROCEDURE_DYNAMICS_LABELS.map(isPositiveResult);

/** Every school's dynamics of every procedure of Y−1 and Y (docs/методика.md §4), worked out once for all the summaries. */
export interface ProcedureDynamicsTable {
  procedures: ReadonlyArray<string>;
  /** [school × procedures + procedure]: the index in PROCEDURE_DYNAMICS_LABELS («нет участников» when absent). */
  dynamics: Uint8Array;
  /** [school × procedures + procedure]: 1 when the school has the procedure in Y−1 or in Y. */
  present: Uint8Array;
}

/** procedureDynamics of each school (its shares of Y−1 and Y by normalised name) and procedure, in a table. */
export function procedureDynamicsTable(
  schools: ReadonlyArray<{ sharesPrev: ShareRow; sharesY: ShareRow }>,
  procedures: ReadonlyArray<string>,
): ProcedureDynamicsTable {
  const n = procedures.length;
  const dynamics = new Uint8Array(schools.length * n);
  const present = new Uint8Array(schools.length * n);
  for (let i = 0; i < schools.length; i++) {
    const { sharesPrev, sharesY } = schools[i];
    for (let p = 0; p < n; p++) {
      const previous = sharesPrev.get(procedures[p]);
      const current = sharesY.get(procedures[p]);
      present[i * n + p] = previous === undefined && current === undefined ? 0 : 1;
      dynamics[i * n + p] = PROCEDURE_DYNAMICS_LABELS.indexOf(procedureDynamics(previous ?? null, current ?? null));
    }
  }
  return { procedures, dynamics, present };
}

/**
 * procedureDynamicsSummary of the table's school × procedure pairs that are present (a school without the procedure in
 * either year is not counted), procedures first met first, as if the pairs were added school by school.
 */
export function presentDynamicsSummary(table: ProcedureDynamicsTable): ProcedureDynamicsSummaryRow[] {
  const { procedures, dynamics, present } = table;
  const n = procedures.length;
  const labels = PROCEDURE_DYNAMICS_LABELS.length;
  const counts = new Array<number>(n * labels).fill(0);
  const firstSchool = new Array<number>(n).fill(Infinity);
  for (let k = 0; k < present.length; k++) {
    if (present[k] === 0) continue;
    const p = k % n;
    if (firstSchool[p] === Infinity) firstSchool[p] = k;
    counts[p * labels + dynamics[k]]++;
  }
  const tally = new ProcedureDynamicsTally();
  const order = procedures.map((_, p) => p).filter((p) => firstSchool[p] !== Infinity);
  order.sort((a, b) => firstSchool[a] - firstSchool[b]);
  for (const p of order) {
    for (let d = 0; d < labels; d++)
      if (counts[p * labels + d] > 0) tally.addCount(procedures[p], PROCEDURE_DYNAMICS_LABELS[d], counts[p * labels + d]);
  }
  return tally.summary();
}

/**
 * Summary of per-procedure dynamics (docs/методика.md §4): for each procedure (normalised name; the nine
 * canonical first, then others alphabetically) the number of schools with each label, «Положительный
 * результат», and each as a share of all the procedure's schools rounded to a whole percent from the
 * counts (31 of 42 → 74 %).
 */
export function procedureDynamicsSummary(
  rows: ReadonlyArray<{ procedure: string; previous: number | null; current: number | null }>,
): ProcedureDynamicsSummaryRow[] {
  const tally = new ProcedureDynamicsTally();
  for (const row of rows) tally.add(row.procedure, row.previous, row.current);
  return tally.summary();
}

/**
 * procedureDynamicsSummary gathered row by row (docs/методика.md §4), for callers that would otherwise build a row
 * object for each school × procedure of a region only to count it.
 */
export class ProcedureDynamicsTally {
  private readonly counts = new Map<string, Record<ProcedureDynamics, number>>();

  add(procedure: string, previous: number | null, current: number | null): void {
    this.addCount(procedure, procedureDynamics(previous, current), 1);
  }

  /** Counts `n` school × procedure pairs whose dynamics is already known (n > 0). */
  addCount(procedure: string, dynamics: ProcedureDynamics, n: number): void {
    const name = normalizeProcedureName(procedure);
    let c = this.counts.get(name);
    if (c === undefined) this.counts.set(name, (c = zeroCounts()));
    c[dynamics] += n;
  }

  summary(): ProcedureDynamicsSummaryRow[] {
    return [...this.counts.keys()].sort(compareProcedures).map((procedure) => {
      const c = this.counts.get(procedure) as Record<ProcedureDynamics, number>;
      let total = 0;
      let positiveResult = 0;
      for (let k = 0; k < PROCEDURE_DYNAMICS_LABELS.length; k++) {
        const count = c[PROCEDURE_DYNAMICS_LABELS[k]];
        total += count;
        if (POSITIVE_LABELS[k]) positiveResult += count;
      }
      const shares = zeroCounts();
      for (const label of PROCEDURE_DYNAMICS_LABELS) shares[label] = wholePercentShare(c[label], total);
      return { procedure, counts: c, total, positiveResult, shares, positiveResultShare: wholePercentShare(positiveResult, total) };
    });
  }
}

export interface ClusterDynamicsCounts {
  /** «повысила кластер» */
  raised: number;
  /** «вышла из списка» */
  left: number;
  /** raised + left: the positive dynamics. */
  positive: number;
  /** «без изменений» */
  unchanged: number;
  /** «понизила кластер» */
  negative: number;
}

export interface ClusterDynamicsSummaryRow extends ClusterDynamicsCounts {
  /** A municipality, or TOTAL_ROW_LABEL for the last row. */
  municipality: string;
  /** Schools that were ШНОР in Y−1. */
  total: number;
  /** Each count as a whole-percent share of total (fractions); 0 when total is 0. */
  shares: ClusterDynamicsCounts;
}

/** Which count each label of a school ШНОР in Y−1 adds to («вошла в список» and «—» cannot occur). */
export const SUMMARY_COLUMN: Partial<Record<ClusterDynamics, keyof ClusterDynamicsCounts>> = {
  'повысила кластер': 'raised',
  'вышла из списка': 'left',
  'без изменений': 'unchanged',
  'понизила кластер': 'negative',
};

const POSITIVE_COLUMNS: ReadonlyArray<keyof ClusterDynamicsCounts> = ['raised', 'left'];

/** A row of clusterDynamicsSummary from its counts (`positive` is worked out here) and its total. */
export function summaryRow(municipality: string, c: ClusterDynamicsCounts, total: number): ClusterDynamicsSummaryRow {
  const counts: ClusterDynamicsCounts = { ...c, positive: POSITIVE_COLUMNS.reduce((sum, k) => sum + c[k], 0) };
  const shares = {} as ClusterDynamicsCounts;
  for (const key of Object.keys(counts) as Array<keyof ClusterDynamicsCounts>) shares[key] = wholePercentShare(counts[key], total);
  return { municipality, ...counts, total, shares };
}

const collator = new Intl.Collator('ru');

/**
 * Cluster dynamics summary (docs/методика.md §4): over the schools that were ШНОР in Y−1 (the ones being
 * supported), per municipality: raised cluster, left the list, total positive (the two), unchanged,
 * worsened, total, and each as a whole-percent share of total. One row per municipality that had a
 * ШНОР in Y−1 (others have nothing to report), sorted by name in Russian collation, then «Всего».
 */
export function clusterDynamicsSummary(
  rows: ReadonlyArray<{ municipality: string; dynamics: ClusterDynamics; wasShnorPrevious: boolean }>,
): ClusterDynamicsSummaryRow[] {
  const empty = (): ClusterDynamicsCounts => ({ raised: 0, left: 0, positive: 0, unchanged: 0, negative: 0 });
  const byMunicipality = new Map<string, { counts: ClusterDynamicsCounts; total: number }>();
  const all = { counts: empty(), total: 0 };
  for (const row of rows) {
    if (!row.wasShnorPrevious) continue;
    let m = byMunicipality.get(row.municipality);
    if (m === undefined) byMunicipality.set(row.municipality, (m = { counts: empty(), total: 0 }));
    const column = SUMMARY_COLUMN[row.dynamics];
    for (const target of [m, all]) {
      target.total++;
      if (column) target.counts[column]++;
    }
  }
  const municipalities = [...byMunicipality.keys()].sort(collator.compare);
  return [
    ...municipalities.map((name) => {
      const m = byMunicipality.get(name) as { counts: ClusterDynamicsCounts; total: number };
      return summaryRow(name, m.counts, m.total);
    }),
    summaryRow(TOTAL_ROW_LABEL, all.counts, all.total),
  ];
}
