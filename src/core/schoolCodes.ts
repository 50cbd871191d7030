/**
 * Matching of Код ОО between the input sheets (docs/методика.md §1: a school is its code): codes that differ
 * only by invisible characters, spaces or case are one school; a code that only looks like a known
 * one («EDU-760007», «760008») is not matched, but the likely code is named as a hint.
 */

/** Characters that do not show in a cell: zero-width spaces and joiners, the soft hyphen, the byte-order mark, word joiners. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]/g;
const SPACES = /[\s\u00A0\u2007\u2009\u202F]+/g;
/** A character INVISIBLE or SPACES would remove. */
const HIDDEN_OR_SPACE = /[\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF\s\u00A0\u2007\u2009\u202F]/;

/** A code without invisible characters and without spaces at its ends (how it is shown and stored). */
export function cleanCode(raw: string): string {
  return raw.replace(INVISIBLE, '').replace(/^[\s\u00A0\u2007\u2009\u202F]+|[\s\u00A0\u2007\u2009\u202F]+$/g, '');
}

/**
 * The comparison key of a Код ОО (docs/методика.md §1): lower case, without invisible characters and without
 * any spaces, so «edu 760036», «EDU760036» and «edu760036\u200B» are the same school.
 */
export function codeKey(code: string): string {
  // Most codes have neither: one test instead of two replacements for each of a region's codes.
  if (!HIDDEN_OR_SPACE.test(code)) return code.toLowerCase();
  return code.replace(INVISIBLE, '').replace(SPACES, '').toLowerCase();
}

/** Letters and digits only: «EDU-760007» → «edu760007». */
function looseKey(code: string): string {
  return codeKey(code).replace(/[^0-9a-zа-яё]/g, '');
}

function digitsOf(code: string): string {
  return code.replace(/\D/g, '');
}

/** Known codes by the looser keys a hint is found with. */
export interface CodeHints {
  byLoose: Map<string, string | null>;
  byDigits: Map<string, string | null>;
}

function addUnique(map: Map<string, string | null>, key: string, code: string): void {
  if (key === '') return;
  const seen = map.get(key);
  if (seen === undefined) map.set(key, code);
  else if (seen !== code) map.set(key, null);
}

/** The index of near-match hints over the known codes (built once per sheet). */
export function codeHints(knownCodes: Iterable<string>): CodeHints {
  const hints: CodeHints = { byLoose: new Map(), byDigits: new Map() };
  for (const code of knownCodes) {
    addUnique(hints.byLoose, looseKey(code), code);
    const digits = digitsOf(code);
    // A code of digits alone is a hint only when the digits are long enough to be an identifier.
    if (digits.length >= 5) addUnique(hints.byDigits, digits, code);
  }
  return hints;
}

/**
 * A known code an unknown one probably means (docs/методика.md §1: a hint, never a match): the same
 * letters and digits once punctuation is dropped («EDU-760007» → edu760007), or the same digits
 * without a prefix («760008» → edu760008). Null when there is none or more than one.
 */
export function nearMatch(code: string, hints: CodeHints): string | null {
  const loose = hints.byLoose.get(looseKey(code));
  if (loose) return loose;
  const digits = digitsOf(code);
  if (digits.length < 5) return null;
  return hints.byDigits.get(digits) ?? null;
}
