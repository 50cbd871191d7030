/**
 * The sheet «Результаты ОП» (docs/методика.md §1.2), long format: one row per school × year × procedure.
 * Works on the 2-D array of getValues() (loadInputs reads the sheet once).
 */
import { ValueError } from '../core/errors';
import { parseCount, quoteValue } from '../core/numbers';
import { isKnownProcedure, normalizeProcedureName } from '../core/procedures';
import type { ProcedureResult } from '../core/types';
import { cellText, headerTexts, looksLikeSchoolCode, isBlankCell, isFormulaError, normalizeSchoolCode, schoolCodeKey } from './input/cells';
import { RESULTS_VARIANTS } from './input/corpus/results';
import { matchHeaders } from './input/matcher';
import { cellProblem, sheetProblem } from './input/problems';
import type { InputField, InputSchema } from './input/schema';
import { ACTION, PROBLEM, TEMPLATE_WORDS, missingTemplateColumnsMessage } from './messages';
import { sortProblems, type Problem } from './problems';

/** Header of «Результаты ОП»: Код ОО | Год | Процедура | Участников | Не преодолели порог | Высокобалльников. */
export const RESULTS_HEADER: readonly string[] = TEMPLATE_WORDS.results.headers;

type ResultColumn = keyof typeof RESULTS_VARIANTS;

const countFits = (v: unknown) => {
  try {
    return parseCount(v) !== null;
  } catch {
    return false;
  }
};
const yearFits = (v: unknown) => {
  try {
    parseResultYear(v);
    return true;
  } catch {
    return false;
  }
};
const resultField = (key: ResultColumn, index: number, required: boolean, accepts?: (v: unknown) => boolean): InputField<ResultColumn> => ({
  key,
  title: RESULTS_HEADER[index],
  required: required ? 'yes' : 'no',
  variants: RESULTS_VARIANTS[key],
  ...(accepts ? { accepts } : {}),
});

/** «Результаты ОП» as an input schema (src/sheets/input): the template's titles and the corpus of other wordings. Columns may be reordered. */
export const RESULTS_SCHEMA: InputSchema<ResultColumn> = {
  id: 'results',
  fields: [
    resultField('schoolCode', 0, true, looksLikeSchoolCode),
    resultField('year', 1, true, yearFits),
    resultField('procedure', 2, true, (v) => typeof v === 'string' && /[А-Яа-яЁёA-Za-z]{2}/.test(v)),
    resultField('participants', 3, true, countFits),
    resultField('failed', 4, true, countFits),
    resultField('highScorers', 5, false, countFits),
  ],
};

const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

/**
 * The calendar year of an assessment (docs/методика.md §1.2: 2024 = the 2023/24 school year's exams): a whole
 * number 2000–2100, or text «2024», «2023/24», «2023/2024», «2023-2024» (a school year gives its second,
 * calendar year of the exams). Anything else throws ValueError.
 */
export function parseResultYear(value: unknown): number {
  let year: number | null = null;
  if (typeof value === 'number' && Number.isInteger(value)) year = value;
  else if (typeof value === 'string') {
    const text = value.trim();
    const single = /^(\d{4})(?:\s*г\.?)?$/.exec(text);
    const span = /^(\d{4})\s*[/\-–—]\s*(\d{2}|\d{4})$/.exec(text);
    if (single) year = Number(single[1]);
    else if (span) {
      const first = Number(span[1]);
      const second = span[2].length === 4 ? Number(span[2]) : first - (first % 100) + Number(span[2]) + (Number(span[2]) < first % 100 ? 100 : 0);
      if (second === first + 1) year = second;
    }
  }
  if (year === null) throw new ValueError(PROBLEM.badYear(quoteValue(value)));
  if (year < FIRST_YEAR || year > LAST_YEAR) throw new ValueError(PROBLEM.yearOutOfRange(quoteValue(value)));
  return year;
}

export interface ResultsReading {
  results: ProcedureResult[];
  problems: Problem[];
}

function findColumns(headers: string[], samples?: unknown[][]): Partial<Record<ResultColumn, number>> {
  const match = matchHeaders(RESULTS_SCHEMA, headers, { samples });
  const found: Partial<Record<ResultColumn, number>> = {};
  for (const f of RESULTS_SCHEMA.fields) if (match.columns[f.key] !== null) found[f.key] = match.columns[f.key]!;
  return found;
}

/** The 0-based column of «Год» in a header row of «Результаты ОП» (found by its title, as readResults finds it), or null. */
export function resultYearColumn(headerRow: readonly unknown[]): number | null {
  return findColumns(headerRow.map((h) => cellText(h ?? '').trim())).year ?? null;
}

/** The distinct years of «Год» cells as readResults reads them (parseResultYear: «2024», «2023/24» → 2024), ascending; unreadable cells are left out. */
export function resultYears(cells: readonly unknown[]): number[] {
  const years = new Set<number>();
  for (const cell of cells) {
    try {
      years.add(parseResultYear(cell));
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
    }
  }
  return [...years].sort((a, b) => a - b);
}

const isFatal = (p: Problem) => p.action === ACTION.rowDropped;

/** Bounds of the numeric duplicate key: procedures per sheet and the years it can tell apart (else a text key). */
const PROCEDURE_IDS = 4096;
const MIN_YEAR = 1900;
const YEAR_SPAN = 1000;

interface Candidate {
  result: ProcedureResult;
  sheetRow: number;
}

/**
 * Reads «Результаты ОП» (docs/методика.md §1.2); values[0] is the header row (columns found by their titles).
 * A row is not used, with a problem, when Код ОО, Год or Процедура is missing or unreadable, a count is
 * not a whole non-negative number, «Не преодолели порог» exceeds «Участников» or is above 0 with no
 * participants, or the school is not among `knownCodes` (the schools of the responses; its results
 * would have no name or municipality). A bad «Высокобалльников» drops only that value. Procedure names
 * are normalised; one outside the nine canonical ones is used and mentioned. Of two rows for the same
 * school, year and procedure the lower one wins. Codes compare case-insensitively and are written as in
 * `knownCodes`. When a required column is missing the sheet is not used (one problem naming the columns),
 * as when the sheet is absent: the rest of the report does not need it.
 * `latestYear` (the current calendar year) rejects a year that has not come yet: one typo such as «2052» would
 * otherwise become the reporting year and leave every school «нет данных».
 */
export function readResults(values: unknown[][], sheetName: string, knownCodes?: Set<string>, options: { latestYear?: number } = {}): ResultsReading {
  const headers = headerTexts(values);
  const columns = findColumns(headers, values.slice(1));
  const missing = RESULTS_SCHEMA.fields.filter((c) => c.required === 'yes' && columns[c.key] === undefined).map((c) => c.title);
  if (missing.length) {
    // Like a missing «Результаты ОП» sheet: ИСБШ and the rest can still be computed, so the run goes on.
    const problem = missingTemplateColumnsMessage(sheetName, missing, headers);
    return { results: [], problems: [sheetProblem(sheetName, problem, ACTION.sheetIgnored)] };
  }
  const known = knownCodes ? new Map([...knownCodes].map((c) => [schoolCodeKey(c), c])) : null;
  const problems: Problem[] = [];
  const accepted: Candidate[] = [];

  for (let r = 1; r < values.length; r++) {
    const row = values[r] ?? [];
    const sheetRow = r + 1;
    if (row.every(isBlankCell)) continue;
    const rowProblems: Problem[] = [];
    let code = '';
    const problem = (key: ResultColumn, raw: unknown, text: string, action: string = ACTION.rowDropped) =>
      rowProblems.push(cellProblem(sheetName, { row: sheetRow, column: headers[columns[key]!], value: raw, schoolCode: code }, text, action));
    const cell = (key: ResultColumn): unknown => (columns[key] === undefined ? '' : row[columns[key]!]);
    /** A cell read by `parse`; a formula error or a ValueError is a problem (`action`), the value undefined. */
    const read = <T>(key: ResultColumn, parse: (v: unknown) => T, action?: string): T | undefined => {
      const raw = cell(key);
      if (isFormulaError(raw)) {
        problem(key, raw, PROBLEM.formulaError, action);
        return undefined;
      }
      try {
        return parse(raw);
      } catch (e) {
        if (!(e instanceof ValueError)) throw e;
        problem(key, raw, e.message, action);
        return undefined;
      }
    };

    const rawCode = cell('schoolCode');
    if (isBlankCell(rawCode)) problem('schoolCode', rawCode, PROBLEM.noSchoolCode);
    else if (isFormulaError(rawCode)) problem('schoolCode', rawCode, PROBLEM.formulaError);
    else {
      code = normalizeSchoolCode(rawCode).code;
      if (known) code = known.get(schoolCodeKey(code)) ?? code;
    }
    const year = read('year', (v) => {
      const y = parseResultYear(v);
      if (options.latestYear !== undefined && y > options.latestYear) throw new ValueError(PROBLEM.futureYear(quoteValue(v)));
      return y;
    });
    const procedureRaw = cell('procedure');
    let procedure: string | undefined;
    if (isFormulaError(procedureRaw)) problem('procedure', procedureRaw, PROBLEM.formulaError);
    else if (isBlankCell(procedureRaw)) problem('procedure', procedureRaw, PROBLEM.noProcedure);
    else procedure = normalizeProcedureName(cellText(procedureRaw));
    const participants = read('participants', parseCount);
    const failed = read('failed', parseCount);
    let highScorers = columns.highScorers === undefined ? null : read('highScorers', parseCount, ACTION.valueDropped);

    if (participants !== undefined && failed !== undefined) {
      if (failed !== null && failed > 0 && !participants) {
        problem('failed', cell('failed'), PROBLEM.failedWithoutParticipants(quoteValue(failed)));
      } else if (failed !== null && participants !== null && failed > participants) {
        problem('failed', cell('failed'), PROBLEM.failedAboveParticipants(quoteValue(failed), quoteValue(participants)));
      }
    }
    if (highScorers !== undefined && highScorers !== null && participants !== undefined && highScorers > (participants ?? 0)) {
      problem('highScorers', cell('highScorers'), PROBLEM.highAboveParticipants(quoteValue(highScorers), quoteValue(participants ?? 0)), ACTION.valueDropped);
      highScorers = undefined;
    }
    if (!rowProblems.some(isFatal) && code && known && !known.has(schoolCodeKey(code))) {
      problem('schoolCode', rawCode, PROBLEM.unknownSchool);
    }
    if (rowProblems.some(isFatal)) {
      // Every problem of a dropped row says the row was not used.
      problems.push(...rowProblems.map((p) => ({ ...p, action: ACTION.rowDropped })));
      continue;
    }
    if (participants && failed === null) problem('failed', cell('failed'), PROBLEM.noFailedCount, ACTION.shareNotComputed);
    if (!isKnownProcedure(procedure!)) problem('procedure', procedureRaw, PROBLEM.unknownProcedure, ACTION.rowUsed);
    else if (cellText(procedureRaw).replace(/\s+/g, ' ').trim() !== procedure) problem('procedure', procedureRaw, PROBLEM.procedureReadAs(procedure!), ACTION.rowUsed);
    if (typeof cell('year') === 'string' && String(year) !== cellText(cell('year'))) {
      problem('year', cell('year'), PROBLEM.yearReadAs(cellText(cell('year')), year as number), ACTION.rowUsed);
    }
    problems.push(...rowProblems);
    accepted.push({
      sheetRow,
      result: {
        schoolCode: code,
        year: year!,
        procedure: procedure!,
        participants: participants ?? null,
        failed: failed ?? null,
        highScorers: highScorers ?? null,
      },
    });
  }

  // One number per (school, year, procedure): small ids for codes and procedures, so that 700 000 rows are told apart
  // without building and hashing 700 000 strings.
  const codeIds = new Map<string, number>();
  const procedureIds = new Map<string, number>();
  const idOf = (ids: Map<string, number>, key: string): number => {
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    return id;
  };
  const keys = accepted.map((c) => (idOf(codeIds, schoolCodeKey(c.result.schoolCode)) * PROCEDURE_IDS + idOf(procedureIds, c.result.procedure)) * YEAR_SPAN + (c.result.year - MIN_YEAR));
  const exact = procedureIds.size < PROCEDURE_IDS && accepted.every((c) => c.result.year >= MIN_YEAR && c.result.year < MIN_YEAR + YEAR_SPAN && Number.isInteger(c.result.year));
  const keyOf = exact
    ? (_c: Candidate, i: number): number | string => keys[i]
    : (c: Candidate): number | string => `${schoolCodeKey(c.result.schoolCode)}\u0000${c.result.year}\u0000${c.result.procedure}`;
  const latest = new Map<number | string, Candidate>();
  accepted.forEach((c, i) => latest.set(keyOf(c, i), c));
  for (const [i, c] of accepted.entries()) {
    const winner = latest.get(keyOf(c, i))!;
    if (winner === c) continue;
    problems.push({
      sheet: sheetName,
      row: c.sheetRow,
      schoolCode: c.result.schoolCode,
      field: '',
      value: `${c.result.year}, ${c.result.procedure}`,
      problem: PROBLEM.duplicateResult,
      action: ACTION.replacedByLaterRow(winner.sheetRow),
    });
  }
  const results = accepted.filter((c, i) => latest.get(keyOf(c, i)) === c).map((c) => c.result);
  return { results, problems: sortProblems(problems) };
}
