/**
 * The Form's responses sheet → one SchoolRecord per school (docs/методика.md §1.1). Works on the 2-D array
 * `getValues()` returns (loadInputs reads the sheet once).
 * Nothing is lost silently: every row, column or value not used becomes a Problem.
 */
import { ValueError } from '../core/errors';
import { normalizeSpecialists } from '../core/deficits';
import { parseCount, parseRussianNumber, parseShare, parseTerritory, parseYesNo, quoteValue, shareFromCount } from '../core/numbers';
import type { SchoolRecord, Territory } from '../core/types';
import { columnLetter } from './a1';
import { FIELDS, LONG_TEXT_WARNING, fieldSpec, type FieldId, type FieldSpec } from './fields';
import { autoMapColumns, isPercentHeader, isShareHeader, missingColumnsError, missingForIsbsh, missingRequired, type AutoMapping, type ColumnMapping } from './headerMapping';
import { cellText, columnHasData, headerTexts, isBlankCell, isFormulaError, normalizeSchoolCode, schoolCodeKey, type NormalizedCode } from './input/cells';
import { cellProblem, columnProblem, sheetProblem } from './input/problems';
import { ACTION, PROBLEM } from './messages';
import { sortProblems, type Problem } from './problems';
import { calendarMonth, formatTimestamp, parseTimestamp } from './timestamps';
import { schoolYearOf, type YearlyAnswer } from '../core/history';

export { cellText, isBlankCell, isFormulaError, normalizeSchoolCode, schoolCodeKey, type NormalizedCode };

export interface ResponsesReading {
  /** One record per Код ОО (its latest submission), in the order of those submissions' rows. */
  schools: SchoolRecord[];
  problems: Problem[];
  /** Earlier submissions replaced by a later one of the same school. */
  superseded: number;
  /** Non-empty data rows (below the header). */
  rowsRead: number;
  /**
   * Each school's latest submission of every school year of «Отметка времени» (September–August, docs/методика.md §9),
   * for ИСБШ by school year; the school year of its latest submission holds that same record. Submissions without a
   * readable time are left out. Problems of the values of earlier school years' submissions are not listed again (those
   * rows are listed as superseded): a value that cannot be read leaves that year's ИСБШ empty.
   */
  yearly: YearlyAnswer[];
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

const labelOf = (id: FieldId) => fieldSpec(id).label;
const quotedLabels = (ids: readonly FieldId[]) => ids.map((id) => `«${labelOf(id)}»`).join(', ');

/**
 * Problems of the header row: ИСБШ inputs and «Отметка времени» without a column, columns without a header that hold
 * data, and every column not used — ambiguous ones naming the fields or columns they compete for, unknown ones naming
 * the fields they are closest to (docs/методика.md §1.1 «let the user fix the mapping»).
 */
function columnProblems(values: unknown[][], sheet: string, headers: string[], mapping: ColumnMapping, match: AutoMapping): Problem[] {
  const problems: Problem[] = [];
  const mapped = new Set(Object.values(mapping).filter((c): c is number => c !== null));
  for (const id of missingForIsbsh(mapping)) problems.push(sheetProblem(sheet, PROBLEM.missingIsbshColumn(labelOf(id)), ACTION.isbshNotComputed));
  if (mapping.timestamp === null) problems.push(sheetProblem(sheet, PROBLEM.noTimestampColumn, ACTION.rowOrderUsed));
  headers.forEach((header, index) => {
    if (mapped.has(index)) return;
    if (header === '') {
      if (columnHasData(values, index)) problems.push(columnProblem(sheet, PROBLEM.columnRef(columnLetter(index)), PROBLEM.blankHeader, ACTION.columnIgnored));
      return;
    }
    const twoFields = match.ambiguousColumns.find((a) => a.column === index);
    const unmappedOf = (ids: readonly FieldId[]) => ids.filter((id) => mapping[id] === null);
    if (twoFields && unmappedOf(twoFields.fields).length) {
      problems.push(columnProblem(sheet, header, PROBLEM.ambiguousColumn(quotedLabels(twoFields.fields)), ACTION.columnIgnoredChoose));
      return;
    }
    const twoColumns = match.ambiguous.find((a) => a.columns.includes(index) && mapping[a.field] === null);
    if (twoColumns) {
      const others = twoColumns.columns.filter((c) => c !== index).map((c) => `«${headers[c]}»`).join(', ');
      problems.push(columnProblem(sheet, header, PROBLEM.ambiguousField(labelOf(twoColumns.field), others), ACTION.columnIgnoredChoose));
      return;
    }
    const candidates = (match.candidates[index] ?? []).map((c) => c.field);
    const taken = candidates.length ? mapping[candidates[0]] : null;
    if (taken !== null && taken !== undefined && taken !== index) {
      problems.push(columnProblem(sheet, header, PROBLEM.sameFieldAs(headers[taken]), ACTION.columnIgnored));
    } else if (candidates.length) {
      problems.push(columnProblem(sheet, header, PROBLEM.unknownColumnLike(quotedLabels(candidates)), ACTION.columnIgnored));
    } else {
      problems.push(columnProblem(sheet, header, PROBLEM.unknownColumn, ACTION.columnIgnored));
    }
  });
  return problems;
}

// ---------------------------------------------------------------- rows

interface Submission {
  row: unknown[];
  sheetRow: number;
  code: string;
  fixed: NormalizedCode['fixed'];
  time: number | null;
  /** The timestamp cell as read (worked out only for a superseded answer, the one place it is quoted). */
  rawTime: unknown;
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
    this.problems.push(cellProblem(this.sheet, { row: this.sub.sheetRow, column: column.header, value: raw, schoolCode: this.sub.code }, problem, action));
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
    const required = column.spec.standsFor ? fieldSpec(column.spec.standsFor).required : column.spec.required;
    if (required === 'yes') this.report(column, value, PROBLEM.requiredEmpty, ACTION.keptWithoutValue);
    else if (required === 'isbsh') this.report(column, value, PROBLEM.isbshInputEmpty, ACTION.isbshNotComputed);
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

  /** «Тип территории», or when the form asks «Сельская школа (да/нет)» instead: «да» → село, «нет» → город. */
  territory(): Territory | null {
    if (this.columns.has('territory')) return this.value('territory', parseTerritory);
    if (!this.columns.has('ruralFlag')) return null;
    const rural = this.value('ruralFlag', parseYesNo);
    return rural === null ? null : rural ? 'село' : 'город';
  }

  /**
   * «Специалисты в штате» from the checkbox question, or combined from one yes/no question per specialist: the ones
   * answered «да»; none when every answer is «нет»; unknown (null) when none is «да» and some answer is missing.
   */
  specialists(): string[] | null {
    const cell = this.raw('specialists');
    if (cell) {
      const text = cellText(cell.value).trim();
      return text === '' ? null : normalizeSpecialists(text);
    }
    const parts = FIELDS.filter((f) => f.specialist && this.columns.has(f.id));
    if (!parts.length) return null;
    const answers = parts.map((f) => ({ name: f.specialist!, has: this.value(f.id, parseYesNo) }));
    const present = answers.filter((a) => a.has === true).map((a) => a.name);
    if (present.length) return present;
    return answers.every((a) => a.has === false) ? [] : null;
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
    r.problems.push(
      cellProblem(
        sheet,
        { row: sub.sheetRow, column: codeColumn.header, value: cellText(sub.row[codeColumn.index]).trim(), schoolCode: sub.code },
        sub.fixed === 'latin' ? PROBLEM.lookalikeLetters : PROBLEM.lookalikeLatinLetters,
        ACTION.codeFixed(sub.code),
      ),
    );
  }
  const name = r.text('name');
  const municipality = r.text('municipality');
  const territory = r.territory();
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
  options: { timeZone: string; match?: AutoMapping },
): ResponsesReading {
  const headers = headerTexts(values);
  const width = headers.length;
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
  const match = options.match ?? autoMapColumns(headers, values.slice(1));
  const problems = columnProblems(values, sheetName, headers, effective, match);

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
      problems.push(cellProblem(sheetName, { row: sheetRow, column: codeColumn.header, value }, problem, ACTION.rowDropped));
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
        problems.push(cellProblem(sheetName, { row: sheetRow, column: timeColumn.header, value: rawTime, schoolCode: code }, e.message, ACTION.takenAsEarliest));
      }
    }
    submissions.push({ row, sheetRow, code, fixed, time, rawTime });
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
    problems.push(
      cellProblem(
        sheetName,
        { row: sub.sheetRow, column: timeColumn?.header ?? '', value: timeColumn ? timeText(sub.rawTime, options.timeZone) : '', schoolCode: sub.code },
        PROBLEM.earlierSubmission,
        ACTION.supersededBy(winner.sheetRow),
      ),
    );
  }

  const schools: SchoolRecord[] = [];
  const recordOf = new Map<Submission, SchoolRecord>();
  for (const sub of [...latest.values()].sort((a, b) => a.sheetRow - b.sheetRow)) {
    const read = readSchool(sheetName, sub, columns);
    schools.push(read.record);
    recordOf.set(sub, read.record);
    problems.push(...read.problems);
  }
  return { schools, problems: sortProblems(problems), superseded, rowsRead, yearly: yearlyAnswers(sheetName, submissions, columns, recordOf, latest, options.timeZone) };
}

/** The latest submission of each school in each school year (see ResponsesReading.yearly). */
function yearlyAnswers(
  sheetName: string,
  submissions: ReadonlyArray<Submission>,
  columns: Map<FieldId, Column>,
  recordOf: ReadonlyMap<Submission, SchoolRecord>,
  latest: ReadonlyMap<string, Submission>,
  timeZone: string,
): YearlyAnswer[] {
  const byYear = new Map<string, { sub: Submission; schoolYear: number }>();
  for (const sub of submissions) {
    if (sub.time === null) continue;
    const { year, month } = calendarMonth(new Date(sub.time), timeZone);
    const schoolYear = schoolYearOf(year, month);
    const key = `${schoolCodeKey(sub.code)}\u0000${schoolYear}`;
    const current = byYear.get(key);
    if (!current || sub.time >= (current.sub.time as number)) byYear.set(key, { sub, schoolYear });
  }
  const schoolYears = new Set([...byYear.values()].map((w) => w.schoolYear));
  if (schoolYears.size < 2) return [];
  return [...byYear.values()]
    .sort((a, b) => a.schoolYear - b.schoolYear || a.sub.sheetRow - b.sub.sheetRow)
    .map(({ sub, schoolYear }) => {
      // An earlier answer is read like the latest one; its code is spelled as the latest one spells it.
      const record = recordOf.get(sub) ?? { ...readSchool(sheetName, sub, columns).record, schoolCode: latest.get(schoolCodeKey(sub.code))!.code };
      return { schoolYear, record };
    });
}
