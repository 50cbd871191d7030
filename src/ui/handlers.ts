import { createComparisonTemplates, createTemplates } from '../sheets/templates';
import { createPassportForm } from '../sheets/formDefinition';
import { UI } from './messages';
import { reportToUser } from './errors';
import { runAll, withDocumentLock } from './runner';
import { onCatchUp, onFormSubmit, toggleFormSubmitTrigger } from './trigger';

export * from './endpoints';

/** Menu items: caption and the global function it calls. */
export const MENU_ITEMS: ReadonlyArray<readonly [string, string] | null> = [
  [UI.menu.openSidebar, 'showSidebar'],
  null,
  [UI.menu.createTemplates, 'menuCreateTemplates'],
  [UI.menu.createComparisonTemplates, 'menuCreateComparisonTemplates'],
  [UI.menu.check, 'menuCheckData'],
  [UI.menu.compute, 'menuComputeAll'],
  [UI.menu.roadmaps, 'menuRoadmaps'],
  [UI.menu.monitoring, 'menuMonitoring'],
  [UI.menu.access, 'menuProtect'],
  null,
  [UI.menu.createForm, 'menuCreateForm'],
  [UI.menu.trigger, 'menuToggleTrigger'],
];

/**
 * Builds the add-on menu. Runs in AuthMode.NONE when the add-on is not yet used in this document, so it touches
 * nothing but the menu (no properties, no sheets).
 */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENU_ITEMS) {
    if (item) menu.addItem(item[0], item[1]);
    else menu.addSeparator();
  }
  menu.addToUi();
}

/** Editor add-on convention: installing runs onOpen so the menu appears at once. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(UI.sidebarTitle);
  SpreadsheetApp.getUi().showSidebar(html);
}

export function menuCreateTemplates(): void {
  reportToUser(() => {
    const { created, skipped } = createTemplates(SpreadsheetApp.getActiveSpreadsheet());
    return UI.templatesCreated(created, skipped);
  });
}

/** «Список ФИОКО» and «Объективность ВПР» (docs/методика.md §10), optional inputs people paste federal reports into. */
export function menuCreateComparisonTemplates(): void {
  reportToUser(() => {
    const { created, skipped } = createComparisonTemplates(SpreadsheetApp.getActiveSpreadsheet());
    return UI.templatesCreated(created, skipped);
  });
}

/** A run's message followed by what its protections could not restrict (docs/методика.md §11), if anything. */
function withAccessNotes(text: string, notes: readonly string[]): string {
  return notes.length ? `${text}\n\n${notes.join('\n')}` : text;
}

export function menuCheckData(): void {
  reportToUser(() => {
    const s = runAll('check');
    return withAccessNotes(UI.doneCheck(s.problems), s.accessNotes);
  });
}

export function menuComputeAll(): void {
  reportToUser(() => {
    const s = runAll('compute');
    return withAccessNotes(UI.doneCompute(s.schoolsRead, s.shnor, s.riskZone, s.priority, s.year, s.incomplete), s.accessNotes);
  });
}

export function menuRoadmaps(): void {
  reportToUser(() => {
    const s = runAll('roadmaps');
    return withAccessNotes(UI.doneRoadmaps(s.roadmaps, s.combinedRoadmaps), s.accessNotes);
  });
}

export function menuMonitoring(): void {
  reportToUser(() => {
    const s = runAll('monitoring');
    return withAccessNotes(UI.doneMonitoring(s.roadmaps, s.combinedRoadmaps), s.accessNotes);
  });
}

export function menuProtect(): void {
  reportToUser(() => {
    const s = runAll('access');
    return UI.doneAccess(s.protections, s.accessNotes);
  });
}

export function menuCreateForm(): void {
  reportToUser(() => UI.formCreated(createPassportForm(SpreadsheetApp.getActiveSpreadsheet()).formUrl));
}

export function menuToggleTrigger(): void {
  // Under the lock, so a double click cannot create two triggers (add-ons may have one per document).
  reportToUser(() => withDocumentLock(toggleFormSubmitTrigger));
}

/** Installable trigger: recompute after a new Form response (debounced; a busy document is caught up later). */
export function onFormSubmitRecompute(_e?: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  onFormSubmit();
}

/** Hourly time-driven trigger: recompute when responses are still waiting. */
export function catchUpRecompute(_e?: GoogleAppsScript.Events.TimeDriven): void {
  onCatchUp();
}
