/**
 * ШНОР status, its reason in words and the cluster (docs/методика.md §3). One implementation over plain
 * lists of shares (what the custom functions read from cells); the results-table version
 * (assessSchools) groups «Результаты ОП» and feeds the same rule.
 */
import type { ClusterLabel, ClusterOrStatus, LostResult, ProcedureResult, ShnorStatusLabel } from './types';
import type { Settings } from './settings';
import { formatPercent } from './percent';
import { clusterFor, clusterOrStatus, shareAtLeast } from './cluster';
import { compareProcedures, normalizeProcedureName, procedureCountsForStatus, subjectOfProcedure } from './procedures';
import { couldBecomeShnor, findEntry, missingResults, type MissingResult } from './incompleteData';
import { INCOMPLETE_DATA_MESSAGES, SHNOR_REASONS } from './messages';

export { clusterFor, clusterOrStatus } from './cluster';

/** One procedure's failing share in one year. share null = «нет участников» or no value. */
export interface ShareCell {
  procedure: string;
  share: number | null;
  participants?: number | null;
}

export interface ShnorAssessment {
  status: ShnorStatusLabel;
  /** The criteria met, in words naming procedures, years and shares; '' unless ШНОР. */
  reason: string;
  cluster: ClusterLabel | null;
  /** The highest failing share of the reporting year; null when there is none. */
  maxShare: number | null;
  /** Procedures (normalised names) whose share used by the rule came from fewer than smallSampleMin participants. */
  smallSample: string[];
  /** «малая выборка: ОГЭ математика (2022, 8 участников)» or ''. */
  note: string;
}

export interface SchoolShnor extends ShnorAssessment {
  schoolCode: string;
  year: number;
  /** Counted procedures (subjects of the settings) of Y → failing share (null = нет участников); made when read. */
  readonly sharesY: Map<string, number | null>;
  /** The same for Y−1. */
  readonly sharesPrev: Map<string, number | null>;
  previousStatus: ShnorStatusLabel;
  previousCluster: ClusterLabel | null;
  clusterOrStatus: ClusterOrStatus;
  previousClusterOrStatus: ClusterOrStatus;
  /** Mean failing share over the counted procedures of Y that had participants; null when none. */
  meanShareY: number | null;
  /**
   * What is missing of Y that the status depends on («ОГЭ математика, 2025: строка не принята»): the reason of a
   * «неполные данные», or what the cluster of a ШНОР was drawn without; [] otherwise (docs/методика.md §3).
   */
  missing: string[];
}

/**
 * Whether a status was decided by the data: ШНОР or не ШНОР. «нет данных» and «неполные данные» are not, and rules over
 * years (docs/методика.md §9) treat them alike: they neither break nor extend a run.
 */
export function isDecidedStatus(status: ShnorStatusLabel): boolean {
  return status === 'ШНОР' || status === 'не ШНОР';
}

interface Entry {
  /** Normalised procedure name. */
  name: string;
  share: number | null;
  participants: number | null;
}

/**
 * One school's shares in one year, one entry per procedure, in the order they are listed. A plain
 * array: a school has a handful of procedures, and 40 000 schools × 3 years of Maps cost more than
 * a linear look-up.
 */
type YearShares = Entry[];

const find = findEntry<Entry>;

/** A share or a count that can be used: a finite number, else null. */
function usable(x: number | null | undefined): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

function yearLabel(year: number | null, yearsBack: 0 | 1): string {
  if (year === null) return yearsBack === 0 ? SHNOR_REASONS.reportingYear : SHNOR_REASONS.previousYear;
  return String(year - yearsBack);
}

/**
 * Groups cells by normalised procedure name, keeping the order of first appearance. A name given
 * twice is one procedure: the first cell with a share wins.
 */
function groupCells(cells: ReadonlyArray<ShareCell>): YearShares {
  const out: YearShares = [];
  for (const cell of cells) {
    const entry: Entry = {
      name: normalizeProcedureName(cell.procedure),
      share: usable(cell.share),
      participants: usable(cell.participants),
    };
    const i = out.findIndex((e) => e.name === entry.name);
    if (i < 0) out.push(entry);
    else if (out[i].share === null && entry.share !== null) out[i] = entry;
  }
  return out;
}

/** Percent text of a share; assessSchools passes a memoised one (shares repeat: they are small quotients). */
type PercentText = (share: number) => string;

function memoisedPercent(): PercentText {
  const cache = new Map<number, string>();
  return (share) => {
    let text = cache.get(share);
    if (text === undefined) cache.set(share, (text = formatPercent(share)));
    return text;
  };
}

/**
 * How many different subjects the procedures belong to (docs/методика.md §3, the setting «only different subjects
 * count»): a procedure whose name matches no subject of the settings is a subject of its own.
 */
function distinctSubjects(entries: readonly Entry[], subjects: readonly string[]): number {
  const seen = new Set<string>();
  for (const e of entries) seen.add(subjectOfProcedure(e.name, subjects) ?? `\u0000${e.name}`);
  return seen.size;
}

/** Whether an entry has a failing share (≥ t, with the tolerance of shareAtLeast). */
function isFailing(e: Entry | undefined, t: number): e is Entry & { share: number } {
  return e !== undefined && e.share !== null && shareAtLeast(e.share, t);
}

/** The entries of a year with a failing share, in their order. */
function failingEntries(current: YearShares, t: number): Entry[] {
  const out: Entry[] = [];
  for (let i = 0; i < current.length; i++) if (isFailing(current[i], t)) out.push(current[i]);
  return out;
}

/** Whether an entry's share came from fewer than `min` participants (a small sample, noted beside the status). */
function isSmallSample(e: Entry | undefined, min: number): e is Entry & { share: number; participants: number } {
  return e !== undefined && e.share !== null && e.participants !== null && e.participants > 0 && e.participants < min;
}

/** Whether some share the rule reads came from a small sample (see assessYearShares). */
function hasSmallSample(current: YearShares, previous: YearShares, settings: Settings): boolean {
  const min = settings.smallSampleMin;
  for (let i = 0; i < current.length; i++) {
    const e = current[i];
    if (isSmallSample(e, min) || (isFailing(e, settings.shnorThreshold) && isSmallSample(find(previous, e.name), min))) return true;
  }
  return false;
}

/**
 * The rule of §3 over grouped shares; see assessShnor. Without `percentText` only the status, cluster
 * and highest share are worked out (reason and note left empty), as for the previous year's status.
 * Lists are made only for what is shown: most schools fail nothing and have no small sample.
 */
function assessYearShares(
  current: YearShares,
  previous: YearShares,
  year: number | null,
  settings: Settings,
  percentText: PercentText | null,
): ShnorAssessment {
  const t = settings.shnorThreshold;
  let maxShare: number | null = null;
  let failing = 0;
  // Criterion b: a procedure failing both in Y and in Y−1.
  let byTwoYears = false;
  for (let i = 0; i < current.length; i++) {
    const e = current[i];
    if (e.share === null) continue;
    if (maxShare === null || e.share > maxShare) maxShare = e.share;
    if (!shareAtLeast(e.share, t)) continue;
    failing++;
    if (!byTwoYears && isFailing(find(previous, e.name), t)) byTwoYears = true;
  }
  if (maxShare === null) return { status: 'нет данных', reason: '', cluster: null, maxShare: null, smallSample: [], note: '' };

  const byTwoProcedures =
    failing >= 2 && (settings.sameSubjectCountsTwice || distinctSubjects(failingEntries(current, t), settings.shnorSubjects) >= 2);
  const status: ShnorStatusLabel = byTwoProcedures || byTwoYears ? 'ШНОР' : 'не ШНОР';
  const cluster = status === 'ШНОР' ? clusterFor(maxShare, settings) : null;
  if (percentText === null || (status !== 'ШНОР' && !hasSmallSample(current, previous, settings)))
    return { status, reason: '', cluster, maxShare, smallSample: [], note: '' };

  const failingY = failingEntries(current, t);
  const smallSample: string[] = [];
  const noteParts: string[] = [];
  const noteSmall = (e: Entry | undefined, yearsBack: 0 | 1): void => {
    if (!isSmallSample(e, settings.smallSampleMin)) return;
    if (!smallSample.includes(e.name)) smallSample.push(e.name);
    noteParts.push(SHNOR_REASONS.smallSampleItem(e.name, yearLabel(year, yearsBack), e.participants));
  };
  // The shares the rule looks at: every share of Y (criterion a), and the Y−1 share of each
  // procedure failing in Y (criterion b). A Y−1 share of a procedure not failing in Y decides nothing.
  for (const e of current) noteSmall(e, 0);
  for (const e of failingY) noteSmall(find(previous, e.name), 1);
  const note = noteParts.length ? SHNOR_REASONS.smallSample(noteParts) : '';

  if (status !== 'ШНОР') return { status, reason: '', cluster, maxShare, smallSample, note };

  const pct = (e: Entry): string => percentText(e.share as number);
  const reasons: string[] = [];
  if (byTwoProcedures) {
    reasons.push(
      SHNOR_REASONS.byTwoProcedures(
        yearLabel(year, 0),
        failingY.map((e) => SHNOR_REASONS.failingShare(e.name, pct(e))),
      ),
    );
  }
  for (const now of failingY) {
    const before = find(previous, now.name);
    if (isFailing(before, t))
      reasons.push(SHNOR_REASONS.byTwoYears(now.name, pct(before), yearLabel(year, 1), pct(now), yearLabel(year, 0)));
  }
  return { status, reason: reasons.join('; '), cluster, maxShare, smallSample, note };
}

/**
 * ШНОР status of one school in year Y (docs/методика.md §3): with t = settings.shnorThreshold (a share ≥ t
 * fails, compared with a tolerance so that 3/10 reaches 30 %), ШНОР when (a) at least two procedures
 * of Y fail — of different subjects when settings.sameSubjectCountsTwice is false (ВПР математика 5 and 6
 * are then one), any two by default («по двум и более процедурам») — or (b) one procedure fails both in Y and in Y−1 (cells matched by normalised name, not
 * by position). «нет данных» when Y has no share at all: neither criterion can be checked, and a
 * school with data for Y−1 only is «нет данных» too, because Y is the year being assessed. Otherwise
 * «не ШНОР». Subjects are not filtered here (callers pass only the procedures that count). The
 * reason names procedures, years and whole-percent shares («2022: ОГЭ математика — 45 %, ОГЭ русский
 * язык 33 %»; «ОГЭ математика: 67 % (2021) и 33 % (2022)»; both joined by «; »); with `year` null
 * it says «отчётный год»/«прошлый год». The cluster comes from the highest share of Y. A share from
 * fewer than settings.smallSampleMin participants is used and noted: every share of Y, and the Y−1
 * share of each procedure failing in Y. Names must tell procedures apart (cells with the same
 * normalised name are one procedure, the first with a share wins): a caller without headers should
 * name cells by column, e.g. «1», «2».
 */
export function assessShnor(
  current: ReadonlyArray<ShareCell>,
  previous: ReadonlyArray<ShareCell>,
  year: number | null,
  settings: Settings,
  options: { words?: boolean } = {},
): ShnorAssessment {
  // Without words (a caller that shows only the status or cluster) the reason and note stay empty: building them is
  // most of the work over a long column.
  return assessYearShares(groupCells(current), groupCells(previous), year, settings, options.words === false ? null : memoisedPercent());
}

/**
 * Failing share of one row of «Результаты ОП» (docs/методика.md §1.2): failed ÷ participants. Null when
 * participants is empty or 0 («нет участников», unlike 0 failures = 0 %), when failed is empty, or
 * when the numbers cannot be a share (negative, failed > participants): no value, never a guess. A
 * share the sheet gave without participants («% двоек» alone) is that share.
 */
export function failingShare(r: ProcedureResult): number | null {
  if (r.participants === null && r.share !== undefined) return usable(r.share);
  const n = usable(r.participants);
  const f = usable(r.failed);
  if (n === null || n <= 0 || f === null || f < 0 || f > n) return null;
  return f / n;
}

/**
 * The reporting year Y (docs/методика.md §3): settings.reportingYear, or else the latest year that has a
 * failing share in the data (a year whose rows are all empty, e.g. a template prepared ahead, is
 * not a reporting year); failing that, the latest year of any row; null without rows.
 */
export function reportingYearOf(results: ReadonlyArray<ProcedureResult>, settings: Settings): number | null {
  if (settings.reportingYear !== null) return settings.reportingYear;
  let latestWithShare: number | null = null;
  let latest: number | null = null;
  // Indexed, as every pass over all result rows (docs/architecture.md, «Conventions»).
  for (let i = 0; i < results.length; i++) {
    const r = results[i];
    if (!Number.isFinite(r.year)) continue;
    if (latest === null || r.year > latest) latest = r.year;
    if ((latestWithShare === null || r.year > latestWithShare) && failingShare(r) !== null) latestWithShare = r.year;
  }
  return latestWithShare ?? latest;
}

/** The three years a school's assessment needs: Y, Y−1 (both statuses) and Y−2 (the previous status). */
const YEARS_BACK = 3;

/**
 * Whether a later result row replaces an earlier one of the same school, year and procedure once names are normalised
 * (docs/методика.md §1.2, «Повтор строки»): the later row wins when it has a share, or when the earlier one has none.
 */
export function laterRowReplaces(later: number | null, earlier: number | null): boolean {
  return later !== null || earlier === null;
}

/**
 * A counted name's place in display order, renumbered in place when a new name appears, and the entries of the name
 * shared by rows of equal counts, by participants then failures (see groupResults).
 */
interface DisplayRank {
  name: string;
  rank: number;
  byCounts: Array<Array<RankedEntry | undefined> | undefined>;
}

/** An entry of a grouped school year, with its name's display rank at hand (no look-up per comparison). */
interface RankedEntry extends Entry {
  order: DisplayRank;
}

/** Adds a row's share to a year kept in display order (insertion among a handful of procedures); repeats by `laterRowReplaces`. */
function addInDisplayOrder(shares: RankedEntry[], entry: RankedEntry): void {
  const rank = entry.order.rank;
  let i = 0;
  for (; i < shares.length; i++) {
    const e = shares[i];
    if (e.name === entry.name) {
      if (laterRowReplaces(entry.share, e.share)) shares[i] = entry;
      return;
    }
    if (rank < e.order.rank) break;
  }
  // Shifted by hand: splice would allocate an array of the removed entries for every row.
  for (let k = shares.length; k > i; k--) shares[k] = shares[k - 1];
  shares[i] = entry;
}

function shareMap(m: YearShares): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const e of m) out.set(e.name, e.share);
  return out;
}

function meanShare(m: YearShares): number | null {
  let sum = 0;
  let n = 0;
  for (const e of m) {
    if (e.share === null) continue;
    sum += e.share;
    n++;
  }
  return n ? sum / n : null;
}

/** One school's counted procedures in one year of «Результаты ОП», in display order. */
interface SchoolYear {
  year: number;
  shares: RankedEntry[];
}

/** «Результаты ОП» grouped by school and year for the status rule (docs/методика.md §3), for one settings' subjects. */
interface GroupedResults {
  /** By position in the school codes grouped for (the first position of a code given twice); undefined without rows. */
  byPosition: Array<SchoolYear[] | undefined>;
  /** Parallel to the codes: the first position of the same code. */
  firstPosition: Int32Array;
  /** Raw procedure text → normalised name when it counts for the status, else null. */
  countedName: (raw: string) => string | null;
  /**
   * Whether two counted names are equal in display order (Russian collation ignores a few characters): their order in a
   * school's list then follows which of them came first among the rows grouped, so a year cannot reuse a grouping of
   * other years.
   */
  tiedNames: boolean;
}

/** Rows whose counts are below this share their entries (see groupResults). */
const SMALL_COUNTS = 1024;

function isSmallCount(x: number | null): x is number {
  return typeof x === 'number' && x >= 0 && x < SMALL_COUNTS && Number.isInteger(x);
}

/**
 * Each school's counted procedures per year, of the rows whose year `wanted` keeps: shares are failingShare of each
 * row, the last row with a share of a school, year and procedure wins (see assessSchools). Procedures are in display
 * order (canonical first).
 */
function groupResults(
  schoolCodes: ReadonlyArray<string>,
  results: ReadonlyArray<ProcedureResult>,
  settings: Settings,
  wanted: (year: number) => boolean,
): GroupedResults {
  // Raw procedure text → the display rank of its normalised name when it counts for the status, else null (one look-up
  // per row), so that ordering a school's procedures costs no string comparison. Ranks are renumbered when a new name
  // appears, which keeps the relative order of the others.
  const rankOfRaw = new Map<string, DisplayRank | null>();
  const known: string[] = [];
  const order = new Map<string, DisplayRank>();
  const countedRank = (raw: string): DisplayRank | null => {
    let rank = rankOfRaw.get(raw);
    if (rank !== undefined) return rank;
    const normalised = normalizeProcedureName(raw);
    const name = procedureCountsForStatus(normalised, settings.shnorSubjects) ? normalised : null;
    rank = name === null ? null : (order.get(name) ?? null);
    if (name !== null && rank === null) {
      order.set(name, (rank = { name, rank: 0, byCounts: new Array<Array<RankedEntry | undefined> | undefined>(SMALL_COUNTS) }));
      known.push(name);
      known.sort(compareProcedures).forEach((n, i) => ((order.get(n) as DisplayRank).rank = i));
    }
    rankOfRaw.set(raw, rank);
    return rank;
  };
  const countedName = (raw: string): string | null => countedRank(raw)?.name ?? null;

  // Rows of equal procedure and counts give one shared entry (entries are never changed): a region repeats the same few
  // counts thousands of times, and every entry lives as long as the report, so 700 000 of them cost the collector most.
  // Found by two array look-ups, not by hashing a key for each row.
  const entryOf = (r: ProcedureResult, name: string, rank: DisplayRank): RankedEntry => {
    const n = r.participants;
    const f = r.failed;
    if (r.share !== undefined || !isSmallCount(n) || !isSmallCount(f))
      return { name, share: failingShare(r), participants: usable(n), order: rank };
    let byFailed = rank.byCounts[n];
    if (byFailed === undefined) rank.byCounts[n] = byFailed = new Array<RankedEntry | undefined>(n + 1);
    let entry = byFailed[f];
    if (entry === undefined) byFailed[f] = entry = { name, share: failingShare(r), participants: n, order: rank };
    return entry;
  };

  // Schools by position, so that each year's assessment reads them without a look-up by code; rows of other codes are
  // not assessed and not kept.
  const positions = new Map<string, number>();
  const firstPosition = new Int32Array(schoolCodes.length);
  for (let i = 0; i < schoolCodes.length; i++) {
    const first = positions.get(schoolCodes[i]);
    if (first === undefined) positions.set(schoolCodes[i], i);
    firstPosition[i] = first ?? i;
  }
  const byPosition = new Array<SchoolYear[] | undefined>(schoolCodes.length);
  // A school's rows usually come together: its entry is looked up again only when the code changes.
  let lastCode: string | undefined;
  let years: SchoolYear[] | null = null;
  // Indexed, as every pass over all result rows (docs/architecture.md, «Conventions»).
  for (let i = 0; i < results.length; i++) {
    const r = results[i];
    if (!Number.isFinite(r.year) || !wanted(r.year)) continue;
    const rank = countedRank(r.procedure);
    if (rank === null) continue;
    if (r.schoolCode !== lastCode) {
      lastCode = r.schoolCode;
      const at = positions.get(lastCode);
      years = at === undefined ? null : (byPosition[at] ??= []);
    }
    if (years === null) continue;
    let shares: RankedEntry[] | undefined;
    for (let k = 0; k < years.length && shares === undefined; k++) if (years[k].year === r.year) shares = years[k].shares;
    if (shares === undefined) years.push({ year: r.year, shares: (shares = []) });
    addInDisplayOrder(shares, entryOf(r, rank.name, rank));
  }
  const tiedNames = known.some((n, i) => i > 0 && compareProcedures(known[i - 1], n) === 0);
  return { byPosition, firstPosition, countedName, tiedNames };
}

/** Whether a row of `year` is one of the three years the assessment of `reportingYear` reads, and which (0 = Y). */
function yearsBackOf(reportingYear: number, year: number): number | null {
  const yearsBack = reportingYear - year;
  return yearsBack >= 0 && yearsBack < YEARS_BACK && Number.isInteger(yearsBack) ? yearsBack : null;
}

/**
 * ШНОР status of every school in year Y from «Результаты ОП» (docs/методика.md §3), parallel to
 * schoolCodes: only procedures in settings.shnorSubjects count, shares are failingShare of each
 * row; the same rule also gives the status and cluster of Y−1 (with Y−2) for the cluster dynamics
 * of §4. Rows of one school, year and procedure (after normalisation) given twice: the last row
 * with a share wins. A school without rows is «нет данных». The cluster, like the status, is drawn from
 * the counted procedures only (docs/методика.md §3 «the year's procedures» read with its subject setting): a high
 * failing share in another subject neither makes a school ШНОР nor moves its cluster. Procedures are listed in display order
 * (canonical first). meanShareY (for resilient schools) is the mean failing share over the counted
 * procedures of Y. Linear in the number of rows.
 */
export function assessSchools(
  schoolCodes: ReadonlyArray<string>,
  results: ReadonlyArray<ProcedureResult>,
  year: number,
  settings: Settings,
  lost: ReadonlyArray<LostResult> = [],
): SchoolShnor[] {
  const grouped = groupResults(schoolCodes, results, settings, (y) => yearsBackOf(year, y) !== null);
  return assessGroupedSchools(schoolCodes, grouped, year, settings, lost);
}

/**
 * assessSchools for any year of the same results, settings and lost rows (docs/методика.md §3, §4, §9): the rows are
 * grouped once and each year is assessed once, however often it is asked for. A year's list is shared by the callers.
 */
export function assessSchoolsByYear(
  schoolCodes: ReadonlyArray<string>,
  results: ReadonlyArray<ProcedureResult>,
  settings: Settings,
  lost: ReadonlyArray<LostResult> = [],
): (year: number) => SchoolShnor[] {
  const grouped = groupResults(schoolCodes, results, settings, () => true);
  const assessed = new Map<number, SchoolShnor[]>();
  return (year) => {
    let schools = assessed.get(year);
    if (schools === undefined) {
      schools = grouped.tiedNames
        ? assessSchools(schoolCodes, results, year, settings, lost)
        : assessGroupedSchools(schoolCodes, grouped, year, settings, lost);
      assessed.set(year, schools);
    }
    return schools;
  };
}

/** What the words of a year's assessments are made with: one per assessed year, shared by its schools. */
interface WordsContext {
  settings: Settings;
  percentText: PercentText;
}

/**
 * One school's assessment of one year: a class, whose lazy shares and words are getters of its prototype
 * (docs/architecture.md, «Conventions»). The reason, note and small samples are worked out when first read: most
 * assessments (the earlier years', and every school's when no sheet shows them) are only counted.
 */
class AssessedSchool implements SchoolShnor {
  // Declared fields (docs/architecture.md, «Conventions»).
  declare readonly schoolCode: string;
  declare readonly year: number;
  declare readonly status: ShnorStatusLabel;
  declare readonly cluster: ClusterLabel | null;
  declare readonly maxShare: number | null;
  declare readonly previousStatus: ShnorStatusLabel;
  declare readonly previousCluster: ClusterLabel | null;
  declare readonly clusterOrStatus: ClusterOrStatus;
  declare readonly previousClusterOrStatus: ClusterOrStatus;
  declare readonly meanShareY: number | null;
  declare readonly missing: string[];
  /** The counted entries of Y and Y−1, behind sharesY, sharesPrev and the words. */
  declare private readonly countedY: YearShares;
  declare private readonly countedPrev: YearShares;
  declare private readonly context: WordsContext;
  /** What is missing changes the words: the reason of a «неполные данные», a gap noted beside a ШНОР's cluster. */
  declare private readonly incompleteReason: string | null;
  declare private readonly clusterGap: string | null;
  declare private words: ShnorAssessment | null;

  constructor(
    schoolCode: string,
    year: number,
    now: AssessedWithMissing,
    before: ShnorAssessment,
    countedY: YearShares,
    countedPrev: YearShares,
    context: WordsContext,
  ) {
    this.schoolCode = schoolCode;
    this.year = year;
    this.status = now.status;
    this.cluster = now.cluster;
    this.maxShare = now.maxShare;
    this.previousStatus = before.status;
    this.previousCluster = before.cluster;
    this.clusterOrStatus = clusterOrStatus(now);
    this.previousClusterOrStatus = clusterOrStatus(before);
    this.meanShareY = meanShare(countedY);
    this.missing = now.shown;
    this.countedY = countedY;
    this.countedPrev = countedPrev;
    this.context = context;
    this.incompleteReason = now.incompleteReason;
    this.clusterGap = now.clusterGap;
    this.words = null;
  }

  /** The rule's words for what is left (assessYearShares with words); made once. */
  private wordsOfShares(): ShnorAssessment {
    if (this.words === null) {
      const { settings, percentText } = this.context;
      this.words = assessYearShares(this.countedY, this.countedPrev, this.year, settings, percentText);
    }
    return this.words;
  }

  get reason(): string {
    return this.incompleteReason ?? this.wordsOfShares().reason;
  }

  get note(): string {
    const note = this.wordsOfShares().note;
    if (this.clusterGap === null) return note;
    return note ? `${note}; ${this.clusterGap}` : this.clusterGap;
  }

  get smallSample(): string[] {
    return this.wordsOfShares().smallSample;
  }

  // Made only when read: the report shows every procedure's share (not only the counted ones) from its own grouping.
  get sharesY(): Map<string, number | null> {
    return shareMap(this.countedY);
  }

  get sharesPrev(): Map<string, number | null> {
    return shareMap(this.countedPrev);
  }
}

const NO_SHARES: YearShares = [];
const NO_LOST: readonly LostResult[] = [];

function assessGroupedSchools(
  schoolCodes: ReadonlyArray<string>,
  grouped: GroupedResults,
  year: number,
  settings: Settings,
  lost: ReadonlyArray<LostResult>,
): SchoolShnor[] {
  const context: WordsContext = { settings, percentText: memoisedPercent() };
  const lostBySchool = new Map<string, LostResult[]>();
  for (const l of lost) {
    const list = lostBySchool.get(l.schoolCode);
    if (list) list.push(l);
    else lostBySchool.set(l.schoolCode, [l]);
  }
  const out = new Array<SchoolShnor>(schoolCodes.length);
  for (let i = 0; i < schoolCodes.length; i++) {
    const schoolCode = schoolCodes[i];
    const years = grouped.byPosition[grouped.firstPosition[i]];
    let y = NO_SHARES;
    let y1 = NO_SHARES;
    let y2 = NO_SHARES;
    for (let k = 0; years !== undefined && k < years.length; k++) {
      const back = yearsBackOf(year, years[k].year);
      if (back === 0) y = years[k].shares;
      else if (back === 1) y1 = years[k].shares;
      else if (back === 2) y2 = years[k].shares;
    }
    const before = assessYearShares(y1, y2, year - 1, settings, null);
    const left = assessYearShares(y, y1, year, settings, null);
    const missing = missingResults(lostBySchool.get(schoolCode) ?? NO_LOST, y, y1, year, settings.shnorThreshold, grouped.countedName);
    out[i] = new AssessedSchool(schoolCode, year, withMissing(left, missing, y, y1, settings), before, y, y1, context);
  }
  return out;
}

/** The status by what is left, with what is missing: the texts shown, and how they change the words. */
interface AssessedWithMissing {
  status: ShnorStatusLabel;
  cluster: ClusterLabel | null;
  maxShare: number | null;
  shown: string[];
  /** The reason of a «неполные данные» (the list of what is missing); null keeps the rule's reason. */
  incompleteReason: string | null;
  /** Noted after the small samples of a ШНОР whose cluster lacks some of Y; null when nothing is lacking. */
  clusterGap: string | null;
}

/**
 * The status by what is left, corrected for what is missing (docs/методика.md §3 «Неполные данные»): a school that is
 * not ШНОР by what is left, but could be with what is missing, and a school without shares of Y whose rows were
 * rejected, are «неполные данные» with the list as the reason; a ШНОР stays ШНОР (more data only adds failing shares)
 * with a note that its cluster lacks some of Y; otherwise nothing missing matters.
 */
function withMissing(
  left: ShnorAssessment,
  missing: readonly MissingResult[],
  y: YearShares,
  y1: YearShares,
  settings: Settings,
): AssessedWithMissing {
  const kept: AssessedWithMissing = {
    status: left.status,
    cluster: left.cluster,
    maxShare: left.maxShare,
    shown: [],
    incompleteReason: null,
    clusterGap: null,
  };
  if (missing.length === 0) return kept;
  const texts = missing.map((m) => m.text);
  if (left.status === 'ШНОР') {
    const ofY = missing.filter((m) => m.yearsBack === 0).map((m) => m.text);
    if (!ofY.length) return kept;
    return { ...kept, shown: ofY, clusterGap: INCOMPLETE_DATA_MESSAGES.clusterFromPart(ofY) };
  }
  // Without any share of Y the status is already «нет данных», not a guess; it becomes «неполные данные» when rows were
  // given and not used, so that the region knows what to fix (a school that sent nothing for Y stays «нет данных»).
  const incomplete =
    left.status === 'нет данных' ? missing.some((m) => m.kind !== 'noRow') : couldBecomeShnor(missing, y, y1, settings.shnorThreshold);
  if (!incomplete) return kept;
  return { ...kept, status: 'неполные данные', cluster: null, shown: texts, incompleteReason: INCOMPLETE_DATA_MESSAGES.incomplete(texts) };
}
