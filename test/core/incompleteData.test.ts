import { describe, expect, it } from 'vitest';
import { assessSchools } from '../../src/core/shnor';
import { clusterDynamics } from '../../src/core/dynamics';
import { defaultSettings } from '../../src/core/settings';
import type { LostResult, ProcedureResult } from '../../src/core/types';
import { result } from '../fixtures/region';

// docs/методика.md §3 «Неполные данные», t = 30 %, Y = 2025. More rows can only add failing shares, so a school that
// is not ШНОР by what is left is «неполные данные» exactly when the missing shares, all failing, would meet (а) or (б).
const settings = defaultSettings();
const M = 'ОГЭ математика';
const R = 'ОГЭ русский язык';
// Rows as test/fixtures/region.ts writes them; a failures count left empty is null.
const row = (schoolCode: string, year: number, procedure: string, participants: number, failed: number | null): ProcedureResult =>
  failed === null
    ? { ...result(schoolCode, year, procedure, participants, 0), failed: null }
    : result(schoolCode, year, procedure, participants, failed);
const lostRow = (schoolCode: string, year: number | null, procedure: string | null): LostResult => ({ schoolCode, year, procedure });

function assess(results: ProcedureResult[], lost: LostResult[], code = 'A') {
  return assessSchools([code], results, 2025, settings, lost)[0];
}

describe('a school whose results are incomplete', () => {
  it('is «неполные данные», not «не ШНОР», when its rejected row of Y could make a second failing procedure (а)', () => {
    // 2025: математика 4/10 = 40 % fails; the русский язык row of 2025 was rejected. Left: one failing → не ШНОР; with
    // русский ≥ 30 % it would be two failing procedures → ШНОР. The status cannot be told.
    const a = assess([row('A', 2025, M, 10, 4)], [lostRow('A', 2025, R)]);
    expect(a.status).toBe('неполные данные');
    expect(a.cluster).toBeNull();
    expect(a.clusterOrStatus).toBe('неполные данные');
    expect(a.reason).toBe('неполные данные: ОГЭ русский язык, 2025: строка не принята');
    expect(a.missing).toEqual(['ОГЭ русский язык, 2025: строка не принята']);
  });

  it('is «неполные данные» when a procedure of Y−1 has no row in Y and one procedure of Y already fails', () => {
    // 2025 математика 40 % fails; русский язык was written in 2024 (1/10 = 10 %) and has no 2025 row at all. A failing
    // русский of 2025 would make two procedures (а).
    const a = assess([row('A', 2025, M, 10, 4), row('A', 2024, R, 10, 1)], []);
    expect(a.status).toBe('неполные данные');
    expect(a.reason).toBe('неполные данные: ОГЭ русский язык, 2025: нет строки, а в прошлом году была');
  });

  it('stays «не ШНОР» when what is missing could not change it', () => {
    // 2025 математика 10 %, русский 10 %; 2024 the same. The ЕГЭ русский язык row of 2025 was rejected: even at 100 % it
    // would be one failing procedure in 2025 (а needs two) and it has no 2024 share to repeat (б). Status stands.
    const rows = [row('A', 2025, M, 10, 1), row('A', 2025, R, 10, 1), row('A', 2024, M, 10, 1), row('A', 2024, R, 10, 1)];
    const a = assess(rows, [lostRow('A', 2025, 'ЕГЭ русский язык')]);
    expect(a.status).toBe('не ШНОР');
    expect(a.reason).toBe('');
    expect(a.missing).toEqual([]);
  });

  it('is «неполные данные» when the rejected row of Y−1 could repeat a failure of Y (б)', () => {
    // 2025 математика 40 %; its 2024 row was rejected. 40 % after ≥ 30 % would meet (б).
    const a = assess([row('A', 2025, M, 10, 4), row('A', 2025, R, 10, 1)], [lostRow('A', 2024, M)]);
    expect(a.status).toBe('неполные данные');
    expect(a.reason).toBe('неполные данные: ОГЭ математика, 2024: строка не принята');
  });

  it('counts a row with participants but no failures as missing', () => {
    // 2025 русский 4/10 = 40 %; математика has 10 participants and no count of failures: a failing математика makes (а).
    const a = assess([row('A', 2025, R, 10, 4), row('A', 2025, M, 10, null)], []);
    expect(a.status).toBe('неполные данные');
    expect(a.reason).toBe('неполные данные: ОГЭ математика, 2025: нет числа не преодолевших порог');
  });

  it('is «неполные данные», not «нет данных», when its only rows of Y were rejected; a school that sent nothing stays «нет данных»', () => {
    expect(assess([], [lostRow('A', 2025, M)]).status).toBe('неполные данные');
    // An unreadable year and procedure are named as such.
    expect(assess([], [lostRow('A', null, null)]).reason).toBe(
      'неполные данные: процедура не прочитана, год не прочитан: строка не принята',
    );
    // 2024 only (50 % + 40 %): no row of 2025 and none rejected → «нет данных», as before (docs/методика.md §3).
    expect(assess([row('A', 2024, M, 10, 5), row('A', 2024, R, 10, 4)], []).status).toBe('нет данных');
  });

  it('ignores rejected rows of subjects that do not count for the status', () => {
    // ОГЭ история does not count (settings.shnorSubjects): математика 40 % alone is не ШНОР.
    expect(assess([row('A', 2025, M, 10, 4)], [lostRow('A', 2025, 'ОГЭ история')]).status).toBe('не ШНОР');
  });

  it('keeps a ШНОР a ШНОР, saying its cluster lacks the missing rows', () => {
    // 2025 математика 4/10 = 40 %, русский 35/100 = 35 % → (а), cluster by 40 % → умеренно. The ЕГЭ математика (профильная)
    // row of 2025 was rejected: it can only add a failing share, so ШНОР stands, but it could raise the highest share.
    const a = assess([row('A', 2025, M, 10, 4), row('A', 2025, R, 100, 35)], [lostRow('A', 2025, 'ЕГЭ математика (профильная)')]);
    expect(a.status).toBe('ШНОР');
    expect(a.cluster).toBe('умеренно неуспевающие');
    expect(a.note).toBe('кластер — по имеющимся данным; не хватает: ЕГЭ математика (профильная), 2025: строка не принята');
    expect(a.missing).toEqual(['ЕГЭ математика (профильная), 2025: строка не принята']);
  });

  it('does not call a former ШНОР «вышла из списка» when what is missing could keep it on the list', () => {
    // 2024: 50 % and 50 % → ШНОР. 2025: математика 2/10 = 20 %, the русский row rejected; русский 50 % in 2024 could
    // repeat (б). Cluster dynamics: «неполные данные», not «вышла из списка».
    const a = assess([row('A', 2024, M, 10, 5), row('A', 2024, R, 10, 5), row('A', 2025, M, 10, 2)], [lostRow('A', 2025, R)]);
    expect(a.previousStatus).toBe('ШНОР');
    expect(a.status).toBe('неполные данные');
    expect(clusterDynamics(a.previousClusterOrStatus, a.clusterOrStatus)).toBe('неполные данные');
  });

  it('reads the rejected rows of other schools as theirs only', () => {
    const [a, b] = assessSchools(['A', 'B'], [row('A', 2025, M, 10, 4), row('B', 2025, M, 10, 4)], 2025, settings, [lostRow('B', 2025, R)]);
    expect(a.status).toBe('не ШНОР');
    expect(b.status).toBe('неполные данные');
  });
});
