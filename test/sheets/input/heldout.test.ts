import { describe, expect, it } from 'vitest';
import { RESPONSES_SCHEMA } from '../../../src/sheets/fields';
import { bestFieldForHeader } from '../../../src/sheets/input/matcher';
import { titleKey } from '../../../src/sheets/input/matcher';
import type { InputSchema } from '../../../src/sheets/input/schema';
import { RESULTS_SCHEMA } from '../../../src/sheets/readResults';
import { HELD_OUT_HEADERS } from '../../fixtures/headers-heldout';

const SCHEMAS: Record<string, InputSchema> = { responses: RESPONSES_SCHEMA, results: RESULTS_SCHEMA as InputSchema };

describe('held-out headers (never used to tune the matcher)', () => {
  it('holds at least 60 headers, none of them in the corpus', () => {
    expect(HELD_OUT_HEADERS.length).toBeGreaterThanOrEqual(60);
    for (const { table, header } of HELD_OUT_HEADERS) {
      const corpus = SCHEMAS[table].fields.flatMap((f) => [f.title, ...f.variants]).map(titleKey);
      expect(corpus, header).not.toContain(titleKey(header));
    }
  });

  it('maps at least 95 % of them to their field, and none to a wrong field', () => {
    const outcome = HELD_OUT_HEADERS.map(({ table, header, field }) => {
      const r = bestFieldForHeader(SCHEMAS[table], header);
      return { header, field, got: r.field, ambiguous: r.ambiguous };
    });
    const right = outcome.filter((o) => o.got === o.field);
    const wrong = outcome.filter((o) => o.got !== null && o.got !== o.field);
    const open = outcome.filter((o) => o.got === null);
    const accuracy = right.length / outcome.length;
    // The figure the report quotes: printed on every run.
    console.log(
      `held-out header accuracy: ${right.length}/${outcome.length} = ${(accuracy * 100).toFixed(1)} %; wrong: ${wrong.length}; ` +
        `unmapped or ambiguous: ${open.map((o) => `«${o.header}»${o.ambiguous.length ? ` (${o.ambiguous.join(' / ')})` : ''}`).join(', ') || 'none'}`,
    );
    expect(wrong.map((o) => `«${o.header}» → ${o.got} (expected ${o.field})`)).toEqual([]);
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
  });
});
