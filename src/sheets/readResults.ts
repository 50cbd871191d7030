/**
 * The sheet «Результаты ОП» (docs/методика.md §1.2), long format: one row per school × year × procedure.
 * Works on the 2-D array of getValues() (loadInputs reads the sheet once).
 */
import { ValueError } from '../core/errors';
import { parseCount, quoteValue } from '../core/numbers';
import { compareProcedures, isKnownProcedure, normalizeProcedureName } from '../core/procedures';
import { codeHints, nearMatch } from '../core/schoolCodes';
import { isTotalsRow } from '../core/plausibility';
import { mostlyShares, shareColumn, shareInColumn, type ShareColumn } from '../core/shareColumn';
import { isPercentFormat, isShareFailuresHeader, wideGroups, type ResultField } from './resultsLayout';
import { parseExamYear } from '../core/years';
import type { LostResult, ProcedureResult } from '../core/types';
import { cellText, headerTexts, looksLikeSchoolCode, isBlankCell, isFormulaError, normalizeSchoolCode, schoolCodeKey } from './input/cells';
import { RESULTS_VARIANTS } from './input/corpus/results';
import { matchHeaders } from './input/matcher';
import { cellProblem, sheetProblem } from './input/problems';
import type { InputField, InputSchema } from './input/schema';
import { ACTION, PROBLEM, TEMPLATE_WORDS, missingTemplateColumnsMessage } from './messages';
import { sortProblems, type Problem } from './problems';

/** Header of «Результаты ОП»: Код ОО | Год | Процедура | Участников | Не преодолели порог | Высокобалльников. */
export const RESULTS_HEADER: readonly string[] = TEMPLATE_WORDS.results.headers;

type ResultColumn = ResultField;

const countFits = (v: unknown) => {
  try {
    return parseCount(v) !== null;
  } catch {
    return false;
  }
};
/** A failures cell may be a count or a share («33,3%», 0.25): both are evidence for the column. */
const failuresFit = (v: unknown) => countFits(v) || (typeof v === 'string' && /^\s*\d+(?:[.,]\d+)?\s*%?\s*$|\/\s*\d/.test(v));
const yearFits = (v: unknown) => {
  try {
    parseResultYear(v);
    return true;
  } catch {
    return false;
  }
};
const resultField = (key: ResultColumn, title: string, required: boolean, accepts?: (v: unknown) => boolean): InputField<ResultColumn> => ({
  key,
  title,
  required: required ? 'yes' : 'no',
  variants: RESULTS_VARIANTS[key],
  ...(accepts ? { accepts } : {}),
});

/**
 * «Результаты ОП» as an input schema (src/sheets/input): the template's titles and the corpus of other wordings,
 * plus the columns of ФИС ОКО-style exports (Предмет, Класс) and of ГИА reports (Не допущены). Columns may be
 * reordered. Which of them a sheet needs depends on its layout (readResults).
 */
export const RESULTS_SCHEMA: InputSchema<ResultColumn> = {
  id: 'results',
  fields: [
    resultField('schoolCode', RESULTS_HEADER[0], true, looksLikeSchoolCode),
    resultField('year', RESULTS_HEADER[1], true, yearFits),
    resultField('procedure', RESULTS_HEADER[2], true, (v) => typeof v === 'string' && /[А-Яа-яЁёA-Za-z]{2}/.test(v)),
    resultField('participants', RESULTS_HEADER[3], true, countFits),
    resultField('failed', RESULTS_HEADER[4], true, failuresFit),
    resultField('highScorers', RESULTS_HEADER[5], false, countFits),
    resultField('subject', 'Предмет', false, (v) => typeof v === 'string' && /[А-Яа-яЁё]{3}/.test(v)),
    resultField('grade', 'Класс', false, countFits),
    resultField('notAdmitted', 'Не допущены', false, countFits),
  ],
};

/** The labels of the template's columns, by field, for «not found» messages. */
const LABELS: Partial<Record<ResultField, string>> = Object.fromEntries(RESULTS_SCHEMA.fields.map((f) => [f.key, f.title]));

/** Columns of the long layout without which the sheet cannot be read, in the template's order. */
const REQUIRED_LONG: readonly ResultField[] = ['schoolCode', 'year', 'procedure', 'participants', 'failed'];

/** The calendar year of an assessment (docs/методика.md §1.2), as core reads it: «2024», «2023/24», «2023-2024 уч. год» → 2024. */
export const parseResultYear = parseExamYear;

export interface ResultsReading {
  results: ProcedureResult[];
  problems: Problem[];
  /**
   * Rows of known schools that were not used, with their year and procedure when readable: their schools get
   * «неполные данные» when the rows could change the status (docs/методика.md §3). Unknown schools and totals rows are
   * not here: they are nobody's.
   */
  lost: LostResult[];
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
 * One school × year × procedure of the sheet, whatever the layout: the raw cells of its fields and the
 * headers that name them in the data check. A long row is one view; a wide row is one view per group.
 */
interface RowView {
  sheetRow: number;
  raw: (field: ResultField) => unknown;
  has: (field: ResultField) => boolean;
  header: (field: ResultField) => string;
  /** The column index of a field (for its number format and its column-level share decision). */
  column: (field: ResultField) => number | undefined;
  /** Year and procedure come from the header (wide layout): no per-row notes about how they were read. */
  fromHeader: boolean;
}

/** «6 / 67%»: a count with the share the table printed beside it. */
const COUNT_WITH_SHARE = /^(\d+)\s*\/\s*\d+(?:[.,]\d+)?\s*%?$/;
const DASHES = new Set(['-', '—', '–', '−']);

/** How one failures column is read: shares or counts, decided for the whole column. */
interface FailuresColumn {
  shares: boolean;
  scale: ShareColumn;
}

function failuresColumn(values: unknown[][], index: number, header: string, percentFormatted: (r: number) => boolean): FailuresColumn {
  const cells: unknown[] = [];
  const formatted: boolean[] = [];
  for (let r = 1; r < values.length; r++) {
    const v = values[r]?.[index];
    // A count with its printed share and a dash say nothing about the column's scale.
    if (typeof v === 'string' && (COUNT_WITH_SHARE.test(v.trim()) || DASHES.has(v.trim()))) continue;
    cells.push(v);
    formatted.push(percentFormatted(r));
  }
  const byFormat = (i: number) => formatted[i];
  const shares = isShareFailuresHeader(header) || mostlyShares(cells, byFormat);
  return { shares, scale: shareColumn(cells, { percentHeader: isShareFailuresHeader(header), percentFormatted: byFormat }) };
}

/** The rows of a «reported once» problem: «строка 2», «строки 2, 5, 9» or «строки 2, 5, 9, 11, 12 и ещё 4». */
function rowsText(rows: readonly number[]): string {
  return PROBLEM.rows(rows.slice(0, 5), rows.length - 5);
}

/** What was done with the rows of a «reported once» problem. */
function rowsAction(rows: readonly number[], one: string, many: string): string {
  return rows.length === 1 ? one : many;
}

/**
 * Reads «Результаты ОП» (docs/методика.md §1.2); values[0] is the header row (columns found by their titles).
 * Layouts: the long template, with Процедура / Предмет / Класс possibly split (combined into one
 * procedure name), or a wide table with one column per procedure and year (resultsLayout). A row is not
 * used, with a problem, when Код ОО, Год or Процедура is missing or unreadable, a count is not a whole
 * non-negative number, «Не преодолели порог» exceeds «Участников» or is above 0 with no participants, or
 * the school is not among `knownCodes` (reported once per code, with a near-match hint). A bad
 * «Высокобалльников» drops only that value. Published notations are read as they mean and noted once:
 * «-» with participants is 0 failing, «6 / 67%» the count 6, a share (header «доля»/«%», percent-formatted
 * cells — `formats`, the sheet's number formats — or «33,3%», or a column mostly of shares) is converted
 * with «Участников» (kept as the share when there are none), and an optional «Не допущены» counts as
 * failing in both numerator and denominator. Totals rows («Итого …») are not schools. Procedure names are
 * normalised; one outside the nine is used and mentioned, and one that appears in only one year of several
 * is named. Of two rows for the same school, year and procedure the lower one wins. Codes compare without
 * case, spaces and invisible characters and are written as in `knownCodes`. When required columns are
 * missing the sheet is not used (one problem naming them), as when the sheet is absent.
 * `latestYear` (the current calendar year) rejects a year that has not come yet: one typo such as «2052» would
 * otherwise become the reporting year and leave every school «нет данных».
 */
export function readResults(
  values: unknown[][],
  sheetName: string,
  knownCodes?: Set<string>,
  options: { latestYear?: number; formats?: unknown[][] } = {},
): ResultsReading {
  const headers = headerTexts(values);
  const columns = findColumns(headers, values.slice(1));
  const percentFormatted = (r: number, c: number | undefined) => c !== undefined && isPercentFormat(options.formats?.[r]?.[c]);
  const problems: Problem[] = [];
  const sheetNote = (problem: string, action: string, field = '', value = '') =>
    problems.push({ ...sheetProblem(sheetName, problem, action), field, value });

  // The layout: wide when headers name procedures and years and no other column is the year (a header such as
  // «ОГЭ математика 2023/24, участников» may look like a year column to the matcher), else long.
  const wideLayout = wideGroups(headers);
  const wideColumns = new Set<number>(wideLayout.unread);
  for (const g of wideLayout.groups) for (const i of [g.participants, g.failed, g.highScorers]) if (i !== undefined) wideColumns.add(i);
  const isWide = wideLayout.groups.length > 0 && (columns.year === undefined || wideColumns.has(columns.year));
  const wide = wideLayout;
  if (isWide) for (const f of Object.keys(columns) as ResultField[]) if (f !== 'schoolCode') delete columns[f];
  const required = isWide
    ? (['schoolCode'] as ResultField[])
    : REQUIRED_LONG.filter((f) => !(f === 'procedure' && columns.subject !== undefined));
  // Without participants a column of shares is still a failing share; a count is not.
  const missing = required.filter(
    (f) =>
      columns[f] === undefined &&
      !(
        f === 'participants' &&
        columns.failed !== undefined &&
        failuresColumn(values, columns.failed, headers[columns.failed], (r) => percentFormatted(r, columns.failed)).shares
      ),
  );
  if (missing.length) {
    // Like a missing «Результаты ОП» sheet: ИСБШ and the rest can still be computed, so the run goes on.
    const labels = missing.map((f) => LABELS[f] ?? f);
    const problem = missingTemplateColumnsMessage(
      sheetName,
      RESULTS_HEADER.filter((h) => labels.includes(h)),
      headers,
    );
    return { results: [], problems: [sheetProblem(sheetName, problem, ACTION.sheetIgnored)], lost: [] };
  }
  if (isWide) {
    for (const g of wide.groups) {
      const name = normalizeProcedureName(g.procedure);
      sheetNote(PROBLEM.wideColumnsReadAs(name, g.year), ACTION.columnsUsed, g.headers.join('; '));
    }
    for (const i of wide.unread) sheetNote(PROBLEM.wideColumnNotRead, ACTION.columnIgnored, headers[i]);
  }

  const failureColumns = new Map<number, FailuresColumn>();
  const failuresOf = (index: number): FailuresColumn => {
    let c = failureColumns.get(index);
    if (!c) failureColumns.set(index, (c = failuresColumn(values, index, headers[index], (r) => percentFormatted(r, index))));
    return c;
  };

  const views: RowView[] = [];
  for (let r = 1; r < values.length; r++) {
    const row = values[r] ?? [];
    if (row.every(isBlankCell)) continue;
    const sheetRow = r + 1;
    if (!isWide) {
      views.push({
        sheetRow,
        raw: (f) => (columns[f] === undefined ? '' : row[columns[f]!]),
        has: (f) => columns[f] !== undefined,
        header: (f) => (columns[f] === undefined ? '' : headers[columns[f]!]),
        column: (f) => columns[f],
        fromHeader: false,
      });
      continue;
    }
    for (const g of wide.groups) {
      const at: Partial<Record<ResultField, number>> = {
        schoolCode: columns.schoolCode,
        participants: g.participants,
        failed: g.failed,
        highScorers: g.highScorers,
      };
      // A school without any value in the group's columns has no row for that procedure and year.
      if ([g.participants, g.failed, g.highScorers].every((i) => i === undefined || isBlankCell(row[i]))) continue;
      views.push({
        sheetRow,
        raw: (f) => (f === 'year' ? g.year : f === 'procedure' ? g.procedure : at[f] === undefined ? '' : row[at[f]!]),
        has: (f) => f === 'year' || f === 'procedure' || at[f] !== undefined,
        header: (f) => (at[f] === undefined ? headers[g.failed!] : headers[at[f]!]),
        column: (f) => at[f],
        fromHeader: true,
      });
    }
  }

  const known = knownCodes ? new Map([...knownCodes].map((c) => [schoolCodeKey(c), c])) : null;
  const hints = knownCodes ? codeHints(knownCodes) : null;
  const unknownRows = new Map<string, { code: string; field: string; rows: number[] }>();
  const respelled = new Map<string, { raw: string; code: string; row: number; field: string }>();
  const totalsRows: number[] = [];
  const notes = { dash: [] as number[], pair: [] as number[], share: [] as number[], notAdmitted: [] as number[] };
  const accepted: Candidate[] = [];
  const lost: LostResult[] = [];

  for (const view of views) {
    const { sheetRow } = view;
    const rowProblems: Problem[] = [];
    let code = '';
    const problem = (key: ResultColumn, raw: unknown, text: string, action: string = ACTION.rowDropped) =>
      rowProblems.push(cellProblem(sheetName, { row: sheetRow, column: view.header(key), value: raw, schoolCode: code }, text, action));
    const cell = (key: ResultColumn): unknown => view.raw(key);
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
    if (!isBlankCell(rawCode) && isTotalsRow(cellText(rawCode))) {
      if (!totalsRows.includes(sheetRow)) totalsRows.push(sheetRow);
      continue;
    }
    if (isBlankCell(rawCode)) problem('schoolCode', rawCode, PROBLEM.noSchoolCode);
    else if (isFormulaError(rawCode)) problem('schoolCode', rawCode, PROBLEM.formulaError);
    else {
      code = normalizeSchoolCode(rawCode).code;
      const spelled = known?.get(schoolCodeKey(code));
      if (spelled !== undefined) {
        if (code.toLowerCase() !== spelled.toLowerCase() && !respelled.has(schoolCodeKey(code))) {
          respelled.set(schoolCodeKey(code), {
            raw: cellText(rawCode).trim(),
            code: spelled,
            row: sheetRow,
            field: view.header('schoolCode'),
          });
        }
        code = spelled;
      }
    }
    const year = read('year', (v) => {
      const y = parseResultYear(v);
      if (options.latestYear !== undefined && y > options.latestYear) throw new ValueError(PROBLEM.futureYear(quoteValue(v)));
      return y;
    });
    // Процедура | Предмет | Класс split as ФИС ОКО exports them make one name: «ВПР» «математика» «5» → «ВПР математика 5».
    const procedureParts = (['procedure', 'subject', 'grade'] as const).filter((f) => view.has(f)).map((f) => cell(f));
    const procedureRaw = procedureParts
      .filter((v) => !isBlankCell(v))
      .map((v) => cellText(v).trim())
      .join(' ');
    let procedure: string | undefined;
    if (procedureParts.some(isFormulaError)) problem('procedure', procedureRaw, PROBLEM.formulaError);
    else if (isBlankCell(procedureRaw)) problem(view.has('procedure') ? 'procedure' : 'subject', procedureRaw, PROBLEM.noProcedure);
    else procedure = normalizeProcedureName(procedureRaw);
    let participants = view.has('participants') ? read('participants', parseCount) : null;

    // The failures: a count, «-» (none), «6 / 67%» (the count), or a share converted with the participants.
    let failed: number | null | undefined;
    let share: number | undefined;
    const failedRaw = cell('failed');
    const failedColumn = view.column('failed');
    const failedText = typeof failedRaw === 'string' ? failedRaw.trim() : '';
    const pair = COUNT_WITH_SHARE.exec(failedText);
    if (DASHES.has(failedText)) {
      failed = participants ? 0 : null;
      if (participants) notes.dash.push(sheetRow);
    } else if (pair) {
      failed = Number(pair[1]);
      notes.pair.push(sheetRow);
    } else {
      const column = failedColumn === undefined ? null : failuresOf(failedColumn);
      const formatted = percentFormatted(sheetRow - 1, failedColumn);
      const written = typeof failedRaw === 'string' && /%\s*$/.test(failedRaw.trim());
      if (column && (column.shares || formatted || written)) {
        const s = read('failed', (v) => shareInColumn(v, column.scale, formatted));
        if (s === undefined) failed = undefined;
        else if (s === null) failed = null;
        else {
          // A column of shares is noted once; a share among counts is noted on its row.
          if (column.shares) notes.share.push(sheetRow);
          else problem('failed', failedRaw, PROBLEM.shareAmongCounts, ACTION.shareConverted);
          if (participants === undefined) {
            failed = undefined;
          } else if (participants === null) {
            share = s;
            failed = null;
          } else if (participants === 0) {
            failed = s > 0 ? s : 0;
          } else {
            const exact = s * participants;
            const whole = Math.round(exact);
            // A printed share is rounded: the whole number of pupils it stands for, when there is one.
            failed = Math.abs(exact - whole) <= participants * SHARE_ROUNDING + 1e-9 ? whole : exact;
          }
        }
      } else failed = read('failed', parseCount);
    }
    let highScorers = !view.has('highScorers') ? null : read('highScorers', parseCount, ACTION.valueDropped);
    if (view.has('notAdmitted') && !isBlankCell(cell('notAdmitted'))) {
      const notAdmitted = read('notAdmitted', parseCount);
      if (notAdmitted && participants !== undefined && failed !== undefined && failed !== null) {
        // «С учетом недопущенных» (seed 000): pupils not admitted to ГИА did not pass either.
        participants = (participants ?? 0) + notAdmitted;
        failed += notAdmitted;
        notes.notAdmitted.push(sheetRow);
      }
    }

    if (participants !== undefined && failed !== undefined) {
      if (failed !== null && failed > 0 && !participants) {
        problem('failed', cell('failed'), PROBLEM.failedWithoutParticipants(quoteValue(failed)));
      } else if (failed !== null && participants !== null && failed > participants) {
        problem('failed', cell('failed'), PROBLEM.failedAboveParticipants(quoteValue(failed), quoteValue(participants)));
      }
    }
    if (highScorers !== undefined && highScorers !== null && participants !== undefined && highScorers > (participants ?? 0)) {
      problem(
        'highScorers',
        cell('highScorers'),
        PROBLEM.highAboveParticipants(quoteValue(highScorers), quoteValue(participants ?? 0)),
        ACTION.valueDropped,
      );
      highScorers = undefined;
    }
    if (!rowProblems.some(isFatal) && code && known && !known.has(schoolCodeKey(code))) {
      // One problem per unknown code, listing its rows, after the loop.
      const key = schoolCodeKey(code);
      const entry = unknownRows.get(key) ?? { code, field: view.header('schoolCode'), rows: [] };
      if (!entry.rows.includes(sheetRow)) entry.rows.push(sheetRow);
      unknownRows.set(key, entry);
      continue;
    }
    if (rowProblems.some(isFatal)) {
      // Every problem of a dropped row says the row was not used.
      problems.push(...rowProblems.map((p) => ({ ...p, action: ACTION.rowDropped })));
      if (code && (!known || known.has(schoolCodeKey(code))))
        lost.push({ schoolCode: code, year: year ?? null, procedure: procedure ?? null });
      continue;
    }
    if (participants && failed === null && share === undefined)
      problem('failed', cell('failed'), PROBLEM.noFailedCount, ACTION.shareNotComputed);
    if (!view.fromHeader) {
      if (!isKnownProcedure(procedure!)) problem('procedure', procedureRaw, PROBLEM.unknownProcedure, ACTION.rowUsed);
      else if (procedureRaw.replace(/\s+/g, ' ').trim() !== procedure)
        problem(view.has('procedure') ? 'procedure' : 'subject', procedureRaw, PROBLEM.procedureReadAs(procedure!), ACTION.rowUsed);
      if (typeof cell('year') === 'string' && String(year) !== cellText(cell('year'))) {
        problem('year', cell('year'), PROBLEM.yearReadAs(cellText(cell('year')), year as number), ACTION.rowUsed);
      }
    }
    problems.push(...rowProblems);
    const result: ProcedureResult = {
      schoolCode: code,
      year: year!,
      procedure: procedure!,
      participants: participants ?? null,
      failed: failed ?? null,
      highScorers: highScorers ?? null,
    };
    if (share !== undefined) result.share = share;
    accepted.push({ sheetRow, result });
  }

  for (const { code, field, rows } of unknownRows.values()) {
    const hint = hints ? nearMatch(code, hints) : null;
    problems.push({
      sheet: sheetName,
      row: rows[0],
      schoolCode: code,
      field,
      value: code,
      problem: PROBLEM.unknownSchoolOnce(rowsText(rows), hint),
      action: rowsAction(rows, ACTION.rowDropped, ACTION.rowsDropped),
    });
  }
  for (const r of respelled.values()) {
    problems.push({
      sheet: sheetName,
      row: r.row,
      schoolCode: r.code,
      field: r.field,
      value: r.raw,
      problem: PROBLEM.codeRespelled,
      action: ACTION.codeFixed(r.code),
    });
  }
  if (totalsRows.length) sheetNote(PROBLEM.totalsRows(rowsText(totalsRows)), rowsAction(totalsRows, ACTION.rowDropped, ACTION.rowsDropped));
  if (notes.dash.length) sheetNote(PROBLEM.dashIsZero(rowsText(notes.dash)), ACTION.readAsZero);
  if (notes.pair.length) sheetNote(PROBLEM.countWithShare(rowsText(notes.pair)), ACTION.countUsed);
  if (notes.share.length) sheetNote(PROBLEM.sharesConverted(rowsText(notes.share)), ACTION.sharesConverted);
  if (notes.notAdmitted.length) sheetNote(PROBLEM.notAdmittedCounted(rowsText(notes.notAdmitted)), ACTION.notAdmittedCounted);

  // One number per (school, year, procedure): small ids for codes and procedures, so that 700 000 rows are told apart
  // without building and hashing 700 000 strings.
  const codeIds = new Map<string, number>();
  const procedureIds = new Map<string, number>();
  const idOf = (ids: Map<string, number>, key: string): number => {
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    return id;
  };
  const keys = accepted.map(
    (c) =>
      (idOf(codeIds, schoolCodeKey(c.result.schoolCode)) * PROCEDURE_IDS + idOf(procedureIds, c.result.procedure)) * YEAR_SPAN +
      (c.result.year - MIN_YEAR),
  );
  const exact =
    procedureIds.size < PROCEDURE_IDS &&
    accepted.every((c) => c.result.year >= MIN_YEAR && c.result.year < MIN_YEAR + YEAR_SPAN && Number.isInteger(c.result.year));
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
  problems.push(
    ...singleYearProcedures(results).map(({ procedure, year }) => ({
      sheet: sheetName,
      row: null,
      schoolCode: '',
      field: '',
      value: procedure,
      problem: PROBLEM.procedureInOneYear(procedure, year),
      action: ACTION.rowsUsed,
    })),
  );
  return { results, problems: sortProblems(problems), lost };
}

/** Half of a tenth of a percent: how far a printed share may be from a whole number of pupils. */
const SHARE_ROUNDING = 0.0005;

/**
 * Procedures that appear in only one year while the sheet has several (docs/методика.md §3: the two-year
 * criterion needs the same procedure in Y and Y−1, so such a procedure cannot meet it), in display order.
 */
function singleYearProcedures(results: readonly ProcedureResult[]): Array<{ procedure: string; year: number }> {
  const years = new Set<number>();
  const byProcedure = new Map<string, Set<number>>();
  for (const r of results) {
    years.add(r.year);
    const set = byProcedure.get(r.procedure) ?? new Set<number>();
    set.add(r.year);
    byProcedure.set(r.procedure, set);
  }
  if (years.size < 2) return [];
  return [...byProcedure]
    .filter(([, set]) => set.size === 1)
    .map(([procedure, set]) => ({ procedure, year: [...set][0] }))
    .sort((a, b) => compareProcedures(a.procedure, b.procedure));
}
