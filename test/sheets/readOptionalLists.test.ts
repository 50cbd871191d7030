import { describe, expect, it } from 'vitest';
import { readFederalList, readObjectivity } from '../../src/sheets/readOptionalLists';

const KNOWN = new Set(['edu1', 'edu2']);

describe('«Список ФИОКО» through the input framework', () => {
  it('reads the template titles and a reworded header row in another order', () => {
    const template = readFederalList(
      [
        ['Код ОО', 'Год'],
        ['edu1', 2025],
      ],
      'Список ФИОКО',
      KNOWN,
    );
    // «Год включения в список» and «Логин ОО» (ФИС ОКО's name for the code, without the word «код») are not the
    // template's titles: the corpus knows them.
    const reworded = readFederalList(
      [
        ['Год включения в список', 'Логин ОО'],
        [2025, 'EDU1'],
      ],
      'Список ФИОКО',
      KNOWN,
    );
    expect(template.entries).toEqual([{ schoolCode: 'edu1', year: 2025 }]);
    expect(reworded).toEqual({ entries: [{ schoolCode: 'edu1', year: 2025 }], problems: [] });
  });

  it('names the missing column by its template title and does not use the sheet', () => {
    const { entries, problems } = readFederalList(
      [
        ['Код ОО', 'Примечание'],
        ['edu1', 'x'],
      ],
      'Список ФИОКО',
      KNOWN,
    );
    expect(entries).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ sheet: 'Список ФИОКО', row: null, action: 'лист не использован' });
    expect(problems[0].problem).toContain('Год');
  });

  it('reports a bad row with its row, column header and value, and keeps the good rows', () => {
    const { entries, problems } = readFederalList(
      [
        ['Код школы', 'Год'],
        ['edu1', 'позапрошлый'],
        ['edu2', 2025],
      ],
      'Список ФИОКО',
      KNOWN,
    );
    expect(entries).toEqual([{ schoolCode: 'edu2', year: 2025 }]);
    expect(problems).toEqual([
      expect.objectContaining({ row: 2, field: 'Год', value: 'позапрошлый', schoolCode: 'edu1', action: 'строка не использована' }),
    ]);
  });
});

describe('«Объективность ВПР» through the input framework', () => {
  it('reads reworded share columns («Понизили, %», «Доля подтвердивших отметку», «Повысили отметку по журналу»)', () => {
    const values = [
      ['Логин ОО', 'Год проведения', 'Предмет, класс', 'Понизили, %', 'Доля подтвердивших отметку', 'Повысили отметку по журналу'],
      ['edu1', 2025, 'ВПР математика 5', '10 %', '60 %', '30 %'],
    ];
    const { rows, problems } = readObjectivity(values, 'Объективность ВПР', KNOWN);
    expect(problems).toEqual([]);
    expect(rows).toEqual([{ schoolCode: 'edu1', year: 2025, procedure: 'ВПР математика 5', lowered: 0.1, confirmed: 0.6, raised: 0.3 }]);
  });

  it('names what is missing when a share column is absent', () => {
    const { rows, problems } = readObjectivity(
      [
        ['Код ОО', 'Год', 'Процедура', 'Понизили', 'Подтвердили'],
        ['edu1', 2025, 'ВПР', 0.1, 0.9],
      ],
      'Объективность ВПР',
      KNOWN,
    );
    expect(rows).toEqual([]);
    expect(problems[0].problem).toContain('Повысили');
  });
});
