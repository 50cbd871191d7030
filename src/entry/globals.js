// Top-level declarations Apps Script sees: triggers, menu targets and sidebar endpoints.
// Each delegates to the bundle (App_); the trailing underscore keeps App_ out of google.script.run.

/** Builds the add-on menu (simple trigger; in AuthMode.NONE it only adds the menu). */
function onOpen(e) {
  return App_.onOpen(e);
}

/** Editor add-on install: shows the menu at once. */
function onInstall(e) {
  return App_.onInstall(e);
}

/** Installable form-submit trigger: marks the new response and recomputes (at most once per 10 minutes). */
function onFormSubmitRecompute(e) {
  return App_.onFormSubmitRecompute(e);
}

/** Hourly time-driven trigger: recomputes when responses are still waiting. */
function catchUpRecompute(e) {
  return App_.catchUpRecompute(e);
}

/** Menu: opens the sidebar. */
function showSidebar() {
  return App_.showSidebar();
}

/** Menu: creates the «Результаты ОП» and «Риски» templates. */
function menuCreateTemplates() {
  return App_.menuCreateTemplates();
}

/** Menu: creates the optional «Список ФИОКО» and «Объективность ВПР» templates. */
function menuCreateComparisonTemplates() {
  return App_.menuCreateComparisonTemplates();
}

/** Menu: writes «Проверка данных». */
function menuCheckData() {
  return App_.menuCheckData();
}

/** Menu: computes everything and builds all sheets and charts. */
function menuComputeAll() {
  return App_.menuComputeAll();
}

/** Menu: roadmaps for all ШНОР. */
function menuRoadmaps() {
  return App_.menuRoadmaps();
}

/** Menu: refreshes «Мониторинг ДК». */
function menuMonitoring() {
  return App_.menuMonitoring();
}

/** Menu: re-applies the protections of every sheet and roadmap from the settings and «Доступ». */
function menuProtect() {
  return App_.menuProtect();
}

/** Menu: creates the «Социальный паспорт школы» form linked to this spreadsheet. */
function menuCreateForm() {
  return App_.menuCreateForm();
}

/** Menu: turns recomputing on each form response on or off. */
function menuToggleTrigger() {
  return App_.menuToggleTrigger();
}

/** Sidebar: the state shown when it opens. */
function sidebarState() {
  return App_.sidebarState();
}

/** Sidebar: saves the column mapping. */
function sidebarSaveMapping(sheetName, columns) {
  return App_.sidebarSaveMapping(sheetName, columns);
}

/** Sidebar: validates and saves the settings. */
function sidebarSaveSettings(settings) {
  return App_.sidebarSaveSettings(settings);
}

/** Sidebar: restores the default settings. */
function sidebarResetSettings() {
  return App_.sidebarResetSettings();
}

/** Sidebar: starts a run that the sidebar drives step by step. */
function sidebarStartRun(kind, options) {
  return App_.sidebarStartRun(kind, options);
}

/** Sidebar: does the next step of a run. */
function sidebarRunStep(runId, options) {
  return App_.sidebarRunStep(runId, options);
}

/** Sidebar: cancels a run. */
function sidebarCancelRun(runId) {
  return App_.sidebarCancelRun(runId);
}

/** Sidebar: schools matching a search, for choosing roadmaps. */
function sidebarSchools(query) {
  return App_.sidebarSchools(query);
}

/** Sidebar: activates a sheet (links in the results). */
function sidebarOpenSheet(name) {
  return App_.sidebarOpenSheet(name);
}
