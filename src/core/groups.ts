/**
 * Dynamics by group (docs/методика.md §9, in the shapes of the Yaroslavl tables): per procedure and by cluster for the
 * groups people define in «Группы», for town and village, and for each municipality; and the risk profiles of town and
 * village schools compared.
 */
import {
  procedureDynamicsTable,
  summaryRow,
  SUMMARY_COLUMN,
  ProcedureDynamicsTally,
  PROCEDURE_DYNAMICS_LABELS,
  type ClusterDynamicsCounts,
  type ClusterDynamicsSummaryRow,
  type ProcedureDynamicsTable,
  type ProcedureDynamicsSummaryRow,
} from './dynamics';
import { NO_MUNICIPALITY_LABEL } from './municipalities';
import { wholePercentShare } from './percent';
import type { ShareRow } from './procedureShares';
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
  sharesPrev: ShareRow;
  sharesY: ShareRow;
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

/** Each school's dynamics of every procedure, and what it adds to the cluster dynamics (by position in the list of schools). */
interface DynamicsTable extends ProcedureDynamicsTable {
  /** Whether the school was ШНОР in Y−1: only those count in the cluster dynamics (docs/методика.md §4). */
  wasShnorPrevious: Uint8Array;
  /** The count its cluster dynamics adds to (clusterDynamicsSummary's), undefined for none. */
  clusterColumn: ReadonlyArray<keyof ClusterDynamicsCounts | undefined>;
}

function dynamicsOf(dimension: GroupDimension, group: string, members: ReadonlyArray<number>, table: DynamicsTable): GroupDynamics {
  const { procedures, dynamics } = table;
  const n = procedures.length;
  // counts[p × labels + d]: the group's schools whose procedure p has dynamics d.
  const labels = PROCEDURE_DYNAMICS_LABELS.length;
  const counts = new Array<number>(n * labels).fill(0);
  for (let m = 0; m < members.length; m++) {
    const at = members[m] * n;
    for (let p = 0; p < n; p++) counts[p * labels + dynamics[at + p]]++;
  }
  const byProcedure = new ProcedureDynamicsTally();
  const allTogether = new ProcedureDynamicsTally();
  for (let p = 0; p < n; p++) {
    for (let d = 0; d < labels; d++) {
      const count = counts[p * labels + d];
      if (count === 0) continue;
      byProcedure.addCount(procedures[p], PROCEDURE_DYNAMICS_LABELS[d], count);
      allTogether.addCount(GROUP_WORDS.allProcedures, PROCEDURE_DYNAMICS_LABELS[d], count);
    }
  }
  const perProcedure = byProcedure.summary();
  const pooled = allTogether.summary()[0] ?? emptyPooled();
  // The group's line of clusterDynamicsSummary, counted from the table.
  const cluster: ClusterDynamicsCounts = { raised: 0, left: 0, positive: 0, unchanged: 0, negative: 0 };
  let formerShnor = 0;
  for (let m = 0; m < members.length; m++) {
    const i = members[m];
    if (table.wasShnorPrevious[i] === 0) continue;
    formerShnor++;
    const column = table.clusterColumn[i];
    if (column !== undefined) cluster[column]++;
  }
  return {
    dimension,
    group,
    schools: members.length,
    procedures: perProcedure,
    pooled,
    cluster: summaryRow(group, cluster, formerShnor),
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
 * (the reader lists it); a school given twice in one group counts once. `dynamics` is procedureDynamicsTable of these
 * schools and procedures, when the caller has it.
 */
export function groupDynamics(
  schools: ReadonlyArray<GroupSchoolFacts>,
  members: ReadonlyArray<GroupMember>,
  procedures: ReadonlyArray<string>,
  dynamics: ProcedureDynamicsTable = procedureDynamicsTable(schools, procedures),
): GroupDynamics[] {
  // Each school's dynamics of every procedure, worked out once: a school is counted in several groups.
  const wasShnorPrevious = new Uint8Array(schools.length);
  const clusterColumn = new Array<keyof ClusterDynamicsCounts | undefined>(schools.length);
  for (let i = 0; i < schools.length; i++) {
    wasShnorPrevious[i] = schools[i].wasShnorPrevious ? 1 : 0;
    clusterColumn[i] = SUMMARY_COLUMN[schools[i].clusterDynamics];
  }
  const table: DynamicsTable = { ...dynamics, wasShnorPrevious, clusterColumn };
  // Made only when «Группы» has rows: a region without the sheet needs no look-up of 40 000 codes.
  const positionOf = members.length === 0 ? new Map<string, number>() : new Map(schools.map((s, i) => [s.schoolCode, i]));
  // Group name → school code → position (a school given twice in a group counts once).
  const groups = new Map<string, Map<string, number>>();
  for (const m of members) {
    const i = positionOf.get(m.schoolCode);
    if (i === undefined) continue;
    let g = groups.get(m.group);
    if (!g) groups.set(m.group, (g = new Map()));
    g.set(m.schoolCode, i);
  }
  const out: GroupDynamics[] = [];
  const names = [...groups.keys()].sort(collator.compare);
  for (const name of names) out.push(dynamicsOf('группа', name, [...groups.get(name)!.values()], table));
  if (names.length > 1) {
    const union = new Map<string, number>();
    for (const g of groups.values()) for (const [code, i] of g) union.set(code, i);
    out.push(dynamicsOf('группа', GROUP_WORDS.allGroups, [...union.values()], table));
  }
  const territories: Array<[string, Territory | null]> = [
    [GROUP_WORDS.town, 'город'],
    [GROUP_WORDS.village, 'село'],
    [GROUP_WORDS.noTerritory, null],
  ];
  for (const [name, territory] of territories) {
    const inTerritory: number[] = [];
    for (let i = 0; i < schools.length; i++) if (schools[i].territory === territory) inTerritory.push(i);
    if (inTerritory.length || name !== GROUP_WORDS.noTerritory) out.push(dynamicsOf('город / село', name, inTerritory, table));
  }
  const municipalities = new Map<string, number[]>();
  for (let i = 0; i < schools.length; i++) {
    const name = schools[i].municipality || NO_MUNICIPALITY_LABEL;
    let list = municipalities.get(name);
    if (!list) municipalities.set(name, (list = []));
    list.push(i);
  }
  for (const name of [...municipalities.keys()].sort(collator.compare))
    out.push(dynamicsOf('муниципалитет', name, municipalities.get(name)!, table));
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
