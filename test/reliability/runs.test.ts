import { describe, expect, it } from 'vitest';
import { InputWatch, runConcurrency, runInterrupted, runRerun } from '../support/reliabilitySuites';

describe('two runs at once, a re-run and an interrupted sidebar run', () => {
  it('refuses a second run in Russian while another holds the document lock or a sidebar run is live, changing nothing', () => {
    const watch = new InputWatch();
    const result = runConcurrency(watch);
    // Four menu actions and the sidebar's start under a held lock, then two starts during a live sidebar run.
    expect(result.cases).toHaveLength(7);
    expect(result.cases.filter((c) => !c.refused).map((c) => `${c.label}: ${c.failures.join('; ')}`)).toEqual([]);
    expect(result.concurrentRunsRefused).toBe(true);
    expect(watch.changed).toEqual([]);
  });

  it('gives the same sheets, values and number of charts when a menu action is run twice', () => {
    const watch = new InputWatch();
    const result = runRerun(watch);
    expect(result.checks.filter((c) => !c.identical).map((c) => `${c.label}: ${c.failures.join('; ')}`)).toEqual([]);
    expect(result.rerunIdentical).toBe(true);
    expect(watch.changed).toEqual([]);
  });

  it('finishes an interrupted sidebar run (continued, cancelled and restarted, restarted when stale, or restarted after a failed step) with the same result as an uninterrupted one', () => {
    const watch = new InputWatch();
    const result = runInterrupted(watch);
    // compute: 7 steps → cuts after 1..6; roadmaps for 3 ШНОР: references, one chunk, monitoring, protections → cuts after 1..3; four ways each.
    expect(result.outcomes).toHaveLength((6 + 3) * 4);
    expect(
      result.outcomes.filter((o) => !o.identical).map((o) => `${o.kind} после ${o.stepsDone} шагов, ${o.way}: ${o.failures.join('; ')}`),
    ).toEqual([]);
    expect(result.interruptedRunsIdentical).toBe(true);
    expect(watch.changed).toEqual([]);
  });
});
