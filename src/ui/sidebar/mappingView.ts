/**
 * Section «Данные»: which sheet holds the Form's responses and which header feeds each field.
 * Headers and sheet names come from the spreadsheet and go in with option.text only.
 */
import { columnLetter } from '../../sheets/a1';
import type { MappingField, SidebarState } from '../contract';
import { el, freshId, option, replaceChildren } from './dom';
import { MSG } from './messages';

export interface MappingSelection {
  sheetName: string;
  columns: Record<string, number | null>;
}

export interface MappingView {
  read(): MappingSelection;
}

/** The column letter before each header keeps equal headers distinguishable. */
function headerText(header: string, index: number): string {
  return `${columnLetter(index)} · ${header.trim() ? header : '…'}`;
}

/** Whether a field needs the user's attention: the server was unsure, or a required field has no column. */
function needsCheck(field: MappingField, explicit: boolean, value: string): boolean {
  return (field.ambiguous && !explicit) || (field.required === 'yes' && value === '');
}

function fieldRow(
  field: MappingField,
  headers: string[],
  onChange: () => void,
): { row: HTMLElement; select: HTMLSelectElement; needsCheck(): boolean } {
  const id = freshId(`map-${field.id}`);
  const select = el(
    'select',
    { id, 'data-field': field.id, 'aria-required': field.required === 'yes' ? 'true' : undefined },
    option('', MSG.notChosen, field.column === null),
  );
  headers.forEach((h, i) => select.add(option(String(i), headerText(h, i), field.column === i)));

  const mark =
    field.required === 'yes'
      ? el('span', { className: 'mark', title: MSG.requiredTitle }, MSG.requiredMark)
      : field.required === 'isbsh'
        ? el('span', { className: 'mark isbsh', title: MSG.isbshTitle }, MSG.isbshMark)
        : null;
  const note = el('div', { className: 'note', id: `${id}-note` });
  const row = el('div', { className: 'mapping-row' }, el('label', { for: id }, field.label, mark), select, note);

  const refresh = (explicit: boolean): void => {
    const ambiguous = field.ambiguous && !explicit;
    const missing = field.required === 'yes' && select.value === '';
    row.classList.toggle('ambiguous', ambiguous);
    row.classList.toggle('missing', missing);
    replaceChildren(note, ambiguous ? MSG.ambiguous : missing ? MSG.requiredMissing : null);
    note.hidden = !ambiguous && !missing;
    if (note.hidden) select.removeAttribute('aria-describedby');
    else select.setAttribute('aria-describedby', note.id);
  };
  let explicit = false;
  refresh(false);
  // Once the user picks a column by hand, the server's doubt no longer applies.
  select.addEventListener('change', () => {
    explicit = true;
    refresh(true);
    onChange();
  });
  return { row, select, needsCheck: () => needsCheck(field, explicit, select.value) };
}

export interface MappingElements {
  sheetSelect: HTMLSelectElement;
  /** The collapsible block around the fields: opened by itself when a field needs checking. */
  details: HTMLDetailsElement;
  /** The count of fields to check, shown in the block's summary line. */
  summary: HTMLElement;
  fields: HTMLElement;
}

/** Renders the sheet choice and one select per field; `onSheetChange` is called with the newly chosen sheet. */
export function renderMapping(ui: MappingElements, state: SidebarState, onSheetChange: (sheetName: string) => void): MappingView {
  const { sheetSelect, details, summary } = ui;
  const fieldsContainer = ui.fields;
  replaceChildren(sheetSelect);
  if (state.responsesSheet === null) sheetSelect.add(option('', MSG.noSheetChosen, true));
  for (const name of state.sheets) sheetSelect.add(option(name, name, name === state.responsesSheet));
  sheetSelect.onchange = () => {
    if (sheetSelect.value) onSheetChange(sheetSelect.value);
  };

  replaceChildren(fieldsContainer);
  if (state.responsesSheet !== null && state.headers.length === 0) {
    fieldsContainer.append(el('p', { className: 'error' }, MSG.noHeaders));
  }
  const updateSummary = (): number => {
    const toCheck = selects.filter((s) => s.needsCheck()).length;
    summary.textContent = toCheck ? MSG.mappingToCheck(toCheck) : MSG.mappingAllSet;
    summary.className = toCheck ? 'small warning' : 'small secondary';
    return toCheck;
  };
  const selects = state.fields.map((field) => {
    const { row, select, needsCheck } = fieldRow(field, state.headers, updateSummary);
    fieldsContainer.append(row);
    return { field, select, needsCheck };
  });
  if (updateSummary() > 0 || state.headers.length === 0) details.open = true;

  return {
    read() {
      const columns: Record<string, number | null> = {};
      for (const { field, select } of selects) columns[field.id] = select.value === '' ? null : Number(select.value);
      return { sheetName: sheetSelect.value, columns };
    },
  };
}

/** The reporting-year select: «последний в данных» (null) and each year present in the results. */
export function renderYearSelect(select: HTMLSelectElement, years: number[], current: number | null): void {
  replaceChildren(select);
  select.add(option('', MSG.latestYear, current === null));
  const all = current !== null && !years.includes(current) ? [...years, current] : [...years];
  // Newest first: the year a methodologist usually wants is at the top.
  for (const y of all.sort((a, b) => b - a)) select.add(option(String(y), String(y), y === current));
}
