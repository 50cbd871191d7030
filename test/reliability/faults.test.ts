import { beforeAll, describe, expect, it } from 'vitest';
import { InputWatch, runFaults, type FaultsResult } from '../support/reliabilitySuites';

// A 12-school region with a previous complete output; one more form response arrives, then
// «Рассчитать всё» runs with the k-th spreadsheet write failing, for every k of the run.
describe('a Sheets failure at every write of a compute run', () => {
  const watch = new InputWatch();
  let result: FaultsResult;
  beforeAll(() => {
    result = runFaults(watch);
  }, 600_000);

  it('injects a fault at every one of the run’s writes', () => {
    expect(result.writesPerRun).toBeGreaterThan(0);
    expect(result.faults).toHaveLength(result.writesPerRun);
    expect(result.faultsInjected).toBe(result.writesPerRun);
  });

  it('when the run fails, every output sheet stays byte for byte as it was, with a Russian alert and no drafts', () => {
    const failed = result.faults.filter((f) => !f.reportedSuccess && !f.intact);
    expect(failed.map((f) => `запись ${f.k}: ${f.failures.join('; ')}`)).toEqual([]);
  });

  it('leaves no temporary sheet behind, whichever write fails (also after the commit point)', () => {
    const leftovers = result.faults.filter((f) => f.failures.some((x) => x.startsWith('остались временные листы')));
    expect(leftovers.map((f) => `запись ${f.k}: ${f.failures.join('; ')}`)).toEqual([]);
  });

  it('keeps the outputs intact after every fault', () => {
    expect(result.outputsIntactAfterFault).toBe(result.faultsInjected);
  });

  it('never changes the input sheets', () => {
    expect(watch.changed).toEqual([]);
  });
});
