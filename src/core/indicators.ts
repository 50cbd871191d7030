import { shareAbove, shareAtLeast } from './cluster';
import { wholePercentShare } from './percent';

/**
 * Counts the computed indicators are drawn from (docs/методика.md §7). The caller counts them for the
 * reporting year; each field says what is counted.
 */
export interface IndicatorFacts {
  /** All schools of the spreadsheet (social passports and assessment results together). */
  schoolsTotal: number;
  /** Schools with a ШНОР status determined from the data (ШНОР or не ШНОР, not «нет данных»). */
  schoolsInMonitoring: number;
  /** Schools that are ШНОР in the reporting year. */
  shnorCount: number;
  /** ШНОР with a mentor (куратор or школа-наставник) assigned. */
  shnorWithMentor: number;
  /** Schools whose risk profile has at least one factor of high significance. */
  schoolsWithRisks: number;
  /** ШНОР with «положительный результат» (docs/методика.md §4) in at least one procedure in Russian or mathematics. */
  shnorWithPositiveDynamicsRuOrMath: number;
  /** Schools with at least one resource deficit (кадровый, инфраструктурный or финансовый). */
  schoolsWithDeficits: number;
}

export type IndicatorComparison = 'atLeast' | 'atMost';

export interface IndicatorDefinition {
  id: string;
  name: string;
  /** Target share, [0, 1]. */
  target: number;
  comparison: IndicatorComparison;
  /** For computed indicators: the numerator and denominator fields; absent for those entered by hand. */
  computed?: { count: keyof IndicatorFacts; of: keyof IndicatorFacts };
}

/**
 * The target indicators of docs/методика.md §7 with their targets. Denominators: monitoring, schools
 * with risks and schools with deficits are of all schools (profiles and deficits are drawn for
 * every school); ШНОР is of the schools in the monitoring (a status needs assessment data);
 * mentors and positive dynamics are of the ШНОР of the reporting year.
 */
export const INDICATORS: readonly IndicatorDefinition[] = Object.freeze([
  { id: 'monitoring', name: 'Доля школ, включённых в мониторинг', target: 1, comparison: 'atLeast',
    computed: { count: 'schoolsInMonitoring', of: 'schoolsTotal' } },
  { id: 'shnor', name: 'Доля школ с низкими образовательными результатами (ШНОР)', target: 0, comparison: 'atMost',
    computed: { count: 'shnorCount', of: 'schoolsInMonitoring' } },
  { id: 'shnorWithMentor', name: 'Доля ШНОР, за которыми закреплены куратор или школа-наставник', target: 0.1, comparison: 'atLeast',
    computed: { count: 'shnorWithMentor', of: 'shnorCount' } },
  { id: 'schoolsWithRisks', name: 'Доля школ с выявленными рисками', target: 0.25, comparison: 'atLeast',
    computed: { count: 'schoolsWithRisks', of: 'schoolsTotal' } },
  { id: 'shnorPositiveDynamics', name: 'Доля ШНОР с положительной динамикой результатов по русскому языку или математике', target: 0.1,
    comparison: 'atLeast', computed: { count: 'shnorWithPositiveDynamicsRuOrMath', of: 'shnorCount' } },
  { id: 'schoolsWithDeficits', name: 'Доля школ с выявленными ресурсными дефицитами', target: 0.1, comparison: 'atLeast',
    computed: { count: 'schoolsWithDeficits', of: 'schoolsTotal' } },
  { id: 'shnorTeachersDiagnosed', name: 'Доля педагогов ШНОР, прошедших диагностику профессиональных дефицитов', target: 1,
    comparison: 'atLeast' },
  { id: 'debtStudentsWithIom', name: 'Доля обучающихся с академической задолженностью, имеющих индивидуальный образовательный маршрут',
    target: 0.25, comparison: 'atLeast' },
  { id: 'debtStudentsInExtraClasses', name: 'Доля обучающихся с академической задолженностью, посещающих дополнительные занятия',
    target: 1, comparison: 'atLeast' },
] as IndicatorDefinition[]);

export interface IndicatorValue {
  id: string;
  name: string;
  target: number;
  comparison: IndicatorComparison;
  /** Share, [0, 1]; null when the data do not allow it or nothing was entered. */
  actual: number | null;
  met: 'да' | 'нет' | '';
  source: 'данные' | 'вручную';
}

/** Shares are compared with the share tolerance, so that 0,1 entered by hand meets a 10 % target. */
function meets(actual: number, target: number, comparison: IndicatorComparison): boolean {
  return comparison === 'atLeast' ? shareAtLeast(actual, target) : !shareAbove(actual, target);
}

/**
 * The sheet «Показатели» (docs/методика.md §7): for each indicator of INDICATORS its target, the actual
 * share and whether the target is met («да»/«нет», '' without an actual value). Computed ones
 * are whole-percent shares from the counts (an empty denominator gives no value); the others
 * take the share entered by hand from `manual` (by indicator id; missing means not entered).
 */
export function computeIndicators(facts: IndicatorFacts, manual: Record<string, number | null>): IndicatorValue[] {
  return INDICATORS.map((def) => {
    let actual: number | null;
    if (def.computed) {
      const denominator = facts[def.computed.of];
      actual = denominator > 0 ? wholePercentShare(facts[def.computed.count], denominator) : null;
    } else {
      const entered = manual[def.id];
      actual = typeof entered === 'number' && Number.isFinite(entered) ? entered : null;
    }
    return {
      id: def.id,
      name: def.name,
      target: def.target,
      comparison: def.comparison,
      actual,
      met: actual === null ? '' : meets(actual, def.target, def.comparison) ? 'да' : 'нет',
      source: def.computed ? 'данные' : 'вручную',
    };
  });
}
