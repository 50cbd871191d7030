import { describe, expect, it } from 'vitest';
import { readAccess } from '../../src/sheets/readAccess';

const KNOWN = new Set(['edu1', 'edu2']);

describe('«Доступ» through the input framework', () => {
  it('finds reworded columns in another order, and e-mails by their values', () => {
    const values = [
      ['Муниципальное образование', 'Код школы', 'Почта куратора', 'Email ответственного', 'Почта координатора'],
      ['Первомайский', 'EDU1', 'curator@example.org', 'school1@example.org', 'mo@example.org'],
    ];
    expect(readAccess(values, 'Доступ', KNOWN)).toEqual({
      rows: [
        {
          row: 2,
          schoolCode: 'edu1',
          responsible: 'school1@example.org',
          curator: 'curator@example.org',
          municipality: 'Первомайский',
          coordinator: 'mo@example.org',
        },
      ],
      problems: [],
    });
  });

  it('keeps the template order for the template titles, and never copies an address into a problem', () => {
    const values = [
      ['Код ОО', 'E-mail ответственного школы', 'E-mail куратора', 'Муниципалитет', 'E-mail муниципального координатора'],
      ['edu2', 'не адрес', '', '', ''],
      ['edu9', 'x@example.org', '', '', ''],
    ];
    const { rows, problems } = readAccess(values, 'Доступ', KNOWN);
    expect(rows).toEqual([{ row: 2, schoolCode: 'edu2', responsible: null, curator: null, municipality: null, coordinator: null }]);
    expect(problems).toEqual([
      expect.objectContaining({ row: 2, field: 'E-mail ответственного школы', value: '', schoolCode: 'edu2' }),
      expect.objectContaining({ row: 3, field: 'Код ОО', value: 'edu9', schoolCode: 'edu9' }),
    ]);
  });
});
