import { beforeAll, describe, expect, it } from 'vitest';
import { INJECTION_PAYLOADS, InputWatch, runInjections, type InjectionsResult } from '../support/reliabilitySuites';

describe('formula and HTML injection through the data', () => {
  const watch = new InputWatch();
  let result: InjectionsResult;
  beforeAll(() => {
    result = runInjections(watch);
  });

  it('tries every payload in names, municipalities, codes, procedure names and «Риски» headers', () => {
    // 10 payloads × (name, municipality, code of a school + a procedure + a «Риски» header) = 50.
    expect(INJECTION_PAYLOADS.length).toBe(10);
    expect(result.injectionsTried).toBe(50);
  });

  it.each(INJECTION_PAYLOADS.map((p) => [p]))('writes %s as plain text wherever it appears, never as a formula', (payload) => {
    const failures = result.injections.filter((i) => i.payload === payload).flatMap((i) => i.failures.map((f) => `${i.field}: ${f}`));
    expect(failures).toEqual([]);
  });

  it('neutralises every injection it tried', () => {
    expect(result.injectionsNeutralised).toBe(result.injectionsTried);
  });

  it('leaves the input sheets untouched', () => {
    expect(watch.changed).toEqual([]);
    expect(watch.checks).toBeGreaterThan(0);
  });
});
