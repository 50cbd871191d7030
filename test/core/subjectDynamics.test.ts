import { describe, expect, it } from 'vitest';
import { hasPositiveSubjectDynamics, subjectDynamics } from '../../src/core/subjectDynamics';
import { computeReport } from '../../src/core/pipeline';
import { defaultSettings } from '../../src/core/settings';
import { DEFAULT_RISK_FACTORS } from '../../src/core/factors';
import type { ProcedureResult } from '../../src/core/types';
import { result, schoolRecord } from '../fixtures/region';

const subjects = defaultSettings().shnorSubjects; // математика, русский язык
const r = (year: number, procedure: string, participants: number | null, failed: number | null): ProcedureResult => ({
  schoolCode: 'A',
  year,
  procedure,
  participants,
  failed,
  highScorers: null,
});

describe('subjectDynamics', () => {
  it('weights the subject’s procedures held in both years by their participants', () => {
    // математика 2023: ВПР 5 — 3 of 5, ВПР 6 — 9 of 30 → 12/35 = 34,3 %; 2024: ВПР 5 — 0 of 5, ВПР 6 — 12 of 30 → 12/35 the same.
    // An unweighted mean would say 60 % → 20 % (fell); weighted, nothing changed: «нейтральная».
    const d = subjectDynamics(
      [r(2023, 'ВПР математика 5', 5, 3), r(2023, 'ВПР математика 6', 30, 9)],
      [r(2024, 'ВПР математика 5', 5, 0), r(2024, 'ВПР математика 6', 30, 12)],
      subjects,
    );
    expect(d).toEqual([
      {
        subject: 'математика',
        procedures: ['ВПР математика 5', 'ВПР математика 6'],
        previous: 12 / 35,
        current: 12 / 35,
        dynamics: 'нейтральная',
      },
    ]);
    expect(hasPositiveSubjectDynamics(d)).toBe(false);
  });

  it('leaves out procedures not held in both years, and subjects with none', () => {
    // ОГЭ математика 2023 only; ОГЭ русский язык both years: 4/10 → 2/10 fell; история does not count
    const d = subjectDynamics(
      [r(2023, 'ОГЭ математика', 10, 5), r(2023, 'ОГЭ русский язык', 10, 4), r(2023, 'ВПР история 5', 10, 9)],
      [r(2024, 'ОГЭ математика', 0, 0), r(2024, 'ОГЭ русский язык', 10, 2), r(2024, 'ВПР история 5', 10, 1)],
      subjects,
    );
    expect(d.map((x) => [x.subject, x.procedures, x.dynamics])).toEqual([['русский язык', ['ОГЭ русский язык'], 'положительная']]);
    expect(hasPositiveSubjectDynamics(d)).toBe(true);
  });

  it('counts 0 % in both years as a positive result', () => {
    const d = subjectDynamics([r(2023, 'ОГЭ математика', 12, 0)], [r(2024, 'ОГЭ математика', 9, 0)], subjects);
    expect(d[0].dynamics).toBe('0 % за два года');
    expect(hasPositiveSubjectDynamics(d)).toBe(true);
  });
});

describe('«Доля ШНОР с положительной динамикой» agrees with «Динамика кластеров»', () => {
  /*
   * The Yaroslavl presentation (ГАУ ДПО ЯО ИРО, 16.03.2023), «Динамика образовательных результатов на основе
   * кластеризации»: of 81 schools supported (ШНОР in 2022), 10 raised their cluster, 49 left the list — 59 = 73 % —
   * 14 (17 %) kept it, 8 (10 %) worsened. Rebuilt with ОГЭ математика and ОГЭ русский язык, 20 participants each:
   *   left (49):      2022 8/20 = 40 %, 7/20 = 35 % (умеренно) → 2023 2/20, 2/20 (не ШНОР): математика fell
   *   raised (10):    2022 13/20 = 65 %, 7/20 (сильно) → 2023 7/20, 7/20 = 35 % (базово): математика fell
   *   unchanged (14): 2022 and 2023 8/20, 7/20 (умеренно both years): both equal, «нейтральная»
   *   worsened (8):   2022 7/20, 7/20 = 35 % (базово) → 2023 13/20, 8/20 (сильно): both rose
   * and 5 schools that entered the list in 2023 (2022: математика 10/20 = 50 %, русский 1/20 — one failing procedure,
   * not ШНОР; 2023: 8/20, 7/20), whose математика fell: they were not supported in 2022 and count in neither table.
   * Both tables: 59 of 81 = 72,8 % → 73 %.
   */
  const groups: Array<[string, number, [number, number], [number, number]]> = [
    ['left', 49, [8, 7], [2, 2]],
    ['raised', 10, [13, 7], [7, 7]],
    ['same', 14, [8, 7], [8, 7]],
    ['worse', 8, [7, 7], [13, 8]],
    ['entered', 5, [10, 1], [8, 7]],
  ];
  const schools = [];
  const results: ProcedureResult[] = [];
  for (const [kind, n, before, after] of groups) {
    for (let i = 0; i < n; i++) {
      const code = `${kind}${i}`;
      schools.push(schoolRecord({ schoolCode: code, municipality: 'Ярославская область' }));
      results.push(
        result(code, 2022, 'ОГЭ математика', 20, before[0]),
        result(code, 2022, 'ОГЭ русский язык', 20, before[1]),
        result(code, 2023, 'ОГЭ математика', 20, after[0]),
        result(code, 2023, 'ОГЭ русский язык', 20, after[1]),
      );
    }
  }
  const report = computeReport({ schools, results, diagnoses: [], factors: [...DEFAULT_RISK_FACTORS], settings: defaultSettings() });

  it('recomputes the published cluster table: 10 + 49 = 73 %, 14 (17 %), 8 (10 %) of 81', () => {
    const total = report.clusterSummary[report.clusterSummary.length - 1];
    expect(total).toMatchObject({ raised: 10, left: 49, positive: 59, unchanged: 14, negative: 8, total: 81 });
    expect(total.shares).toMatchObject({ positive: 0.73, unchanged: 0.17, negative: 0.1 });
  });

  it('gives the same 59 of 81 = 73 % in «Показатели», the schools that entered the list not counted', () => {
    const indicator = report.indicators.find((i) => i.id === 'shnorPositiveDynamics')!;
    expect(indicator).toMatchObject({ numerator: 59, denominator: 81, actual: 0.73 });
  });
});
