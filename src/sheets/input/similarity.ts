/**
 * Character-trigram TF-IDF cosine between a header and a schema's corpus (docs/architecture.md, «Reading inputs»):
 * a header is as close to a field as to the nearest of the field's title and variants. The weights (inverse document
 * frequency) come from the corpus itself, so words every field shares («обучающихся», «количество») count little.
 */
import { features, headerWords, isGenericWord, withoutBrackets } from './headerText';
import type { InputSchema } from './schema';

type Vector = Map<string, number>;

interface CorpusIndex {
  idf: Map<string, number>;
  /** Default weight of a feature the corpus never saw (as rare as can be). */
  unseen: number;
  /** Per field key: the vectors of its title and variants. */
  docs: Map<string, Vector[]>;
  /** Similarities already worked out, by header text (a region's headers repeat across reads and the sidebar). */
  cache: Map<string, Map<string, number>>;
}

function weigh(counts: Map<string, number>, index: Pick<CorpusIndex, 'idf' | 'unseen'>): Vector {
  const v: Vector = new Map();
  let norm = 0;
  for (const [f, n] of counts) {
    const w = n * (index.idf.get(f) ?? index.unseen);
    v.set(f, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [f, w] of v) v.set(f, w / norm);
  return v;
}

function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [f, w] of small) {
    const x = large.get(f);
    if (x !== undefined) dot += w * x;
  }
  return dot;
}

const indexes = new WeakMap<InputSchema, CorpusIndex>();

function buildIndex(schema: InputSchema): CorpusIndex {
  const counted = schema.fields.map((f) => ({ key: f.key, docs: [f.title, ...f.variants].map((t) => features(headerWords(t))) }));
  // Document frequency counts fields, not variants: a feature in every variant of one field is what tells it apart.
  const df = new Map<string, number>();
  const n = counted.length;
  for (const field of counted) {
    const seen = new Set<string>();
    for (const doc of field.docs) for (const f of doc.keys()) seen.add(f);
    for (const f of seen) df.set(f, (df.get(f) ?? 0) + 1);
  }
  const idf = new Map<string, number>();
  for (const [f, d] of df) idf.set(f, Math.log((n + 1) / (d + 1)) + 1);
  const base = { idf, unseen: Math.log(n + 1) + 1 };
  const docs = new Map(counted.map((field) => [field.key, field.docs.map((d) => weigh(d, base))]));
  return { ...base, docs, cache: new Map() };
}

function indexOf(schema: InputSchema): CorpusIndex {
  let index = indexes.get(schema);
  if (!index) {
    index = buildIndex(schema);
    indexes.set(schema, index);
  }
  return index;
}

/**
 * How close a header is to each field of the schema, in [0, 1]: the best cosine over the field's title and variants,
 * of the header as written and of the header without its bracketed notes («(не менее 50 Мбит/с)», «(чел.)»).
 * A header of generic words only is close to nothing.
 */
export function headerSimilarity<K extends string>(schema: InputSchema<K>, header: string): Map<K, number> {
  const index = indexOf(schema);
  const cached = index.cache.get(header);
  if (cached) return cached as Map<K, number>;
  // A header made only of words that name the school («Образовательная организация», «Школа») says which table it is
  // in, not which field: it is left to the user rather than given to whichever field's corpus shares those words.
  const forms = [header, withoutBrackets(header)]
    .map(headerWords)
    .filter((words) => words.some((w) => !isGenericWord(w)))
    .map((words) => features(words))
    .map((c) => weigh(c, index));
  const out = new Map<K, number>();
  for (const field of schema.fields) {
    let best = 0;
    for (const doc of index.docs.get(field.key) ?? []) for (const form of forms) best = Math.max(best, cosine(form, doc));
    out.set(field.key, best);
  }
  index.cache.set(header, out);
  return out;
}
