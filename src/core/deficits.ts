/**
 * Resource deficits of every school (docs/методика.md §2 «Ресурсные дефициты»): кадровый,
 * инфраструктурный, финансовый.
 */
import { DEFICIT_REASONS } from './messages';
import { normalizeAnswer } from './numbers';
import { formatNumberRu, formatPercent } from './percent';
import type { Settings } from './settings';
import { mean, populationSd } from './stats';
import type { SchoolRecord } from './types';
import { remembered } from './remembered';

/** The specialists of the form's checkbox question, canonical lower-case names (docs/методика.md §1.1). */
export const SPECIALISTS: readonly string[] = Object.freeze([
  'педагог-психолог',
  'учитель-дефектолог',
  'учитель-логопед',
  'социальный педагог',
]);

/** Spellings people use for the specialists, after normalisation (lower case, ё → е, hyphens without spaces). */
const SPECIALIST_SPELLINGS: ReadonlyMap<string, string> = new Map([
  ['педагог-психолог', 'педагог-психолог'],
  ['психолог', 'педагог-психолог'],
  ['учитель-дефектолог', 'учитель-дефектолог'],
  ['дефектолог', 'учитель-дефектолог'],
  ['учитель-логопед', 'учитель-логопед'],
  ['логопед', 'учитель-логопед'],
  ['социальный педагог', 'социальный педагог'],
  ['соц. педагог', 'социальный педагог'],
  ['социальный-педагог', 'социальный педагог'],
  ['соц-педагог', 'социальный педагог'],
  ['соцпедагог', 'социальный педагог'],
  ['педагог-психолог', 'педагог-психолог'],
  ['учитель-дефектолог', 'учитель-дефектолог'],
  ['учитель-логопед', 'учитель-логопед'],
]);

/** Answers that name no specialist: the form's last choice and its short forms. */
const NO_SPECIALIST_ANSWERS: ReadonlySet<string> = new Set([
  'нет',
  'нет ни одного из перечисленных',
  'нет ни одного',
  'отсутствуют',
  'нет специалистов',
  'никого',
]);

/** Two-word spellings written without a hyphen («Педагог психолог», «учитель логопед»). */
const UNHYPHENATED = /^(педагог|учитель)\s+(психолог|дефектолог|логопед)$/;

function normalizeSpecialist(item: string): string {
  const plain = normalizeAnswer(item)
    .replace(/^соц\.\s*/, 'соц-')
    .replace(/\s*[-‐‑–—]\s*/g, '-');
  return plain.replace(UNHYPHENATED, '$1-$2');
}

/**
 * The specialists of a checkbox answer joined by «, » (docs/методика.md §1.1), as canonical names:
 * tolerant of case, ё, extra spaces, missing hyphens («Педагог психолог»), notes in parentheses
 * («социальный педагог (0,5 ставки)»), «и» between items and short forms («Психолог», «соц.
 * педагог»); «нет ни одного из перечисленных» names none. Unknown items (an «Другое»
 * answer) are kept as written, normalised, so nothing the school said is lost, but they do not
 * count for the staffing deficit. Duplicates are dropped. Empty text → [].
 */
export function normalizeSpecialists(list: string): string[] {
  // A region's schools give a few dozen distinct answers: each is split and normalised once (the reader and the
  // deficit rule both ask), and every caller gets its own copy.
  let known = normalizedLists.get(list);
  if (known === undefined) {
    if (normalizedLists.size >= MEMO_LIMIT) normalizedLists.clear();
    normalizedLists.set(list, (known = splitSpecialists(list)));
  }
  return known.slice();
}

const MEMO_LIMIT = 10_000;
const normalizedLists = new Map<string, readonly string[]>();

function splitSpecialists(list: string): string[] {
  const result: string[] = [];
  // Notes in parentheses («(0,5 ставки)») go first: their commas do not separate specialists.
  for (const raw of list.replace(/\([^)]*\)/g, ' ').split(/[,;\n/]|\s+и\s+/)) {
    const item = normalizeSpecialist(raw);
    if (!item || NO_SPECIALIST_ANSWERS.has(item)) continue;
    const canonical = SPECIALIST_SPELLINGS.get(item) ?? item;
    if (!result.includes(canonical)) result.push(canonical);
  }
  return result;
}

/** The items of a normalised list that are none of the four specialists (docs/методика.md §1.1): listed in the data check. */
export function unknownSpecialists(specialists: readonly string[]): string[] {
  return specialists.filter((s) => !SPECIALISTS.includes(s));
}

/** true if any known condition holds; false if every condition is known and none holds; null otherwise. */
function anyOf(conditions: ReadonlyArray<boolean | null>): boolean | null {
  if (conditions.some((c) => c === true)) return true;
  return conditions.every((c) => c === false) ? false : null;
}

/** Mean and population SD of the known values; null when there are none. */
function spread(values: ReadonlyArray<number | null>): { mean: number; sd: number } | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? { mean: mean(known), sd: populationSd(known) } : null;
}

/**
 * Relative tolerance of «more than k SDs below»: the mean and SD of quotients carry binary noise, and a
 * value exactly k SDs below (four schools at 1/2 and one at 0: mean 0,4, SD 0,2, 0 is exactly 2 SD below)
 * must not count as more than k.
 */
const SD_TOLERANCE = 1e-9;

/** Whether x is more than k SDs below the mean; null when x or the spread is unknown. */
function farBelow(x: number | null, s: { mean: number; sd: number } | null, k: number): boolean | null {
  if (x === null || s === null) return null;
  return s.mean - x - k * s.sd > SD_TOLERANCE * Math.max(1, Math.abs(s.mean));
}

function zScore(x: number, s: { mean: number; sd: number }): string {
  return formatNumberRu((x - s.mean) / s.sd, 1);
}

function highestCategoryShare(school: SchoolRecord): number | null {
  const { teachersTotal: total, teachersHighestCategory: highest } = school;
  if (total === null || highest === null || total <= 0 || highest < 0 || highest > total) return null;
  return highest / total;
}

export interface ResourceDeficits {
  staffing: boolean | null;
  infrastructure: boolean | null;
  financial: boolean | null;
  /** The necessary specialists (settings) the school does not have; null when it did not answer the question. */
  missingSpecialists: string[] | null;
  /** Russian phrases for the note column: one per condition that holds. */
  reasons: string[];
}

/**
 * Resource deficits of each school, parallel to `schools` (docs/методика.md §2):
 * кадровый — the share of teachers with the highest category is more than k population SDs below
 * the mean over the schools with that share, or the school lacks the necessary specialists
 * (settings.staffingSpecialists, default педагог-психолог, учитель-дефектолог, социальный педагог):
 * with settings.staffingSpecialistsRule «noneOfThem» (default) when it has none of them, with
 * «anyMissing» when at least one is missing (docs/методика.md §2); инфраструктурный — no stable Internet or not enough
 * computers; финансовый — funding per student more than k SDs below the mean (k =
 * settings.deficitSdK). Each deficit is true when any of its conditions is known to hold, false
 * when all of them are known not to hold, null when the rest are unknown (a missing answer is
 * not evidence either way). With equal values (SD 0) nobody is «below»; a value exactly k SDs below is
 * not «more than» k (compared with a relative tolerance of 1e-9 against binary noise).
 */
export function resourceDeficits(schools: ReadonlyArray<SchoolRecord>, settings: Settings): ResourceDeficits[] {
  const k = settings.deficitSdK;
  const teacherShares = schools.map(highestCategoryShare);
  const teacherSpread = spread(teacherShares);
  const fundingSpread = spread(schools.map((s) => s.fundingPerStudent));
  const necessary = normalizeSpecialists(settings.staffingSpecialists.join(', '));
  // A region's answers name the same few specialists: each spelling is normalised once.
  const itemsOf = remembered(normalizeSpecialists);

  return schools.map((school, i): ResourceDeficits => {
    const reasons: string[] = [];

    const teacherShare = teacherShares[i];
    const fewHighestCategory = farBelow(teacherShare, teacherSpread, k);
    if (fewHighestCategory && teacherShare !== null && teacherSpread) {
      reasons.push(
        DEFICIT_REASONS.lowTeacherShare(
          formatPercent(teacherShare),
          formatPercent(teacherSpread.mean),
          zScore(teacherShare, teacherSpread),
        ),
      );
    }
    const specialists = school.specialists === null ? null : new Set(school.specialists.flatMap((name) => itemsOf(name)));
    const missingSpecialists = specialists === null ? null : necessary.filter((name) => !specialists.has(name));
    const noSpecialists =
      missingSpecialists === null
        ? null
        : settings.staffingSpecialistsRule === 'anyMissing'
          ? missingSpecialists.length > 0
          : missingSpecialists.length === necessary.length;
    if (noSpecialists && missingSpecialists)
      reasons.push(DEFICIT_REASONS.noSpecialists(missingSpecialists, missingSpecialists.length === necessary.length));

    const noInternet = school.stableInternet === null ? null : !school.stableInternet;
    if (noInternet) reasons.push(DEFICIT_REASONS.noInternet);
    const fewComputers = school.enoughComputers === null ? null : !school.enoughComputers;
    if (fewComputers) reasons.push(DEFICIT_REASONS.notEnoughComputers);

    const funding = school.fundingPerStudent;
    const lowFunding = farBelow(funding, fundingSpread, k);
    if (lowFunding && funding !== null && fundingSpread) {
      const rubles = (x: number) => formatNumberRu(x, 0, { groupThousands: true });
      reasons.push(DEFICIT_REASONS.lowFunding(rubles(funding), rubles(fundingSpread.mean), zScore(funding, fundingSpread)));
    }

    return {
      staffing: anyOf([fewHighestCategory, noSpecialists]),
      infrastructure: anyOf([noInternet, fewComputers]),
      financial: lowFunding,
      missingSpecialists,
      reasons,
    };
  });
}
