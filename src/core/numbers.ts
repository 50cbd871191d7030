/**
 * Parsing of the values schools type into the Form (docs/методика.md §1.1): Russian numbers, shares,
 * counts, yes/no answers and the territory type. Every function returns null for «no value»
 * and throws a ValueError with a short Russian message quoting the value in «» for anything it
 * cannot use, so callers can prefix «Лист, строка, столбец». Never NaN, never a silent 0.
 */
import { ValueError } from './errors';
import { NUMBER_MESSAGES } from './messages';
import { decimalShift } from './percent';
import { normalizeText } from './text';
import type { Territory } from './types';
import { remembered } from './remembered';

/** Texts that mean «no value»: empty, and the dashes people put in an empty cell. */
const NO_VALUE_TEXTS: ReadonlySet<string> = new Set(['', '-', '—', '–', '−']);

/** Thousands separators: normal, non-breaking, thin and narrow non-breaking spaces. */
const GROUP_SPACE = '[ \\u00A0\\u2009\\u202F]';
/** Sign, integer part (plain or grouped by threes), decimal part after a comma or a dot. */
const NUMBER_PATTERN = new RegExp(`^([-\\u2212+]?)[ \\u00A0\\u2009\\u202F]*(\\d{1,3}(?:${GROUP_SPACE}\\d{3})+|\\d+)?(?:[.,](\\d+))?$`);
/** A trailing percent sign, with or without a space before it. */
const PERCENT_SUFFIX = /[ \u00A0\u2009\u202F]*%$/;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * How a value is quoted in a rejection message (docs/методика.md §1.1: the message names the value): text as
 * typed (trimmed), numbers with a decimal comma, booleans as Sheets shows them, dates as дд.мм.гггг.
 */
export function quoteValue(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value).replace('.', ',');
  if (typeof value === 'boolean') return value ? 'ИСТИНА' : 'ЛОЖЬ';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return 'неверная дата';
    return `${pad2(value.getDate())}.${pad2(value.getMonth() + 1)}.${value.getFullYear()}`;
  }
  if (value === null || value === undefined) return '';
  return String(value);
}

function isNoValue(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && NO_VALUE_TEXTS.has(value.trim()));
}

/** The number written in `text` (already trimmed, not empty), or undefined when it is not a number. */
function numberFromText(text: string): number | undefined {
  // Numbers typed as text repeat over a column («12,5 %» in many schools): each text is parsed once.
  let x = PARSED.get(text);
  if (x === undefined && !PARSED.has(text)) {
    x = parseNumberText(text);
    if (PARSED.size >= PARSED_CACHE_SIZE) PARSED.clear();
    PARSED.set(text, x);
  }
  return x;
}

const PARSED = new Map<string, number | undefined>();
const PARSED_CACHE_SIZE = 50_000;

function parseNumberText(text: string): number | undefined {
  const match = NUMBER_PATTERN.exec(text);
  if (!match) return undefined;
  const [, sign, integerPart, fractionPart] = match;
  if (integerPart === undefined && fractionPart === undefined) return undefined;
  const digits = (integerPart ?? '0').replace(/[^\d]/g, '');
  const negative = sign === '-' || sign === '\u2212';
  // Built as a plain decimal literal, so the result is the double nearest to what was typed.
  const x = Number(`${negative ? '-' : ''}${digits}.${fractionPart ?? '0'}`);
  return x === 0 ? 0 : x;
}

/** The text before a trailing «%», or null when the text is not written as a percent. */
function percentBody(text: string): string | null {
  return PERCENT_SUFFIX.test(text) ? text.replace(PERCENT_SUFFIX, '') : null;
}

/**
 * A number from a cell (docs/методика.md §1.1): a finite number, or text in Russian notation — «35,5»,
 * «1 234», «1 234,5» (normal, non-breaking or thin spaces between thousands), «−5» or «-5», a
 * decimal dot too («35.5»). Empty, «-», «—», «–» → null. Percent text, booleans, dates and any
 * other text throw ValueError.
 */
export function parseRussianNumber(value: unknown): number | null {
  if (isNoValue(value)) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new ValueError(NUMBER_MESSAGES.notNumber(quoteValue(value)));
    return value === 0 ? 0 : value;
  }
  if (typeof value === 'string') {
    const text = value.trim();
    if (percentBody(text) !== null) throw new ValueError(NUMBER_MESSAGES.percentNotNumber(text));
    const x = numberFromText(text);
    if (x === undefined) throw new ValueError(NUMBER_MESSAGES.notNumber(text));
    return x;
  }
  throw new ValueError(NUMBER_MESSAGES.notNumber(quoteValue(value)));
}

/**
 * The number of a percent written as text («35,5 %», «35,5%») → 35.5; null when the value is not
 * percent text. Throws ValueError when the part before «%» is not a number («abc %»).
 */
export function parsePercentText(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const body = percentBody(text);
  if (body === null) return null;
  const x = numberFromText(body.trim());
  if (x === undefined) throw new ValueError(NUMBER_MESSAGES.notNumber(text));
  return x;
}

// The cell as the message quotes it is only worked out when there is a message to write.
function shareFromPercent(percent: number, quoted: () => string): number {
  if (percent < 0) throw new ValueError(NUMBER_MESSAGES.negative(quoted()));
  if (percent > 100) throw new ValueError(NUMBER_MESSAGES.shareAbove100(quoted()));
  return decimalShift(percent, -2);
}

function shareFromPlainNumber(x: number, quoted: () => string): number {
  if (x < 0) throw new ValueError(NUMBER_MESSAGES.negative(quoted()));
  return x <= 1 ? x : shareFromPercent(x, quoted);
}

/**
 * A share in [0, 1] (docs/методика.md §1.1): «0,355» → 0.355; «35,5 %» or «35,5%» → 0.355; a plain
 * number above 1 is a percent (35.5 → 0.355), so 1 means 100 % unless written «1 %».
 *
 * percentColumn (the column header says «%»): plain numbers typed as text are percents too
 * («0,5» → 0.005). Plain numeric cells still follow the «above 1 is a percent» rule, because
 * Sheets itself turns a typed «50 %» into the number 0.5, so a number ≤ 1 there is already a
 * fraction. Negative → ValueError «отрицательное значение», above 100 % → «доля больше 100 %».
 * Empty, «-», «—» → null.
 */
export function parseShare(value: unknown, options?: { percentColumn?: boolean }): number | null {
  if (isNoValue(value)) return null;
  if (typeof value === 'string') {
    // A column of shares typed as text repeats a few hundred texts over 40 000 rows: each is read once.
    const memo = options?.percentColumn ? SHARE_TEXTS_IN_PERCENT_COLUMN : SHARE_TEXTS;
    let known = memo.get(value);
    if (known === undefined) {
      known = shareTextOutcome(value, options?.percentColumn === true);
      if (memo.size >= PARSED_CACHE_SIZE) memo.clear();
      memo.set(value, known);
    }
    if (typeof known === 'string') throw new ValueError(known);
    return known;
  }
  const x = parseRussianNumber(value) as number;
  return shareFromPlainNumber(x, () => quoteValue(value));
}

/** A share text's share, or the message of its rejection (a string). */
const SHARE_TEXTS = new Map<string, number | string>();
const SHARE_TEXTS_IN_PERCENT_COLUMN = new Map<string, number | string>();

function shareTextOutcome(value: string, percentColumn: boolean): number | string {
  const text = value.trim();
  const quoted = () => text;
  try {
    const percent = parsePercentText(text);
    if (percent !== null) return shareFromPercent(percent, quoted);
    const x = parseRussianNumber(text) as number;
    return percentColumn ? shareFromPercent(x, quoted) : shareFromPlainNumber(x, quoted);
  } catch (e) {
    if (e instanceof ValueError) return e.message;
    throw e;
  }
}

/**
 * A count of students or teachers (docs/методика.md §1.1): a non-negative whole number, as a number or
 * Russian text («1 234»). A value written with «%», a negative or a fractional number throws
 * ValueError. Empty, «-», «—» → null.
 */
export function parseCount(value: unknown): number | null {
  if (typeof value === 'string' && percentBody(value.trim()) !== null) {
    throw new ValueError(NUMBER_MESSAGES.percentInCount(value.trim()));
  }
  const x = parseRussianNumber(value);
  if (x === null) return null;
  if (x < 0) throw new ValueError(NUMBER_MESSAGES.negative(quoteValue(value)));
  if (!Number.isInteger(x)) throw new ValueError(NUMBER_MESSAGES.countNotInteger(quoteValue(value)));
  return x;
}

/**
 * A share from a count: count ÷ total (docs/методика.md §2, «each p is count ÷ Всего обучающихся»).
 * Null when either is null or total is 0; a count above the total throws ValueError.
 */
export function shareFromCount(count: number | null, total: number | null): number | null {
  if (count === null || total === null || total === 0) return null;
  if (count < 0) throw new ValueError(NUMBER_MESSAGES.negative(quoteValue(count)));
  if (count > total) throw new ValueError(NUMBER_MESSAGES.countAboveTotal(quoteValue(total), quoteValue(count)));
  return count / total;
}

/**
 * Lower case, ё → е, single spaces, no trailing dots: how free-text answers of the form are compared
 * with known answers (docs/методика.md §1.1: match by normalised text, not exact text).
 */
// A column of answers repeats a few spellings 40 000 times: each is normalised once.
export const normalizeAnswer: (text: string) => string = remembered((text) =>
  normalizeText(text)
    .replace(/[.!]+$/, '')
    .trim(),
);

/**
 * Answers to yes/no questions (normalised). «+» / «-» are the usual marks in a table; other
 * dashes mean no answer, like in number columns.
 */
const YES_NO_ANSWERS: ReadonlyMap<string, boolean> = new Map([
  ['да', true],
  ['есть', true],
  ['имеется', true],
  ['достаточно', true],
  ['yes', true],
  ['true', true],
  ['истина', true],
  ['+', true],
  ['нет', false],
  ['отсутствует', false],
  ['не имеется', false],
  ['недостаточно', false],
  ['no', false],
  ['false', false],
  ['ложь', false],
  ['-', false],
]);

/** Answers that are neither yes nor no: asked about, never read as one of them. */
const PARTIAL_ANSWERS: ReadonlySet<string> = new Set(['частично', 'не полностью', 'не всегда', 'иногда', 'частично имеется']);

/**
 * A yes/no answer (docs/методика.md §1.1: Труднодоступная территория, Интернет, компьютеры):
 * «да», «есть», «имеется», «достаточно», «yes», «+», true → true; «нет», «отсутствует»,
 * «не имеется», «недостаточно», «no», «-», false → false (any case, ё = е). Empty, «—», «–» →
 * null; «частично» (and the like) throws a ValueError asking which it is; anything else throws ValueError.
 */
export function parseYesNo(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw new ValueError(NUMBER_MESSAGES.notYesNo(quoteValue(value)));
  const answer = normalizeAnswer(value);
  const known = YES_NO_ANSWERS.get(answer);
  if (known !== undefined) return known;
  if (NO_VALUE_TEXTS.has(answer)) return null;
  if (PARTIAL_ANSWERS.has(answer)) throw new ValueError(NUMBER_MESSAGES.partly(value.trim()));
  throw new ValueError(NUMBER_MESSAGES.notYesNo(value.trim()));
}

/**
 * Ways to write the territory type (normalised, trailing dots removed so «г.» = «г»). Urban-type
 * settlements (пгт, рабочий посёлок) count as город, as in Rosstat's urban/rural split; a plain
 * посёлок, деревня, станица, хутор, аул count as село.
 */
const TERRITORY_ANSWERS: ReadonlyMap<string, Territory> = new Map<string, Territory>([
  ['город', 'город'],
  ['г', 'город'],
  ['городская', 'город'],
  ['городской', 'город'],
  ['городское', 'город'],
  ['городская местность', 'город'],
  ['городская территория', 'город'],
  ['городской населенный пункт', 'город'],
  ['пгт', 'город'],
  ['поселок городского типа', 'город'],
  ['рабочий поселок', 'город'],
  ['село', 'село'],
  ['с', 'село'],
  ['сельская', 'село'],
  ['сельский', 'село'],
  ['сельское', 'село'],
  ['сельская местность', 'село'],
  ['сельская территория', 'село'],
  ['сельский населенный пункт', 'село'],
  ['поселок', 'село'],
  ['п', 'село'],
  ['деревня', 'село'],
  ['станица', 'село'],
  ['хутор', 'село'],
  ['аул', 'село'],
]);

/**
 * The territory type (docs/методика.md §1.1): «город», «г.», «городская (местность)», «пгт», «городской
 * округ», «р.п.», and a place name after such a prefix («г. Заречный») → 'город'; «село», «с.»,
 * «сельская (местность)», «посёлок», «деревня», «с. Луговое» → 'село' (any case, ё = е).
 * Empty or a dash → null; anything else throws ValueError.
 */
export function parseTerritory(value: unknown): Territory | null {
  if (isNoValue(value)) return null;
  if (typeof value !== 'string') throw new ValueError(NUMBER_MESSAGES.notTerritory(quoteValue(value)));
  const answer = normalizeAnswer(value);
  const known = TERRITORY_ANSWERS.get(answer) ?? territoryOfPlaceName(answer);
  if (known === undefined) throw new ValueError(NUMBER_MESSAGES.notTerritory(value.trim()));
  return known;
}

/**
 * The kind of settlement written before a place name, as addresses write it: «г. Заречный»,
 * «городской округ …», «р.п. …», «пгт …» → город; «с. Луговое», «д. …», «п. …», «ст-ца …» → село.
 * Longer prefixes first, so «р.п.» is not read as «п.».
 */
const PLACE_PREFIXES: ReadonlyArray<{ pattern: RegExp; territory: Territory }> = [
  {
    pattern:
      /^(?:(?:городской округ|муниципальный округ город|го|рп|пгт|рабочий поселок|поселок городского типа)\s+|(?:г\.\s*о|р\.\s*п|пгт|п\.\s*г\.\s*т)\.\s*)/,
    territory: 'город',
  },
  { pattern: /^(?:город\s+|г\.\s*)/, territory: 'город' },
  { pattern: /^(?:(?:село|деревня|поселок|станица|ст-ца|хутор|аул)\s+|(?:с|д|п|пос|ст|ст-ца|х)\.\s*)/, territory: 'село' },
];

/** «г. Заречный» → город, «с. Луговое» → село: the prefix of a place name (the name itself must follow). */
function territoryOfPlaceName(answer: string): Territory | undefined {
  if (answer === 'городской округ' || answer === 'р.п' || answer === 'р. п' || answer === 'рп') return 'город';
  for (const { pattern, territory } of PLACE_PREFIXES) {
    const m = pattern.exec(answer);
    if (m && answer.length > m[0].length && /^[а-яa-z0-9«"]/.test(answer.slice(m[0].length).trim())) return territory;
  }
  return undefined;
}
