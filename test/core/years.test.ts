import { describe, expect, it } from 'vitest';
import { ValueError } from '../../src/core/errors';
import { parseExamYear, yearInText } from '../../src/core/years';

describe('parseExamYear', () => {
  // docs/методика.md §1.2: a school year is the calendar year of its exams, its second year.
  it.each([
    [2024, 2024],
    ['2024', 2024],
    ['2024 г.', 2024],
    ['2024 г', 2024],
    ['2024 год', 2024],
    ['2024г.', 2024],
    ['2023/2024', 2024],
    ['2023/24', 2024],
    ['2023-2024', 2024],
    ['2023 – 2024', 2024],
    ['2023-2024 уч. год', 2024],
    ['2023/24 учебный год', 2024],
    ['2023/2024 уч.год', 2024],
    ['2023-2024 гг.', 2024],
    ['2099/00', 2100],
  ])('reads %j as %d', (value, year) => {
    expect(parseExamYear(value)).toBe(year);
  });

  it.each(['2022/2024', '2024/2023', 'двадцать четвёртый', '24', '2024.5', 2024.5, '1999', '2101 год'])('rejects %j', (value) => {
    expect(() => parseExamYear(value)).toThrow(ValueError);
  });
});

describe('yearInText', () => {
  it('finds the one year of a wide column header', () => {
    expect(yearInText('ОГЭ математика 2024, % двоек')).toBe(2024);
    expect(yearInText('ВПР 5 математика 2023/24')).toBe(2024);
    expect(yearInText('ОГЭ математика')).toBeNull();
    expect(yearInText('2023 и 2024')).toBeNull();
  });
});
