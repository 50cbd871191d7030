/**
 * One municipality however its name is spelt (docs/методика.md §1.1, §8: summaries by municipality): case,
 * spaces, «ё»/«е», quotes and the words «МО», «МР», «муниц.» do not make another municipality.
 */
import { normalizeText } from './text';

/** Words that say only «municipal» (dropped) or the kind of municipality (kept as «район» / «округ»). */
const GENERIC_WORDS: ReadonlySet<string> = new Set([
  'мо',
  'муниципальное',
  'образование',
  'муниципальный',
  'муниципального',
  'муниц',
  'муницип',
]);
const KIND_WORDS: ReadonlyMap<string, string> = new Map([
  ['мр', 'район'],
  ['район', 'район'],
  ['р-н', 'район'],
  ['округ', 'округ'],
  ['мо-округ', 'округ'],
]);

interface NameParts {
  /** The words that name the place («первомайский», «ленинск-кузнецкий городской»). */
  core: string;
  /** «район», «округ» or '' when the name does not say. */
  kind: string;
}

function partsOf(name: string): NameParts {
  const words = normalizeText(name)
    .replace(/[«»"'“”„]/g, ' ')
    .replace(/\./g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '');
  const core: string[] = [];
  let kind = '';
  for (const w of words) {
    if (GENERIC_WORDS.has(w)) continue;
    const k = KIND_WORDS.get(w);
    if (k !== undefined) kind = kind === '' || kind === k ? k : 'разные';
    else core.push(w);
  }
  return { core: core.join(' '), kind };
}

/** Levenshtein distance, stopping early above `limit`. */
function distanceAtMost(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]);
    }
    if (best > limit) return false;
    prev = cur;
  }
  return prev[b.length] <= limit;
}

export interface MunicipalityNames {
  /** Every spelling → the spelling used for it (the most frequent of its variants, the first on a tie). */
  nameOf: Map<string, string>;
  /** Spellings merged into one, for a note: the spelling used and the others. */
  merged: Array<{ name: string; variants: string[] }>;
  /** Pairs of names that look alike but are not merged (a typo, or «район» against «округ»). */
  nearDuplicates: Array<[string, string]>;
}

/**
 * Merges the spellings of municipality names (docs/методика.md §1.1): names equal once case, spaces, «ё»,
 * quotes and the words «МО», «муниципальный», «муниц.» are dropped and «МР» is read as «район» are one
 * municipality, unless one says «район» and another «округ». The name used is the most frequent
 * spelling. Names that differ by one or two letters (with the same numbers), or only by «район»/«округ», are not merged but
 * named as near-duplicates. `names` lists one name per school (empty names are ignored).
 */
export function mergeMunicipalityNames(names: readonly string[]): MunicipalityNames {
  const counts = new Map<string, number>();
  for (const n of names) if (n.trim() !== '') counts.set(n, (counts.get(n) ?? 0) + 1);
  const byCore = new Map<string, Array<{ name: string; kind: string; count: number }>>();
  for (const [name, count] of counts) {
    const p = partsOf(name);
    const key = p.core === '' ? normalizeText(name) : p.core;
    const list = byCore.get(key) ?? [];
    list.push({ name, kind: p.kind, count });
    byCore.set(key, list);
  }
  const result: MunicipalityNames = { nameOf: new Map(), merged: [], nearDuplicates: [] };
  const groups: Array<{ core: string; name: string; digits: string }> = [];
  for (const [core, list] of byCore) {
    const kinds = new Set(list.map((v) => v.kind).filter((k) => k !== ''));
    const clusters = kinds.size > 1 ? [...kinds].map((k) => list.filter((v) => v.kind === k || v.kind === '')) : [list];
    if (kinds.size > 1) {
      const named = clusters.map((c) => c.find((v) => v.kind !== '')!.name);
      for (let i = 1; i < named.length; i++) result.nearDuplicates.push([named[0], named[i]]);
    }
    for (const cluster of clusters) {
      const best = cluster.reduce((a, b) => (b.count > a.count ? b : a));
      for (const v of cluster) if (!result.nameOf.has(v.name)) result.nameOf.set(v.name, best.name);
      const variants = cluster.map((v) => v.name).filter((n) => n !== best.name && result.nameOf.get(n) === best.name);
      if (variants.length) result.merged.push({ name: best.name, variants });
      groups.push({ core, name: best.name, digits: core.replace(/\D/g, '') });
    }
  }
  // Only names with the same numbers and lengths within two letters can be near-duplicates: each is compared with
  // those (by number, then length), not with every other name; the pairs are listed in the order of the names.
  const pairs: Array<[number, number]> = [];
  const byDigits = new Map<string, number[]>();
  groups.forEach((g, i) => {
    if (g.core.length < 5) return;
    const list = byDigits.get(g.digits);
    if (list) list.push(i);
    else byDigits.set(g.digits, [i]);
  });
  for (const list of byDigits.values()) {
    list.sort((i, j) => groups[i].core.length - groups[j].core.length || i - j);
    for (let x = 0; x < list.length; x++) {
      const a = groups[list[x]];
      for (let y = x + 1; y < list.length && groups[list[y]].core.length - a.core.length <= 2; y++) {
        const b = groups[list[y]];
        if (a.core !== b.core && distanceAtMost(a.core, b.core, 2)) pairs.push([Math.min(list[x], list[y]), Math.max(list[x], list[y])]);
      }
    }
  }
  pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  for (const [i, j] of pairs) result.nearDuplicates.push([groups[i].name, groups[j].name]);
  return result;
}
