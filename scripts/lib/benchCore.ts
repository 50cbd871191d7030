/**
 * What the bench times as «the core»: the readers the add-in uses, on the arrays getValues would return, then
 * computeReport. scripts/bench.ts bundles this file with esbuild (as the add-in is bundled) and times the bundle.
 */
import { computeReport } from '../../src/core/pipeline';
import { defaultSettings } from '../../src/core/settings';
import { DEFAULT_RISK_FACTORS } from '../../src/core/factors';
import { mappingFor } from '../../src/sheets/headerMapping';
import { readResponses } from '../../src/sheets/readResponses';
import { readResults } from '../../src/sheets/readResults';
import { readRisks } from '../../src/sheets/readRisks';
import { SHEET_NAMES } from '../../src/sheets/names';
import { SAMPLE_ROWS } from '../../src/sheets/input/matcher';

export interface CoreInput {
  responses: unknown[][];
  results: unknown[][];
  risks?: unknown[][];
}

/** Reads the three sheets' values and computes the report; returns the milliseconds of each part. */
export function readAndCompute(region: CoreInput, responsesSheet: string): { readMs: number; computeMs: number; schools: number } {
  const t0 = performance.now();
  const headers = region.responses[0].map((h) => String(h));
  // As loadInputs does: one matching of the headers with the first rows as samples, handed to the reader.
  const auto = mappingFor(headers, null, region.responses.slice(1, SAMPLE_ROWS + 1));
  const responses = readResponses(region.responses, responsesSheet, auto.mapping, { timeZone: 'Europe/Moscow', match: auto });
  const results = readResults(region.results, SHEET_NAMES.results, new Set(responses.schools.map((s) => s.schoolCode)));
  const risks = readRisks(region.risks ?? [], SHEET_NAMES.risks, DEFAULT_RISK_FACTORS);
  const t1 = performance.now();
  const report = computeReport({
    schools: responses.schools,
    results: results.results,
    diagnoses: risks.diagnoses,
    factors: DEFAULT_RISK_FACTORS,
    settings: defaultSettings(),
  });
  const t2 = performance.now();
  return { readMs: t1 - t0, computeMs: t2 - t1, schools: report.schools.length };
}
