import { ValueError } from './errors';
import { matchHeaderColumns, normalizeText, tidyText } from './text';
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
  throw new ValueError(`значимость не распознана: «${String(value).trim()}» (ожидается «высокая», «средняя» или «низкая»)`);
}

const YES = new Set(['да', 'д', 'yes', 'y', 'true', 'истина', '1', '+', 'используется']);
const NO = new Set(['нет', 'н', 'no', 'n', 'false', 'ложь', '0', '-', '—', 'не используется']);

/** «да»/«нет» (and checkboxes) → boolean; empty → null; unknown → undefined. */
function parseYesNo(value: unknown): boolean | null | undefined {
  if (typeof value === 'boolean') return value;
  const text = normalizeText(value).replace(/\.+$/, '');
  if (text === '') return null;
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  return undefined;
}

/** Which header cell holds which field: the first cell whose normalised text passes the test. */
type FactorColumn = 'id' | 'name' | 'active' | Significance;
const FACTOR_COLUMNS: ReadonlyArray<{ key: FactorColumn; matches: (h: string) => boolean }> = [
  { key: 'id', matches: (h) => h === 'id' || h === 'ид' || h.startsWith('код') || h === '№' },
  { key: 'active', matches: (h) => h.startsWith('использ') || h.startsWith('активн') },
  { key: 'высокая', matches: (h) => h.startsWith('действ') && h.includes('высок') },
  { key: 'средняя', matches: (h) => h.startsWith('действ') && h.includes('средн') },
  { key: 'низкая', matches: (h) => h.startsWith('действ') && h.includes('низк') },
  { key: 'name', matches: (h) => h.includes('фактор') || h.startsWith('наимен') || h.startsWith('назван') },
];

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
 * Reads the edited sheet «Факторы риска» (docs/методика.md §5), rows[0] being its header, columns
 * found by their titles. A region may rename factors, add rows with new ids and retire
 * factors with «нет»; an empty «Используется» means yes. A row without an id or a name, or
 * with a repeated id, is skipped with a problem naming its row. When no ID or name column is
 * found, the defaults are returned with a problem, so the rest of the work can go on.
 */
export function factorsFromSheet(rows: unknown[][]): { factors: RiskFactor[]; problems: string[] } {
  const problems: string[] = [];
  const col = matchHeaderColumns(rows[0] ?? [], FACTOR_COLUMNS);
  if (col.id === undefined || col.name === undefined) {
    problems.push(
      `Лист «${FACTOR_SHEET_NAME}»: в первой строке не найдены столбцы «${FACTOR_SHEET_HEADER[0]}» и «${FACTOR_SHEET_HEADER[1]}»; ` +
        'используются факторы по умолчанию.',
    );
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
      problems.push(`Лист «${FACTOR_SHEET_NAME}», строка ${sheetRow}: не заполнен ID фактора «${name}»; строка пропущена.`);
      continue;
    }
    if (!name) {
      problems.push(`Лист «${FACTOR_SHEET_NAME}», строка ${sheetRow}: у фактора ${id} нет названия; строка пропущена.`);
      continue;
    }
    if (seen.has(id)) {
      problems.push(`Лист «${FACTOR_SHEET_NAME}», строка ${sheetRow}: ID ${id} уже встречался выше; строка пропущена.`);
      continue;
    }
    seen.add(id);
    let active = parseYesNo(activeCell);
    if (active === undefined) {
      problems.push(
        `Лист «${FACTOR_SHEET_NAME}», строка ${sheetRow}: в столбце «Используется» значение «${String(activeCell).trim()}» ` +
          'не распознано (нужно «да» или «нет»); фактор считается используемым.',
      );
      active = true;
    }
    const factor: RiskFactor = { id, name, active: active ?? true };
    // A sheet without the action columns (an older or hand-made one) keeps the wording of docs/методика.md §5.
    if (SIGNIFICANCES.some((s) => col[s] !== undefined)) {
      const cellText = (s: Significance) => (col[s] === undefined ? '' : tidyText(row[col[s] as number]));
      factor.actions = Object.fromEntries(SIGNIFICANCES.map((s) => [s, cellText(s) || SIGNIFICANCE_ACTIONS[s]])) as Record<Significance, string>;
    }
    factors.push(factor);
  }
  return { factors, problems };
}
