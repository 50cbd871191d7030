import { computeIsbsh, isbshLevel, missingIsbshInputs, roundIsbsh, ISBSH_INPUT_LABELS } from './isbsh';
import { computeRiskZone } from './riskZone';
import { schoolTypeLabel } from './schoolType';
import { resourceDeficits } from './deficits';
import { assessSchoolsByYear, isDecidedStatus, reportingYearOf, type SchoolShnor } from './shnor';
import {
  clusterDynamics,
  procedureDynamicsSummary,
  clusterDynamicsSummary,
  presentDynamicsSummary,
  procedureDynamicsTable,
} from './dynamics';
import { compareProcedures } from './procedures';
import { resilientSchools } from './resilience';
import { suggestMentors } from './mentors';
import { riskProfiler, topHighFactors, type RiskProfile } from './riskProfile';
import { computeIndicators, type IndicatorFacts } from './indicators';
import { hasPositiveSubjectDynamics, subjectDynamics, type SubjectDynamics } from './subjectDynamics';
import { compareWithFederalList, federalComparisonCounts, type FederalComparisonRow, type FederalListEntry } from './federalList';
import { objectivityFlags, type ObjectivityFlag, type ObjectivityRow } from './objectivity';
import { municipalitySummary } from './municipalities';
import {
  groupDynamics,
  territoryRiskComparison,
  type GroupDynamics,
  type GroupMember,
  type GroupSchoolFacts,
  type TerritoryRiskRow,
} from './groups';
import {
  computeHistory,
  sharesUpTo,
  shnorShareByYear,
  type HistoryReport,
  type SharesUpTo,
  type ShnorByYearRow,
  type YearlyAnswer,
} from './history';
import { NO_SHARES, type ShareRow } from './procedureShares';
import type { Settings } from './settings';
import type { ClusterDynamics, IsbshLevel, LostResult, ProcedureResult, RiskDiagnosis, RiskFactor, SchoolRecord } from './types';

/** The zone-of-risk group when ranking over the whole sheet. */
export const WHOLE_SHEET_GROUP = 'Все школы';

export interface PipelineInput {
  schools: ReadonlyArray<SchoolRecord>;
  results: ReadonlyArray<ProcedureResult>;
  /** Rows of «Результаты ОП» of the form's schools that the reader could not use (docs/методика.md §3 «Неполные данные»). */
  lost?: ReadonlyArray<LostResult>;
  diagnoses: ReadonlyArray<RiskDiagnosis>;
  factors: ReadonlyArray<RiskFactor>;
  settings: Settings;
  /** Hand-entered indicator values kept from the previous «Показатели» sheet. */
  manualIndicators?: Record<string, number | null>;
  /** «Назначенный наставник / куратор» as people filled it in the previous «ШНОР» sheet, by Код ОО (docs/методика.md §7). */
  assignedMentors?: ReadonlyMap<string, string>;
  /** «Список ФИОКО» (docs/методика.md §10); absent or null when the sheet is not given. */
  federalList?: ReadonlyArray<FederalListEntry> | null;
  /** «Объективность ВПР» (docs/методика.md §10); absent or null when the sheet is not given. */
  objectivity?: ReadonlyArray<ObjectivityRow> | null;
  /** Each school's answer of every school year of the form, for ИСБШ by school year (docs/методика.md §9). */
  yearly?: ReadonlyArray<YearlyAnswer>;
  /** Rows of the optional sheet «Группы» (docs/методика.md §9). */
  groups?: ReadonlyArray<GroupMember>;
}

export interface SchoolReport {
  school: SchoolRecord;
  /** ИСБШ rounded to one decimal, or null with `isbshMissing` naming the missing inputs. */
  isbsh: number | null;
  isbshMissing: string[];
  isbshLevel: IsbshLevel | null;
  /** The group the zone of risk was ranked in: the municipality, or the whole sheet (settings). */
  zoneGroup: string;
  rank: number | null;
  inZone: boolean | null;
  /** Left out of the zone because its tie straddles the cut («на границе зоны риска», docs/методика.md §2). */
  zoneBoundary: boolean;
  schoolType: string | null;
  staffingDeficit: boolean | null;
  infrastructureDeficit: boolean | null;
  financialDeficit: boolean | null;
  /** The necessary specialists (settings) the school lacks; null without an answer (docs/методика.md §2). */
  missingSpecialists: string[] | null;
  deficitReasons: string[];
  shnor: SchoolShnor;
  /** Failing shares of every procedure of Y and Y−1 (the status counts only the subjects of the settings). */
  sharesY: ShareRow;
  sharesPrev: ShareRow;
  clusterDynamics: ClusterDynamics;
  priority: boolean;
  resilient: boolean;
  mentor: { mentorCode: string; mentorName: string; basis: string } | null;
  /** The mentor or curator people assigned (kept across rebuilds); '' when none. */
  assignedMentor: string;
  /** Procedures of Y with signs of non-objective ВПР results (docs/методика.md §10); empty without the input. */
  objectivityFlags: ObjectivityFlag[];
  profile: RiskProfile;
}

export interface Report {
  /** The reporting year Y (null when «Результаты ОП» has no data). */
  year: number | null;
  schools: SchoolReport[];
  /** Procedures present in Y or Y−1, canonical ones first. */
  procedures: string[];
  procedureSummary: ReturnType<typeof procedureDynamicsSummary>;
  clusterSummary: ReturnType<typeof clusterDynamicsSummary>;
  municipalities: ReturnType<typeof municipalitySummary>;
  indicators: ReturnType<typeof computeIndicators>;
  topFactors: ReturnType<typeof topHighFactors>;
  /** Groups too small for a zone of risk (docs/методика.md §2). */
  smallGroups: string[];
  /** The comparison with «Список ФИОКО» for Y; null without the sheet or without a reporting year. */
  federalComparison: FederalComparisonRow[] | null;
  /** Whether «Объективность ВПР» was given (the column and counts are shown only then). */
  objectivityGiven: boolean;
  /** Every year of every school, parallel to `schools` (docs/методика.md §9). */
  history: HistoryReport;
  /** ШНОР by year per municipality and for the region (docs/методика.md §9). */
  shnorByYear: ShnorByYearRow[];
  /** Dynamics by group of «Группы», town / village and municipality (docs/методика.md §9). */
  groupDynamics: GroupDynamics[];
  /** Risk profiles of town and village schools compared (docs/методика.md §9). */
  territoryRisks: TerritoryRiskRow[];
}

/**
 * The whole methodology in one pass over plain data (docs/методика.md §2–§8): ИСБШ and its zone, types and deficits,
 * ШНОР status and clusters for Y and Y−1, dynamics, resilience and mentors, risk profiles, indicators and summaries.
 */
export function computeReport(input: PipelineInput): Report {
  const { schools, results, settings } = input;
  const lost = input.lost ?? [];
  // When every row was rejected the year is still the one the rejected rows name: their schools are «неполные данные».
  const year = reportingYearOf(results, settings) ?? latestYear(lost);

  const isbshRaw = schools.map((s) => computeIsbshSafe(s, settings));
  const isbsh = isbshRaw.map((x) => (x === null ? null : roundIsbsh(x)));
  const groupOf = (s: SchoolRecord) => (settings.riskZoneGrouping === 'sheet' ? WHOLE_SHEET_GROUP : s.municipality);
  const zone = computeRiskZone(
    schools.map((s, i) => ({ group: groupOf(s), isbsh: isbsh[i] })),
    settings.riskZoneShare,
    settings.riskZoneMinGroup,
  );
  const deficits = resourceDeficits(schools, settings);
  const codes = schools.map((s) => s.schoolCode);
  // Y, Y−1 and the history's years are each assessed once, on one grouping of the rows.
  const assessYear = assessSchoolsByYear(codes, results, settings, lost);
  const shnor = year === null ? codes.map((c) => emptyShnor(c)) : assessYear(year);

  const resilience = resilientSchools(
    schools.map((_, i) => ({ isbsh: isbsh[i], meanShare: shnor[i].meanShareY, isShnor: shnor[i].status === 'ШНОР' })),
    settings,
  );
  // Every procedure's share per school and year, grouped once for «ШНОР», the dynamics, the indicators and «История».
  const shares = sharesUpTo(results, year);
  const earlier = year === null ? [] : earlierYearResults(shares, year, assessYear);
  const mentors = suggestMentors(
    schools.map((s, i) => ({
      schoolCode: s.schoolCode,
      name: s.name,
      municipality: s.municipality,
      isbsh: isbsh[i],
      isShnor: shnor[i].status === 'ШНОР',
      resilient: resilience.resilient[i],
      meanShare: shnor[i].meanShareY,
      previousYears: earlier.map((yearly) => yearly[i]),
    })),
    settings.mentorHighResultShare,
  );
  const diagnosisByCode = new Map(input.diagnoses.map((d) => [d.schoolCode, d]));
  const assigned = input.assignedMentors ?? new Map<string, string>();
  const flags =
    year === null || !input.objectivity ? new Map<string, ObjectivityFlag[]>() : objectivityFlags(input.objectivity, year, settings);

  const profileOf = riskProfiler(input.factors, settings);
  const yearAt = year === null ? -1 : shares.years.indexOf(year);
  const previousYearAt = year === null ? -1 : shares.years.indexOf(year - 1);
  const reports: SchoolReport[] = schools.map((school, i) => {
    const sh = shnor[i];
    const schoolShares = shares.bySchool.get(school.schoolCode);
    const inZone = zone.rows[i].inZone;
    const profile = profileOf(
      {
        schoolCode: school.schoolCode,
        cluster: sh.cluster,
        staffingDeficit: deficits[i].staffing,
        infrastructureDeficit: deficits[i].infrastructure,
        ovzShare: school.ovzShare,
        nonNativeShare: school.shares.nonNativeRussian,
      },
      diagnosisByCode.get(school.schoolCode),
    );
    return {
      school,
      isbsh: isbsh[i],
      isbshMissing: isbsh[i] === null ? missingIsbshInputs(school.shares).map((k) => ISBSH_INPUT_LABELS[k]) : [],
      isbshLevel: isbsh[i] === null ? null : isbshLevel(isbsh[i] as number, settings.isbshLevelBounds),
      zoneGroup: groupOf(school),
      rank: zone.rows[i].rank,
      inZone,
      zoneBoundary: zone.rows[i].atBoundary,
      schoolType: inZone ? schoolTypeLabel(school, settings) : null,
      staffingDeficit: deficits[i].staffing,
      infrastructureDeficit: deficits[i].infrastructure,
      financialDeficit: deficits[i].financial,
      missingSpecialists: deficits[i].missingSpecialists,
      deficitReasons: deficits[i].reasons,
      shnor: sh,
      sharesY: ofYear(schoolShares, yearAt),
      sharesPrev: ofYear(schoolShares, previousYearAt),
      clusterDynamics: clusterDynamics(sh.previousClusterOrStatus, sh.clusterOrStatus),
      priority: sh.status === 'ШНОР' && inZone === true,
      resilient: resilience.resilient[i],
      mentor: sh.status === 'ШНОР' ? (mentors.get(school.schoolCode) ?? null) : null,
      assignedMentor: (assigned.get(school.schoolCode) ?? '').trim(),
      objectivityFlags: flags.get(school.schoolCode) ?? [],
      profile,
    };
  });

  const procedures = proceduresIn(reports);
  // Every school's dynamics of every procedure, for the region's summary and the groups'.
  const dynamicsTable = procedureDynamicsTable(reports, procedures);
  const clusterRows = reports.map((r) => ({
    municipality: r.school.municipality,
    dynamics: r.clusterDynamics,
    wasShnorPrevious: r.shnor.previousStatus === 'ШНОР',
  }));

  const federalComparison =
    year === null || !input.federalList
      ? null
      : compareWithFederalList(
          reports.map((r) => ({
            schoolCode: r.school.schoolCode,
            name: r.school.name,
            municipality: r.school.municipality,
            status: r.shnor.status,
            reason: r.shnor.reason,
            maxShare: r.shnor.maxShare,
          })),
          input.federalList,
          year,
        );
  const indicators = computeIndicators(
    indicatorFacts(reports, shares, year, input.diagnoses, federalComparison, formerShnorSubjectDynamics(reports, results, year, settings)),
    input.manualIndicators ?? {},
  );

  // Profiles share their lists of assessments (riskProfiler): one record per list.
  const significances = new Map<RiskProfile['factors'], GroupSchoolFacts['significance']>();
  const significanceOf = (factors: RiskProfile['factors']) => {
    let record = significances.get(factors);
    if (record === undefined) significances.set(factors, (record = Object.fromEntries(factors.map((f) => [f.factorId, f.significance]))));
    return record;
  };
  const groupFacts: GroupSchoolFacts[] = reports.map((r) => ({
    schoolCode: r.school.schoolCode,
    municipality: r.school.municipality,
    territory: r.school.territory,
    sharesPrev: r.sharesPrev,
    sharesY: r.sharesY,
    clusterDynamics: r.clusterDynamics,
    wasShnorPrevious: r.shnor.previousStatus === 'ШНОР',
    significance: significanceOf(r.profile.factors),
  }));
  const history = computeHistory({
    schoolCodes: codes,
    results,
    lost,
    year,
    settings,
    yearly: input.yearly,
    zoneGroup: groupOf,
    assessYear,
    shares,
  });

  return {
    year,
    schools: reports,
    procedures,
    procedureSummary: presentDynamicsSummary(dynamicsTable),
    clusterSummary: clusterDynamicsSummary(clusterRows),
    municipalities: municipalitySummary(
      reports.map((r) => ({
        municipality: r.school.municipality,
        isShnor: r.shnor.status === 'ШНОР',
        incompleteData: r.shnor.status === 'неполные данные',
        inRiskZone: r.inZone === true,
        staffingDeficit: r.staffingDeficit === true,
        infrastructureDeficit: r.infrastructureDeficit === true,
        priority: r.priority,
        objectivitySigns: r.objectivityFlags.length > 0,
      })),
    ),
    indicators,
    topFactors: topHighFactors(
      reports.map((r) => r.profile),
      input.factors,
    ),
    smallGroups: zone.smallGroups,
    federalComparison,
    objectivityGiven: !!input.objectivity,
    history,
    shnorByYear: shnorShareByYear(
      history,
      schools.map((s) => s.municipality),
    ),
    groupDynamics: groupDynamics(groupFacts, input.groups ?? [], procedures, dynamicsTable),
    territoryRisks: territoryRiskComparison(groupFacts, input.factors),
  };
}

/**
 * Each school's mean failing share and status in every year of the data before Y (oldest first), for the mentors'
 * «устойчиво» high results (docs/методика.md §3). A year of the data is one in which some row has a failing share.
 * `assessYear` may count lost rows: they change neither the mean share nor whether a school is ШНОР (withMissing only
 * turns a school that is not ШНОР into «неполные данные»).
 */
function earlierYearResults(
  shares: SharesUpTo,
  year: number,
  assessYear: (year: number) => SchoolShnor[],
): Array<Array<{ meanShare: number | null; isShnor: boolean }>> {
  return shares.years
    .filter((y, i) => y < year && shares.yearHasShare[i])
    .map((y) => assessYear(y).map((s) => ({ meanShare: s.meanShareY, isShnor: s.status === 'ШНОР' })));
}

/**
 * The counts of the computed indicators (docs/методика.md §7). «With results for Y»: some row of Y with a failing
 * share; «listed»: in the form or in «Результаты ОП» for Y; diagnoses count only as people entered them.
 */
function indicatorFacts(
  reports: ReadonlyArray<SchoolReport>,
  shares: SharesUpTo,
  year: number | null,
  diagnoses: ReadonlyArray<RiskDiagnosis>,
  federal: ReadonlyArray<FederalComparisonRow> | null,
  formerShnorSubjects: ReadonlyArray<SubjectDynamics[]>,
): IndicatorFacts {
  const federalCounts = federal === null ? null : federalComparisonCounts(federal);
  const y = year === null ? -1 : shares.years.indexOf(year);
  const hasShare = (row: ShareRow | undefined): boolean => {
    if (row === undefined) return false;
    for (const share of row.values()) if (share !== null) return true;
    return false;
  };
  const hasShareOfY = (code: string): boolean => y >= 0 && hasShare(shares.bySchool.get(code)?.[y]);
  // One pass over the schools of the form, one over the schools of the results (a school may be in either or both).
  const formCodes = new Set<string>();
  const counts = {
    inMonitoring: 0,
    shnor: 0,
    assessed: 0,
    incomplete: 0,
    shnorWithMentor: 0,
    inZone: 0,
    withIsbsh: 0,
    zoneWithResults: 0,
    withDeficits: 0,
  };
  for (let i = 0; i < reports.length; i++) formCodes.add(reports[i].school.schoolCode);
  for (let i = 0; i < reports.length; i++) {
    const r = reports[i];
    const status = r.shnor.status;
    if (status === 'ШНОР') {
      counts.shnor++;
      if (r.assignedMentor !== '') counts.shnorWithMentor++;
    }
    if (isDecidedStatus(status)) counts.assessed++;
    if (status === 'неполные данные') counts.incomplete++;
    if (r.inZone === true) {
      counts.inZone++;
      if (hasShareOfY(r.school.schoolCode)) counts.zoneWithResults++;
    }
    if (r.isbsh !== null) counts.withIsbsh++;
    if (r.staffingDeficit || r.infrastructureDeficit || r.financialDeficit) counts.withDeficits++;
  }
  let listed = formCodes.size;
  for (const [code, perYear] of shares.bySchool) {
    if (y < 0 || !hasShare(perYear[y])) continue;
    if (formCodes.has(code)) counts.inMonitoring++;
    else listed++;
  }
  let diagnosed = 0;
  let highRiskDiagnosed = 0;
  for (const d of diagnoses) {
    if (!formCodes.has(d.schoolCode)) continue;
    diagnosed++;
    if (Object.values(d.significance).includes('высокая')) highRiskDiagnosed++;
  }
  return {
    schoolsInMonitoring: counts.inMonitoring,
    schoolsListed: listed,
    shnorCount: counts.shnor,
    schoolsAssessed: counts.assessed,
    schoolsWithIncompleteData: counts.incomplete,
    shnorWithAssignedMentor: counts.shnorWithMentor,
    schoolsInRiskZone: counts.inZone,
    schoolsWithIsbsh: counts.withIsbsh,
    schoolsWithHighRiskDiagnosed: highRiskDiagnosed,
    schoolsDiagnosed: diagnosed,
    riskZoneWithResults: counts.zoneWithResults,
    formerShnorWithPositiveSubject: formerShnorSubjects.filter(hasPositiveSubjectDynamics).length,
    formerShnorComparable: formerShnorSubjects.filter((d) => d.length > 0).length,
    schoolsWithDeficits: counts.withDeficits,
    schoolsWithForm: reports.length,
    federalBoth: federalCounts?.['в обоих списках'] ?? null,
    federalOnlyOurs: federalCounts?.['только в нашем списке'] ?? null,
    federalOnlyFederal: federalCounts?.['только в федеральном списке'] ?? null,
  };
}

interface RowsOfTwoYears {
  previous: ProcedureResult[];
  current: ProcedureResult[];
}

/**
 * The failing share by subject in Y−1 and Y of every school that was ШНОР in Y−1 (docs/методика.md §7), for the
 * indicators: only their rows of the two years are gathered, in the order of the sheet.
 */
function formerShnorSubjectDynamics(
  reports: ReadonlyArray<SchoolReport>,
  results: ReadonlyArray<ProcedureResult>,
  year: number | null,
  settings: Settings,
): SubjectDynamics[][] {
  const formerCodes = reports.filter((r) => r.shnor.previousStatus === 'ШНОР').map((r) => r.school.schoolCode);
  const former = new Map<string, RowsOfTwoYears>(formerCodes.map((code) => [code, { previous: [], current: [] }]));
  // A school's rows usually come together: its entry is looked up again only when the code changes.
  let lastCode: string | undefined;
  let entry: RowsOfTwoYears | undefined;
  // Indexed, as every pass over all result rows (docs/architecture.md, «Conventions»).
  for (let i = 0; year !== null && former.size > 0 && i < results.length; i++) {
    const r = results[i];
    if (r.year !== year && r.year !== year - 1) continue;
    if (r.schoolCode !== lastCode) entry = former.get((lastCode = r.schoolCode));
    if (entry !== undefined) (r.year === year ? entry.current : entry.previous).push(r);
  }
  return formerCodes.map((code) => {
    const rows = former.get(code) as RowsOfTwoYears;
    return subjectDynamics(rows.previous, rows.current, settings.shnorSubjects);
  });
}

function computeIsbshSafe(s: SchoolRecord, settings: Settings): number | null {
  try {
    return computeIsbsh(s.shares, settings);
  } catch {
    // Out-of-range shares are rejected by the readers with a message; here they simply give no index.
    return null;
  }
}

function latestYear(lost: ReadonlyArray<LostResult>): number | null {
  let latest: number | null = null;
  for (const l of lost) if (l.year !== null && (latest === null || l.year > latest)) latest = l.year;
  return latest;
}

function emptyShnor(code: string): SchoolShnor {
  return {
    schoolCode: code,
    year: 0,
    status: 'нет данных',
    reason: '',
    cluster: null,
    maxShare: null,
    smallSample: [],
    note: '',
    sharesY: new Map(),
    sharesPrev: new Map(),
    previousStatus: 'нет данных',
    previousCluster: null,
    clusterOrStatus: 'нет данных',
    previousClusterOrStatus: 'нет данных',
    meanShareY: null,
    missing: [],
  };
}

/** A school's shares of one year of SharesUpTo, by the year's position (empty without rows of that year). */
function ofYear(perYear: readonly ShareRow[] | undefined, at: number): ShareRow {
  return (at >= 0 ? perYear?.[at] : undefined) ?? NO_SHARES;
}

/** Every procedure of Y or Y−1 in display order (the nine canonical first, then the others alphabetically). */
function proceduresIn(reports: ReadonlyArray<{ sharesY: ShareRow; sharesPrev: ShareRow }>): string[] {
  const seen = new Set<string>();
  // Rows of a region share a few lists of names: each list is read once.
  const lists = new Set<readonly string[]>();
  const add = (row: ShareRow): void => {
    if (row.names === undefined) {
      for (const k of row.keys()) seen.add(k);
      return;
    }
    if (lists.has(row.names)) return;
    lists.add(row.names);
    for (const k of row.names) seen.add(k);
  };
  for (const s of reports) {
    add(s.sharesY);
    add(s.sharesPrev);
  }
  return [...seen].sort(compareProcedures);
}
