/**
 * Conversion between the Settings object and the text the settings form shows: shares as
 * percents («30» for 0.3), numbers with a decimal comma, subjects as comma-separated text.
 * Pure (no DOM), so the page can check obvious input errors before anything is sent.
 */
import { ISBSH_WEIGHT_LABELS, SETTING_KEYS, SETTING_KINDS, type Settings } from '../../core/settings';
import type { IsbshShareKey } from '../../core/types';
import { MSG } from './messages';

/** How each setting is shown and entered: the kinds of the settings table of core/settings.ts. */
export { SETTING_KEYS, SETTING_KINDS, type SettingKind } from '../../core/settings';

/** The five ИСБШ weights in form order, as the weights fieldset shows them. */
export const WEIGHT_KEYS = Object.keys(ISBSH_WEIGHT_LABELS) as IsbshShareKey[];

/** Options of the 'choice' settings: stored value (as text) → what the form shows. */
export const SETTING_CHOICES: Partial<Record<keyof Settings, ReadonlyArray<{ value: string; label: string }>>> = {
  staffingSpecialistsRule: [
    { value: 'noneOfThem', label: MSG.staffingNoneOfThem },
    { value: 'anyMissing', label: MSG.staffingAnyMissing },
  ],
  sameSubjectCountsTwice: [
    { value: 'true', label: MSG.yes },
    { value: 'false', label: MSG.no },
  ],
};

/** What the form holds: one text per setting, four texts for the ИСБШ bounds, one per ИСБШ weight. */
export type SettingsText = Record<Exclude<keyof Settings, 'isbshLevelBounds' | 'isbshWeights'>, string> & {
  isbshLevelBounds: string[];
  isbshWeights: Record<IsbshShareKey, string>;
};

type TextKey = Exclude<keyof Settings, 'isbshLevelBounds' | 'isbshWeights'>;

export type ReadResult = { ok: true; settings: Settings } | { ok: false; problems: string[] };

/** A number with a decimal comma, without the float noise of ×100 (0.15·100 = 15.000000000000002). */
export function formatNumber(value: number): string {
  const rounded = Math.round(value * 1e9) / 1e9;
  return String(rounded).replace('.', ',');
}

/** Reads «35,5», «35.5», «1 234», «30 %»; null when the text is not a number. */
export function parseNumber(text: string): number | null {
  const compact = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/%$/, '')
    .replace(',', '.');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(compact)) return null;
  const value = Number(compact);
  return Number.isFinite(value) ? value : null;
}

/** Settings → the texts the form shows. */
export function settingsToText(s: Settings): SettingsText {
  const text = {} as Record<string, string | string[] | Record<IsbshShareKey, string>>;
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
      case 'list':
        text[key] = (value as string[]).join(', ');
        break;
      case 'emails':
        text[key] = (value as string[]).join(', ');
        break;
      case 'grouping':
      case 'choice':
        text[key] = String(value);
        break;
      case 'weights': {
        const weights = {} as Record<IsbshShareKey, string>;
        for (const k of WEIGHT_KEYS) weights[k] = formatNumber((value as Record<IsbshShareKey, number>)[k]);
        (text as Record<string, unknown>)[key] = weights;
        break;
      }
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
        const raw = text[key as TextKey];
        const value = number(label, raw);
        if (value !== null && (value < 0 || value > 100)) problems.push(MSG.percentRange(label, raw.trim()));
        out[key] = value === null ? null : Math.round(value * 1e7) / 1e9;
        break;
      }
      case 'number':
        out[key] = number(label, text[key as TextKey]);
        break;
      case 'subjects':
      case 'list': {
        const list = text[key as TextKey]
          .split(/[,;]/)
          .map((x) => x.trim())
          .filter(Boolean);
        if (!list.length) problems.push(SETTING_KINDS[key] === 'subjects' ? MSG.noSubjects(label) : MSG.emptyList(label));
        out[key] = list;
        break;
      }
      case 'emails':
        out[key] = text[key as TextKey]
          .split(/[\s,;]+/)
          .map((x) => x.trim())
          .filter(Boolean);
        break;
      case 'grouping':
        out[key] = text.riskZoneGrouping === 'sheet' ? 'sheet' : 'municipality';
        break;
      case 'choice': {
        const raw = text[key as TextKey];
        out[key] = raw === 'true' ? true : raw === 'false' ? false : raw;
        break;
      }
      case 'weights': {
        const weights = {} as Record<IsbshShareKey, number | null>;
        for (const k of WEIGHT_KEYS) weights[k] = number(`${label}, ${ISBSH_WEIGHT_LABELS[k]}`, text.isbshWeights[k] ?? '');
        out[key] = weights;
        break;
      }
      case 'year': {
        const raw = text.reportingYear.trim();
        out[key] = raw ? number(label, raw) : null;
        break;
      }
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, settings: out as unknown as Settings };
}
