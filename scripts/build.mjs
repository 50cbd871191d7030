// Builds what `clasp push` uploads: build/Code.js, build/appsscript.json, build/Sidebar.html.
// esbuild bundles src/main.ts as an IIFE under the global App_. Apps Script only sees top-level
// function declarations and Sheets' autocomplete only reads the JSDoc directly above them (esbuild
// drops comments), so the declarations are appended: the hand-written ones of src/entry/*.js (menu
// targets, triggers, sidebar endpoints) verbatim, and the custom functions' generated from their
// definitions in src/functions/signatures.ts (name, parameters and Russian help in one place).
import { build } from 'esbuild';
import { mkdir, readFile, writeFile, copyFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'build');
await mkdir(out, { recursive: true });

const bundle = await build({
  entryPoints: [path.join(root, 'src/main.ts')],
  bundle: true,
  format: 'iife',
  globalName: 'App_',
  target: 'es2020',
  charset: 'utf8',
  legalComments: 'none',
  write: false,
  logLevel: 'warning',
});
const entryDir = path.join(root, 'src/entry');
const entryFiles = (await readdir(entryDir)).filter((f) => f.endsWith('.js')).sort();
const entries = await Promise.all(entryFiles.map((f) => readFile(path.join(entryDir, f), 'utf8')));
entries.push(await customFunctionDeclarations());
const header = '// ШНОР-монитор: built by scripts/build.mjs from src/. Do not edit; edit src/ and rebuild.\n';
await writeFile(path.join(out, 'Code.js'), header + bundle.outputFiles[0].text + '\n' + entries.join('\n'));

await copyFile(path.join(root, 'appsscript.json'), path.join(out, 'appsscript.json'));

// The sidebar: one HTML file with its script and styles inlined (HtmlService serves single files).
const sidebarDir = path.join(root, 'src/ui/sidebar');
if (existsSync(path.join(sidebarDir, 'index.html'))) {
  const page = await build({
    entryPoints: [path.join(sidebarDir, 'main.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    charset: 'utf8',
    write: false,
    logLevel: 'warning',
  });
  const css = await readFile(path.join(sidebarDir, 'styles.css'), 'utf8');
  const html = (await readFile(path.join(sidebarDir, 'index.html'), 'utf8'))
    .replace('<!-- STYLES -->', () => `<style>\n${css}\n</style>`)
    .replace('<!-- SCRIPT -->', () => `<script>\n${page.outputFiles[0].text.replace(/<\/script/gi, '<\\/script')}\n</script>`);
  await writeFile(path.join(out, 'Sidebar.html'), html);
}
console.log('build/: ' + (await readdir(out)).join(', '));

/** The custom functions' declarations with their JSDoc, rendered by src/functions/signatures.ts itself. */
async function customFunctionDeclarations() {
  const definitions = await build({
    entryPoints: [path.join(root, 'src/functions/signatures.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    charset: 'utf8',
    write: false,
    logLevel: 'warning',
  });
  const module = await import('data:text/javascript;base64,' + Buffer.from(definitions.outputFiles[0].text).toString('base64'));
  return module.customFunctionDeclarations();
}
