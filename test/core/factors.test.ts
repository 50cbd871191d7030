import { describe, expect, it } from 'vitest';
import { ValueError } from '../../src/core/errors';
import {
  DEFAULT_RISK_FACTORS,
  FACTOR_SHEET_HEADER,
  SIGNIFICANCE_ACTIONS,
  factorsFromSheet,
  factorsToRows,
  parseSignificance,
} from '../../src/core/factors';

describe('DEFAULT_RISK_FACTORS', () => {
  it('lists the ten factors of docs/методика.md §5 with ids F1…F10, all in use', () => {
    expect(DEFAULT_RISK_FACTORS.map((f) => f.id)).toEqual(['F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9', 'F10']);
    expect(DEFAULT_RISK_FACTORS.every((f) => f.active)).toBe(true);
    expect(DEFAULT_RISK_FACTORS[0].name).toBe('Низкий уровень оснащения школы');
    expect(DEFAULT_RISK_FACTORS[6].name).toBe('Высокая доля обучающихся с ОВЗ');
    expect(DEFAULT_RISK_FACTORS[9].name).toBe('Низкий уровень вовлеченности родителей');
  });

  it('maps each significance to the action of §5', () => {
    expect(SIGNIFICANCE_ACTIONS['высокая']).toBe('требуется принятие мер');
    expect(SIGNIFICANCE_ACTIONS['средняя']).toBe('требуется дополнительная оценка ситуации куратором');
    expect(SIGNIFICANCE_ACTIONS['низкая']).toBe('возможна дополнительная оценка ситуации куратором');
  });
});

describe('parseSignificance', () => {
  it.each([
    ['высокая', 'высокая'],
    ['  Высокая ', 'высокая'],
    ['ВЫСОКИЙ', 'высокая'],
    ['высок.', 'высокая'],
    ['В', 'высокая'],
    ['средняя', 'средняя'],
    ['Средний', 'средняя'],
    ['с', 'средняя'],
    ['низкая', 'низкая'],
    ['Низк.', 'низкая'],
    ['Н', 'низкая'],
  ])('reads «%s» as «%s»', (input, expected) => {
    expect(parseSignificance(input)).toBe(expected);
  });

  it.each([[''], ['   '], [null], [undefined], ['—'], ['-']])('reads an empty cell %j as no significance', (input) => {
    expect(parseSignificance(input)).toBeNull();
  });

  it('rejects an unknown word with a Russian message quoting it', () => {
    expect(() => parseSignificance('очень')).toThrow(ValueError);
    expect(() => parseSignificance('очень')).toThrow(/«очень»/);
    expect(() => parseSignificance(3)).toThrow(/«3»/);
  });

  it('does not read «не высокая» as high', () => {
    expect(() => parseSignificance('не высокая')).toThrow(ValueError);
  });
});

describe('factorsFromSheet', () => {
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
    const { factors, problems } = factorsFromSheet(rows);
    expect(problems).toEqual([]);
    expect(factors).toEqual(DEFAULT_RISK_FACTORS.map((f) => ({ ...f })));
  });

  it('reads a region’s own wording of an action, and the wording of docs/методика.md §5 where the cell is empty', () => {
    const rows = [
      [...FACTOR_SHEET_HEADER],
      ['F1', 'Низкий уровень оснащения школы', 'да', 'включить в региональную программу оснащения', '', ''],
    ];
    const [f1] = factorsFromSheet(rows).factors;
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
    const { factors, problems } = factorsFromSheet(rows);
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
    expect(factorsFromSheet(rows).factors).toEqual([
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
    const { factors, problems } = factorsFromSheet(rows);
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
    const { factors, problems } = factorsFromSheet([['что-то', 'другое']]);
    expect(factors).toHaveLength(10);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/Факторы риска/);
  });
});
