import { defaultSettings, validateSettings, settingsProblems, type Settings } from '../core/settings';

const SETTINGS_KEY = 'shnor.settings';

/** The settings of this spreadsheet (DocumentProperties), with defaults for anything not stored. */
export function loadSettings(): Settings {
  const raw = PropertiesService.getDocumentProperties().getProperty(SETTINGS_KEY);
  if (!raw) return defaultSettings();
  try {
    const stored = JSON.parse(raw) as Partial<Settings>;
    const merged = { ...defaultSettings(), ...stored };
    return settingsProblems(merged).length ? defaultSettings() : merged;
  } catch {
    return defaultSettings();
  }
}

/** Validates and stores; throws a UserError listing every invalid value. */
export function saveSettings(settings: Partial<Settings>): Settings {
  const valid = validateSettings(settings);
  PropertiesService.getDocumentProperties().setProperty(SETTINGS_KEY, JSON.stringify(valid));
  return valid;
}

export function resetSettings(): Settings {
  PropertiesService.getDocumentProperties().deleteProperty(SETTINGS_KEY);
  return defaultSettings();
}
