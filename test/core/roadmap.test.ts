import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG } from '../../src/core/catalog';
import { DEFAULT_RISK_FACTORS } from '../../src/core/factors';
import {
  ROADMAP_HEADER,
  ROADMAP_STATUSES,
  calendarDay,
  deferPastDeadlines,
  isOverdue,
  mergeRoadmap,
  roadmapRows,
  schoolYearDeadline,
  type RoadmapRow,
} from '../../src/core/roadmap';
import type { CatalogMeasure } from '../../src/core/types';

const factorNames = Object.fromEntries(DEFAULT_RISK_FACTORS.map((f) => [f.id, f.name]));
const ids = (rows: RoadmapRow[]) => rows.map((r) => r.measureId);

/** A local calendar day, as Sheets hands a date cell back (midnight in the script's time zone). */
const day = (y: number, m: number, d: number) => new Date(y, m - 1, d);

describe('roadmap constants', () => {
  it('has the columns of docs/методика.md §6 plus the technical measure id, and the four statuses', () => {
    expect(ROADMAP_HEADER.slice(0, 10)).toEqual([
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
    expect(ROADMAP_HEADER[10]).toBe('ID меры');
    expect([...ROADMAP_STATUSES]).toEqual(['не начато', 'в работе', 'выполнено', 'отменено']);
  });
});

describe('schoolYearDeadline', () => {
  it('puts September–December in the starting year, on the last day of the month', () => {
    // School year 2024/25: September → 30.09.2024, December → 31.12.2024.
    expect(calendarDay(schoolYearDeadline(9, 2024))).toBe(20240930);
    expect(calendarDay(schoolYearDeadline(12, 2024))).toBe(20241231);
  });

  it('puts January–August in the next year', () => {
    // January → 31.01.2025, May → 31.05.2025.
    expect(calendarDay(schoolYearDeadline(1, 2024))).toBe(20250131);
    expect(calendarDay(schoolYearDeadline(5, 2024))).toBe(20250531);
  });

  it('knows the length of February', () => {
    // 2025 is not a leap year (28 days); 2024 is (29 days).
    expect(calendarDay(schoolYearDeadline(2, 2024))).toBe(20250228);
    expect(calendarDay(schoolYearDeadline(2, 2023))).toBe(20240229);
  });

  it('is built at 06:00 UTC, the same day from Kaliningrad to Kamchatka', () => {
    expect(schoolYearDeadline(10, 2024).toISOString()).toBe('2024-10-31T06:00:00.000Z');
  });
});

describe('roadmapRows', () => {
  it('gives a сильно неуспевающая school the general, cluster and high-factor measures in that order', () => {
    const rows = roadmapRows('сильно неуспевающие', ['F1', 'F7'], factorNames, DEFAULT_CATALOG, 2024);
    expect(ids(rows)).toEqual([
      'ALL-01',
      'ALL-02',
      'ALL-03',
      'ALL-04',
      'ALL-05',
      'STRONG-01',
      'STRONG-02',
      'STRONG-03',
      'STRONG-04',
      'F1-01',
      'F1-02',
      'F7-01',
      'F7-02',
    ]);
    expect(rows.every((r) => r.status === 'не начато' && r.comment === '')).toBe(true);
    expect(rows[0].factor).toBe('Общие меры');
    expect(rows[9].factor).toBe('Низкий уровень оснащения школы');
    // ALL-01 is due in September (month 9) → 30.09.2024; F7-02 in February → 28.02.2025.
    expect(calendarDay(rows[0].deadline as Date)).toBe(20240930);
    expect(calendarDay(rows[12].deadline as Date)).toBe(20250228);
    const all01 = DEFAULT_CATALOG.find((m) => m.id === 'ALL-01') as CatalogMeasure;
    expect(rows[0]).toMatchObject({
      task: all01.task,
      measure: all01.measure,
      owner: all01.ownerRole,
      indicator: all01.indicator,
      document: all01.document,
    });
  });

  it('gives an умеренно неуспевающая school its cluster measures and those of its one high factor', () => {
    const rows = roadmapRows('умеренно неуспевающие', ['F3'], factorNames, DEFAULT_CATALOG, 2024);
    expect(ids(rows)).toEqual([
      'ALL-01',
      'ALL-02',
      'ALL-03',
      'ALL-04',
      'ALL-05',
      'MODERATE-01',
      'MODERATE-02',
      'MODERATE-03',
      'F3-01',
      'F3-02',
    ]);
  });

  it('gives a базово неуспевающая school without high factors the general measures and the prevention programme', () => {
    const rows = roadmapRows('базово неуспевающие', [], factorNames, DEFAULT_CATALOG, 2024);
    expect(ids(rows)).toEqual(['ALL-01', 'ALL-02', 'ALL-03', 'ALL-04', 'ALL-05', 'BASIC-01']);
  });

  it('gives a school that is not ШНОР the measures for all clusters only', () => {
    const rows = roadmapRows(null, ['F2'], factorNames, DEFAULT_CATALOG, 2024);
    expect(ids(rows)).toEqual(['ALL-01', 'ALL-02', 'ALL-03', 'ALL-04', 'ALL-05', 'F2-01', 'F2-02']);
  });

  it('includes factor measures meant for the school cluster only, and uses the factor id when it has no name', () => {
    const m = (id: string, cluster: CatalogMeasure['cluster'], factor: string): CatalogMeasure => ({
      id,
      cluster,
      factor,
      task: 'З',
      measure: 'М',
      deadlineMonth: 10,
      ownerRole: 'О',
      indicator: 'П',
      document: 'Д',
    });
    const catalog = [
      m('S-F5', 'сильно неуспевающие', 'F5'),
      m('B-F5', 'базово неуспевающие', 'F5'),
      m('A-F5', 'все', 'F5'),
      m('A-X', 'все', 'X1'),
    ];
    expect(ids(roadmapRows('сильно неуспевающие', ['F5', 'X1'], factorNames, catalog, 2024))).toEqual(['S-F5', 'A-F5', 'A-X']);
    expect(roadmapRows('сильно неуспевающие', ['X1'], factorNames, catalog, 2024)[0].factor).toBe('X1');
  });
});

describe('mergeRoadmap', () => {
  function fresh(): RoadmapRow[] {
    return roadmapRows('базово неуспевающие', ['F10'], factorNames, DEFAULT_CATALOG, 2024);
  }

  it('keeps statuses, comments, a changed deadline and owner, hand-added rows, and notes measures that left the template', () => {
    // Last year's roadmap: the person worked on it; F10-02 was suggested then, and a catalog text has changed since.
    const previous = fresh(); // ALL-01..05, BASIC-01, F10-01, F10-02
    const existing: RoadmapRow[] = previous.map((r) => ({ ...r }));
    existing[0] = { ...existing[0], status: 'выполнено', comment: 'Приказ № 12 от 05.09' };
    existing[1] = { ...existing[1], status: 'в работе', deadline: day(2024, 11, 15), owner: 'Иванова А. А.' };
    existing[2] = { ...existing[2], measure: 'Старый текст мероприятия' };
    const handRow: RoadmapRow = {
      measureId: null,
      factor: 'Общие меры',
      task: 'Своя задача',
      measure: 'Своё мероприятие',
      deadline: day(2025, 3, 1),
      owner: 'Петров П. П.',
      indicator: '',
      document: '',
      status: 'в работе',
      comment: 'добавлено вручную',
    };
    existing.splice(3, 0, handRow); // after ALL-03
    existing[8] = { ...existing[8], status: 'отменено' }; // F10-02 (index 8 after the insertion)

    // Now the school has F10 no more but F1 high: F10-01/02 leave the template, F1-01/02 come in.
    const now = roadmapRows('базово неуспевающие', ['F1'], factorNames, DEFAULT_CATALOG, 2024);
    const merged = mergeRoadmap(existing, now);

    expect(ids(merged)).toEqual(['ALL-01', 'ALL-02', 'ALL-03', null, 'ALL-04', 'ALL-05', 'BASIC-01', 'F10-01', 'F10-02', 'F1-01', 'F1-02']);
    expect(merged[0]).toMatchObject({ status: 'выполнено', comment: 'Приказ № 12 от 05.09' });
    expect(merged[1]).toMatchObject({ status: 'в работе', owner: 'Иванова А. А.' });
    expect(calendarDay(merged[1].deadline as Date)).toBe(20241115);
    // The measure text follows the catalog.
    expect(merged[2].measure).toBe(DEFAULT_CATALOG.find((m) => m.id === 'ALL-03')?.measure);
    expect(merged[3]).toEqual(handRow);
    expect(merged[7]).toMatchObject({ measureId: 'F10-01', status: 'не начато', note: 'не входит в текущий шаблон' });
    expect(merged[8]).toMatchObject({ measureId: 'F10-02', status: 'отменено', note: 'не входит в текущий шаблон' });
    expect(merged[9]).toEqual(now.find((r) => r.measureId === 'F1-01'));
    expect(merged.slice(0, 7).every((r) => r.note === undefined)).toBe(true);
  });

  it('clears the note of a measure that returns to the template, and fills a blank status or owner from it', () => {
    const existing = fresh().map((r) => ({ ...r }));
    existing[6] = { ...existing[6], note: 'не входит в текущий шаблон', status: '', owner: ' ' };
    const merged = mergeRoadmap(existing, fresh());
    expect(merged[6].note).toBeUndefined();
    expect(merged[6].status).toBe('не начато');
    expect(merged[6].owner).toBe(fresh()[6].owner);
  });

  it('returns the fresh rows for a new roadmap', () => {
    expect(mergeRoadmap([], fresh())).toEqual(fresh());
  });
});

describe('isOverdue', () => {
  const row = (status: string, deadline: Date | null): RoadmapRow => ({
    measureId: 'ALL-01',
    factor: '',
    task: '',
    measure: 'М',
    deadline,
    owner: '',
    indicator: '',
    document: '',
    status,
    comment: '',
  });
  const deadline = schoolYearDeadline(10, 2024); // 31.10.2024

  it('is not overdue on the deadline day itself, whatever the hour', () => {
    expect(isOverdue(row('в работе', deadline), new Date(2024, 9, 31, 23, 59))).toBe(false);
    expect(isOverdue(row('в работе', day(2024, 10, 31)), new Date(2024, 9, 31, 0, 0))).toBe(false);
  });

  it('is overdue from the next day unless done or cancelled', () => {
    const nextDay = day(2024, 11, 1);
    expect(isOverdue(row('в работе', deadline), nextDay)).toBe(true);
    expect(isOverdue(row('не начато', deadline), nextDay)).toBe(true);
    expect(isOverdue(row('', deadline), nextDay)).toBe(true);
    expect(isOverdue(row('Выполнено', deadline), nextDay)).toBe(false);
    expect(isOverdue(row('отменено ', deadline), nextDay)).toBe(false);
  });

  it('is never overdue without a deadline', () => {
    expect(isOverdue(row('не начато', null), day(2030, 1, 1))).toBe(false);
  });
});

describe('a new roadmap made after some catalog months have passed', () => {
  it('moves only the deadlines already past to the last day of the next month, so nothing starts overdue', () => {
    const base = {
      measureId: 'X',
      factor: '',
      task: 't',
      measure: 'm',
      owner: '',
      indicator: '',
      document: '',
      status: 'не начато',
      comment: '',
    };
    const today = new Date(2026, 10, 23); // 23 November 2026
    const rows = [
      { ...base, deadline: schoolYearDeadline(9, 2026) }, // 30.09.2026 — past
      { ...base, deadline: schoolYearDeadline(12, 2026) }, // 31.12.2026 — ahead
    ];
    const out = deferPastDeadlines(rows, today);
    expect([out[0].deadline!.getUTCFullYear(), out[0].deadline!.getUTCMonth(), out[0].deadline!.getUTCDate()]).toEqual([2026, 11, 31]);
    expect(out[1].deadline).toEqual(rows[1].deadline);
    expect(out.some((r) => isOverdue(r, today))).toBe(false);
  });
});

describe('days are counted in the spreadsheet’s time zone', () => {
  it('a deadline read back as midnight in Novosibirsk is not overdue on that day, whatever the script’s zone', () => {
    const base = {
      measureId: 'X',
      factor: '',
      task: 't',
      measure: 'm',
      owner: '',
      indicator: '',
      document: '',
      status: 'не начато',
      comment: '',
    };
    // Sheets hands back the date cell 31.10.2025 of a Novosibirsk (UTC+7) spreadsheet as 31.10 00:00 there = 30.10 17:00 UTC.
    const deadline = new Date(Date.UTC(2025, 9, 30, 17));
    // 31.10.2025 10:00 in Novosibirsk = 03:00 UTC.
    const today = new Date(Date.UTC(2025, 9, 31, 3));
    expect(calendarDay(deadline, 'Asia/Novosibirsk')).toBe(20251031);
    expect(isOverdue({ ...base, deadline }, today, 'Asia/Novosibirsk')).toBe(false);
    // In Moscow (UTC+3) the same instant is still 30.10, 20:00: read there, the row would look overdue a day early.
    expect(calendarDay(deadline, 'Europe/Moscow')).toBe(20251030);
    expect(isOverdue({ ...base, deadline }, today, 'Europe/Moscow')).toBe(true);
  });
});
