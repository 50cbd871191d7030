import { computeIsbsh, isbshLevel, missingIsbshInputs, roundIsbsh, ISBSH_INPUT_LABELS } from './isbsh';
import { computeRiskZone } from './riskZone';
import { schoolTypeLabel } from './schoolType';
import { resourceDeficits } from './deficits';
import { assessSchools, failingShare, reportingYearOf, type SchoolShnor } from './shnor';
import { clusterDynamics, procedureDynamics, isPositiveResult, procedureDynamicsSummary, clusterDynamicsSummary } from './dynamics';
import { compareProcedures, normalizeProcedureName } from './procedures';
import { resilientSchools } from './resilience';
import { suggestMentors } from './mentors';
import { riskProfile, topHighFactors, type RiskProfile } from './riskProfile';
import { computeIndicators } from './indicators';
import { municipalitySummary } from './municipalities';
import { groupDynamics, territoryRiskComparison, type GroupDynamics, type GroupMember, type GroupSchoolFacts, type TerritoryRiskRow } from './groups';
import { computeHistory, shnorShareByYear, type HistoryReport, type ShnorByYearRow, type YearlyAnswer } from './history';
import type { Settings } from './settings';
import type { ClusterDynamics, IsbshLevel, ProcedureResult, RiskDiagnosis, RiskFactor, SchoolRecord } from './types';

/** The zone-of-risk group when ranking over the whole sheet. */
export const WHOLE_SHEET_GROUP = 'Все школы';

export interface PipelineInput {
  schools: ReadonlyArray<SchoolRecord>;
  results: ReadonlyArray<ProcedureResult>;
  diagnoses: ReadonlyArray<RiskDiagnosis>;
  factors: ReadonlyArray<RiskFactor>;
  settings: Settings;
  /** Hand-entered indicator values kept from the previous «Показатели» sheet. */
  manualIndicators?: Record<string, number | null>;
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
  schoolType: string | null;
  staffingDeficit: boolean | null;
  infrastructureDeficit: boolean | null;
  financialDeficit: boolean | null;
  deficitReasons: string[];
  shnor: SchoolShnor;
  /** Failing shares of every procedure of Y and Y−1 (the status counts only the subjects of the settings). */
  sharesY: Map<string, number | null>;
  sharesPrev: Map<string, number | null>;
  clusterDynamics: ClusterDynamics;
  priority: boolean;
  resilient: boolean;
  mentor: { mentorCode: string; mentorName: string; basis: string } | null;
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
  const year = reportingYearOf(results, settings);

  const isbshRaw = schools.map((s) => computeIsbshSafe(s));
  const isbsh = isbshRaw.map((x) => (x === null ? null : roundIsbsh(x)));
  const groupOf = (s: SchoolRecord) => (settings.riskZoneGrouping === 'sheet' ? WHOLE_SHEET_GROUP : s.municipality);
  const zone = computeRiskZone(
    schools.map((s, i) => ({ group: groupOf(s), isbsh: isbsh[i] })),
    settings.riskZoneShare,
    settings.riskZoneMinGroup,
  );
  const deficits = resourceDeficits(schools, settings);
  const codes = schools.map((s) => s.schoolCode);
  const shnor = year === null ? codes.map((c) => emptyShnor(c)) : assessSchools(codes, results, year, settings);

  const resilience = resilientSchools(
    schools.map((_, i) => ({ isbsh: isbsh[i], meanShare: shnor[i].meanShareY, isShnor: shnor[i].status === 'ШНОР' })),
    settings,
  );
  const mentors = suggestMentors(
    schools.map((s, i) => ({
      schoolCode: s.schoolCode,
      name: s.name,
      municipality: s.municipality,
      isbsh: isbsh[i],
      isShnor: shnor[i].status === 'ШНОР',
      resilient: resilience.resilient[i],
      meanShare: shnor[i].meanShareY,
    })),
    settings.mentorHighResultShare,
  );
  const diagnosisByCode = new Map(input.diagnoses.map((d) => [d.schoolCode, d]));
  const allShares = year === null ? new Map<string, YearShares>() : sharesByYear(results, year);

  const reports: SchoolReport[] = schools.map((school, i) => {
    const sh = shnor[i];
    const inZone = zone.rows[i].inZone;
    const profile = riskProfile(
      {
        schoolCode: school.schoolCode,
        cluster: sh.cluster,
        staffingDeficit: deficits[i].staffing,
        infrastructureDeficit: deficits[i].infrastructure,
        ovzShare: school.ovzShare,
        nonNativeShare: school.shares.nonNativeRussian,
      },
      diagnosisByCode.get(school.schoolCode),
      input.factors,
      settings,
    );
    return {
      school,
      isbsh: isbsh[i],
      isbshMissing: isbsh[i] === null ? missingIsbshInputs(school.shares).map((k) => ISBSH_INPUT_LABELS[k]) : [],
      isbshLevel: isbsh[i] === null ? null : isbshLevel(isbsh[i] as number, settings.isbshLevelBounds),
      zoneGroup: groupOf(school),
      rank: zone.rows[i].rank,
      inZone,
      schoolType: inZone ? schoolTypeLabel(school, settings) : null,
      staffingDeficit: deficits[i].staffing,
      infrastructureDeficit: deficits[i].infrastructure,
      financialDeficit: deficits[i].financial,
      deficitReasons: deficits[i].reasons,
      shnor: sh,
      sharesY: allShares.get(school.schoolCode)?.current ?? new Map(),
      sharesPrev: allShares.get(school.schoolCode)?.previous ?? new Map(),
      clusterDynamics: clusterDynamics(sh.previousClusterOrStatus, sh.clusterOrStatus),
      priority: sh.status === 'ШНОР' && inZone === true,
      resilient: resilience.resilient[i],
      mentor: sh.status === 'ШНОР' ? mentors.get(school.schoolCode) ?? null : null,
      profile,
    };
  });

  const procedures = proceduresIn(reports);
  const procedureRows = [];
  for (const r of reports) {
    for (const p of procedures) {
      const prev = r.sharesPrev.get(p);
      const cur = r.sharesY.get(p);
      if (prev === undefined && cur === undefined) continue;
      procedureRows.push({ procedure: p, previous: prev ?? null, current: cur ?? null });
    }
  }
  const clusterRows = reports.map((r) => ({
    municipality: r.school.municipality,
    dynamics: r.clusterDynamics,
    wasShnorPrevious: r.shnor.previousStatus === 'ШНОР',
  }));

  const shnorReports = reports.filter((r) => r.shnor.status === 'ШНОР');
  const indicators = computeIndicators(
    {
      schoolsTotal: reports.length,
      schoolsInMonitoring: reports.filter((r) => r.shnor.status !== 'нет данных').length,
      shnorCount: shnorReports.length,
      shnorWithMentor: shnorReports.filter((r) => r.mentor !== null).length,
      schoolsWithRisks: reports.filter((r) => r.profile.highCount > 0).length,
      shnorWithPositiveDynamicsRuOrMath: shnorReports.filter((r) => hasPositiveCountedDynamics(r.shnor)).length,
      schoolsWithDeficits: reports.filter((r) => r.staffingDeficit || r.infrastructureDeficit || r.financialDeficit).length,
    },
    input.manualIndicators ?? {},
  );

  const groupFacts: GroupSchoolFacts[] = reports.map((r) => ({
    schoolCode: r.school.schoolCode,
    municipality: r.school.municipality,
    territory: r.school.territory,
    sharesPrev: r.sharesPrev,
    sharesY: r.sharesY,
    clusterDynamics: r.clusterDynamics,
    wasShnorPrevious: r.shnor.previousStatus === 'ШНОР',
    significance: Object.fromEntries(r.profile.factors.map((f) => [f.factorId, f.significance])),
  }));
  const history = computeHistory({ schoolCodes: codes, results, year, settings, yearly: input.yearly, zoneGroup: groupOf });

  return {
    year,
    schools: reports,
    procedures,
    procedureSummary: procedureDynamicsSummary(procedureRows),
    clusterSummary: clusterDynamicsSummary(clusterRows),
    municipalities: municipalitySummary(
      reports.map((r) => ({
        municipality: r.school.municipality,
        isShnor: r.shnor.status === 'ШНОР',
        inRiskZone: r.inZone === true,
        staffingDeficit: r.staffingDeficit === true,
        infrastructureDeficit: r.infrastructureDeficit === true,
        priority: r.priority,
      })),
    ),
    indicators,
    topFactors: topHighFactors(reports.map((r) => r.profile), input.factors),
    smallGroups: zone.smallGroups,
    history,
    shnorByYear: shnorShareByYear(history, schools.map((s) => s.municipality)),
    groupDynamics: groupDynamics(groupFacts, input.groups ?? [], procedures),
    territoryRisks: territoryRiskComparison(groupFacts, input.factors),
  };
}

function computeIsbshSafe(s: SchoolRecord): number | null {
  try {
    return computeIsbsh(s.shares);
  } catch {
    // Out-of-range shares are rejected by the readers with a message; here they simply give no index.
    return null;
  }
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
  };
}

interface YearShares {
  current: Map<string, number | null>;
  previous: Map<string, number | null>;
}

/**
 * Every procedure's failing share per school for Y and Y−1, by normalised procedure name so that the two years
 * match as they do for the status; a repeated row: the later one with a share wins, as in assessSchools.
 */
function sharesByYear(results: ReadonlyArray<ProcedureResult>, year: number): Map<string, YearShares> {
  const out = new Map<string, YearShares>();
  for (const r of results) {
    if (r.year !== year && r.year !== year - 1) continue;
    let entry = out.get(r.schoolCode);
    if (!entry) out.set(r.schoolCode, (entry = { current: new Map(), previous: new Map() }));
    const shares = r.year === year ? entry.current : entry.previous;
    const name = normalizeProcedureName(r.procedure);
    const share = failingShare(r);
    if (share !== null || (shares.get(name) ?? null) === null) shares.set(name, share);
  }
  return out;
}

/** Every procedure of Y or Y−1 in display order (the nine canonical first, then the others alphabetically). */
function proceduresIn(reports: ReadonlyArray<{ sharesY: Map<string, unknown>; sharesPrev: Map<string, unknown> }>): string[] {
  const seen = new Set<string>();
  for (const s of reports) {
    for (const k of s.sharesY.keys()) seen.add(k);
    for (const k of s.sharesPrev.keys()) seen.add(k);
  }
  return [...seen].sort(compareProcedures);
}

/**
 * «ШНОР with positive dynamics in Russian or mathematics» (docs/методика.md §7): a counted procedure fell or stayed at 0 %.
 * The status's shares (SchoolShnor.sharesY) hold the counted procedures only (settings.shnorSubjects).
 */
function hasPositiveCountedDynamics(s: SchoolShnor): boolean {
  for (const [procedure, current] of s.sharesY) {
    const previous = s.sharesPrev.get(procedure) ?? null;
    if (isPositiveResult(procedureDynamics(previous, current))) return true;
  }
  return false;
}
