/**
 * Conversion between the Settings object and the text the settings form shows: shares as
 * percents («30» for 0.3), numbers with a decimal comma, subjects as comma-separated text.
 * Pure (no DOM), so the page can check obvious input errors before anything is sent.
 */
import { SETTING_KEYS, SETTING_KINDS, type Settings } from '../../core/settings';
import { MSG } from './messages';

/** How each setting is shown and entered: the kinds of the settings table of core/settings.ts. */
export { SETTING_KEYS, SETTING_KINDS, type SettingKind } from '../../core/settings';

/** What the form holds: one text per setting, four texts for the ИСБШ bounds. */
export type SettingsText = Record<Exclude<keyof Settings, 'isbshLevelBounds'>, string> & { isbshLevelBounds: string[] };

export type ReadResult = { ok: true; settings: Settings } | { ok: false; problems: string[] };

/** A number with a decimal comma, without the float noise of ×100 (0.15·100 = 15.000000000000002). */
export function formatNumber(value: number): string {
  const rounded = Math.round(value * 1e9) / 1e9;
  return String(rounded).replace('.', ',');
}

/** Reads «35,5», «35.5», «1 234», «30 %»; null when the text is not a number. */
export function parseNumber(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(/%$/, '').replace(',', '.');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(compact)) return null;
  const value = Number(compact);
  return Number.isFinite(value) ? value : null;
}

/** Settings → the texts the form shows. */
export function settingsToText(s: Settings): SettingsText {
  const text = {} as Record<string, string | string[]>;
  for (const key of SETTING_KEYS) {
    const value = s[key];
    switch (SETTING_KINDS[key]) {
      case 'bounds':
        text[key] = (value as number[]).map(formatNumber);
        break;
      case 'percent':
        text[key] = formatNumber((value as number) * 100);
        break;
      case 'number':
        text[key] = formatNumber(value as number);
        break;
      case 'subjects':
        text[key] = (value as string[]).join(', ');
        break;
      case 'grouping':
        text[key] = String(value);
        break;
      case 'year':
        text[key] = value === null ? '' : String(value);
        break;
    }
  }
  return text as SettingsText;
}

/**
 * The form's texts → Settings, or the Russian problems a user can see at once (not a number,
 * empty, a percent outside 0–100, no subject). Rules between settings are left to the server.
 */
export function textToSettings(text: SettingsText, labels: Record<keyof Settings, string>): ReadResult {
  const problems: string[] = [];
  const out = {} as Record<string, unknown>;
  const number = (label: string, raw: string): number | null => {
    if (!raw.trim()) {
      problems.push(MSG.empty(label));
      return null;
    }
    const value = parseNumber(raw);
    if (value === null) problems.push(MSG.notANumber(label, raw.trim()));
    return value;
  };
  for (const key of SETTING_KEYS) {
    const label = labels[key];
    switch (SETTING_KINDS[key]) {
      case 'bounds':
        out[key] = text.isbshLevelBounds.map((raw, i) => number(`${label}, ${MSG.boundN(i + 1).toLowerCase()}`, raw));
        break;
      case 'percent': {
        const raw = text[key as Exclude<keyof Settings, 'isbshLevelBounds'>];
        const value = number(label, raw);
        if (value !== null && (value < 0 || value > 100)) problems.push(MSG.percentRange(label, raw.trim()));
        out[key] = value === null ? null : Math.round(value * 1e7) / 1e9;
        break;
      }
      case 'number':
        out[key] = number(label, text[key as Exclude<keyof Settings, 'isbshLevelBounds'>]);
        break;
      case 'subjects': {
        const list = text.shnorSubjects.split(/[,;]/).map((x) => x.trim()).filter(Boolean);
        if (!list.length) problems.push(MSG.noSubjects(label));
        out[key] = list;
        break;
      }
      case 'grouping':
        out[key] = text.riskZoneGrouping === 'sheet' ? 'sheet' : 'municipality';
        break;
      case 'year': {
        const raw = text.reportingYear.trim();
        out[key] = raw ? number(label, raw) : null;
        break;
      }
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, settings: out as unknown as Settings };
}
