/**
 * The one header matcher of every input sheet (docs/методика.md §1.1: «match them by normalised keywords, not exact
 * text … let the user fix the mapping»). In order:
 *   1. a header equal to a field's canonical title (case, ё, spaces and end punctuation aside) is that field;
 *   2. every other header is scored against every field: trigram TF-IDF cosine to the field's corpus (similarity.ts),
 *      times the evidence of the column's values (a column whose values mostly do not fit the field keeps half);
 *   3. one-to-one assignment, best pair first, with a margin: a column that fits two fields within MARGIN, or a field
 *      that two columns fit within MARGIN, is ambiguous (both are named; neither is guessed), never «не найден»;
 *      a column is only given a field within MARGIN of the best it fits at all, so a column whose field another
 *      column took better («Количество обучающихся» beside «Всего обучающихся») is not pushed onto its runner-up.
 */
import { isBlankCell, normalizeText } from './cells';
import type { InputField, InputSchema } from './schema';
import { headerSimilarity } from './similarity';

/** Below this a header is not taken for a field (tuned by leave-one-out over the corpora, test/sheets/input/corpus.test.ts). */
export const MIN_SCORE = 0.35;
/** Two candidates closer than this are ambiguous. */
export const MARGIN = 0.1;
/** A header this close to a field is named as a candidate in «Проверка данных» even when not taken. */
export const CANDIDATE_FLOOR = 0.3;
/** The share of a column's sample values that must fit a field for the values to support it. */
const MIN_FIT = 0.8;
/** What is left of the score when the values do not support the field. */
const EVIDENCE_PENALTY = 0.5;
/** How many data rows the value evidence looks at (the first ones: the sidebar reads the same rows as the run). */
export const SAMPLE_ROWS = 50;

export interface Candidate<K extends string> {
  field: K;
  score: number;
}

export interface HeaderMatch<K extends string> {
  /** The 0-based column of each field; null — no column. */
  columns: Record<K, number | null>;
  /** Fields that two or more columns fit equally well: none of them is taken, the user chooses. */
  ambiguous: Array<{ field: K; columns: number[] }>;
  /** Columns that fit two or more fields equally well: the column is not taken, the user chooses. */
  ambiguousColumns: Array<{ column: number; fields: K[] }>;
  /** Non-blank headers that no field took and that are not in an ambiguity (including columns settled as «not a field»). */
  unknownColumns: number[];
  /** Per column, the fields it is close to, best first (at most three, score ≥ CANDIDATE_FLOOR). */
  candidates: Array<Array<Candidate<K>>>;
}

export interface MatchOptions<K extends string> {
  /** Data rows below the header (at most SAMPLE_ROWS are looked at), for evidence from values. */
  samples?: ReadonlyArray<readonly unknown[] | undefined>;
  /** Fields the user has settled, with their columns; those fields and columns are not matched again. */
  settledFields?: Partial<Record<K, number>>;
  /** Columns the user has settled as «not a field». */
  settledColumns?: ReadonlySet<number>;
}

/** How a title is compared for an exact match: case, ё, runs of spaces and punctuation at the ends forgiven. */
export function titleKey(text: string): string {
  return normalizeText(text).replace(/^[\s.:;,*]+|[\s.:;,*?]+$/g, '');
}

function evidence<K extends string>(field: InputField<K>, values: readonly unknown[]): number {
  if (!field.accepts || !values.length) return 1;
  // Stops as soon as the outcome is known either way: a parser that rejects a value throws, and throwing is slow.
  const n = values.length;
  let fit = 0;
  for (let i = 0; i < n; i++) {
    if (fit / n >= MIN_FIT) return 1;
    if ((fit + n - i) / n < MIN_FIT) return EVIDENCE_PENALTY;
    try {
      if (field.accepts(values[i])) fit++;
    } catch {
      // a parser that throws says the value does not fit
    }
  }
  return fit / n >= MIN_FIT ? 1 : EVIDENCE_PENALTY;
}

function columnSample(samples: MatchOptions<string>['samples'], column: number): unknown[] {
  const out: unknown[] = [];
  if (!samples) return out;
  for (let r = 0; r < samples.length && r < SAMPLE_ROWS; r++) {
    const v = samples[r]?.[column];
    if (!isBlankCell(v)) out.push(v);
  }
  return out;
}

/** The scores of one header against every field (similarity × value evidence), in the schema's field order. */
export function scoreHeader<K extends string>(schema: InputSchema<K>, header: string, values: readonly unknown[] = []): Map<K, number> {
  const similarity = headerSimilarity(schema, header);
  const out = new Map<K, number>();
  for (const field of schema.fields) {
    // The values are tried only where the title resembles the field: a product with 0 stays 0, and trying every column's
    // sample with every field's parser was most of the matching.
    const s = similarity.get(field.key) ?? 0;
    out.set(field.key, s === 0 ? 0 : s * evidence(field, values));
  }
  return out;
}

/**
 * Matches a header row to a schema's fields (see the module comment). `headers` are the header cells as text;
 * blank headers are neither matched nor unknown.
 */
export function matchHeaders<K extends string>(
  schema: InputSchema<K>,
  headers: readonly string[],
  options: MatchOptions<K> = {},
): HeaderMatch<K> {
  const keys = schema.fields.map((f) => f.key);
  const columns = Object.fromEntries(keys.map((k) => [k, null])) as Record<K, number | null>;
  const freeField = new Set<K>(keys);
  const freeColumn = new Set<number>();
  headers.forEach((h, c) => {
    if (String(h ?? '').trim() !== '' && !options.settledColumns?.has(c)) freeColumn.add(c);
  });
  for (const [k, c] of Object.entries(options.settledFields ?? {}) as Array<[K, number]>) {
    if (!freeField.has(k) || c === undefined) continue;
    columns[k] = c;
    freeField.delete(k);
    freeColumn.delete(c);
  }
  const ambiguous: HeaderMatch<K>['ambiguous'] = [];
  const ambiguousColumns: HeaderMatch<K>['ambiguousColumns'] = [];
  const inAmbiguity = new Set<number>();

  // 1. Exact titles.
  for (const field of schema.fields) {
    if (!freeField.has(field.key)) continue;
    const title = titleKey(field.title);
    const exact = [...freeColumn].filter((c) => titleKey(headers[c]) === title);
    if (exact.length === 1) {
      columns[field.key] = exact[0];
      freeField.delete(field.key);
      freeColumn.delete(exact[0]);
    } else if (exact.length > 1) {
      ambiguous.push({ field: field.key, columns: exact });
      freeField.delete(field.key);
      exact.forEach((c) => {
        freeColumn.delete(c);
        inAmbiguity.add(c);
      });
    }
  }

  // 2. Scores of every column that is still free, against every field.
  const scores = new Map<number, Map<K, number>>();
  const candidates: HeaderMatch<K>['candidates'] = headers.map(() => []);
  headers.forEach((header, c) => {
    if (String(header ?? '').trim() === '') return;
    const s = scoreHeader(schema, header, columnSample(options.samples, c));
    scores.set(c, s);
    candidates[c] = [...s]
      .filter(([, score]) => score >= CANDIDATE_FLOOR)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([field, score]) => ({ field, score }));
  });
  const score = (c: number, k: K) => scores.get(c)?.get(k) ?? 0;
  const bestAtAll = new Map<number, number>([...scores].map(([c, s]) => [c, Math.max(0, ...s.values())]));
  const bestFreeField = (c: number, except?: K): { field: K; score: number } | null => {
    let best: { field: K; score: number } | null = null;
    for (const k of keys)
      if (k !== except && freeField.has(k) && (!best || score(c, k) > best.score)) best = { field: k, score: score(c, k) };
    return best;
  };

  // 3. One-to-one, best pair first, with a margin.
  for (;;) {
    let top: { column: number; field: K; score: number } | null = null;
    for (const c of freeColumn) {
      for (const k of keys) {
        if (!freeField.has(k)) continue;
        const s = score(c, k);
        if (s >= MIN_SCORE && s > (bestAtAll.get(c) ?? 0) - MARGIN && (!top || s > top.score)) top = { column: c, field: k, score: s };
      }
    }
    if (!top) break;
    const rivalField = bestFreeField(top.column, top.field);
    if (rivalField && rivalField.score >= MIN_SCORE && top.score - rivalField.score < MARGIN) {
      ambiguousColumns.push({ column: top.column, fields: [top.field, rivalField.field] });
      freeColumn.delete(top.column);
      inAmbiguity.add(top.column);
      continue;
    }
    // Another column is a rival only if this field is (nearly) the best it could have.
    const rivals = [...freeColumn].filter((c) => {
      if (c === top!.column) return false;
      const s = score(c, top!.field);
      const own = bestFreeField(c);
      return s >= MIN_SCORE && top!.score - s < MARGIN && own !== null && own.score - s < MARGIN;
    });
    if (rivals.length) {
      const all = [top.column, ...rivals].sort((a, b) => a - b);
      ambiguous.push({ field: top.field, columns: all });
      freeField.delete(top.field);
      all.forEach((c) => {
        freeColumn.delete(c);
        inAmbiguity.add(c);
      });
      continue;
    }
    columns[top.field] = top.column;
    freeField.delete(top.field);
    freeColumn.delete(top.column);
  }

  const taken = new Set(Object.values(columns).filter((c): c is number => c !== null));
  const unknownColumns = headers.flatMap((h, c) => (String(h ?? '').trim() !== '' && !taken.has(c) && !inAmbiguity.has(c) ? [c] : []));
  return { columns, ambiguous, ambiguousColumns, unknownColumns, candidates };
}

/** The best field for one header alone (no rival columns), or null when none reaches MIN_SCORE or two are within MARGIN. */
export function bestFieldForHeader<K extends string>(schema: InputSchema<K>, header: string): { field: K | null; ambiguous: K[] } {
  const exact = schema.fields.find((f) => titleKey(f.title) === titleKey(header));
  if (exact) return { field: exact.key, ambiguous: [] };
  const ranked = [...scoreHeader(schema, header)].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] < MIN_SCORE) return { field: null, ambiguous: [] };
  if (second && second[1] >= MIN_SCORE && first[1] - second[1] < MARGIN) return { field: null, ambiguous: [first[0], second[0]] };
  return { field: first[0], ambiguous: [] };
}

/**
 * The header row of a sheet whose table sits below a caption (roadmaps, «Показатели»): the first of the first
 * `maxRows` rows in which at least `minTitles` cells equal a field's canonical title (titleKey); -1 when there is none.
 */
export function findHeaderRow<K extends string>(
  values: ReadonlyArray<readonly unknown[] | undefined>,
  schema: InputSchema<K>,
  minTitles = 2,
  maxRows = 30,
): number {
  const titles = new Set(schema.fields.map((f) => titleKey(f.title)));
  for (let r = 0; r < values.length && r < maxRows; r++) {
    const row = values[r] ?? [];
    let found = 0;
    for (const cell of row) if (typeof cell === 'string' && titles.has(titleKey(cell))) found++;
    if (found >= minTitles) return r;
  }
  return -1;
}

/**
 * The columns of a schema whose every field is required, or the canonical titles of those not found (a missing field,
 * or one two columns fit equally: either way the sheet cannot be read as it is). For the small reference sheets
 * whose columns are all needed.
 */
export function requiredColumns<K extends string>(
  schema: InputSchema<K>,
  headers: readonly string[],
  samples?: ReadonlyArray<readonly unknown[] | undefined>,
): { columns: Record<K, number> } | { missing: string[] } {
  const { columns } = matchHeaders(schema, headers, { samples });
  const missing = schema.fields.filter((f) => columns[f.key] === null).map((f) => f.title);
  return missing.length ? { missing } : { columns: columns as Record<K, number> };
}
