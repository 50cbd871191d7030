// Apps Script enums as frozen objects whose values are their own names ('NONE', 'FULL', ...).
// Real enum values are opaque objects whose toString() is the name; strings compare the same way
// (`e.authMode === ScriptApp.AuthMode.NONE`) and print readably in test failures.

/** A frozen enum object typed as the @types enum it stands for. */
export function makeEnum<E>(names: readonly string[]): E {
  const values: Record<string, string> = {};
  for (const name of names) values[name] = name;
  return Object.freeze(values) as unknown as E;
}

export const AUTH_MODES = ['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'] as const;
export type AuthModeName = (typeof AUTH_MODES)[number];

export const AuthMode = makeEnum<typeof GoogleAppsScript.Script.AuthMode>(AUTH_MODES);
export const Button = makeEnum<typeof GoogleAppsScript.Base.Button>(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);
export const ButtonSet = makeEnum<typeof GoogleAppsScript.Base.ButtonSet>(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL']);
