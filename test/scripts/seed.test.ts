import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { createTwin } from '../../emulator/index';
import { importCell, RESPONSES_SHEET_NAME, seedFiles, seedSample } from '../../scripts/lib/seed';
import { InputFileError } from '../../scripts/lib/readUserFiles';
import { toCsv } from '../../scripts/lib/csv';
import { RESPONSE_HEADERS } from '../../scripts/lib/syntheticRegion';

const dir = mkdtempSync(path.join(tmpdir(), 'seed-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A cell of a seeded sheet by sheet row (header = row 1) and header text. */
function cell(values: unknown[][], row: number, header: string): unknown {
  const column = values[0].indexOf(header);
  if (column < 0) throw new Error(`no column ${header}`);
  return values[row - 1][column];
}

describe('importCell: CSV text as a Sheets import stores it', () => {
  it('turns dot-decimal numbers into numbers and keeps Russian notation as text', () => {
    expect(importCell('309')).toBe(309);
    expect(importCell('87479.62')).toBe(87479.62);
    expect(importCell('-7')).toBe(-7);
    // Comma decimals, spaces and percent signs are what the add-in must parse itself.
    expect(importCell('35,5')).toBe('35,5');
    expect(importCell('1 384')).toBe('1 384');
    expect(importCell('26,3 %')).toBe('26,3 %');
    expect(importCell('2023/24')).toBe('2023/24');
    expect(importCell('edu760008')).toBe('edu760008');
  });

  it('reads «dd.MM.yyyy H:mm:ss» as a Moscow time and leaves impossible dates as text', () => {
    // 01.09.2025 8:03:05 in Moscow (UTC+3) is 05:03:05 UTC.
    expect(importCell('01.09.2025 8:03:05')).toEqual(new Date(Date.UTC(2025, 8, 1, 5, 3, 5)));
    // A date without a time is midnight in Moscow: 21:00 UTC of the day before.
    expect(importCell('15.10.2025')).toEqual(new Date(Date.UTC(2025, 9, 14, 21, 0, 0)));
    expect(importCell('31.02.2025 8:00:00')).toBe('31.02.2025 8:00:00');
  });

  it('keeps a leading «=» as text and reads TRUE/FALSE as booleans', () => {
    expect(importCell('=МБОУ СОШ № 2 г. Заречного')).toBe('=МБОУ СОШ № 2 г. Заречного');
    expect(importCell('TRUE')).toBe(true);
    expect(importCell('')).toBe('');
  });
});

describe('seedSample', () => {
  const twin = createTwin();
  seedSample(twin);
  const responses = twin.sheetValues(RESPONSES_SHEET_NAME);
  const results = twin.sheetValues('Результаты ОП');

  it('creates the Form responses sheet, «Результаты ОП» and «Риски» with the sample rows', () => {
    expect(twin.sheetNames()).toEqual(expect.arrayContaining([RESPONSES_SHEET_NAME, 'Результаты ОП', 'Риски']));
    // samples/README.md: 74 submissions, 1218 result rows, 25 diagnoses; each sheet has a header row on top.
    expect(responses).toHaveLength(75);
    expect(results).toHaveLength(1219);
    expect(twin.sheetValues('Риски')).toHaveLength(26);
  });

  it('stores a timestamp as a Date, a count as a number and «1 384» as text', () => {
    // samples/responses.csv row 2: «01.09.2025 8:03:05», total 309.
    expect(cell(responses, 2, 'Отметка времени')).toEqual(new Date(Date.UTC(2025, 8, 1, 5, 3, 5)));
    expect(cell(responses, 2, 'Общее количество обучающихся')).toBe(309);
    // samples/README.md: row 17 total typed «1 384», row 11 «26,3 %», results row 436 year «2023/24».
    expect(cell(responses, 17, 'Общее количество обучающихся')).toBe('1 384');
    expect(cell(responses, 11, 'Количество обучающихся из неполных семей')).toBe('26,3 %');
    expect(cell(results, 436, 'Год')).toBe('2023/24');
    expect(cell(responses, 43, 'Полное наименование образовательной организации')).toBe('=МБОУ СОШ № 2 г. Заречного');
  });

  it('links the responses sheet to a form, as a Form creates it', () => {
    expect(twin.spreadsheet.getSheetByName(RESPONSES_SHEET_NAME)!.getFormUrl()).toBeTruthy();
    expect(twin.spreadsheet.getSheetByName('Результаты ОП')!.getFormUrl()).toBeNull();
  });

  it('appends extra responses, converting their text cells the same way', () => {
    const other = createTwin();
    const extra = ['02.10.2025 9:00:00', 'edu999999', '<img src=x onerror=alert(1)>', 'Заречный муниципальный округ', 'село', '12'];
    seedSample(other, { responsesName: 'Ответы', extraResponses: [extra] });
    const rows = other.sheetValues('Ответы');
    expect(rows).toHaveLength(76);
    expect(rows[75].slice(0, 6)).toEqual([
      new Date(Date.UTC(2025, 9, 2, 6, 0, 0)),
      'edu999999',
      '<img src=x onerror=alert(1)>',
      'Заречный муниципальный округ',
      'село',
      12,
    ]);
  });
});

/** One school's answers under RESPONSE_HEADERS (the sample's questions), as CSV text cells. */
const answers = (code: string, timestamp = '01.09.2025 8:03:05') => [
  timestamp,
  code,
  'МКОУ "Лесная СОШ", с. Бор',
  'Заречный муниципальный округ',
  'село',
  '100',
  '30',
  '90',
  '10',
  '2',
  '1',
  '1',
  '5',
  'Нет',
  '12',
  '4',
  'педагог-психолог',
  'Да',
  'Да',
  '90000',
];

describe('seedFiles: the user’s own files', () => {
  it('reads a CSV downloaded from Sheets (a BOM is tolerated) and the results sheet of an XLSX after its «Инструкция»', async () => {
    const responsesCsv = path.join(dir, 'ответы.csv');
    writeFileSync(responsesCsv, '\ufeff' + toCsv([[...RESPONSE_HEADERS], answers('edu1')]));
    const resultsXlsx = path.join(dir, 'результаты.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Инструкция').addRows([['Заполните лист «Результаты» по образцу.'], ['Один ряд — одна школа, год и процедура.']]);
    const ws = wb.addWorksheet('Результаты');
    ws.addRow(['Код ОО', 'Год', 'Процедура', 'Участников', 'Не преодолели порог']);
    ws.addRow([{ richText: [{ text: 'edu' }, { text: '1' }] }, 2025, 'ОГЭ математика', 20, { formula: '3*2', result: 6 }]);
    await wb.xlsx.writeFile(resultsXlsx);

    const twin = createTwin();
    const seeded = await seedFiles(twin, { responses: responsesCsv, results: resultsXlsx });
    const responses = twin.sheetValues(RESPONSES_SHEET_NAME);
    expect(responses[0]).toEqual([...RESPONSE_HEADERS]);
    expect(responses[1].slice(0, 3)).toEqual([new Date(Date.UTC(2025, 8, 1, 5, 3, 5)), 'edu1', 'МКОУ "Лесная СОШ", с. Бор']);
    expect(twin.sheetValues('Результаты ОП')).toEqual([
      ['Код ОО', 'Год', 'Процедура', 'Участников', 'Не преодолели порог'],
      ['edu1', 2025, 'ОГЭ математика', 20, 6],
    ]);
    expect(twin.hasSheet('Риски')).toBe(false);
    expect(twin.spreadsheet.getSheetByName(RESPONSES_SHEET_NAME)!.getFormUrl()).toBeTruthy();
    // The instructions are text, not data: named as passed over, not as an ignored input.
    expect(seeded.passedOver.map((s) => s.label)).toEqual(['результаты.xlsx, лист «Инструкция»']);
    expect(seeded.ignored).toEqual([]);
  });

  it('reads an XLSX date as the Moscow wall-clock time it shows', async () => {
    const file = path.join(dir, 'ответы.xlsx');
    const wb = new ExcelJS.Workbook();
    // exceljs writes a Date's UTC clock: this cell shows 01.09.2025 08:03:05.
    const row = answers('edu1').map((c, i) => (i === 0 ? new Date(Date.UTC(2025, 8, 1, 8, 3, 5)) : c));
    wb.addWorksheet('Ответы').addRows([[...RESPONSE_HEADERS], row]);
    wb.addWorksheet('Результаты').addRows([['Код ОО', 'Год', 'Процедура', 'Участников', 'Не преодолели порог']]);
    await wb.xlsx.writeFile(file);
    const twin = createTwin();
    // One workbook for both inputs: each takes its own sheet, and neither sheet is reported as ignored.
    const seeded = await seedFiles(twin, { responses: file, results: file });
    // 08:03:05 in Moscow is 05:03:05 UTC.
    expect(twin.sheetValues(RESPONSES_SHEET_NAME)[1][0]).toEqual(new Date(Date.UTC(2025, 8, 1, 5, 3, 5)));
    expect(seeded.ignored).toEqual([]);
  });

  it('refuses a missing file, an unknown extension and an unclosed quote with Russian messages naming the file', async () => {
    const twin = createTwin();
    await expect(seedFiles(twin, { responses: path.join(dir, 'нет.csv'), results: path.join(dir, 'нет.csv') })).rejects.toThrow(
      /Файл не найден/,
    );
    const ods = path.join(dir, 'таблица.ods');
    writeFileSync(ods, 'x');
    await expect(seedFiles(twin, { responses: ods, results: ods })).rejects.toBeInstanceOf(InputFileError);
    const broken = path.join(dir, 'сломан.csv');
    writeFileSync(broken, 'Код ОО,Год\r\nedu1,2025\r\n"edu1,2025');
    await expect(seedFiles(twin, { responses: broken, results: broken })).rejects.toThrow(
      /сломан\.csv .*не читается как таблица: незакрытые кавычки в строке 3/,
    );
  });
});
