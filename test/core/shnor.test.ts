import { describe, expect, it } from 'vitest';
import {
  assessSchools,
  assessShnor,
  clusterFor,
  failingShare,
  laterRowReplaces,
  reportingYearOf,
  type ShareCell,
} from '../../src/core/shnor';
import { defaultSettings } from '../../src/core/settings';
import type { ProcedureResult } from '../../src/core/types';

const settings = defaultSettings(); // t = 30 %, умеренно from 40 %, сильно above 50 %, малая выборка < 10
const M = 'ОГЭ математика';
const R = 'ОГЭ русский язык';
const cell = (procedure: string, share: number | null, participants?: number | null): ShareCell => ({ procedure, share, participants });

describe('assessShnor', () => {
  it('flags a school failing two procedures in the reporting year (criterion a)', () => {
    // 45 % ≥ 30 % and 1/3 ≈ 33 % ≥ 30 %: two procedures in 2022; highest 45 % ∈ [40 %, 50 %] → умеренно
    const a = assessShnor([cell(M, 0.45), cell(R, 1 / 3)], [], 2022, settings);
    expect(a.status).toBe('ШНОР');
    expect(a.reason).toBe('2022: ОГЭ математика — 45 %, ОГЭ русский язык — 33 %');
    expect(a.cluster).toBe('умеренно неуспевающие');
    expect(a.maxShare).toBe(0.45);
    expect(a.note).toBe('');
  });

  it('flags a school failing the same procedure two years running (criterion b)', () => {
    // ОГЭ математика 2/3 ≈ 67 % in 2021 and 1/3 ≈ 33 % in 2022; русский 10 % does not fail; highest 33 % < 40 % → базово
    const a = assessShnor([cell(M, 1 / 3), cell(R, 0.1)], [cell(M, 2 / 3), cell(R, 0.5)], 2022, settings);
    expect(a.status).toBe('ШНОР');
    expect(a.reason).toBe('ОГЭ математика: 67 % (2021) и 33 % (2022)');
    expect(a.cluster).toBe('базово неуспевающие');
  });

  it('names both criteria when both apply, joined by «; »', () => {
    // 2022: 60 % and — 35 % (a); математика 50 % in 2021 and 60 % in 2022 (b); highest 60 % > 50 % → сильно
    const a = assessShnor([cell(M, 0.6), cell(R, 0.35)], [cell(M, 0.5)], 2022, settings);
    expect(a.reason).toBe('2022: ОГЭ математика — 60 %, ОГЭ русский язык — 35 %; ОГЭ математика: 50 % (2021) и 60 % (2022)');
    expect(a.cluster).toBe('сильно неуспевающие');
  });

  it('counts a share of exactly 30 % even when floating point lands just below it', () => {
    // 0.7 − 0.4 = 0.29999999999999993 in binary, 3/10 = 0.30000000000000004: both are — 30 %
    const a = assessShnor([cell(M, 0.7 - 0.4)], [cell(M, 3 / 10)], 2022, settings);
    expect(a.status).toBe('ШНОР');
    expect(a.reason).toBe('ОГЭ математика: 30 % (2021) и 30 % (2022)');
    expect(a.cluster).toBe('базово неуспевающие');
  });

  it('does not count 29.9 %', () => {
    const a = assessShnor([cell(M, 0.299), cell(R, 0.299)], [cell(M, 0.299), cell(R, 0.299)], 2022, settings);
    expect(a.status).toBe('не ШНОР');
    expect(a.reason).toBe('');
    expect(a.cluster).toBeNull();
    expect(a.maxShare).toBe(0.299);
  });

  it('takes the threshold from the settings', () => {
    // t = 25 %: 26 % in both years fails
    const a = assessShnor([cell(M, 0.26)], [cell(M, 0.26)], 2022, { ...settings, shnorThreshold: 0.25 });
    expect(a.status).toBe('ШНОР');
  });

  it('is not ШНОР with one failing procedure in Y that did not fail in Y−1', () => {
    const a = assessShnor([cell(M, 0.8), cell(R, 0.2)], [cell(M, 0.1), cell(R, 0.9)], 2022, settings);
    expect(a.status).toBe('не ШНОР');
  });

  it('treats «нет участников» as no data but 0 % failing as data', () => {
    expect(assessShnor([cell(M, null), cell(R, null)], [cell(M, 0.9), cell(R, 0.9)], 2022, settings).status).toBe('нет данных');
    const zero = assessShnor([cell(M, 0), cell(R, null)], [cell(M, 0.9)], 2022, settings);
    expect(zero.status).toBe('не ШНОР');
    expect(zero.maxShare).toBe(0);
  });

  it('says «нет данных» with no share at all, and for a school with data for Y−1 only', () => {
    const none = assessShnor([], [], 2022, settings);
    expect(none).toEqual({ status: 'нет данных', reason: '', cluster: null, maxShare: null, smallSample: [], note: '' });
    expect(assessShnor([], [cell(M, 0.9), cell(R, 0.9)], 2022, settings).status).toBe('нет данных');
  });

  it('matches the two years by normalised procedure name, not by position', () => {
    // русский: 35 % in 2021, 40 % in 2022 → (b); математика fails only in 2021
    const a = assessShnor([cell(R, 0.4), cell(M, 0.1)], [cell(M, 0.5), cell('огэ  Русский язык', 0.35)], 2022, settings);
    expect(a.status).toBe('ШНОР');
    expect(a.reason).toBe('ОГЭ русский язык: 35 % (2021) и 40 % (2022)');
  });

  it('uses a share from a small sample and notes it', () => {
    // математика 50 % of 8 in 2022 and 40 % of 3 in 2021 → (b) with both shares from < 10 participants;
    // русский 10 % of 20 is a full sample; the 2021 русский sample of 4 decides nothing (русский does not fail in 2022)
    const a = assessShnor([cell(M, 0.5, 8), cell(R, 0.1, 20)], [cell(M, 0.4, 3), cell(R, 0.5, 4)], 2022, settings);
    expect(a.status).toBe('ШНОР');
    expect(a.smallSample).toEqual(['ОГЭ математика']);
    expect(a.note).toBe('малая выборка: ОГЭ математика (2022, 8 участников), ОГЭ математика (2021, 3 участника)');
  });

  it('notes a small sample of a non-ШНОР school too, with the right plural', () => {
    const a = assessShnor([cell(M, 0.1, 1), cell(R, 0.1, 10)], [], 2022, settings);
    expect(a.status).toBe('не ШНОР');
    expect(a.note).toBe('малая выборка: ОГЭ математика (2022, 1 участник)');
  });

  it('says «отчётный год» and «прошлый год» when the year is not known', () => {
    expect(assessShnor([cell(M, 1 / 3)], [cell(M, 2 / 3)], null, settings).reason).toBe(
      'ОГЭ математика: 67 % (прошлый год) и 33 % (отчётный год)',
    );
    expect(assessShnor([cell(M, 0.3), cell(R, 0.4)], [], null, settings).reason).toBe(
      'отчётный год: ОГЭ математика — 30 %, ОГЭ русский язык — 40 %',
    );
  });

  it('takes the first cell with a share when a procedure is given twice', () => {
    // the second математика cell is the same procedure: one failing procedure, not two
    const a = assessShnor([cell(M, null), cell(M, 0.5), cell('огэ математика', 0.6)], [], 2022, settings);
    expect(a.status).toBe('не ШНОР');
    expect(a.maxShare).toBe(0.5);
  });
});

describe('laterRowReplaces: two rows of one school, year and procedure once names are normalised', () => {
  it('takes the later row when it has a share, and never lets a row without a share replace one with', () => {
    expect(laterRowReplaces(0.4, 0.2)).toBe(true);
    expect(laterRowReplaces(0.4, null)).toBe(true);
    expect(laterRowReplaces(null, null)).toBe(true);
    expect(laterRowReplaces(null, 0.2)).toBe(false);
  });
});

describe('clusterFor', () => {
  it('puts 40 % and 50 % in «умеренно неуспевающие» and only shares above 50 % in «сильно»', () => {
    expect(clusterFor(0.3, settings)).toBe('базово неуспевающие');
    expect(clusterFor(0.399, settings)).toBe('базово неуспевающие');
    expect(clusterFor(4 / 10, settings)).toBe('умеренно неуспевающие');
    expect(clusterFor(0.5, settings)).toBe('умеренно неуспевающие');
    expect(clusterFor(0.1 + 0.4, settings)).toBe('умеренно неуспевающие');
    expect(clusterFor(0.501, settings)).toBe('сильно неуспевающие');
  });

  it('takes the bounds from the settings', () => {
    const s = { ...settings, clusterModerateFrom: 0.35, clusterStrongAbove: 0.45 };
    expect(clusterFor(0.36, s)).toBe('умеренно неуспевающие');
    expect(clusterFor(0.46, s)).toBe('сильно неуспевающие');
  });
});

const row = (schoolCode: string, year: number, procedure: string, participants: number | null, failed: number | null): ProcedureResult => ({
  schoolCode,
  year,
  procedure,
  participants,
  failed,
  highScorers: null,
});

describe('failingShare', () => {
  it('divides the failed by the participants', () => {
    expect(failingShare(row('a', 2022, M, 10, 3))).toBeCloseTo(0.3, 12);
    expect(failingShare(row('a', 2022, M, 20, 0))).toBe(0);
  });

  it('has no share without participants, and none from impossible numbers', () => {
    expect(failingShare(row('a', 2022, M, 0, 0))).toBeNull();
    expect(failingShare(row('a', 2022, M, null, null))).toBeNull();
    expect(failingShare(row('a', 2022, M, 10, null))).toBeNull();
    expect(failingShare(row('a', 2022, M, 10, 11))).toBeNull();
    expect(failingShare(row('a', 2022, M, 10, -1))).toBeNull();
  });
});

describe('reportingYearOf', () => {
  it('takes the year of the settings when it is set', () => {
    expect(reportingYearOf([row('a', 2023, M, 10, 1)], { ...settings, reportingYear: 2021 })).toBe(2021);
  });

  it('takes the latest year with results, ignoring a year prepared with empty rows', () => {
    const rows = [row('a', 2021, M, 10, 1), row('a', 2023, M, 10, 1), row('a', 2024, M, null, null), row('b', 2022, R, 5, 1)];
    expect(reportingYearOf(rows, settings)).toBe(2023);
  });

  it('falls back to the latest year of any row, and to null without rows', () => {
    expect(reportingYearOf([row('a', 2020, M, null, null), row('a', 2019, M, 0, 0)], settings)).toBe(2020);
    expect(reportingYearOf([], settings)).toBeNull();
  });
});

describe('assessSchools', () => {
  const results: ProcedureResult[] = [
    // A: 2022 русский 3/10 = 30 %, математика 6/12 = 50 % (two failing → a), история 10/10 does not count;
    //    2021 математика 2/10 = 20 %, 2020 математика 4/10 = 40 % → in 2021 not ШНОР.
    row('A', 2022, 'огэ рус. яз.', 10, 3),
    row('A', 2022, 'ОГЭ математика', 12, 6),
    row('A', 2022, 'ВПР история 5', 10, 10),
    row('A', 2021, 'ОГЭ математика', 10, 2),
    row('A', 2020, 'ОГЭ математика', 10, 4),
    row('A', 2019, 'ОГЭ математика', 10, 9), // Y−3: not used
    // B: история 50 % would make two failing procedures if it counted; only математика 40 % counts → не ШНОР
    row('B', 2022, 'ВПР история 5', 10, 5),
    row('B', 2022, 'ОГЭ математика', 10, 4),
    // C: present in 2021 only: 50 % and 40 % → ШНОР in 2021 (a), умеренно; «нет данных» in 2022
    row('C', 2021, 'ОГЭ математика', 10, 5),
    row('C', 2021, 'ОГЭ русский язык', 10, 4),
    // E: математика had no participants, ЕГЭ русский 0 of 20 failed
    row('E', 2022, 'ОГЭ математика', 0, 0),
    row('E', 2022, 'ЕГЭ русский язык', 20, 0),
    // F: математика given three times for 2022: the last row with a share (4/10 = — 40 %) wins;
    //    2021 математика 3/10 = 30 % → (b), cluster by 40 % → умеренно
    row('F', 2022, 'ОГЭ математика', 10, 1),
    row('F', 2022, 'ОГЭ математика', 10, 4),
    row('F', 2022, 'ОГЭ математика', null, null),
    row('F', 2021, 'ОГЭ математика', 10, 3),
  ];
  const [a, b, c, d, e, f] = assessSchools(['A', 'B', 'C', 'D', 'E', 'F'], results, 2022, settings);

  it('assesses a school from its rows, in canonical order, ignoring subjects that do not count', () => {
    expect(a.schoolCode).toBe('A');
    expect(a.year).toBe(2022);
    expect(a.status).toBe('ШНОР');
    expect(a.reason).toBe('2022: ОГЭ математика — 50 %, ОГЭ русский язык — 30 %');
    expect(a.cluster).toBe('умеренно неуспевающие'); // 50 % is not above 50 %
    expect(a.clusterOrStatus).toBe('умеренно неуспевающие');
    expect([...a.sharesY.keys()]).toEqual(['ОГЭ математика', 'ОГЭ русский язык']);
    expect([...a.sharesPrev.entries()]).toEqual([['ОГЭ математика', 0.2]]);
    expect(a.meanShareY).toBeCloseTo((0.5 + 0.3) / 2, 12); // история excluded
  });

  it('assesses Y−1 against Y−2 for the previous status', () => {
    // 2021: математика — 20 % only (2020's 40 % would need 2021 ≥ 30 % too) → не ШНОР
    expect(a.previousStatus).toBe('не ШНОР');
    expect(a.previousCluster).toBeNull();
    expect(a.previousClusterOrStatus).toBe('не ШНОР');
  });

  it('does not let a subject outside the settings make a school ШНОР', () => {
    expect(b.status).toBe('не ШНОР');
    expect([...b.sharesY.keys()]).toEqual(['ОГЭ математика']);
    expect(b.meanShareY).toBeCloseTo(0.4, 12);
  });

  it('gives «нет данных» in Y to a school present in Y−1 only, and keeps its previous cluster', () => {
    expect(c.status).toBe('нет данных');
    expect(c.clusterOrStatus).toBe('нет данных');
    expect(c.previousStatus).toBe('ШНОР');
    expect(c.previousCluster).toBe('умеренно неуспевающие');
    expect(c.previousClusterOrStatus).toBe('умеренно неуспевающие');
    expect(c.meanShareY).toBeNull();
  });

  it('gives «нет данных» both years to a school without rows', () => {
    expect(d.status).toBe('нет данных');
    expect(d.previousStatus).toBe('нет данных');
    expect(d.sharesY.size).toBe(0);
  });

  it('keeps «нет участников» apart from 0 % failing', () => {
    expect(e.status).toBe('не ШНОР');
    expect([...e.sharesY.entries()]).toEqual([
      ['ОГЭ математика', null],
      ['ЕГЭ русский язык', 0],
    ]);
    expect(e.meanShareY).toBe(0);
  });

  it('lets the last row with a share win when a procedure is given twice', () => {
    expect(f.status).toBe('ШНОР');
    expect(f.reason).toBe('ОГЭ математика: 30 % (2021) и 40 % (2022)');
    expect(f.cluster).toBe('умеренно неуспевающие');
  });

  it('notes small samples from the rows', () => {
    const [s] = assessSchools(['S'], [row('S', 2022, M, 5, 2), row('S', 2022, R, 9, 3)], 2022, settings);
    // 2/5 = 40 % and 3/9 ≈ 33 %: two failing, both from fewer than 10 participants
    expect(s.status).toBe('ШНОР');
    expect(s.note).toBe('малая выборка: ОГЭ математика (2022, 5 участников), ОГЭ русский язык (2022, 9 участников)');
  });

  it('gives a code listed twice the same status in both places, and a code without rows «нет данных»', () => {
    // A: 4/10 = 40 % and 3/10 = 30 % in 2022 → ШНОР by (a); B: 1/10 = 10 % → не ШНОР; rows of X (not listed) are ignored
    const rows = [row('A', 2022, M, 10, 4), row('X', 2022, M, 10, 9), row('B', 2022, M, 10, 1), row('A', 2022, R, 10, 3)];
    const [a1, b, a2, none] = assessSchools(['A', 'B', 'A', 'Z'], rows, 2022, settings);
    expect([a1.status, b.status, a2.status, none.status]).toEqual(['ШНОР', 'не ШНОР', 'ШНОР', 'нет данных']);
    expect(a2.maxShare).toBe(0.4);
  });
});

describe('two procedures of one subject in one year', () => {
  const V5 = 'ВПР математика 5';
  const V6 = 'ВПР математика 6';
  it('count as two by default («по двум и более процедурам»)', () => {
    // ВПР математика 5: 4/10 = 40 %, ВПР математика 6: 3/10 = 30 %: two failing procedures in 2024 → ШНОР (a)
    const a = assessShnor([cell(V5, 0.4), cell(V6, 0.3)], [], 2024, settings);
    expect(a.status).toBe('ШНОР');
    expect(a.reason).toBe('2024: ВПР математика 5 — 40 %, ВПР математика 6 — 30 %');
  });

  it('count as one when the setting asks for different subjects, while two subjects still count', () => {
    const differentSubjects = { ...settings, sameSubjectCountsTwice: false };
    // the same two shares are one subject (математика): criterion (a) fails, and nothing failed in 2023 → не ШНОР
    expect(assessShnor([cell(V5, 0.4), cell(V6, 0.3)], [], 2024, differentSubjects).status).toBe('не ШНОР');
    // математика 40 % and русский язык 30 %: two subjects → ШНОР
    expect(assessShnor([cell(V5, 0.4), cell('ВПР русский язык 5', 0.3)], [], 2024, differentSubjects).status).toBe('ШНОР');
    // criterion (b) is untouched: ВПР математика 5 at 40 % in 2023 and 2024
    expect(assessShnor([cell(V5, 0.4), cell(V6, 0.3)], [cell(V5, 0.4)], 2024, differentSubjects).status).toBe('ШНОР');
  });

  it('apply to «Результаты ОП» through assessSchools', () => {
    const rows: ProcedureResult[] = [row('A', 2024, V5, 10, 4), row('A', 2024, V6, 10, 3)];
    expect(assessSchools(['A'], rows, 2024, settings)[0].status).toBe('ШНОР');
    expect(assessSchools(['A'], rows, 2024, { ...settings, sameSubjectCountsTwice: false })[0].status).toBe('не ШНОР');
  });
});
