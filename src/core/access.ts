/**
 * Who may edit what (docs/методика.md §11): the people who run the add-in — the spreadsheet's owner and
 * the methodologists of the settings — edit the inputs and the computed sheets; a school's roadmap is
 * edited, in its status, comment and date columns and in rows added below, by the school's responsible
 * person, its curator and its municipality's coordinator, as the sheet «Доступ» lists them.
 */
import { normalizeText } from './text';

/** One row of «Доступ»: any of its addresses may be empty. */
export interface AccessRow {
  /** 1-based row of the sheet, for messages. */
  row: number;
  schoolCode: string | null;
  responsible: string | null;
  curator: string | null;
  municipality: string | null;
  coordinator: string | null;
}

// One local part, «@», a domain with at least one dot; no spaces, no second «@» (what Sheets accepts as an editor).
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Whether `text` is an e-mail address a protection can name (§11): «имя@домен.зона», nothing else around it. */
export function isEmailAddress(text: string): boolean {
  return EMAIL.test(text);
}

/** One person, however the address is written: case and surrounding spaces do not matter (§11). */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

function unique(emails: Array<string | null>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const e of emails) {
    if (!e) continue;
    const key = emailKey(e);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(key);
    }
  }
  return out;
}

/** The people who run the add-in besides the owner (§11): the methodologists of the settings, once each. */
export function runnerEmails(methodologists: readonly string[]): string[] {
  return unique([...methodologists]);
}

/**
 * Everybody who may edit a school's roadmap (§11): the responsible person and the curator of every «Доступ» row
 * of that school, and the coordinator of every row of the school's municipality (a row names a municipality with
 * or without a school). Municipality names are compared as text normalisation makes them (case, ё, spaces).
 */
export function roadmapEditors(rows: readonly AccessRow[], schoolCode: string, municipality: string): string[] {
  const place = normalizeText(municipality);
  const mine = rows.filter((r) => r.schoolCode === schoolCode);
  const coordinators = rows.filter((r) => r.municipality !== null && place !== '' && normalizeText(r.municipality) === place);
  return unique([...mine.flatMap((r) => [r.responsible, r.curator]), ...coordinators.map((r) => r.coordinator)]);
}
