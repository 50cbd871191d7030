import { describe, expect, it } from 'vitest';
import { MAX_EXECUTION_MS } from '../../emulator/index';
import { generateRegion } from '../../scripts/lib/syntheticRegion';
import { InputWatch, seedTwin, sheetsServiceCalls, startSidebarRun } from '../../scripts/lib/reliabilitySuites';

// Synthetic regions: two years × nine procedures (scripts/lib/syntheticRegion.ts). Nothing is timed here:
// the twin counts every service call, and its clock charges a fixed cost per call and per cell.
const SIZES = [50, 2000];

/**
 * Sheets refuses a range past a sheet's grid, so a table longer than a new sheet's 1000 rows first grows the grid:
 * one `insertRowsAfter` (or `insertColumnsAfter`) per output sheet, whatever the number of schools beyond that.
 */
const GROW = /^Sheet\.insert(Rows|Columns)After$/;

function withoutGrowth(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).filter(([method]) => !GROW.test(method)));
}

function growthCalls(record: Record<string, number>): number {
  return Object.entries(record).reduce((n, [method, count]) => n + (GROW.test(method) ? count : 0), 0);
}

describe('service calls do not grow with the number of schools (issue 10)', () => {
  it('makes the same Sheets calls, method by method, in a full «Рассчитать всё» for 50 and 2 000 schools', () => {
    const runs = SIZES.map((schools) => {
      const h = seedTwin(generateRegion({ schools, seed: 2025 }));
      h.addon.call('menuComputeAll');
      expect(h.twin.ui.alerts.at(-1)?.message).toMatch(new RegExp(`^Расчёт за 2025 год завершён\\. Школ: ${schools};`));
      const byMethod = h.twin.callRecord();
      return { sheets: sheetsServiceCalls(h.twin) - growthCalls(byMethod), byMethod: withoutGrowth(byMethod), growth: growthCalls(byMethod) };
    });
    expect(runs[0].sheets).toBeGreaterThan(0);
    expect(runs[1].sheets).toBe(runs[0].sheets);
    expect(runs[1].byMethod).toEqual(runs[0].byMethod);
    // «ИСБШ» (its chart), «ШНОР» and «Риск-профили» are wider than 26 columns at any size; with 2 000 schools
    // they are also longer than 1000 rows: one more call each.
    expect(runs[0].growth).toBe(3);
    expect(runs[1].growth).toBe(6);
  });

  it('makes the same calls in every sidebar step of a compute run for 50 and 2 000 schools, each step well inside 6 minutes', () => {
    const perStep = SIZES.map((schools) => {
      const watch = new InputWatch();
      const h = seedTwin(generateRegion({ schools, seed: 2025 }), { twin: { enforceTimeLimit: true } });
      const ticket = startSidebarRun(watch, h, 'compute');
      const calls: number[] = [];
      const times: number[] = [];
      let finished = false;
      for (let i = 0; i < ticket.steps.length; i++) {
        const before = growthCalls(h.twin.callRecord());
        const step = watch.run(h, 'sidebarRunStep', ticket.runId);
        expect(step.error).toBeUndefined();
        finished = step.value.finished;
        calls.push(h.twin.lastExecution!.calls - (growthCalls(h.twin.callRecord()) - before));
        times.push(h.twin.lastExecution!.elapsedMs);
      }
      expect(finished).toBe(true);
      return { calls, times };
    });
    expect(perStep[1].calls).toEqual(perStep[0].calls);
    // "Well inside": under half of Apps Script's 6-minute execution limit on the twin's clock.
    for (const t of perStep[1].times) expect(t).toBeLessThan(MAX_EXECUTION_MS / 2);
  });
});
