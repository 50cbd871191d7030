import { describe, expect, it } from 'vitest';
import { computeReport } from '../../src/core/pipeline';
import { defaultSettings } from '../../src/core/settings';
import { DEFAULT_RISK_FACTORS } from '../../src/core/factors';
import { handRegion, result } from '../fixtures/region';

function run() {
  const { schools, results } = handRegion();
  const report = computeReport({ schools, results, diagnoses: [], factors: [...DEFAULT_RISK_FACTORS], settings: defaultSettings() });
  const by = (code: string) => report.schools.find((s) => s.school.schoolCode === code)!;
  return { report, by };
}

describe('the whole methodology over a hand-worked region', () => {
  it('takes the latest year in the data as the reporting year', () => {
    expect(run().report.year).toBe(2025);
  });

  it('computes ИСБШ with one decimal and its level', () => {
    const { by } = run();
    expect([by('a1').isbsh, by('a2').isbsh, by('a3').isbsh, by('a4').isbsh]).toEqual([78.1, 85.3, 81.7, 88.2]);
    expect([by('a1').isbshLevel, by('a2').isbshLevel, by('a3').isbshLevel, by('a4').isbshLevel]).toEqual([
      'низкий',
      'выше среднего',
      'средний',
      'высокий',
    ]);
  });

  it('puts the lowest quarter of a municipality in the zone of risk and flags nobody in a group of two', () => {
    const { by, report } = run();
    // ⌊0,25·4⌋ = 1: only а1 (rank 1).
    expect(['a1', 'a2', 'a3', 'a4'].map((c) => by(c).inZone)).toEqual([true, false, false, false]);
    expect(by('a1').rank).toBe(1);
    expect(by('b1').inZone).toBe(false);
    expect(report.smallGroups).toContain('Берёзовский район');
  });

  it('finds ШНОР by two procedures in the year and by one procedure two years running', () => {
    const { by } = run();
    expect(by('a1').shnor.status).toBe('ШНОР');
    expect(by('a2').shnor.status).toBe('ШНОР');
    expect(by('a2').shnor.reason).toBe('ОГЭ математика: 35 % (2024) и 30 % (2025)');
    expect(by('a3').shnor.status).toBe('не ШНОР');
    expect(by('a4').shnor.status).toBe('не ШНОР');
    expect(by('b2').shnor.status).toBe('нет данных');
  });

  it('assigns clusters by the highest share of the year and compares them with the year before', () => {
    const { by } = run();
    expect(by('a1').shnor.clusterOrStatus).toBe('умеренно неуспевающие'); // 40 %
    expect(by('a2').shnor.clusterOrStatus).toBe('базово неуспевающие'); // 30 %
    expect(by('b1').shnor.clusterOrStatus).toBe('сильно неуспевающие'); // 62,5 %
    expect(by('b1').shnor.previousClusterOrStatus).toBe('умеренно неуспевающие'); // 50 % in 2024
    expect(by('b1').clusterDynamics).toBe('понизила кластер');
    expect(by('a1').clusterDynamics).toBe('вошла в список');
    expect(by('a3').clusterDynamics).toBe('—');
    expect(by('b1').shnor.note).toContain('малая выборка');
  });

  it('marks ШНОР in the zone of risk as priority addressees and suggests a mentor from the same municipality', () => {
    const { by } = run();
    expect(by('a1').priority).toBe(true);
    expect(by('a2').priority).toBe(false);
    expect(['a3', 'a4']).toContain(by('a1').mentor?.mentorCode);
  });

  it('counts procedure dynamics: ОГЭ математика has 2 positive, 1 at 0 % two years, 1 negative of 4 schools', () => {
    const { report } = run();
    const oge = report.procedureSummary.find((p) => p.procedure === 'ОГЭ математика')!;
    expect(oge.total).toBe(4);
    expect(oge.counts['положительная']).toBe(2); // а2 35→30, а3 20→10
    expect(oge.counts['0 % за два года']).toBe(1); // а4
    expect(oge.counts['отрицательная']).toBe(1); // а1 20→40
    expect(oge.positiveResultShare).toBe(0.75);
  });

  it('summarises municipalities sorted by ШНОР share with the region total', () => {
    const { report } = run();
    const names = report.municipalities.map((m) => m.municipality);
    expect(names).toEqual(['Александровский район', 'Берёзовский район', 'Всего по региону']);
    const total = report.municipalities[2];
    expect(total.schools).toBe(6);
    expect(total.shnor).toBe(3);
    expect(total.shnorShare).toBe(0.5);
    expect(total.zone).toBe(1);
    expect(total.zoneShare).toBe(0.17); // 1 of 6 = 16,7 % → 17 %
    expect(total.priority).toBe(1);
  });
});

describe('procedures outside the subjects that count', () => {
  it('are shown with their shares and dynamics but do not make a school ШНОР', () => {
    const { schools, results } = handRegion();
    // а3 fails physics badly both years (60 %, 50 %): criterion (b) would hold if physics counted.
    results.push(
      { schoolCode: 'a3', year: 2025, procedure: 'ОГЭ физика', participants: 10, failed: 5, highScorers: null },
      { schoolCode: 'a3', year: 2024, procedure: 'ОГЭ физика', participants: 10, failed: 6, highScorers: null },
    );
    const report = computeReport({ schools, results, diagnoses: [], factors: [...DEFAULT_RISK_FACTORS], settings: defaultSettings() });
    const a3 = report.schools.find((s) => s.school.schoolCode === 'a3')!;
    expect(a3.shnor.status).toBe('не ШНОР');
    expect(report.procedures).toContain('ОГЭ физика');
    expect(a3.sharesY.get('ОГЭ физика')).toBe(0.5);
    expect(a3.sharesPrev.get('ОГЭ физика')).toBe(0.6);
    const physics = report.procedureSummary.find((p) => p.procedure === 'ОГЭ физика')!;
    expect(physics.counts['положительная']).toBe(1); // 60 % → 50 %
  });
});

describe('procedure names spelled differently in the two years', () => {
  it('are one procedure for the dynamics, as for the status', () => {
    const { schools, results } = handRegion();
    // а3 writes «огэ мат.» in 2024 (4 of 20 = 20 %) and «ОГЭ математика» in 2025 (2 of 20 = 10 %): one procedure, 20 % → 10 %
    const renamed = results.map((r) => (r.schoolCode === 'a3' && r.year === 2024 ? { ...r, procedure: 'огэ мат.' } : r));
    // and a later empty row of the same procedure does not hide its share: а4 2025 «ОГЭ математика» 0 of 20, then no participants
    renamed.push(result('a4', 2025, 'ОГЭ  Математика', 0, 0));
    const report = computeReport({
      schools,
      results: renamed,
      diagnoses: [],
      factors: [...DEFAULT_RISK_FACTORS],
      settings: defaultSettings(),
    });
    expect(report.procedures).toEqual(['ВПР математика 5', 'ВПР русский язык 5', 'ОГЭ математика', 'ОГЭ русский язык']);
    const a3 = report.schools.find((s) => s.school.schoolCode === 'a3')!;
    expect(a3.sharesPrev.get('ОГЭ математика')).toBe(0.2);
    const a4 = report.schools.find((s) => s.school.schoolCode === 'a4')!;
    expect(a4.sharesY.get('ОГЭ математика')).toBe(0);
    // ОГЭ математика as in the hand region: а1 20 → 40 (−), а2 35 → 30 (+), а3 20 → 10 (+), а4 0 → 0
    const math = report.procedureSummary.find((p) => p.procedure === 'ОГЭ математика')!;
    expect(math.counts).toEqual({ положительная: 2, '0 % за два года': 1, нейтральная: 0, отрицательная: 1, 'нет участников': 0 });
  });
});
