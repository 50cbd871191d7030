// The entry: every name Apps Script sees is exported here and wrapped by a top-level
// function declaration in src/entry/*.js (see scripts/build.mjs for why).
export * from './functions/customFunctions';
export * from './ui/handlers';

// Custom functions compute with the spreadsheet's saved settings (read from document properties by ui/).
import { useSettingsSource } from './functions/savedSettings';
import { loadSettings } from './ui/settingsStore';
useSettingsSource(loadSettings);
