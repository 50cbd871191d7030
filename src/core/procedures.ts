/**
 * Names of assessment procedures (оценочные процедуры) of «Результаты ОП» (docs/методика.md §1.2):
 * one spelling per procedure, so that rows typed by different people match each other.
 */
import { foldCase } from './text';
import { remembered } from './remembered';

/** The nine canonical procedures of docs/методика.md §1.2, in that order. */
export const CANONICAL_PROCEDURES: readonly string[] = Object.freeze([
  'ВПР математика 5',
  'ВПР математика 6',
  'ВПР русский язык 5',
  'ВПР русский язык 6',
  'ОГЭ математика',
  'ОГЭ русский язык',
  'ЕГЭ математика (базовая)',
  'ЕГЭ математика (профильная)',
  'ЕГЭ русский язык',
]);

const CANONICAL_INDEX = new Map<string, number>(CANONICAL_PROCEDURES.map((name, i) => [name, i]));

/** Exam names written upper-case at the start of a procedure name. */
const EXAMS = new Set(['впр', 'огэ', 'егэ']);

/** Token aliases: each spelling on the left becomes the words on the right. */
const WORD_ALIASES: ReadonlyArray<{ spellings: readonly string[]; words: readonly string[] }> = [
  { spellings: ['рус', 'рус.', 'русск', 'русск.', 'русский'], words: ['русский', 'язык'] },
  { spellings: ['мат', 'мат.', 'матем', 'матем.', 'математика'], words: ['математика'] },
];
const ALIAS_OF = new Map<string, readonly string[]>(WORD_ALIASES.flatMap((a) => a.spellings.map((s) => [s, a.words] as const)));

/** Words swallowed after an alias that already supplies them («рус. яз.» → «русский язык»). */
const LANGUAGE_WORDS = new Set(['яз', 'яз.', 'язык']);
/** «5 класс», «5 кл.» → «5»: the grade number alone names the procedure. */
const GRADE_WORDS = new Set(['кл', 'кл.', 'класс']);

/** ЕГЭ математика levels by the beginning of the word («база», «профильный уровень» …). */
const EGE_MATH_LEVELS: ReadonlyArray<{ prefix: string; label: string }> = [
  { prefix: 'баз', label: '(базовая)' },
  { prefix: 'проф', label: '(профильная)' },
];
const LEVEL_FILLERS = new Set(['уровень', 'уровня', 'уровне']);

function lowerTokens(raw: string): string[] {
  const s = foldCase(String(raw))
    // «рус.яз.» → «рус. яз.», «5кл» → «5 кл»
    .replace(/\.(?=[a-zа-я])/g, '. ')
    .replace(/(\d)(?=[a-zа-я])/g, '$1 ')
    // «(  профильная )» → « (профильная)»
    .replace(/\(\s*/g, ' (')
    .replace(/\s*\)/g, ')');
  return s.split(/\s+/).filter((t) => t.length > 0);
}

function expandAliases(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const alias = ALIAS_OF.get(t);
    if (alias) {
      out.push(...alias);
      if (alias.includes('язык') && i + 1 < tokens.length && LANGUAGE_WORDS.has(tokens[i + 1])) i++;
      continue;
    }
    if (GRADE_WORDS.has(t) && out.length > 0 && /^\d+$/.test(out[out.length - 1])) continue;
    out.push(t);
  }
  return out;
}

function canonicalEgeMathLevel(tokens: string[]): string[] {
  if (tokens[0] !== 'егэ' || tokens[1] !== 'математика' || tokens.length < 3) return tokens;
  const rest = tokens
    .slice(2)
    .map((t) => t.replace(/[()]/g, ''))
    .filter((t) => t.length > 0 && !LEVEL_FILLERS.has(t));
  if (rest.length !== 1) return tokens;
  const level = EGE_MATH_LEVELS.find((l) => rest[0].startsWith(l.prefix));
  return level ? ['егэ', 'математика', level.label] : tokens;
}

/** Words that only join the parts of a procedure name («ОГЭ по математике», «5 кл.», «профильный уровень»). */
const FILLER_WORDS = new Set(['по', 'кл', 'кл.', 'класс', 'класса', 'классы', 'уровень', 'уровня', 'уровне', '-', '–', '—', ',']);

/** Inflected and short forms of the two subjects of the status (docs/методика.md §3), by the beginning of the word. */
const SUBJECT_STEMS: ReadonlyArray<{ prefix: string; words: readonly string[] }> = [
  { prefix: 'математ', words: ['математика'] },
  { prefix: 'русск', words: ['русский', 'язык'] },
];
const LANGUAGE_STEM = 'язык';

/** ЕГЭ mathematics level marks as tables print them: «баз…», «проф…», «Б», «П», and «П/Б» (both levels together). */
const LEVEL_MARKS: ReadonlyArray<{ test: (word: string) => boolean; level: 'базовая' | 'профильная' | 'both' }> = [
  { test: (w) => /^(п\/б|б\/п|п\+б|б\+п)$/.test(w), level: 'both' },
  { test: (w) => w.startsWith('баз') || w === 'б', level: 'базовая' },
  { test: (w) => w.startsWith('проф') || w === 'п', level: 'профильная' },
];
/** How the level is written in the name; «П/Б» is not one of the nine (the two levels are not told apart). */
const LEVEL_LABEL = { базовая: '(базовая)', профильная: '(профильная)', both: '(базовая и профильная)' } as const;

/** The grade a procedure is written without: ОГЭ is the 9th grade's, ЕГЭ the 11th's. */
const IMPLIED_GRADE: Readonly<Record<string, number>> = { огэ: 9, егэ: 11 };

/**
 * A name of the exams of the nine (ВПР/ОГЭ/ЕГЭ × математика/русский язык) in any word order, with
 * extras: the exam anywhere («Математика ОГЭ»), the subject inflected or in parentheses («ОГЭ по
 * математике», «ОГЭ (математика)»), the grade before or after («ВПР-5 Математика», «ВПР 5 кл.
 * русский язык»), the ЕГЭ level as a word or a letter («ЕГЭ профильная математика», «ЕГЭ математика
 * П»). Null when the words are anything else: the name is then kept in its own word order.
 */
function structuredName(tokens: readonly string[]): string | null {
  let exam: string | null = null;
  let grade: number | null = null;
  let level: keyof typeof LEVEL_LABEL | null = null;
  const subject: string[] = [];
  for (const raw of tokens) {
    const word = raw.replace(/^[(«"]+|[)»",.;:]+$/g, '');
    if (word === '' || FILLER_WORDS.has(word)) continue;
    if (EXAMS.has(word)) {
      if (exam !== null && exam !== word) return null;
      exam = word;
      continue;
    }
    if (/^\d{1,2}$/.test(word)) {
      if (grade !== null) return null;
      grade = Number(word);
      continue;
    }
    const mark = LEVEL_MARKS.find((m) => m.test(word));
    if (mark) {
      if (level !== null) return null;
      level = mark.level;
      continue;
    }
    const stem = SUBJECT_STEMS.find((s) => word.startsWith(s.prefix));
    if (stem) {
      if (subject.length > 0) return null;
      subject.push(...stem.words);
      continue;
    }
    if (word.startsWith(LANGUAGE_STEM) && subject.includes('язык')) continue;
    return null;
  }
  if (exam === null || subject.length === 0) return null;
  const words = [exam.toUpperCase(), ...subject];
  if (level !== null) {
    if (exam !== 'егэ' || subject[0] !== 'математика') return null;
    words.push(LEVEL_LABEL[level]);
  }
  if (grade !== null && grade !== IMPLIED_GRADE[exam]) words.push(String(grade));
  return words.join(' ');
}

/**
 * One spelling per procedure (docs/методика.md §1.2): case and spacing collapsed, «ё» read as «е», common
 * abbreviations expanded («рус. яз.», «русский» → «русский язык»; «мат.», «матем.» → «математика»),
 * «5 класс»/«5 кл.» → «5», ЕГЭ математика levels written «(базовая)»/«(профильная)», and the exam
 * (ВПР/ОГЭ/ЕГЭ) upper-case. The exams of the nine are recognised whatever the word order and extras
 * («Математика ОГЭ», «ОГЭ по математике», «ВПР-5 Математика», «ЕГЭ профильная математика» — see
 * structuredName); «ЕГЭ математика П/Б» (both levels in one figure) becomes «ЕГЭ математика (базовая
 * и профильная)», which is not one of the nine. Other procedures keep their word order in that form.
 */
// A region's sheet spells a few dozen names hundreds of thousands of times: each spelling is normalised once.
export const normalizeProcedureName: (raw: string) => string = remembered((raw) => {
  const expanded = expandAliases(lowerTokens(String(raw).replace(/(впр|огэ|егэ)\s*[-–—]\s*(?=\d)/gi, '$1 ')));
  const structured = structuredName(expanded);
  const tokens = canonicalEgeMathLevel(expanded);
  if (tokens.length > 0 && EXAMS.has(tokens[0])) tokens[0] = tokens[0].toUpperCase();
  return structured ?? tokens.join(' ');
});

/** Whether the name (after normalisation) is one of the nine canonical procedures of docs/методика.md §1.2. */
export function isKnownProcedure(name: string): boolean {
  return CANONICAL_INDEX.has(normalizeProcedureName(name));
}

/** Words of a normalised name, punctuation dropped: «ЕГЭ математика (базовая)» → егэ, математика, базовая. */
function plainWords(text: string): string[] {
  return normalizeProcedureName(text)
    .toLowerCase()
    .split(/[^0-9a-zа-я]+/)
    .filter((w) => w.length > 0);
}

/** A region has a few dozen procedure names and hundreds of thousands of result rows: each name is matched once per subject list. */
const subjectMemo = new WeakMap<readonly string[], Map<string, string | null>>();

function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return false;
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    let ok = true;
    for (let j = 0; j < needle.length && ok; j++) ok = haystack[i + j] === needle[j];
    if (ok) return true;
  }
  return false;
}

/**
 * Whether a procedure counts for the ШНОР status (docs/методика.md §3: only the subjects of the setting
 * Settings.shnorSubjects). A subject matches when its words occur one after another among the words
 * of the normalised procedure name, so «математика» matches «ЕГЭ математика (профильная)» and
 * «русский язык» matches «ВПР русский язык 5», but nothing matches «ВПР история 5».
 */
export function procedureCountsForStatus(name: string, subjects: readonly string[]): boolean {
  return subjectOfProcedure(name, subjects) !== null;
}

/**
 * The subject of the settings a procedure belongs to (the first whose words occur in its name, as in
 * procedureCountsForStatus): «ВПР математика 5» and «ОГЭ математика» are both «математика». Null when none matches.
 */
export function subjectOfProcedure(name: string, subjects: readonly string[]): string | null {
  let memo = subjectMemo.get(subjects);
  if (!memo) subjectMemo.set(subjects, (memo = new Map()));
  const known = memo.get(name);
  if (known !== undefined) return known;
  const words = plainWords(name);
  const subject = subjects.find((s) => containsRun(words, plainWords(s))) ?? null;
  memo.set(name, subject);
  return subject;
}

const collator = new Intl.Collator('ru');

/**
 * Display order of procedures in tables (docs/методика.md §1.2): the nine canonical ones in their order,
 * then the others alphabetically (Russian collation). Expects normalised names.
 */
export function compareProcedures(a: string, b: string): number {
  const ia = CANONICAL_INDEX.get(a);
  const ib = CANONICAL_INDEX.get(b);
  if (ia !== undefined && ib !== undefined) return ia - ib;
  if (ia !== undefined) return -1;
  if (ib !== undefined) return 1;
  return collator.compare(a, b);
}
