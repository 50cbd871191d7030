/**
 * Russian texts of the values core reads (years, shares, codes, names, plausibility): they reach the
 * data check through the sheets layer, which adds sheet, row and column.
 */

/** The number readers (numbers.ts): numbers, shares, counts, yes/no answers and the territory type. */
export const NUMBER_MESSAGES = {
  notNumber: (q: string) => `не число: «${q}»`,
  percentNotNumber: (q: string) => `ожидалось число, а не процент: «${q}»`,
  negative: (q: string) => `отрицательное значение: «${q}»`,
  shareAbove100: (q: string) => `доля больше 100 %: «${q}»`,
  percentInCount: (q: string) => `в столбце количества указан процент: «${q}»`,
  countNotInteger: (q: string) => `количество должно быть целым: «${q}»`,
  countAboveTotal: (total: string, count: string) => `больше, чем всего обучающихся (${total}): ${count}`,
  notYesNo: (q: string) => `ожидалось «да» или «нет»: «${q}»`,
  notTerritory: (q: string) => `ожидалось «город» или «село»: «${q}»`,
  partly: (q: string) => `ответ «${q}»: это «да» или «нет»? Уточните у школы`,
} as const;

/** Years of assessments (years.ts). */
export const YEAR_MESSAGES = {
  badYear: (value: string) => `год не распознан: «${value}» (ожидается, например, 2024 или 2023/24)`,
  yearOutOfRange: (value: string) => `год вне диапазона 2000–2100: «${value}»`,
} as const;

/** Shares read as a column (shareColumn.ts): the negative and above-100 texts are the number readers' own. */
export const SHARE_MESSAGES = {
  negative: NUMBER_MESSAGES.negative,
  above100: NUMBER_MESSAGES.shareAbove100,
  ambiguous: (value: string, asPercent: string) =>
    `неясно, «${value}» — это ${value} % или ${asPercent} %: в столбце есть и проценты, и доли; запишите значение со знаком «%»`,
} as const;

/** ИСБШ over the five shares (isbsh.ts); `label` is the input's name as the form asks it, `shown` the share as a percent. */
export const ISBSH_MESSAGES = {
  shareOutOfRange: (label: string, shown: string) => `доля вне диапазона от 0 до 100 %: «${label}» = ${shown}`,
} as const;
