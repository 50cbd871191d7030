/**
 * The built add-in on the hand-worked region (test/fixtures/region.ts) with two rows of «Результаты ОП» broken the way
 * sheets break them: a school whose rejected row could change its status says «неполные данные» with what is missing,
 * instead of a status drawn from what is left (docs/методика.md §3 «Неполные данные»).
 */
import { describe, expect, it } from 'vitest';
import { handRegion } from '../fixtures/region';
import { headerOf, newAddon, responsesRows, resultsRows } from '../support/harness';

const RESPONSES = 'Ответы на форму (1)';
const RESULTS = 'Результаты ОП';

describe('a school whose rows of «Результаты ОП» were rejected', () => {
  const { schools, results } = handRegion();
  const rows = resultsRows(results);
  const failedColumn = rows[0].indexOf('Не преодолели порог');
  const rowOf = (code: string, year: number, procedure: string) =>
    rows.findIndex((r) => r[0] === code && r[1] === year && r[2] === procedure);
  // а1, clean: 2025 математика 4/10 = 40 % and русский 3/10 = 30 % → ШНОР (а). Its русский of 2025 becomes «#ЗНАЧ!»:
  // left alone, математика 40 % after 20 % in 2024 is one failing procedure → «не ШНОР», which the missing русский
  // could overturn. а2, clean: математика 6/20 = 30 % in 2025 after 7/20 = 35 % in 2024 → ШНОР (б). Its 2024 row
  // becomes «#ЗНАЧ!»: left alone, one failing procedure → «не ШНОР», which the missing 2024 share could overturn.
  const a1Row = rowOf('a1', 2025, 'ОГЭ русский язык');
  const a2Row = rowOf('a2', 2024, 'ОГЭ математика');
  rows[a1Row] = rows[a1Row].map((v, c) => (c === failedColumn ? '#ЗНАЧ!' : v));
  rows[a2Row] = rows[a2Row].map((v, c) => (c === failedColumn ? '#ЗНАЧ!' : v));

  const { twin, addon } = newAddon((t) => {
    t.addSheet(RESPONSES, responsesRows(schools));
    t.addSheet(RESULTS, rows);
  });
  addon.call('menuComputeAll');
  const shnorHeader = headerOf(twin, 'ШНОР');
  const shnorRow = (code: string) => {
    const r = twin.sheetValues('ШНОР').find((x) => x[0] === code)!;
    return (header: string) => r[shnorHeader.indexOf(header)];
  };

  it('gets «неполные данные» in «ШНОР», with the procedure and year that are missing as the reason', () => {
    const a1 = shnorRow('a1');
    expect(a1('Статус ШНОР')).toBe('неполные данные');
    expect(a1('Основание')).toBe('неполные данные: ОГЭ русский язык, 2025: строка не принята');
    expect(a1('Кластер')).toBe('неполные данные');
    const a2 = shnorRow('a2');
    expect(a2('Статус ШНОР')).toBe('неполные данные');
    expect(a2('Основание')).toBe('неполные данные: ОГЭ математика, 2024: строка не принята');
    // The other schools keep the statuses of the clean region.
    expect(shnorRow('a3')('Статус ШНОР')).toBe('не ШНОР');
    expect(shnorRow('b2')('Статус ШНОР')).toBe('нет данных');
  });

  it("says in the run's message how many schools have no status for want of data, and where to look", () => {
    expect(twin.ui.alerts.at(-1)?.message).toContain(
      'Статус не определён из-за неполных данных: 2 (что не принято — на листе «Проверка данных», чего не хватает — в «Основании» листа «ШНОР»).',
    );
  });

  it('lists the rejected rows in «Проверка данных», naming row, column and value', () => {
    const check = twin.sheetValues('Проверка данных').map((r) => r.join('|'));
    // Sheet rows are the fixture's index + 1 (the header is row 1).
    expect(
      check.some((line) => line.includes(`|${a1Row + 1}|a1|Не преодолели порог|#ЗНАЧ!|`) && line.includes('строка не использована')),
    ).toBe(true);
    expect(
      check.some((line) => line.includes(`|${a2Row + 1}|a2|Не преодолели порог|#ЗНАЧ!|`) && line.includes('строка не использована')),
    ).toBe(true);
  });

  it('counts such schools apart in «Муниципалитеты» and in «Показатели», never as ШНОР', () => {
    const header = headerOf(twin, 'Муниципалитеты', 'Муниципалитет');
    const row = twin.sheetValues('Муниципалитеты').find((r) => r[0] === 'Александровский район')!;
    // а1 and а2 were this municipality's two ШНОР; both are now «неполные данные».
    expect(row[header.indexOf('ШНОР')]).toBe(0);
    expect(row[header.indexOf('Неполные данные')]).toBe(2);
    const indicators = twin.sheetValues('Показатели');
    const ih = headerOf(twin, 'Показатели', 'Направление');
    const incomplete = indicators.find(
      (r) => r[ih.indexOf('Показатель')] === 'Доля школ, статус которых не определён из-за неполных данных',
    )!;
    expect([incomplete[ih.indexOf('Числитель')], incomplete[ih.indexOf('Знаменатель')]]).toEqual([2, schools.length]);
  });
});
