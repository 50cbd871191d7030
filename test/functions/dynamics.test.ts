import { describe, expect, it } from 'vitest';
import { CLUSTER_DYNAMICS, RESULT_DYNAMICS } from '../../src/functions/customFunctions';

// docs/методика.md §4, per procedure from Y−1 to Y: share fell → «положительная», rose → «отрицательная»,
// equal and not zero → «нейтральная», zero both years → «0 % за два года», no share in a year →
// «нет участников».
describe('RESULT_DYNAMICS', () => {
  it('compares the two shares of one procedure', () => {
    expect(RESULT_DYNAMICS(0.4, 0.3)).toBe('положительная'); // 40 → 30
    expect(RESULT_DYNAMICS(0.3, 0.4)).toBe('отрицательная'); // 30 → 40
    expect(RESULT_DYNAMICS(0.3, '30%')).toBe('нейтральная'); // 30 → 30
    expect(RESULT_DYNAMICS(0, '0 %')).toBe('0 % за два года'); // 0 → 0
  });

  it('says «нет участников» when a year has no share', () => {
    expect(RESULT_DYNAMICS('-', 0.2)).toBe('нет участников');
    expect(RESULT_DYNAMICS(0.2, '—')).toBe('нет участников');
    expect(RESULT_DYNAMICS('', 0.2)).toBe('нет участников');
  });

  it('reads 33, «33%», «33,0 %» and «0,33» as the same share', () => {
    // all are 33 % → equal and not zero
    expect(RESULT_DYNAMICS(33, '0,33')).toBe('нейтральная');
    expect(RESULT_DYNAMICS('33%', '33,0 %')).toBe('нейтральная');
    expect(RESULT_DYNAMICS(0.33, 33)).toBe('нейтральная');
  });

  it('works row by row over two columns', () => {
    expect(RESULT_DYNAMICS([[0.4], [''], [0.1], ['x']], [[0.3], [''], [0.2], [0.1]])).toEqual([
      ['положительная'],
      [''],
      ['отрицательная'],
      ['#ОШИБКА: previous_share: не число: «x»'],
    ]);
  });

  it('refuses a boolean with a Russian message', () => {
    expect(() => RESULT_DYNAMICS(false, 0.1)).toThrow('previous_share: логическое значение ЛОЖЬ там, где ожидается число или доля');
  });

  it('broadcasts a one-cell range and names the ranges whose heights differ', () => {
    // a 1×1 range is a single value: 10 → 10 is «нейтральная», 20 → 10 «положительная»
    expect(RESULT_DYNAMICS([[0.1], [0.2]], [[0.1]])).toEqual([['нейтральная'], ['положительная']]);
    expect(() => RESULT_DYNAMICS([[0.1], [0.2]], [[0.1], [0.2], [0.3]])).toThrow(
      'Диапазоны разной высоты: previous_share — 2 строки, current_share — 3 строки.',
    );
  });
});

// docs/методика.md §4, by cluster from Y−1 to Y: сильно → умеренно → базово is «повысила кластер»,
// ШНОР → not ШНОР «вышла из списка», the same «без изменений», the reverse «понизила кластер»,
// not ШНОР → ШНОР «вошла в список», ШНОР in neither year «—».
describe('CLUSTER_DYNAMICS', () => {
  it('compares the clusters of two years', () => {
    expect(CLUSTER_DYNAMICS('сильно неуспевающие', 'умеренно неуспевающие')).toBe('повысила кластер');
    expect(CLUSTER_DYNAMICS('базово неуспевающие', 'не ШНОР')).toBe('вышла из списка');
    expect(CLUSTER_DYNAMICS('умеренно неуспевающие', 'умеренно неуспевающие')).toBe('без изменений');
    expect(CLUSTER_DYNAMICS('базово неуспевающие', 'сильно неуспевающие')).toBe('понизила кластер');
    expect(CLUSTER_DYNAMICS('не ШНОР', 'базово неуспевающие')).toBe('вошла в список');
    expect(CLUSTER_DYNAMICS('не ШНОР', 'нет данных')).toBe('—');
  });

  it('ignores case and extra spaces in the texts', () => {
    expect(CLUSTER_DYNAMICS('Сильно  неуспевающие ', 'БАЗОВО неуспевающие')).toBe('повысила кластер');
  });

  it('reads an empty cell as «нет данных» when the other year is filled', () => {
    // нет данных → ШНОР counts as entering the list
    expect(CLUSTER_DYNAMICS('', 'базово неуспевающие')).toBe('вошла в список');
  });

  it('works row by row, leaving empty rows empty and marking unknown texts', () => {
    expect(CLUSTER_DYNAMICS([['сильно неуспевающие'], [''], ['ШНОР']], [['не ШНОР'], [''], ['не ШНОР']])).toEqual([
      ['вышла из списка'],
      [''],
      [
        '#ОШИБКА: previous_cluster: неизвестное значение «ШНОР»; ожидается одно из: «базово неуспевающие», «умеренно неуспевающие», «сильно неуспевающие», «не ШНОР», «нет данных», «неполные данные»',
      ],
    ]);
  });

  it('refuses a number where a cluster text is expected', () => {
    expect(() => CLUSTER_DYNAMICS(3, 'не ШНОР')).toThrow('previous_cluster: ожидается текст, а получено «3»');
  });
});
