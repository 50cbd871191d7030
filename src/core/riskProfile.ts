import { actionFor } from './factors';
import { wholePercentShare } from './percent';
import type { Settings } from './settings';
import type { ClusterLabel, RiskDiagnosis, RiskFactor, Significance } from './types';

/** The plain per-school facts the suggestions «по данным» are drawn from (docs/методика.md §5). */
export interface SchoolRiskFacts {
  schoolCode: string;
  /** The school's cluster when it is ШНОР, else null. */
  cluster: ClusterLabel | null;
  /** Кадровый дефицит (docs/методика.md §2); null = unknown. */
  staffingDeficit: boolean | null;
  /** Инфраструктурный дефицит (docs/методика.md §2); null = unknown. */
  infrastructureDeficit: boolean | null;
  /** Share of students with ОВЗ, [0, 1]. */
  ovzShare: number | null;
  /** p_non_native_russian, [0, 1]. */
  nonNativeShare: number | null;
}

export type AssessmentSource = 'диагностика' | 'по данным';

export interface FactorAssessment {
  factorId: string;
  significance: Significance | null;
  source: AssessmentSource | null;
  /** What the significance asks for (the factor's wording in «Факторы риска», else docs/методика.md §5); '' when there is no significance. */
  action: string;
}

export interface RiskProfile {
  schoolCode: string;
  /** One assessment per factor in use, in the order of the factor list. */
  factors: FactorAssessment[];
  highCount: number;
  /** Ids of the factors of high significance, in the order of the factor list. */
  highFactorIds: string[];
}

/** A rule that suggests a significance from data, or null when the data say nothing. */
type SuggestionRule = (facts: SchoolRiskFacts, settings: Settings) => Significance | null;

/** A deficit found means the factor matters most; no deficit means it matters least. */
function fromDeficit(deficit: boolean | null): Significance | null {
  if (deficit === null) return null;
  return deficit ? 'высокая' : 'низкая';
}

/** «> high» высокая, «> medium» средняя, otherwise низкая; no share, no suggestion. */
function fromShare(share: number | null, high: number, medium: number): Significance | null {
  if (share === null || !Number.isFinite(share)) return null;
  if (share > high) return 'высокая';
  if (share > medium) return 'средняя';
  return 'низкая';
}

const CLUSTER_SIGNIFICANCE: Readonly<Record<ClusterLabel, Significance>> = {
  'сильно неуспевающие': 'высокая',
  'умеренно неуспевающие': 'средняя',
  'базово неуспевающие': 'низкая',
};

/**
 * The suggestions «по данным» of docs/методика.md §5, by factor id. A deficit (F1 инфраструктурный,
 * F2 кадровый) suggests «высокая» and its absence «низкая»; the other factors have no data rule.
 */
export const SUGGESTION_RULES: Readonly<Record<string, SuggestionRule>> = {
  F1: (f) => fromDeficit(f.infrastructureDeficit),
  F2: (f) => fromDeficit(f.staffingDeficit),
  F6: (f) => (f.cluster ? CLUSTER_SIGNIFICANCE[f.cluster] : null),
  F7: (f, s) => fromShare(f.ovzShare, s.ovzHighShare, s.ovzMediumShare),
  F8: (f, s) => fromShare(f.nonNativeShare, s.nonNativeHighShare, s.nonNativeMediumShare),
};

/**
 * A school's risk profile (docs/методика.md §5): for every factor in use, the significance a person
 * entered in the diagnosis (source «диагностика»), which always wins; failing that, the one
 * suggested by SUGGESTION_RULES (source «по данным»); failing that, none. The diagnosis is
 * consulted factor by factor, so a diagnosis that leaves a factor blank still gets the data's
 * suggestion for it. Retired factors are left out.
 */
export function riskProfile(
  facts: SchoolRiskFacts,
  diagnosis: RiskDiagnosis | undefined,
  factors: readonly RiskFactor[],
  settings: Settings,
): RiskProfile {
  return riskProfiler(factors, settings)(facts, diagnosis);
}

/**
 * riskProfile for many schools with the same factors and settings. Profiles are read, never changed, and a region's
 * schools have few different ones: equal assessments and equal lists of them are one object, made once.
 */
export function riskProfiler(
  factors: readonly RiskFactor[],
  settings: Settings,
): (facts: SchoolRiskFacts, diagnosis: RiskDiagnosis | undefined) => RiskProfile {
  const active = factors.filter((f) => f.active);
  // [factor × 3 + source]: significance → its assessment. Sources: 0 none, 1 диагностика, 2 по данным.
  const assessments = active.flatMap(() => [0, 1, 2].map(() => new Map<Significance | null, FactorAssessment>()));
  const sources: Array<AssessmentSource | null> = [null, 'диагностика', 'по данным'];
  // Lists are found by walking the assessments one by one: no key is built per school.
  const root: ListNode = { next: new Map() };
  const scratch = new Array<FactorAssessment>(active.length);
  return (facts, diagnosis) => {
    let node = root;
    for (let i = 0; i < active.length; i++) {
      const factor = active[i];
      const entered = diagnosis?.significance[factor.id] ?? null;
      const suggested = entered ? null : (SUGGESTION_RULES[factor.id]?.(facts, settings) ?? null);
      const significance = entered ?? suggested;
      const source = entered ? 1 : suggested ? 2 : 0;
      const seen = assessments[i * 3 + source];
      let a = seen.get(significance);
      if (a === undefined) {
        const action = significance ? actionFor(factor, significance) : '';
        seen.set(significance, (a = { factorId: factor.id, significance, source: sources[source], action }));
      }
      scratch[i] = a;
      let next = node.next.get(a);
      if (next === undefined) node.next.set(a, (next = { next: new Map() }));
      node = next;
    }
    if (node.list === undefined) {
      const list = scratch.slice();
      node.list = { factors: list, highFactorIds: list.filter((a) => a.significance === 'высокая').map((a) => a.factorId) };
    }
    const { factors: shared, highFactorIds } = node.list;
    return { schoolCode: facts.schoolCode, factors: shared, highCount: highFactorIds.length, highFactorIds };
  };
}

/** A step of riskProfiler's walk: the assessments seen after this one, and the list that ends here. */
interface ListNode {
  next: Map<FactorAssessment, ListNode>;
  list?: { factors: FactorAssessment[]; highFactorIds: string[] };
}

/**
 * The region's most frequent factors of high significance (docs/методика.md §5): factors in use
 * ranked by the number of schools that have them «высокая», ties in the order of the factor
 * list, factors no school has as «высокая» left out; share = whole-percent share of all
 * profiles (docs/методика.md §4).
 */
export function topHighFactors(
  profiles: readonly RiskProfile[],
  factors: readonly RiskFactor[],
  n = 5,
): Array<{ factorId: string; name: string; count: number; share: number }> {
  const counts = new Map<string, number>();
  for (const p of profiles) {
    for (const id of new Set(p.highFactorIds)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return factors
    .filter((f) => f.active && (counts.get(f.id) ?? 0) > 0)
    .map((f, order) => ({ factorId: f.id, name: f.name, count: counts.get(f.id) ?? 0, order }))
    .sort((a, b) => b.count - a.count || a.order - b.order)
    .slice(0, Math.max(0, n))
    .map(({ factorId, name, count }) => ({ factorId, name, count, share: wholePercentShare(count, profiles.length) }));
}
