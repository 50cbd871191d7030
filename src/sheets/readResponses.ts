/**
 * The Form's responses sheet → one SchoolRecord per school (docs/методика.md §1.1). Works on the 2-D array
 * `getValues()` returns (loadInputs reads the sheet once).
 * Nothing is lost silently: every row, column or value not used becomes a Problem.
 */
import { ValueError } from '../core/errors';
import { normalizeSpecialists } from '../core/deficits';
import { parseCount, parseRussianNumber, parseShare, parseTerritory, parseYesNo, quoteValue, shareFromCount } from '../core/numbers';
import type { SchoolRecord } from '../core/types';
import { columnLetter } from './a1';
import { FIELDS, LONG_TEXT_WARNING, type FieldId, type FieldSpec } from './fields';
import { bestFieldFor, isPercentHeader, isShareHeader, missingColumnsError, missingRequired, type ColumnMapping } from './headerMapping';
import { ACTION, PROBLEM } from './messages';
import { sortProblems, type Problem } from './problems';
import { formatTimestamp, parseTimestamp } from './timestamps';

export interface ResponsesReading {
  /** One record per Код ОО (its latest submission), in the order of those submissions' rows. */
  schools: SchoolRecord[];
  problems: Problem[];
  /** Earlier submissions replaced by a later one of the same school. */
  superseded: number;
  /** Non-empty data rows (below the header). */
  rowsRead: number;
}

// ---------------------------------------------------------------- cells

/** Whether a cell holds nothing: empty, or only spaces (docs/методика.md §1: such a cell is «no value», never 0). */
export function isBlankCell(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Error values a formula leaves in a cell, in English and Russian Sheets («#DIV/0!», «#ЗНАЧ!», «#Н/Д» …). */
const FORMULA_ERROR = /^#(?:N\/A|Н\/Д|[A-ZА-ЯЁ0-9\/]+[!?])$/i;

/** Whether a cell shows a formula error rather than a value (getValues returns the error text); such a value is rejected (docs/методика.md §1.1). */
export function isFormulaError(v: unknown): boolean {
  return typeof v === 'string' && FORMULA_ERROR.test(v.trim());
}

/** A cell as text (docs/методика.md §1.1 text fields): strings as typed, numbers without formatting (a code typed as 760152 stays «760152»). */
export function cellText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return quoteValue(v);
}

/** Letters that look the same in Cyrillic and Latin (the lower-case ones by their upper case). */
const CYRILLIC_TO_LATIN: ReadonlyMap<string, string> = new Map(
  [...'аеорсхукмтнвАЕОРСХУКМТНВ'].map((c, i) => [c, 'aeopcxykmthbAEOPCXYKMTHB'[i]]),
);
const LATIN_TO_CYRILLIC: ReadonlyMap<string, string> = new Map([...CYRILLIC_TO_LATIN].map(([cyr, lat]) => [lat, cyr]));

export interface NormalizedCode {
  code: string;
  /** 'latin' — Cyrillic lookalikes replaced by Latin; 'cyrillic' — the other way round; null — unchanged. */
  fixed: 'latin' | 'cyrillic' | null;
}

/**
 * Код ОО as the key of a school (docs/методика.md, Словарь: a text code, e.g. `edu760152`): trimmed; a code that mixes
 * alphabets is made one alphabet — Latin when every Cyrillic letter in it has a Latin twin (codes are
 * Latin, like ФИС ОКО logins), else Cyrillic when every Latin letter has a Cyrillic twin; otherwise kept.
 * Case is kept as written; codes are compared case-insensitively (schoolCodeKey).
 */
export function normalizeSchoolCode(raw: unknown): NormalizedCode {
  const code = cellText(raw).replace(/^[\s\u00A0\u2009\u202F]+|[\s\u00A0\u2009\u202F]+$/g, '');
  const cyrillic = code.match(/[а-яё]/gi) ?? [];
  const latin = code.match(/[a-z]/gi) ?? [];
  if (!cyrillic.length || !latin.length) return { code, fixed: null };
  if (cyrillic.every((c) => CYRILLIC_TO_LATIN.has(c))) {
    return { code: [...code].map((c) => CYRILLIC_TO_LATIN.get(c) ?? c).join(''), fixed: 'latin' };
  }
  if (latin.every((c) => LATIN_TO_CYRILLIC.has(c))) {
    return { code: [...code].map((c) => LATIN_TO_CYRILLIC.get(c) ?? c).join(''), fixed: 'cyrillic' };
  }
  return { code, fixed: null };
}

/** The comparison key of a Код ОО (docs/методика.md, Словарь: unique within a spreadsheet): codes that differ only in case are the same school. */
export function schoolCodeKey(code: string): string {
  return code.toLowerCase();
}

// ---------------------------------------------------------------- columns

/** How each mapped column is read. */
interface Column {
  spec: FieldSpec;
  index: number;
  header: string;
  share: boolean;
  percent: boolean;
}

/** A column holds shares when its header says so, or when every value in it is written with «%» (docs/методика.md §1.1). */
function allPercentText(values: unknown[][], index: number): boolean {
  let seen = 0;
  for (let r = 1; r < values.length; r++) {
    const v = values[r]?.[index];
    if (isBlankCell(v)) continue;
    if (typeof v !== 'string' || !/%\s*$/.test(v.trim())) return false;
    seen++;
  }
  return seen > 0;
}

function effectiveMapping(mapping: ColumnMapping, width: number): ColumnMapping {
  const out = { ...mapping };
  for (const spec of FIELDS) {
    const c = out[spec.id];
    if (c === undefined || c === null || !Number.isInteger(c) || c < 0 || c >= width) out[spec.id] = null;
  }
  return out;
}

function columnProblems(values: unknown[][], sheet: string, headers: string[], mapping: ColumnMapping): Problem[] {
  const problems: Problem[] = [];
  const mapped = new Set(Object.values(mapping).filter((c): c is number => c !== null));
  for (const spec of FIELDS) {
    if (mapping[spec.id] !== null) continue;
    if (spec.required === 'isbsh') {
      problems.push(sheetProblem(sheet, PROBLEM.missingIsbshColumn(spec.label), ACTION.isbshNotComputed));
    } else if (spec.id === 'timestamp') {
      problems.push(sheetProblem(sheet, PROBLEM.noTimestampColumn, ACTION.rowOrderUsed));
    }
  }
  headers.forEach((header, index) => {
    if (mapped.has(index)) return;
    if (header === '') {
      const hasData = values.slice(1).some((row) => !isBlankCell(row?.[index]));
      if (hasData) {
        problems.push({ sheet, row: 1, schoolCode: '', field: PROBLEM.columnRef(columnLetter(index)), value: '', problem: PROBLEM.blankHeader, action: ACTION.columnIgnored });
      }
      return;
    }
    const lookalike = bestFieldFor(header);
    const taken = lookalike === null ? null : mapping[lookalike];
    const problem = taken === null ? PROBLEM.unknownColumn : PROBLEM.sameFieldAs(headers[taken]);
    problems.push({ sheet, row: 1, schoolCode: '', field: header, value: '', problem, action: ACTION.columnIgnored });
  });
  return problems;
}

function sheetProblem(sheet: string, problem: string, action: string): Problem {
  return { sheet, row: null, schoolCode: '', field: '', value: '', problem, action };
}

// ---------------------------------------------------------------- rows

interface Submission {
  row: unknown[];
  sheetRow: number;
  code: string;
  fixed: NormalizedCode['fixed'];
  time: number | null;
  timeText: string;
}

function timeText(raw: unknown, timeZone: string): string {
  if (raw instanceof Date && !Number.isNaN(raw.getTime())) return formatTimestamp(raw, timeZone);
  return quoteValue(raw);
}

/** Reads one school's values; problems name the school, the column and the value. */
class SchoolReader {
  readonly problems: Problem[] = [];
  constructor(
    private readonly sheet: string,
    private readonly sub: Submission,
    private readonly columns: Map<FieldId, Column>,
  ) {}

  private report(column: Column, raw: unknown, problem: string, action: string): void {
    this.problems.push({
      sheet: this.sheet,
      row: this.sub.sheetRow,
      schoolCode: this.sub.code,
      field: column.header,
      value: quoteValue(raw),
      problem,
      action,
    });
  }

  /** The raw cell of a field, or undefined when the field has no column or the cell shows a formula error. */
  private raw(id: FieldId): { column: Column; value: unknown } | undefined {
    const column = this.columns.get(id);
    if (!column) return undefined;
    const value = this.sub.row[column.index];
    if (isFormulaError(value)) {
      this.report(column, value, PROBLEM.formulaError, ACTION.valueDropped);
      return undefined;
    }
    return { column, value };
  }

  /** Runs `compute`; a ValueError becomes a problem about the cell value `raw` and the result undefined. */
  private attempt<T>(column: Column, raw: unknown, compute: () => T | null): T | null | undefined {
    try {
      return compute();
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      this.report(column, raw, e.message, ACTION.valueDropped);
      return undefined;
    }
  }

  /** A required field with no value (empty or a dash) is mentioned: without it a result cannot be computed. */
  private emptyRequired(column: Column, value: unknown): void {
    if (column.spec.required === 'yes') this.report(column, value, PROBLEM.requiredEmpty, ACTION.keptWithoutValue);
    else if (column.spec.required === 'isbsh') this.report(column, value, PROBLEM.isbshInputEmpty, ACTION.isbshNotComputed);
  }

  text(id: FieldId): string {
    const cell = this.raw(id);
    if (!cell) return '';
    const text = cellText(cell.value).trim();
    if (text === '') this.emptyRequired(cell.column, cell.value);
    else if (text.length > LONG_TEXT_WARNING) this.report(cell.column, cell.value, PROBLEM.longName(text.length), ACTION.keptWhole);
    return text;
  }

  value<T>(id: FieldId, parser: (v: unknown) => T | null): T | null {
    const cell = this.raw(id);
    if (!cell) return null;
    const parsed = this.attempt(cell.column, cell.value, () => parser(cell.value));
    if (parsed === null) this.emptyRequired(cell.column, cell.value);
    return parsed ?? null;
  }

  /** A share of students: from a share column directly, else count ÷ «Всего обучающихся» (docs/методика.md §2). */
  studentShare(id: FieldId, total: number | null): number | null {
    const cell = this.raw(id);
    if (!cell) return null;
    const { column, value } = cell;
    const parsed = column.share
      ? this.attempt(column, value, () => parseShare(value, { percentColumn: column.percent }))
      : this.attempt(column, value, () => parseCount(value));
    if (parsed === null) this.emptyRequired(column, value);
    if (parsed === null || parsed === undefined) return null;
    if (column.share) return parsed;
    if (total === null || total === 0) {
      this.report(column, value, PROBLEM.noTotalForShare, ACTION.shareNotComputed);
      return null;
    }
    return this.attempt(column, value, () => shareFromCount(parsed, total)) ?? null;
  }

  /** Teachers with the highest category, as a count: a share column is multiplied by the teachers' total. */
  teachersHighestCategory(teachersTotal: number | null): number | null {
    const cell = this.raw('teachersHighestCategory');
    if (!cell) return null;
    const { column, value } = cell;
    if (column.share) {
      const share = this.attempt(column, value, () => parseShare(value, { percentColumn: column.percent }));
      if (share === null || share === undefined) return null;
      if (teachersTotal === null) {
        this.report(column, value, PROBLEM.noTeachersTotalForShare, ACTION.valueDropped);
        return null;
      }
      return share * teachersTotal;
    }
    const count = this.attempt(column, value, () => parseCount(value));
    if (count !== null && count !== undefined && teachersTotal !== null && count > teachersTotal) {
      this.report(column, value, PROBLEM.aboveTeachersTotal(quoteValue(teachersTotal), quoteValue(count)), ACTION.valueDropped);
      return null;
    }
    return count ?? null;
  }

  specialists(): string[] | null {
    const cell = this.raw('specialists');
    if (!cell) return null;
    const text = cellText(cell.value).trim();
    return text === '' ? null : normalizeSpecialists(text);
  }

  money(id: FieldId): number | null {
    return this.value(id, (v) => {
      const x = parseRussianNumber(typeof v === 'string' ? v.replace(/\s*(?:руб(?:лей|\.)?|р\.|₽)\s*$/i, '') : v);
      if (x !== null && x < 0) throw new ValueError(PROBLEM.negative(quoteValue(v)));
      return x;
    });
  }
}

function readSchool(sheet: string, sub: Submission, columns: Map<FieldId, Column>): { record: SchoolRecord; problems: Problem[] } {
  const r = new SchoolReader(sheet, sub, columns);
  const codeColumn = columns.get('schoolCode')!;
  if (sub.fixed) {
    r.problems.push({
      sheet,
      row: sub.sheetRow,
      schoolCode: sub.code,
      field: codeColumn.header,
      value: cellText(sub.row[codeColumn.index]).trim(),
      problem: sub.fixed === 'latin' ? PROBLEM.lookalikeLetters : PROBLEM.lookalikeLatinLetters,
      action: ACTION.codeFixed(sub.code),
    });
  }
  const name = r.text('name');
  const municipality = r.text('municipality');
  const territory = r.value('territory', parseTerritory);
  const totalStudents = r.value('totalStudents', parseCount);
  const share = (id: FieldId) => r.studentShare(id, totalStudents);
  const shares = {
    bothParentsHigherEd: share('bothParentsHigherEd'),
    comfortableHousing: share('comfortableHousing'),
    singleParent: share('singleParent'),
    registered: share('registered'),
    nonNativeRussian: share('nonNativeRussian'),
  };
  const kdnShare = share('kdn');
  const ovzShare = share('ovz');
  const remoteTerritory = r.value('remoteTerritory', parseYesNo);
  const teachersTotal = r.value('teachersTotal', parseCount);
  const teachersHighestCategory = r.teachersHighestCategory(teachersTotal);
  const specialists = r.specialists();
  const stableInternet = r.value('stableInternet', parseYesNo);
  const enoughComputers = r.value('enoughComputers', parseYesNo);
  const fundingPerStudent = r.money('fundingPerStudent');
  const record: SchoolRecord = {
    schoolCode: sub.code,
    name,
    municipality,
    territory,
    totalStudents,
    shares,
    kdnShare,
    ovzShare,
    remoteTerritory,
    teachersTotal,
    teachersHighestCategory,
    specialists,
    stableInternet,
    enoughComputers,
    fundingPerStudent,
  };
  return { record, problems: r.problems };
}

/**
 * Reads the Form's responses (docs/методика.md §1.1). `values[0]` is the header row; `mapping` gives the column
 * of each field (see mappingFor). Each school's latest submission by «Отметка времени» wins; equal times,
 * or no readable time, are settled by the row: the lower row wins (a row without a readable time counts as
 * the earliest); earlier submissions are listed as superseded. A row without Код ОО is not used. A value
 * that cannot be used (text in a number column, a count above «Всего обучающихся», a share above 100 %,
 * a negative number, a formula error) becomes null with a problem; the school keeps its other values.
 * A count column whose every value is written with «%» is read as shares. Throws a UserError when a
 * required column (Код ОО, Наименование ОО, Муниципалитет, Тип территории, Всего обучающихся) is not mapped.
 */
export function readResponses(
  values: unknown[][],
  sheetName: string,
  mapping: ColumnMapping,
  options: { timeZone: string },
): ResponsesReading {
  const width = values.reduce((w, row) => Math.max(w, row?.length ?? 0), 0);
  const headers = Array.from({ length: width }, (_, i) => cellText(values[0]?.[i] ?? '').trim());
  const effective = effectiveMapping(mapping, width);
  const missing = missingRequired(effective);
  if (missing.length) throw missingColumnsError(sheetName, missing, headers);

  const columns = new Map<FieldId, Column>();
  for (const spec of FIELDS) {
    const index = effective[spec.id];
    if (index === null) continue;
    const header = headers[index];
    const canBeShare = spec.kind === 'count' && (spec.studentShare !== undefined || spec.id === 'teachersHighestCategory');
    const share = canBeShare && (isShareHeader(header) || allPercentText(values, index));
    columns.set(spec.id, { spec, index, header, share, percent: share && isPercentHeader(header) });
  }
  const problems = columnProblems(values, sheetName, headers, effective);

  const codeColumn = columns.get('schoolCode')!;
  const timeColumn = columns.get('timestamp');
  const submissions: Submission[] = [];
  let rowsRead = 0;
  for (let r = 1; r < values.length; r++) {
    const row = values[r] ?? [];
    const sheetRow = r + 1;
    if (row.every(isBlankCell)) continue;
    rowsRead++;
    const rawCode = row[codeColumn.index];
    const rowProblem = (problem: string, value = '') =>
      problems.push({ sheet: sheetName, row: sheetRow, schoolCode: '', field: codeColumn.header, value, problem, action: ACTION.rowDropped });
    if (isFormulaError(rawCode)) {
      rowProblem(PROBLEM.formulaError, cellText(rawCode).trim());
      continue;
    }
    if (isBlankCell(rawCode)) {
      const onlyTime = timeColumn !== undefined && row.every((v, i) => i === timeColumn.index || isBlankCell(v));
      rowProblem(onlyTime ? PROBLEM.onlyTimestamp : PROBLEM.noSchoolCode);
      continue;
    }
    const { code, fixed } = normalizeSchoolCode(rawCode);
    let time: number | null = null;
    const rawTime = timeColumn ? row[timeColumn.index] : undefined;
    if (timeColumn) {
      try {
        time = parseTimestamp(rawTime, options.timeZone)?.getTime() ?? null;
      } catch (e) {
        if (!(e instanceof ValueError)) throw e;
        problems.push({ sheet: sheetName, row: sheetRow, schoolCode: code, field: timeColumn.header, value: quoteValue(rawTime), problem: e.message, action: ACTION.takenAsEarliest });
      }
    }
    submissions.push({ row, sheetRow, code, fixed, time, timeText: timeColumn ? timeText(rawTime, options.timeZone) : '' });
  }

  const latest = new Map<string, Submission>();
  for (const sub of submissions) {
    const key = schoolCodeKey(sub.code);
    const current = latest.get(key);
    if (!current || (sub.time ?? -Infinity) >= (current.time ?? -Infinity)) latest.set(key, sub);
  }
  let superseded = 0;
  for (const sub of submissions) {
    const winner = latest.get(schoolCodeKey(sub.code))!;
    if (winner === sub) continue;
    superseded++;
    problems.push({
      sheet: sheetName,
      row: sub.sheetRow,
      schoolCode: sub.code,
      field: timeColumn?.header ?? '',
      value: sub.timeText,
      problem: PROBLEM.earlierSubmission,
      action: ACTION.supersededBy(winner.sheetRow),
    });
  }

  const schools: SchoolRecord[] = [];
  for (const sub of [...latest.values()].sort((a, b) => a.sheetRow - b.sheetRow)) {
    const read = readSchool(sheetName, sub, columns);
    schools.push(read.record);
    problems.push(...read.problems);
  }
  return { schools, problems: sortProblems(problems), superseded, rowsRead };
}
