import { describe, expect, it } from 'vitest';
import { CATALOG_SHEET_HEADER, DEFAULT_CATALOG, catalogToRows } from '../../src/core/catalog';
import { DEFAULT_RISK_FACTORS, FACTOR_SHEET_HEADER, factorsToRows } from '../../src/core/factors';
import { readCatalogSheet, readFactorSheet } from '../../src/sheets/readReferences';

const HEADER = [
  'ID',
  'Кластер',
  'Фактор риска',
  'Задача',
  'Мероприятие',
  'Срок (месяц)',
  'Ответственный',
  'Показатель результата',
  'Итоговый документ',
];

function row(id: unknown, cluster: unknown, factor: unknown, month: unknown, measure = 'Мероприятие ' + String(id)): unknown[] {
  return [id, cluster, factor, 'Задача', measure, month, 'Руководитель ОО', 'Показатель', 'Документ'];
}

describe('readFactorSheet', () => {
  it('round-trips the defaults through factorsToRows', () => {
    const rows = factorsToRows(DEFAULT_RISK_FACTORS);
    expect(rows[0]).toEqual([
      'ID',
      'Фактор риска',
      'Используется (да/нет)',
      'Действие при высокой значимости',
      'Действие при средней значимости',
      'Действие при низкой значимости',
    ]);
    expect(rows[0]).toEqual([...FACTOR_SHEET_HEADER]);
    expect(rows[1]).toEqual([
      'F1',
      'Низкий уровень оснащения школы',
      'да',
      'требуется принятие мер',
      'требуется дополнительная оценка ситуации куратором',
      'возможна дополнительная оценка ситуации куратором',
    ]);
    const { factors, problems } = readFactorSheet(rows);
    expect(problems).toEqual([]);
    expect(factors).toEqual(DEFAULT_RISK_FACTORS.map((f) => ({ ...f })));
  });

  it('reads a region’s own wording of an action, and the wording of docs/методика.md §5 where the cell is empty', () => {
    const rows = [
      [...FACTOR_SHEET_HEADER],
      ['F1', 'Низкий уровень оснащения школы', 'да', 'включить в региональную программу оснащения', '', ''],
    ];
    const [f1] = readFactorSheet(rows).factors;
    expect(f1.actions).toEqual({
      высокая: 'включить в региональную программу оснащения',
      средняя: 'требуется дополнительная оценка ситуации куратором',
      низкая: 'возможна дополнительная оценка ситуации куратором',
    });
  });

  it('keeps a renamed factor, a retired one and an added one', () => {
    const rows = [
      ['ID', 'Фактор риска', 'Используется (да/нет)'],
      ['F1', 'Слабая материально-техническая база', 'да'],
      ['f2', 'Дефицит педагогических кадров', 'Нет'],
      ['', '', ''],
      ['F11', 'Высокая текучесть кадров', ''],
    ];
    const { factors, problems } = readFactorSheet(rows);
    expect(problems).toEqual([]);
    expect(factors).toEqual([
      { id: 'F1', name: 'Слабая материально-техническая база', active: true },
      { id: 'F2', name: 'Дефицит педагогических кадров', active: false },
      { id: 'F11', name: 'Высокая текучесть кадров', active: true },
    ]);
  });

  it('finds the columns by their titles in any order and reads checkboxes', () => {
    const rows = [
      ['Используется', 'Id', 'Фактор'],
      [false, 'F3', 'Компетентность педагогов'],
      [true, 'F4', 'Адаптивность'],
    ];
    expect(readFactorSheet(rows).factors).toEqual([
      { id: 'F3', name: 'Компетентность педагогов', active: false },
      { id: 'F4', name: 'Адаптивность', active: true },
    ]);
  });

  it('skips rows without an id, without a name or with a repeated id, naming the row', () => {
    const rows = [
      ['ID', 'Фактор риска', 'Используется (да/нет)'],
      ['F1', 'Оснащение', 'да'],
      ['', 'Новый фактор', 'да'],
      ['F5', '', 'да'],
      ['F1', 'Ещё раз', 'да'],
      ['F6', 'Неуспешность', 'может быть'],
    ];
    const { factors, problems } = readFactorSheet(rows);
    expect(factors).toEqual([
      { id: 'F1', name: 'Оснащение', active: true },
      { id: 'F6', name: 'Неуспешность', active: true },
    ]);
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/строка 3.*ID/);
    expect(problems[1]).toMatch(/строка 4.*F5/);
    expect(problems[2]).toMatch(/строка 5.*F1/);
    expect(problems[3]).toMatch(/строка 6.*«может быть»/);
  });

  it('falls back to the defaults when the header is not recognised', () => {
    const { factors, problems } = readFactorSheet([['что-то', 'другое']]);
    expect(factors).toHaveLength(10);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/Факторы риска/);
  });
});

describe('readCatalogSheet', () => {
  it('round-trips the defaults through catalogToRows', () => {
    const rows = catalogToRows(DEFAULT_CATALOG);
    expect(rows[0]).toEqual(HEADER);
    expect(rows[0]).toEqual([...CATALOG_SHEET_HEADER]);
    expect(rows).toHaveLength(DEFAULT_CATALOG.length + 1);
    const { measures, problems } = readCatalogSheet(rows);
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
    const { measures, problems } = readCatalogSheet(rows, DEFAULT_RISK_FACTORS);
    expect(problems).toEqual([]);
    expect(measures.map((m) => [m.id, m.cluster, m.factor, m.deadlineMonth])).toEqual([
      ['X-1', 'сильно неуспевающие', 'F3', 10],
      ['X-2', 'умеренно неуспевающие', 'общие', 5],
      ['X-3', 'все', 'общие', 2],
      ['X-4', 'все', 'F2', 12],
    ]);
    expect(measures[0]).toMatchObject({
      task: 'Задача',
      measure: 'Мероприятие x-1',
      ownerRole: 'Руководитель ОО',
      indicator: 'Показатель',
      document: 'Документ',
    });
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
    const { measures, problems } = readCatalogSheet(rows, DEFAULT_RISK_FACTORS);
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
    const { measures, problems } = readCatalogSheet([['Что-то']]);
    expect(measures).toHaveLength(DEFAULT_CATALOG.length);
    expect(problems[0]).toMatch(/Каталог мер/);
  });
});
