import { beforeAll, describe, expect, it } from 'vitest';
import { BAD_INPUT_CASES, InputWatch, runBadInputs, type BadInputsResult } from '../support/reliabilitySuites';

// Each case changes one value (or adds one row or column) in its own copy of a 16-school synthetic region
// and runs «Проверить данные» and «Рассчитать всё» in the built add-in (see test/support/reliabilitySuites.ts).
describe('bad and awkward input values', () => {
  const watch = new InputWatch();
  let result: BadInputsResult;
  beforeAll(() => {
    result = runBadInputs(watch);
  });

  it('tries at least 40 distinct bad values, each counted from a case actually run', () => {
    expect(BAD_INPUT_CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(BAD_INPUT_CASES.map((c) => c.id)).size).toBe(BAD_INPUT_CASES.length);
    expect(result.badInputs).toBe(BAD_INPUT_CASES.length);
  });

  it.each(BAD_INPUT_CASES.map((c) => [c.label, c.id]))(
    'handles %s: the run completes, «Проверка данных» names the row, the other schools keep their results',
    (_label, id) => {
      const outcome = result.cases.find((c) => c.id === id)!;
      expect(outcome.failures).toEqual([]);
      expect(outcome.handled).toBe(true);
    },
  );

  it('never changes the responses, «Результаты ОП» or «Риски» sheets', () => {
    // Two menu actions per case, three input sheets compared around each, plus the clean run.
    expect(watch.checks).toBeGreaterThanOrEqual(2 * 3 * BAD_INPUT_CASES.length);
    expect(watch.changed).toEqual([]);
  });
});
