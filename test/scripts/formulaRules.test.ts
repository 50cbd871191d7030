import { describe, expect, it } from 'vitest';
import { formulaHolds, parseFormula } from '../../scripts/lib/formulaRules';

const TZ = 'Europe/Moscow';

/** A 3-row sheet: B = deadline, C = status (row 1 is the header). */
const cells: Record<string, string | number | Date | null> = {
  B2: new Date(Date.UTC(2025, 8, 30, 9)),
  C2: 'в работе',
  B3: new Date(Date.UTC(2025, 8, 30, 9)),
  C3: 'выполнено',
  B4: null,
  C4: 'не начато',
  F2: 3,
  F3: 0,
};
const cell = (row: number, column: number) => cells[`${String.fromCharCode(64 + column)}${row}`] ?? null;
const ctx = { cell, today: new Date(Date.UTC(2025, 9, 1, 9)), timeZone: TZ };
const OVERDUE = '=AND($B2<>"";$B2<TODAY();$C2<>"выполнено";$C2<>"отменено")';

describe('formulaHolds: custom-formula rules, relative to the rule’s first cell', () => {
  it('flags a row past its deadline that is not done, as the roadmap rule means', () => {
    const origin = { row: 2, column: 1 };
    // 30.09.2025 < 01.10.2025 and «в работе»: overdue.
    expect(formulaHolds(OVERDUE, { row: 2, column: 1 }, origin, ctx)).toBe(true);
    // Same deadline but «выполнено»: not overdue.
    expect(formulaHolds(OVERDUE, { row: 3, column: 3 }, origin, ctx)).toBe(false);
    // No deadline: not overdue.
    expect(formulaHolds(OVERDUE, { row: 4, column: 2 }, origin, ctx)).toBe(false);
  });

  it('compares text case-insensitively and numbers by value', () => {
    expect(formulaHolds('=$C2="В РАБОТЕ"', { row: 2, column: 1 }, { row: 2, column: 1 }, ctx)).toBe(true);
    expect(formulaHolds('=$F2>0', { row: 2, column: 1 }, { row: 2, column: 1 }, ctx)).toBe(true);
    expect(formulaHolds('=$F2>0', { row: 3, column: 1 }, { row: 2, column: 1 }, ctx)).toBe(false);
    expect(formulaHolds('=OR(NOT($F3>0);ISBLANK($B4))', { row: 2, column: 1 }, { row: 2, column: 1 }, ctx)).toBe(true);
  });

  it('refuses what it cannot evaluate rather than guessing', () => {
    expect(() => parseFormula('=VLOOKUP($A2;Лист2!A:B;2;0)')).toThrow();
    expect(() => parseFormula('=$A2=')).toThrow();
  });
});
