/**
 * A school's whole history (docs/методика.md §9): the ШНОР status and cluster of every year of «Результаты ОП»,
 * the failing share of each procedure per year, the runs of ШНОР years, and ИСБШ with its zone of risk per school
 * year of the form's answers.
 */
import { assessSchools, failingShare, isDecidedStatus, laterRowReplaces, type SchoolShnor } from './shnor';
import { computeIsbsh, roundIsbsh } from './isbsh';
import { computeRiskZone } from './riskZone';
import { normalizeProcedureName } from './procedures';
import { wholePercentShare } from './percent';
import { NO_SHARES, shareRows, type ProcedureShares, type ShareRow } from './procedureShares';
import { NO_MUNICIPALITY_LABEL, REGION_TOTAL_LABEL } from './municipalities';
import type { Settings } from './settings';
import type { ClusterLabel, LostResult, ProcedureResult, SchoolRecord, ShnorStatusLabel } from './types';

export interface YearStatus {
  status: ShnorStatusLabel;
  cluster: ClusterLabel | null;
}

/** How a school's place in the zone of risk changed between the last two school years of the form (docs/методика.md §9). */
export type ZoneChange = 'вошла в зону риска' | 'вышла из зоны риска' | 'без изменений';

export interface SchoolHistory {
  schoolCode: string;
  /** Parallel to HistoryReport.years. */
  statuses: YearStatus[];
  /** Parallel to HistoryReport.years: normalised procedure name → failing share (null = нет участников). */
  shares: ShareRow[];
  /** ШНОР years in a row up to Y (years without data skipped); null when Y has no data. */
  consecutiveShnor: number | null;
  /** ШНОР in Y after having left the list in an earlier year; null when Y has no data. */
  reincluded: boolean | null;
  /** ШНОР in each of the last `stableLowYears` years with data; null when fewer years have data. */
  stableLow: boolean | null;
  /** Years with a status (ШНОР or не ШНОР). */
  yearsWithData: number;
  /** Parallel to HistoryReport.schoolYears: ИСБШ of the school's answer of that school year (null = no answer or no index). */
  isbsh: Array<number | null>;
  /** Parallel to HistoryReport.schoolYears: in the zone of risk that school year (null = no index). */
  inZone: Array<boolean | null>;
  /** Change of the zone between the last two school years; null when either is unknown or there is one school year. */
  zoneChange: ZoneChange | null;
}

export interface HistoryReport {
  /** Years of «Результаты ОП» up to Y, ascending. */
  years: number[];
  /** First calendar years of the school years the form was answered in (2023 = 2023/24), ascending; empty unless two or more. */
  schoolYears: number[];
  /** The number of years of the «устойчиво низкие результаты» rule (settings.stableLowYears). */
  stableLowYears: number;
  /** Parallel to the school codes given. */
  schools: SchoolHistory[];
}

/** One school's answer of the form in one school year (its latest submission of that school year). */
export interface YearlyAnswer {
  schoolYear: number;
  record: SchoolRecord;
}

export interface HistoryInput {
  schoolCodes: ReadonlyArray<string>;
  results: ReadonlyArray<ProcedureResult>;
  /** Rows of «Результаты ОП» the reader could not use: a year they may belong to is «неполные данные», not a guess. */
  lost?: ReadonlyArray<LostResult>;
  /** The reporting year Y; null = no results, so no history of statuses. */
  year: number | null;
  settings: Settings;
  yearly?: ReadonlyArray<YearlyAnswer>;
  /** The group a school's zone of risk is ranked in (its municipality, or the whole sheet: the settings). */
  zoneGroup: (record: SchoolRecord) => string;
  /** assessSchools of a year for these codes, results, settings and lost rows, when the caller has it already. */
  assessYear?: (year: number) => SchoolShnor[];
  /** sharesUpTo of these results and year, when the caller has it already. */
  shares?: SharesUpTo;
}

/**
 * The school year an answer belongs to (docs/методика.md §9): September–August, named by its first calendar year, so
 * 15.09.2023 and 20.05.2024 both belong to 2023 (= 2023/24). `month` is 1–12 in the spreadsheet's time zone.
 */
export function schoolYearOf(year: number, month: number): number {
  return month >= 9 ? year : year - 1;
}

/** «2023/24» for the school year starting in 2023 (docs/методика.md §9). */
export function schoolYearLabel(start: number): string {
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/**
 * ШНОР years in a row up to Y (docs/методика.md §9): counted back from the last status (Y) over the years with data, a
 * year «нет данных» or «неполные данные» neither breaking nor extending the run, the first «не ШНОР» ending it. Null when Y itself has no
 * data; 0 when Y is «не ШНОР». `statuses` are in ascending years, the last one Y.
 */
export function consecutiveShnorYears(statuses: ReadonlyArray<ShnorStatusLabel>): number | null {
  if (!statuses.length || !isDecidedStatus(statuses[statuses.length - 1])) return null;
  let run = 0;
  for (let i = statuses.length - 1; i >= 0; i--) {
    if (!isDecidedStatus(statuses[i])) continue;
    if (statuses[i] !== 'ШНОР') break;
    run++;
  }
  return run;
}

/**
 * «Повторно включена» (docs/методика.md §9): ШНОР in Y after leaving the list earlier — some earlier year ШНОР, a later
 * year before Y «не ШНОР», and ШНОР again in Y. Null when Y has no data. `statuses` ascending, the last one Y.
 */
export function isReincluded(statuses: ReadonlyArray<ShnorStatusLabel>): boolean | null {
  const last = statuses[statuses.length - 1];
  if (last === undefined || !isDecidedStatus(last)) return null;
  if (last !== 'ШНОР') return false;
  let wasShnor = false;
  for (let i = 0; i < statuses.length - 1; i++) {
    if (statuses[i] === 'ШНОР') wasShnor = true;
    else if (statuses[i] === 'не ШНОР' && wasShnor) return true;
  }
  return false;
}

/**
 * «Устойчиво низкие результаты» (docs/методика.md §9): ШНОР in each of the last `years` years with data (a setting,
 * three by default: «за последние три года», seeds 000–002). Null when fewer years than that have data: the rule
 * cannot be checked, which is not the same as «нет». `statuses` ascending.
 */
export function isStableLow(statuses: ReadonlyArray<ShnorStatusLabel>, years: number): boolean | null {
  const withData = statuses.filter(isDecidedStatus);
  if (years < 1 || withData.length < years) return null;
  return withData.slice(withData.length - years).every((s) => s === 'ШНОР');
}

/**
 * How the zone of risk changed from one school year to the next (docs/методика.md §9): out → in «вошла в зону риска»,
 * in → out «вышла из зоны риска», the same «без изменений»; null when either year is unknown (no answer, no index).
 */
export function zoneChange(previous: boolean | null, current: boolean | null): ZoneChange | null {
  if (previous === null || current === null) return null;
  if (previous === current) return 'без изменений';
  return current ? 'вошла в зону риска' : 'вышла из зоны риска';
}

/** Every procedure's failing share of each school in each year of «Результаты ОП» up to Y. */
export interface SharesUpTo {
  /** The integer years of the rows up to Y, ascending. */
  years: number[];
  /** School code (of every row, in the form or not) → parallel to `years`: normalised procedure name → failing share. */
  bySchool: Map<string, ShareRow[]>;
  /** Parallel to `years`: whether some row of that year has a failing share. */
  yearHasShare: boolean[];
}

/**
 * The failing share of every procedure per school and year up to Y (docs/методика.md §9, the shares of §1.2 that «ШНОР»
 * and «История» show): names are normalised so that years match as they do for the status; repeated rows as for the
 * status (`laterRowReplaces`). One pass over the rows, shared by the report and the history.
 */
export function sharesUpTo(results: ReadonlyArray<ProcedureResult>, year: number | null): SharesUpTo {
  const seen = new Set<number>();
  // Indexed, as every pass over all result rows (docs/architecture.md, «Conventions»).
  for (let i = 0; year !== null && i < results.length; i++) {
    const y = results[i].year;
    if (Number.isInteger(y) && y <= year) seen.add(y);
  }
  const years = [...seen].sort((a, b) => a - b);
  const index = new Map(years.map((y, i) => [y, i]));
  const yearHasShare = years.map(() => false);
  const names = new Map<string, string>();
  const bySchool = new Map<string, ProcedureShares[]>();
  const rows = shareRows();
  // A school's rows usually come together: its entry is looked up again only when the code changes.
  let lastCode: string | undefined;
  let perYear: ProcedureShares[] = [];
  // A school's rows of one year usually come together too: the year's position is looked up when the year changes.
  let lastYear: number | undefined;
  let i: number | undefined;
  for (let k = 0; k < results.length; k++) {
    const r = results[k];
    if (r.year !== lastYear) i = index.get((lastYear = r.year));
    if (i === undefined) continue;
    if (r.schoolCode !== lastCode) {
      lastCode = r.schoolCode;
      const known = bySchool.get(lastCode);
      if (known !== undefined) perYear = known;
      else bySchool.set(lastCode, (perYear = years.map(() => rows.newRow())));
    }
    let name = names.get(r.procedure);
    if (name === undefined) names.set(r.procedure, (name = normalizeProcedureName(r.procedure)));
    const share = failingShare(r);
    if (share !== null) yearHasShare[i] = true;
    if (laterRowReplaces(share, perYear[i].get(name) ?? null)) perYear[i].set(name, share);
  }
  return { years, bySchool, yearHasShare };
}

function isbshOf(record: SchoolRecord, settings: Settings): number | null {
  try {
    const x = computeIsbsh(record.shares, settings);
    return x === null ? null : roundIsbsh(x);
  } catch {
    return null;
  }
}

/** ИСБШ and the zone of risk of every school in every school year with answers (each school year ranked on its own). */
function zoneBySchoolYear(
  codes: ReadonlyArray<string>,
  yearly: ReadonlyArray<YearlyAnswer>,
  settings: Settings,
  zoneGroup: (record: SchoolRecord) => string,
): { schoolYears: number[]; isbsh: Map<string, Array<number | null>>; inZone: Map<string, Array<boolean | null>> } {
  const schoolYears = [...new Set(yearly.map((a) => a.schoolYear))].sort((a, b) => a - b);
  const isbsh = new Map<string, Array<number | null>>();
  const inZone = new Map<string, Array<boolean | null>>();
  if (schoolYears.length < 2) return { schoolYears: [], isbsh, inZone };
  const wanted = new Set(codes);
  for (const code of codes) {
    isbsh.set(
      code,
      schoolYears.map(() => null),
    );
    inZone.set(
      code,
      schoolYears.map(() => null),
    );
  }
  schoolYears.forEach((sy, i) => {
    const answers = yearly.filter((a) => a.schoolYear === sy && wanted.has(a.record.schoolCode));
    const values = answers.map((a) => isbshOf(a.record, settings));
    const zone = computeRiskZone(
      answers.map((a, k) => ({ group: zoneGroup(a.record), isbsh: values[k] })),
      settings.riskZoneShare,
      settings.riskZoneMinGroup,
    );
    answers.forEach((a, k) => {
      (isbsh.get(a.record.schoolCode) as Array<number | null>)[i] = values[k];
      (inZone.get(a.record.schoolCode) as Array<boolean | null>)[i] = zone.rows[k].inZone;
    });
  });
  return { schoolYears, isbsh, inZone };
}

/**
 * The history of every school (docs/методика.md §9), parallel to `schoolCodes`: for each year of «Результаты ОП» up to Y
 * the status and cluster by the rule of §3 (the earliest year has no year before it, so only criterion (a) can make it
 * ШНОР there), the failing share of every procedure, the run of ШНОР years, «повторно включена» and «устойчиво низкие
 * результаты»; and, where the form was answered in two or more school years, ИСБШ and the zone of risk of each school
 * year (every school year ranked on its own, in the same groups as the current zone) with the change between the last two.
 */
export function computeHistory(input: HistoryInput): HistoryReport {
  const { schoolCodes, results, year, settings } = input;
  const { years, bySchool: shares } = input.shares ?? sharesUpTo(results, year);
  const assessYear = input.assessYear ?? ((y: number) => assessSchools(schoolCodes, results, y, settings, input.lost));
  const perYear = years.map(assessYear);
  const zones = zoneBySchoolYear(schoolCodes, input.yearly ?? [], settings, input.zoneGroup);
  // A year's status is one of a few pairs of status and cluster: each pair is one object, shared.
  const pairs = new Map<ShnorStatusLabel, Map<ClusterLabel | null, YearStatus>>();
  const yearStatus = ({ status, cluster }: SchoolShnor): YearStatus => {
    let byCluster = pairs.get(status);
    if (byCluster === undefined) pairs.set(status, (byCluster = new Map()));
    let pair = byCluster.get(cluster);
    if (pair === undefined) byCluster.set(cluster, (pair = { status, cluster }));
    return pair;
  };
  const schools = schoolCodes.map((schoolCode, i): SchoolHistory => {
    const statuses = perYear.map((assessed) => yearStatus(assessed[i]));
    const labels = statuses.map((s) => s.status);
    const isbsh = zones.isbsh.get(schoolCode) ?? [];
    const inZone = zones.inZone.get(schoolCode) ?? [];
    const n = inZone.length;
    return {
      schoolCode,
      statuses,
      shares: shares.get(schoolCode) ?? years.map(() => NO_SHARES),
      consecutiveShnor: consecutiveShnorYears(labels),
      reincluded: isReincluded(labels),
      stableLow: isStableLow(labels, settings.stableLowYears),
      yearsWithData: labels.filter(isDecidedStatus).length,
      isbsh,
      inZone,
      zoneChange: n >= 2 ? zoneChange(inZone[n - 2], inZone[n - 1]) : null,
    };
  });
  return { years, schoolYears: zones.schoolYears, stableLowYears: settings.stableLowYears, schools };
}

export interface ShnorByYearRow {
  /** A municipality, or REGION_TOTAL_LABEL for the last row. */
  municipality: string;
  schools: number;
  /** Parallel to the years: ШНОР that year, schools without data that year, and ШНОР as a whole-percent share of `schools`. */
  shnor: number[];
  noData: number[];
  shares: number[];
}

/**
 * ШНОР by year per municipality and for the region (docs/методика.md §9): for each year the number of ШНОР and their
 * share of the municipality's schools (all schools listed, as in «Муниципалитеты», so that the reporting year's share
 * is the same on both sheets), rounded to a whole percent from the counts, with the schools that had no data that year
 * counted beside it (they are in the denominator and not ШНОР). Municipalities in Russian collation, then the region.
 */
export function shnorShareByYear(history: HistoryReport, municipalities: ReadonlyArray<string>): ShnorByYearRow[] {
  const collator = new Intl.Collator('ru');
  const years = history.years.length;
  const rows = new Map<string, { schools: number; shnor: number[]; noData: number[] }>();
  const region = { schools: 0, shnor: new Array<number>(years).fill(0), noData: new Array<number>(years).fill(0) };
  history.schools.forEach((s, i) => {
    const name = municipalities[i] || NO_MUNICIPALITY_LABEL;
    let row = rows.get(name);
    if (!row) rows.set(name, (row = { schools: 0, shnor: new Array<number>(years).fill(0), noData: new Array<number>(years).fill(0) }));
    for (const target of [row, region]) {
      target.schools++;
      s.statuses.forEach((st, y) => {
        if (st.status === 'ШНОР') target.shnor[y]++;
        else if (!isDecidedStatus(st.status)) target.noData[y]++;
      });
    }
  });
  const finish = (municipality: string, r: { schools: number; shnor: number[]; noData: number[] }): ShnorByYearRow => ({
    municipality,
    schools: r.schools,
    shnor: r.shnor,
    noData: r.noData,
    shares: r.shnor.map((c) => wholePercentShare(c, r.schools)),
  });
  return [...[...rows.keys()].sort(collator.compare).map((m) => finish(m, rows.get(m)!)), finish(REGION_TOTAL_LABEL, region)];
}
