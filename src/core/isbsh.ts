/**
 * ИСБШ — the school social well-being index (docs/методика.md §2) and its levels.
 */
import { ValueError } from './errors';
import { ISBSH_MESSAGES } from './messages';
import { formatPercent, roundHalfUp } from './percent';
import type { Settings } from './settings';
import type { IsbshLevel, IsbshShareKey, IsbshShares } from './types';

/** The regional ИСБШ formula (docs/методика.md §2): its intercept and one weight per share, as the settings hold them. */
export type IsbshFormula = Pick<Settings, 'isbshIntercept' | 'isbshWeights'>;

/** The five inputs in the order of the form (docs/методика.md §1.1). */
export const ISBSH_SHARE_KEYS: readonly IsbshShareKey[] = Object.freeze([
  'bothParentsHigherEd',
  'comfortableHousing',
  'singleParent',
  'registered',
  'nonNativeRussian',
]);

/** Russian names of the inputs, as the questions of the form (docs/методика.md §1.1). */
export const ISBSH_INPUT_LABELS: Readonly<Record<IsbshShareKey, string>> = Object.freeze({
  bothParentsHigherEd: 'Обучающихся, оба родителя которых имеют высшее образование',
  comfortableHousing: 'Обучающихся из семей, проживающих в благоустроенном жилье',
  singleParent: 'Обучающихся из неполных семей',
  registered: 'Обучающихся, состоящих на различных видах учёта',
  nonNativeRussian: 'Обучающихся, для которых русский язык не является родным',
});

/** Levels from the lowest up; level i lies between cut i−1 (inclusive) and cut i (exclusive). */
export const ISBSH_LEVELS: readonly IsbshLevel[] = Object.freeze([
  'низкий',
  'ниже среднего',
  'средний',
  'выше среднего',
  'высокий',
] as IsbshLevel[]);

/** computeIsbsh is exact to 9 decimals (see there). */
const ISBSH_SNAP = 1e9;

/** The inputs of ИСБШ that are missing, in form order (docs/методика.md §2: any missing → no index). */
export function missingIsbshInputs(shares: IsbshShares): IsbshShareKey[] {
  return ISBSH_SHARE_KEYS.filter((key) => shares[key] === null || shares[key] === undefined);
}

/**
 * ИСБШ = intercept + Σ weight·share over the five shares (docs/методика.md §2), with the region's formula from
 * the settings — by default 65 + 15·p_both_parents_higher_ed + 20·p_comfortable_housing − 15·p_single_parent
 * − 35·p_registered − 15·p_non_native_russian (seed formula of the Kuzbass system) — unrounded but free of the
 * sum's binary noise (exact to 9 decimals, so 79,45 is 79.45 and shows as 79,5). Null when any input is missing
 * (never 0); a share outside [0, 1] throws ValueError. The result lies between the formula's lowest and highest
 * value (intercept plus the negative, resp. the positive weights: [0, 100] for the default).
 */
export function computeIsbsh(shares: IsbshShares, formula: IsbshFormula): number | null {
  if (missingIsbshInputs(shares).length > 0) return null;
  let index = formula.isbshIntercept;
  let lowest = formula.isbshIntercept;
  let highest = formula.isbshIntercept;
  for (const key of ISBSH_SHARE_KEYS) {
    const p = shares[key] as number;
    if (!Number.isFinite(p) || p < 0 || p > 1) {
      const shown = Number.isFinite(p) ? formatPercent(p, 1) : String(p);
      throw new ValueError(ISBSH_MESSAGES.shareOutOfRange(ISBSH_INPUT_LABELS[key], shown));
    }
    const weight = formula.isbshWeights[key];
    index += weight * p;
    if (weight < 0) lowest += weight;
    else highest += weight;
  }
  // The terms reach ±35 while the index may be small, so the sum's binary error is absolute (~1e-14), not relative:
  // 9,25 exactly can come out as 9.249999999999991. Shares of a school are counts over a total, so an index that is
  // not a half differs from one by at least 1/(20·total): snapping to 9 decimals removes the noise and nothing else.
  index = Math.round(index * ISBSH_SNAP) / ISBSH_SNAP;
  // Valid shares keep the exact value within the formula's range; clamp only the last-bit float error.
  return Math.min(highest, Math.max(lowest, index));
}

/** ИСБШ as shown, with one decimal, halves up on the decimal digits (81.55 → 81.6; docs/методика.md §2). */
export function roundIsbsh(x: number): number {
  return roundHalfUp(x, 1);
}

/**
 * The level of an ИСБШ value (docs/методика.md §2): низкий < b0 ≤ ниже среднего < b1 ≤ средний < b2 ≤
 * выше среднего < b3 ≤ высокий — a boundary belongs to the upper level (79.5 → «ниже среднего»).
 * `bounds` are either the four cuts (Settings.isbshLevelBounds) or five lower bounds, one per
 * level, the first of which is ignored. The level is that of the value rounded to one decimal,
 * i.e. of the number the user sees (79.46 shows as 79,5 and is «ниже среднего»).
 */
export function isbshLevel(value: number, bounds: readonly number[]): IsbshLevel {
  const cuts = bounds.length === ISBSH_LEVELS.length ? bounds.slice(1) : bounds;
  if (cuts.length !== ISBSH_LEVELS.length - 1) {
    throw new Error(`isbshLevel: expected ${ISBSH_LEVELS.length - 1} or ${ISBSH_LEVELS.length} bounds, got ${bounds.length}`);
  }
  const shown = roundIsbsh(value);
  const levelIndex = cuts.filter((cut) => shown >= cut).length;
  return ISBSH_LEVELS[levelIndex];
}
