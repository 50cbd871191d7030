import { describe, expect, it } from 'vitest';
import { FIOKO_CLUSTER, SHNOR_REASON, SHNOR_STATUS } from '../../src/functions/customFunctions';

// docs/методика.md §3 with t = 30 % (a share ≥ t fails): ШНОР when (a) two procedures of Y fail, or
// (b) one procedure fails in Y and in Y−1; no share in Y → «нет данных».
// Clusters by the highest share of Y: базово [30, 40), умеренно [40, 50], сильно > 50.
// Each row is a school, columns are procedure 1 and procedure 2 in both ranges.
const CURRENT = [
  [0.45, 0.33], // (a): 45 and 33 ≥ 30 → ШНОР, max 45 → умеренно
  [0.35, 0.1], // (a) only one; (b) procedure 1: 35 now and 31 before → ШНОР, max 35 → базово
  [0.2, 0.1], // nothing ≥ 30 now → не ШНОР (the 50s of last year alone decide nothing)
  ['-', '—'], // no share in Y → нет данных
  ['', ''], // empty school row → ""
  [0.6, 0.3], // (a): 60 and 30 (30 counts, ≥) → ШНОР, max 60 > 50 → сильно
  ['50%', '33,0 %'], // (a): 50 and 33 → ШНОР, max 50 ≤ 50 → умеренно
  ['abc', 0.2], // not a share → #ОШИБКА for this row only
];
const PREVIOUS = [
  [0.2, 0.1],
  [0.31, 0.5],
  [0.5, 0.5],
  [0.5, ''],
  ['', ''],
  [0.1, 0.1],
  ['0,33', 33],
  ['', ''],
];

describe('SHNOR_STATUS', () => {
  it('gives the status of every school of the range', () => {
    expect(SHNOR_STATUS(CURRENT, PREVIOUS)).toEqual([
      ['ШНОР'],
      ['ШНОР'],
      ['не ШНОР'],
      ['нет данных'],
      [''],
      ['ШНОР'],
      ['ШНОР'],
      ['#ОШИБКА: current_shares: не число: «abc»'],
    ]);
  });

  it('gives one value for one school', () => {
    // one procedure, 40 % now and 30 % last year → criterion (b)
    expect(SHNOR_STATUS(0.4, 0.3)).toBe('ШНОР');
    // one procedure failing only this year → не ШНОР
    expect(SHNOR_STATUS(0.4, 0.2)).toBe('не ШНОР');
  });

  it('reads a school laid out as one row of procedures', () => {
    expect(SHNOR_STATUS([[0.45, 0.33]], [[0.2, 0.1]])).toBe('ШНОР');
  });

  it('reads shares as 33, «33%», «33,0 %» and «0,33» alike', () => {
    // each is 33 % ≥ 30 % in both years → criterion (b)
    for (const v of [33, '33%', '33,0 %', '0,33', 0.33]) expect(SHNOR_STATUS(v, v)).toBe('ШНОР');
  });

  it('treats an empty previous year as no data for that year', () => {
    // two procedures ≥ 30 % now → ШНОР by (a) without any previous data
    expect(
      SHNOR_STATUS(
        [
          [0.45, 0.33],
          [0.45, 0.1],
        ],
        '',
      ),
    ).toEqual([['ШНОР'], ['не ШНОР']]);
  });

  it('applies a threshold given in one cell to every school', () => {
    // t = 50 %: row 1 (45, 33) → не ШНОР; row 6 (60 now, 10 before; 30) → one procedure, one year → не ШНОР;
    // row 7 (50, 33 now; 33, 33 before) → only 50 ≥ 50, not before → не ШНОР
    const result = SHNOR_STATUS(CURRENT, PREVIOUS, '50%') as string[][];
    expect([result[0][0], result[5][0], result[6][0]]).toEqual(['не ШНОР', 'не ШНОР', 'не ШНОР']);
  });

  it('accepts the threshold as 0,5 or 50 too', () => {
    expect(SHNOR_STATUS(CURRENT, PREVIOUS, 0.5)).toEqual(SHNOR_STATUS(CURRENT, PREVIOUS, 50));
  });

  it('lowers the threshold for the whole range', () => {
    // t = 20 %: row 3 (20, 10 now; 50, 50 before) → procedure 1: 20 ≥ 20 now and 50 before → ШНОР
    const result = SHNOR_STATUS(CURRENT, PREVIOUS, 0.2) as string[][];
    expect(result[2][0]).toBe('ШНОР');
  });

  it('refuses a zero threshold', () => {
    expect(() => SHNOR_STATUS(0.4, 0.3, 0)).toThrow('threshold: нужна доля больше 0\u00A0%');
  });

  it('refuses a share above 100 % with a Russian message', () => {
    expect(() => SHNOR_STATUS('120%', 0.3)).toThrow('current_shares: доля больше 100\u00a0%: «120%»');
  });

  it('refuses a date among the shares', () => {
    expect(() => SHNOR_STATUS(new Date(2024, 4, 1), 0.3)).toThrow('current_shares: дата там, где ожидается число или доля');
  });

  it('names the ranges whose heights differ', () => {
    expect(() => SHNOR_STATUS(CURRENT, PREVIOUS.slice(0, 3))).toThrow(
      'Диапазоны разной высоты: current_shares — 8 строк, previous_shares — 3 строки.',
    );
  });

  it('refuses ranges with a different number of procedures', () => {
    expect(() =>
      SHNOR_STATUS(
        [
          [0.4, 0.3],
          [0.1, 0.1],
        ],
        [[0.4], [0.1]],
      ),
    ).toThrow('current_shares и previous_shares: разное число столбцов (2 и 1)');
  });
});

describe('SHNOR_REASON', () => {
  const names = [['ОГЭ математика', 'ОГЭ русский язык']];

  it('explains each ШНОР with the procedures and shares, and leaves other schools empty', () => {
    const result = SHNOR_REASON(CURRENT, PREVIOUS, names) as string[][];
    expect(result.map((r) => r[0])).toEqual([
      // (a): both procedures of the reporting year, whole percents
      'отчётный год: ОГЭ математика — 45 %, ОГЭ русский язык — 33 %',
      // (b): 31 % last year and 35 % this year
      'ОГЭ математика: 31 % (прошлый год) и 35 % (отчётный год)',
      '',
      '',
      '',
      'отчётный год: ОГЭ математика — 60 %, ОГЭ русский язык — 30 %',
      // (a) and (b) both hold for row 7: 50/33 now, 33/33 before
      'отчётный год: ОГЭ математика — 50 %, ОГЭ русский язык — 33 %; ОГЭ математика: 33 % (прошлый год) и 50 % (отчётный год); ОГЭ русский язык: 33 % (прошлый год) и 33 % (отчётный год)',
      '#ОШИБКА: current_shares: не число: «abc»',
    ]);
  });

  it('takes the procedure names from a column as well as from a row', () => {
    expect(SHNOR_REASON([[0.45, 0.33]], [[0.2, 0.1]], [['ОГЭ математика'], ['ОГЭ русский язык']])).toBe(
      'отчётный год: ОГЭ математика — 45 %, ОГЭ русский язык — 33 %',
    );
  });

  it('numbers unnamed procedures', () => {
    expect(SHNOR_REASON([[0.45, 0.33]], [[0.2, 0.1]], [['', 'ОГЭ русский язык']])).toBe(
      'отчётный год: процедура 1 — 45 %, ОГЭ русский язык — 33 %',
    );
  });

  it('needs one name per procedure column', () => {
    expect(() => SHNOR_REASON(CURRENT, PREVIOUS, [['ОГЭ математика']])).toThrow(
      'procedure_names: названий процедур 1, а столбцов с долями 2; нужно по одному названию на столбец.',
    );
  });

  it('refuses the same procedure named twice', () => {
    expect(() => SHNOR_REASON(CURRENT, PREVIOUS, [['ОГЭ математика', 'огэ  математика']])).toThrow(
      'procedure_names: процедура «огэ  математика» указана дважды.',
    );
  });
});

describe('FIOKO_CLUSTER', () => {
  it('gives the cluster of each ШНОР and the status of the others', () => {
    expect(FIOKO_CLUSTER(CURRENT, PREVIOUS)).toEqual([
      ['умеренно неуспевающие'], // max 45
      ['базово неуспевающие'], // max 35
      ['не ШНОР'],
      ['нет данных'],
      [''],
      ['сильно неуспевающие'], // max 60
      ['умеренно неуспевающие'], // max 50: «≤ 50 %» is still умеренно
      ['#ОШИБКА: current_shares: не число: «abc»'],
    ]);
  });

  it('puts 40 % exactly into «умеренно неуспевающие»', () => {
    // (b): 40 now, 30 before; max 40 → умеренно (40 ≤ s ≤ 50)
    expect(FIOKO_CLUSTER(0.4, 0.3)).toBe('умеренно неуспевающие');
  });

  it('throws the Russian reason for a bad single school', () => {
    expect(() => FIOKO_CLUSTER('много', 0.3)).toThrow('current_shares: не число: «много»');
  });
});
