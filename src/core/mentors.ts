/**
 * Mentor suggestions (школа-наставник, docs/методика.md §3): each ШНОР paired with a resilient or
 * high-result school of its municipality.
 */
import { shareAbove } from './cluster';

export type MentorBasis = 'резильентная' | 'высокие результаты';

export interface MentorSuggestion {
  mentorCode: string;
  mentorName: string;
  basis: MentorBasis;
}

export interface MentorCandidateInput {
  schoolCode: string;
  name: string;
  municipality: string;
  isbsh: number | null;
  isShnor: boolean;
  resilient: boolean;
  meanShare: number | null;
  /**
   * The school in each earlier year of the data, oldest first, the same years for every school (docs/методика.md §3:
   * «устойчиво» high results are judged over every year). Absent or empty: only Y is known, and nobody can be
   * «высокие результаты», which needs at least two years.
   */
  previousYears?: ReadonlyArray<YearResult>;
}

/** A school's mean failing share and status in one year. */
export interface YearResult {
  meanShare: number | null;
  isShnor: boolean;
}

/**
 * Share of a municipality's schools (by mean failing share in Y, best first) that count as
 * «высокие результаты» when suggestMentors is called without one; the pipeline passes
 * Settings.mentorHighResultShare (same default).
 */
export const DEFAULT_HIGH_RESULT_SHARE = 0.25;

function finite(x: number | null): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/**
 * The cut-off mean failing share of the best quarter (highResultShare) of a municipality: the share
 * of the school at place ⌈q·n⌉ when the n schools with a mean share are sorted best first, so that
 * schools tied with it are included and a municipality with any result has at least one.
 */
function highResultCutoff(meanShares: number[], highResultShare: number): number | null {
  if (meanShares.length === 0) return null;
  // A typed array sorts numbers natively: far faster than a comparator over 40 000 values.
  const sorted = Float64Array.from(meanShares).sort();
  const place = Math.max(1, Math.ceil(highResultShare * sorted.length));
  return sorted[Math.min(place, sorted.length) - 1];
}

function byIsbshThenCode(a: MentorCandidateInput, b: MentorCandidateInput): number {
  const ax = finite(a.isbsh) ? a.isbsh : Infinity;
  const bx = finite(b.isbsh) ? b.isbsh : Infinity;
  if (ax !== bx) return ax < bx ? -1 : 1;
  return a.schoolCode < b.schoolCode ? -1 : a.schoolCode > b.schoolCode ? 1 : 0;
}

/** |ΔИСБШ|, Infinity when either index is missing (such a pair is the least similar). */
function isbshDistance(a: MentorCandidateInput, b: MentorCandidateInput): number {
  return finite(a.isbsh) && finite(b.isbsh) ? Math.abs(a.isbsh - b.isbsh) : Infinity;
}

/**
 * Mentor suggestions (docs/методика.md §3). Mentors are the non-ШНОР schools of the mentee's municipality
 * that are resilient, or «высокие результаты» — seed 000's «школы, устойчиво демонстрирующие высокое качество»:
 * in every year of the data (Y and each of previousYears, at least two years) not ШНОР and with a mean failing
 * share within the best quarter (highResultShare) of that year's municipality schools with a mean share (all
 * schools ranked, ties with the cut-off included); a year without results for the school breaks the run. ШНОР schools are served neediest first (ИСБШ ascending, missing ИСБШ last, then
 * Код ОО); each takes the free mentor with the most similar ИСБШ, ties going to a resilient school,
 * then the lower mean share, then Код ОО. One mentee per mentor: when mentors run out the remaining
 * ШНОР get null. The map has every ШНОР school and no other.
 */
export function suggestMentors(
  schools: ReadonlyArray<MentorCandidateInput>,
  highResultShare: number = DEFAULT_HIGH_RESULT_SHARE,
): Map<string, MentorSuggestion | null> {
  const byMunicipality = new Map<string, MentorCandidateInput[]>();
  for (const s of schools) {
    let list = byMunicipality.get(s.municipality);
    if (list === undefined) byMunicipality.set(s.municipality, (list = []));
    list.push(s);
  }

  const result = new Map<string, MentorSuggestion | null>();
  for (const list of byMunicipality.values()) {
    const years = Math.max(0, ...list.map((s) => s.previousYears?.length ?? 0));
    // Year k (0 = oldest … years = Y) of every school of the municipality.
    const inYear = (s: MentorCandidateInput, k: number): YearResult | undefined =>
      k === years ? { meanShare: s.meanShare, isShnor: s.isShnor } : s.previousYears?.[k];
    const cutoffs: Array<number | null> = [];
    for (let k = 0; k <= years; k++) {
      cutoffs.push(highResultCutoff(list.map((s) => inYear(s, k)?.meanShare ?? null).filter(finite), highResultShare));
    }
    // A tie with the cut-off is compared with the share tolerance: a mean of 1/10 and 2/10 (0.15000000000000002) ties 15 %.
    const highInYear = (s: MentorCandidateInput, k: number): boolean => {
      const y = inYear(s, k);
      const cutoff = cutoffs[k];
      return y !== undefined && !y.isShnor && cutoff !== null && finite(y.meanShare) && !shareAbove(y.meanShare, cutoff);
    };
    const isHighResult = (s: MentorCandidateInput): boolean => {
      if (years < 1) return false;
      for (let k = 0; k <= years; k++) if (!highInYear(s, k)) return false;
      return true;
    };
    const free = list.filter((s) => !s.isShnor && (s.resilient || isHighResult(s)));
    const mentees = list.filter((s) => s.isShnor).sort(byIsbshThenCode);

    for (const mentee of mentees) {
      let best = -1;
      for (let i = 0; i < free.length; i++) {
        if (best < 0 || betterMentor(mentee, free[i], free[best])) best = i;
      }
      if (best < 0) {
        result.set(mentee.schoolCode, null);
        continue;
      }
      const [mentor] = free.splice(best, 1);
      result.set(mentee.schoolCode, {
        mentorCode: mentor.schoolCode,
        mentorName: mentor.name,
        basis: mentor.resilient ? 'резильентная' : 'высокие результаты',
      });
    }
  }
  return result;
}

function betterMentor(mentee: MentorCandidateInput, a: MentorCandidateInput, b: MentorCandidateInput): boolean {
  const da = isbshDistance(mentee, a);
  const db = isbshDistance(mentee, b);
  if (da !== db) return da < db;
  if (a.resilient !== b.resilient) return a.resilient;
  const ma = finite(a.meanShare) ? a.meanShare : Infinity;
  const mb = finite(b.meanShare) ? b.meanShare : Infinity;
  if (ma !== mb) return ma < mb;
  return a.schoolCode < b.schoolCode;
}
