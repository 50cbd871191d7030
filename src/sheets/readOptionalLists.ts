/**
 * The optional input sheets of docs/методика.md §10: «Список ФИОКО» (Код ОО | Год) and «Объективность ВПР» (Код ОО |
 * Год | Процедура | Понизили | Подтвердили | Повысили, in %). Work on the 2-D array of getValues() (loadInputs reads
 * each sheet once); columns are found by the header matcher of the input framework (src/sheets/input), bad values are listed and their rows dropped, valid rows kept.
 */
import { ValueError } from '../core/errors';
import type { FederalListEntry } from '../core/federalList';
import { parseShare, quoteValue } from '../core/numbers';
import type { ObjectivityRow } from '../core/objectivity';
import { formatPercent } from '../core/percent';
import { ACTION, PROBLEM, TEMPLATE_WORDS, missingTemplateColumnsMessage } from './messages';
import { sortProblems, type Problem } from './problems';
import { parseResultYear } from './readResults';
import {
  cellText,
  headerTexts,
  isBlankCell,
  isBlankRow,
  isFormulaError,
  looksLikeSchoolCode,
  normalizeSchoolCode,
  schoolCodeKey,
} from './input/cells';
import { FEDERAL_LIST_VARIANTS, OBJECTIVITY_VARIANTS } from './input/corpus/references';
import { requiredColumns } from './input/matcher';
import { cellProblem, sheetProblem } from './input/problems';
import type { InputSchema } from './input/schema';

const parsesAsYear = (v: unknown): boolean => {
  try {
    parseResultYear(v);
    return true;
  } catch {
    return false;
  }
};
const parsesAsShare = (v: unknown): boolean => {
  try {
    return parseShare(v) !== null;
  } catch {
    return false;
  }
};

/** «Список ФИОКО» as an input schema (src/sheets/input): the template's titles and the corpus of other wordings. */
const FEDERAL_SCHEMA: InputSchema<keyof typeof FEDERAL_LIST_VARIANTS> = {
  id: 'federalList',
  fields: [
    {
      key: 'schoolCode',
      title: TEMPLATE_WORDS.federalList.headers[0],
      required: 'yes',
      variants: FEDERAL_LIST_VARIANTS.schoolCode,
      accepts: looksLikeSchoolCode,
    },
    {
      key: 'year',
      title: TEMPLATE_WORDS.federalList.headers[1],
      required: 'yes',
      variants: FEDERAL_LIST_VARIANTS.year,
      accepts: parsesAsYear,
    },
  ],
};

/** «Объективность ВПР» as an input schema: six required fields, shares recognised by their values too. */
const OBJECTIVITY_SCHEMA: InputSchema<keyof typeof OBJECTIVITY_VARIANTS> = {
  id: 'objectivity',
  fields: (['schoolCode', 'year', 'procedure', 'lowered', 'confirmed', 'raised'] as const).map((key, i) => ({
    key,
    title: TEMPLATE_WORDS.objectivity.headers[i],
    required: 'yes' as const,
    variants: OBJECTIVITY_VARIANTS[key],
    accepts: key === 'schoolCode' ? looksLikeSchoolCode : key === 'year' ? parsesAsYear : key === 'procedure' ? undefined : parsesAsShare,
  })),
};

/** Tolerance of «the three shares add up to 100 %»: the federal report rounds each share. */
const SUM_TOLERANCE = 0.02;

/** The code as the form spells it when the school is known; else as normalised. */
function spelledCode(raw: unknown, known: Map<string, string> | null): { code: string; known: boolean } {
  const code = normalizeSchoolCode(raw).code;
  const spelled = known?.get(schoolCodeKey(code));
  return spelled ? { code: spelled, known: true } : { code, known: known === null };
}

function knownMap(knownCodes?: Set<string>): Map<string, string> | null {
  return knownCodes ? new Map([...knownCodes].map((c) => [schoolCodeKey(c), c])) : null;
}

const hasData = (values: unknown[][]): boolean => values.slice(1).some((row) => !isBlankRow(row));

export interface FederalListReading {
  entries: FederalListEntry[];
  problems: Problem[];
}

/**
 * Reads «Список ФИОКО» (docs/методика.md §10); values[0] is the header row with «Код ОО» and «Год». A school not in
 * the form is kept (the comparison says so); a bad year drops the row with a problem; a repeated school and year is
 * noted once. Without the two columns the sheet is not used (one problem).
 */
export function readFederalList(values: unknown[][], sheetName: string, knownCodes?: Set<string>): FederalListReading {
  const headers = headerTexts(values);
  const found = requiredColumns(FEDERAL_SCHEMA, headers, values.slice(1));
  if ('missing' in found) {
    if (!hasData(values)) return { entries: [], problems: [] };
    return {
      entries: [],
      problems: [sheetProblem(sheetName, missingTemplateColumnsMessage(sheetName, found.missing, headers), ACTION.sheetIgnored)],
    };
  }
  const { columns } = found;
  const known = knownMap(knownCodes);
  const problems: Problem[] = [];
  const entries: FederalListEntry[] = [];
  const seen = new Set<string>();
  for (let r = 1; r < values.length; r++) {
    const row = values[r] ?? [];
    if (row.every(isBlankCell)) continue;
    const sheetRow = r + 1;
    const rawCode = row[columns.schoolCode];
    const problem = (field: string, value: unknown, text: string, schoolCode = '') =>
      problems.push(cellProblem(sheetName, { row: sheetRow, column: field, value, schoolCode }, text, ACTION.rowDropped));
    if (isFormulaError(rawCode) || isBlankCell(rawCode)) {
      problem(headers[columns.schoolCode], rawCode, isFormulaError(rawCode) ? PROBLEM.formulaError : PROBLEM.noSchoolCode);
      continue;
    }
    const { code } = spelledCode(rawCode, known);
    let year: number;
    try {
      year = parseResultYear(row[columns.year]);
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      problem(headers[columns.year], row[columns.year], e.message, code);
      continue;
    }
    const key = `${schoolCodeKey(code)}\u0000${year}`;
    if (seen.has(key)) {
      problem(headers[columns.schoolCode], rawCode, PROBLEM.duplicateFederalRow, code);
      continue;
    }
    seen.add(key);
    entries.push({ schoolCode: code, year });
  }
  return { entries, problems: sortProblems(problems) };
}

export interface ObjectivityReading {
  rows: ObjectivityRow[];
  problems: Problem[];
}

/** A share of «Объективность ВПР»: 35 %, «35,5», 0,355; out of 0–100 % or not a number throws ValueError. */
function readShare(value: unknown): number | null {
  let share: number | null;
  try {
    share = parseShare(value);
  } catch {
    throw new ValueError(PROBLEM.badShare(quoteValue(value)));
  }
  if (share !== null && (share < 0 || share > 1)) throw new ValueError(PROBLEM.shareOutOfRange(quoteValue(value)));
  return share;
}

/**
 * Reads «Объективность ВПР» (docs/методика.md §10); values[0] is the header row. A school not in the form, a bad
 * year, no procedure or a share that is not one drop the row with a problem; three shares that do not add up to
 * 100 % (± 2 points, the report rounds) are kept and noted. Without the six columns the sheet is not used.
 */
export function readObjectivity(values: unknown[][], sheetName: string, knownCodes?: Set<string>): ObjectivityReading {
  const headers = headerTexts(values);
  const found = requiredColumns(OBJECTIVITY_SCHEMA, headers, values.slice(1));
  if ('missing' in found) {
    if (!hasData(values)) return { rows: [], problems: [] };
    return {
      rows: [],
      problems: [sheetProblem(sheetName, missingTemplateColumnsMessage(sheetName, found.missing, headers), ACTION.sheetIgnored)],
    };
  }
  const { columns } = found;
  const known = knownMap(knownCodes);
  const problems: Problem[] = [];
  const rows: ObjectivityRow[] = [];
  for (let r = 1; r < values.length; r++) {
    const row = values[r] ?? [];
    if (row.every(isBlankCell)) continue;
    const sheetRow = r + 1;
    const drop = (column: number, text: string, schoolCode = '') =>
      problems.push(
        cellProblem(sheetName, { row: sheetRow, column: headers[column], value: row[column], schoolCode }, text, ACTION.rowDropped),
      );
    const rawCode = row[columns.schoolCode];
    if (isFormulaError(rawCode) || isBlankCell(rawCode)) {
      drop(columns.schoolCode, isFormulaError(rawCode) ? PROBLEM.formulaError : PROBLEM.noSchoolCode);
      continue;
    }
    const { code, known: isKnown } = spelledCode(rawCode, known);
    if (!isKnown) {
      drop(columns.schoolCode, PROBLEM.unknownSchool, code);
      continue;
    }
    try {
      const year = parseResultYear(row[columns.year]);
      const procedure = cellText(row[columns.procedure]).trim();
      if (!procedure) {
        drop(columns.procedure, PROBLEM.noProcedure, code);
        continue;
      }
      const shares: Record<'lowered' | 'confirmed' | 'raised', number | null> = { lowered: null, confirmed: null, raised: null };
      for (const key of ['lowered', 'confirmed', 'raised'] as const) {
        try {
          shares[key] = readShare(row[columns[key]]);
        } catch (e) {
          if (!(e instanceof ValueError)) throw e;
          drop(columns[key], e.message, code);
          throw e;
        }
      }
      const { lowered, confirmed, raised } = shares;
      if (lowered !== null && confirmed !== null && raised !== null && Math.abs(lowered + confirmed + raised - 1) > SUM_TOLERANCE) {
        const place = { row: sheetRow, column: headers[columns.confirmed], value: row[columns.confirmed], schoolCode: code };
        problems.push(
          cellProblem(sheetName, place, PROBLEM.objectivitySumNot100(formatPercent(lowered + confirmed + raised)), ACTION.rowUsed),
        );
      }
      rows.push({ schoolCode: code, year, procedure, lowered, confirmed, raised });
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      // A bad share was reported where it was found; a bad year is reported here.
      if (!problems.some((p) => p.row === sheetRow)) drop(columns.year, e.message, code);
    }
  }
  return { rows, problems: sortProblems(problems) };
}
