import { UserError } from '../core/errors';
import type { CatalogMeasure, ProcedureResult, RiskDiagnosis, RiskFactor, SchoolRecord } from '../core/types';
import { DEFAULT_RISK_FACTORS, FACTOR_SHEET_NAME, factorsFromSheet } from '../core/factors';
import { CATALOG_SHEET_NAME, DEFAULT_CATALOG, catalogFromSheet } from '../core/catalog';
import { INDICATORS } from '../core/indicators';
import { parseRussianNumber, parseShare } from '../core/numbers';
import { INDICATOR_HEADERS } from './outputs/summarySheets';
import { ASSIGNED_MENTOR_HEADER } from './outputs/shnorSheet';
import { normalizeText } from '../core/text';
import { mappingFor, parseStoredMapping, type AutoMapping } from './headerMapping';
import { readResponses } from './readResponses';
import { readResults } from './readResults';
import { readRisks } from './readRisks';
import { readFederalList, readObjectivity } from './readOptionalLists';
import type { FederalListEntry } from '../core/federalList';
import type { ObjectivityRow } from '../core/objectivity';
import type { Problem } from './problems';
import { ROADMAP_PREFIX, SHEET_NAMES } from './names';
import { LOAD } from './messages';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const MAPPING_KEY = 'shnor.mapping';
export const RESPONSES_SHEET_KEY = 'shnor.responsesSheet';

export interface LoadedInputs {
  responsesSheet: string;
  schools: SchoolRecord[];
  results: ProcedureResult[];
  diagnoses: RiskDiagnosis[];
  factors: RiskFactor[];
  catalog: CatalogMeasure[];
  problems: Problem[];
  rowsRead: number;
  manualIndicators: Record<string, number | null>;
  /** «Назначенный наставник / куратор» people entered in the previous «ШНОР», by Код ОО (kept across rebuilds). */
  assignedMentors: Map<string, string>;
  /** «Список ФИОКО» (docs/методика.md §10); null when the sheet does not exist. */
  federalList: FederalListEntry[] | null;
  /** «Объективность ВПР» (docs/методика.md §10); null when the sheet does not exist. */
  objectivity: ObjectivityRow[] | null;
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
    return !own.has(name) && !name.startsWith(ROADMAP_PREFIX);
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

function headerTexts(row: readonly unknown[] | undefined): string[] {
  return (row ?? []).map((h) => String(h ?? ''));
}

/** The mapping in force for these headers: the stored choices first, the rest auto-mapped. */
function mappingIn(headers: readonly string[], storedJson: string | null): AutoMapping {
  return mappingFor(headers, parseStoredMapping(storedJson));
}

/**
 * The responses sheet's header texts and the mapping in force, for the sidebar: only the header row is read (the
 * responses of a whole region are not needed to show which column is which).
 */
export function responsesMapping(sheet: Sheet, storedJson: string | null): { headers: string[]; auto: AutoMapping } {
  const width = sheet.getLastColumn();
  const headers = width < 1 ? [] : headerTexts(sheet.getRange(1, 1, 1, width).getValues()[0]);
  return { headers, auto: mappingIn(headers, storedJson) };
}

function sheetValues(ss: Spreadsheet, name: string): unknown[][] | null {
  const sheet = ss.getSheetByName(name);
  return sheet ? sheet.getDataRange().getValues() : null;
}

/** The row index of the header that holds `first` in some cell, with the column of each wanted header (−1 when absent). */
function findHeader(values: unknown[][], first: string, wanted: readonly string[]): { row: number; columns: number[] } | null {
  const key = normalizeText(first);
  for (let r = 0; r < Math.min(values.length, HEADER_SEARCH_ROWS); r++) {
    const cells = values[r].map((c) => normalizeText(c));
    if (!cells.includes(key)) continue;
    return { row: r, columns: wanted.map((w) => cells.indexOf(normalizeText(w))) };
  }
  return null;
}

/** Output sheets put a caption of a few lines above their header. */
const HEADER_SEARCH_ROWS = 10;

/**
 * Hand-entered values of «Показатели» kept across rebuilds, by indicator id (docs/методика.md §7): found by the
 * headers «Показатель» and «Фактическое значение» wherever the columns are; shares as percents or fractions,
 * counts («3», «3 шт.») as numbers. Computed rows are not read back.
 */
export function readManualIndicators(values: unknown[][] | null): Record<string, number | null> {
  const manual: Record<string, number | null> = {};
  if (!values) return manual;
  const header = findHeader(values, INDICATOR_HEADERS.name, [INDICATOR_HEADERS.name, INDICATOR_HEADERS.actual]);
  if (!header || header.columns.some((c) => c < 0)) return manual;
  const [nameColumn, actualColumn] = header.columns;
  const byName = new Map(INDICATORS.filter((d) => !d.computed).map((d) => [normalizeText(d.name), d]));
  for (const row of values.slice(header.row + 1)) {
    const def = byName.get(normalizeText(row[nameColumn]));
    if (!def) continue;
    const cell = row[actualColumn];
    try {
      manual[def.id] = def.unit === 'count' ? parseRussianNumber(typeof cell === 'string' ? cell.replace(/шт\.?/i, '') : cell) : parseShare(cell);
    } catch {
      manual[def.id] = null;
    }
  }
  return manual;
}

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
  const top = sheet.getRange(1, 1, Math.min(lastRow, HEADER_SEARCH_ROWS), lastColumn).getValues();
  const header = findHeader(top, 'Код ОО', ['Код ОО', ASSIGNED_MENTOR_HEADER]);
  if (!header || header.columns.some((c) => c < 0)) return out;
  const [codeColumn, mentorColumn] = header.columns;
  const first = header.row + 2;
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
  const auto = mappingIn(headerTexts(values[0]), props.getProperty(MAPPING_KEY));
  // Throws the UserError naming the missing columns when a required one is not mapped.
  const responses = readResponses(values, sheet.getName(), auto.mapping, { timeZone });
  const problems: Problem[] = [...responses.problems];
  const knownCodes = new Set(responses.schools.map((s) => s.schoolCode));

  const resultValues = sheetValues(ss, SHEET_NAMES.results);
  let results: ProcedureResult[] = [];
  if (resultValues) {
    const read = readResults(resultValues, SHEET_NAMES.results, knownCodes, { latestYear: today.getFullYear() });
    results = read.results;
    problems.push(...read.problems);
  } else {
    problems.push({ sheet: SHEET_NAMES.results, row: null, schoolCode: '', field: '', value: '', problem: LOAD.noResultsSheet, action: LOAD.noResultsAction });
  }

  let factors: RiskFactor[] = DEFAULT_RISK_FACTORS.map((f) => ({ ...f }));
  const factorValues = sheetValues(ss, FACTOR_SHEET_NAME);
  if (factorValues) {
    const read = factorsFromSheet(factorValues);
    factors = read.factors;
    problems.push(...referenceProblems(FACTOR_SHEET_NAME, read.problems));
  }
  let catalog: CatalogMeasure[] = DEFAULT_CATALOG.map((m) => ({ ...m }));
  const catalogValues = sheetValues(ss, CATALOG_SHEET_NAME);
  if (catalogValues) {
    const read = catalogFromSheet(catalogValues, factors);
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

  return {
    responsesSheet: sheet.getName(),
    schools: responses.schools,
    results,
    diagnoses,
    factors,
    catalog,
    problems,
    rowsRead: responses.rowsRead,
    manualIndicators: readManualIndicators(sheetValues(ss, SHEET_NAMES.indicators)),
    assignedMentors: readAssignedMentors(ss.getSheetByName(SHEET_NAMES.shnor)),
    federalList,
    objectivity,
  };
}
