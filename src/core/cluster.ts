/**
 * Кластеры неосвоения (docs/методика.md §3) and the comparisons of failing shares every ШНОР rule uses.
 */
import type { ClusterLabel, ClusterOrStatus, ShnorStatusLabel } from './types';
import type { Settings } from './settings';

/**
 * Shares arrive as quotients (3/10 = 0.30000000000000004 in binary) or from cells (0.3 typed as
 * 30 % and divided by 100): two shares this close are the same share.
 */
export const SHARE_TOLERANCE = 1e-9;

/** a ≥ b for shares, so that 3/10 reaches a 30 % threshold (docs/методика.md §3 «≥ t counts»). */
export function shareAtLeast(a: number, b: number): boolean {
  return a >= b - SHARE_TOLERANCE;
}

/** a > b for shares: a 50 % share is not «above 50 %» even when computed as 0.5000000000000001. */
export function shareAbove(a: number, b: number): boolean {
  return a > b + SHARE_TOLERANCE;
}

/** a = b for shares, within the tolerance. */
export function sharesEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= SHARE_TOLERANCE;
}

/**
 * The cluster bands of docs/методика.md §3 as data, from the highest: a share belongs to the first band
 * whose lower bound it passes (strictly for «сильно», inclusively for the others). `rank` orders
 * the clusters for the dynamics of §4: сильно (3) → умеренно (2) → базово (1).
 */
const CLUSTER_BANDS: ReadonlyArray<{
  label: ClusterLabel;
  rank: number;
  from: (s: Settings) => number;
  inclusive: boolean;
}> = [
  { label: 'сильно неуспевающие', rank: 3, from: (s) => s.clusterStrongAbove, inclusive: false },
  { label: 'умеренно неуспевающие', rank: 2, from: (s) => s.clusterModerateFrom, inclusive: true },
  { label: 'базово неуспевающие', rank: 1, from: (s) => s.shnorThreshold, inclusive: true },
];

const RANK_OF = new Map<string, number>(CLUSTER_BANDS.map((b) => [b.label, b.rank]));

/**
 * Кластер неосвоения by the highest failing share of the reporting year (docs/методика.md §3): базово
 * [t, moderateFrom), умеренно [moderateFrom, strongAbove], сильно > strongAbove, all bounds from
 * Settings. Only meaningful for a ШНОР (whose highest share is ≥ t); a lower share falls into the
 * last band, «базово неуспевающие».
 */
export function clusterFor(maxShare: number, settings: Settings): ClusterLabel {
  for (const band of CLUSTER_BANDS) {
    const bound = band.from(settings);
    if (band.inclusive ? shareAtLeast(maxShare, bound) : shareAbove(maxShare, bound)) return band.label;
  }
  return CLUSTER_BANDS[CLUSTER_BANDS.length - 1].label;
}

/** Whether a label of the «ШНОР» sheet is a cluster, i.e. the school is ШНОР (docs/методика.md §3). */
export function isClusterLabel(x: ClusterOrStatus): x is ClusterLabel {
  return RANK_OF.has(x);
}

/** Severity of a cluster for the dynamics of docs/методика.md §4: сильно 3, умеренно 2, базово 1. */
export function clusterRank(label: ClusterLabel): number {
  return RANK_OF.get(label) as number;
}

/**
 * What the «ШНОР» sheet and FIOKO_CLUSTER show (docs/методика.md §3): the cluster of a ШНОР, otherwise
 * its status («не ШНОР» or «нет данных»).
 */
export function clusterOrStatus(a: { status: ShnorStatusLabel; cluster: ClusterLabel | null }): ClusterOrStatus {
  if (a.status !== 'ШНОР') return a.status;
  if (a.cluster === null) throw new Error('clusterOrStatus: a ШНОР without a cluster');
  return a.cluster;
}
