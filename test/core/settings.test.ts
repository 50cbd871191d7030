import { describe, expect, it } from 'vitest';
import { defaultSettings, settingsProblems, validateSettings } from '../../src/core/settings';
import { UserError } from '../../src/core/errors';

describe('settings', () => {
  it('defaults follow docs/методика.md', () => {
    const s = defaultSettings();
    expect(s.isbshLevelBounds).toEqual([79.5, 81.6, 83.9, 86.4]);
    expect(s.riskZoneShare).toBe(0.25);
    expect(s.shnorThreshold).toBe(0.3);
    expect(s.smallSampleMin).toBe(10);
    expect(s.clusterModerateFrom).toBe(0.4);
    expect(s.clusterStrongAbove).toBe(0.5);
    expect(s.deficitSdK).toBe(2);
    expect(s.reportingYear).toBeNull();
  });

  it('a fresh copy does not share arrays with the defaults', () => {
    const a = defaultSettings();
    a.isbshLevelBounds[0] = 1;
    expect(defaultSettings().isbshLevelBounds[0]).toBe(79.5);
  });

  it('rejects level boundaries out of order, naming the boundary', () => {
    const s = { ...defaultSettings(), isbshLevelBounds: [79.5, 83.9, 81.6, 86.4] as [number, number, number, number] };
    expect(settingsProblems(s)).toEqual(['Границы уровней ИСБШ: граница 81,6 должна быть больше предыдущей (83,9).']);
  });

  it('rejects a share above 1 with a Russian message', () => {
    expect(settingsProblems({ ...defaultSettings(), riskZoneShare: 1.5 })).toEqual([
      'Доля зоны риска: доля должна быть от 0\u00a0% до 100\u00a0%, получено «150\u00a0%».',
    ]);
  });

  it('rejects a cluster bound below the ШНОР threshold and a year outside 2000–2100', () => {
    const problems = settingsProblems({ ...defaultSettings(), clusterModerateFrom: 0.2, reportingYear: 1999 });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/не может быть меньше порога ШНОР/);
    expect(problems[1]).toMatch(/Отчётный год/);
  });

  it('validateSettings fills missing keys and throws a UserError listing every problem', () => {
    expect(validateSettings({ shnorThreshold: 0.35 }).shnorThreshold).toBe(0.35);
    expect(validateSettings({ shnorThreshold: 0.35 }).riskZoneShare).toBe(0.25);
    expect(() => validateSettings({ shnorSubjects: [] })).toThrow(UserError);
    expect(() => validateSettings({ shnorSubjects: [] })).toThrow(/Настройки не сохранены/);
  });
});
