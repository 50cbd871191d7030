/**
 * The optional input sheets of docs/методика.md §10: «Список ФИОКО» (Код ОО | Год) and «Объективность ВПР» (Код ОО |
 * Год | Процедура | Понизили | Подтвердили | Повысили, in %). Work on the 2-D array of getValues() (loadInputs reads
 * each sheet once); columns are found by their headers, bad values are listed and their rows dropped, valid rows kept.
 */
import { ValueError } from '../core/errors';
import type { FederalListEntry } from '../core/federalList';
import { parseShare, quoteValue } from '../core/numbers';
import type { ObjectivityRow } from '../core/objectivity';
import { formatPercent } from '../core/percent';
import { normalizeText } from '../core/text';
import { ACTION, PROBLEM, TEMPLATE_WORDS, missingTemplateColumnsMessage } from './messages';
import { sortProblems, type Problem } from './problems';
import { parseResultYear } from './readResults';
import { cellText, isBlankCell, isFormulaError, normalizeSchoolCode, schoolCodeKey } from './readResponses';

interface ColumnDef<K extends string> {
  key: K;
  label: string;
  /** Tested on the header in lower case with ё → е. */
  pattern: RegExp;
}

const FEDERAL_COLUMNS: ReadonlyArray<ColumnDef<'code' | 'year'>> = [
  { key: 'code', label: TEMPLATE_WORDS.federalList.headers[0], pattern: /код/ },
  { key: 'year', label: TEMPLATE_WORDS.federalList.headers[1], pattern: /год/ },
];

const OBJECTIVITY_COLUMNS: ReadonlyArray<ColumnDef<'code' | 'year' | 'procedure' | 'lowered' | 'confirmed' | 'raised'>> = [
  { key: 'code', label: TEMPLATE_WORDS.objectivity.headers[0], pattern: /код/ },
  { key: 'year', label: TEMPLATE_WORDS.objectivity.headers[1], pattern: /год/ },
  { key: 'procedure', label: TEMPLATE_WORDS.objectivity.headers[2], pattern: /процедур|впр|предмет/ },
  { key: 'lowered', label: TEMPLATE_WORDS.objectivity.headers[3], pattern: /пониз/ },
  { key: 'confirmed', label: TEMPLATE_WORDS.objectivity.headers[4], pattern: /подтверд/ },
  { key: 'raised', label: TEMPLATE_WORDS.objectivity.headers[5], pattern: /повыс/ },
];

/** Tolerance of «the three shares add up to 100 %»: the federal report rounds each share. */
const SUM_TOLERANCE = 0.02;

type Columns<K extends string> = Record<K, number>;

/** The column of each definition by its header (the first match wins), or the labels of those not found. */
function findColumns<K extends string>(headers: string[], defs: ReadonlyArray<ColumnDef<K>>): { columns: Columns<K> } | { missing: string[] } {
  const columns = {} as Columns<K>;
  const used = new Set<number>();
  const missing: string[] = [];
  for (const def of defs) {
    const index = headers.findIndex((h, i) => !used.has(i) && def.pattern.test(normalizeText(h)));
    if (index < 0) missing.push(def.label);
    else {
      columns[def.key] = index;
      used.add(index);
    }
  }
  return missing.length ? { missing } : { columns };
}

function headerTexts(values: unknown[][]): string[] {
  const width = values.reduce((w, row) => Math.max(w, row?.length ?? 0), 0);
  return Array.from({ length: width }, (_, i) => cellText(values[0]?.[i] ?? '').trim());
}

function hasData(values: unknown[][]): boolean {
  return values.slice(1).some((row) => !(row ?? []).every(isBlankCell));
}

/** The code as the form spells it when the school is known; else as normalised. */
function spelledCode(raw: unknown, known: Map<string, string> | null): { code: string; known: boolean } {
  const code = normalizeSchoolCode(raw).code;
  const spelled = known?.get(schoolCodeKey(code));
  return spelled ? { code: spelled, known: true } : { code, known: known === null };
}

function knownMap(knownCodes?: Set<string>): Map<string, string> | null {
  return knownCodes ? new Map([...knownCodes].map((c) => [schoolCodeKey(c), c])) : null;
}

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
  const found = findColumns(headers, FEDERAL_COLUMNS);
  if ('missing' in found) {
    if (!hasData(values)) return { entries: [], problems: [] };
    const problem = missingTemplateColumnsMessage(sheetName, found.missing, headers);
    return { entries: [], problems: [{ sheet: sheetName, row: null, schoolCode: '', field: '', value: '', problem, action: ACTION.sheetIgnored }] };
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
    const rawCode = row[columns.code];
    const problem = (field: string, value: unknown, text: string, schoolCode = '') =>
      problems.push({ sheet: sheetName, row: sheetRow, schoolCode, field, value: quoteValue(value), problem: text, action: ACTION.rowDropped });
    if (isFormulaError(rawCode) || isBlankCell(rawCode)) {
      problem(headers[columns.code], rawCode, isFormulaError(rawCode) ? PROBLEM.formulaError : PROBLEM.noSchoolCode);
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
      problem(headers[columns.code], rawCode, PROBLEM.duplicateFederalRow, code);
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
  const found = findColumns(headers, OBJECTIVITY_COLUMNS);
  if ('missing' in found) {
    if (!hasData(values)) return { rows: [], problems: [] };
    const problem = missingTemplateColumnsMessage(sheetName, found.missing, headers);
    return { rows: [], problems: [{ sheet: sheetName, row: null, schoolCode: '', field: '', value: '', problem, action: ACTION.sheetIgnored }] };
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
      problems.push({ sheet: sheetName, row: sheetRow, schoolCode, field: headers[column], value: quoteValue(row[column]), problem: text, action: ACTION.rowDropped });
    const rawCode = row[columns.code];
    if (isFormulaError(rawCode) || isBlankCell(rawCode)) {
      drop(columns.code, isFormulaError(rawCode) ? PROBLEM.formulaError : PROBLEM.noSchoolCode);
      continue;
    }
    const { code, known: isKnown } = spelledCode(rawCode, known);
    if (!isKnown) {
      drop(columns.code, PROBLEM.unknownSchool, code);
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
        problems.push({
          sheet: sheetName,
          row: sheetRow,
          schoolCode: code,
          field: headers[columns.confirmed],
          value: quoteValue(row[columns.confirmed]),
          problem: PROBLEM.objectivitySumNot100(formatPercent(lowered + confirmed + raised)),
          action: ACTION.rowUsed,
        });
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
