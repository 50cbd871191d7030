import { DEFAULT_SETTINGS, SETTING_LABELS, defaultSettings, settingsProblems, type Settings } from '../core/settings';
import { computeReport } from '../core/pipeline';
import { FIELDS, fieldSpec, isFieldId, type FieldId } from '../sheets/fields';
import { serializeMapping } from '../sheets/headerMapping';
import { resultYearColumn, resultYears } from '../sheets/readResults';
import { findResponsesSheet, loadInputs, MAPPING_KEY, responsesMapping, RESPONSES_SHEET_KEY } from '../sheets/loadInputs';
import { SHEET_NAMES, isRoadmapSheetName } from '../sheets/names';
import type {
  CancelResult,
  Endpoints,
  StepOptions,
  RunKind,
  RunOptions,
  SaveResult,
  SchoolListItem,
  SidebarState,
  RunTicket,
  StepResult,
  MappingField,
} from './contract';
import { forSidebar } from './errors';
import { UI } from './messages';
import { activeRun, assertRunner, cancelRun, lastSummary, runStep, startRun } from './runner';
import { loadSettings, resetSettings, saveSettings } from './settingsStore';
import { triggerStatus, triggerStatusText } from './trigger';
import { normalizeText } from '../core/text';

/** Sheets the add-in writes (the inputs «Результаты ОП» and «Риски» are the user's). */
const OUTPUT_NAMES: readonly string[] = Object.values(SHEET_NAMES).filter((n) => n !== SHEET_NAMES.results && n !== SHEET_NAMES.risks);

/** Everything the sidebar shows when it opens: sheets, the mapping, years, settings and the last run. */
export function sidebarState(): SidebarState {
  return forSidebar(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const props = PropertiesService.getDocumentProperties();
    // One getName per sheet: a region's spreadsheet may hold hundreds of roadmap sheets.
    const sheets = ss.getSheets().map((sheet) => ({ sheet, name: sheet.getName() }));
    const responses = findResponsesSheet(ss, props.getProperty(RESPONSES_SHEET_KEY));
    let headers: string[] = [];
    let fields: MappingField[] = FIELDS.filter((f) => f.id !== 'timestamp').map((f) => ({
      id: f.id,
      label: f.label,
      required: f.required,
      column: null,
      ambiguous: false,
    }));
    if (responses) {
      const m = responsesMapping(responses, props.getProperty(MAPPING_KEY));
      headers = m.headers;
      const ambiguous = new Set([
        ...m.auto.ambiguous.map((a) => a.field),
        ...m.auto.ambiguousColumns.flatMap((a) => a.fields.filter((f) => m.auto.mapping[f] === null)),
      ]);
      fields = fields.map((f) => ({
        ...f,
        column: isFieldId(f.id) ? m.auto.mapping[f.id] : null,
        ambiguous: ambiguous.has(f.id as never),
      }));
    }
    const years = resultsSheetYears(ss.getSheetByName(SHEET_NAMES.results));
    return {
      sheets: sheets.map((s) => s.name),
      responsesSheet: responses ? responses.getName() : null,
      headers,
      fields,
      years,
      settings: loadSettings(),
      defaults: defaultSettings(),
      settingLabels: { ...SETTING_LABELS },
      outputs: sheets
        .filter(({ name }) => OUTPUT_NAMES.includes(name) || isRoadmapSheetName(name))
        .map(({ sheet, name }) => ({ name, sheetId: sheet.getSheetId() })),
      activeRun: activeRun(),
      lastSummary: lastSummary(),
      trigger: triggerForSidebar(),
    };
  });
}

function triggerForSidebar(): SidebarState['trigger'] {
  const status = triggerStatus();
  return { ...status, text: triggerStatusText(status) };
}

/**
 * The years of «Результаты ОП» for the choice of reporting year: its «Год» column, found by its title, read as the
 * run reads it («2023/24» is 2024). Only the header row and that column are read, not the whole sheet.
 */
function resultsSheetYears(sheet: GoogleAppsScript.Spreadsheet.Sheet | null): number[] {
  if (!sheet) return [];
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow < 2 || lastColumn < 1) return [];
  const column = resultYearColumn(sheet.getRange(1, 1, 1, lastColumn).getValues()[0]);
  if (column === null) return [];
  return resultYears(
    sheet
      .getRange(2, column + 1, lastRow - 1, 1)
      .getValues()
      .map((row) => row[0]),
  );
}

/**
 * Saves which sheet holds the responses and which column is which field (kept by header text). Fields not in
 * `columns` keep their current mapping; an empty `columns` for another sheet means «detect its columns afresh».
 */
export function sidebarSaveMapping(sheetName: string, columns: Record<string, number | null>): SaveResult {
  return forSidebar(() => {
    assertRunner();
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const sheet = ss.getSheetByName(sheetName);
    if (!sheet) return { ok: false, problems: [UI.mapping.noSheet(sheetName)] };
    const props = PropertiesService.getDocumentProperties();
    if (!Object.keys(columns ?? {}).length) {
      props.setProperty(RESPONSES_SHEET_KEY, sheetName);
      props.deleteProperty(MAPPING_KEY);
      return { ok: true, problems: [] };
    }
    const sameSheet = props.getProperty(RESPONSES_SHEET_KEY) === sheetName || findResponsesSheet(ss, null)?.getName() === sheetName;
    const { headers, auto, samples } = responsesMapping(sheet, sameSheet ? props.getProperty(MAPPING_KEY) : null);
    const labelOf = (field: FieldId) => fieldSpec(field).label;
    const mapping: Record<string, number | null> = { ...auto.mapping };
    const problems: string[] = [];
    for (const [field, column] of Object.entries(columns)) {
      if (!isFieldId(field)) continue;
      if (column === null || column === undefined) {
        mapping[field] = null;
      } else if (!Number.isInteger(column) || column < 0 || column >= headers.length) {
        problems.push(UI.mapping.noColumn(labelOf(field)));
      } else {
        mapping[field] = column;
      }
    }
    const owner = new Map<number, string>();
    for (const [field, column] of Object.entries(mapping)) {
      if (column === null) continue;
      const label = labelOf(field as FieldId);
      if (owner.has(column)) problems.push(UI.mapping.twice(headers[column], owner.get(column) as string, label));
      else owner.set(column, label);
    }
    if (problems.length) return { ok: false, problems };
    props.setProperty(RESPONSES_SHEET_KEY, sheetName);
    props.setProperty(MAPPING_KEY, serializeMapping(mapping as never, headers, samples));
    return { ok: true, problems: [] };
  });
}

export function sidebarSaveSettings(settings: Settings): SaveResult {
  return forSidebar(() => {
    assertRunner();
    const merged = { ...DEFAULT_SETTINGS, ...settings } as Settings;
    const problems = settingsProblems(merged);
    if (problems.length) return { ok: false, problems };
    saveSettings(merged);
    return { ok: true, problems: [] };
  });
}

export function sidebarResetSettings(): Settings {
  return forSidebar(() => {
    assertRunner();
    return resetSettings();
  });
}

export function sidebarStartRun(kind: RunKind, options: RunOptions): RunTicket {
  return forSidebar(() => startRun(kind, options ?? {}));
}

export function sidebarRunStep(runId: string, options?: StepOptions): StepResult {
  return forSidebar(() => runStep(runId, options ?? {}));
}

export function sidebarCancelRun(runId: string): CancelResult {
  return forSidebar(() => cancelRun(runId));
}

/**
 * Schools whose name, code or municipality contains the query (all when empty), ШНОР first. Reads only the
 * inputs, which no run changes, so it does not wait for the document lock: a search works while a long
 * step runs (google.script.run calls overlap).
 */
export function sidebarSchools(query: string): SchoolListItem[] {
  return forSidebar(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const settings = loadSettings();
    const inputs = loadInputs(ss, ss.getSpreadsheetTimeZone(), new Date());
    const report = computeReport({ ...inputs, settings });
    const q = normalizeText(query);
    const items = report.schools
      .map((r) => ({
        schoolCode: r.school.schoolCode,
        name: r.school.name,
        municipality: r.school.municipality,
        status: r.shnor.status,
        cluster: r.shnor.cluster ?? '',
      }))
      .filter((i) => !q || normalizeText(`${i.name} ${i.schoolCode} ${i.municipality}`).includes(q));
    items.sort((a, b) => Number(b.status === 'ШНОР') - Number(a.status === 'ШНОР') || a.name.localeCompare(b.name, 'ru'));
    return items.slice(0, 200);
  });
}

export function sidebarOpenSheet(name: string): boolean {
  return forSidebar(() => {
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
    if (!sheet) return false;
    sheet.activate();
    return true;
  });
}

/**
 * The server side of the sidebar's contract (src/ui/contract.ts): `satisfies` makes the compiler
 * check that every endpoint exists here with the contract's parameters and result, and no other.
 */
const ENDPOINTS = {
  sidebarState,
  sidebarSaveMapping,
  sidebarSaveSettings,
  sidebarResetSettings,
  sidebarStartRun,
  sidebarRunStep,
  sidebarCancelRun,
  sidebarSchools,
  sidebarOpenSheet,
} satisfies Endpoints;

/** The endpoint names at run time (the build test checks each is a top-level function of build/Code.js). */
export const ENDPOINT_NAMES = Object.keys(ENDPOINTS) as ReadonlyArray<keyof Endpoints>;
