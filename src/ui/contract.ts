/**
 * The sidebar ↔ server contract: every google.script.run endpoint with its argument and result types.
 * Shared by src/ui/endpoints.ts (server) and src/ui/sidebar/ (the page), so a renamed field fails to compile.
 * Only plain JSON crosses google.script.run: no Date objects (dates travel as ISO strings).
 */
import type { Settings } from '../core/settings';

export type RunKind = 'check' | 'compute' | 'roadmaps' | 'monitoring' | 'access';

export interface MappingField {
  /** Field id, e.g. 'schoolCode'. */
  id: string;
  /** Russian label, e.g. «Код ОО». */
  label: string;
  /** 'yes' — always required; 'isbsh' — required for ИСБШ; 'no' — optional. */
  required: 'yes' | 'isbsh' | 'no';
  /** Index into `headers` of the mapped column, or null when not mapped. */
  column: number | null;
  /** True when two columns looked like this field equally well. */
  ambiguous: boolean;
}

export interface SidebarState {
  /** Every sheet name in the spreadsheet, in order. */
  sheets: string[];
  /** The sheet taken as the Form's responses sheet, or null when none was found. */
  responsesSheet: string | null;
  /** Header texts of the responses sheet (as in the sheet). */
  headers: string[];
  fields: MappingField[];
  /** Years present in «Результаты ОП», ascending. */
  years: number[];
  /** Current settings (reportingYear null = latest year in data). */
  settings: Settings;
  defaults: Settings;
  /** Russian labels for every setting key. */
  settingLabels: Record<keyof Settings, string>;
  /** Output sheets that exist now (for links). */
  outputs: Array<{ name: string; sheetId: number }>;
  /** A run that is in progress (e.g. after the sidebar was closed), if any. */
  activeRun: RunTicket | null;
  /** Summary of the last finished run, if any. */
  lastSummary: RunSummary | null;
  /** The form-submit recompute: who set it (installable triggers belong to one user) and whether answers wait. */
  trigger: { on: boolean; owner: string | null; mine: boolean; pending: boolean; text: string };
}

export interface SaveResult {
  ok: boolean;
  /** Russian messages when not ok (e.g. invalid settings). */
  problems: string[];
}

export interface RunTicket {
  runId: string;
  kind: RunKind;
  /** Step labels in Russian, in order. */
  steps: string[];
  /** Index of the next step to run. */
  next: number;
  /** ISO time the run started. */
  startedAt: string;
}

export interface StepResult {
  runId: string;
  /** The step that was just done (0-based). */
  done: number;
  total: number;
  /** Russian label of the next step, or '' when finished. */
  nextLabel: string;
  finished: boolean;
  /** True when the run stopped because the user cancelled it (its drafts are removed, the outputs unchanged). */
  cancelled: boolean;
  /** True when the inputs changed since the run's first step, so the run started over with the new data. */
  restarted: boolean;
  /** Present when finished. */
  summary: RunSummary | null;
}

export interface StepOptions {
  /**
   * Go on to the run's next parts while the call has time left (the sidebar asks for it; without it a call does
   * one part): a small region then finishes in one call instead of re-reading its data for every part.
   */
  useTimeLeft?: boolean;
}

export interface CancelResult {
  /** True when the run is stopped now (no step was running). */
  cancelled: boolean;
  /** True when a step is running: it stops at its next part and its own result says «cancelled». */
  stopping: boolean;
  message: string;
}

export interface RunSummary {
  kind: RunKind;
  year: number | null;
  schoolsRead: number;
  problems: number;
  shnor: number;
  /** Schools whose status is «неполные данные» (docs/методика.md §3): what is missing could change it. */
  incomplete: number;
  riskZone: number;
  priority: number;
  roadmaps: number;
  /** Of them, the roadmaps on the combined sheet «Дорожные карты» (schools beyond the tabs' limit). */
  combinedRoadmaps: number;
  /** The add-in's protections in place after the run (docs/методика.md §11). */
  protections: number;
  /** What the protections cannot restrict, in Russian (roles and schools, never addresses). */
  accessNotes: string[];
  /** Sheets written by the run, with ids for links (#gid=…). */
  sheets: Array<{ name: string; sheetId: number }>;
  /** ISO time the run finished. */
  finishedAt: string;
}

export interface SchoolListItem {
  schoolCode: string;
  name: string;
  municipality: string;
  status: string;
  cluster: string;
}

export interface RunOptions {
  /** For 'roadmaps': the chosen schools; empty or absent = all ШНОР. */
  schoolCodes?: string[];
}

/** Server endpoints callable from the sidebar, by global function name. */
export interface Endpoints {
  sidebarState(): SidebarState;
  sidebarSaveMapping(sheetName: string, columns: Record<string, number | null>): SaveResult;
  sidebarSaveSettings(settings: Settings): SaveResult;
  sidebarResetSettings(): Settings;
  sidebarStartRun(kind: RunKind, options: RunOptions): RunTicket;
  sidebarRunStep(runId: string, options?: StepOptions): StepResult;
  sidebarCancelRun(runId: string): CancelResult;
  sidebarSchools(query: string): SchoolListItem[];
  sidebarOpenSheet(name: string): boolean;
}
