/**
 * The comparison with the federal list of schools with low results (docs/методика.md §10): the optional sheet
 * «Список ФИОКО» (Код ОО, Год) against the add-in's own ШНОР status.
 */
import { FEDERAL_LIST_REASONS } from './messages';
import { formatPercent } from './percent';
import type { ShnorStatusLabel } from './types';

/** One row of «Список ФИОКО»: the school was on the federal list for that year. */
export interface FederalListEntry {
  schoolCode: string;
  year: number;
}

export type FederalComparisonKind = 'в обоих списках' | 'только в нашем списке' | 'только в федеральном списке';

/** The kinds in the order the sheet lists them. */
export const FEDERAL_COMPARISON_KINDS: readonly FederalComparisonKind[] = Object.freeze([
  'в обоих списках',
  'только в нашем списке',
  'только в федеральном списке',
] as FederalComparisonKind[]);

/** A school as our data see it in the reporting year. */
export interface OurSchool {
  schoolCode: string;
  name: string;
  municipality: string;
  status: ShnorStatusLabel;
  /** The reason of the status in words ('' unless ШНОР). */
  reason: string;
  /** The highest failing share of Y among the counted procedures; null without one. */
  maxShare: number | null;
}

export interface FederalComparisonRow {
  schoolCode: string;
  name: string;
  municipality: string;
  kind: FederalComparisonKind;
  ourStatus: ShnorStatusLabel | '';
  /** Our reason for «в обоих» and «только в нашем»; what our data say for «только в федеральном». */
  detail: string;
}

/**
 * The comparison of docs/методика.md §10 for the reporting year Y: each school that is ШНОР in our data or on the
 * federal list for Y is «в обоих списках» (with our reason), «только в нашем списке» (with our reason) or «только в
 * федеральном списке» (with what our data say: «нет результатов за Y», «по нашим данным не ШНОР: …», or that the
 * school is not in our data). Entries of other years are not compared. Codes are matched exactly as loaded (the
 * reader normalises them). Rows: both, ours only, federal only; within each by municipality and code.
 */
export function compareWithFederalList(
  ours: ReadonlyArray<OurSchool>,
  federal: ReadonlyArray<FederalListEntry>,
  year: number,
): FederalComparisonRow[] {
  const onFederal = new Set(federal.filter((e) => e.year === year).map((e) => e.schoolCode));
  const byCode = new Map(ours.map((s) => [s.schoolCode, s]));
  const rows: FederalComparisonRow[] = [];
  for (const s of ours) {
    if (s.status !== 'ШНОР') continue;
    rows.push({
      schoolCode: s.schoolCode,
      name: s.name,
      municipality: s.municipality,
      kind: onFederal.has(s.schoolCode) ? 'в обоих списках' : 'только в нашем списке',
      ourStatus: s.status,
      detail: s.reason,
    });
  }
  for (const code of onFederal) {
    const s = byCode.get(code);
    if (s?.status === 'ШНОР') continue;
    const detail =
      s === undefined
        ? FEDERAL_LIST_REASONS.notInOurData
        : s.status === 'нет данных' || s.maxShare === null
          ? FEDERAL_LIST_REASONS.noResults(year)
          : FEDERAL_LIST_REASONS.notShnor(year, formatPercent(s.maxShare));
    rows.push({
      schoolCode: code,
      name: s?.name ?? '',
      municipality: s?.municipality ?? '',
      kind: 'только в федеральном списке',
      ourStatus: s?.status ?? '',
      detail,
    });
  }
  const order = (k: FederalComparisonKind) => FEDERAL_COMPARISON_KINDS.indexOf(k);
  const collator = new Intl.Collator('ru');
  return rows.sort(
    (a, b) =>
      order(a.kind) - order(b.kind) || collator.compare(a.municipality, b.municipality) || collator.compare(a.schoolCode, b.schoolCode),
  );
}

/** How many rows of each kind (docs/методика.md §10, for «Показатели»). */
export function federalComparisonCounts(rows: ReadonlyArray<FederalComparisonRow>): Record<FederalComparisonKind, number> {
  const out = { 'в обоих списках': 0, 'только в нашем списке': 0, 'только в федеральном списке': 0 } as Record<
    FederalComparisonKind,
    number
  >;
  for (const r of rows) out[r.kind]++;
  return out;
}
