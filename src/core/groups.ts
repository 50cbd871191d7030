/**
 * Dynamics by group (docs/методика.md §9, in the shapes of the Yaroslavl tables): per procedure and by cluster for the
 * groups people define in «Группы», for town and village, and for each municipality; and the risk profiles of town and
 * village schools compared.
 */
import {
  clusterDynamicsSummary,
  procedureDynamics,
  ProcedureDynamicsTally,
  PROCEDURE_DYNAMICS_LABELS,
  type ClusterDynamicsSummaryRow,
  type ProcedureDynamicsSummaryRow,
} from './dynamics';
import { NO_MUNICIPALITY_LABEL } from './municipalities';
import { wholePercentShare } from './percent';
import type { ClusterDynamics, RiskFactor, Significance, Territory } from './types';

/** One row of «Группы»: a school belongs to a group; a school may belong to several. */
export interface GroupMember {
  schoolCode: string;
  group: string;
}

/** What the group tables need to know of a school. */
export interface GroupSchoolFacts {
  schoolCode: string;
  municipality: string;
  territory: Territory | null;
  /** Failing shares of Y−1 and Y by normalised procedure name (null or absent = нет участников). */
  sharesPrev: ReadonlyMap<string, number | null>;
  sharesY: ReadonlyMap<string, number | null>;
  clusterDynamics: ClusterDynamics;
  wasShnorPrevious: boolean;
  /** Significance of each factor in use (by factor id), from a diagnosis or «по данным»; absent = unknown. */
  significance: Readonly<Record<string, Significance | null>>;
}

/** How the schools are grouped. */
export type GroupDimension = 'группа' | 'город / село' | 'муниципалитет';

/** Names of the groups that are not people's (user-visible). */
export const GROUP_WORDS = {
  town: 'Городские школы',
  village: 'Сельские школы',
  noTerritory: 'Тип территории не указан',
  allGroups: 'Все школы групп',
  allProcedures: 'Все процедуры',
} as const;

export interface GroupDynamics {
  dimension: GroupDimension;
  group: string;
  /** Schools of the group: the denominator of every per-procedure share. */
  schools: number;
  /**
   * One row per procedure, over every school of the group: a school without the procedure in Y−1 or Y counts as «нет
   * участников», so each row's total is `schools` («Всего школ 42 (100 %)»).
   */
  procedures: ProcedureDynamicsSummaryRow[];
  /** All procedures together: counts and shares of school × procedure pairs (the town / village table of Yaroslavl). */
  pooled: ProcedureDynamicsSummaryRow;
  /** The cluster dynamics of the group's schools that were ШНОР in Y−1 (docs/методика.md §4). */
  cluster: ClusterDynamicsSummaryRow;
}

const collator = new Intl.Collator('ru', { numeric: true });

function dynamicsOf(
  dimension: GroupDimension,
  group: string,
  schools: ReadonlyArray<GroupSchoolFacts>,
  procedures: ReadonlyArray<string>,
  dynamicsIndex: (s: GroupSchoolFacts) => Uint8Array,
): GroupDynamics {
  // counts[p × labels + d]: the group's schools whose procedure p has dynamics d.
  const labels = PROCEDURE_DYNAMICS_LABELS.length;
  const counts = new Array<number>(procedures.length * labels).fill(0);
  for (const s of schools) {
    const index = dynamicsIndex(s);
    for (let p = 0; p < procedures.length; p++) counts[p * labels + index[p]]++;
  }
  const byProcedure = new ProcedureDynamicsTally();
  const allTogether = new ProcedureDynamicsTally();
  for (let p = 0; p < procedures.length; p++) {
    for (let d = 0; d < labels; d++) {
      const n = counts[p * labels + d];
      if (n === 0) continue;
      byProcedure.addCount(procedures[p], PROCEDURE_DYNAMICS_LABELS[d], n);
      allTogether.addCount(GROUP_WORDS.allProcedures, PROCEDURE_DYNAMICS_LABELS[d], n);
    }
  }
  const perProcedure = byProcedure.summary();
  const pooled = allTogether.summary()[0] ?? emptyPooled();
  const clusterRows = clusterDynamicsSummary(
    schools.map((s) => ({ municipality: group, dynamics: s.clusterDynamics, wasShnorPrevious: s.wasShnorPrevious })),
  );
  const total = clusterRows[clusterRows.length - 1];
  return {
    dimension,
    group,
    schools: schools.length,
    procedures: perProcedure,
    pooled,
    cluster: { ...total, municipality: group },
  };
}

function emptyPooled(): ProcedureDynamicsSummaryRow {
  const zero = { положительная: 0, '0 % за два года': 0, нейтральная: 0, отрицательная: 0, 'нет участников': 0 };
  return {
    procedure: GROUP_WORDS.allProcedures,
    counts: { ...zero },
    total: 0,
    positiveResult: 0,
    shares: { ...zero },
    positiveResultShare: 0,
  };
}

/**
 * The dynamics of docs/методика.md §4 by group (§9): for every group of «Группы» (Russian collation, digits as numbers,
 * so «500+ 2021» comes before «500+ 2022» and «Трек 2»), then «Все школы групп» over the schools in any group (each
 * once; the Yaroslavl «Были охвачены сопровождением»), then town and village, then every municipality. Per procedure
 * (the `procedures` given, those of Y−1 and Y), every school of the group counts: one without the procedure in either
 * year is «нет участников», so the shares are of all the group's schools, rounded to a whole percent from the counts.
 * The cluster dynamics count the group's schools that were ШНОР in Y−1. A member code not among `schools` is ignored
 * (the reader lists it); a school given twice in one group counts once.
 */
export function groupDynamics(
  schools: ReadonlyArray<GroupSchoolFacts>,
  members: ReadonlyArray<GroupMember>,
  procedures: ReadonlyArray<string>,
): GroupDynamics[] {
  // Each school's dynamics of every procedure, worked out once: a school is counted in several groups.
  const indexes = new Map<GroupSchoolFacts, Uint8Array>();
  for (const s of schools) {
    const index = new Uint8Array(procedures.length);
    procedures.forEach((p, i) => {
      index[i] = PROCEDURE_DYNAMICS_LABELS.indexOf(procedureDynamics(s.sharesPrev.get(p) ?? null, s.sharesY.get(p) ?? null));
    });
    indexes.set(s, index);
  }
  const dynamicsIndex = (s: GroupSchoolFacts) => indexes.get(s) as Uint8Array;
  const byCode = new Map(schools.map((s) => [s.schoolCode, s]));
  const groups = new Map<string, Map<string, GroupSchoolFacts>>();
  for (const m of members) {
    const s = byCode.get(m.schoolCode);
    if (!s) continue;
    let g = groups.get(m.group);
    if (!g) groups.set(m.group, (g = new Map()));
    g.set(s.schoolCode, s);
  }
  const out: GroupDynamics[] = [];
  const names = [...groups.keys()].sort(collator.compare);
  for (const name of names) out.push(dynamicsOf('группа', name, [...groups.get(name)!.values()], procedures, dynamicsIndex));
  if (names.length > 1) {
    const union = new Map<string, GroupSchoolFacts>();
    for (const g of groups.values()) for (const [code, s] of g) union.set(code, s);
    out.push(dynamicsOf('группа', GROUP_WORDS.allGroups, [...union.values()], procedures, dynamicsIndex));
  }
  const territories: Array<[string, (s: GroupSchoolFacts) => boolean]> = [
    [GROUP_WORDS.town, (s) => s.territory === 'город'],
    [GROUP_WORDS.village, (s) => s.territory === 'село'],
    [GROUP_WORDS.noTerritory, (s) => s.territory === null],
  ];
  for (const [name, test] of territories) {
    const members = schools.filter(test);
    if (members.length || name !== GROUP_WORDS.noTerritory) out.push(dynamicsOf('город / село', name, members, procedures, dynamicsIndex));
  }
  const municipalities = new Map<string, GroupSchoolFacts[]>();
  for (const s of schools) {
    const name = s.municipality || NO_MUNICIPALITY_LABEL;
    let list = municipalities.get(name);
    if (!list) municipalities.set(name, (list = []));
    list.push(s);
  }
  for (const name of [...municipalities.keys()].sort(collator.compare))
    out.push(dynamicsOf('муниципалитет', name, municipalities.get(name)!, procedures, dynamicsIndex));
  return out;
}

export interface TerritoryRiskRow {
  factorId: string;
  factorName: string;
  /** Town schools with this factor of high significance, and those with any significance for it. */
  townHigh: number;
  townAssessed: number;
  townShare: number;
  villageHigh: number;
  villageAssessed: number;
  villageShare: number;
  /** townShare − villageShare, in whole percentage points as a fraction (0.15 = «на 15 % чаще в городских»). */
  difference: number;
}

/**
 * Risk profiles of town and village schools compared (docs/методика.md §9; Yaroslavl: «в городских школах на 15 % чаще
 * отмечены риски …»): for each factor in use, the share of town schools with that factor of high significance among
 * the town schools with any significance for it, the same for village schools (whole percents from the counts), and
 * the difference in percentage points. Schools without a territory are left out.
 */
export function territoryRiskComparison(schools: ReadonlyArray<GroupSchoolFacts>, factors: ReadonlyArray<RiskFactor>): TerritoryRiskRow[] {
  return factors
    .filter((f) => f.active)
    .map((f) => {
      const count = (territory: Territory) => {
        let high = 0;
        let assessed = 0;
        for (const s of schools) {
          if (s.territory !== territory) continue;
          const sig = s.significance[f.id];
          if (!sig) continue;
          assessed++;
          if (sig === 'высокая') high++;
        }
        return { high, assessed, share: wholePercentShare(high, assessed) };
      };
      const town = count('город');
      const village = count('село');
      return {
        factorId: f.id,
        factorName: f.name,
        townHigh: town.high,
        townAssessed: town.assessed,
        townShare: town.share,
        villageHigh: village.high,
        villageAssessed: village.assessed,
        villageShare: village.share,
        difference: Math.round((town.share - village.share) * 100) / 100,
      };
    });
}
