/**
 * The «Настройки» form: one labelled control per setting (except the reporting year, which lives
 * in the «Данные» section), filled from and read back into SettingsText.
 */
import type { Settings } from '../../core/settings';
import { el, freshId, option, replaceChildren } from './dom';
import { MSG } from './messages';
import { ISBSH_WEIGHT_LABELS } from '../../core/settings';
import type { IsbshShareKey } from '../../core/types';
import { SETTING_CHOICES, SETTING_KEYS, SETTING_KINDS, WEIGHT_KEYS, type SettingsText } from './settingsValues';

type TextKey = Exclude<keyof Settings, 'isbshLevelBounds' | 'isbshWeights' | 'reportingYear'>;

export interface SettingsForm {
  /** Puts the values into the controls. */
  fill(text: SettingsText): void;
  /** The controls' texts; the reporting year is left as in `base`. */
  read(base: SettingsText): SettingsText;
}

function textInput(id: string, key: string, decimal: boolean): HTMLInputElement {
  return el('input', { id, type: 'text', 'data-setting': key, inputmode: decimal ? 'decimal' : undefined, autocomplete: 'off' });
}

/** Renders the controls into `container` (replacing what was there) using the server's labels. */
export function renderSettingsForm(container: HTMLElement, labels: Record<keyof Settings, string>): SettingsForm {
  replaceChildren(container);
  const inputs = new Map<TextKey, HTMLInputElement | HTMLSelectElement>();
  const bounds: HTMLInputElement[] = [];
  const weights = new Map<IsbshShareKey, HTMLInputElement>();

  for (const key of SETTING_KEYS) {
    const kind = SETTING_KINDS[key];
    if (kind === 'year') continue;
    const label = labels[key];
    if (kind === 'bounds') {
      const grid = el('div', { className: 'bounds' });
      for (let i = 0; i < 4; i++) {
        const id = freshId('bound');
        const input = textInput(id, `${key}.${i}`, true);
        bounds.push(input);
        grid.append(el('div', {}, el('label', { for: id, className: 'small' }, MSG.boundN(i + 1)), input));
      }
      container.append(el('fieldset', { className: 'block' }, el('legend', {}, label), grid));
      continue;
    }
    if (kind === 'weights') {
      const grid = el('div', { className: 'bounds' });
      for (const k of WEIGHT_KEYS) {
        const id = freshId('weight');
        const input = textInput(id, `${key}.${k}`, true);
        weights.set(k, input);
        grid.append(el('div', {}, el('label', { for: id, className: 'small' }, ISBSH_WEIGHT_LABELS[k]), input));
      }
      container.append(
        el('fieldset', { className: 'block' }, el('legend', {}, label), grid, el('span', { className: 'hint secondary' }, MSG.weightsHint)),
      );
      continue;
    }
    const id = freshId(`setting-${key}`);
    let control: HTMLInputElement | HTMLSelectElement;
    let after: HTMLElement | null = null;
    if (kind === 'grouping') {
      control = el(
        'select',
        { id, 'data-setting': key },
        option('municipality', MSG.groupingMunicipality),
        option('sheet', MSG.groupingSheet),
      );
    } else if (kind === 'choice') {
      control = el('select', { id, 'data-setting': key }, ...(SETTING_CHOICES[key] ?? []).map((c) => option(c.value, c.label)));
    } else {
      control = textInput(id, key, kind !== 'subjects' && kind !== 'list' && kind !== 'emails');
      if (kind === 'percent') after = el('span', { className: 'suffix', 'aria-hidden': 'true' }, MSG.percentSuffix);
      if (kind === 'subjects' || kind === 'list' || kind === 'emails')
        after = el('span', { className: 'hint secondary' }, MSG.subjectsHint);
    }
    inputs.set(key as TextKey, control);
    const row = kind === 'percent' ? el('div', { className: 'with-suffix' }, control, after) : el('div', {}, control, after);
    container.append(el('div', { className: 'block form-group' }, el('label', { for: id }, label), row));
  }

  return {
    fill(text) {
      text.isbshLevelBounds.forEach((value, i) => {
        if (bounds[i]) bounds[i].value = value;
      });
      for (const [key, control] of inputs) control.value = text[key];
      for (const [k, input] of weights) input.value = text.isbshWeights[k] ?? '';
    },
    read(base) {
      const w = { ...base.isbshWeights };
      for (const [k, input] of weights) w[k] = input.value;
      const out: SettingsText = { ...base, isbshLevelBounds: bounds.map((b) => b.value), isbshWeights: w };
      for (const [key, control] of inputs) out[key] = control.value;
      return out;
    },
  };
}
