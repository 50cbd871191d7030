import { PROBLEM_HEADER, problemsToRows, type Problem } from '../problems';
import { SHEET_NAMES } from '../names';
import type { SheetSpec } from '../sheetSpec';
import { FORMAT } from './format';

const WIDTHS = [150, 60, 100, 220, 180, 360, 220];

/** «Проверка данных»: every value the add-in could not use, where it is, and what was done with it (docs/методика.md §1). */
export function dataCheckSheet(problems: ReadonlyArray<Problem>): SheetSpec {
  return {
    name: SHEET_NAMES.dataCheck,
    caption: [
      problems.length
        ? `Найдено проблем в данных: ${problems.length}. Исправьте значения в исходных листах (или попросите школу отправить форму заново) и запустите проверку ещё раз.`
        : 'Проблем в данных не найдено.',
    ],
    columns: PROBLEM_HEADER.map((header, i) => ({ header, format: i === 1 ? FORMAT.integer : FORMAT.text, width: WIDTHS[i] })),
    rows: problemsToRows([...problems]),
    filter: problems.length > 0,
  };
}
