import { describe, expect, it } from 'vitest';
import { computeReport } from '../../src/core/pipeline';
import { defaultSettings } from '../../src/core/settings';
import { DEFAULT_RISK_FACTORS } from '../../src/core/factors';
import { DEFAULT_CATALOG } from '../../src/core/catalog';
import { mergeRoadmap, roadmapRows } from '../../src/core/roadmap';
import { readRoadmapRows, roadmapSheet, roadmapTargets, schoolYearStartOf } from '../../src/sheets/roadmapSheets';
import { headerRowOf } from '../../src/sheets/sheetSpec';
import { handRegion } from '../fixtures/region';
import { specValues } from '../support/harness';

const { schools, results } = handRegion();
const report = computeReport({ schools, results, diagnoses: [], factors: [...DEFAULT_RISK_FACTORS], settings: defaultSettings() });

describe('roadmap sheets', () => {
  it('targets every ШНОР by default and only known chosen schools otherwise', () => {
    expect(roadmapTargets(report, [])).toEqual(['a1', 'a2', 'b1']);
    expect(roadmapTargets(report, ['a3', 'zz'])).toEqual(['a3']);
  });

  it('the school year starts on 1 September', () => {
    expect(schoolYearStartOf(new Date(2026, 7, 31))).toBe(2025);
    expect(schoolYearStartOf(new Date(2026, 8, 1))).toBe(2026);
  });

  it('puts a title block above the header with the school, municipality, cluster, ИСБШ and mentor', () => {
    const a1 = report.schools.find((s) => s.school.schoolCode === 'a1')!;
    const spec = roadmapSheet(a1, roadmapRows(a1.shnor.cluster, [], {}, DEFAULT_CATALOG, 2026), 2025, 2026);
    expect(spec.name).toBe('ДК a1');
    expect(spec.caption?.[0]).toContain('2026/2027');
    expect(spec.caption?.join('\n')).toContain('Школа: Школа a1 (a1)');
    expect(spec.caption?.join('\n')).toContain('Кластер: умеренно неуспевающие');
    expect(spec.caption?.join('\n')).toContain('ИСБШ: 78,1');
    expect(spec.columns.slice(0, 10).map((c) => c.header)).toEqual([
      '№',
      'Фактор риска',
      'Задача',
      'Мероприятие',
      'Срок',
      'Ответственный',
      'Показатель результата',
      'Итоговый документ',
      'Статус',
      'Комментарий',
    ]);
    expect(spec.validations?.map((v) => v.kind)).toEqual(['list', 'date']);
    expect(spec.rules?.[0]).toMatchObject({ kind: 'rowWhenFormula' });
    expect((spec.rules?.[0] as { formula: string }).formula).toContain(`$E${headerRowOf(spec) + 1}<TODAY()`);
  });

  it('reads people’s edits back and keeps them through a regeneration', () => {
    const a1 = report.schools.find((s) => s.school.schoolCode === 'a1')!;
    const fresh = roadmapRows(a1.shnor.cluster, [], {}, DEFAULT_CATALOG, 2026);
    const values = specValues(roadmapSheet(a1, fresh, 2025, 2026));
    const header = headerRowOf({ caption: roadmapSheet(a1, fresh, 2025, 2026).caption });
    // A person marks the first measure done, comments the second, moves its deadline, and adds a row by hand.
    values[header][8] = 'выполнено';
    values[header + 1][9] = 'Перенесено на апрель';
    values[header + 1][4] = new Date(2027, 3, 30);
    values.push(['', 'Общие меры', 'Своя задача', 'Своё мероприятие', '', 'Директор', '', '', 'в работе', '', '', '']);
    const read = readRoadmapRows(values);
    expect(read).toHaveLength(fresh.length + 1);
    const merged = mergeRoadmap(read, fresh);
    expect(merged[0].status).toBe('выполнено');
    expect(merged[1].comment).toBe('Перенесено на апрель');
    expect(merged[1].deadline?.getMonth()).toBe(3);
    expect(merged.some((r) => r.measure === 'Своё мероприятие' && r.measureId === null && r.status === 'в работе')).toBe(true);
    expect(merged).toHaveLength(fresh.length + 1);
  });
});
