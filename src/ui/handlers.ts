import { createTemplates } from '../sheets/templates';
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
  [UI.menu.check, 'menuCheckData'],
  [UI.menu.compute, 'menuComputeAll'],
  [UI.menu.roadmaps, 'menuRoadmaps'],
  [UI.menu.monitoring, 'menuMonitoring'],
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

export function menuCheckData(): void {
  reportToUser(() => UI.doneCheck(runAll('check').problems));
}

export function menuComputeAll(): void {
  reportToUser(() => {
    const s = runAll('compute');
    return UI.doneCompute(s.schoolsRead, s.shnor, s.riskZone, s.priority, s.year);
  });
}

export function menuRoadmaps(): void {
  reportToUser(() => UI.doneRoadmaps(runAll('roadmaps').roadmaps));
}

export function menuMonitoring(): void {
  reportToUser(() => UI.doneMonitoring(runAll('monitoring').roadmaps));
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
