import { describe, expect, it } from 'vitest';
import { CATALOG_SHEET_HEADER, DEFAULT_CATALOG, catalogFromSheet, catalogToRows, parseMonth } from '../../src/core/catalog';
import { DEFAULT_RISK_FACTORS } from '../../src/core/factors';

const HEADER = ['ID', 'Кластер', 'Фактор риска', 'Задача', 'Мероприятие', 'Срок (месяц)', 'Ответственный', 'Показатель результата', 'Итоговый документ'];

function row(id: unknown, cluster: unknown, factor: unknown, month: unknown, measure = 'Мероприятие ' + String(id)): unknown[] {
  return [id, cluster, factor, 'Задача', measure, month, 'Руководитель ОО', 'Показатель', 'Документ'];
}

describe('DEFAULT_CATALOG', () => {
  it('has unique ids and complete texts, deadlines within the school year (September–May)', () => {
    const ids = DEFAULT_CATALOG.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of DEFAULT_CATALOG) {
      expect([m.task, m.measure, m.ownerRole, m.indicator, m.document].every((t) => t.trim().length > 0)).toBe(true);
      expect([9, 10, 11, 12, 1, 2, 3, 4, 5]).toContain(m.deadlineMonth);
    }
  });

  it('ships the general and cluster measures of docs/методика.md §6', () => {
    const general = (cluster: string) => DEFAULT_CATALOG.filter((m) => m.cluster === cluster && m.factor === 'общие').map((m) => m.id);
    expect(general('все')).toEqual(['ALL-01', 'ALL-02', 'ALL-03', 'ALL-04', 'ALL-05']);
    expect(general('сильно неуспевающие')).toEqual(['STRONG-01', 'STRONG-02', 'STRONG-03', 'STRONG-04']);
    expect(general('умеренно неуспевающие')).toEqual(['MODERATE-01', 'MODERATE-02', 'MODERATE-03']);
    expect(general('базово неуспевающие')).toEqual(['BASIC-01']);
    expect(DEFAULT_CATALOG.find((m) => m.id === 'ALL-01')?.measure).toMatch(/муниципального координатора/);
    expect(DEFAULT_CATALOG.find((m) => m.id === 'STRONG-01')?.measure).toMatch(/куратора/);
  });

  it('has at least two measures for every factor F1…F10, for all clusters', () => {
    for (const f of DEFAULT_RISK_FACTORS) {
      const measures = DEFAULT_CATALOG.filter((m) => m.factor === f.id);
      expect(measures.length, f.id).toBeGreaterThanOrEqual(2);
      expect(measures.every((m) => m.cluster === 'все')).toBe(true);
    }
  });
});

describe('parseMonth', () => {
  it.each([
    [9, 9],
    ['10', 10],
    [' 1 ', 1],
    ['сентябрь', 9],
    ['Октября', 10],
    ['в мае', 5],
    ['май', 5],
    ['март', 3],
    ['дек.', 12],
    ['до 15 ноября', 11],
    ['Февраль', 2],
  ] as const)('reads %j as month %i', (input, expected) => {
    expect(parseMonth(input)).toBe(expected);
  });

  it('reads the month of a date cell', () => {
    expect(parseMonth(new Date(2024, 10, 30))).toBe(11);
  });

  it.each([[0], [13], [2.5], ['осенью'], [''], [null]])('rejects %j', (input) => {
    expect(parseMonth(input)).toBeNull();
  });
});

describe('catalogFromSheet', () => {
  it('round-trips the defaults through catalogToRows', () => {
    const rows = catalogToRows(DEFAULT_CATALOG);
    expect(rows[0]).toEqual(HEADER);
    expect(rows[0]).toEqual([...CATALOG_SHEET_HEADER]);
    expect(rows).toHaveLength(DEFAULT_CATALOG.length + 1);
    const { measures, problems } = catalogFromSheet(rows);
    expect(problems).toEqual([]);
    expect(measures).toEqual(DEFAULT_CATALOG.map((m) => ({ ...m })));
  });

  it('reads month names, tolerant clusters and factors, defaulting blank cells to «все» and «общие»', () => {
    const rows = [
      HEADER,
      row('x-1', 'Сильно неуспевающие', 'f3', 'октября'),
      row('X-2', 'умеренно', '', 'в мае'),
      row('X-3', '', 'общие', 2),
      row('X-4', 'Все кластеры', 'Дефицит педагогических кадров', '12'),
    ];
    const { measures, problems } = catalogFromSheet(rows, DEFAULT_RISK_FACTORS);
    expect(problems).toEqual([]);
    expect(measures.map((m) => [m.id, m.cluster, m.factor, m.deadlineMonth])).toEqual([
      ['X-1', 'сильно неуспевающие', 'F3', 10],
      ['X-2', 'умеренно неуспевающие', 'общие', 5],
      ['X-3', 'все', 'общие', 2],
      ['X-4', 'все', 'F2', 12],
    ]);
    expect(measures[0]).toMatchObject({ task: 'Задача', measure: 'Мероприятие x-1', ownerRole: 'Руководитель ОО', indicator: 'Показатель', document: 'Документ' });
  });

  it('skips rows with an unknown cluster, no id, a repeated id, no measure or an unreadable month, naming the row', () => {
    const rows = [
      HEADER,
      row('A-1', 'все', 'общие', 9),
      row('A-2', 'очень слабые', 'общие', 9),
      row('', 'все', 'общие', 9),
      row('A-1', 'все', 'общие', 10),
      row('A-3', 'все', 'общие', 9, ''),
      row('A-4', 'все', 'общие', 'осенью'),
      ['', '', '', '', '', '', '', '', ''],
      row('A-5', 'все', 'F99', 9),
    ];
    const { measures, problems } = catalogFromSheet(rows, DEFAULT_RISK_FACTORS);
    expect(measures.map((m) => m.id)).toEqual(['A-1', 'A-5']);
    expect(problems).toHaveLength(6);
    expect(problems[0]).toMatch(/строка 3.*«очень слабые»/);
    expect(problems[1]).toMatch(/строка 4.*ID/);
    expect(problems[2]).toMatch(/строка 5.*A-1/);
    expect(problems[3]).toMatch(/строка 6.*мероприятие/);
    expect(problems[4]).toMatch(/строка 7.*«осенью»/);
    // An unknown factor keeps the row but warns that it reaches no roadmap.
    expect(problems[5]).toMatch(/строка 9.*«F99»/);
  });

  it('falls back to the defaults when the header is not recognised', () => {
    const { measures, problems } = catalogFromSheet([['Что-то']]);
    expect(measures).toHaveLength(DEFAULT_CATALOG.length);
    expect(problems[0]).toMatch(/Каталог мер/);
  });
});
