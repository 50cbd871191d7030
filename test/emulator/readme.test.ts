import { readFileSync } from 'node:fs';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { createTwin, loadAddon } from '../../emulator/index';
import { ensureBuilt, responsesRows } from '../support/harness';
import { handRegion } from '../fixtures/region';

// emulator/README.md must stay true: its example is run here as written (only its import line is
// replaced by the real modules, and `rows` is a responses sheet of the fixture region).

describe('emulator/README.md', () => {
  it('runs its example against the built add-in', () => {
    ensureBuilt();
    const readme = readFileSync('emulator/README.md', 'utf8');
    const block = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeTruthy();
    const body = block!.replace(/^import .*$/m, '');
    const js = transformSync(body, { loader: 'ts' }).code;
    const rows = responsesRows(handRegion().schools);
    let twinSeen: ReturnType<typeof createTwin> | undefined;
    const spyCreate = (...args: Parameters<typeof createTwin>) => (twinSeen = createTwin(...args));
    new Function('createTwin', 'loadAddon', 'expect', 'rows', js)(spyCreate, loadAddon, expect, rows);
    // The example's one execution really computed something: «Рассчитать всё» wrote its sheets.
    expect(twinSeen!.sheetNames()).toContain('ИСБШ');
  });
});
