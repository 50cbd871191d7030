/**
 * Test support for the corpus of real-life file variants in test/fixtures/files (written by
 * scripts/make-file-variants.ts): runs the local runner — the built add-in in the twin, through its menu
 * actions and sidebar endpoints — on the clean original and on each variant, and compares what matters for
 * every school: ИСБШ, zone of risk, ШНОР status and cluster.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readMapFile, runDemo, type DemoResult } from '../../scripts/demo';
import type { Twin } from '../../emulator/twin';
import { ensureBuilt } from './harness';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const VARIANTS_DIR = path.join(ROOT, 'test/fixtures/files');

export interface VariantEntry {
  id: string;
  what: string;
  files: Record<'responses' | 'results' | 'risks', string>;
  map?: string;
}

export const CORPUS = JSON.parse(readFileSync(path.join(VARIANTS_DIR, 'variants.json'), 'utf8')) as {
  clean: VariantEntry['files'];
  variants: VariantEntry[];
};

export interface SchoolOutcome {
  isbsh: number | string;
  zone: unknown;
  status: unknown;
  cluster: unknown;
}

/** The rows of a sheet's table (from the row whose first cell is «Код ОО» down to the first blank row and across to the first blank header), as objects by header. */
function table(twin: Twin, sheet: string): Array<Record<string, unknown>> {
  const values = twin.sheetValues(sheet);
  const h = values.findIndex((r) => r[0] === 'Код ОО');
  if (h < 0) throw new Error(`no header row in ${sheet}`);
  const end = values.findIndex((r, i) => i > h && r[0] === '');
  const body = values.slice(h + 1, end < 0 ? values.length : end);
  // A summary table stands to the right, after a blank column: the table ends there.
  const width = values[h].indexOf('');
  const titles = values[h].slice(0, width < 0 ? undefined : width);
  return body.map((r) => Object.fromEntries(titles.map((title, i) => [String(title), r[i]])));
}

/** ИСБШ (to 9 decimals: a share typed as a percent may differ from count ÷ total in the 13th digit), zone, status and cluster by school. */
export function outcomes(twin: Twin): Record<string, SchoolOutcome> {
  const result: Record<string, SchoolOutcome> = {};
  for (const row of table(twin, 'ИСБШ')) {
    const isbsh = row['ИСБШ'];
    result[String(row['Код ОО'])] = {
      isbsh: typeof isbsh === 'number' ? Number(isbsh.toFixed(9)) : String(isbsh),
      zone: row['Зона риска'],
      status: '',
      cluster: '',
    };
  }
  for (const row of table(twin, 'ШНОР')) {
    const school = result[String(row['Код ОО'])];
    if (!school) throw new Error(`${String(row['Код ОО'])} is on «ШНОР» but not on «ИСБШ»`);
    school.status = row['Статус ШНОР'];
    school.cluster = row['Кластер'];
  }
  return result;
}

const dir = mkdtempSync(path.join(tmpdir(), 'file-variants-'));

export async function runFiles(files: VariantEntry['files'], id: string, map?: string): Promise<DemoResult> {
  const abs = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.join(VARIANTS_DIR, f)]));
  return runDemo({
    files: abs,
    map: map ? readMapFile(path.join(VARIANTS_DIR, map)) : undefined,
    out: path.join(dir, id),
    log: () => {},
    progress: () => {},
  });
}

/** One describe block: the clean original once, then every variant whose id `select` accepts. */
export function describeVariants(title: string, select: (v: VariantEntry) => boolean): void {
  const variants = CORPUS.variants.filter(select);
  let clean: Record<string, SchoolOutcome>;
  beforeAll(async () => {
    ensureBuilt();
    clean = outcomes((await runFiles(CORPUS.clean, 'clean')).twin);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe(title, () => {
    it('the clean original is a region worth comparing: 14 schools, ШНОР of every cluster, a zone of risk', () => {
      const schools = Object.values(clean);
      expect(schools).toHaveLength(14);
      expect(schools.every((s) => typeof s.isbsh === 'number')).toBe(true);
      expect(new Set(schools.filter((s) => s.status === 'ШНОР').map((s) => s.cluster))).toEqual(
        new Set(['базово неуспевающие', 'умеренно неуспевающие', 'сильно неуспевающие']),
      );
      expect(schools.some((s) => s.zone === 'да')).toBe(true);
    });

    for (const v of variants) {
      it(`${v.id}: ${v.what} — the same ИСБШ, zone, status and cluster for every school`, async () => {
        const run = await runFiles(v.files, v.id, v.map);
        expect(run.incomplete).toEqual([]);
        expect(outcomes(run.twin)).toEqual(clean);
      }, 60_000);
    }
  });
}
