/**
 * Russian texts of the values core reads (years, shares, codes, names, plausibility): they reach the
 * data check through the sheets layer, which adds sheet, row and column.
 */

export const YEAR_MESSAGES = {
  badYear: (value: string) => `год не распознан: «${value}» (ожидается, например, 2024 или 2023/24)`,
  yearOutOfRange: (value: string) => `год вне диапазона 2000–2100: «${value}»`,
} as const;

export const SHARE_MESSAGES = {
  negative: (value: string) => `отрицательное значение: «${value}»`,
  above100: (value: string) => `доля больше 100 %: «${value}»`,
  ambiguous: (value: string, asPercent: string) =>
    `неясно, «${value}» — это ${value} % или ${asPercent} %: в столбце есть и проценты, и доли; запишите значение со знаком «%»`,
} as const;
