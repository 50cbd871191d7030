// The lint gate (`npm run lint`: ESLint, then `prettier --check`). Beyond the recommended rules of
// ESLint and typescript-eslint it enforces the layers of docs/architecture.md: core/ is pure (no
// other layer, no Apps Script service, no clock, no Node built-in), functions/ uses core/ only, and
// nothing under src/ uses Node, because build/Code.js runs in Apps Script's V8.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'url', 'util', 'vm', 'crypto', 'child_process', 'stream', 'events', 'buffer'];

/** The Apps Script services; only sheets/ and ui/ may call them. */
const APPS_SCRIPT_SERVICES = [
  'SpreadsheetApp',
  'PropertiesService',
  'LockService',
  'CacheService',
  'ScriptApp',
  'HtmlService',
  'FormApp',
  'Utilities',
  'Session',
  'Logger',
  'Browser',
  'Charts',
  'DriveApp',
  'UrlFetchApp',
].map((name) => ({ name, message: 'This layer never touches an Apps Script service (docs/architecture.md, Layers).' }));

/** Imports a layer may not make: Node built-ins always, plus the layers above it. */
function layerImports(...forbiddenLayers) {
  return [
    'error',
    {
      patterns: [
        { group: NODE_BUILTINS, message: 'build/Code.js runs in Apps Script: no Node built-ins under src/.' },
        ...forbiddenLayers.map((layer) => ({
          group: [`../${layer}`, `../${layer}/*`, `../../${layer}`, `../../${layer}/*`],
          message: `Dependencies point downwards only (docs/architecture.md, Layers): no ${layer}/ from here.`,
        })),
      ],
    },
  ];
}

export default defineConfig(
  { ignores: ['node_modules/', 'build/', 'out/', 'coverage/', 'samples/', 'test-results/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-var': 'error',
      'prefer-const': 'error',
      // Russian texts keep no-break spaces before «%» and in numbers on purpose (they must not wrap apart).
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipRegExps: true, skipComments: true }],
    },
  },
  // The twin's facades and the harness stand in for Apps Script objects whose shape is the platform's, not ours:
  // values pass through them untyped by design (each facade method is typed by @types/google-apps-script instead).
  { files: ['emulator/**', 'test/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  // Node programs and their tests: Node globals.
  {
    files: ['scripts/**', 'test/**', 'emulator/**', 'eslint.config.js', 'vitest.config.ts'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setImmediate: 'readonly',
        performance: 'readonly',
        URL: 'readonly',
        structuredClone: 'readonly',
      },
    },
  },
  { files: ['src/**/*.ts'], rules: { 'no-restricted-imports': layerImports('ui') } },
  { files: ['src/sheets/**/*.ts'], rules: { 'no-restricted-imports': layerImports('ui', 'functions') } },
  {
    files: ['src/functions/**/*.ts'],
    rules: {
      'no-restricted-imports': layerImports('ui', 'sheets'),
      'no-restricted-globals': ['error', ...APPS_SCRIPT_SERVICES],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': layerImports('ui', 'sheets', 'functions'),
      'no-restricted-globals': ['error', ...APPS_SCRIPT_SERVICES],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'core/ takes the reporting date as an argument.' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'core/ takes the reporting date as an argument.',
        },
      ],
    },
  },
  // The top-level declarations Apps Script sees: plain scripts that delegate to the bundle's App_.
  {
    files: ['src/entry/*.js'],
    languageOptions: { sourceType: 'script', globals: { App_: 'readonly' } },
    rules: { 'no-unused-vars': 'off', '@typescript-eslint/no-unused-vars': 'off' },
  },
);
