/**
 * The methodologist's sidebar: data mapping, check, compute, roadmaps, monitoring and settings.
 * Wires the sections to the server endpoints of ../contract.ts through the typed call() wrapper.
 */
import type { Settings } from '../../core/settings';
import type { RunKind, RunSummary, SaveResult, SidebarState } from '../contract';
import { byId, clearStatus, el, replaceChildren, showStatus } from './dom';
import { renderMapping, renderYearSelect, type MappingView } from './mappingView';
import { MSG, RUN_KIND_LABELS } from './messages';
import { renderSheetLinks, renderSummary, formatTime, sheetLink } from './resultsView';
import { call, errorText } from './rpc';
import { RunController } from './runner';
import { SchoolsView } from './schoolsView';
import { renderSettingsForm, type SettingsForm } from './settingsForm';
import { settingsToText, textToSettings } from './settingsValues';

type MessageKey = keyof typeof MSG;

let state: SidebarState | null = null;
let mapping: MappingView | null = null;
let settingsForm: SettingsForm | null = null;

const yearSelect = byId<HTMLSelectElement>('year-select');
const sheetSelect = byId<HTMLSelectElement>('sheet-select');

/** Puts the words of messages.ts into the static page (data-msg, data-msg-placeholder, data-msg-aria-label). */
function applyMessages(): void {
  document.title = MSG.pageTitle;
  const text = (key: string | undefined): string | null => {
    const value = key ? MSG[key as MessageKey] : undefined;
    return typeof value === 'string' ? value : null;
  };
  for (const node of Array.from(document.querySelectorAll<HTMLElement>('[data-msg]'))) {
    const value = text(node.dataset.msg);
    if (value !== null) node.textContent = value;
  }
  for (const node of Array.from(document.querySelectorAll<HTMLInputElement>('[data-msg-placeholder]'))) {
    const value = text(node.dataset.msgPlaceholder);
    if (value !== null) node.placeholder = value;
  }
  for (const node of Array.from(document.querySelectorAll<HTMLElement>('[data-msg-aria-label]'))) {
    const value = text(node.dataset.msgAriaLabel);
    if (value !== null) node.setAttribute('aria-label', value);
  }
}

function showSaveResult(target: HTMLElement, result: SaveResult, okText: string, failText: string): boolean {
  if (result.ok) showStatus(target, okText, 'ok');
  else showStatus(target, [failText, ...result.problems], 'error');
  return result.ok;
}

// ---- sheet links ----

async function openSheet(name: string): Promise<void> {
  const status = byId('open-sheet-status');
  clearStatus(status);
  try {
    const opened = await call('sidebarOpenSheet', name);
    if (!opened) showStatus(status, `${MSG.openSheetFailed} «${name}».`, 'error');
  } catch (e) {
    showStatus(status, `${MSG.openSheetFailed} ${errorText(e)}`, 'error');
  }
}

const open = (name: string): void => void openSheet(name);

// ---- state ----

/** Renders everything that comes from the server's state; the settings form only when asked (it may hold unsaved edits). */
function renderState(s: SidebarState, refillSettings: boolean): void {
  state = s;
  mapping = renderMapping(
    { sheetSelect, details: byId<HTMLDetailsElement>('mapping-details'), summary: byId('mapping-summary'), fields: byId('mapping-fields') },
    s,
    (name) => void changeSheet(name),
  );
  renderYearSelect(yearSelect, s.years, s.settings.reportingYear);
  if (!settingsForm) settingsForm = renderSettingsForm(byId('settings-fields'), s.settingLabels);
  if (refillSettings) settingsForm.fill(settingsToText(s.settings));
  if (s.lastSummary) showResults(s.lastSummary, false);
  else if (s.outputs.length) showOutputs(s.outputs);
  renderResume(s);
  // Who set the form-submit recompute (installable triggers belong to one user) and whether answers wait.
  byId('trigger-status').textContent = s.trigger.text + (s.trigger.on && s.trigger.pending ? ` ${MSG.triggerPending}` : '');
}

async function reloadState(refillSettings: boolean): Promise<void> {
  try {
    renderState(await call('sidebarState'), refillSettings);
  } catch (e) {
    showStatus(byId('load-error'), `${MSG.loadFailed} ${errorText(e)}`, 'error');
  }
}

// ---- results ----

function showResults(summary: RunSummary, focus: boolean): void {
  const section = byId('results');
  section.hidden = false;
  renderSummary(byId('results-summary'), byId('results-sheets'), summary, open);
  if (summary.kind === 'check') showCheckResult(summary);
  if (focus) byId('results-title').focus();
}

function showOutputs(outputs: Array<{ name: string }>): void {
  byId('results').hidden = false;
  replaceChildren(byId('results-summary'));
  renderSheetLinks(byId('results-sheets'), outputs, open);
}

function showCheckResult(summary: RunSummary): void {
  const box = byId('check-result');
  box.hidden = false;
  const sheet = summary.sheets.find((s) => s.name === MSG.checkSheet)?.name ?? MSG.checkSheet;
  replaceChildren(
    box,
    el('p', { className: summary.problems ? 'warning' : 'ok' }, summary.problems ? MSG.problemsFound(summary.problems) : MSG.noProblems),
    sheetLink(sheet, MSG.openCheckSheet, open),
  );
}

// ---- runs ----

function setBusy(running: boolean): void {
  for (const button of Array.from(document.querySelectorAll<HTMLButtonElement>('button.idle-only'))) button.disabled = running;
  sheetSelect.disabled = running;
  yearSelect.disabled = running;
  if (running) byId('resume').hidden = true;
}

applyMessages();
const schools = new SchoolsView();

const runner = new RunController({
  busy: setBusy,
  finished(summary, kind) {
    if (summary) showResults(summary, true);
    void reloadState(false).then(() => {
      if (kind === 'compute' || kind === 'check') void schools.search();
    });
  },
  stopped() {
    void reloadState(false);
  },
});

function renderResume(s: SidebarState): void {
  const box = byId('resume');
  const ticket = s.activeRun;
  if (!ticket || runner.running) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  byId('resume-text').textContent = MSG.resumeText(
    RUN_KIND_LABELS[ticket.kind] ?? ticket.kind,
    formatTime(ticket.startedAt),
    ticket.next,
    ticket.steps.length,
  );
  byId('resume-continue').hidden = false;
  byId('resume-cancel').hidden = false;
  byId('resume-continue').onclick = () => {
    box.hidden = true;
    void runner.resume(ticket);
  };
  byId('resume-cancel').onclick = async () => {
    let message: string;
    try {
      message = await runner.cancelById(ticket.runId);
    } catch (e) {
      message = errorText(e);
    }
    byId('resume-text').textContent = message;
    byId('resume-continue').hidden = true;
    byId('resume-cancel').hidden = true;
  };
}

// ---- data section ----

/** Sends the responses sheet and its columns to the server; the state is reloaded once they are saved. */
async function submitMapping(sheetName: string, columns: Record<string, number | null>, okText: string): Promise<void> {
  const status = byId('mapping-status');
  try {
    const result = await call('sidebarSaveMapping', sheetName, columns);
    if (showSaveResult(status, result, okText, MSG.mappingNotSaved)) await reloadState(false);
  } catch (e) {
    showStatus(status, [MSG.mappingNotSaved, errorText(e)], 'error');
  }
}

/** No columns: the server detects the mapping of the newly chosen sheet. */
async function changeSheet(name: string): Promise<void> {
  await submitMapping(name, {}, MSG.sheetChanged);
}

async function saveMapping(): Promise<void> {
  if (!mapping) return;
  const { sheetName, columns } = mapping.read();
  await submitMapping(sheetName, columns, MSG.mappingSaved);
}

async function saveYear(): Promise<void> {
  if (!state) return;
  const status = byId('year-status');
  const reportingYear = yearSelect.value ? Number(yearSelect.value) : null;
  const next: Settings = { ...state.settings, reportingYear };
  try {
    const result = await call('sidebarSaveSettings', next);
    if (showSaveResult(status, result, MSG.yearSaved, MSG.yearNotSaved)) state.settings = next;
    else renderYearSelect(yearSelect, state.years, state.settings.reportingYear);
  } catch (e) {
    showStatus(status, [MSG.yearNotSaved, errorText(e)], 'error');
    renderYearSelect(yearSelect, state.years, state.settings.reportingYear);
  }
}

// ---- settings ----

async function saveSettings(): Promise<void> {
  if (!state || !settingsForm) return;
  const status = byId('settings-status');
  const base = settingsToText(state.settings);
  base.reportingYear = yearSelect.value;
  const read = textToSettings(settingsForm.read(base), state.settingLabels);
  if (!read.ok) {
    showStatus(status, [MSG.settingsNotSaved, ...read.problems], 'error');
    return;
  }
  try {
    const result = await call('sidebarSaveSettings', read.settings);
    if (showSaveResult(status, result, MSG.settingsSaved, MSG.settingsNotSaved)) {
      state.settings = read.settings;
      settingsForm.fill(settingsToText(read.settings));
    }
  } catch (e) {
    showStatus(status, [MSG.settingsNotSaved, errorText(e)], 'error');
  }
}

async function resetSettings(): Promise<void> {
  if (!state || !settingsForm) return;
  const status = byId('settings-status');
  try {
    const settings = await call('sidebarResetSettings');
    state.settings = settings;
    settingsForm.fill(settingsToText(settings));
    renderYearSelect(yearSelect, state.years, settings.reportingYear);
    showStatus(status, MSG.settingsReset, 'ok');
  } catch (e) {
    showStatus(status, [MSG.settingsNotSaved, errorText(e)], 'error');
  }
}

// ---- wiring ----

const runButtons: Record<string, RunKind> = {
  'run-check': 'check',
  'run-compute': 'compute',
  'run-monitoring': 'monitoring',
};
for (const [id, kind] of Object.entries(runButtons)) {
  byId(id).addEventListener('click', () => void runner.start(kind, {}));
}
byId('run-roadmaps').addEventListener('click', () => void runner.start('roadmaps', { schoolCodes: schools.chosenCodes() }));
byId('all-shnor').addEventListener('click', () => schools.clearSelection());
byId('save-mapping').addEventListener('click', () => void saveMapping());
yearSelect.addEventListener('change', () => void saveYear());
byId('settings-form').addEventListener('submit', (e) => {
  e.preventDefault();
  void saveSettings();
});
byId('reset-settings').addEventListener('click', () => void resetSettings());

async function start(): Promise<void> {
  try {
    const s = await call('sidebarState');
    renderState(s, true);
    byId('loading').hidden = true;
    byId('app').hidden = false;
    void schools.search();
  } catch (e) {
    byId('loading').hidden = true;
    showStatus(byId('load-error'), `${MSG.loadFailed} ${errorText(e)}`, 'error');
  }
}

void start();
