/**
 * The input framework: every sheet the add-in reads from people is a schema over these modules.
 *
 *   cells.ts      — what a cell means: blank, formula error, text, yes/no, number, share, date, school code.
 *   schema.ts     — an input table as data: fields with canonical title, corpus of variants, requirement, value test.
 *   headerText.ts, headerWords.ts — how a header is normalised (abbreviations, same words, stop words as data).
 *   similarity.ts — trigram TF-IDF cosine of a header to each field's corpus.
 *   matcher.ts    — exact titles first, then similarity × value evidence, then one-to-one assignment with a margin;
 *                   ambiguous columns and fields are reported with their candidates, never guessed.
 *   problems.ts   — the one builder of «Проверка данных» lines (sheet, row, column, value).
 *   corpus/       — the labelled header variants of each table (data; never holds a held-out test header).
 *
 * Adding a reader for a new input sheet:
 *   1. write its corpus in corpus/<table>.ts: `{ fieldKey: ['другая формулировка', …] }`;
 *   2. declare its schema: `const SCHEMA: InputSchema<Key> = { id: '<table>', fields: [{ key, title, required,
 *      variants: CORPUS.key, accepts: (v) => … core parser succeeds … }] }` — title is the header the add-in's own
 *      template writes;
 *   3. in the reader: `const headers = headerTexts(values)`, `const m = matchHeaders(SCHEMA, headers, { samples:
 *      values.slice(1) })`, then read `values[r][m.columns.key]` through cells.ts and report with problems.ts
 *      (cellProblem / columnProblem / sheetProblem); list m.unknownColumns, m.ambiguous and m.ambiguousColumns with
 *      m.candidates so nothing is dropped silently.
 * Russian words of the problems go to src/sheets/messages.ts.
 */
export * from './cells';
export * from './schema';
export * from './matcher';
export * from './problems';
export { headerWords, isPercentHeader, isShareHeader, withoutBrackets } from './headerText';
