import { defaultSettings, type Settings } from '../core/settings';
import { loadSettings } from '../ui/settingsStore';

/**
 * The settings custom functions compute with: the spreadsheet's saved settings (thresholds, level
 * boundaries, zone share — those of the «ШНОР» and «ИСБШ» sheets), so a formula agrees with the sheets
 * after a region changes its settings. A custom function may read document properties: Properties is
 * among the services custom functions can call (https://developers.google.com/apps-script/guides/sheets/functions#using_apps_script_services);
 * if they cannot be read all the same (the add-on not yet enabled in this document, a quota), the functions
 * compute with the defaults, as their help text says. Read once per call.
 */
export function savedSettings(): Settings {
  try {
    return loadSettings();
  } catch {
    return defaultSettings();
  }
}
