/**
 * `npm run large-region` — the local runner on a large region, timed: a synthetic region of 3 000 schools
 * (scripts/lib/syntheticRegion.ts, two years × nine procedures, self-diagnoses for about a third) is written as the
 * files a region has (responses in Windows-1251 «;» as Excel saves them, results and risks as Google CSV), then
 * `npm run demo -- --responses … --results … --risks …` runs on them: every roadmap, report.xlsx and report.html.
 * Too slow for the test suite (about a minute); the figure is in README.md.
 *
 *   npm run large-region [-- --schools 3000] [-- --out DIR]
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import iconv from 'iconv-lite';
import { runDemo } from './demo';
import { toCsv } from './lib/csv';
import { generateRegion } from './lib/syntheticRegion';

const { values } = parseArgs({ options: { schools: { type: 'string' }, out: { type: 'string' } } });
const schools = Number(values.schools ?? 3000);
const work = mkdtempSync(path.join(tmpdir(), 'large-region-'));
const out = path.resolve(values.out ?? path.join(work, 'out'));

const region = generateRegion({ schools, seed: 3000, years: [2024, 2025] });
const files = { responses: path.join(work, 'ответы.csv'), results: path.join(work, 'результаты.csv'), risks: path.join(work, 'риски.csv') };
const excelText = (v: unknown) =>
  v instanceof Date ? toCsv([[v]]) : typeof v === 'number' ? String(v).replace('.', ',') : String(v ?? '');
const semicolon = region.responses
  .map((r) =>
    r
      .map((c) => {
        const t = excelText(c);
        return /[;"\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
      })
      .join(';'),
  )
  .join('\r\n');
writeFileSync(files.responses, iconv.encode(semicolon, 'windows-1251'));
writeFileSync(files.results, toCsv(region.results));
writeFileSync(files.risks, toCsv(region.risks));

const t0 = performance.now();
const marks: Array<[string, number]> = [];
const run = await runDemo({
  files,
  out,
  log: () => {},
  progress: (line) => {
    if (!line.startsWith('  ')) marks.push([line, performance.now() - t0]);
    process.stderr.write(line + '\n');
  },
});
const seconds = (performance.now() - t0) / 1000;
const mb = (f: string) => (statSync(f).size / 1e6).toFixed(1);
console.log(
  `\nРегион из ${schools} школ: прочитано ${run.compute!.schoolsRead}, ШНОР — ${run.compute!.shnor}, дорожных карт — ${run.roadmaps}; ` +
    `всё вместе с report.xlsx (${mb(run.xlsx)} МБ) и report.html (${mb(run.html)} МБ) — ${seconds.toFixed(0)} с.`,
);
console.log(
  JSON.stringify({
    schools,
    shnor: run.compute!.shnor,
    roadmaps: run.roadmaps,
    seconds: Math.round(seconds),
    steps: marks.map(([l, ms]) => [l.split('…')[0], Math.round(ms / 100) / 10]),
  }),
);
if (!values.out) rmSync(work, { recursive: true, force: true });
