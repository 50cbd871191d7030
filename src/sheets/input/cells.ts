/**
 * The cell layer of every input sheet: what a cell that getValues() returns means before any field reads it —
 * blank, a formula error, text, yes/no, a number, a share, a date. Each is written here once; the parsers of
 * plain values behind them live in src/core (numbers.ts, text.ts), the readers only choose which one a field needs.
 */
import { parseRussianNumber, parseShare, parseYesNo, quoteValue } from '../../core/numbers';
import { normalizeText, tidyText } from '../../core/text';
import { cleanCode, codeKey } from '../../core/schoolCodes';

export { normalizeText, tidyText, quoteValue };

/** Whether a cell holds nothing: empty, or only spaces (docs/методика.md §1: such a cell is «no value», never 0). */
export function isBlankCell(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Whether every cell of a row is blank (a row nobody filled in is skipped, not reported). */
export function isBlankRow(row: readonly unknown[] | undefined): boolean {
  return !row || row.every(isBlankCell);
}

/** Error values a formula leaves in a cell, in English and Russian Sheets («#DIV/0!», «#ЗНАЧ!», «#Н/Д» …). */
const FORMULA_ERROR = /^#(?:N\/A|Н\/Д|[A-ZА-ЯЁ0-9/]+[!?])$/i;

/** Whether a cell shows a formula error rather than a value (getValues returns the error text); such a value is rejected (docs/методика.md §1.1). */
export function isFormulaError(v: unknown): boolean {
  // Every formula error has a «#»: most text is told apart without trimming it.
  return typeof v === 'string' && v.includes('#') && FORMULA_ERROR.test(v.trim());
}

/** A cell as text (docs/методика.md §1.1 text fields): strings as typed, numbers without formatting (a code typed as 760152 stays «760152»). */
export function cellText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return quoteValue(v);
}

/** The header row of a sheet's values as trimmed texts, as wide as the widest row (a header cell may be blank). */
export function headerTexts(values: readonly (readonly unknown[] | undefined)[], headerRow = 0): string[] {
  const width = values.reduce((w, row) => Math.max(w, row?.length ?? 0), 0);
  return Array.from({ length: width }, (_, i) => cellText(values[headerRow]?.[i] ?? '').trim());
}

/** Whether any data row below `headerRow` has a value in column `index`. */
export function columnHasData(values: readonly (readonly unknown[] | undefined)[], index: number, headerRow = 0): boolean {
  for (let r = headerRow + 1; r < values.length; r++) if (!isBlankCell(values[r]?.[index])) return true;
  return false;
}

/**
 * A yes/no cell (docs/методика.md §1.1): core's answers («да», «нет», «есть», «+», checkboxes …), plus the words of
 * one sheet's own vocabulary (e.g. «используется» in «Факторы риска»). Null for no answer; throws ValueError otherwise.
 */
export function yesNoCell(value: unknown, extra?: ReadonlyMap<string, boolean>): boolean | null {
  if (extra && typeof value !== 'boolean') {
    const known = extra.get(normalizeText(value).replace(/\.+$/, ''));
    if (known !== undefined) return known;
  }
  return parseYesNo(value);
}

/** A number cell in Russian notation (core's parseRussianNumber): null for no value; throws ValueError otherwise. */
export function numberCell(value: unknown): number | null {
  return parseRussianNumber(value);
}

/** A share cell (core's parseShare): «35,5 %», «0,355», 35.5 → 0.355; null for no value; throws ValueError otherwise. */
export function shareCell(value: unknown, options?: { percentColumn?: boolean }): number | null {
  return parseShare(value, options);
}

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]' && !Number.isNaN((v as Date).getTime());
}

/**
 * A calendar date cell: a Date as Sheets gives it, or text «дд.мм.гггг». A typed day is built at 06:00 UTC, like the
 * catalog's deadlines, so it stays that day in every Russian time zone. Null when the cell holds no such date.
 */
export function dateCell(v: unknown): Date | null {
  if (isDate(v)) return v;
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(tidyText(v));
  return m ? new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]), 6)) : null;
}

// ---------------------------------------------------------------- school codes

/** Letters that look the same in Cyrillic and Latin (the lower-case ones by their upper case). */
const CYRILLIC_TO_LATIN: ReadonlyMap<string, string> = new Map(
  [...'аеорсхукмтнвАЕОРСХУКМТНВ'].map((c, i) => [c, 'aeopcxykmthbAEOPCXYKMTHB'[i]]),
);
const LATIN_TO_CYRILLIC: ReadonlyMap<string, string> = new Map([...CYRILLIC_TO_LATIN].map(([cyr, lat]) => [lat, cyr]));

export interface NormalizedCode {
  code: string;
  /** 'latin' — Cyrillic lookalikes replaced by Latin; 'cyrillic' — the other way round; null — unchanged. */
  fixed: 'latin' | 'cyrillic' | null;
}

/**
 * Код ОО as the key of a school (docs/методика.md §1.1: a text code, e.g. `edu760152`): trimmed; a code that mixes
 * alphabets is made one alphabet — Latin when every Cyrillic letter in it has a Latin twin (codes are
 * Latin, like ФИС ОКО logins), else Cyrillic when every Latin letter has a Cyrillic twin; otherwise kept.
 * Case is kept as written; codes are compared case-insensitively (schoolCodeKey).
 */
export function normalizeSchoolCode(raw: unknown): NormalizedCode {
  const code = cleanCode(cellText(raw));
  const cyrillic = code.match(/[а-яё]/gi) ?? [];
  const latin = code.match(/[a-z]/gi) ?? [];
  if (!cyrillic.length || !latin.length) return { code, fixed: null };
  if (cyrillic.every((c) => CYRILLIC_TO_LATIN.has(c))) {
    return { code: [...code].map((c) => CYRILLIC_TO_LATIN.get(c) ?? c).join(''), fixed: 'latin' };
  }
  if (latin.every((c) => LATIN_TO_CYRILLIC.has(c))) {
    return { code: [...code].map((c) => LATIN_TO_CYRILLIC.get(c) ?? c).join(''), fixed: 'cyrillic' };
  }
  return { code, fixed: null };
}

/** Whether a value looks like a school code: one token of letters and digits, with at least one digit (edu760152, 760152). */
export function looksLikeSchoolCode(v: unknown): boolean {
  return /^(?=[^\s]*\d)[^\s]{1,40}$/.test(cellText(v).trim());
}

/** The comparison key of a Код ОО (docs/методика.md §1.1: unique within a spreadsheet): codes that differ only in case, spaces or invisible characters are the same school (core's codeKey). */
export function schoolCodeKey(code: string): string {
  return codeKey(code);
}
