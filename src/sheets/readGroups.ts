/**
 * The optional sheet «Группы» (docs/методика.md §9): `Код ОО | Группа`, one row per school and group, several rows per
 * school allowed. Works on the 2-D array of getValues() (loadInputs reads the sheet once). Read through the input
 * framework (src/sheets/input).
 */
import type { GroupMember } from '../core/groups';
import { tidyText } from '../core/text';
import { GROUP_VARIANTS } from './input/corpus/references';
import { cellText, headerTexts, isBlankCell, isFormulaError, looksLikeSchoolCode, normalizeSchoolCode, schoolCodeKey } from './input/cells';
import { matchHeaders } from './input/matcher';
import { cellProblem, sheetProblem } from './input/problems';
import type { InputSchema } from './input/schema';
import { ACTION, GROUP_SHEET_WORDS, PROBLEM } from './messages';
import { sortProblems, type Problem } from './problems';

/** «Группы» as an input schema (src/sheets/input): the template's two titles and the corpus of other wordings. */
const GROUPS_SCHEMA: InputSchema<keyof typeof GROUP_VARIANTS> = {
  id: 'groups',
  fields: [
    {
      key: 'schoolCode',
      title: GROUP_SHEET_WORDS.codeHeader,
      required: 'yes',
      variants: GROUP_VARIANTS.schoolCode,
      accepts: looksLikeSchoolCode,
    },
    { key: 'group', title: GROUP_SHEET_WORDS.groupHeader, required: 'yes', variants: GROUP_VARIANTS.group },
  ],
};

export interface GroupsReading {
  members: GroupMember[];
  problems: Problem[];
}

/**
 * Reads «Группы» (docs/методика.md §9); values[0] is the header row. Its columns are found by the header matcher (else
 * Код ОО is the first column and the group the second). A row without a code or a
 * group, with a formula error, or of a school not among `knownCodes` is listed and not used; a school given twice in
 * one group is listed once as a repeat. Group names are compared as written, spaces tidied («500+  2022» = «500+ 2022»).
 */
export function readGroups(values: unknown[][], sheetName: string, knownCodes?: Set<string>): GroupsReading {
  const headers = headerTexts(values);
  const width = headers.length;
  const problems: Problem[] = [];
  const hasData = values.slice(1).some((row) => !(row ?? []).every(isBlankCell));
  if (!hasData) return { members: [], problems };
  const { columns } = matchHeaders(GROUPS_SCHEMA, headers, { samples: values.slice(1) });
  const codeIndex = columns.schoolCode ?? 0;
  let groupIndex = columns.group ?? -1;
  if (groupIndex < 0 && width >= 2) groupIndex = codeIndex === 0 ? 1 : 0;
  if (groupIndex < 0 || groupIndex === codeIndex) {
    return { members: [], problems: [sheetProblem(sheetName, GROUP_SHEET_WORDS.noGroupColumn(sheetName), ACTION.sheetIgnored)] };
  }
  const codeHeader = headers[codeIndex] || GROUP_SHEET_WORDS.codeHeader;
  const groupHeader = headers[groupIndex] || GROUP_SHEET_WORDS.groupHeader;
  const known = knownCodes ? new Map([...knownCodes].map((c) => [schoolCodeKey(c), c])) : null;
  const members: GroupMember[] = [];
  const seen = new Set<string>();
  for (let r = 1; r < values.length; r++) {
    const row = values[r] ?? [];
    const sheetRow = r + 1;
    if (row.every(isBlankCell)) continue;
    const rawCode = row[codeIndex];
    const rawGroup = row[groupIndex];
    const drop = (field: string, value: unknown, problem: string, schoolCode = '') =>
      problems.push(cellProblem(sheetName, { row: sheetRow, column: field, value, schoolCode }, problem, ACTION.rowDropped));
    if (isFormulaError(rawCode)) {
      drop(codeHeader, rawCode, PROBLEM.formulaError);
      continue;
    }
    if (isBlankCell(rawCode)) {
      drop(codeHeader, rawCode, PROBLEM.noSchoolCode);
      continue;
    }
    let code = normalizeSchoolCode(rawCode).code;
    if (known) {
      const spelled = known.get(schoolCodeKey(code));
      if (!spelled) {
        drop(codeHeader, rawCode, PROBLEM.unknownSchool, code);
        continue;
      }
      code = spelled;
    }
    if (isFormulaError(rawGroup)) {
      drop(groupHeader, rawGroup, PROBLEM.formulaError, code);
      continue;
    }
    const group = tidyText(cellText(rawGroup ?? ''));
    if (group === '') {
      drop(groupHeader, rawGroup, GROUP_SHEET_WORDS.noGroup, code);
      continue;
    }
    const key = `${schoolCodeKey(code)}\u0000${group}`;
    if (seen.has(key)) {
      drop(groupHeader, rawGroup, GROUP_SHEET_WORDS.duplicate, code);
      continue;
    }
    seen.add(key);
    members.push({ schoolCode: code, group });
  }
  return { members, problems: sortProblems(problems) };
}
