/**
 * The input sheets the add-in creates for people to fill (docs/методика.md §1.2 «Результаты ОП», §1.3 «Риски»),
 * described as data. The header is row 1 so the readers see a plain table; the instruction is a note on
 * A1 and each header cell has its own note, which keeps the data rows clean.
 */
import { DEFAULT_RISK_FACTORS, SIGNIFICANCES } from '../core/factors';
import { CANONICAL_PROCEDURES } from '../core/procedures';
import type { RiskFactor } from '../core/types';
import { GROUP_SHEET_WORDS, TEMPLATE_WORDS } from './messages';
import { SHEET_NAMES } from './names';
import { HEADER_BACKGROUND } from './writer';

export type TemplateValidation =
  | { kind: 'list'; values: readonly string[]; allowInvalid: boolean; help: string }
  | { kind: 'numberBetween'; min: number; max: number; allowInvalid: boolean; help: string }
  | { kind: 'numberAtLeast'; min: number; allowInvalid: boolean; help: string };

export interface TemplateColumn {
  header: string;
  /** Width in pixels. */
  width: number;
  /** Note on the header cell. */
  note: string;
  /** Number format of the data cells ('@' keeps codes such as «0123» as text). */
  format?: string;
  validation?: TemplateValidation;
}

export interface TemplateSpec {
  sheetName: string;
  /** Instruction, put in the note of A1 above the first column's own note. */
  instruction: string;
  columns: TemplateColumn[];
}

const WORDS = TEMPLATE_WORDS.results;
const COUNT_VALIDATION: TemplateValidation = { kind: 'numberAtLeast', min: 0, allowInvalid: false, help: WORDS.help.count };

/**
 * «Результаты ОП» (docs/методика.md §1.2): Код ОО | Год | Процедура | Участников | Не преодолели порог |
 * Высокобалльников. Procedures from the nine canonical ones, others allowed; years 2000–2100 (a warning
 * only, so «2023/24» can still be typed); counts ≥ 0.
 */
export const RESULTS_TEMPLATE: TemplateSpec = {
  sheetName: SHEET_NAMES.results,
  instruction: WORDS.instruction,
  columns: [
    { header: WORDS.headers[0], width: 120, note: WORDS.columnNotes[0], format: '@' },
    {
      header: WORDS.headers[1],
      width: 70,
      note: WORDS.columnNotes[1],
      validation: { kind: 'numberBetween', min: 2000, max: 2100, allowInvalid: true, help: WORDS.help.year },
    },
    {
      header: WORDS.headers[2],
      width: 240,
      note: WORDS.columnNotes[2],
      validation: { kind: 'list', values: CANONICAL_PROCEDURES, allowInvalid: true, help: WORDS.help.procedure },
    },
    { header: WORDS.headers[3], width: 110, note: WORDS.columnNotes[3], validation: COUNT_VALIDATION },
    { header: WORDS.headers[4], width: 150, note: WORDS.columnNotes[4], validation: COUNT_VALIDATION },
    { header: WORDS.headers[5], width: 150, note: WORDS.columnNotes[5], validation: COUNT_VALIDATION },
  ],
};

/** «Риски» (docs/методика.md §1.3): Код ОО and one column per active factor, headed by its name; significance from a list. */
export function risksTemplate(factors: readonly RiskFactor[] = DEFAULT_RISK_FACTORS): TemplateSpec {
  const words = TEMPLATE_WORDS.risks;
  return {
    sheetName: SHEET_NAMES.risks,
    instruction: words.instruction,
    columns: [
      { header: words.codeHeader, width: 120, note: words.codeNote, format: '@' },
      ...factors
        .filter((f) => f.active)
        .map((f): TemplateColumn => ({
          header: f.name,
          width: 180,
          note: `${f.id}. ${f.name}`,
          validation: { kind: 'list', values: SIGNIFICANCES, allowInvalid: false, help: words.significanceHelp },
        })),
    ],
  };
}

/** «Группы» (docs/методика.md §9): Код ОО | Группа, a row per school and group. */
export const GROUPS_TEMPLATE: TemplateSpec = {
  sheetName: SHEET_NAMES.groups,
  instruction: GROUP_SHEET_WORDS.instruction,
  columns: [
    { header: GROUP_SHEET_WORDS.codeHeader, width: 120, note: GROUP_SHEET_WORDS.codeNote, format: '@' },
    { header: GROUP_SHEET_WORDS.groupHeader, width: 200, note: GROUP_SHEET_WORDS.groupNote },
  ],
};

const SHARE_VALIDATION: TemplateValidation = {
  kind: 'numberBetween',
  min: 0,
  max: 100,
  allowInvalid: true,
  help: TEMPLATE_WORDS.objectivity.help.share,
};

/** «Список ФИОКО» (docs/методика.md §10): Код ОО | Год — the federal list of schools with low results. */
export const FEDERAL_LIST_TEMPLATE: TemplateSpec = {
  sheetName: SHEET_NAMES.federalList,
  instruction: TEMPLATE_WORDS.federalList.instruction,
  columns: [
    { header: TEMPLATE_WORDS.federalList.headers[0], width: 120, note: TEMPLATE_WORDS.federalList.columnNotes[0], format: '@' },
    {
      header: TEMPLATE_WORDS.federalList.headers[1],
      width: 80,
      note: TEMPLATE_WORDS.federalList.columnNotes[1],
      validation: { kind: 'numberBetween', min: 2000, max: 2100, allowInvalid: true, help: WORDS.help.year },
    },
  ],
};

/** «Объективность ВПР» (docs/методика.md §10): Код ОО | Год | Процедура | Понизили | Подтвердили | Повысили, in %. */
export const OBJECTIVITY_TEMPLATE: TemplateSpec = {
  sheetName: SHEET_NAMES.objectivity,
  instruction: TEMPLATE_WORDS.objectivity.instruction,
  columns: TEMPLATE_WORDS.objectivity.headers.map((header, i): TemplateColumn => ({
    header,
    width: i === 2 ? 200 : 110,
    note: TEMPLATE_WORDS.objectivity.columnNotes[i],
    ...(i === 0 ? { format: '@' } : {}),
    ...(i === 1
      ? { validation: { kind: 'numberBetween', min: 2000, max: 2100, allowInvalid: true, help: WORDS.help.year } as TemplateValidation }
      : {}),
    ...(i >= 3 ? { validation: SHARE_VALIDATION } : {}),
  })),
};

/** «Доступ» (docs/методика.md §11): who may edit each school's roadmap; codes and addresses kept as text. */
export const ACCESS_TEMPLATE: TemplateSpec = {
  sheetName: SHEET_NAMES.access,
  instruction: TEMPLATE_WORDS.access.instruction,
  columns: TEMPLATE_WORDS.access.headers.map((header, i) => ({
    header,
    width: i === 0 ? 120 : 240,
    note: TEMPLATE_WORDS.access.columnNotes[i],
    format: '@',
  })),
};

function buildValidation(v: TemplateValidation): GoogleAppsScript.Spreadsheet.DataValidation {
  const b = SpreadsheetApp.newDataValidation();
  if (v.kind === 'list') b.requireValueInList([...v.values], true);
  else if (v.kind === 'numberBetween') b.requireNumberBetween(v.min, v.max);
  else b.requireNumberGreaterThanOrEqualTo(v.min);
  return b.setAllowInvalid(v.allowInvalid).setHelpText(v.help).build();
}

/** Writes a template (docs/методика.md §1.2, §1.3) into an empty sheet: one setValues, one setNotes, whole-column validations. */
export function writeTemplate(sheet: GoogleAppsScript.Spreadsheet.Sheet, spec: TemplateSpec): void {
  const n = spec.columns.length;
  const notes = spec.columns.map((c, i) => (i === 0 ? `${spec.instruction}\n\n${c.note}` : c.note));
  // A new sheet has 26 columns and Sheets refuses a range past them: «Риски» with more than 25 factors needs room.
  const maxColumns = sheet.getMaxColumns();
  if (n > maxColumns) sheet.insertColumnsAfter(maxColumns, n - maxColumns);
  sheet
    .getRange(1, 1, 1, n)
    .setValues([spec.columns.map((c) => c.header)])
    .setNotes([notes])
    .setFontWeight('bold')
    .setBackground(HEADER_BACKGROUND)
    .setWrap(true)
    .setVerticalAlignment('middle');
  sheet.setFrozenRows(1);
  spec.columns.forEach((c, i) => sheet.setColumnWidth(i + 1, c.width));
  const dataRows = sheet.getMaxRows() - 1;
  if (dataRows < 1) return;
  spec.columns.forEach((c, i) => {
    const column = sheet.getRange(2, i + 1, dataRows, 1);
    if (c.format) column.setNumberFormat(c.format);
    if (c.validation) column.setDataValidation(buildValidation(c.validation));
  });
}

/**
 * Creates «Результаты ОП», «Риски», «Группы» and «Доступ» (docs/методика.md §1.2, §1.3, §9, §11) where they do not exist yet; an existing
 * sheet is never touched. Returns the names created and the names skipped.
 */
export function createTemplates(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  factors: readonly RiskFactor[] = DEFAULT_RISK_FACTORS,
): { created: string[]; skipped: string[] } {
  return createTemplateSheets(ss, [RESULTS_TEMPLATE, risksTemplate(factors), GROUPS_TEMPLATE, ACCESS_TEMPLATE]);
}

/**
 * Creates the optional «Список ФИОКО» and «Объективность ВПР» (docs/методика.md §10) where they do not exist yet;
 * an existing sheet is never touched.
 */
export function createComparisonTemplates(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): { created: string[]; skipped: string[] } {
  return createTemplateSheets(ss, [FEDERAL_LIST_TEMPLATE, OBJECTIVITY_TEMPLATE]);
}

function createTemplateSheets(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  specs: readonly TemplateSpec[],
): { created: string[]; skipped: string[] } {
  const created: string[] = [];
  const skipped: string[] = [];
  for (const spec of specs) {
    if (ss.getSheetByName(spec.sheetName)) {
      skipped.push(spec.sheetName);
      continue;
    }
    writeTemplate(ss.insertSheet(spec.sheetName, ss.getSheets().length), spec);
    created.push(spec.sheetName);
  }
  return { created, skipped };
}
