import { describe, expect, it } from 'vitest';
import { PROBLEM_HEADER, problemsToRows, sortProblems, type Problem } from '../../src/sheets/problems';

const base: Problem = { sheet: 'Риски', row: 3, schoolCode: 'edu1', field: 'Код ОО', value: '=1+1', problem: 'п', action: 'д' };

describe('problemsToRows', () => {
  it('writes one row per problem under «Лист, Строка, Код ОО, Поле, Значение, Проблема, Что сделано»', () => {
    expect(PROBLEM_HEADER).toEqual(['Лист', 'Строка', 'Код ОО', 'Поле', 'Значение', 'Проблема', 'Что сделано']);
    expect(problemsToRows([base, { ...base, row: null }])).toEqual([
      ['Риски', 3, 'edu1', 'Код ОО', '=1+1', 'п', 'д'],
      ['Риски', '', 'edu1', 'Код ОО', '=1+1', 'п', 'д'],
    ]);
  });
});

describe('sortProblems', () => {
  it('puts sheet-wide problems first, then rows in order, keeping the order within a row', () => {
    const a = { ...base, row: 5, problem: 'a' };
    const b = { ...base, row: 2, problem: 'b' };
    const c = { ...base, row: null, problem: 'c' };
    const d = { ...base, row: 2, problem: 'd' };
    expect(sortProblems([a, b, c, d]).map((p) => p.problem)).toEqual(['c', 'b', 'd', 'a']);
  });
});
