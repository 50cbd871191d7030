import { describe, expect, it } from 'vitest';
import type { RoadmapRow } from '../../src/core/roadmap';
import { monitoringTable, roadmapProgress } from '../../src/core/roadmapMonitoring';

const today = new Date(2025, 0, 15); // 15.01.2025

function row(status: string, deadline: Date | null, measure = 'Мероприятие'): RoadmapRow {
  return { measureId: null, factor: '', task: '', measure, deadline, owner: '', indicator: '', document: '', status, comment: '' };
}

const past = new Date(2024, 11, 31); // 31.12.2024, before today
const future = new Date(2025, 4, 31); // 31.05.2025

describe('roadmapProgress', () => {
  it('counts rows by status, the overdue ones, and the share done of the rows not cancelled', () => {
    const rows = [
      row('выполнено', past),
      row('выполнено', future),
      row('в работе', past), // overdue
      row('не начато', past), // overdue
      row('в работе', future),
      row('отменено', past), // cancelled: not overdue
      row('', null),
      row('', null, '   '), // an empty line of the sheet: not counted
    ];
    // total 7, done 2, in progress 2, overdue 2, cancelled 1; share done = 2 ÷ (7 − 1) = 33 %.
    expect(roadmapProgress(rows, today)).toEqual({ total: 7, done: 2, inProgress: 2, overdue: 2, cancelled: 1, shareDone: 0.33 });
  });

  it('gives 0 % for an empty roadmap or one with every row cancelled', () => {
    expect(roadmapProgress([], today)).toEqual({ total: 0, done: 0, inProgress: 0, overdue: 0, cancelled: 0, shareDone: 0 });
    expect(roadmapProgress([row('отменено', past)], today).shareDone).toBe(0);
  });

  it('reads statuses whatever their case', () => {
    // 2 of 2 done → 100 %.
    expect(roadmapProgress([row('Выполнено', past), row(' ВЫПОЛНЕНО', future)], today)).toMatchObject({
      done: 2,
      overdue: 0,
      shareDone: 1,
    });
  });
});

describe('monitoringTable', () => {
  it('lists the most overdue roadmaps first, ties by school code', () => {
    const table = monitoringTable(
      [
        { sheetName: 'ДК edu3', schoolCode: 'edu3', rows: [row('не начато', past)] },
        { sheetName: 'ДК edu10', schoolCode: 'edu10', rows: [row('выполнено', past)] },
        { sheetName: 'ДК edu2', schoolCode: 'edu2', rows: [row('не начато', past), row('в работе', past)] },
        { sheetName: 'ДК edu1', schoolCode: 'edu1', rows: [row('в работе', past)] },
      ],
      today,
    );
    // Overdue: edu2 2; edu1 and edu3 1 each (edu1 first); edu10 0.
    expect(table.map((t) => [t.schoolCode, t.overdue])).toEqual([
      ['edu2', 2],
      ['edu1', 1],
      ['edu3', 1],
      ['edu10', 0],
    ]);
    expect(table[3]).toEqual({
      sheetName: 'ДК edu10',
      schoolCode: 'edu10',
      total: 1,
      done: 1,
      inProgress: 0,
      overdue: 0,
      cancelled: 0,
      shareDone: 1,
    });
  });
});
