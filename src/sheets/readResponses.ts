/**
 * The Form's responses sheet → one SchoolRecord per school (docs/методика.md §1.1). Works on the 2-D array
 * `getValues()` returns (loadInputs reads the sheet once).
 * Nothing is lost silently: every row, column or value not used becomes a Problem.
 */
import { ValueError } from '../core/errors';
import { normalizeSpecialists, unknownSpecialists } from '../core/deficits';
import { mergeMunicipalityNames } from '../core/municipalityNames';
import { fundingInThousands, implausibleTotal, isTotalsRow } from '../core/plausibility';
import { mostlyShares, shareColumn, shareInColumn, type ShareColumn } from '../core/shareColumn';
import { parseCount, parseRussianNumber, parseTerritory, parseYesNo, quoteValue, shareFromCount } from '../core/numbers';
import type { SchoolRecord, Territory } from '../core/types';
import { columnLetter } from './a1';
import { FIELDS, LONG_TEXT_WARNING, fieldSpec, type FieldId, type FieldSpec } from './fields';
import {
  autoMapColumns,
  isPercentHeader,
  isShareHeader,
  missingColumnsError,
  missingForIsbsh,
  missingRequired,
  type AutoMapping,
  type ColumnMapping,
} from './headerMapping';
import {
  cellText,
  columnHasData,
  headerTexts,
  isBlankCell,
  isFormulaError,
  normalizeSchoolCode,
  schoolCodeKey,
  type NormalizedCode,
} from './input/cells';
import { cellProblem, columnProblem, sheetProblem } from './input/problems';
import { SAMPLE_ROWS } from './input/matcher';
import { ACTION, PROBLEM } from './messages';
import { sortProblems, type Problem } from './problems';
import { calendarMonth, formatTimestamp, parseTimestamp, slashDateOrder, type SlashOrder } from './timestamps';
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
  /** For a share column: how its plain numbers are read, decided from all its values (core's shareColumn). */
  scale: ShareColumn;
}

function columnValues(values: unknown[][], index: number): unknown[] {
  // Sized once: a column of 40 000 answers, read for each field that can hold shares.
  const out = new Array<unknown>(Math.max(0, values.length - 1));
  for (let r = 1; r < values.length; r++) out[r - 1] = values[r]?.[index];
  return out;
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
  for (const id of missingForIsbsh(mapping))
    problems.push(sheetProblem(sheet, PROBLEM.missingIsbshColumn(labelOf(id)), ACTION.isbshNotComputed));
  if (mapping.timestamp === null) problems.push(sheetProblem(sheet, PROBLEM.noTimestampColumn, ACTION.rowOrderUsed));
  headers.forEach((header, index) => {
    if (mapped.has(index)) return;
    if (header === '') {
      if (columnHasData(values, index))
        problems.push(columnProblem(sheet, PROBLEM.columnRef(columnLetter(index)), PROBLEM.blankHeader, ACTION.columnIgnored));
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
      const others = twoColumns.columns
        .filter((c) => c !== index)
        .map((c) => `«${headers[c]}»`)
        .join(', ');
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

/** The student counts a total is compared with (docs/методика.md §1.1). */
const STUDENT_COUNT_FIELDS: readonly FieldId[] = FIELDS.filter((f) => f.studentShare !== undefined).map((f) => f.id);

interface Submission {
  row: unknown[];
  sheetRow: number;
  code: string;
  fixed: NormalizedCode['fixed'];
  time: number | null;
  /** The timestamp cell as read (worked out only for a superseded answer, the one place it is quoted). */
  rawTime: unknown;
}

/** The timestamp as the data check quotes it: a date or a serial number as the time it was read as, text as typed. */
function timeText(raw: unknown, time: number | null, timeZone: string): string {
  if (raw instanceof Date && !Number.isNaN(raw.getTime())) return formatTimestamp(raw, timeZone);
  if (typeof raw === 'number' && time !== null) return formatTimestamp(new Date(time), timeZone);
  return quoteValue(raw);
}

/** Reads one school's values; problems name the school, the column and the value. */
class SchoolReader {
  // Declared fields, a reader per answer (docs/architecture.md, «Conventions»).
  declare readonly problems: Problem[];
  /** Set when «Всего обучающихся» was not believed: the shares are then not computed, and said so once. */
  declare implausible: boolean;
  declare private readonly sheet: string;
  declare private readonly sub: Submission;
  declare private readonly columns: Map<FieldId, Column>;

  constructor(sheet: string, sub: Submission, columns: Map<FieldId, Column>) {
    this.problems = [];
    this.implausible = false;
    this.sheet = sheet;
    this.sub = sub;
    this.columns = columns;
  }

  private report(column: Column, raw: unknown, problem: string, action: string): void {
    this.problems.push(
      cellProblem(this.sheet, { row: this.sub.sheetRow, column: column.header, value: raw, schoolCode: this.sub.code }, problem, action),
    );
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
      ? this.attempt(column, value, () => shareInColumn(value, column.scale))
      : this.attempt(column, value, () => parseCount(value));
    if (parsed === null) this.emptyRequired(column, value);
    if (parsed === null || parsed === undefined) return null;
    if (column.share) return parsed;
    if (total === null || total === 0) {
      if (!this.implausible) this.report(column, value, PROBLEM.noTotalForShare, ACTION.shareNotComputed);
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
      const share = this.attempt(column, value, () => shareInColumn(value, column.scale));
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
      if (text === '') return null;
      const list = normalizeSpecialists(text);
      // Unknown items are kept but listed: they do not count against a staffing deficit (docs/методика.md §2).
      for (const item of unknownSpecialists(list))
        this.report(cell.column, cell.value, PROBLEM.unknownSpecialist(item), ACTION.notCountedForStaffing);
      return list;
    }
    const parts = FIELDS.filter((f) => f.specialist && this.columns.has(f.id));
    if (!parts.length) return null;
    const answers = parts.map((f) => ({ name: f.specialist!, has: this.value(f.id, parseYesNo) }));
    const present = answers.filter((a) => a.has === true).map((a) => a.name);
    if (present.length) return present;
    return answers.every((a) => a.has === false) ? [] : null;
  }

  /** «Всего обучающихся», unless it cannot be the school's beside its other counts (100 000 pupils and counts of 200). */
  totalStudents(): number | null {
    const total = this.value('totalStudents', parseCount);
    const cell = this.raw('totalStudents');
    if (total === null || !cell) return total;
    const counts = STUDENT_COUNT_FIELDS.map((id) => {
      const c = this.columns.get(id);
      if (!c || c.share) return null;
      try {
        return parseCount(this.sub.row[c.index]);
      } catch {
        return null;
      }
    });
    if (!implausibleTotal(total, counts)) return total;
    this.report(cell.column, cell.value, PROBLEM.implausibleTotal(quoteValue(total)), ACTION.valueDropped);
    this.implausible = true;
    return null;
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
  const totalStudents = r.totalStudents();
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

/** Funding that looks written in thousands among roubles (×1000) is read in roubles, with a note (docs/методика.md §1.1). */
function fundingInThousandsFixed(
  schools: SchoolRecord[],
  rowOf: (record: SchoolRecord) => number | undefined,
  sheet: string,
  column: Column | undefined,
): Problem[] {
  if (!column) return [];
  const inThousands = fundingInThousands(schools.map((s) => s.fundingPerStudent));
  const problems: Problem[] = [];
  for (const s of schools) {
    if (!inThousands(s.fundingPerStudent)) continue;
    const rubles = s.fundingPerStudent! * 1000;
    problems.push({
      sheet,
      row: rowOf(s) ?? null,
      schoolCode: s.schoolCode,
      field: column.header,
      value: quoteValue(s.fundingPerStudent),
      problem: PROBLEM.fundingInThousands,
      action: ACTION.readAsRubles(quoteValue(rubles)),
    });
    s.fundingPerStudent = rubles;
  }
  return problems;
}

/** Spellings of one municipality made one (docs/методика.md §1.1), noted once per spelling; near-duplicates named, not merged. */
function mergedMunicipalities(
  schools: SchoolRecord[],
  rowOf: (record: SchoolRecord) => number | undefined,
  sheet: string,
  column: Column,
): Problem[] {
  const names = mergeMunicipalityNames(schools.map((s) => s.municipality));
  const problems: Problem[] = [];
  for (const { name, variants } of names.merged) {
    for (const variant of variants) {
      const first = schools.find((s) => s.municipality === variant);
      problems.push({
        sheet,
        row: (first && rowOf(first)) ?? null,
        schoolCode: '',
        field: column.header,
        value: variant,
        problem: PROBLEM.municipalityVariant(name),
        action: ACTION.municipalityMerged(name),
      });
    }
  }
  for (const [a, b] of names.nearDuplicates) {
    problems.push({
      sheet,
      row: null,
      schoolCode: '',
      field: column.header,
      value: `${a}; ${b}`,
      problem: PROBLEM.municipalityNearDuplicate(a, b),
      action: ACTION.notMerged,
    });
  }
  for (const s of schools) s.municipality = names.nameOf.get(s.municipality) ?? s.municipality;
  return problems;
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
    // A column holds shares when its header says so, or when most of its values are shares (docs/методика.md §1.1).
    const cells = canBeShare ? columnValues(values, index) : [];
    const share = canBeShare && (isShareHeader(header) || mostlyShares(cells));
    const scale = shareColumn(share ? cells : [], { percentHeader: share && isPercentHeader(header) });
    columns.set(spec.id, { spec, index, header, share, scale });
  }
  const match = options.match ?? autoMapColumns(headers, values.slice(1, SAMPLE_ROWS + 1));
  const problems = columnProblems(values, sheetName, headers, effective, match);

  const codeColumn = columns.get('schoolCode')!;
  const timeColumn = columns.get('timestamp');
  // «9/1/2025» is month first in English Sheets, day first in British: the column's other values decide.
  const slash = timeColumn ? slashDateOrder(columnValues(values, timeColumn.index)) : null;
  const slashOrder: SlashOrder = slash?.order ?? 'month-first';
  if (timeColumn && slash === null) problems.push(sheetProblem(sheetName, PROBLEM.slashDatesBothWays, ACTION.slashMonthFirst));
  else if (timeColumn && slash && slash.any && !slash.decided)
    problems.push(sheetProblem(sheetName, PROBLEM.slashDatesUndecided, ACTION.slashMonthFirst));
  const totalsRows: number[] = [];
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
    if (isTotalsRow(cellText(rawCode))) {
      totalsRows.push(sheetRow);
      continue;
    }
    const { code, fixed } = normalizeSchoolCode(rawCode);
    let time: number | null = null;
    const rawTime = timeColumn ? row[timeColumn.index] : undefined;
    if (timeColumn) {
      try {
        time = parseTimestamp(rawTime, options.timeZone, { slashOrder })?.getTime() ?? null;
      } catch (e) {
        if (!(e instanceof ValueError)) throw e;
        problems.push(
          cellProblem(
            sheetName,
            { row: sheetRow, column: timeColumn.header, value: rawTime, schoolCode: code },
            e.message,
            ACTION.takenAsEarliest,
          ),
        );
      }
    }
    submissions.push({ row, sheetRow, code, fixed, time, rawTime });
  }

  // Each submission's code key, worked out once (four passes below ask for it).
  const keys = submissions.map((sub) => schoolCodeKey(sub.code));
  const latest = new Map<string, Submission>();
  const repeated = new Set<string>();
  submissions.forEach((sub, i) => {
    const current = latest.get(keys[i]);
    if (current) repeated.add(keys[i]);
    if (!current || (sub.time ?? -Infinity) >= (current.time ?? -Infinity)) latest.set(keys[i], sub);
  });
  let superseded = 0;
  // The submissions of each school answered more than once, schools in the order they first appear.
  const rowsOf = new Map<string, Submission[]>();
  submissions.forEach((sub, i) => {
    if (!repeated.has(keys[i])) return;
    const list = rowsOf.get(keys[i]);
    if (list) list.push(sub);
    else rowsOf.set(keys[i], [sub]);
  });
  submissions.forEach((sub, i) => {
    const winner = latest.get(keys[i])!;
    if (winner === sub) return;
    superseded++;
    // Only an answer whose time is known to be earlier is called «более ранний».
    const earlier = sub.time !== null && winner.time !== null && sub.time < winner.time;
    const same = sub.time !== null && sub.time === winner.time;
    problems.push(
      cellProblem(
        sheetName,
        {
          row: sub.sheetRow,
          column: timeColumn?.header ?? '',
          value: timeColumn ? timeText(sub.rawTime, sub.time, options.timeZone) : '',
          schoolCode: sub.code,
        },
        earlier ? PROBLEM.earlierSubmission : same ? PROBLEM.sameTimeSubmission : PROBLEM.unorderedSubmission,
        earlier ? ACTION.supersededBy(winner.sheetRow) : ACTION.replacedByRow(winner.sheetRow),
      ),
    );
  });
  // Schools whose choice of answer rests on the order of rows, not on times: named once each.
  for (const list of rowsOf.values()) {
    if (list.length < 2) continue;
    const winner = latest.get(schoolCodeKey(list[0].code))!;
    const byRowOrder = !timeColumn || list.some((s) => s !== winner && (s.time === null || winner.time === null || s.time === winner.time));
    if (!byRowOrder) continue;
    problems.push({
      sheet: sheetName,
      row: winner.sheetRow,
      schoolCode: winner.code,
      field: timeColumn?.header ?? '',
      value: '',
      problem: PROBLEM.choiceByRowOrder(list.map((s) => s.sheetRow).join(', ')),
      action: ACTION.answerTaken(winner.sheetRow),
    });
  }
  if (totalsRows.length) {
    problems.push({
      ...sheetProblem(
        sheetName,
        PROBLEM.totalsRowsInResponses(PROBLEM.rows(totalsRows.slice(0, 5), totalsRows.length - 5)),
        totalsRows.length === 1 ? ACTION.rowDropped : ACTION.rowsDropped,
      ),
      field: codeColumn.header,
    });
  }

  const schools: SchoolRecord[] = [];
  const taken = [...latest.values()].sort((a, b) => a.sheetRow - b.sheetRow);
  for (const sub of taken) {
    const read = readSchool(sheetName, sub, columns);
    schools.push(read.record);
    problems.push(...read.problems);
  }
  // Looked up only for the few records a problem names: made when first asked.
  let rowIndex: Map<SchoolRecord, number> | undefined;
  const sheetRowOf = (record: SchoolRecord) => (rowIndex ??= new Map(schools.map((r, i) => [r, taken[i].sheetRow]))).get(record);
  problems.push(...fundingInThousandsFixed(schools, sheetRowOf, sheetName, columns.get('fundingPerStudent')));
  problems.push(...mergedMunicipalities(schools, sheetRowOf, sheetName, columns.get('municipality')!));
  return {
    schools,
    problems: sortProblems(problems),
    superseded,
    rowsRead,
    yearly: yearlyAnswers(sheetName, submissions, columns, { taken, schools }, latest, options.timeZone),
  };
}

/** The latest submission of each school in each school year (see ResponsesReading.yearly). */
const QUARTER_HOUR_MS = 15 * 60 * 1000;
const QUARTERS_SINCE_MS = Date.UTC(2000, 0, 1);

function yearlyAnswers(
  sheetName: string,
  submissions: ReadonlyArray<Submission>,
  columns: Map<FieldId, Column>,
  read: { taken: ReadonlyArray<Submission>; schools: ReadonlyArray<SchoolRecord> },
  latest: ReadonlyMap<string, Submission>,
  timeZone: string,
): YearlyAnswer[] {
  // Since 2000 every time zone is offset by whole quarters of an hour, so a month begins at the start of a quarter of an
  // hour in UTC: within one quarter the school year is one, and 40 000 answers of a campaign fall in a few thousand.
  const byQuarter = new Map<number, number>();
  const schoolYearOfSub = submissions.map((sub) => {
    if (sub.time === null) return null;
    const quarter = sub.time >= QUARTERS_SINCE_MS ? Math.floor(sub.time / QUARTER_HOUR_MS) : NaN;
    let schoolYear = byQuarter.get(quarter);
    if (schoolYear === undefined) {
      const { year, month } = calendarMonth(new Date(sub.time), timeZone);
      schoolYear = schoolYearOf(year, month);
      if (!Number.isNaN(quarter)) byQuarter.set(quarter, schoolYear);
    }
    return schoolYear;
  });
  // One school year (the usual sheet of one campaign): nothing to keep by year, and no look-up of 40 000 answers.
  const first = schoolYearOfSub.find((y) => y !== null);
  if (schoolYearOfSub.every((y) => y === null || y === first)) return [];
  const byYear = new Map<string, { sub: Submission; schoolYear: number }>();
  for (let i = 0; i < submissions.length; i++) {
    const sub = submissions[i];
    const schoolYear = schoolYearOfSub[i];
    if (sub.time === null || schoolYear === null) continue;
    const key = `${schoolCodeKey(sub.code)}\u0000${schoolYear}`;
    const current = byYear.get(key);
    if (!current || sub.time >= (current.sub.time as number)) byYear.set(key, { sub, schoolYear });
  }
  const schoolYears = new Set([...byYear.values()].map((w) => w.schoolYear));
  if (schoolYears.size < 2) return [];
  const recordOf = new Map(read.taken.map((sub, i) => [sub, read.schools[i]]));
  return [...byYear.values()]
    .sort((a, b) => a.schoolYear - b.schoolYear || a.sub.sheetRow - b.sub.sheetRow)
    .map(({ sub, schoolYear }) => {
      // An earlier answer is read like the latest one; its code is spelled as the latest one spells it.
      const record = recordOf.get(sub) ?? {
        ...readSchool(sheetName, sub, columns).record,
        schoolCode: latest.get(schoolCodeKey(sub.code))!.code,
      };
      return { schoolYear, record };
    });
}
