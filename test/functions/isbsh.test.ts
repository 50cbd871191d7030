import { describe, expect, it } from 'vitest';
import { ISBSH, ISBSH_LEVEL, ISBSH_ZONE } from '../../src/functions/customFunctions';

// docs/методика.md §2: ИСБШ = 65 + 15·p1 + 20·p2 − 15·p3 − 35·p4 − 15·p5, shown with one decimal.
// School A: p = 0,40 / 0,80 / 0,20 / 0,10 / 0,05
//   65 + 6 + 16 − 3 − 3,5 − 0,75 = 79,75 → 79,8 (one decimal, half up)
// School B: p = 0 / 1 / 0 / 0 / 0 → 65 + 20 = 85
// School C: p = 0,5 each → 65 + 7,5 + 10 − 7,5 − 17,5 − 7,5 = 50
describe('ISBSH', () => {
  it('computes the index of one school from shares, with one decimal', () => {
    expect(ISBSH(0.4, 0.8, 0.2, 0.1, 0.05)).toBe(79.8);
  });

  it('reads shares written as 0,33, 33, «33%», «33,0 %» alike', () => {
    // School A again: «40%» = 0,40; «0,8» = 0,80; 20 (above 1) = 20 % = 0,20; «10,0 %» = 0,10; «5%» = 0,05 → 79,8
    expect(ISBSH('40%', '0,8', 20, '10,0 %', '5%')).toBe(79.8);
  });

  it('reads counts when the total number of students is given', () => {
    // School A as counts of 200: 80/200 = 0,4; 160/200 = 0,8; 40/200 = 0,2; 20/200 = 0,1; 10/200 = 0,05 → 79,8
    expect(ISBSH(80, 160, 40, 20, 10, 200)).toBe(79.8);
    // Russian text counts: «1 000» of total «2 000» each = 0,5 → School C = 50
    expect(ISBSH('1 000', '1 000', '1 000', '1 000', '1 000', '2 000')).toBe(50);
  });

  it('computes a whole column of schools, leaving empty rows empty', () => {
    const result = ISBSH(
      [[0.4], [0], [''], [0.5]],
      [[0.8], [1], [''], [0.5]],
      [[0.2], [0], [''], [0.5]],
      [[0.1], [0], [''], [0.5]],
      [[0.05], [0], [''], [0.5]],
    );
    expect(result).toEqual([[79.8], [85], [''], [50]]);
  });

  it('marks a row with a missing input and still computes the others', () => {
    const result = ISBSH([[0.4], [0]], [[0.8], ['-']], [[0.2], [0]], [[0.1], [0]], [[0.05], [0]]) as string[][];
    expect(result[0]).toEqual([79.8]);
    expect(result[1][0]).toBe(
      '#ОШИБКА: ИСБШ не рассчитан: нет значения — comfortable_housing (Обучающихся из семей, проживающих в благоустроенном жилье).',
    );
  });

  it('never gives 0 for a school with missing inputs: a single call throws the reason', () => {
    expect(() => ISBSH(0.4, '—', 0.2, 0.1, 0.05)).toThrow('ИСБШ не рассчитан: нет значения — comfortable_housing');
  });

  it('throws a Russian message for text that is not a number', () => {
    expect(() => ISBSH(0.4, 'много', 0.2, 0.1, 0.05)).toThrow('comfortable_housing: не число: «много»');
  });

  it('refuses a date or a boolean where a share is expected', () => {
    expect(() => ISBSH(new Date(2024, 8, 1), 0.8, 0.2, 0.1, 0.05)).toThrow('both_parents_higher: дата там, где ожидается число или доля');
    expect(() => ISBSH(0.4, true, 0.2, 0.1, 0.05)).toThrow('comfortable_housing: логическое значение ИСТИНА');
  });

  it('refuses a count larger than the total', () => {
    expect(() => ISBSH(300, 160, 40, 20, 10, 200)).toThrow('both_parents_higher: больше, чем всего обучающихся (200): 300');
  });

  it('reports an empty total instead of reading the counts as shares', () => {
    expect(() => ISBSH(80, 160, 40, 20, 10, '')).toThrow('total: не указано, сколько всего обучающихся');
  });

  it('reports a total of zero', () => {
    expect(() => ISBSH(0, 0, 0, 0, 0, 0)).toThrow('total: всего обучающихся 0');
  });

  it('broadcasts a total given in one cell to every row', () => {
    // Counts of 200 → School A, School C (100 of 200 = 0,5 each); the empty row stays empty
    // although the total is filled, because the total is one cell shared by all rows.
    const result = ISBSH([[80], [100], ['']], [[160], [100], ['']], [[40], [100], ['']], [[20], [100], ['']], [[10], [100], ['']], 200);
    expect(result).toEqual([[79.8], [50], ['']]);
  });

  it('names the ranges whose heights differ', () => {
    const five = [[0.1], [0.1], [0.1], [0.1], [0.1]];
    const four = [[100], [100], [100], [100]];
    expect(() => ISBSH(five, five, five, five, five, four)).toThrow(
      'Диапазоны разной высоты: both_parents_higher — 5 строк, comfortable_housing — 5 строк, single_parent — 5 строк, registered — 5 строк, non_native_russian — 5 строк, total — 4 строки.',
    );
  });

  it('gives an empty result for an entirely empty single row', () => {
    expect(ISBSH('', '', '', '', '')).toBe('');
  });
});

// Default level cuts (docs/методика.md §2): низкий < 79,5 ≤ ниже среднего < 81,6 ≤ средний < 83,9 ≤ выше среднего < 86,4 ≤ высокий.
describe('ISBSH_LEVEL', () => {
  it('puts a boundary value into the upper level', () => {
    expect(ISBSH_LEVEL(79.4)).toBe('низкий');
    expect(ISBSH_LEVEL(79.5)).toBe('ниже среднего');
    expect(ISBSH_LEVEL(81.6)).toBe('средний');
    expect(ISBSH_LEVEL(83.9)).toBe('выше среднего');
    expect(ISBSH_LEVEL(86.4)).toBe('высокий');
  });

  it('reads an index written as Russian text', () => {
    expect(ISBSH_LEVEL('80,0')).toBe('ниже среднего');
  });

  it('gives a level for each row of a column', () => {
    expect(ISBSH_LEVEL([[50], [''], [82], ['-'], ['abc']])).toEqual([
      ['низкий'],
      [''],
      ['средний'],
      ['нет ИСБШ'],
      ['#ОШИБКА: isbsh: не число: «abc»'],
    ]);
  });

  it('reads an error left by ISBSH in the cell as «no index»', () => {
    expect(ISBSH_LEVEL('#ОШИБКА: ИСБШ не рассчитан: нет значения — registered')).toBe('нет ИСБШ');
  });

  it('uses four boundaries from a range instead of the defaults', () => {
    // cuts 50 / 60 / 70 / 80: 65 lies in [60, 70) → the third level, «средний»; 80 → «высокий»
    expect(ISBSH_LEVEL([[65], [80]], [[50], [60], [70], [80]])).toEqual([['средний'], ['высокий']]);
  });

  it('accepts five lower bounds, one per level, in a row', () => {
    // 0 / 50 / 60 / 70 / 80: the first is the bottom of «низкий»; 59,9 → «ниже среднего»
    expect(ISBSH_LEVEL(59.9, [[0, 50, 60, 70, '80']])).toBe('ниже среднего');
  });

  it('refuses a wrong number of boundaries, even in a range call', () => {
    expect(() => ISBSH_LEVEL([[65], [80]], [[50, 60, 70]])).toThrow('boundaries: нужно 4 или 5 границ уровней ИСБШ, а указано 3.');
  });

  it('refuses boundaries that do not increase', () => {
    expect(() => ISBSH_LEVEL(65, [[50, 70, 60, 80]])).toThrow('boundaries: граница № 3 должна быть больше предыдущей.');
  });

  it('refuses an index outside 0–100', () => {
    expect(() => ISBSH_LEVEL(150)).toThrow('isbsh: ИСБШ должен быть от 0 до 100, а получено «150»');
  });
});

const SMALL = 'нет (в группе меньше 4 школ с ИСБШ — зона риска не определяется)';

describe('ISBSH_ZONE', () => {
  const BOUNDARY = 'нет (на границе зоны риска: равные значения ИСБШ не помещаются в долю зоны целиком)';
  // Municipality А: 70, 75, 75, 80, 90 → n = 5, ⌊0,25·5⌋ = 1: only rank 1 (70) is in the zone.
  // Municipality Б: 60, 70, 80 → n = 3 < 4: nobody, and the cell says why.
  const values = [[70], [75], [75], [80], [90], [60], [70], [80]];
  const groups = [['А'], ['А'], ['А'], ['А'], ['А'], ['Б'], ['Б'], ['Б']];

  it('flags the lowest quarter within each municipality', () => {
    expect(ISBSH_ZONE(values, groups)).toEqual([['да'], ['нет'], ['нет'], ['нет'], ['нет'], [SMALL], [SMALL], [SMALL]]);
  });

  it('ranks the whole column as one group without municipalities', () => {
    // n = 8, ⌊0,25·8⌋ = 2; ascending 60 (place 1), 70, 70 (places 2–3, straddling the cut) … → only 60; the 70s at the boundary
    expect(ISBSH_ZONE(values)).toEqual([[BOUNDARY], ['нет'], ['нет'], ['нет'], ['нет'], ['да'], [BOUNDARY], ['нет']]);
  });

  it('leaves out a tied group that straddles the cut, saying so', () => {
    // 70, 70, 80, 90: ⌊0,25·4⌋ = 1, the two 70s take places 1–2 → neither is in the zone («не более 25 %»)
    expect(ISBSH_ZONE([[70], [80], [70], [90]])).toEqual([[BOUNDARY], ['нет'], [BOUNDARY], ['нет']]);
  });

  it('takes another share of the group', () => {
    // Municipality А with 60 %: ⌊0,6·5⌋ = 3 → 70 (place 1) and both 75s (places 2–3)
    const result = ISBSH_ZONE(values, groups, '60%') as string[][];
    expect(result.slice(0, 5)).toEqual([['да'], ['да'], ['да'], ['нет'], ['нет']]);
    // with 50 %: ⌊2,5⌋ = 2, the 75s straddle the cut → only 70
    expect((ISBSH_ZONE(values, groups, '50%') as string[][]).slice(0, 5)).toEqual([['да'], [BOUNDARY], [BOUNDARY], ['нет'], ['нет']]);
  });

  it('takes the share as 0,5 or 50 as well', () => {
    expect(ISBSH_ZONE(values, groups, 0.5)).toEqual(ISBSH_ZONE(values, groups, 50));
  });

  it('treats a skipped groups argument as one group', () => {
    expect(ISBSH_ZONE(values, '', 0.25)).toEqual(ISBSH_ZONE(values));
  });

  it('leaves empty rows empty, marks schools without an index and bad rows, and ranks the rest', () => {
    // Valid indices 70, 75, 80, 90 → n = 4, ⌊0,25·4⌋ = 1 → only 70
    const result = ISBSH_ZONE([[70], [''], ['—'], [75], ['x'], [80], [90]]);
    expect(result).toEqual([['да'], [''], ['нет ИСБШ'], ['нет'], ['#ОШИБКА: isbsh_values: не число: «x»'], ['нет'], ['нет']]);
  });

  it('asks for a municipality when a school with an index has none', () => {
    const result = ISBSH_ZONE([[70], [75]], [['А'], ['']]) as string[][];
    expect(result[1][0]).toBe('#ОШИБКА: groups: не указан муниципалитет (группа) для школы с ИСБШ.');
  });

  it('says so when a single school forms a group too small for a zone', () => {
    expect(ISBSH_ZONE(70)).toBe(SMALL);
  });

  it('refuses a range as the share', () => {
    expect(() => ISBSH_ZONE(values, groups, [[0.25], [0.5]])).toThrow('share: ожидается одно значение, а не диапазон.');
  });

  it('names the ranges whose heights differ', () => {
    expect(() => ISBSH_ZONE(values, [['А'], ['Б']])).toThrow('Диапазоны разной высоты: isbsh_values — 8 строк, groups — 2 строки.');
  });
});
