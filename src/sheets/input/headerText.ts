/**
 * A header as the matcher compares it: words spelled out and unified by the tables of headerWords.ts, then a bag of
 * character trigrams (with word boundaries) and word starts. Trigrams make the comparison forgive Russian endings
 * («благоустроенном жилье» ≈ «благоустроенных жилых») without a stemmer: the Snowball stemmers package holds every
 * language in one 860 KB file, which would more than double build/Code.js, while trigrams cost a few lines.
 */
import { CAPITAL_ABBREVIATIONS, GENERIC_WEIGHT, GENERIC_WORDS, SAME_WORDS, SHORTENINGS, STOP_WORDS } from './headerWords';
import { foldCase } from '../../core/text';

const LETTER = 'A-Za-zА-Яа-яЁё';
const CAPITALS: ReadonlyArray<readonly [RegExp, string]> = CAPITAL_ABBREVIATIONS.map(([abbr, full]) => [
  new RegExp(`(?<![${LETTER}])${abbr.replace(/[/]/g, '\\/')}(?![${LETTER}])`, 'g'),
  ` ${full} `,
]);

/** The header's meaningful words: abbreviations spelled out, lower case, ё → е, same-meaning words unified, stop words, numbers and punctuation dropped. */
export function headerWords(header: string): string[] {
  let text = String(header ?? '');
  for (const [pattern, full] of CAPITALS) text = text.replace(pattern, full);
  text = foldCase(text);
  for (const [pattern, full] of SHORTENINGS) text = text.replace(pattern, full);
  const words: string[] = [];
  for (const raw of text.split(/[^a-zа-я]+/)) {
    if (raw.length < 2 || STOP_WORDS.has(raw)) continue;
    const same = SAME_WORDS.find(([pattern]) => pattern.test(raw));
    words.push(same ? same[1] : raw);
  }
  return words;
}

/** The header without what is in brackets: «Доступ к Интернету (не менее 50 Мбит/с)» → «Доступ к Интернету». */
export function withoutBrackets(header: string): string {
  return String(header ?? '')
    .replace(/\([^()]*\)|\[[^[\]]*\]/g, ' ')
    .trim();
}

/** Whether a word only names the school or the unit (GENERIC_WORDS). */
export function isGenericWord(word: string): boolean {
  return GENERIC_WORDS.some((g) => g.test(word));
}

/** Length of a word start kept as a feature of its own: whole-word agreement counts beyond shared trigrams. */
const WORD_START = 5;

/**
 * The features of a list of words with their weights: the trigrams of «#word#» sharing one unit per word, and the
 * word's first five letters one more unit, so a short distinctive word («ОВЗ», «КДН») weighs as much as a long common one;
 * a generic word (GENERIC_WORDS) weighs GENERIC_WEIGHT.
 */
export function features(words: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  const add = (f: string, w: number) => out.set(f, (out.get(f) ?? 0) + w);
  for (const word of words) {
    const weight = isGenericWord(word) ? GENERIC_WEIGHT : 1;
    const padded = `#${word}#`;
    const n = padded.length - 2;
    for (let i = 0; i + 3 <= padded.length; i++) add(padded.slice(i, i + 3), weight / n);
    add(`w:${word.slice(0, WORD_START)}`, weight);
  }
  return out;
}

/** Whether a header says the column holds shares: «доля», «%», «процент» (docs/методика.md §1.1). */
export function isShareHeader(header: string): boolean {
  if (String(header).includes('%')) return true;
  return headerWords(header).some((w) => /^(?:дол[яиюей]|процент[а-я]*)$/.test(w));
}

/** Whether a header says its numbers are percents («%», «в процентах»), so «35,5» means 35,5 % (docs/методика.md §1.1). */
export function isPercentHeader(header: string): boolean {
  return String(header).includes('%') || headerWords(header).some((w) => /^процент[а-я]*$/.test(w));
}
