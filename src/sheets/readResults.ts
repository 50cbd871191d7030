/**
 * The sheet «Результаты ОП» (docs/методика.md §1.2), long format: one row per school × year × procedure.
 * Works on the 2-D array of getValues() (loadInputs reads the sheet once).
 */
import { ValueError } from '../core/errors';
import { parseCount, quoteValue } from '../core/numbers';
import { compareProcedures, isKnownProcedure, normalizeProcedureName } from '../core/procedures';
import { codeHints, nearMatch, type CodeHints } from '../core/schoolCodes';
import { isTotalsRow } from '../core/plausibility';
import { mostlyShares, shareColumn, shareInColumn, type ShareColumn } from '../core/shareColumn';
import { isPercentFormat, isShareFailuresHeader, wideGroups, type ResultField } from './resultsLayout';
import { parseExamYear } from '../core/years';
import type { LostResult, ProcedureResult } from '../core/types';
import { cellText, headerTexts, looksLikeSchoolCode, isBlankCell, isFormulaError, normalizeSchoolCode, schoolCodeKey } from './input/cells';
import { RESULTS_VARIANTS } from './input/corpus/results';
import { SAMPLE_ROWS, matchHeaders } from './input/matcher';
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

/** What a Код ОО cell says: a totals row, no code, a formula error, or a school's code (as `knownCodes` spell it). */
interface CodeReading {
  totals: boolean;
  blank: boolean;
  formulaError: boolean;
  code: string;
  /** schoolCodeKey of the code. */
  key: string;
  /** Whether `knownCodes` spell the code otherwise than the sheet (more than case). */
  respelled: boolean;
  /** Whether the code is one of `knownCodes` (true without them): worked out once per code, not per row. */
  listed: boolean;
}

function readCode(raw: unknown, known: ReadonlyMap<string, string> | null): CodeReading {
  const reading = { totals: false, blank: false, formulaError: false, code: '', key: '', respelled: false, listed: known === null };
  if (isBlankCell(raw)) return { ...reading, blank: true };
  if (isTotalsRow(cellText(raw))) return { ...reading, totals: true };
  if (isFormulaError(raw)) return { ...reading, formulaError: true };
  const code = normalizeSchoolCode(raw).code;
  const key = schoolCodeKey(code);
  const spelled = known?.get(key);
  if (spelled === undefined) return { ...reading, code, key };
  return { ...reading, code: spelled, key, respelled: code.toLowerCase() !== spelled.toLowerCase(), listed: true };
}

/**
 * Where one layout finds the fields of a row: the long template is one such place for every row; a wide table has
 * one per group of columns (procedure × year), whose year and procedure are written in the header.
 */
interface FieldPlaces {
  columns: Partial<Record<ResultField, number>>;
  /** Year and procedure of a wide group, read from its header; null in the long layout. */
  group: { year: unknown; procedure: unknown } | null;
  /** The columns of a wide group's values: a row without any of them has no result for the group. Null: long layout. */
  valueColumns: Array<number | undefined> | null;
  /** The header named for a field without a column of its own. */
  otherHeader: string;
  /** Of Процедура, Предмет, Класс: the fields this layout has, in that order (they make one procedure name). */
  procedureFields: ResultField[];
}

/**
 * One school × year × procedure of the sheet, whatever the layout: the raw cells of its fields and the
 * headers that name them in the data check. A long row is one view; a wide row is one view per group.
 * A cursor moved from row to row rather than an object per row: 700 000 rows would make as many.
 */
class RowView {
  sheetRow = 0;
  private row: readonly unknown[] = [];

  constructor(
    private readonly places: FieldPlaces,
    private readonly headers: readonly string[],
  ) {}

  /** Moves to a sheet row; false when the row has no result for this view (a wide group left empty). */
  moveTo(sheetRow: number, row: readonly unknown[]): boolean {
    this.sheetRow = sheetRow;
    this.row = row;
    const values = this.places.valueColumns;
    return values === null || values.some((c) => c !== undefined && !isBlankCell(row[c]));
  }

  raw(field: ResultField): unknown {
    const { group, columns } = this.places;
    if (group !== null && (field === 'year' || field === 'procedure')) return group[field];
    return columns[field] === undefined ? '' : this.row[columns[field]];
  }

  has(field: ResultField): boolean {
    const { group, columns } = this.places;
    return (group !== null && (field === 'year' || field === 'procedure')) || columns[field] !== undefined;
  }

  header(field: ResultField): string {
    const at = this.places.columns[field];
    return at === undefined ? this.places.otherHeader : this.headers[at];
  }

  /** The column index of a field (for its number format and its column-level share decision). */
  column(field: ResultField): number | undefined {
    return this.places.columns[field];
  }

  /** Year and procedure come from the header (wide layout): no per-row notes about how they were read. */
  get fromHeader(): boolean {
    return this.places.group !== null;
  }

  /** Процедура | Предмет | Класс as one name, their non-blank cells trimmed and joined by spaces. */
  procedureText(): string {
    let text = '';
    let first = true;
    for (const f of this.places.procedureFields) {
      const v = this.raw(f);
      if (isBlankCell(v)) continue;
      text = first ? cellText(v).trim() : `${text} ${cellText(v).trim()}`;
      first = false;
    }
    return text;
  }

  /** Whether a cell of the procedure's name shows a formula error. */
  procedureHasFormulaError(): boolean {
    return this.places.procedureFields.some((f) => isFormulaError(this.raw(f)));
  }
}

/** «6 / 67%»: a count with the share the table printed beside it. */
const COUNT_WITH_SHARE = /^(\d+)\s*\/\s*\d+(?:[.,]\d+)?\s*%?$/;
const DASHES = new Set(['-', '—', '–', '−']);

/** How one failures column is read: shares or counts, decided for the whole column. */
interface FailuresColumn {
  shares: boolean;
  /** The column's scale, read only for a column of shares: a count column never needs it. */
  readonly scale: ShareColumn;
}

function failuresColumn(
  values: unknown[][],
  index: number,
  header: string,
  percentFormatted: ((r: number) => boolean) | null,
): FailuresColumn {
  // Sized once and cut to what is kept (a column of 700 000 grown by push costs several times more); without the
  // sheet's formats no cell is percent-formatted: no list of 700 000 «false».
  const cells = new Array<unknown>(Math.max(0, values.length - 1));
  const formatted: boolean[] | null = percentFormatted ? [] : null;
  let kept = 0;
  for (let r = 1; r < values.length; r++) {
    const v = values[r]?.[index];
    // A count with its printed share and a dash say nothing about the column's scale.
    if (typeof v === 'string' && (COUNT_WITH_SHARE.test(v.trim()) || DASHES.has(v.trim()))) continue;
    cells[kept++] = v;
    formatted?.push(percentFormatted!(r));
  }
  cells.length = kept;
  const byFormat = formatted ? (i: number) => formatted[i] : undefined;
  const percentHeader = isShareFailuresHeader(header);
  const shares = percentHeader || mostlyShares(cells, byFormat);
  let scale: ShareColumn | undefined;
  return {
    shares,
    get scale() {
      return (scale ??= shareColumn(cells, { percentHeader, percentFormatted: byFormat }));
    },
  };
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
  const columns = findColumns(headers, values.slice(1, SAMPLE_ROWS + 1));
  const percentFormatted = (r: number, c: number | undefined) => c !== undefined && isPercentFormat(options.formats?.[r]?.[c]);
  const formatsOf = (c: number) => (options.formats ? (r: number) => percentFormatted(r, c) : null);
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
        failuresColumn(values, columns.failed, headers[columns.failed], formatsOf(columns.failed)).shares
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
    if (!c) failureColumns.set(index, (c = failuresColumn(values, index, headers[index], formatsOf(index))));
    return c;
  };

  const PROCEDURE_FIELDS: readonly ResultField[] = ['procedure', 'subject', 'grade'];
  const longPlaces: FieldPlaces = {
    columns,
    group: null,
    valueColumns: null,
    otherHeader: '',
    procedureFields: PROCEDURE_FIELDS.filter((f) => columns[f] !== undefined),
  };
  const views = (
    isWide
      ? wide.groups.map((g): FieldPlaces => ({
          columns: { schoolCode: columns.schoolCode, participants: g.participants, failed: g.failed, highScorers: g.highScorers },
          group: { year: g.year, procedure: g.procedure },
          valueColumns: [g.participants, g.failed, g.highScorers],
          otherHeader: headers[g.failed!],
          procedureFields: ['procedure'],
        }))
      : [longPlaces]
  ).map((places) => new RowView(places, headers));

  const known = knownCodes ? new Map([...knownCodes].map((c) => [schoolCodeKey(c), c])) : null;
  // The near-match hints are only for codes not known: made when the first such code is met.
  let hints: CodeHints | null = null;
  const hintsOf = (codes: Set<string>): CodeHints => (hints ??= codeHints(codes));
  const unknownRows = new Map<string, { code: string; field: string; rows: number[] }>();
  const respelled = new Map<string, { raw: string; code: string; row: number; field: string }>();
  const totalsRows: number[] = [];
  const notes = { dash: [] as number[], pair: [] as number[], share: [] as number[], notAdmitted: [] as number[] };
  // The rows used, with their sheet rows and the small ids of their codes (by schoolCodeKey) and procedures (parallel
  // arrays): one number per (school, year, procedure) tells 700 000 rows apart without building and hashing as many strings.
  // Sized once (a growing array of 700 000 is a fresh large allocation at each growth) and cut to its length below.
  const accepted: ProcedureResult[] = new Array<ProcedureResult>(Math.max(0, values.length - 1));
  let acceptedCount = 0;
  const acceptedRows = new IntColumn(values.length);
  const codeIds = new Map<string, number>();
  const procedureIds = new Map<string, number>();
  const codeId = new IntColumn(values.length);
  const procedureId = new IntColumn(values.length);
  const idOf = (ids: Map<string, number>, key: string): number => {
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    return id;
  };
  // A school's rows usually come together: the last code's id is at hand.
  let lastKey: string | undefined;
  let lastCodeId = 0;
  /** `id`: the procedure's id when the caller has it (the clean rows' names carry theirs). */
  const accept = (result: ProcedureResult, sheetRow: number, key: string, id = idOf(procedureIds, result.procedure)): void => {
    if (key !== lastKey) lastCodeId = idOf(codeIds, (lastKey = key));
    accepted[acceptedCount++] = result;
    acceptedRows.push(sheetRow);
    codeId.push(lastCodeId);
    procedureId.push(id);
  };
  const lost: LostResult[] = [];
  // The same few thousand codes and a few dozen procedure names fill 700 000 rows: each text is read once.
  const codeReadings = new Map<string, CodeReading>();
  let lastRaw: unknown;
  let lastReading: CodeReading | undefined;
  const codeOf = (raw: unknown): CodeReading => {
    if (typeof raw !== 'string' && typeof raw !== 'number') return readCode(raw, known);
    if (raw === lastRaw && lastReading !== undefined) return lastReading;
    const text = cellText(raw);
    let reading = codeReadings.get(text);
    if (reading === undefined) codeReadings.set(text, (reading = readCode(raw, known)));
    lastRaw = raw;
    return (lastReading = reading);
  };
  const procedureNotes = new Map<string, 'unknown' | 'readAs' | null>();
  /** Whether a procedure name read from `raw` is outside the nine or was respelled. */
  const procedureNote = (raw: string, procedure: string): 'unknown' | 'readAs' | null => {
    let note = procedureNotes.get(raw);
    if (note === undefined) {
      note = !isKnownProcedure(procedure) ? 'unknown' : raw.replace(/\s+/g, ' ').trim() !== procedure ? 'readAs' : null;
      procedureNotes.set(raw, note);
    }
    return note;
  };
  const parseYear = (v: unknown): number => {
    const y = parseResultYear(v);
    if (options.latestYear !== undefined && y > options.latestYear) throw new ValueError(PROBLEM.futureYear(quoteValue(v)));
    return y;
  };

  // The view being read, its code and its problems: the helpers below are made once, not for each of 700 000 rows.
  let view = views[0];
  let code = '';
  const rowProblems: Problem[] = [];
  const problem = (key: ResultColumn, raw: unknown, text: string, action: string = ACTION.rowDropped) =>
    rowProblems.push(cellProblem(sheetName, { row: view.sheetRow, column: view.header(key), value: raw, schoolCode: code }, text, action));
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

  /**
   * The long layout's rows that need no note take this way: a known school's code as the sheet of answers spells it, a
   * year, a procedure name that is read as written, whole counts that fit, no «Не допущены». It calls the same readers
   * as the full reading below and accepts the row only when they return a value without a problem; any other row (and
   * any reader that throws) goes the full way, which then writes its problems. 700 000 clean rows are most of a region.
   */
  function cleanLongRow(): ((row: readonly unknown[], sheetRow: number) => boolean) | null {
    const at = columns;
    if (longPlaces.procedureFields.length !== 1 || longPlaces.procedureFields[0] !== 'procedure') return null;
    if (at.schoolCode === undefined || at.year === undefined || at.procedure === undefined) return null;
    if (at.participants === undefined || at.failed === undefined) return null;
    const [codeAt, yearAt, procedureAt, participantsAt, failedAt] = [at.schoolCode, at.year, at.procedure, at.participants, at.failed];
    const highAt = at.highScorers;
    const notAdmittedAt = at.notAdmitted;
    if (failuresOf(failedAt).shares) return null;
    // Raw procedure text → its name and id when the name needs no note, else null (the full reading then notes it).
    const plainNames = new Map<string, { name: string; id: number } | null>();
    const plainName = (raw: string): { name: string; id: number } | null => {
      let plain = plainNames.get(raw);
      if (plain === undefined) {
        const text = raw.trim();
        plain = null;
        if (!isBlankCell(text) && !isFormulaError(text)) {
          const normalised = normalizeProcedureName(text);
          if (procedureNote(text, normalised) === null) plain = { name: normalised, id: idOf(procedureIds, normalised) };
        }
        plainNames.set(raw, plain);
      }
      return plain;
    };
    return (row, sheetRow) => {
      const rawCode = row[codeAt];
      const rawYear = row[yearAt];
      const rawProcedure = row[procedureAt];
      const rawParticipants = row[participantsAt];
      const rawFailed = row[failedAt];
      if (typeof rawCode !== 'string' || typeof rawYear !== 'number' || typeof rawProcedure !== 'string') return false;
      if (typeof rawParticipants !== 'number' || typeof rawFailed !== 'number') return false;
      if (notAdmittedAt !== undefined && !isBlankCell(row[notAdmittedAt])) return false;
      if (percentFormatted(sheetRow - 1, failedAt)) return false;
      const reading = codeOf(rawCode);
      if (reading.totals || reading.blank || reading.formulaError || reading.respelled) return false;
      if (!reading.listed) return false;
      const procedure = plainName(rawProcedure);
      if (procedure === null) return false;
      try {
        const year = parseYear(rawYear);
        const participants = parseCount(rawParticipants);
        const failed = parseCount(rawFailed);
        const highScorers = highAt === undefined ? null : parseCount(row[highAt]);
        if (participants === null || failed === null || failed > participants) return false;
        if (highScorers !== null && highScorers > participants) return false;
        accept(
          { schoolCode: reading.code, year, procedure: procedure.name, participants, failed, highScorers },
          sheetRow,
          reading.key,
          procedure.id,
        );
        return true;
      } catch (e) {
        if (e instanceof ValueError) return false;
        throw e;
      }
    };
  }

  const cleanRow = isWide ? null : cleanLongRow();
  for (let r = 1; r < values.length; r++) {
    const row = values[r] ?? [];
    if (cleanRow !== null && cleanRow(row, r + 1)) continue;
    if (row.every(isBlankCell)) continue;
    for (const rowView of views) {
      if (!rowView.moveTo(r + 1, row)) continue;
      view = rowView;
      const { sheetRow } = view;
      rowProblems.length = 0;
      code = '';

      const rawCode = cell('schoolCode');
      const reading = codeOf(rawCode);
      if (reading.totals) {
        if (!totalsRows.includes(sheetRow)) totalsRows.push(sheetRow);
        continue;
      }
      if (reading.blank) problem('schoolCode', rawCode, PROBLEM.noSchoolCode);
      else if (reading.formulaError) problem('schoolCode', rawCode, PROBLEM.formulaError);
      else {
        code = reading.code;
        if (reading.respelled && !respelled.has(reading.key)) {
          respelled.set(reading.key, {
            raw: cellText(rawCode).trim(),
            code,
            row: sheetRow,
            field: view.header('schoolCode'),
          });
        }
      }
      const year = read('year', parseYear);
      // Процедура | Предмет | Класс split as ФИС ОКО exports them make one name: «ВПР» «математика» «5» → «ВПР математика 5».
      const procedureRaw = view.procedureText();
      let procedure: string | undefined;
      if (view.procedureHasFormulaError()) problem('procedure', procedureRaw, PROBLEM.formulaError);
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
      const key = reading.key;
      if (!rowProblems.some(isFatal) && code && known && !known.has(key)) {
        // One problem per unknown code, listing its rows, after the loop.
        const entry = unknownRows.get(key) ?? { code, field: view.header('schoolCode'), rows: [] };
        if (!entry.rows.includes(sheetRow)) entry.rows.push(sheetRow);
        unknownRows.set(key, entry);
        continue;
      }
      if (rowProblems.some(isFatal)) {
        // Every problem of a dropped row says the row was not used.
        problems.push(...rowProblems.map((p) => ({ ...p, action: ACTION.rowDropped })));
        if (code && (!known || known.has(key))) lost.push({ schoolCode: code, year: year ?? null, procedure: procedure ?? null });
        continue;
      }
      if (participants && failed === null && share === undefined)
        problem('failed', cell('failed'), PROBLEM.noFailedCount, ACTION.shareNotComputed);
      if (!view.fromHeader) {
        const note = procedureNote(procedureRaw, procedure!);
        if (note === 'unknown') problem('procedure', procedureRaw, PROBLEM.unknownProcedure, ACTION.rowUsed);
        else if (note === 'readAs')
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
      accept(result, sheetRow, key);
    }
  }

  for (const { code, field, rows } of unknownRows.values()) {
    const hint = knownCodes ? nearMatch(code, hintsOf(knownCodes)) : null;
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

  // A wide table accepts several results per row: past the size given, the array grew as any does.
  accepted.length = acceptedCount;
  // Indexed, as every pass over all result rows (docs/architecture.md, «Conventions»).
  let firstYear = Infinity;
  let lastYear = -Infinity;
  let wholeYears = true;
  for (let i = 0; i < accepted.length; i++) {
    const year = accepted[i].year;
    firstYear = Math.min(firstYear, year);
    lastYear = Math.max(lastYear, year);
    wholeYears &&= Number.isInteger(year);
  }
  const span = lastYear - firstYear + 1;
  const exact = wholeYears && codeIds.size * procedureIds.size * span <= Number.MAX_SAFE_INTEGER;
  // Text keys (code id, year, procedure id) when a year is not whole.
  const keys: Array<number | string> = new Array<number | string>(accepted.length);
  for (let i = 0; i < accepted.length; i++) {
    keys[i] = exact
      ? (codeId.at(i) * procedureIds.size + procedureId.at(i)) * span + (accepted[i].year - firstYear)
      : `${codeId.at(i)}\u0000${accepted[i].year}\u0000${procedureId.at(i)}`;
  }
  const winnerOf = lastRowOfEachKey(keys, exact ? codeIds.size * procedureIds.size * span : null);
  // The accepted rows themselves unless a row is replaced: then a copy without the replaced ones.
  let results = accepted;
  for (let i = 0; i < accepted.length; i++) {
    const r = accepted[i];
    const winner = winnerOf(i);
    if (winner === i) {
      if (results !== accepted) results.push(r);
      continue;
    }
    if (results === accepted) results = accepted.slice(0, i);
    problems.push({
      sheet: sheetName,
      row: acceptedRows.at(i),
      schoolCode: r.schoolCode,
      field: '',
      value: `${r.year}, ${r.procedure}`,
      problem: PROBLEM.duplicateResult,
      action: ACTION.replacedByLaterRow(acceptedRows.at(winner)),
    });
  }
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

/**
 * A growing column of small whole numbers (sheet rows, ids) in one typed array: a plain array of 700 000 numbers grown
 * by push costs several times more (measured: 64 ms against 9 ms), as each growth is a fresh large allocation.
 */
class IntColumn {
  // Declared fields (docs/architecture.md, «Conventions»).
  declare private data: Int32Array;
  declare length: number;

  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(16, capacity));
    this.length = 0;
  }

  push(x: number): void {
    if (this.length === this.data.length) {
      const more = new Int32Array(this.data.length * 2);
      more.set(this.data);
      this.data = more;
    }
    this.data[this.length++] = x;
  }

  at(i: number): number {
    return this.data[i];
  }
}

/**
 * For each of `keys`, the index of the last equal key. Numeric keys below `space` (when the key space is small next to
 * the number of rows) are looked up in a typed array: a Map of 700 000 entries costs far more.
 */
function lastRowOfEachKey(keys: ReadonlyArray<number | string>, space: number | null): (i: number) => number {
  if (space !== null && space <= Math.max(1 << 20, 4 * keys.length)) {
    const lastPlusOne = new Int32Array(space);
    for (let i = 0; i < keys.length; i++) lastPlusOne[keys[i] as number] = i + 1;
    return (i) => lastPlusOne[keys[i] as number] - 1;
  }
  const latest = new Map<number | string, number>();
  for (let i = 0; i < keys.length; i++) latest.set(keys[i], i);
  return (i) => latest.get(keys[i])!;
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
  // Indexed, as every pass over all result rows (docs/architecture.md, «Conventions»).
  for (let i = 0; i < results.length; i++) {
    const r = results[i];
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
