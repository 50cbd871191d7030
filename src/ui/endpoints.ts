import { DEFAULT_SETTINGS, SETTING_LABELS, defaultSettings, settingsProblems, type Settings } from '../core/settings';
import { computeReport } from '../core/pipeline';
import { FIELDS, isFieldId } from '../sheets/fields';
import { serializeMapping } from '../sheets/headerMapping';
import { findResponsesSheet, loadInputs, MAPPING_KEY, responsesMapping, RESPONSES_SHEET_KEY } from '../sheets/loadInputs';
import { SHEET_NAMES, ROADMAP_PREFIX } from '../sheets/names';
import type { RunKind, RunOptions, SaveResult, SchoolListItem, SidebarState, RunTicket, StepResult, MappingField } from './contract';
import { forSidebar } from './errors';
import { UI } from './messages';
import { activeRun, cancelRun, lastSummary, runStep, startRun, withDocumentLock } from './runner';
import { loadSettings, resetSettings, saveSettings } from './settingsStore';

/** Sheets the add-in writes (the inputs «Результаты ОП» and «Риски» are the user's). */
const OUTPUT_NAMES: readonly string[] = Object.values(SHEET_NAMES).filter((n) => n !== SHEET_NAMES.results && n !== SHEET_NAMES.risks);

/** Everything the sidebar shows when it opens: sheets, the mapping, years, settings and the last run. */
export function sidebarState(): SidebarState {
  return forSidebar(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const props = PropertiesService.getDocumentProperties();
    const sheets = ss.getSheets();
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
      const ambiguous = new Set(m.auto.ambiguous.map((a) => a.field));
      fields = fields.map((f) => ({ ...f, column: isFieldId(f.id) ? m.auto.mapping[f.id] : null, ambiguous: ambiguous.has(f.id as never) }));
    }
    const resultsSheet = ss.getSheetByName(SHEET_NAMES.results);
    const years = new Set<number>();
    // Years are in column B; an imported sheet may be a single column wide, and Sheets refuses a range past the grid.
    if (resultsSheet && resultsSheet.getLastRow() > 1 && resultsSheet.getMaxColumns() >= 2) {
      for (const [y] of resultsSheet.getRange(2, 2, resultsSheet.getLastRow() - 1, 1).getValues()) {
        const n = typeof y === 'number' ? y : Number(String(y).replace(/^\d{4}\s*[/-]\s*/, '').trim());
        if (Number.isInteger(n) && n > 1999 && n < 2101) years.add(n < 100 ? 2000 + n : n);
      }
    }
    return {
      sheets: sheets.map((s) => s.getName()),
      responsesSheet: responses ? responses.getName() : null,
      headers,
      fields,
      years: [...years].sort((a, b) => a - b),
      settings: loadSettings(),
      defaults: defaultSettings(),
      settingLabels: { ...SETTING_LABELS },
      outputs: sheets.filter((s) => OUTPUT_NAMES.includes(s.getName()) || s.getName().startsWith(ROADMAP_PREFIX)).map((s) => ({ name: s.getName(), sheetId: s.getSheetId() })),
      activeRun: activeRun(),
      lastSummary: lastSummary(),
    };
  });
}

/**
 * Saves which sheet holds the responses and which column is which field (kept by header text). Fields not in
 * `columns` keep their current mapping; an empty `columns` for another sheet means «detect its columns afresh».
 */
export function sidebarSaveMapping(sheetName: string, columns: Record<string, number | null>): SaveResult {
  return forSidebar(() => {
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
    const { headers, auto } = responsesMapping(sheet, sameSheet ? props.getProperty(MAPPING_KEY) : null);
    const labelOf = (field: string) => FIELDS.find((f) => f.id === field)?.label ?? field;
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
      if (owner.has(column)) problems.push(UI.mapping.twice(headers[column], owner.get(column) as string, labelOf(field)));
      else owner.set(column, labelOf(field));
    }
    if (problems.length) return { ok: false, problems };
    props.setProperty(RESPONSES_SHEET_KEY, sheetName);
    props.setProperty(MAPPING_KEY, serializeMapping(mapping as never, headers));
    return { ok: true, problems: [] };
  });
}

export function sidebarSaveSettings(settings: Settings): SaveResult {
  return forSidebar(() => {
    const merged = { ...DEFAULT_SETTINGS, ...settings } as Settings;
    const problems = settingsProblems(merged);
    if (problems.length) return { ok: false, problems };
    saveSettings(merged);
    return { ok: true, problems: [] };
  });
}

export function sidebarResetSettings(): Settings {
  return forSidebar(() => resetSettings());
}

export function sidebarStartRun(kind: RunKind, options: RunOptions): RunTicket {
  return forSidebar(() => startRun(kind, options ?? {}));
}

export function sidebarRunStep(runId: string): StepResult {
  return forSidebar(() => runStep(runId));
}

export function sidebarCancelRun(runId: string): { cancelled: boolean; message: string } {
  return forSidebar(() => cancelRun(runId));
}

/** Schools whose name, code or municipality contains the query (all when empty), ШНОР first. */
export function sidebarSchools(query: string): SchoolListItem[] {
  return forSidebar(() =>
    withDocumentLock(() => {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      const settings = loadSettings();
      const inputs = loadInputs(ss, settings, ss.getSpreadsheetTimeZone(), new Date());
      const report = computeReport({ ...inputs, settings });
      const q = String(query ?? '').toLowerCase().replace(/ё/g, 'е').trim();
      const items = report.schools
        .map((r) => ({
          schoolCode: r.school.schoolCode,
          name: r.school.name,
          municipality: r.school.municipality,
          status: r.shnor.status,
          cluster: r.shnor.cluster ?? '',
        }))
        .filter((i) => !q || `${i.name} ${i.schoolCode} ${i.municipality}`.toLowerCase().replace(/ё/g, 'е').includes(q));
      items.sort((a, b) => Number(b.status === 'ШНОР') - Number(a.status === 'ШНОР') || a.name.localeCompare(b.name, 'ru'));
      return items.slice(0, 200);
    }),
  );
}

export function sidebarOpenSheet(name: string): boolean {
  return forSidebar(() => {
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
    if (!sheet) return false;
    sheet.activate();
    return true;
  });
}
