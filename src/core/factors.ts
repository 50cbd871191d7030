import { ValueError } from './errors';
import { FACTOR_SHEET_MESSAGES } from './messages';
import { parseYesNo } from './numbers';
import { normalizeText, tidyText } from './text';
import type { RiskFactor, Significance } from './types';

/** What each significance asks the curator to do (docs/методика.md §5). */
export const SIGNIFICANCE_ACTIONS: Readonly<Record<Significance, string>> = Object.freeze({
  высокая: 'требуется принятие мер',
  средняя: 'требуется дополнительная оценка ситуации куратором',
  низкая: 'возможна дополнительная оценка ситуации куратором',
});

/**
 * The ten risk factors of docs/методика.md §5, the defaults the add-in writes into the editable
 * sheet «Факторы риска». Ids are stable keys (catalog rows and diagnoses refer to them);
 * the names may be renamed by a region.
 */
export const DEFAULT_RISK_FACTORS: readonly RiskFactor[] = Object.freeze(
  [
    'Низкий уровень оснащения школы',
    'Дефицит педагогических кадров',
    'Недостаточная предметная и методическая компетентность педагогических работников',
    'Риски низкой адаптивности учебного процесса',
    'Несформированность внутришкольной системы повышения квалификации',
    'Высокая доля обучающихся с рисками учебной неуспешности',
    'Высокая доля обучающихся с ОВЗ',
    'Низкое качество преодоления языковых и культурных барьеров',
    'Пониженный уровень качества школьной образовательной и воспитательной среды',
    'Низкий уровень вовлеченности родителей',
  ].map((name, i) => Object.freeze({ id: `F${i + 1}`, name, active: true, actions: { ...SIGNIFICANCE_ACTIONS } })),
);

/** The significances from the highest down. */
export const SIGNIFICANCES: readonly Significance[] = Object.freeze(['высокая', 'средняя', 'низкая'] as Significance[]);

/** Header of the sheet «Факторы риска», as written by factorsToRows. */
export const FACTOR_SHEET_HEADER: readonly string[] = Object.freeze([
  'ID',
  'Фактор риска',
  'Используется (да/нет)',
  'Действие при высокой значимости',
  'Действие при средней значимости',
  'Действие при низкой значимости',
]);

/** Name of the editable sheet of factors (used in problem messages). */
export const FACTOR_SHEET_NAME = 'Факторы риска';

/** Cells that mean "nothing entered". */
const EMPTY_MARKS = new Set(['', '-', '—', '–']);

/**
 * Spellings people use for each significance, checked in order: a whole word's prefix
 * («высокая», «высокий», «высок.», «выс») or the single initial letter («В», «С», «Н»).
 */
const SIGNIFICANCE_SPELLINGS: ReadonlyArray<{ significance: Significance; prefix: string; letter: string }> = [
  { significance: 'высокая', prefix: 'выс', letter: 'в' },
  { significance: 'средняя', prefix: 'сред', letter: 'с' },
  { significance: 'низкая', prefix: 'низ', letter: 'н' },
];

/**
 * Reads a significance typed by a person (docs/методика.md §1.3, §5): case, spaces, ё, a trailing
 * dot and abbreviations are forgiven («Высокий», «высок.», «В», «с»); an empty cell or a dash
 * is null; anything else throws a ValueError quoting the value.
 */
export function parseSignificance(value: unknown): Significance | null {
  const text = normalizeText(value).replace(/\.+$/, '').trim();
  if (EMPTY_MARKS.has(text)) return null;
  for (const s of SIGNIFICANCE_SPELLINGS) {
    if (text === s.letter || text.startsWith(s.prefix)) return s.significance;
  }
  throw new ValueError(FACTOR_SHEET_MESSAGES.badSignificance(String(value).trim()));
}

/** The words of «Используется» beyond core's yes/no answers (docs/методика.md §5): a letter, 1/0, the column's own word. */
const ACTIVE_WORDS: ReadonlyMap<string, boolean> = new Map([
  ['д', true],
  ['y', true],
  ['1', true],
  ['используется', true],
  ['н', false],
  ['n', false],
  ['0', false],
  ['—', false],
  ['–', false],
  ['не используется', false],
]);

/** «Используется»: core's yes/no (parseYesNo) and ACTIVE_WORDS; empty → null; unknown → undefined. */
function parseActive(value: unknown): boolean | null | undefined {
  if (typeof value !== 'boolean') {
    const known = ACTIVE_WORDS.get(normalizeText(value).replace(/\.+$/, ''));
    if (known !== undefined) return known;
  }
  try {
    return parseYesNo(value);
  } catch {
    return undefined;
  }
}

/** The columns of «Факторы риска» (found by the sheets layer's header matcher, src/sheets/readReferences.ts). */
export type FactorColumn = 'id' | 'name' | 'active' | Significance;

/** A factor id as a person may type it: trimmed, upper-case Latin (so «f3» is «F3»). */
function normalizeFactorId(value: unknown): string {
  return normalizeText(value).toUpperCase();
}

/**
 * The factor list for the sheet «Факторы риска» (docs/методика.md §5): the header row
 * FACTOR_SHEET_HEADER followed by one row per factor, «да»/«нет» in the last column.
 * factorsFromSheet(factorsToRows(x)) gives x back.
 */
export function factorsToRows(factors: readonly RiskFactor[]): string[][] {
  return [
    [...FACTOR_SHEET_HEADER],
    ...factors.map((f) => [f.id, f.name, f.active ? 'да' : 'нет', ...SIGNIFICANCES.map((s) => actionFor(f, s))]),
  ];
}

/** What a significance of this factor asks for: the region's wording from «Факторы риска», else docs/методика.md §5's. */
export function actionFor(factor: RiskFactor, significance: Significance): string {
  return factor.actions?.[significance]?.trim() || SIGNIFICANCE_ACTIONS[significance];
}

/**
 * Reads the edited sheet «Факторы риска» (docs/методика.md §5), rows[0] being its header and `col` the
 * column of each field (as the header matcher found them). A region may rename factors, add rows with new ids and retire
 * factors with «нет»; an empty «Используется» means yes. A row without an id or a name, or
 * with a repeated id, is skipped with a problem naming its row. When no ID or name column is
 * found, the defaults are returned with a problem, so the rest of the work can go on.
 */
export function factorsFromSheet(
  rows: unknown[][],
  col: Partial<Record<FactorColumn, number>>,
): { factors: RiskFactor[]; problems: string[] } {
  const problems: string[] = [];
  if (col.id === undefined || col.name === undefined) {
    problems.push(FACTOR_SHEET_MESSAGES.noIdOrNameColumn(FACTOR_SHEET_NAME, FACTOR_SHEET_HEADER[0], FACTOR_SHEET_HEADER[1]));
    return { factors: DEFAULT_RISK_FACTORS.map((f) => ({ ...f })), problems };
  }
  const factors: RiskFactor[] = [];
  const seen = new Set<string>();
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const sheetRow = r + 1;
    const id = normalizeFactorId(row[col.id]);
    const name = tidyText(row[col.name]);
    const activeCell = col.active === undefined ? '' : row[col.active];
    if (!id && !name && normalizeText(activeCell) === '') continue;
    if (!id) {
      problems.push(FACTOR_SHEET_MESSAGES.noId(FACTOR_SHEET_NAME, sheetRow, name));
      continue;
    }
    if (!name) {
      problems.push(FACTOR_SHEET_MESSAGES.noName(FACTOR_SHEET_NAME, sheetRow, id));
      continue;
    }
    if (seen.has(id)) {
      problems.push(FACTOR_SHEET_MESSAGES.repeatedId(FACTOR_SHEET_NAME, sheetRow, id));
      continue;
    }
    seen.add(id);
    let active = parseActive(activeCell);
    if (active === undefined) {
      problems.push(FACTOR_SHEET_MESSAGES.badActive(FACTOR_SHEET_NAME, sheetRow, String(activeCell).trim()));
      active = true;
    }
    const factor: RiskFactor = { id, name, active: active ?? true };
    // A sheet without the action columns (an older or hand-made one) keeps the wording of docs/методика.md §5.
    if (SIGNIFICANCES.some((s) => col[s] !== undefined)) {
      const cellText = (s: Significance) => (col[s] === undefined ? '' : tidyText(row[col[s] as number]));
      factor.actions = Object.fromEntries(SIGNIFICANCES.map((s) => [s, cellText(s) || SIGNIFICANCE_ACTIONS[s]])) as Record<
        Significance,
        string
      >;
    }
    factors.push(factor);
  }
  return { factors, problems };
}
