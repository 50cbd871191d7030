import { describe, expect, it } from 'vitest';
import { ValueError } from '../../src/core/errors';
import { DEFAULT_RISK_FACTORS, SIGNIFICANCE_ACTIONS, parseSignificance } from '../../src/core/factors';

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
