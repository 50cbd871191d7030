/**
 * Резильентные школы (docs/методика.md §3): schools doing better than their social conditions predict.
 */
import type { Settings } from './settings';
import { leastSquares, populationSd } from './stats';
import { SHARE_TOLERANCE } from './cluster';

export interface ResilienceFit {
  slope: number;
  intercept: number;
  /** Population SD of the residuals (actual − predicted mean failing share). */
  residualSd: number;
}

/**
 * Resilient schools (docs/методика.md §3): a least-squares line of the mean failing share in Y on ИСБШ is
 * fitted over every school with both values (ШНОР included); a school is resilient when its actual
 * share is below predicted − settings.resilienceSdK × residual SD (population SD of the residuals)
 * by more than a rounding tolerance, and it is not ШНОР. A school missing either value is not
 * resilient; with no line (fewer than two schools, or one ИСБШ for all) fit is null and nobody is.
 * A perfect fit (residual SD 0) makes nobody resilient.
 */
export function resilientSchools(
  entries: ReadonlyArray<{ isbsh: number | null; meanShare: number | null; isShnor: boolean }>,
  settings: Settings,
): { resilient: boolean[]; fit: ResilienceFit | null } {
  const usable = (e: { isbsh: number | null; meanShare: number | null }): boolean =>
    typeof e.isbsh === 'number' && Number.isFinite(e.isbsh) && typeof e.meanShare === 'number' && Number.isFinite(e.meanShare);
  const points = entries.filter(usable);
  const xs = points.map((e) => e.isbsh as number);
  const ys = points.map((e) => e.meanShare as number);
  const line = leastSquares(xs, ys);
  if (line === null) return { resilient: entries.map(() => false), fit: null };

  const predict = (x: number): number => line.slope * x + line.intercept;
  const residualSd = populationSd(xs.map((x, i) => ys[i] - predict(x)));
  const margin = settings.resilienceSdK * residualSd;
  const resilient = entries.map(
    (e) => !e.isShnor && usable(e) && (e.meanShare as number) < predict(e.isbsh as number) - margin - SHARE_TOLERANCE,
  );
  return { resilient, fit: { slope: line.slope, intercept: line.intercept, residualSd } };
}
