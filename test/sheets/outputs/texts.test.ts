import { describe, expect, it } from 'vitest';
import { computeReport } from '../../../src/core/pipeline';
import { defaultSettings } from '../../../src/core/settings';
import { DEFAULT_RISK_FACTORS } from '../../../src/core/factors';
import type { SchoolRecord } from '../../../src/core/types';
import { isbshSheet } from '../../../src/sheets/outputs/isbshSheet';
import { indicatorsSheet, municipalitiesSheet } from '../../../src/sheets/outputs/summarySheets';
import { school } from '../../fixtures/region';

function reportOf(schools: SchoolRecord[]) {
  return computeReport({ schools, results: [], diagnoses: [], factors: [...DEFAULT_RISK_FACTORS], settings: defaultSettings() });
}

/** The «Примечание» cell of a school on «ИСБШ». */
function noteOf(schools: SchoolRecord[], code: string): string {
  const spec = isbshSheet(reportOf(schools));
  const header = spec.columns.map((c) => c.header);
  return String(spec.rows.find((r) => r[0] === code)![header.indexOf('Примечание')]);
}

describe('the words of the output sheets', () => {
  it('«ИСБШ» names one missing index field in quotes', () => {
    const a = school('a1', 'М', [0.3, 0.8, 0.2, 0.05, 0.1]);
    a.shares.singleParent = null;
    expect(noteOf([a], 'a1')).toBe('ИСБШ не рассчитан: нет значения — «Обучающихся из неполных семей»');
  });

  it('«ИСБШ» lists several missing index fields, each quoted, so the commas inside a field name do not split it', () => {
    const a = school('a1', 'М', [0.3, 0.8, 0.2, 0.05, 0.1]);
    a.shares.bothParentsHigherEd = null;
    a.shares.nonNativeRussian = null;
    expect(noteOf([a], 'a1')).toBe(
      'ИСБШ не рассчитан: нет значений — «Обучающихся, оба родителя которых имеют высшее образование», ' +
        '«Обучающихся, для которых русский язык не является родным»',
    );
  });

  it('the captions of «Муниципалитеты» and «Показатели» leave the year out when there are no assessment results', () => {
    const report = reportOf([school('a1', 'М', [0.3, 0.8, 0.2, 0.05, 0.1])]);
    expect(report.year).toBeNull();
    expect(municipalitiesSheet(report).caption?.[0]).toBe(
      'Сводка по муниципалитетам: ШНОР, зона риска по ИСБШ, ресурсные дефициты и приоритетные адресаты поддержки.',
    );
    expect(indicatorsSheet(report).caption?.[0]).toMatch(/^Целевые показатели системы работы со ШНОР \(первое и второе направления\)\. /);
  });

  it('«Показатели» says which way each target is met: at least, and at most for the share of ШНОР', () => {
    const caption = indicatorsSheet(reportOf([school('a1', 'М', [0.3, 0.8, 0.2, 0.05, 0.1])])).caption ?? [];
    expect(caption.join(' ')).toContain('«Достигнуто» — «да», если фактическое значение не меньше целевого (для доли ШНОР — не больше).');
  });
});
