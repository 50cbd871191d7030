/**
 * Reading the user's files on the Node side: encodings, separators, XLSX cells as the user sees them, and where
 * the header row of a table is. Every expected value is worked out from the bytes or cells written here.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { decodeText } from '../../scripts/lib/textEncoding';
import { DelimitedTextError, detectDelimiter, parseDelimited } from '../../scripts/lib/delimited';
import { excelSerialToDate, isDateFormat, isPercentFormat, percentText, readWorkbook, xlsxCellValue } from '../../scripts/lib/workbook';
import { locateInput } from '../../scripts/lib/inputTables';
import { inputFileSpecs, yearOfSheetName } from '../../scripts/lib/inputFiles';
import type { SourceTable } from '../../scripts/lib/readUserFiles';
import { importCell } from '../../scripts/lib/seed';
import { RESPONSE_HEADERS } from '../../scripts/lib/syntheticRegion';

const dir = mkdtempSync(path.join(tmpdir(), 'read-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RUSSIAN =
  'Код ОО;Полное наименование образовательной организации;Муниципальное образование\r\n' +
  'edu760001;МКОУ «Троицкая ООШ»;Заречный муниципальный округ\r\nedu760002;МБОУ СОШ № 1 г. Заречного;Заречный муниципальный округ\r\n';

describe('decodeText: the encodings Excel and Google save in', () => {
  it('follows a byte order mark: UTF-8, UTF-16LE («Текст Юникод»), UTF-16BE, and drops it', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Код ОО', 'utf8')]))).toEqual({
      text: 'Код ОО',
      encoding: 'UTF-8 с BOM',
    });
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('Код ОО\tГод', 'utf-16le')]))).toEqual({
      text: 'Код ОО\tГод',
      encoding: 'UTF-16LE',
    });
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode('Год', 'utf-16be')]))).toEqual({
      text: 'Год',
      encoding: 'UTF-16BE',
    });
  });

  it('reads UTF-16LE without a BOM by its zero bytes, and valid UTF-8 as UTF-8', () => {
    expect(decodeText(iconv.encode('Код ОО\tГод\r\nedu1\t2025', 'utf-16le')).text).toBe('Код ОО\tГод\r\nedu1\t2025');
    expect(decodeText(Buffer.from(RUSSIAN, 'utf8'))).toEqual({ text: RUSSIAN, encoding: 'UTF-8' });
  });

  it('names Windows-1251 and KOI8-R with chardet, and takes a text too short to tell for Russian Excel’s Windows-1251', () => {
    expect(decodeText(iconv.encode(RUSSIAN, 'windows-1251'))).toEqual({ text: RUSSIAN, encoding: 'Windows-1251' });
    // KOI8-R has no «» and №: a file saved in it has none.
    const koi8 = RUSSIAN.replace(/[«»]/g, '"').replace('№', 'N');
    expect(decodeText(iconv.encode(koi8, 'koi8-r'))).toEqual({ text: koi8, encoding: 'KOI8-R' });
    expect(decodeText(iconv.encode('Год', 'windows-1251'))).toEqual({ text: 'Год', encoding: 'Windows-1251' });
  });
});

describe('parseDelimited: the separator and quoting', () => {
  it('takes «;» when headers hold commas that are not separators', () => {
    const text =
      'Код ОО;Количество обучающихся, оба родителя которых имеют высшее образование;Финансирование, руб.\r\nedu1;30;87479,62\r\nedu2;12;90000';
    expect(detectDelimiter(text)).toBe(';');
    expect(parseDelimited(text).rows).toEqual([
      ['Код ОО', 'Количество обучающихся, оба родителя которых имеют высшее образование', 'Финансирование, руб.'],
      ['edu1', '30', '87479,62'],
      ['edu2', '12', '90000'],
    ]);
  });

  it('takes a tab, and a comma when semicolons are only inside quoted fields', () => {
    expect(parseDelimited('a\tb\r\n1\t2').delimiter).toBe('\t');
    const comma = parseDelimited('Код ОО,Примечание\r\nedu1,"см. письмо; дополнено"\r\nedu2,');
    expect(comma.delimiter).toBe(',');
    expect(comma.rows[1]).toEqual(['edu1', 'см. письмо; дополнено']);
  });

  it('obeys Excel’s «sep=» line and keeps quoted line breaks and doubled quotes', () => {
    expect(parseDelimited('sep=,\r\na;b,c\r\n1;2,3').rows).toEqual([
      ['a;b', 'c'],
      ['1;2', '3'],
    ]);
    expect(parseDelimited('a;b\r\n"две\r\nстроки";"МКОУ ""Лесная"""').rows).toEqual([
      ['a', 'b'],
      ['две\r\nстроки', 'МКОУ "Лесная"'],
    ]);
  });

  it('names the line of an unclosed quote', () => {
    expect(() => parseDelimited('a;b\r\n1;2\r\n"3;4')).toThrow(DelimitedTextError);
    expect(() => parseDelimited('a;b\r\n1;2\r\n"3;4')).toThrow('незакрытые кавычки в строке 3');
  });
});

describe('XLSX cells as the user sees them', () => {
  it('tells date and percent formats from number formats', () => {
    for (const f of ['dd.mm.yyyy h:mm:ss', 'mm-dd-yy', '[$-419]d mmmm yyyy;@', 'h:mm']) expect(isDateFormat(f)).toBe(true);
    for (const f of ['General', '0.00', '#,##0', '0.0%', '"мм" 0', '@']) expect(isDateFormat(f)).toBe(false);
    expect(isPercentFormat('0.0%')).toBe(true);
    expect(isPercentFormat('"%" 0')).toBe(false);
  });

  it('reads an Excel serial date as that wall-clock time in Moscow', () => {
    // 45658 is 01.01.2025; + 243 days (January–August) = 01.09.2025; .5 = 12:00 in Moscow = 09:00 UTC.
    expect(excelSerialToDate(45901.5)).toEqual(new Date(Date.UTC(2025, 8, 1, 9, 0, 0)));
    expect(xlsxCellValue(45901.5, 'dd.mm.yyyy h:mm')).toEqual(new Date(Date.UTC(2025, 8, 1, 9, 0, 0)));
    // The 1904 date system counts from 01.01.1904: 0 is that midnight in Moscow, 21:00 UTC the day before.
    expect(excelSerialToDate(0, true)).toEqual(new Date(Date.UTC(1903, 11, 31, 21, 0, 0)));
  });

  it('reads a percent cell as the percent text shown, and a zero-padded number as shown', () => {
    expect(percentText(0.263)).toBe('26,3 %');
    expect(xlsxCellValue(0.5, '0%')).toBe('50 %');
    expect(xlsxCellValue(123, '000000')).toBe('000123');
    expect(xlsxCellValue(123, '0')).toBe(123);
    expect(xlsxCellValue({ formula: 'A1/B1', result: 0.25 } as ExcelJS.CellValue, '0.0%')).toBe('25 %');
  });

  it('gives a merged range’s value to every cell of it and drops empty trailing rows and columns', async () => {
    const file = path.join(dir, 'merged.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Лист');
    ws.getCell('A1').value = 'Муниципалитет';
    ws.getCell('B1').value = 'Код ОО';
    ws.getCell('A2').value = 'г. Северск';
    ws.mergeCells('A2:A3');
    ws.getCell('B2').value = 'edu1';
    ws.getCell('B3').value = 'edu2';
    ws.getCell('E9').numFmt = '0.00';
    await wb.xlsx.writeFile(file);
    const [sheet] = await readWorkbook(file);
    expect(sheet.rows).toEqual([
      ['Муниципалитет', 'Код ОО'],
      ['г. Северск', 'edu1'],
      ['г. Северск', 'edu2'],
    ]);
  });
});

describe('locateInput: the header row and the tables of an input', () => {
  const [responses, results] = inputFileSpecs();
  const table = (rows: unknown[][], sheet: string | null = 'Лист1', isText = false): SourceTable => ({
    file: '/tmp/файл.xlsx',
    sheet,
    rows,
    isText,
    format: '',
  });
  const answers = (code: string) => [
    new Date(Date.UTC(2025, 8, 1, 5)),
    code,
    'МБОУ СОШ № 1',
    'Заречный МО',
    'город',
    100,
    30,
    90,
    10,
    2,
    1,
    1,
    5,
    'Нет',
    12,
    4,
    '',
    'Да',
    'Да',
    90000,
  ];

  it('finds the header under a title and a blank row, drops a numbering row and tells where every row comes from', () => {
    const rows = [
      ['Социальный паспорт школы, 2025'],
      [],
      [...RESPONSE_HEADERS],
      RESPONSE_HEADERS.map((_, i) => i + 1),
      answers('edu1'),
      answers('edu2'),
    ];
    const located = locateInput([table(rows)], responses, importCell);
    expect(located.rows.map((r) => r[1])).toEqual(['Код ОО', 'edu1', 'edu2']);
    // Header in sheet row 3, numbering row 4, schools in rows 5 and 6.
    expect(located.origins).toEqual([
      { label: 'файл.xlsx, лист «Лист1»', row: 3 },
      { label: 'файл.xlsx, лист «Лист1»', row: 5 },
      { label: 'файл.xlsx, лист «Лист1»', row: 6 },
    ]);
    expect(located.notes).toEqual([
      'файл.xlsx, лист «Лист1»: заголовки столбцов в строке 3; выше — не таблица (строка 1), пропущено',
      'файл.xlsx, лист «Лист1»: строка 4 с номерами столбцов пропущена',
    ]);
  });

  it('reads a results workbook with a sheet per year, taking «Год» from the sheet’s name', () => {
    const head = ['Код ОО', 'Процедура', 'Участников', 'Не преодолели порог'];
    const located = locateInput(
      [
        table([['Заполните по образцу.']], 'Инструкция'),
        table([head, ['edu1', 'ОГЭ математика', 20, 3]], '2024'),
        table([head, ['edu1', 'ОГЭ математика', 18, 1]], '2024-2025 уч. год'),
      ],
      results,
      importCell,
    );
    expect(located.rows).toEqual([
      [...head, 'Год'],
      ['edu1', 'ОГЭ математика', 20, 3, 2024],
      ['edu1', 'ОГЭ математика', 18, 1, 2025],
    ]);
    expect(located.skipped.map((s) => [s.label, s.tabular])).toEqual([['файл.xlsx, лист «Инструкция»', false]]);
  });

  it('puts a sheet with the same headers in another order into the first one’s order, and names a sheet with other headers', () => {
    const head = ['Код ОО', 'Год', 'Процедура', 'Участников', 'Не преодолели порог'];
    const other = ['Код ОО', 'Год', 'Процедура', 'Участников', 'Не преодолели порог', 'Высокобалльников'];
    const located = locateInput(
      [
        table([head, ['edu1', 2024, 'ОГЭ математика', 20, 3]], 'А'),
        table(
          [
            ['Процедура', 'Код ОО', 'Не преодолели порог', 'Участников', 'Год'],
            ['ОГЭ математика', 'edu2', 4, 25, 2025],
          ],
          'Б',
        ),
        table([other, ['edu3', 2025, 'ОГЭ математика', 10, 0, 1]], 'В'),
      ],
      results,
      importCell,
    );
    expect(located.rows.slice(1)).toEqual([
      ['edu1', 2024, 'ОГЭ математика', 20, 3],
      ['edu2', 2025, 'ОГЭ математика', 25, 4],
    ]);
    expect(located.skipped).toHaveLength(1);
    expect(located.skipped[0]).toMatchObject({ label: 'файл.xlsx, лист «В»', tabular: true });
    expect(located.skipped[0].problem).toMatch(/^заголовки столбцов не такие, как в таблице файл\.xlsx, лист «А»/);
  });

  it('converts the data cells of a text table as Sheets’ import does and keeps its header text', () => {
    const located = locateInput(
      [
        table(
          [
            ['Код ОО', 'Год', 'Процедура', 'Участников', 'Не преодолели порог'],
            ['edu1', '2024', 'ОГЭ математика', '20', '3,5'],
          ],
          null,
          true,
        ),
      ],
      results,
      importCell,
    );
    expect(located.rows).toEqual([
      ['Код ОО', 'Год', 'Процедура', 'Участников', 'Не преодолели порог'],
      ['edu1', 2024, 'ОГЭ математика', 20, '3,5'],
    ]);
  });

  it('reads the year of a sheet’s name as the calendar year of its exams', () => {
    expect(yearOfSheetName('2024')).toBe(2024);
    expect(yearOfSheetName('2024 год')).toBe(2024);
    expect(yearOfSheetName('2023-2024 уч. год')).toBe(2024);
    expect(yearOfSheetName('2023/24')).toBe(2024);
    expect(yearOfSheetName('Результаты')).toBe(null);
  });
});
