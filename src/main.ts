// The entry: every name Apps Script sees is exported here and wrapped by a top-level
// function declaration in src/entry/*.js (see scripts/build.mjs for why).
export * from './functions/customFunctions';
export * from './ui/handlers';
