import { HyperFormula } from 'hyperformula';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isOverdue, type RoadmapRow } from '../../src/core/roadmap';
import { overdueFormula } from '../../src/sheets/roadmapLayout';

// The overdue rule of docs/методика.md §6 exists once (OVERDUE_CONDITIONS); the roadmap sheet's
// highlighting formula is generated from it. Here that formula runs in a real formula engine
// (HyperFormula, in the en_US form rule formulas are stored in) on hand-made rows and must say what
// isOverdue says, and what the rule says worked out by hand.

const TODAY = new Date(Date.UTC(2025, 9, 15, 12)); // 15.10.2025, noon: the same day in UTC and in Moscow
const day = (d: number, m: number) => new Date(Date.UTC(2025, m - 1, d, 6));
/** Sheets' (and HyperFormula's) serial day number of a date: days since 30.12.1899. */
const serial = (date: Date) =>
  Math.round((Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) - Date.UTC(1899, 11, 30)) / 86_400_000);

// [deadline, status, overdue worked out by hand with today = 15.10.2025]
const CASES: Array<[Date | null, string, boolean]> = [
  [day(14, 10), 'в работе', true], // the day before today, not closed
  [day(15, 10), 'в работе', false], // the deadline day itself: not overdue yet
  [day(16, 10), 'не начато', false], // tomorrow
  [day(1, 9), 'не начато', true], // a month and a half ago
  [day(14, 10), 'выполнено', false], // closed
  [day(14, 10), 'отменено', false], // closed
  [day(14, 10), 'ВЫПОЛНЕНО', false], // closed, whatever the case
  [null, 'не начато', false], // no deadline: never overdue
];

let hf: HyperFormula;

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(TODAY);
  const rows = CASES.map(([deadline, status], i) => [
    deadline ? serial(deadline) : null,
    status,
    overdueFormula(`$A${i + 1}`, `$B${i + 1}`),
  ]);
  hf = HyperFormula.buildFromArray(rows, { licenseKey: 'gpl-v3' });
});

afterAll(() => {
  hf.destroy();
  vi.useRealTimers();
});

describe('the overdue highlighting formula', () => {
  it('is the rule written as a Sheets formula for the row', () => {
    expect(overdueFormula('$E9', '$I9')).toBe('=AND($E9<>"",$E9<TODAY(),$I9<>"выполнено",$I9<>"отменено")');
  });

  it.each(CASES.map((c, i) => [i + 1, ...c] as const))(
    'row %i (deadline %s, «%s»): overdue = %s in the engine and in isOverdue',
    (row, deadline, status, expected) => {
      const value = hf.getCellValue({ sheet: 0, row: row - 1, col: 2 });
      expect(value).toBe(expected);
      const roadmapRow = { deadline, status } as unknown as RoadmapRow;
      expect(isOverdue(roadmapRow, TODAY, 'Europe/Moscow')).toBe(expected);
    },
  );
});
