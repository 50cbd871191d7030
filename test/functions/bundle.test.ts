import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import vm from 'node:vm';
import { build } from 'esbuild';
import { customFunctionDeclarations } from '../../src/functions/signatures';

// The custom functions as Apps Script runs them: bundled by esbuild as an IIFE under the global
// App_ (the options of scripts/build.mjs), followed by the generated declarations, evaluated in a bare
// V8 context without Node's globals. Only the functions layer is bundled here, so this test does
// not depend on the rest of the add-on being complete; the full build is tested in integration.
const root = path.resolve(__dirname, '../..');
let context: vm.Context;

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [path.join(root, 'src/functions/customFunctions.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'App_',
    target: 'es2020',
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
  });
  const entry = customFunctionDeclarations();
  context = vm.createContext({});
  vm.runInContext(bundle.outputFiles[0].text + '\n' + entry, context);
});

function call(expression: string): unknown {
  return JSON.parse(JSON.stringify(vm.runInContext(expression, context)));
}

describe('custom functions bundled like build/Code.js', () => {
  it('computes through the top-level declarations Sheets calls', () => {
    // 65 + 15·0,4 + 20·0,8 − 15·0,2 − 35·0,1 − 15·0,05 = 79,75 → 79,8
    expect(call('ISBSH(0.4, 0.8, 0.2, 0.1, 0.05)')).toBe(79.8);
    // 45 % and 33 % ≥ 30 % in Y → ШНОР, max 45 % → умеренно
    expect(call('FIOKO_CLUSTER([[0.45, "33%"], ["", ""]], [[0.2, 0.1], ["", ""]])')).toEqual([['умеренно неуспевающие'], ['']]);
  });

  it('throws a plain Error with the Russian reason for a bad single value', () => {
    let message = '';
    try {
      vm.runInContext('ISBSH(0.4, "много", 0.2, 0.1, 0.05)', context);
    } catch (e) {
      message = `${(e as Error).name}: ${(e as Error).message}`;
    }
    expect(message).toBe('Error: comfortable_housing: не число: «много»');
  });

  it('recognises a date created in the script realm', () => {
    expect(() => vm.runInContext('RESULT_DYNAMICS(new Date(2024, 8, 1), 0.1)', context)).toThrow(
      'previous_share: дата там, где ожидается число или доля',
    );
  });
});
