import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG, parseMonth } from '../../src/core/catalog';
import { DEFAULT_RISK_FACTORS } from '../../src/core/factors';

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
