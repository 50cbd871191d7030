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
  // 100 schools: a sheet with a row per school (1 header + 100 data rows × 10 columns) and a summary of 20 × 5 whose
  // 19 data rows do not follow the schools. For n schools the peak is 26 000 + (1 + n) × 10 + 100 = 26 110 + 10n.
  const perSchool = { draft: { rows: 101, columns: 10 }, dataRows: 100, live: null };
  const summary = { draft: { rows: 20, columns: 5 }, dataRows: 19, live: null };

  it('is the largest number whose peak fits, the per-school sheets cut to them', () => {
    // 26 110 + 10 × 57 = 26 680 ≤ 26 685 < 26 690.
    expect(schoolsThatFit(100, 26_685, [perSchool, summary])).toBe(57);
  });

  it('keeps an earlier run’s larger live sheet whole, since it does not shrink with fewer schools', () => {
    // The live sheet of 200 × 10 costs max(200, 1 + n) × 10 = 2 000 for any n < 200: 28 110 + 10n.
    const withLive = { ...perSchool, live: { rows: 200, columns: 10 } };
    expect(schoolsThatFit(100, 28_685, [withLive, summary])).toBe(57);
  });

  it('never says more schools than there are, nor fewer than none', () => {
    expect(schoolsThatFit(100, 10_000_000, [perSchool, summary])).toBe(100);
    expect(schoolsThatFit(100, 20_000, [perSchool, summary])).toBe(0);
  });
});
