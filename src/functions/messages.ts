/**
 * Every word the custom functions show in a cell: results and error texts.
 * Kept in one place so a reviewer can read them together (docs/architecture.md, Conventions).
 */
import { quoteValue } from '../core/numbers';
import { plural } from '../core/text';

/** Prefix of a row that could not be computed inside a range call. */
export const ERROR_PREFIX = '#ОШИБКА: ';

/** ISBSH_ZONE results. */
export const ZONE_YES = 'да';
export const ZONE_NO = 'нет';
/** ISBSH_LEVEL and ISBSH_ZONE for a school without an index. */
export const NO_ISBSH = 'нет ИСБШ';

/** «строка / строки / строк» for a count. */
export function rowsWord(n: number): string {
  return plural(n, 'строка', 'строки', 'строк');
}

export const MSG = {
  differentHeights: (parts: { name: string; height: number }[]): string =>
    'Диапазоны разной высоты: ' + parts.map((p) => `${p.name} — ${p.height} ${rowsWord(p.height)}`).join(', ') + '.',
  oneColumnExpected: (name: string, width: number): string =>
    `${name}: ожидается один столбец (по одному значению на строку), а в диапазоне ${width} ${plural(width, 'столбец', 'столбца', 'столбцов')}.`,
  differentWidths: (a: string, aWidth: number, b: string, bWidth: number): string =>
    `${a} и ${b}: разное число столбцов (${aWidth} и ${bWidth}); столбцы — одни и те же процедуры в одном порядке.`,
  lineExpected: 'ожидается одна строка или один столбец.',
  singleValueExpected: (name: string): string => `${name}: ожидается одно значение, а не диапазон.`,
  argument: (name: string, reason: string): string => `${name}: ${reason}`,
  dateNotAllowed: 'дата там, где ожидается число или доля',
  booleanNotAllowed: (v: boolean): string => `логическое значение ${quoteValue(v)} там, где ожидается число или доля`,
  textExpected: (v: unknown): string => `ожидается текст, а получено «${quoteValue(v)}»`,
  missingIsbshInputs: (labels: string[]): string => `ИСБШ не рассчитан: нет значения — ${labels.join(', ')}.`,
  boundsCount: (n: number): string => `boundaries: нужно 4 или 5 границ уровней ИСБШ, а указано ${n}.`,
  boundEmpty: (k: number): string => `boundaries: граница № ${k} пуста.`,
  boundsNotAscending: (k: number): string => `boundaries: граница № ${k} должна быть больше предыдущей.`,
  isbshOutOfRange: (v: unknown): string => `ИСБШ должен быть от 0 до 100, а получено «${quoteValue(v)}»`,
  totalMissing: 'total: не указано, сколько всего обучающихся (без этого количества нельзя перевести в доли).',
  totalZero: 'total: всего обучающихся 0 — доли не вычислить.',
  zeroShare: 'нужна доля больше 0\u00A0%',
  procedureNamesCount: (names: number, columns: number): string =>
    `procedure_names: названий процедур ${names}, а столбцов с долями ${columns}; нужно по одному названию на столбец.`,
  procedureNameDuplicate: (name: string): string => `procedure_names: процедура «${name}» указана дважды.`,
  defaultProcedureName: (k: number): string => `процедура ${k}`,
  noGroup: 'groups: не указан муниципалитет (группа) для школы с ИСБШ.',
  zoneSmallGroup: (minGroup: number): string =>
    `${ZONE_NO} (в группе меньше ${minGroup} ${plural(minGroup, 'школы', 'школ', 'школ')} с ИСБШ — зона риска не определяется)`,
  zoneBoundary: `${ZONE_NO} (на границе зоны риска: равные значения ИСБШ не помещаются в долю зоны целиком)`,
  unknownCluster: (v: string, known: readonly string[]): string =>
    `неизвестное значение «${v}»; ожидается одно из: ${known.map((k) => `«${k}»`).join(', ')}`,
} as const;
