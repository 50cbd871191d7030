/**
 * The input files of the local runner, one line each: the command-line option, the Russian name of the input,
 * the sheet of the add-in's spreadsheet it becomes, and how the add-in's readers recognise its header.
 *
 * To add an optional input file (say `--federal-list` for a sheet «Федеральный перечень»), add one line:
 *   { flag: 'federal-list', role: 'федеральный перечень ШНОР', sheet: SHEET_NAMES.federalList, required: false },
 * — the option, its line in --help, reading the file (any encoding, separator, XLSX layout) and seeding the sheet
 * follow from it. Without `header` the first non-blank row of the file is its header; give `header` (a function
 * of recognise.ts asking the add-in's reader) so that title rows are skipped and the right sheet of a workbook
 * is chosen.
 */
import { SHEET_NAMES } from '../../src/sheets/names';
import { RESULTS_HEADER } from '../../src/sheets/readResults';
import type { InputRecognition } from './inputTables';
import { groupsHeader, resultsHeader, risksHeader, responsesHeader, type FieldChoices } from './recognise';

/** The name Google Forms gives the responses sheet it creates in a spreadsheet. */
export const RESPONSES_SHEET_NAME = 'Ответы на форму (1)';

export interface InputFileSpec extends InputRecognition {
  /** The option: --<flag> FILE. */
  flag: string;
  /** Russian name of the input, in messages and --help. */
  role: string;
  /** The sheet of the spreadsheet the file becomes: the name the add-in reads it by. */
  sheet: string;
  required: boolean;
  /** The Form's own responses sheet: linked to the form, and its columns may be chosen with --map. */
  formResponses?: boolean;
}

/** «2024», «2024 год», «2023-2024», «2023/24» in a sheet's name → the calendar year of its exams (the later year of a school year). */
export function yearOfSheetName(name: string): number | null {
  const span = /(?:^|\D)(20\d\d)\s*[-–—/]\s*(20)?(\d\d)(?:\D|$)/.exec(name);
  if (span) return 2000 + Number(span[3]);
  const single = /(?:^|\D)(20\d\d)(?:\D|$)/.exec(name);
  return single ? Number(single[1]) : null;
}

/** The input files, in the order they are read (the responses first: the others are checked against its schools). */
export function inputFileSpecs(choices: FieldChoices = {}): InputFileSpec[] {
  return [
    {
      flag: 'responses',
      role: 'ответы формы «Социальный паспорт школы»',
      sheet: RESPONSES_SHEET_NAME,
      required: true,
      formResponses: true,
      header: (h) => responsesHeader(h, choices),
    },
    {
      flag: 'results',
      role: 'результаты оценочных процедур',
      sheet: SHEET_NAMES.results,
      required: true,
      header: resultsHeader,
      columnFromSheetName: (name) => {
        const year = yearOfSheetName(name);
        return year === null ? null : { header: RESULTS_HEADER[1], value: year };
      },
    },
    { flag: 'risks', role: 'самодиагностика рисков', sheet: SHEET_NAMES.risks, required: false, header: risksHeader },
    { flag: 'groups', role: 'группы школ (Код ОО | Группа)', sheet: SHEET_NAMES.groups, required: false, header: groupsHeader },
  ];
}

/** The options the runner accepts for input files (for parseArgs and --help). */
export const INPUT_FLAGS: readonly string[] = inputFileSpecs().map((s) => s.flag);
