import { describe, expect, it } from 'vitest';
import { ValueError } from '../../../src/core/errors';
import {
  cellText,
  columnHasData,
  dateCell,
  headerTexts,
  isBlankCell,
  isBlankRow,
  isFormulaError,
  yesNoCell,
} from '../../../src/sheets/input/cells';
import { cellProblem, columnProblem, sheetProblem } from '../../../src/sheets/input/problems';

describe('the cell layer', () => {
  it('tells blank cells, formula errors and text apart', () => {
    expect([null, undefined, '', '   '].map(isBlankCell)).toEqual([true, true, true, true]);
    expect([0, '0', '-', false].map(isBlankCell)).toEqual([false, false, false, false]);
    expect(['#DIV/0!', '#Н/Д', '#ЗНАЧ!', '#REF!', '#N/A'].map(isFormulaError)).toEqual([true, true, true, true, true]);
    expect(['#1 школа', 'edu#1', 12].map(isFormulaError)).toEqual([false, false, false]);
    expect(cellText(760152)).toBe('760152');
    expect(isBlankRow(['', null, ' '])).toBe(true);
    expect(isBlankRow(['', 'x'])).toBe(false);
  });

  it('reads the header row as wide as the widest row, and whether a column has data below it', () => {
    const values = [
      ['Код ОО ', ''],
      ['edu1', '', 'лишнее'],
    ];
    expect(headerTexts(values)).toEqual(['Код ОО', '', '']);
    expect(columnHasData(values, 1)).toBe(false);
    expect(columnHasData(values, 2)).toBe(true);
  });

  it('reads yes/no with core’s answers and a sheet’s own extra words', () => {
    expect(yesNoCell('Да')).toBe(true);
    expect(yesNoCell('')).toBeNull();
    const extra = new Map([
      ['используется', true],
      ['1', true],
    ]);
    expect(yesNoCell('Используется', extra)).toBe(true);
    expect(yesNoCell('1', extra)).toBe(true);
    expect(() => yesNoCell('1')).toThrow(ValueError);
  });

  it('reads a typed date as that day at 06:00 UTC and keeps a real date', () => {
    expect(dateCell('05.11.2025')?.toISOString()).toBe('2025-11-05T06:00:00.000Z');
    const d = new Date(Date.UTC(2025, 0, 2));
    expect(dateCell(d)).toBe(d);
    expect(dateCell('ноябрь')).toBeNull();
  });
});

describe('the problem builder', () => {
  it('names sheet, row, column and value as the user sees them', () => {
    expect(
      cellProblem(
        'Ответы',
        { row: 5, column: 'Всего обучающихся', value: 12.5, schoolCode: 'edu1' },
        'не целое',
        'значение не использовано',
      ),
    ).toEqual({
      sheet: 'Ответы',
      row: 5,
      schoolCode: 'edu1',
      field: 'Всего обучающихся',
      value: '12,5',
      problem: 'не целое',
      action: 'значение не использовано',
    });
    expect(columnProblem('Ответы', 'Комментарий', 'столбец не распознан', 'столбец не использован')).toMatchObject({
      row: 1,
      field: 'Комментарий',
      value: '',
    });
    expect(sheetProblem('Риски', 'нет столбцов', 'лист не использован')).toMatchObject({ row: null, field: '', value: '' });
  });
});
