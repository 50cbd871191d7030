import { describe, expect, it } from 'vitest';
import {
  generateRegion,
  mulberry32,
  moscowDate,
  PROCEDURES,
  RESPONSE_HEADERS,
  RESULT_HEADERS,
  RISK_FACTOR_NAMES,
} from '../../scripts/lib/syntheticRegion';

const COUNT_COLUMNS = [5, 6, 7, 8, 9, 10, 11, 12, 14, 15]; // «Общее количество …» … «Из них с высшей …»

/** ИСБШ of a responses row, docs/методика.md §2: 65 + 15·p1 + 20·p2 − 15·p3 − 35·p4 − 15·p5. */
function isbshOfRow(r: unknown[]): number {
  const total = r[5] as number;
  const [c1, c2, c3, c4, c5] = [6, 7, 8, 9, 10].map((i) => r[i] as number);
  return 65 + (15 * c1 + 20 * c2 - 15 * c3 - 35 * c4 - 15 * c5) / total;
}

describe('mulberry32 and moscowDate', () => {
  it('gives the same sequence for the same seed and floats in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(43)()).not.toBe(xs[0]);
  });

  it('builds Moscow wall-clock times (UTC+3) whatever the machine zone is', () => {
    // 1 September 2025 0:00 in Moscow = 31 August 21:00 UTC.
    expect(moscowDate(2025, 9, 1, 0, 0, 0).toISOString()).toBe('2025-08-31T21:00:00.000Z');
  });
});

describe('generateRegion', () => {
  it('is deterministic: the same options give the same data, another seed other data', () => {
    const a = generateRegion({ schools: 50, seed: 7, problems: true });
    const b = generateRegion({ schools: 50, seed: 7, problems: true });
    expect(a).toEqual(b);
    expect(generateRegion({ schools: 50, seed: 8, problems: true }).responses).not.toEqual(a.responses);
  });

  it('returns sheets shaped as getValues does: headers first, equal row widths, no null or undefined', () => {
    const { responses, results, risks } = generateRegion({ schools: 120, seed: 1 });
    expect(responses[0]).toEqual([...RESPONSE_HEADERS]);
    expect(results[0]).toEqual([...RESULT_HEADERS]);
    expect(risks[0]).toEqual(['Код ОО', ...RISK_FACTOR_NAMES]);
    for (const [sheet, width] of [[responses, 20], [results, 6], [risks, 11]] as const) {
      for (const row of sheet) {
        expect(row).toHaveLength(width);
        expect(row.every((v) => v !== null && v !== undefined)).toBe(true);
      }
    }
    // 120 schools, one submission each.
    expect(responses).toHaveLength(121);
    for (const r of responses.slice(1)) {
      expect(r[0]).toBeInstanceOf(Date);
      expect(r[1]).toMatch(/^edu\d{6}$/);
      expect(['город', 'село']).toContain(r[4]);
      for (const c of COUNT_COLUMNS) expect(Number.isInteger(r[c]) && (r[c] as number) >= 0).toBe(true);
      for (const c of [13, 17, 18]) expect(['Да', 'Нет']).toContain(r[c]);
      expect(typeof r[19]).toBe('number');
    }
  });

  it('lists submissions in time order, as a Form does', () => {
    const times = generateRegion({ schools: 200, seed: 3 }).responses.slice(1).map((r) => (r[0] as Date).getTime());
    expect(times).toEqual([...times].sort((x, y) => x - y));
  });

  it('keeps clean data consistent: unique codes, every count within the total, failures within participants', () => {
    const { responses, results } = generateRegion({ schools: 300, seed: 11 });
    const codes = responses.slice(1).map((r) => r[1]);
    expect(new Set(codes).size).toBe(300);
    for (const r of responses.slice(1)) {
      for (const c of [6, 7, 8, 9, 10, 11, 12]) expect(r[c] as number).toBeLessThanOrEqual(r[5] as number);
      expect(r[15] as number).toBeLessThanOrEqual(r[14] as number);
    }
    const known = new Set(codes);
    for (const [code, year, , participants, failed, high] of results.slice(1)) {
      expect(known.has(code)).toBe(true);
      expect([2024, 2025]).toContain(year);
      expect(failed as number).toBeLessThanOrEqual(participants as number);
      if (high !== '') expect((failed as number) + (high as number)).toBeLessThanOrEqual(participants as number);
    }
  });

  it('uses the requested municipalities and years', () => {
    const { responses, results } = generateRegion({ schools: 40, seed: 5, municipalities: 3, years: [2022, 2023] });
    expect(new Set(responses.slice(1).map((r) => r[3])).size).toBe(3);
    expect(new Set(results.slice(1).map((r) => r[1]))).toEqual(new Set([2022, 2023]));
  });

  it('produces a realistic region: ИСБШ mostly 75–90, rural schools smaller, some schools without ЕГЭ, risks for about 30 %', () => {
    const { responses, results, risks } = generateRegion({ schools: 2000, seed: 2024 });
    const rows = responses.slice(1);
    const isbsh = rows.map(isbshOfRow);
    expect(isbsh.filter((v) => v >= 75 && v <= 90).length / isbsh.length).toBeGreaterThan(0.8);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const totals = (t: string) => rows.filter((r) => r[4] === t).map((r) => r[5] as number);
    expect(median(totals('село'))).toBeLessThan(median(totals('город')));
    const withEge = new Set(results.slice(1).filter((r) => String(r[2]).startsWith('ЕГЭ')).map((r) => r[0]));
    expect(withEge.size).toBeLessThan(2000);
    expect(withEge.size).toBeGreaterThan(1000);
    const share = (risks.length - 1) / 2000;
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.35);
    const levels = new Set(risks.slice(1).flatMap((r) => r.slice(1)));
    expect(levels).toEqual(new Set(['высокая', 'средняя', 'низкая']));
  });

  it('ties failing shares to ИСБШ, so ШНОР and resilient schools both occur', () => {
    const { responses, results } = generateRegion({ schools: 2000, seed: 2024 });
    const isbsh = new Map(responses.slice(1).map((r) => [r[1] as string, isbshOfRow(r)]));
    const shares = new Map<string, number[]>();
    for (const [code, year, , participants, failed] of results.slice(1)) {
      if (year !== 2025 || !participants) continue;
      shares.set(code as string, [...(shares.get(code as string) ?? []), (failed as number) / (participants as number)]);
    }
    // ШНОР by criterion (a) alone: two procedures of the year at 30 % or more (docs/методика.md §3).
    const shnor = [...shares.values()].filter((s) => s.filter((x) => x >= 0.3).length >= 2).length;
    expect(shnor / 2000).toBeGreaterThan(0.03);
    expect(shnor / 2000).toBeLessThan(0.3);
    const xs: number[] = [];
    const ys: number[] = [];
    for (const [code, s] of shares) {
      xs.push(isbsh.get(code)!);
      ys.push(s.reduce((a, b) => a + b, 0) / s.length);
    }
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    const mx = mean(xs);
    const my = mean(ys);
    const cov = mean(xs.map((x, i) => (x - mx) * (ys[i] - my)));
    const corr = cov / Math.sqrt(mean(xs.map((x) => (x - mx) ** 2)) * mean(ys.map((y) => (y - my) ** 2)));
    expect(corr).toBeLessThan(-0.3);
    // Resilient-looking schools: ИСБШ in the lowest quarter yet failing less than the region's average.
    const q1 = [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 4)];
    expect(xs.filter((x, i) => x <= q1 && ys[i] < my).length).toBeGreaterThan(10);
  });

  it('injects every kind of data problem once, at the rows it reports, leaving other cells as in clean data', () => {
    const clean = generateRegion({ schools: 72, seed: 99 });
    const dirty = generateRegion({ schools: 72, seed: 99, problems: true });
    expect(new Set(dirty.problems.map((p) => p.kind)).size).toBe(12);
    expect(dirty.problems).toHaveLength(12);
    expect(dirty.risks).toEqual(clean.risks);
    // Two rows appended: the corrected resubmission and the submission without a code.
    expect(dirty.responses).toHaveLength(clean.responses.length + 2);
    expect(dirty.results).toHaveLength(clean.results.length);
    const touched = new Set(dirty.problems.map((p) => `${p.sheet}:${p.row}:${p.column}`));
    const ghost = dirty.problems.find((p) => p.kind === 'failuresWithoutParticipants')!;
    touched.add(`results:${ghost.row}:Не преодолели порог`); // may be raised to 1 to make the problem visible
    for (const [sheet, headers] of [['responses', RESPONSE_HEADERS], ['results', RESULT_HEADERS]] as const) {
      clean[sheet].forEach((row, i) => {
        row.forEach((cell, c) => {
          if (!touched.has(`${sheet}:${i + 1}:${headers[c]}`)) expect(dirty[sheet][i][c]).toEqual(cell);
        });
      });
    }
    for (const p of dirty.problems) {
      const headers: readonly string[] = p.sheet === 'responses' ? RESPONSE_HEADERS : RESULT_HEADERS;
      expect(dirty[p.sheet][p.row - 1][headers.indexOf(p.column)]).toEqual(p.value);
    }
  });

  it('generates 40 000 schools (its speed is a figure of npm run bench, not an assertion)', () => {
    const region = generateRegion({ schools: 40_000, seed: 1, problems: true });
    // The header, 40 000 schools and the two planted problem rows.
    expect(region.responses.length).toBe(40_000 + 1 + 2);
  });

  it('knows the nine canonical procedures of docs/методика.md §1.2', () => {
    expect(PROCEDURES.map((p) => p.name)).toEqual([
      'ВПР математика 5',
      'ВПР математика 6',
      'ВПР русский язык 5',
      'ВПР русский язык 6',
      'ОГЭ математика',
      'ОГЭ русский язык',
      'ЕГЭ математика (базовая)',
      'ЕГЭ математика (профильная)',
      'ЕГЭ русский язык',
    ]);
  });
});
