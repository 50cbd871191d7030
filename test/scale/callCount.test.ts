import { describe, expect, it } from 'vitest';
import { MAX_EXECUTION_MS } from '../../emulator/index';
import { generateRegion } from '../../scripts/lib/syntheticRegion';
import { InputWatch, seedTwin, sheetsServiceCalls, startSidebarRun } from '../support/reliabilitySuites';

// Synthetic regions: two years × nine procedures (scripts/lib/syntheticRegion.ts). Nothing is timed here:
// the twin counts every service call, and its clock charges a fixed cost per call and per cell.
const SIZES = [50, 2000];

/**
 * Each new output sheet's grid is sized to what it holds with one call per dimension: `insertRowsAfter` when the table is
 * longer than the default 1000 rows, `deleteRows` when shorter (likewise for columns). Which of the two depends on the
 * size; how many calls does not, so the two are counted as one «resize» per dimension.
 */
const RESIZE: Record<string, string> = {
  'Sheet.insertRowsAfter': 'resize rows',
  'Sheet.deleteRows': 'resize rows',
  'Sheet.insertColumnsAfter': 'resize columns',
  'Sheet.deleteColumns': 'resize columns',
};

function merged(record: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [method, count] of Object.entries(record)) out[RESIZE[method] ?? method] = (out[RESIZE[method] ?? method] ?? 0) + count;
  return out;
}

describe('service calls do not grow with the number of schools', () => {
  it('makes the same Sheets calls, method by method, in a full «Рассчитать всё» for 50 and 2 000 schools', () => {
    const runs = SIZES.map((schools) => {
      const h = seedTwin(generateRegion({ schools, seed: 2025 }));
      h.addon.call('menuComputeAll');
      expect(h.twin.ui.alerts.at(-1)?.message).toMatch(new RegExp(`^Расчёт за 2025 год завершён\\. Школ: ${schools};`));
      return { sheets: sheetsServiceCalls(h.twin), byMethod: merged(h.twin.callRecord()) };
    });
    expect(runs[0].sheets).toBeGreaterThan(0);
    expect(runs[1].sheets).toBe(runs[0].sheets);
    expect(runs[1].byMethod).toEqual(runs[0].byMethod);
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
        const step = watch.run(h, 'sidebarRunStep', ticket.runId);
        expect(step.error).toBeUndefined();
        finished = step.value.finished;
        calls.push(h.twin.lastExecution!.calls);
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

/**
 * On the real platform a read that follows a write commits the queued writes first: a server round trip (the twin's
 * cost model, emulator/costModel.ts). Reading everything an execution needs before its first write, and keeping the
 * sheet map and grid sizes locally, keeps these few and independent of the number of schools.
 */
const MAX_ROUND_TRIPS = 10;

describe('round trips do not grow with the number of schools', () => {
  it.each(SIZES)(
    'a full «Рассчитать всё», first and again in place, and a roadmap step of up to 20 schools each make at most 10 flushing round trips (%i schools)',
    (schools) => {
      const watch = new InputWatch();
      const h = seedTwin(generateRegion({ schools, seed: 2025 }));
      h.addon.call('menuComputeAll');
      expect(h.twin.ui.alerts.at(-1)?.message).toMatch(/^Расчёт за 2025 год завершён/);
      const first = h.twin.lastExecution!.roundTrips;
      h.addon.call('menuComputeAll');
      expect(h.twin.ui.alerts.at(-1)?.message).toMatch(/^Расчёт за 2025 год завершён/);
      const again = h.twin.lastExecution!.roundTrips;
      const ticket = startSidebarRun(watch, h, 'roadmaps');
      // The reference sheets, then the first roadmap step: 20 schools at 2 000 schools, all 6 ШНОР at 50.
      expect(ticket.steps[1]).toMatch(schools === 50 ? /^Дорожные карты: школы 1–6 из 6$/ : /^Дорожные карты: школы 1–20 из \d+$/);
      for (let i = 0; i < 2; i++) expect(watch.run(h, 'sidebarRunStep', ticket.runId).error).toBeUndefined();
      const roadmapStep = h.twin.lastExecution!.roundTrips;
      expect(first).toBeLessThanOrEqual(MAX_ROUND_TRIPS);
      expect(again).toBeLessThanOrEqual(MAX_ROUND_TRIPS);
      expect(roadmapStep).toBeLessThanOrEqual(MAX_ROUND_TRIPS);
    },
    240_000,
  );
});
