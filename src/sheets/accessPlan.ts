/**
 * Which protections the add-in wants (docs/методика.md §11), as data for protections.ts: the inputs and the
 * computed sheets for the people who run the add-in; each roadmap for them and, in its editable areas, for the
 * school's responsible person, its curator and its municipality's coordinator.
 */
import { emailKey, roadmapEditors, runnerEmails, type AccessRow } from '../core/access';
import type { SchoolRecord } from '../core/types';
import { ACCESS } from './messages';
import { COMBINED_ROADMAPS, SHEET_NAMES, roadmapSheetName } from './names';
import type { Area, WantedProtection } from './protections';

/** Every sheet the add-in reads or writes by name, and the Form's responses: edited by the runners only. */
export function protectedSheetNames(responsesSheet: string | null): string[] {
  return [...(responsesSheet ? [responsesSheet] : []), ...Object.values(SHEET_NAMES)];
}

/** Whole-sheet protections of the inputs and the computed sheets (§11). */
export function sheetProtections(responsesSheet: string | null, methodologists: readonly string[]): WantedProtection[] {
  const editors = runnerEmails(methodologists);
  return protectedSheetNames(responsesSheet).map((sheet) => ({ sheet, label: sheet, range: null, editors }));
}

/**
 * The protections of a roadmap tab «ДК <Код ОО>» (§11): the sheet for the runners, except `areas`, each of which is a
 * range protection for the runners and the school's own people.
 */
export function roadmapProtections(
  schoolCode: string,
  areas: readonly Area[],
  methodologists: readonly string[],
  people: readonly string[],
): WantedProtection[] {
  const sheet = roadmapSheetName(schoolCode);
  const runners = runnerEmails(methodologists);
  return [
    { sheet, label: sheet, range: null, unprotected: [...areas], editors: runners },
    ...schoolAreas(sheet, `${sheet} — правка школы`, areas, runners, people),
  ];
}

/**
 * The protections of «Дорожные карты» (§11): the sheet for the runners, except every school's areas, each of which is
 * a range protection for the runners and that school's people. Only the schools in `changed` (new blocks, or areas
 * that moved) have theirs put in place; `only` tells applyProtections which of the sheet's protections that touches.
 */
export function combinedRoadmapProtections(
  schools: ReadonlyArray<{ schoolCode: string; areas: readonly Area[] }>,
  changed: ReadonlyMap<string, readonly string[]>,
  methodologists: readonly string[],
): { wanted: WantedProtection[]; only: (label: string) => boolean } {
  const sheet = COMBINED_ROADMAPS;
  const runners = runnerEmails(methodologists);
  const labelOf = (code: string) => `${sheet} — правка школы ${code}`;
  const wanted: WantedProtection[] = [
    { sheet, label: sheet, range: null, unprotected: schools.flatMap((s) => s.areas), editors: runners },
    ...schools.flatMap((s) => {
      const people = changed.get(s.schoolCode);
      return people ? schoolAreas(sheet, labelOf(s.schoolCode), s.areas, runners, people) : [];
    }),
  ];
  const prefixes = [...changed.keys()].map((code) => `${labelOf(code)} `);
  return { wanted, only: (label) => label === sheet || prefixes.some((p) => label.startsWith(p)) };
}

function schoolAreas(
  sheet: string,
  label: string,
  areas: readonly Area[],
  runners: readonly string[],
  people: readonly string[],
): WantedProtection[] {
  const editors = [...new Set([...runners, ...people.map(emailKey)])];
  return areas.map((range, i) => ({ sheet, label: `${label} ${i + 1}`, range, editors }));
}

/** The school's people for its roadmap, from «Доступ» and the school's municipality. */
export function schoolPeople(rows: readonly AccessRow[], school: Pick<SchoolRecord, 'schoolCode' | 'municipality'>): string[] {
  return roadmapEditors(rows, school.schoolCode, school.municipality);
}

/**
 * What the platform cannot restrict (§11), said instead of pretending: a person listed in «Доступ» who owns the
 * spreadsheet can edit every sheet whatever the protections say. Names roles and schools, never addresses.
 */
export function accessCaveats(rows: readonly AccessRow[], ownerEmail: string | null): string[] {
  if (!ownerEmail) return [];
  const owner = emailKey(ownerEmail);
  const caveats: string[] = [];
  for (const r of rows) {
    const where = r.schoolCode ?? r.municipality ?? `строка ${r.row}`;
    if (r.responsible && emailKey(r.responsible) === owner) caveats.push(ACCESS.ownerListed(ACCESS.roles.responsible, where));
    if (r.curator && emailKey(r.curator) === owner) caveats.push(ACCESS.ownerListed(ACCESS.roles.curator, where));
    if (r.coordinator && emailKey(r.coordinator) === owner)
      caveats.push(ACCESS.ownerListed(ACCESS.roles.coordinator, r.municipality ?? where));
  }
  return [...new Set(caveats)];
}
