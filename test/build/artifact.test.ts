import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import vm from 'node:vm';
import ts from 'typescript';
import { MENU_ITEMS } from '../../src/ui/handlers';
import { ENDPOINT_NAMES } from '../../src/ui/endpoints';

const CUSTOM_FUNCTIONS = [
  'ISBSH',
  'ISBSH_LEVEL',
  'ISBSH_ZONE',
  'SHNOR_STATUS',
  'SHNOR_REASON',
  'FIOKO_CLUSTER',
  'RESULT_DYNAMICS',
  'CLUSTER_DYNAMICS',
];
const TRIGGERS = ['onOpen', 'onInstall', 'onFormSubmitRecompute', 'catchUpRecompute'];

const code = readFileSync('build/Code.js', 'utf8');
const source = ts.createSourceFile('Code.js', code, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
const declarations = new Map<string, ts.FunctionDeclaration>();
for (const statement of source.statements) {
  if (ts.isFunctionDeclaration(statement) && statement.name) declarations.set(statement.name.text, statement);
}

function jsDocOf(fn: ts.FunctionDeclaration): ts.JSDoc | undefined {
  const docs = ts.getJSDocCommentsAndTags(fn).filter(ts.isJSDoc);
  return docs[docs.length - 1];
}

describe('the built artifact that clasp pushes', () => {
  it('has the manifest with Moscow time, V8 and narrow scopes', () => {
    const manifest = JSON.parse(readFileSync('build/appsscript.json', 'utf8'));
    expect(manifest.timeZone).toBe('Europe/Moscow');
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/spreadsheets.currentonly');
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/spreadsheets');
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/drive');
  });

  it('has the sidebar as one HTML file with its script inlined', () => {
    expect(existsSync('build/Sidebar.html')).toBe(true);
    const html = readFileSync('build/Sidebar.html', 'utf8');
    expect(html).toContain('<script>');
    expect(html).not.toMatch(/<script[^>]+src=/);
  });

  it.each([...TRIGGERS, ...MENU_ITEMS.filter((i) => i !== null).map((i) => (i as readonly [string, string])[1]), ...ENDPOINT_NAMES])(
    'declares %s as a top-level function that delegates to the bundle',
    (name) => {
      const fn = declarations.get(name);
      expect(fn, `${name} must be a top-level function declaration`).toBeDefined();
      expect(fn!.body!.getText()).toContain(`App_.${name}(`);
    },
  );

  it.each(CUSTOM_FUNCTIONS)('declares custom function %s with Russian JSDoc, @customfunction and named parameters', (name) => {
    const fn = declarations.get(name);
    expect(fn, `${name} must be a top-level function declaration`).toBeDefined();
    const doc = jsDocOf(fn!);
    expect(doc, `${name} needs JSDoc directly above it`).toBeDefined();
    const tags = doc!.tags ?? [];
    expect(tags.some((t) => t.tagName.text === 'customfunction')).toBe(true);
    const description = typeof doc!.comment === 'string' ? doc!.comment : (doc!.comment ?? []).map((c) => c.text).join('');
    expect(description).toMatch(/[а-яё]{4,}/i);
    const params = fn!.parameters.map((p) => p.name.getText());
    expect(params.length).toBeGreaterThan(0);
    const documented = tags.filter((t) => ts.isJSDocParameterTag(t)).map((t) => (t as ts.JSDocParameterTag).name.getText());
    expect(documented).toEqual(params);
    expect(tags.some((t) => t.tagName.text === 'return' || t.tagName.text === 'returns')).toBe(true);
  });

  it('touches no Apps Script service when loaded, and exposes every delegated name on App_', () => {
    const touched: string[] = [];
    const services = ['SpreadsheetApp', 'HtmlService', 'PropertiesService', 'CacheService', 'LockService', 'ScriptApp', 'FormApp', 'Utilities', 'Session', 'Charts'];
    const context: Record<string, unknown> = { console };
    for (const s of services) {
      context[s] = new Proxy({}, { get: (_t, prop) => { touched.push(`${s}.${String(prop)}`); return () => undefined; } });
    }
    vm.createContext(context);
    vm.runInContext(code, context);
    expect(touched).toEqual([]);
    const app = context.App_ as Record<string, unknown>;
    for (const name of declarations.keys()) expect(typeof app[name], `App_.${name}`).toBe('function');
  });
});
