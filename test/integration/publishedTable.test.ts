/**
 * Seed 000 (Ленинск-Кузнецкий муниципальный округ, Кузбасс), Table 1 «Сводный анализ результатов ОГЭ
 * по математике и русскому языку в разрезе двух лет», typed into «Результаты ОП» as the table prints it:
 * «Кол-во выпускников» and ««2» / % с учетом недопущенных» with «6 / 67%» and «-». The built add-in must
 * read each «n / p%» as the count n and each «-» as no failing pupils, so the failing shares in «ШНОР»
 * are n ÷ participants (worked out below for every school) and 0 for «-».
 */
import { describe, expect, it } from 'vitest';
import { school } from '../fixtures/region';
import { headerOf, newAddon, responsesRows } from '../support/harness';

/** № | ОО | ОГЭ математика 2021 (выпускников, «2»), 2022 (…) | ОГЭ русский язык 2021 (…), 2022 (…), as Table 1 prints them. */
const TABLE_1: Array<[string, number, string, number, string, number, string, number, string]> = [
  ['МБОУ «Ариничевская СОШ»', 9, '6 / 67%', 15, '5 / 33%', 9, '4 / 44%', 5, '1 / 7%'],
  ['МБОУ «Демьяновская СОШ»', 20, '7 / 35%', 19, '10 / 53%', 20, '3 / 15%', 19, '3 / 16%'],
  ['МБОУ «Драченинская ООШ»', 13, '9 / 69%', 16, '4 / 22%', 13, '5 / 39%', 16, '3 / 19%'],
  ['МБОУ «Красноярская ООШ»', 3, '-', 3, '-', 3, '-', 3, '-'],
  ['МБОУ «Краснинская СОШ»', 21, '11 / 52%', 19, '10 / 40%', 21, '2 / 10%', 19, '6 / 32%'],
  ['МБОУ «Камышинская ООШ Героя Кузбасса Н.Д.Назаренко»', 5, '-', 9, '5 / 42%', 5, '-', 9, '3 / 33%'],
  ['МБОУ «Ленинуглевская СОШ»', 31, '13 / 42%', 30, '14 / 42%', 31, '3 / 10%', 30, '3 / 10%'],
  ['МБОУ «Мирновская ООШ»', 13, '6 / 46%', 5, '2 / 40%', 13, '3 / 23%', 5, '-'],
  ['МБОУ «Панфиловская СОШ»', 15, '3 / 20%', 12, '3 / 25%', 15, '-', 12, '-'],
  ['МБОУ «Подгорновская СОШ»', 16, '8 / 50%', 11, '5 / 33%', 16, '5 / 31%', 11, '4 / 36%'],
  ['МКОУ «Свердловская ООШ»', 2, '2 / 100%', 8, '2 / 22%', 2, '1 / 50%', 8, '1 / 13%'],
  ['МБОУ «Чкаловская ООШ»', 12, '1 / 8%', 10, '2 / 20%', 12, '-', 10, '1 / 10%'],
  ['МБОУ «Чусовитинская СОШ»', 17, '10 / 59%', 14, '4 / 33%', 17, '1 / 6%', 14, '-'],
  ['МБОУ «Шабановская СО(к)Ш»', 31, '22 / 71%', 13, '4 / 29%', 31, '3 / 10%', 13, '1 / 8%'],
];

/** Failing shares worked out by hand from Table 1's counts: n ÷ выпускников, «-» = 0. Columns: math 2021, math 2022, rus 2021, rus 2022. */
const SHARES: number[][] = [
  [6 / 9, 5 / 15, 4 / 9, 1 / 5],
  [7 / 20, 10 / 19, 3 / 20, 3 / 19],
  [9 / 13, 4 / 16, 5 / 13, 3 / 16],
  [0, 0, 0, 0],
  [11 / 21, 10 / 19, 2 / 21, 6 / 19],
  [0, 5 / 9, 0, 3 / 9],
  [13 / 31, 14 / 30, 3 / 31, 3 / 30],
  [6 / 13, 2 / 5, 3 / 13, 0],
  [3 / 15, 3 / 12, 0, 0],
  [8 / 16, 5 / 11, 5 / 16, 4 / 11],
  [2 / 2, 2 / 8, 1 / 2, 1 / 8],
  [1 / 12, 2 / 10, 0, 1 / 10],
  [10 / 17, 4 / 14, 1 / 17, 0],
  [22 / 31, 4 / 13, 3 / 31, 1 / 13],
];

describe('seed 000, Table 1 in its published notation', () => {
  it('gives the failing shares of the table’s counts, «-» as 0 %, noting each notation once', () => {
    const codes = TABLE_1.map((_, i) => `lk${String(i + 1).padStart(2, '0')}`);
    const schools = codes.map((code, i) => ({ ...school(code, 'Ленинск-Кузнецкий МО', [0.2, 0.8, 0.2, 0.04, 0.1]), name: TABLE_1[i][0] }));
    const rows: unknown[][] = [['Код ОО', 'Год', 'Процедура', 'Кол-во выпускников', '«2» / % с учетом недопущенных']];
    TABLE_1.forEach(([, m21, f21, m22, f22, r21, g21, r22, g22], i) => {
      rows.push([codes[i], '2021г.', 'ОГЭ математика', m21, f21], [codes[i], '2022г.', 'ОГЭ математика', m22, f22]);
      rows.push([codes[i], '2021г.', 'ОГЭ русский язык', r21, g21], [codes[i], '2022г.', 'ОГЭ русский язык', r22, g22]);
    });
    const { twin, addon } = newAddon((t) => {
      t.addSheet('Ответы на форму (1)', responsesRows(schools));
      t.addSheet('Результаты ОП', rows);
    });
    addon.call('menuComputeAll');
    const header = headerOf(twin, 'ШНОР');
    const columns = ['ОГЭ математика, 2021', 'ОГЭ математика, 2022', 'ОГЭ русский язык, 2021', 'ОГЭ русский язык, 2022'].map((h) =>
      header.indexOf(h),
    );
    expect(columns.every((c) => c >= 0)).toBe(true);
    const values = twin.sheetValues('ШНОР');
    codes.forEach((code, i) => {
      const row = values.find((r) => r[0] === code)!;
      columns.forEach((c, k) => expect(row[c] as number).toBeCloseTo(SHARES[i][k], 12));
    });
    const check = twin.sheetValues('Проверка данных').map((r) => String(r[5]));
    expect(check.filter((p) => p.startsWith('«-» в числе не преодолевших порог'))).toHaveLength(1);
    expect(check.filter((p) => p.startsWith('записано количество с долей'))).toHaveLength(1);
  });
});
