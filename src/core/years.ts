/**
 * The year of an assessment as regions write it (docs/методика.md §1.2: a year is the calendar year of the
 * exams, 2024 = the 2023/24 school year's exams).
 */
import { ValueError } from './errors';
import { YEAR_MESSAGES } from './messages';
import { quoteValue } from './numbers';

const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

/** Words that may follow a year or a school year: «г.», «год», «уч. год», «учебный год», «гг.». */
const YEAR_WORDS = String.raw`(?:\s*(?:уч(?:\.|ебн(?:ый|ого))?\s*)?(?:г(?:г|од|ода)?\.?))?`;
const SINGLE = new RegExp(String.raw`^(\d{4})${YEAR_WORDS}$`, 'i');
const SPAN = new RegExp(String.raw`^(\d{4})\s*(?:г\.?\s*)?[/\-–—]\s*(\d{2}|\d{4})${YEAR_WORDS}$`, 'i');

/** The second year of a school year «2023/24» or «2023/2024», or null when the two years do not follow each other. */
function secondOfSpan(first: number, secondText: string): number | null {
  const second =
    secondText.length === 4
      ? Number(secondText)
      : first - (first % 100) + Number(secondText) + (Number(secondText) < first % 100 ? 100 : 0);
  return second === first + 1 ? second : null;
}

/**
 * The calendar year of an assessment (docs/методика.md §1.2): a whole number 2000–2100, or text «2024»,
 * «2024 г.», «2024 год», or a school year «2023/2024», «2023/24», «2023-2024 уч. год», «2023/24
 * учебный год», which gives its second year, the calendar year of the exams (2024). Anything else,
 * and a school year whose two years do not follow each other («2022/2024»), throws ValueError.
 */
export function parseExamYear(value: unknown): number {
  let year: number | null = null;
  if (typeof value === 'number' && Number.isInteger(value)) year = value;
  else if (typeof value === 'string') {
    const text = value.trim().replace(/\s+/g, ' ');
    const single = SINGLE.exec(text);
    const span = single ? null : SPAN.exec(text);
    if (single) year = Number(single[1]);
    else if (span) year = secondOfSpan(Number(span[1]), span[2]);
  }
  if (year === null) throw new ValueError(YEAR_MESSAGES.badYear(quoteValue(value)));
  if (year < FIRST_YEAR || year > LAST_YEAR) throw new ValueError(YEAR_MESSAGES.yearOutOfRange(quoteValue(value)));
  return year;
}

/** The year written in a column header («ОГЭ математика 2024, % двоек», «2023/24 уч. год»), or null when there is none or two. */
export function yearInText(text: string): number | null {
  const found = new Set<number>();
  const pattern = /(?<!\d)(\d{4})(?:\s*[/\-–—]\s*(\d{2}|\d{4}))?(?!\d)/g;
  for (const m of text.matchAll(pattern)) {
    const first = Number(m[1]);
    if (first < FIRST_YEAR || first > LAST_YEAR) continue;
    const second = m[2] === undefined ? null : secondOfSpan(first, m[2]);
    found.add(second ?? first);
  }
  return found.size === 1 ? [...found][0] : null;
}
