/**
 * The optional sheet «Группы» (docs/методика.md §9): `Код ОО | Группа`, one row per school and group, several rows per
 * school allowed. Works on the 2-D array of getValues() (loadInputs reads the sheet once). Written in the style of the
 * «Риски» reader.
 */
import type { GroupMember } from '../core/groups';
import { quoteValue } from '../core/numbers';
import { tidyText } from '../core/text';
import { normalizeHeader } from './headerMapping';
import { ACTION, GROUP_SHEET_WORDS, PROBLEM } from './messages';
import { sortProblems, type Problem } from './problems';
import { cellText, isBlankCell, isFormulaError, normalizeSchoolCode, schoolCodeKey } from './readResponses';

export interface GroupsReading {
  members: GroupMember[];
  problems: Problem[];
}

/**
 * Reads «Группы» (docs/методика.md §9); values[0] is the header row. Код ОО is the column whose header says «Код» (else
 * the first column), the group the column whose header says «Группа» (else the second). A row without a code or a
 * group, with a formula error, or of a school not among `knownCodes` is listed and not used; a school given twice in
 * one group is listed once as a repeat. Group names are compared as written, spaces tidied («500+  2022» = «500+ 2022»).
 */
export function readGroups(values: unknown[][], sheetName: string, knownCodes?: Set<string>): GroupsReading {
  const width = values.reduce((w, row) => Math.max(w, row?.length ?? 0), 0);
  const headers = Array.from({ length: width }, (_, i) => cellText(values[0]?.[i] ?? '').trim());
  const problems: Problem[] = [];
  const hasData = values.slice(1).some((row) => !(row ?? []).every(isBlankCell));
  if (!hasData) return { members: [], problems };
  const found = (test: RegExp) => headers.findIndex((h) => normalizeHeader(h).some((s) => test.test(s)));
  const codeIndex = Math.max(0, found(/^(код|логин)/));
  let groupIndex = found(/^(групп|трек|проект)/);
  if (groupIndex < 0 && width >= 2) groupIndex = codeIndex === 0 ? 1 : 0;
  if (groupIndex < 0 || groupIndex === codeIndex) {
    return {
      members: [],
      problems: [
        {
          sheet: sheetName,
          row: null,
          schoolCode: '',
          field: '',
          value: '',
          problem: GROUP_SHEET_WORDS.noGroupColumn(sheetName),
          action: GROUP_SHEET_WORDS.sheetIgnored,
        },
      ],
    };
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
      problems.push({ sheet: sheetName, row: sheetRow, schoolCode, field, value: quoteValue(value), problem, action: ACTION.rowDropped });
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
