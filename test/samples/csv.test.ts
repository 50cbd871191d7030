import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsv, toCsv, formatSheetsTimestamp, csvCellText } from '../../scripts/lib/csv';
import { moscowDate } from '../../scripts/lib/syntheticRegion';

describe('parseCsv', () => {
  it('splits plain fields on commas and rows on CRLF', () => {
    expect(parseCsv('a,b,c\r\n1,2,3')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('accepts LF line endings and ignores one trailing line break', () => {
    expect(parseCsv('a,b\n1,2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a,b\r\n1,2\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('reads quoted fields holding commas, doubled quotes and line breaks', () => {
    const text = '"МКОУ ""Ивановская ООШ""","педагог-психолог, социальный педагог","строка 1\r\nстрока 2"\r\nx,"",y';
    expect(parseCsv(text)).toEqual([
      ['МКОУ "Ивановская ООШ"', 'педагог-психолог, социальный педагог', 'строка 1\r\nстрока 2'],
      ['x', '', 'y'],
    ]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(parseCsv('edu1,2025,ОГЭ математика,0,0,\r\n,,')).toEqual([
      ['edu1', '2025', 'ОГЭ математика', '0', '0', ''],
      ['', '', ''],
    ]);
  });

  it('returns no rows for empty text', () => {
    expect(parseCsv('')).toEqual([]);
  });

  it('rejects an unterminated quoted field', () => {
    expect(() => parseCsv('"abc')).toThrow(/unterminated/);
  });
});

describe('toCsv', () => {
  it('quotes only fields with a comma, a quote or a line break, doubling quotes', () => {
    // «» are not special to CSV; straight quotes are.
    const rows = [['МКОУ «Ивановская ООШ»', 'МКОУ "Петровская СОШ"', 'a, b', 'две\nстроки', 'просто']];
    expect(toCsv(rows)).toBe('МКОУ «Ивановская ООШ»,"МКОУ ""Петровская СОШ""","a, b","две\nстроки",просто');
  });

  it('joins rows with CRLF and adds no line break after the last row', () => {
    expect(toCsv([['a'], ['b']])).toBe('a\r\nb');
    expect(toCsv([['a'], ['b']], '\n')).toBe('a\nb');
  });

  it('writes numbers with a dot decimal, empty cells as nothing, booleans as TRUE/FALSE', () => {
    expect(toCsv([[83433.53, -7, 0, '', null, true, false]])).toBe('83433.53,-7,0,,,TRUE,FALSE');
  });

  it('writes timestamps as dd.MM.yyyy H:mm:ss in Moscow time, hour without a leading zero', () => {
    // 5 September 2025, 9:03:12 in Moscow.
    expect(csvCellText(moscowDate(2025, 9, 5, 9, 3, 12))).toBe('05.09.2025 9:03:12');
    // 21:30 UTC on 4 September + 3 h = 00:30 on 5 September in Moscow.
    expect(formatSheetsTimestamp(new Date(Date.UTC(2025, 8, 4, 21, 30, 0)))).toBe('05.09.2025 0:30:00');
  });
});

describe('CSV round trip', () => {
  it('parses back exactly the strings it wrote, for tricky hand-picked cells', () => {
    const rows = [
      ['Код ОО', 'Полное наименование', 'Пусто'],
      ['edu760001', 'МКОУ "Ивановская ООШ", филиал', ''],
      ['еdu760054', '=МБОУ СОШ № 2', '"'],
      ['', 'строка 1\r\nстрока 2\nстрока 3', ',,'],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
    expect(parseCsv(toCsv(rows, '\n'))).toEqual(rows);
  });

  it('parses back any table of strings with two or more columns', () => {
    // A one-column row holding "" is an empty line, which a trailing position cannot distinguish
    // from the file's end; Sheets never writes such a table, so the property starts at two columns.
    const cell = fc.string({ unit: fc.constantFrom('a', 'я', ',', '"', '\r', '\n', ' ', '=', '«') });
    const table = fc.integer({ min: 2, max: 5 }).chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 }));
    fc.assert(fc.property(table, (rows) => {
      expect(parseCsv(toCsv(rows))).toEqual(rows);
    }));
  });
});
