import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';
import * as customFunctions from '../../src/functions/customFunctions';
import { CUSTOM_FUNCTION_NAMES, CUSTOM_FUNCTION_SIGNATURES, customFunctionDeclarations } from '../../src/functions/signatures';
import { ensureBuilt } from '../support/harness';

// scripts/build.mjs appends customFunctionDeclarations() to build/Code.js: Sheets sees only its
// top-level declarations and reads the JSDoc directly above each for autocomplete. The help and
// the parameters come from one definition (src/functions/signatures.ts); these tests fail when
// that definition and the TypeScript functions of src/functions/customFunctions.ts disagree.
const entryText = customFunctionDeclarations();
const source = ts.createSourceFile('customFunctions.js', entryText, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
const declarations = new Map(source.statements.filter(ts.isFunctionDeclaration).map((f) => [f.name?.text ?? '', f] as const));

/** The exported functions of customFunctions.ts as written: parameter names and whether each is optional. */
const implementationPath = path.resolve(__dirname, '../../src/functions/customFunctions.ts');
const implementation = ts.createSourceFile(implementationPath, readFileSync(implementationPath, 'utf8'), ts.ScriptTarget.ES2022, true);
const implemented = new Map(
  implementation.statements
    .filter(ts.isFunctionDeclaration)
    .filter((f) => f.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword))
    .map((f) => [
      f.name?.text ?? '',
      f.parameters.map((p) => ({ name: p.name.getText(implementation), optional: !!p.questionToken || !!p.initializer })),
    ]),
);

function jsDocOf(f: ts.FunctionDeclaration): ts.JSDoc {
  const docs = ts.getJSDocCommentsAndTags(f).filter(ts.isJSDoc);
  expect(docs.length, `${f.name?.text}: JSDoc directly above`).toBe(1);
  return docs[0];
}

function commentText(c: ts.JSDoc['comment'] | ts.JSDocTag['comment']): string {
  return typeof c === 'string' ? c : (c ?? []).map((part) => part.text).join('');
}

describe("the custom functions' declarations", () => {
  it('are what build/Code.js carries', () => {
    ensureBuilt();
    expect(readFileSync('build/Code.js', 'utf8')).toContain(entryText);
  });

  it('declares exactly the eight custom functions at the top level', () => {
    expect([...declarations.keys()].sort()).toEqual([...CUSTOM_FUNCTION_NAMES].sort());
  });

  for (const name of CUSTOM_FUNCTION_NAMES) {
    describe(name, () => {
      const params = CUSTOM_FUNCTION_SIGNATURES[name];

      it('documents the parameters of the TypeScript function: the same names, order and optional ones', () => {
        expect(implemented.get(name), `${name} is exported by customFunctions.ts`).toBeDefined();
        expect(params.map((p) => ({ name: p.name, optional: p.optional }))).toEqual(implemented.get(name));
      });

      it('has the real parameter names, the same as the TypeScript function', () => {
        const f = declarations.get(name) as ts.FunctionDeclaration;
        expect(f.parameters.map((p) => p.name.getText(source))).toEqual(params.map((p) => p.name));
        expect((customFunctions as Record<string, (...args: unknown[]) => unknown>)[name].length).toBe(params.length);
      });

      it('has a Russian JSDoc with @customfunction, a described @param for each parameter, @return and an example', () => {
        const doc = jsDocOf(declarations.get(name) as ts.FunctionDeclaration);
        const tags = doc.tags ?? [];
        expect(tags.some((t) => t.tagName.text === 'customfunction')).toBe(true);
        const returns = tags.filter((t) => t.tagName.text === 'return');
        expect(returns).toHaveLength(1);
        expect(commentText(returns[0].comment)).toMatch(/[а-яё]/i);
        const paramTags = tags.filter((t) => ts.isJSDocParameterTag(t)) as ts.JSDocParameterTag[];
        expect(paramTags.map((t) => t.name.getText(source))).toEqual(params.map((p) => p.name));
        paramTags.forEach((t, k) => {
          const text = commentText(t.comment);
          expect(text).toMatch(/[а-яё]{3}/i);
          expect(text.includes('[необязательный]'), `${name}.${params[k].name} marked optional`).toBe(params[k].optional);
        });
        const description = commentText(doc.comment);
        expect(description).toMatch(/[а-яё]{3}/i);
        expect(description).toContain(`Пример: =${name}(`);
      });
    });
  }

  it('forwards every call to the bundle global App_ with the same arguments', () => {
    const calls: { name: string; args: unknown[] }[] = [];
    const App_ = new Proxy(
      {},
      {
        get:
          (_t, name: string) =>
          (...args: unknown[]) => (calls.push({ name, args }), `${name}-result`),
      },
    );
    const context = vm.createContext({ App_ });
    vm.runInContext(entryText, context);
    for (const name of CUSTOM_FUNCTION_NAMES) {
      const args = CUSTOM_FUNCTION_SIGNATURES[name].map((p) => `${p.name}-value`);
      const result = vm.runInContext(`${name}(${args.map((a) => JSON.stringify(a)).join(', ')})`, context);
      expect(result).toBe(`${name}-result`);
      expect(calls[calls.length - 1]).toEqual({ name, args });
    }
  });
});
