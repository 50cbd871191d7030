import { describe, expect, it } from 'vitest';
import { readGroups } from '../../src/sheets/readGroups';

describe('readGroups', () => {
  it('reads a school in several groups and lists every row it cannot use', () => {
    const values = [
      ['Код ОО', 'Группа'],
      ['edu1', '500+ 2022'],
      ['edu1', 'Трек 1'],
      ['EDU2', '500+  2022'],
      ['', 'Трек 2'],
      ['edu3', ''],
      ['edu9', 'Трек 2'],
      ['edu1', 'Трек 1'],
      ['edu2', '#N/A'],
      ['', ''],
    ];
    const r = readGroups(values, 'Группы', new Set(['edu1', 'edu2', 'edu3']));
    expect(r.members).toEqual([
      { schoolCode: 'edu1', group: '500+ 2022' },
      { schoolCode: 'edu1', group: 'Трек 1' },
      { schoolCode: 'edu2', group: '500+ 2022' },
    ]);
    expect(r.problems.map((p) => `${p.row}: ${p.problem}`)).toEqual([
      '5: не указан Код ОО',
      '6: не указана группа',
      '7: школа не найдена в ответах формы',
      '8: повтор: школа уже указана в этой группе',
      expect.stringMatching(/^9: /),
    ]);
    expect(r.problems.every((p) => p.sheet === 'Группы' && p.action === 'строка не использована')).toBe(true);
  });

  it('finds the columns by their headers in any order, and ignores an empty sheet', () => {
    expect(
      readGroups(
        [
          ['Группа', 'Код ОО'],
          ['Трек 2', 'edu1'],
        ],
        'Группы',
      ).members,
    ).toEqual([{ schoolCode: 'edu1', group: 'Трек 2' }]);
    expect(readGroups([['Код ОО', 'Группа']], 'Группы')).toEqual({ members: [], problems: [] });
  });

  it('says so in Russian when there is no group column, and uses nothing', () => {
    const r = readGroups([['Код ОО'], ['edu1']], 'Группы');
    expect(r.members).toEqual([]);
    expect(r.problems[0].problem).toBe('На листе «Группы» не найден столбец «Группа»: нужны столбцы «Код ОО» и «Группа».');
  });
});
