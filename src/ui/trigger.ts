const HANDLER = 'onFormSubmitRecompute';

/** Turns the form-submit recompute on or off; one trigger per document, as add-ons allow. Returns true when now on. */
export function toggleFormSubmitTrigger(): boolean {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const existing = ScriptApp.getUserTriggers(ss).filter((t) => t.getHandlerFunction() === HANDLER);
  if (existing.length) {
    for (const t of existing) ScriptApp.deleteTrigger(t);
    return false;
  }
  ScriptApp.newTrigger(HANDLER).forSpreadsheet(ss).onFormSubmit().create();
  return true;
}
