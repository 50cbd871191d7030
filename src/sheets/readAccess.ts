/**
 * The sheet «Доступ» (docs/методика.md §11): Код ОО | E-mail ответственного школы | E-mail куратора |
 * Муниципалитет | E-mail муниципального координатора. Works on the 2-D array of getValues() (loadInputs reads
 * the sheet once). An address that is not an e-mail is left out with a data-check row that does not repeat it:
 * addresses appear only in «Доступ» and in the protections. Read through the input framework (src/sheets/input).
 */
import { isEmailAddress, type AccessRow } from '../core/access';
import { columnLetter } from './a1';
import { cellText, headerTexts, isBlankCell, looksLikeSchoolCode, normalizeSchoolCode, schoolCodeKey } from './input/cells';
import { ACCESS_VARIANTS } from './input/corpus/references';
import { matchHeaders } from './input/matcher';
import { cellProblem } from './input/problems';
import type { InputSchema } from './input/schema';
import { ACCESS, TEMPLATE_WORDS } from './messages';
import type { Problem } from './problems';

export interface AccessReading {
  rows: AccessRow[];
  problems: Problem[];
}

type AccessColumn = keyof typeof ACCESS_VARIANTS;
const COLUMN_ORDER: readonly AccessColumn[] = ['schoolCode', 'responsible', 'curator', 'municipality', 'coordinator'];
const EMAIL_COLUMNS = new Set<AccessColumn>(['responsible', 'curator', 'coordinator']);

/** «Доступ» as an input schema (src/sheets/input): the template's titles, the corpus of other wordings, e-mails by their values. */
const ACCESS_SCHEMA: InputSchema<AccessColumn> = {
  id: 'access',
  fields: COLUMN_ORDER.map((key, i) => ({
    key,
    title: TEMPLATE_WORDS.access.headers[i],
    required: 'no' as const,
    variants: ACCESS_VARIANTS[key],
    accepts:
      key === 'schoolCode' ? looksLikeSchoolCode : EMAIL_COLUMNS.has(key) ? (v: unknown) => isEmailAddress(cellText(v).trim()) : undefined,
  })),
};

/** The column of each field by the header matcher; a field it cannot place keeps the template's position. */
function columnsOf(values: unknown[][]): Record<AccessColumn, number> {
  const { columns } = matchHeaders(ACCESS_SCHEMA, headerTexts(values), { samples: values.slice(1) });
  const taken = new Set(Object.values(columns).filter((c): c is number => c !== null));
  const out = {} as Record<AccessColumn, number>;
  COLUMN_ORDER.forEach((key, i) => {
    out[key] = columns[key] ?? (taken.has(i) ? -1 : i);
  });
  return out;
}

/** Reads «Доступ»; values[0] is the header row. Codes not among `knownCodes` are listed and left out. */
export function readAccess(values: unknown[][], sheetName: string, knownCodes: ReadonlySet<string>): AccessReading {
  const rows: AccessRow[] = [];
  const problems: Problem[] = [];
  if (!values.length) return { rows, problems };
  const header = values[0];
  const col = columnsOf(values);
  const known = new Set([...knownCodes].map(schoolCodeKey));
  const byKey = new Map([...knownCodes].map((c) => [schoolCodeKey(c), c]));
  values.slice(1).forEach((raw, i) => {
    const rowNumber = i + 2;
    if (raw.every(isBlankCell)) return;
    const code = isBlankCell(raw[col.schoolCode]) ? null : normalizeSchoolCode(raw[col.schoolCode]).code;
    // The value is quoted only for codes: addresses stay in «Доступ» and are not copied into «Проверка данных».
    const problem = (key: AccessColumn, text: string, action: string, value = ''): void => {
      const column = cellText(header[col[key]] ?? '').trim() || columnLetter(col[key] + 1);
      problems.push(cellProblem(sheetName, { row: rowNumber, column, value, schoolCode: code ?? '' }, text, action));
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
