import { UserError } from '../core/errors';
import type { YearlyAnswer } from '../core/history';
import type { CatalogMeasure, LostResult, ProcedureResult, RiskDiagnosis, RiskFactor, SchoolRecord } from '../core/types';
import { DEFAULT_RISK_FACTORS, FACTOR_SHEET_NAME } from '../core/factors';
import { CATALOG_SHEET_NAME, DEFAULT_CATALOG } from '../core/catalog';
import { readCatalogSheet, readFactorSheet } from './readReferences';
import { INDICATORS } from '../core/indicators';
import { numberCell } from './input/cells';
import { ASSIGNED_MENTOR_HEADER } from './outputs/shnorSheet';
import { normalizeText } from '../core/text';
import { mappingFor, parseStoredMapping, type AutoMapping, type SampleRows } from './headerMapping';
import { headerTexts, shareCell } from './input/cells';
import { INDICATOR_VARIANTS } from './input/corpus/references';
import { SAMPLE_ROWS, findHeaderRow, matchHeaders } from './input/matcher';
import type { InputSchema } from './input/schema';
import { INDICATOR_TITLES } from './outputs/summarySheets';
import { readResponses } from './readResponses';
import { readResults } from './readResults';
import { readRisks } from './readRisks';
import { readGroups } from './readGroups';
import type { GroupMember } from '../core/groups';
import { readFederalList, readObjectivity } from './readOptionalLists';
import type { FederalListEntry } from '../core/federalList';
import type { ObjectivityRow } from '../core/objectivity';
import { readAccess } from './readAccess';
import type { AccessRow } from '../core/access';
import type { Problem } from './problems';
import { SHEET_NAMES, isRoadmapSheetName } from './names';
import { LOAD } from './messages';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const MAPPING_KEY = 'shnor.mapping';
export const RESPONSES_SHEET_KEY = 'shnor.responsesSheet';

export interface LoadedInputs {
  responsesSheet: string;
  schools: SchoolRecord[];
  /** Each school's answer of every school year, when the form was answered in two or more (docs/методика.md §9). */
  yearly: YearlyAnswer[];
  results: ProcedureResult[];
  /** Rows of «Результаты ОП» of the form's schools that were not used (docs/методика.md §3 «Неполные данные»). */
  lost: LostResult[];
  diagnoses: RiskDiagnosis[];
  factors: RiskFactor[];
  catalog: CatalogMeasure[];
  problems: Problem[];
  rowsRead: number;
  manualIndicators: Record<string, number | null>;
  /** Rows of the optional sheet «Группы» (docs/методика.md §9); empty without it. */
  groups: GroupMember[];
  /** «Назначенный наставник / куратор» people entered in the previous «ШНОР», by Код ОО (kept across rebuilds). */
  assignedMentors: Map<string, string>;
  /** «Список ФИОКО» (docs/методика.md §10); null when the sheet does not exist. */
  federalList: FederalListEntry[] | null;
  /** «Объективность ВПР» (docs/методика.md §10); null when the sheet does not exist. */
  objectivity: ObjectivityRow[] | null;
  /** «Доступ» (docs/методика.md §11): who may edit which roadmap; empty when the sheet is absent. */
  access: AccessRow[];
}

/**
 * The Form's responses sheet: the one the user chose, else a sheet linked to a form, else one whose first
 * column is «Отметка времени». Null when none is found (the sidebar then asks).
 */
export function findResponsesSheet(ss: Spreadsheet, chosen: string | null): Sheet | null {
  if (chosen) {
    const sheet = ss.getSheetByName(chosen);
    if (sheet) return sheet;
  }
  // The add-in's own sheets (outputs, roadmaps) are never the responses: skip them, there may be hundreds.
  const own = new Set<string>(Object.values(SHEET_NAMES).filter((n) => n !== SHEET_NAMES.results && n !== SHEET_NAMES.risks));
  const sheets = ss.getSheets().filter((s) => {
    const name = s.getName();
    return !own.has(name) && !isRoadmapSheetName(name);
  });
  const linked = sheets.find((s) => !!s.getFormUrl());
  if (linked) return linked;
  return (
    sheets.find((s) => {
      if (s.getLastRow() < 1 || s.getLastColumn() < 1) return false;
      const first = normalizeText(s.getRange(1, 1).getValue());
      return first === 'отметка времени' || first === 'timestamp';
    }) ?? null
  );
}

/** The mapping in force for these headers: the stored choices first, the rest matched (with the evidence of the first rows' values). */
function mappingIn(headers: readonly string[], storedJson: string | null, samples: SampleRows): AutoMapping {
  return mappingFor(headers, parseStoredMapping(storedJson), samples.slice(0, SAMPLE_ROWS));
}

/**
 * The responses sheet's header texts and the mapping in force, for the sidebar: only the header row and the first
 * SAMPLE_ROWS rows are read, in one call (the matcher looks at no more), so the sidebar shows the mapping the run uses.
 */
export function responsesMapping(sheet: Sheet, storedJson: string | null): { headers: string[]; auto: AutoMapping; samples: unknown[][] } {
  const width = sheet.getLastColumn();
  const height = Math.min(sheet.getLastRow(), SAMPLE_ROWS + 1);
  const values = width < 1 || height < 1 ? [] : sheet.getRange(1, 1, height, width).getValues();
  const headers = headerTexts(values);
  const samples = values.slice(1);
  return { headers, auto: mappingIn(headers, storedJson, samples), samples };
}

function sheetValues(ss: Spreadsheet, name: string): unknown[][] | null {
  const sheet = ss.getSheetByName(name);
  return sheet ? sheet.getDataRange().getValues() : null;
}

/** «Показатели» as an input schema (src/sheets/input): the indicator's name and the hand-entered actual value. */
const INDICATORS_SCHEMA: InputSchema<keyof typeof INDICATOR_VARIANTS> = {
  id: 'indicators',
  fields: [
    { key: 'indicator', title: INDICATOR_TITLES.indicator, required: 'yes', variants: INDICATOR_VARIANTS.indicator },
    { key: 'actual', title: INDICATOR_TITLES.actual, required: 'yes', variants: INDICATOR_VARIANTS.actual },
  ],
};

/** Hand-entered values of «Показатели» kept across rebuilds (docs/методика.md §7), by indicator id; the header row below the caption is found by its titles. */
export function readManualIndicators(values: unknown[][] | null): Record<string, number | null> {
  const manual: Record<string, number | null> = {};
  if (!values) return manual;
  const headerIndex = findHeaderRow(values, INDICATORS_SCHEMA, 1);
  if (headerIndex < 0) return manual;
  const { columns } = matchHeaders(INDICATORS_SCHEMA, headerTexts(values, headerIndex));
  if (columns.indicator === null || columns.actual === null) return manual;
  const byName = new Map(INDICATORS.filter((d) => !d.computed).map((d) => [normalizeText(d.name), d]));
  for (const row of values.slice(headerIndex + 1)) {
    const def = byName.get(normalizeText(row[columns.indicator]));
    if (!def) continue;
    const cell = row[columns.actual];
    try {
      // Shares as percents or fractions, counts («3», «3 шт.») as numbers.
      manual[def.id] = def.unit === 'count' ? numberCell(typeof cell === 'string' ? cell.replace(/шт\.?/i, '') : cell) : shareCell(cell);
    } catch {
      manual[def.id] = null;
    }
  }
  return manual;
}

/** How many rows of an output sheet may hold its caption above the header. */
const CAPTION_ROWS = 10;

/** The two columns of «ШНОР» people fill in and a rebuild keeps: the school's code and its assigned mentor. */
const ASSIGNED_MENTORS_SCHEMA: InputSchema<'code' | 'mentor'> = {
  id: 'assignedMentors',
  fields: [
    { key: 'code', title: 'Код ОО', required: 'yes', variants: [] },
    { key: 'mentor', title: ASSIGNED_MENTOR_HEADER, required: 'yes', variants: [] },
  ],
};

/**
 * «Назначенный наставник / куратор» of the previous «ШНОР» sheet by Код ОО (docs/методика.md §7): people fill this
 * column and a rebuild keeps it. Only the header area and the two columns are read, whatever the sheet's width.
 */
export function readAssignedMentors(sheet: Sheet | null): Map<string, string> {
  const out = new Map<string, string>();
  if (!sheet) return out;
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow < 2 || lastColumn < 1) return out;
  const top = sheet.getRange(1, 1, Math.min(lastRow, CAPTION_ROWS), lastColumn).getValues();
  const headerIndex = findHeaderRow(top, ASSIGNED_MENTORS_SCHEMA, 2, CAPTION_ROWS);
  if (headerIndex < 0) return out;
  const { columns } = matchHeaders(ASSIGNED_MENTORS_SCHEMA, headerTexts(top, headerIndex));
  if (columns.code === null || columns.mentor === null) return out;
  const [codeColumn, mentorColumn] = [columns.code, columns.mentor];
  const first = headerIndex + 2;
  if (lastRow < first) return out;
  const codes = sheet.getRange(first, codeColumn + 1, lastRow - first + 1, 1).getValues();
  const mentors = sheet.getRange(first, mentorColumn + 1, lastRow - first + 1, 1).getValues();
  codes.forEach((c, i) => {
    const code = String(c[0] ?? '').trim();
    const mentor = String(mentors[i][0] ?? '').trim();
    if (code && mentor) out.set(code, mentor);
  });
  return out;
}

function referenceProblems(sheet: string, messages: string[]): Problem[] {
  return messages.map((m) => ({ sheet, row: null, schoolCode: '', field: '', value: '', problem: m, action: LOAD.referenceAction }));
}

/**
 * Reads every input sheet once (one getValues each) into core's records, with every problem listed.
 * Stops with a UserError only when nothing sensible can be computed: no responses sheet, or a required column unmapped.
 */
export function loadInputs(ss: Spreadsheet, timeZone: string, today: Date): LoadedInputs {
  const props = PropertiesService.getDocumentProperties();
  const sheet = findResponsesSheet(ss, props.getProperty(RESPONSES_SHEET_KEY));
  if (!sheet) throw new UserError(LOAD.noResponsesSheet);
  const values = sheet.getDataRange().getValues();
  const auto = mappingIn(headerTexts(values), props.getProperty(MAPPING_KEY), values.slice(1, SAMPLE_ROWS + 1));
  // Throws the UserError naming the missing columns when a required one is not mapped.
  const responses = readResponses(values, sheet.getName(), auto.mapping, { timeZone, match: auto });
  const problems: Problem[] = [...responses.problems];
  const knownCodes = new Set(responses.schools.map((s) => s.schoolCode));

  const resultsSheet = ss.getSheetByName(SHEET_NAMES.results);
  let results: ProcedureResult[] = [];
  let lost: LostResult[] = [];
  if (resultsSheet) {
    // Number formats too: a cell shown as «25 %» holds 0.25, a share and not a count (docs/методика.md §1.2).
    const range = resultsSheet.getDataRange();
    const read = readResults(range.getValues(), SHEET_NAMES.results, knownCodes, {
      latestYear: today.getFullYear(),
      formats: range.getNumberFormats(),
    });
    results = read.results;
    lost = read.lost;
    problems.push(...read.problems);
  } else {
    problems.push({
      sheet: SHEET_NAMES.results,
      row: null,
      schoolCode: '',
      field: '',
      value: '',
      problem: LOAD.noResultsSheet,
      action: LOAD.noResultsAction,
    });
  }

  let factors: RiskFactor[] = DEFAULT_RISK_FACTORS.map((f) => ({ ...f }));
  const factorValues = sheetValues(ss, FACTOR_SHEET_NAME);
  if (factorValues) {
    const read = readFactorSheet(factorValues);
    factors = read.factors;
    problems.push(...referenceProblems(FACTOR_SHEET_NAME, read.problems));
  }
  let catalog: CatalogMeasure[] = DEFAULT_CATALOG.map((m) => ({ ...m }));
  const catalogValues = sheetValues(ss, CATALOG_SHEET_NAME);
  if (catalogValues) {
    const read = readCatalogSheet(catalogValues, factors);
    catalog = read.measures;
    problems.push(...referenceProblems(CATALOG_SHEET_NAME, read.problems));
  }

  let diagnoses: RiskDiagnosis[] = [];
  const riskValues = sheetValues(ss, SHEET_NAMES.risks);
  if (riskValues) {
    const read = readRisks(riskValues, SHEET_NAMES.risks, factors, knownCodes);
    diagnoses = read.diagnoses;
    problems.push(...read.problems);
  }

  let groups: GroupMember[] = [];
  const groupValues = sheetValues(ss, SHEET_NAMES.groups);
  if (groupValues) {
    const read = readGroups(groupValues, SHEET_NAMES.groups, knownCodes);
    groups = read.members;
    problems.push(...read.problems);
  }
  let federalList: FederalListEntry[] | null = null;
  const federalValues = sheetValues(ss, SHEET_NAMES.federalList);
  if (federalValues) {
    const read = readFederalList(federalValues, SHEET_NAMES.federalList, knownCodes);
    federalList = read.entries;
    problems.push(...read.problems);
  }
  let objectivity: ObjectivityRow[] | null = null;
  const objectivityValues = sheetValues(ss, SHEET_NAMES.objectivity);
  if (objectivityValues) {
    const read = readObjectivity(objectivityValues, SHEET_NAMES.objectivity, knownCodes);
    objectivity = read.rows;
    problems.push(...read.problems);
  }
  let access: AccessRow[] = [];
  const accessValues = sheetValues(ss, SHEET_NAMES.access);
  if (accessValues) {
    const read = readAccess(accessValues, SHEET_NAMES.access, knownCodes);
    access = read.rows;
    problems.push(...read.problems);
  }

  return {
    responsesSheet: sheet.getName(),
    schools: responses.schools,
    yearly: responses.yearly,
    results,
    lost,
    diagnoses,
    factors,
    catalog,
    problems,
    rowsRead: responses.rowsRead,
    manualIndicators: readManualIndicators(sheetValues(ss, SHEET_NAMES.indicators)),
    groups,
    assignedMentors: readAssignedMentors(ss.getSheetByName(SHEET_NAMES.shnor)),
    federalList,
    objectivity,
    access,
  };
}
