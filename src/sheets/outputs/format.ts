import type { CellValue } from '../sheetSpec';

/** Formats shared by the output layouts. */
export const FORMAT = {
  /** Text columns stay General: user text is protected by writer.asText, which Sheets honours in any format. */
  text: 'General',
  integer: '0',
  isbsh: '0.0',
  percent: '0%',
  /** A number of items, e.g. «3 шт.» (indicators whose target is a count). */
  countUnits: '0 "шт."',
  date: 'dd.MM.yyyy',
} as const;

export const COLORS = {
  bad: '#f4c7c3',
  warn: '#fce8b2',
  neutral: '#fff2cc',
  good: '#d9ead3',
  best: '#b7e1cd',
  none: '#eeeeee',
  zoneRow: '#fdecea',
  priorityRow: '#f9cbc7',
} as const;

export function yesNo(value: boolean | null | undefined): CellValue {
  return value === null || value === undefined ? '' : value ? 'да' : 'нет';
}

export function orEmpty(value: number | string | null | undefined): CellValue {
  return value === null || value === undefined ? '' : value;
}
