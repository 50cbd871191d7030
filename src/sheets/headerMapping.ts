/**
 * Which column of the Form's responses sheet holds which field (docs/методика.md §1.1: «match them by
 * normalised keywords, not exact text, since every region words its form a little differently;
 * let the user fix the mapping»).
 */
import { UserError } from '../core/errors';
import { FIELDS, FIELD_IDS, GENERIC_STEMS, fieldSpec, isFieldId, type FieldId, type FieldSpec } from './fields';
import { missingColumnsMessage } from './messages';

/** Column index (0-based) of each field in the header row; null = not found. */
export type ColumnMapping = Record<FieldId, number | null>;

export interface AutoMapping {
  mapping: ColumnMapping;
  /** Fields that two or more columns fit equally well: none of them is mapped, the user chooses. */
  ambiguous: Array<{ field: FieldId; columns: number[] }>;
  /** Columns with a header that no field claimed (including the losers of a better match). */
  unknownColumns: number[];
  /** Columns whose header says «доля» or «%»: they hold shares, not counts. */
  shareColumns: Set<number>;
}

/** A mapping as the UI stores it: header text → field id, or null for «not a field» (ignore it). */
export interface StoredMapping {
  version: 1;
  columns: Record<string, FieldId | null>;
}

/** The count words are one concept: «кол-во», «количество», «число». */
const COUNT_STEM = 'количество';
/** «обучающихся», «учащихся», «детей», «учеников» … are one concept. */
const STUDENT_STEM = 'обучающиеся';

const SYNONYMS: ReadonlyMap<string, string> = new Map([
  ['количество', COUNT_STEM],
  ['количества', COUNT_STEM],
  ['количеству', COUNT_STEM],
  ['число', COUNT_STEM],
  ['числа', COUNT_STEM],
  ['обучающихся', STUDENT_STEM],
  ['обучающиеся', STUDENT_STEM],
  ['обучающимся', STUDENT_STEM],
  ['обучающимися', STUDENT_STEM],
  ['обучающийся', STUDENT_STEM],
  ['обучающегося', STUDENT_STEM],
  ['обучающемуся', STUDENT_STEM],
  ['учащихся', STUDENT_STEM],
  ['учащиеся', STUDENT_STEM],
  ['учащимся', STUDENT_STEM],
  ['учащегося', STUDENT_STEM],
  ['учащийся', STUDENT_STEM],
  ['детей', STUDENT_STEM],
  ['дети', STUDENT_STEM],
  ['детям', STUDENT_STEM],
  ['ребенка', STUDENT_STEM],
  ['ребенок', STUDENT_STEM],
  ['учеников', STUDENT_STEM],
  ['ученики', STUDENT_STEM],
  ['ученика', STUDENT_STEM],
  ['школьников', STUDENT_STEM],
]);

/** Words that carry no meaning for matching. */
const STOP_WORDS: ReadonlySet<string> = new Set([
  'и', 'в', 'во', 'на', 'с', 'со', 'из', 'для', 'по', 'к', 'ко', 'от', 'до', 'за', 'о', 'об', 'а', 'у', 'не', 'ни',
  'или', 'их', 'том', 'чьи', 'чей', 'чья', 'которых', 'которые', 'который', 'которого', 'которой', 'которым',
  'является', 'являются', 'являющихся', 'ли', 'как', 'при', 'под', 'это', 'да', 'нет', 'чел', 'человек', 'ед', 'шт',
  'ваш', 'вашей', 'вашем', 'вашего', 'укажите', 'the', 'of',
]);

/** Russian endings stripped by the light stemmer, longest first. */
const ENDINGS: readonly string[] = [
  'иями', 'ями', 'ами', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'ией',
  'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ый', 'ий', 'ой', 'ей', 'ую', 'юю', 'ых', 'их', 'ым', 'им', 'ом', 'ем',
  'ам', 'ям', 'ах', 'ях', 'ов', 'ев', 'ью', 'ия',
  'а', 'я', 'о', 'е', 'ы', 'и', 'у', 'ю', 'ь', 'й',
];
const MIN_STEM = 3;

function stem(word: string): string {
  if (word.length <= MIN_STEM) return word;
  for (const ending of ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= MIN_STEM) return word.slice(0, -ending.length);
  }
  return word;
}

/**
 * A header as a bag of stems (docs/методика.md §1.1): lower case, ё → е, punctuation and numbers dropped,
 * «кол-во»/«количество»/«число» → «количество», «обучающихся»/«учащихся»/«детей»/«обучающиеся» →
 * «обучающиеся», stop words dropped, a light Russian stemmer on the rest; sorted and unique, so word
 * order does not matter.
 */
export function normalizeHeader(header: string): string[] {
  const text = String(header)
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/в\s*т\.\s*ч\.?|в\s+том\s+числе/g, ' ')
    .replace(/кол[-.\s]*во(?![а-я])/g, ' количество ')
    .replace(/[^a-zа-я0-9]+/g, ' ');
  const stems = new Set<string>();
  for (const word of text.split(' ')) {
    if (!word || STOP_WORDS.has(word) || /^\d+$/.test(word)) continue;
    stems.add(SYNONYMS.get(word) ?? stem(word));
  }
  return [...stems].sort();
}

/** Whether a header says the column holds shares: «доля», «%», «процент» (docs/методика.md §1.1). */
export function isShareHeader(header: string): boolean {
  if (header.includes('%')) return true;
  return normalizeHeader(header).some((s) => s === 'дол' || s.startsWith('процент'));
}

/** Whether a header says its numbers are percents («%», «в процентах»), so «35,5» means 35,5 % (docs/методика.md §1.1). */
export function isPercentHeader(header: string): boolean {
  return header.includes('%') || normalizeHeader(header).some((s) => s.startsWith('процент'));
}

function matchesKeyword(stemText: string, keyword: string): boolean {
  return keyword.split('|').some((alt) => (alt.endsWith('$') ? stemText === alt.slice(0, -1) : stemText.startsWith(alt)));
}

const SCORE_PER_GROUP = 10;
/** A group made only of the count or student word says little: «Количество обучающихся» fits many fields. */
const SCORE_PER_WEAK_GROUP = 3;
const WEAK_GROUPS: ReadonlySet<string> = new Set([`${COUNT_STEM}$`, `${STUDENT_STEM}$`]);
const SCORE_PER_EXPLAINED = 1;
const PENALTY_PER_UNEXPLAINED = 6;
const MIN_SCORE = 5;

/**
 * How well a header fits a field: 10 per required group of the best signature (3 for a group that is only
 * the count or the student word), +1 per stem the field's own words explain, 0 for generic words (the
 * school, units, «количество»), −6 per stem nothing explains; null when no signature matches, an excluded
 * word is present or the score is below 5. Integers, so equal scores are exactly equal.
 */
export function scoreHeader(stems: readonly string[], spec: FieldSpec): number | null {
  const kw = spec.keywords;
  if (stems.some((s) => kw.exclude.some((k) => matchesKeyword(s, k)))) return null;
  let best: number | null = null;
  for (const signature of kw.signatures) {
    if (!signature.every((group) => stems.some((s) => matchesKeyword(s, group)))) continue;
    const own = [...signature, ...kw.vocabulary];
    const explained = stems.filter((s) => own.some((k) => matchesKeyword(s, k))).length;
    const generic = stems.filter((s) => !own.some((k) => matchesKeyword(s, k)) && GENERIC_STEMS.some((k) => matchesKeyword(s, k))).length;
    const unexplained = stems.length - explained - generic;
    const groups = signature.reduce((sum, g) => sum + (WEAK_GROUPS.has(g) ? SCORE_PER_WEAK_GROUP : SCORE_PER_GROUP), 0);
    const score = groups + SCORE_PER_EXPLAINED * explained - PENALTY_PER_UNEXPLAINED * unexplained;
    if (score >= MIN_SCORE && (best === null || score > best)) best = score;
  }
  return best;
}

/** The fields a header's stems fit with the highest score (several when they tie), or null when none fits. */
function topFields(stems: readonly string[], fields: readonly FieldSpec[]): { fields: FieldId[]; score: number } | null {
  let best: { fields: FieldId[]; score: number } | null = null;
  for (const spec of fields) {
    const score = scoreHeader(stems, spec);
    if (score === null) continue;
    if (!best || score > best.score) best = { fields: [spec.id], score };
    else if (score === best.score) best.fields.push(spec.id);
  }
  return best;
}

/** The one field a header fits best (docs/методика.md §1.1), or null when none fits or two fit equally. */
export function bestFieldFor(header: string, fields: readonly FieldSpec[] = FIELDS): FieldId | null {
  const best = topFields(normalizeHeader(header), fields);
  return best && best.fields.length === 1 ? best.fields[0] : null;
}

function emptyMapping(): ColumnMapping {
  return Object.fromEntries(FIELD_IDS.map((id) => [id, null])) as ColumnMapping;
}

/**
 * Maps header texts to fields by keywords (docs/методика.md §1.1). Each column goes to the field it fits best;
 * of several columns that fit one field, the higher score wins and the others become unknown columns;
 * equal scores (or a column that fits two fields equally) make the field ambiguous, left for the user.
 * Blank headers are neither mapped nor unknown.
 */
export function autoMapColumns(headers: readonly string[], fields: readonly FieldSpec[] = FIELDS): AutoMapping {
  const mapping = emptyMapping();
  const shareColumns = new Set<number>();
  const bestFields: Array<{ fields: FieldId[]; score: number } | null> = headers.map((header, column) => {
    if (isShareHeader(String(header))) shareColumns.add(column);
    const stems = normalizeHeader(String(header));
    return stems.length ? topFields(stems, fields) : null;
  });

  const ambiguous: AutoMapping['ambiguous'] = [];
  const used = new Set<number>();
  for (const spec of fields) {
    const candidates = bestFields.flatMap((b, column) => (b && b.fields.includes(spec.id) ? [{ column, score: b.score }] : []));
    if (!candidates.length) continue;
    const top = Math.max(...candidates.map((c) => c.score));
    const winners = candidates.filter((c) => c.score === top).map((c) => c.column);
    if (winners.length === 1 && bestFields[winners[0]]!.fields.length === 1) {
      mapping[spec.id] = winners[0];
      used.add(winners[0]);
    } else {
      ambiguous.push({ field: spec.id, columns: winners });
      winners.forEach((c) => used.add(c));
    }
  }
  const unknownColumns = headers.flatMap((h, column) => (String(h).trim() !== '' && !used.has(column) ? [column] : []));
  return { mapping, ambiguous, unknownColumns, shareColumns };
}

/** Fields the sheet cannot be read without (required 'yes', docs/методика.md §1.1) that are not mapped. */
export function missingRequired(mapping: ColumnMapping, fields: readonly FieldSpec[] = FIELDS): FieldId[] {
  return fields.filter((f) => f.required === 'yes' && mapping[f.id] === null).map((f) => f.id);
}

/** ИСБШ inputs (required 'isbsh', docs/методика.md §2) that are not mapped: the index will be empty for every school. */
export function missingForIsbsh(mapping: ColumnMapping, fields: readonly FieldSpec[] = FIELDS): FieldId[] {
  return fields.filter((f) => f.required === 'isbsh' && mapping[f.id] === null).map((f) => f.id);
}

/** The UserError for missing required columns (docs/методика.md §1.1 «let the user fix the mapping»): what is missing, what was found, where to fix it. */
export function missingColumnsError(sheetName: string, missing: readonly FieldId[], headers: readonly string[]): UserError {
  const labels = missing.map((id) => fieldSpec(id).label);
  return new UserError(missingColumnsMessage(sheetName, labels, headers.map((h) => String(h).trim())));
}

/** Longest header text stored as it is; longer ones are shortened with a checksum (a property value holds at most 9 KB). */
const MAX_KEY_LENGTH = 100;

/** The key a header is stored under: its trimmed text, or for a long one its start and a checksum of the whole. */
export function headerKey(header: unknown): string {
  const text = String(header ?? '').trim();
  if (text.length <= MAX_KEY_LENGTH) return text;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `${text.slice(0, 60)}…#${hash.toString(36)}`;
}

/**
 * The user's mapping (docs/методика.md §1.1) as JSON for document properties, keyed by header text (headerKey) so a
 * reordered sheet still maps. Besides the mapped columns it stores, as null, only the columns the automatic matching
 * would have taken for a field but the user left out, so «ignore this column» survives while the value stays small
 * (a form of 70 long questions must not pass the 9 KB limit of a property).
 */
export function serializeMapping(mapping: ColumnMapping, headers: readonly string[]): string {
  const columns: Record<string, FieldId | null> = {};
  const chosen = new Set(FIELD_IDS.map((id) => mapping[id]).filter((c): c is number => c !== null && c !== undefined));
  const auto = autoMapColumns(headers);
  for (const id of FIELD_IDS) {
    const column = auto.mapping[id];
    if (column !== null && !chosen.has(column)) {
      const key = headerKey(headers[column]);
      if (key) columns[key] = null;
    }
  }
  for (const id of FIELD_IDS) {
    const column = mapping[id];
    if (column === null || column === undefined) continue;
    const key = headerKey(headers[column]);
    if (key) columns[key] = id;
  }
  const stored: StoredMapping = { version: 1, columns };
  return JSON.stringify(stored);
}

/** A stored mapping (docs/методика.md §1.1) read back; null when the text is empty or not a mapping. Unknown field ids are dropped. */
export function parseStoredMapping(json: string | null | undefined): StoredMapping | null {
  if (!json) return null;
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return null;
  }
  if (!data || typeof data !== 'object') return null;
  const raw = (data as { columns?: unknown }).columns;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const columns: Record<string, FieldId | null> = {};
  for (const [header, id] of Object.entries(raw as Record<string, unknown>)) {
    if (id === null || isFieldId(id)) columns[header] = id;
  }
  return { version: 1, columns };
}

/**
 * The mapping for these headers (docs/методика.md §1.1): the stored choices first (by header text; the first column with that
 * text), then automatic matching for the fields and columns the stored mapping does not settle. A stored
 * field whose header is gone is matched automatically again.
 */
export function mappingFor(headers: readonly string[], stored: StoredMapping | null): AutoMapping {
  const auto = autoMapColumns(headers);
  if (!stored) return auto;
  const mapping = emptyMapping();
  const settledColumns = new Set<number>();
  const settledFields = new Set<FieldId>();
  const keys = headers.map(headerKey);
  for (const [key, id] of Object.entries(stored.columns)) {
    const column = keys.indexOf(key);
    if (column < 0) continue;
    settledColumns.add(column);
    if (id !== null && !settledFields.has(id)) {
      mapping[id] = column;
      settledFields.add(id);
    }
  }
  const ambiguous: AutoMapping['ambiguous'] = [];
  for (const id of FIELD_IDS) {
    if (settledFields.has(id)) continue;
    const column = auto.mapping[id];
    if (column !== null && !settledColumns.has(column)) {
      mapping[id] = column;
      settledColumns.add(column);
    }
  }
  for (const a of auto.ambiguous) {
    if (settledFields.has(a.field)) continue;
    const columns = a.columns.filter((c) => !settledColumns.has(c));
    if (columns.length) ambiguous.push({ field: a.field, columns });
  }
  const mapped = new Set(Object.values(mapping).filter((c): c is number => c !== null));
  const inAmbiguity = new Set(ambiguous.flatMap((a) => a.columns));
  const unknownColumns = keys.flatMap((t, column) => (t !== '' && !mapped.has(column) && !inAmbiguity.has(column) ? [column] : []));
  return { mapping, ambiguous, unknownColumns, shareColumns: auto.shareColumns };
}
