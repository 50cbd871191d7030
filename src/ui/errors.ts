import { UserError } from '../core/errors';
import { UI } from './messages';

/** Platform failures by kind: the pattern matches the English and the Russian wording; first match wins. */
const PLATFORM_FAILURES: ReadonlyArray<{ pattern: RegExp; message: string }> = [
  {
    pattern: /increase the number of cells|above the limit of 10000000 cells|10\s?000\s?000|количества ячеек|предел.*ячеек/i,
    message: UI.cellLimitReached,
  },
  { pattern: /Exceeded maximum execution time|Превышено максимально допустимое время выполнения/i, message: UI.failed(UI.timeLimit) },
  {
    pattern:
      /^Service |failed while accessing|Service invoked too many times|try again later|^Сбой служб|Служба .* (?:не|недоступна)|слишком много раз|повторите попытку позже/i,
    message: UI.failed(UI.serviceFailed),
  },
];

/** The Russian text a user sees for an error: a UserError as it is, anything else as a bug with a short id. */
export function userMessage(error: unknown): string {
  if (error instanceof UserError) return error.message;
  const id = Utilities.getUuid().slice(0, 8);
  console.error(`[${id}]`, error instanceof Error ? (error.stack ?? error.message) : String(error));
  const serviceMessage = error instanceof Error ? error.message : '';
  // Failures of Google's own services are not bugs in the add-in: say in Russian what happened (the original
  // goes to the log with the id above). Apps Script words these messages in the user's language, so each kind
  // is recognised in English and in Russian.
  const kind = PLATFORM_FAILURES.find((f) => f.pattern.test(serviceMessage));
  if (kind) return kind.message;
  return UI.bug(id);
}

/** Runs a menu action; every failure ends in a Russian alert, never in a stack trace. */
export function reportToUser(action: () => string): void {
  const ui = SpreadsheetApp.getUi();
  try {
    const message = action();
    if (message) ui.alert(UI.title, message, ui.ButtonSet.OK);
  } catch (error) {
    ui.alert(UI.title, userMessage(error), ui.ButtonSet.OK);
  }
}

/** For google.script.run: throw an Error whose message is already Russian. */
export function forSidebar<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw new Error(userMessage(error), { cause: error });
  }
}
