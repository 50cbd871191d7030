/**
 * The sheet «Доступ» (docs/методика.md §11): Код ОО | E-mail ответственного школы | E-mail куратора |
 * Муниципалитет | E-mail муниципального координатора. Works on the 2-D array of getValues() (loadInputs reads
 * the sheet once). An address that is not an e-mail is left out with a data-check row that does not repeat it:
 * addresses appear only in «Доступ» and in the protections.
 */
import { isEmailAddress, type AccessRow } from '../core/access';
import { normalizeText } from '../core/text';
import { columnLetter } from './a1';
import { ACCESS, TEMPLATE_WORDS } from './messages';
import type { Problem } from './problems';
import { cellText, isBlankCell, normalizeSchoolCode, schoolCodeKey } from './readResponses';

export interface AccessReading {
  rows: AccessRow[];
  problems: Problem[];
}

type AccessColumn = 'schoolCode' | 'responsible' | 'curator' | 'municipality' | 'coordinator';
const COLUMN_ORDER: readonly AccessColumn[] = ['schoolCode', 'responsible', 'curator', 'municipality', 'coordinator'];

/** The column of each field: by the template's titles (case, ё and spaces aside), else by the template's order. */
function columnsOf(header: readonly unknown[]): Record<AccessColumn, number> {
  const titles = TEMPLATE_WORDS.access.headers.map((h) => normalizeText(h));
  const found = header.map((h) => normalizeText(cellText(h)));
  const out = {} as Record<AccessColumn, number>;
  COLUMN_ORDER.forEach((key, i) => {
    const at = found.indexOf(titles[i]);
    out[key] = at >= 0 ? at : i;
  });
  return out;
}

/** Reads «Доступ»; values[0] is the header row. Codes not among `knownCodes` are listed and left out. */
export function readAccess(values: unknown[][], sheetName: string, knownCodes: ReadonlySet<string>): AccessReading {
  const rows: AccessRow[] = [];
  const problems: Problem[] = [];
  if (!values.length) return { rows, problems };
  const header = values[0];
  const col = columnsOf(header);
  const known = new Set([...knownCodes].map(schoolCodeKey));
  const byKey = new Map([...knownCodes].map((c) => [schoolCodeKey(c), c]));
  values.slice(1).forEach((raw, i) => {
    const rowNumber = i + 2;
    if (raw.every(isBlankCell)) return;
    const code = isBlankCell(raw[col.schoolCode]) ? null : normalizeSchoolCode(raw[col.schoolCode]).code;
    const problem = (key: AccessColumn, text: string, action: string, value = ''): void => {
      problems.push({ sheet: sheetName, row: rowNumber, schoolCode: code ?? '', field: cellText(header[col[key]] ?? columnLetter(col[key] + 1)), value, problem: text, action });
    };
    if (code !== null && !known.has(schoolCodeKey(code))) {
      problem('schoolCode', ACCESS.unknownSchool, ACCESS.unknownSchoolAction, code);
      return;
    }
    const email = (key: AccessColumn): string | null => {
      const v = raw[col[key]];
      if (isBlankCell(v)) return null;
      const text = cellText(v).trim();
      if (isEmailAddress(text)) return text;
      problem(key, ACCESS.badEmail, ACCESS.badEmailAction);
      return null;
    };
    const municipality = isBlankCell(raw[col.municipality]) ? null : cellText(raw[col.municipality]).trim();
    rows.push({
      row: rowNumber,
      schoolCode: code === null ? null : (byKey.get(schoolCodeKey(code)) ?? code),
      responsible: email('responsible'),
      curator: email('curator'),
      municipality,
      coordinator: email('coordinator'),
    });
  });
  return { rows, problems };
}
