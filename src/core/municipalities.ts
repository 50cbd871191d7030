import { wholePercentShare } from './percent';

export interface MunicipalitySchoolFacts {
  municipality: string;
  isShnor: boolean;
  /** «неполные данные» (docs/методика.md §3): neither ШНОР nor not, counted apart; absent = false. */
  incompleteData?: boolean;
  inRiskZone: boolean;
  staffingDeficit: boolean;
  infrastructureDeficit: boolean;
  /** Приоритетный адресат поддержки: ШНОР and in the zone of risk (docs/методика.md §3). */
  priority: boolean;
  /** Some ВПР procedure of Y shows signs of non-objective results (docs/методика.md §10); absent = false. */
  objectivitySigns?: boolean;
}

export interface MunicipalitySummaryRow {
  municipality: string;
  schools: number;
  shnor: number;
  shnorShare: number;
  /** Schools whose status is «неполные данные». */
  incomplete: number;
  zone: number;
  zoneShare: number;
  staffing: number;
  staffingShare: number;
  infrastructure: number;
  infrastructureShare: number;
  both: number;
  bothShare: number;
  priority: number;
  /** Schools with signs of non-objective ВПР results. */
  objectivity: number;
}

export const REGION_TOTAL_LABEL = 'Всего по региону';
export const NO_MUNICIPALITY_LABEL = 'Муниципалитет не указан';

const collator = new Intl.Collator('ru');

function summarize(municipality: string, schools: readonly MunicipalitySchoolFacts[]): MunicipalitySummaryRow {
  const count = (test: (s: MunicipalitySchoolFacts) => boolean) => schools.filter(test).length;
  const n = schools.length;
  const shnor = count((s) => s.isShnor);
  const zone = count((s) => s.inRiskZone);
  const staffing = count((s) => s.staffingDeficit);
  const infrastructure = count((s) => s.infrastructureDeficit);
  const both = count((s) => s.staffingDeficit && s.infrastructureDeficit);
  return {
    municipality,
    schools: n,
    shnor,
    shnorShare: wholePercentShare(shnor, n),
    incomplete: count((s) => s.incompleteData === true),
    zone,
    zoneShare: wholePercentShare(zone, n),
    staffing,
    staffingShare: wholePercentShare(staffing, n),
    infrastructure,
    infrastructureShare: wholePercentShare(infrastructure, n),
    both,
    bothShare: wholePercentShare(both, n),
    priority: count((s) => s.priority),
    objectivity: count((s) => s.objectivitySigns === true),
  };
}

/**
 * The sheet «Муниципалитеты» (docs/методика.md §8): per municipality the number of schools, ШНОР, the
 * schools with «неполные данные» (counted apart: their status is not known), the zone of risk by ИСБШ, кадровый, инфраструктурный and both deficits (each with its share of the
 * municipality's schools, a whole percent from the counts, docs/методика.md §4) and priority
 * addressees. Rows are sorted by the ШНОР share as shown (whole percent), descending, ties by
 * name in Russian order; the last row «Всего по региону» sums the region. Schools without a
 * municipality are grouped under «Муниципалитет не указан».
 */
export function municipalitySummary(schools: readonly MunicipalitySchoolFacts[]): MunicipalitySummaryRow[] {
  const groups = new Map<string, MunicipalitySchoolFacts[]>();
  for (const school of schools) {
    const name = school.municipality.replace(/\s+/g, ' ').trim() || NO_MUNICIPALITY_LABEL;
    const group = groups.get(name);
    if (group) group.push(school);
    else groups.set(name, [school]);
  }
  const rows = [...groups].map(([name, group]) => summarize(name, group));
  rows.sort((a, b) => b.shnorShare - a.shnorShare || collator.compare(a.municipality, b.municipality));
  return [...rows, summarize(REGION_TOTAL_LABEL, schools)];
}
