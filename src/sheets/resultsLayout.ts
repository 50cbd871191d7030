/**
 * Which column of «Результаты ОП» holds what (docs/методика.md §1.2), in the layouts regions use: the long
 * template (one row per school × year × procedure, possibly with Процедура / Предмет / Класс split
 * as ФИС ОКО exports them), or wide tables as regional centres publish them (one column per
 * procedure and year: «ОГЭ математика 2024, % двоек», with or without participants).
 */
import { yearInText } from '../core/years';
import { normalizeText } from '../core/text';

export type ResultField =
  'schoolCode' | 'year' | 'procedure' | 'subject' | 'grade' | 'participants' | 'failed' | 'highScorers' | 'notAdmitted';

/** A header as compared: lower case, «ё» → «е», quotes and spaces made plain. */
function plain(header: string): string {
  return normalizeText(header.replace(/[«»“”„"']/g, '"'));
}

/** «Не преодолели порог», «Не справились (получили «2»)», «Количество участников, получивших «2»», «Кол-во двоек», «% двоек», «неудовлетворительно». */
const FAILED = /не\s*преодол|порог|не\s*справ|двоек|двойк|неудовл|"2"|получивш\S*\s+2\b|^2$|отметк\S*\s*"?2/;
const HIGH = /высокобалл|81\s*[-–—]\s*100/;
const PARTICIPANTS = /участ|писавш|писал|сдававш|сдавал|выпуск|обучающ\S* \S*выполнявш|выполнял/;
const SHARE = /%|доля|процент/;

/** Whether the header of a failures column says it holds shares («Доля не преодолевших порог, %»). */
export function isShareFailuresHeader(header: string): boolean {
  const h = plain(header);
  // ««2» / % с учетом недопущенных» holds «6 / 67%», a count with its printed share.
  if (/"2"\s*\/\s*%/.test(h)) return false;
  return SHARE.test(h);
}

/** One procedure and year of a wide table, and its columns. */
export interface WideGroup {
  /** The procedure as the headers write it («ОГЭ математика»), before normalisation. */
  procedure: string;
  year: number;
  participants?: number;
  failed?: number;
  highScorers?: number;
  /** Headers of the group's columns, for the data check. */
  headers: string[];
}

const EXAM = /(впр|огэ|егэ|гвэ)/;

/** «ОГЭ математика 2024, % двоек» → «ОГЭ математика»: the header without its year and the words of the measure. */
function procedurePart(header: string): string {
  const noYear = header.replace(/(?<!\d)\d{4}(?:\s*[/\-–—]\s*\d{2,4})?(?:\s*(?:уч\.?|учебн\S*)?\s*(?:г(?:г|од|ода)?\.?))?(?!\d)/gi, ' ');
  const parts = noYear.split(/[,;:(]|\s[-–—]\s/);
  const part = parts.find((p) => EXAM.test(plain(p))) ?? noYear;
  return part.replace(/\)/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The measure of a wide column, or null when it is none of the three. */
function wideMeasure(header: string): 'participants' | 'failed' | 'highScorers' | null {
  const h = plain(header);
  if (HIGH.test(h)) return 'highScorers';
  if (FAILED.test(h)) return 'failed';
  if (PARTICIPANTS.test(h)) return 'participants';
  return null;
}

/**
 * The groups of a wide table (docs/методика.md §1.2): every header naming an exam (ВПР/ОГЭ/ЕГЭ) and one year
 * is a column of one procedure × year — its participants, its failures (a count or a share, «% двоек»)
 * or its high scorers. A group needs its failures column. Headers with an exam that fit no group are
 * returned as `unread`.
 */
export function wideGroups(headers: readonly string[]): { groups: WideGroup[]; unread: number[] } {
  const byKey = new Map<string, WideGroup>();
  const unread: number[] = [];
  headers.forEach((header, index) => {
    const h = plain(header);
    if (!EXAM.test(h)) return;
    const year = yearInText(header);
    const measure = wideMeasure(header);
    const procedure = procedurePart(header);
    if (year === null || measure === null || procedure === '') {
      unread.push(index);
      return;
    }
    const key = `${plain(procedure)}\u0000${year}`;
    const group = byKey.get(key) ?? { procedure, year, headers: [] };
    if (group[measure] !== undefined) {
      unread.push(index);
      return;
    }
    group[measure] = index;
    group.headers.push(header);
    byKey.set(key, group);
  });
  const groups: WideGroup[] = [];
  for (const g of byKey.values()) {
    if (g.failed === undefined) {
      for (const i of [g.participants, g.highScorers]) if (i !== undefined) unread.push(i);
    } else groups.push(g);
  }
  return { groups, unread: unread.sort((a, b) => a - b) };
}

/** Whether a number format shows a percent («0.0%», «0%»): its number is a fraction (docs/методика.md §1.2). */
export function isPercentFormat(format: unknown): boolean {
  return typeof format === 'string' && /%/.test(format.replace(/"[^"]*"/g, ''));
}
