import { defaultSettings, type Settings } from '../core/settings';

/**
 * Where custom functions get the spreadsheet's saved settings (thresholds, level boundaries, zone share —
 * those of the «ШНОР» and «ИСБШ» sheets), so a formula agrees with the sheets after a region changes its
 * settings. The entry (src/main.ts) plugs in the store that reads document properties: a custom function may
 * read them, Properties being among the services custom functions can call
 * (https://developers.google.com/apps-script/guides/sheets/functions#using_apps_script_services). This layer
 * touches no Apps Script service itself.
 */
let source: () => Settings = defaultSettings;

/** Sets where saved settings come from (called once by the entry). */
export function useSettingsSource(read: () => Settings): void {
  source = read;
}

/**
 * The saved settings, read once per call; when they cannot be read (the add-on not yet enabled in this
 * document, a quota), the defaults — as the functions' help text says.
 */
export function savedSettings(): Settings {
  try {
    return source();
  } catch {
    return defaultSettings();
  }
}
