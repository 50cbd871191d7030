/**
 * How text typed by people into cells is compared and tidied: the one normalisation the readers of
 * the editable sheets («Факторы риска», «Каталог мер», roadmaps, «Показатели») share (their headers are matched
 * by src/sheets/input/matcher.ts).
 */

/** The cell as text: '' for an empty cell, runs of spaces (any kind) made one space, no blanks at the ends. */
export function tidyText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/\s+/g, ' ').trim();
}

/** Lower case with ё read as е: how Russian words are compared wherever they come from (cells, headers, searches). */
export function foldCase(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е');
}

/** Lower case, ё → е, single spaces, no surrounding blanks: how people's cell text is compared with known words. */
export function normalizeText(value: unknown): string {
  return tidyText(value === null || value === undefined ? value : foldCase(String(value)));
}

/**
 * The Russian plural form for a count: plural(1, 'участник', 'участника', 'участников') = 'участник', 3 → 'участника',
 * 8, 11 or 14 → 'участников', 21 → 'участник'. A fractional count takes the last form.
 */
export function plural(n: number, one: string, few: string, many: string): string {
  const mod100 = Math.abs(n) % 100;
  const mod10 = mod100 % 10;
  if (!Number.isInteger(n) || (mod100 >= 11 && mod100 <= 14)) return many;
  if (mod10 === 1) return one;
  if (mod10 >= 2 && mod10 <= 4) return few;
  return many;
}
