import { describe, expect, it } from 'vitest';
import { runPeakCells, schoolsThatFit } from '../../src/core/cellBudget';

describe('the peak of cells a run holds while it stages and swaps its outputs', () => {
  it('is one default 1000 × 26 grid when there is nothing to write', () => {
    expect(runPeakCells([])).toBe(26_000);
  });

  it('counts a new output once, at its own size', () => {
    // 26 000 + 100 × 10
    expect(runPeakCells([{ draft: { rows: 100, columns: 10 }, live: null }])).toBe(27_000);
  });

  it('counts an existing output twice more: the draft, and the backup with the live sheet grown to cover the draft', () => {
    // Live 50 × 12, draft 100 × 10: the draft 1 000; the backup of the live sheet 600 and the live sheet's growth to
    // 100 × 12 another 600 (its own 600 are already in the spreadsheet): 26 000 + 1 000 + 1 200.
    expect(runPeakCells([{ draft: { rows: 100, columns: 10 }, live: { rows: 50, columns: 12 } }])).toBe(28_200);
  });
});

describe('how many schools would fit', () => {
  it('scales the schools by the free cells over the needed ones, rounded down', () => {
    // 1 200 × 342 810 ÷ 355 010 = 1 158.77…
    expect(schoolsThatFit(1200, 342_810, 355_010)).toBe(1158);
  });

  it('never says more schools than there are, nor fewer than none', () => {
    expect(schoolsThatFit(10, 1_000, 100)).toBe(10);
    expect(schoolsThatFit(10, -5, 100)).toBe(0);
  });
});
