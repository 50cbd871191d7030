/**
 * A sidebar compute run does not redo the work of its steps: asked to use its time, a step goes on to the
 * next part while time is left, the inputs are read once per call, and the counts of the run's summary are
 * kept by the first step instead of being computed again by the swap. On the twin's clock (which the
 * add-in sees here), the whole sidebar run costs at most 1.5 × the menu's «Рассчитать всё», for 50 and
 * 2 000 schools alike, also when Sheets is slow enough that the run takes several calls.
 */
import { describe, expect, it } from 'vitest';
import { generateRegion } from '../../scripts/lib/syntheticRegion';
import { seedTwin } from '../support/reliabilitySuites';

const SIZES = [50, 2000];

function costs(schools: number, perCallMs: number): { menuMs: number; sidebarMs: number; calls: number } {
  const region = generateRegion({ schools, seed: 2025 });
  const options = { twin: { costs: { perCallMs } }, load: { dateFollowsClock: true } };
  const menu = seedTwin(region, options);
  menu.addon.call('menuComputeAll');
  const menuMs = menu.twin.lastExecution!.elapsedMs;

  const h = seedTwin(region, options);
  const ticket = h.addon.run('sidebarStartRun', 'compute', {});
  let sidebarMs = h.twin.lastExecution!.elapsedMs;
  let calls = 0;
  let step;
  do {
    step = h.addon.run('sidebarRunStep', ticket.runId, { useTimeLeft: true });
    sidebarMs += h.twin.lastExecution!.elapsedMs;
    calls++;
  } while (!step.finished);
  return { menuMs, sidebarMs, calls };
}

describe('sidebar steps do not redo the work', () => {
  for (const schools of SIZES) {
    it(`${schools} schools: the sidebar compute run costs at most 1.5 × the menu run, fast or slow Sheets`, () => {
      const fast = costs(schools, 5);
      expect(fast.calls).toBe(1);
      expect(fast.sidebarMs).toBeLessThanOrEqual(1.5 * fast.menuMs);
      // 400 ms per call: the run no longer fits one 150-second budget and takes several calls.
      const slow = costs(schools, 400);
      expect(slow.calls).toBeGreaterThan(1);
      expect(slow.sidebarMs).toBeLessThanOrEqual(1.5 * slow.menuMs);
    });
  }
});
