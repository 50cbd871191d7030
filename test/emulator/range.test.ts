import { describe, expect, it } from 'vitest';
import { createTwin } from '../../emulator/index';

function setup(options = {}) {
  const twin = createTwin({ timeZone: 'Europe/Moscow', ...options });
  const sheet = twin.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Лист1')!;
  return { twin, sheet };
}

describe('Range values', () => {
  it('reads back numbers, strings and booleans as written, and "" for empty cells', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C2').setValues([
      [1, 'edu760152', true],
      [2.5, '', false],
    ]);
    // A 3×3 read over a 2×3 block: the third row and the empty B2 read as "".
    expect(sheet.getRange('A1:C3').getValues()).toEqual([
      [1, 'edu760152', true],
      [2.5, '', false],
      ['', '', ''],
    ]);
  });

  it('returns a Date object at the same instant for a written Date', () => {
    const { sheet } = setup();
    const when = new Date('2024-05-20T09:30:00+03:00');
    sheet.getRange('B2').setValue(when);
    const back = sheet.getRange('B2').getValue();
    expect(Object.prototype.toString.call(back)).toBe('[object Date]');
    expect(back.getTime()).toBe(when.getTime());
    expect(back).not.toBe(when);
  });

  it('stores a string starting with "=" as a formula whose cached value is ""', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([[2, '=A1*10']]);
    expect(sheet.getRange('A1:B1').getFormulas()).toEqual([['', '=A1*10']]);
    expect(sheet.getRange('B1').getValue()).toBe('');
    expect(sheet.getRange('A1').getFormula()).toBe('');
  });

  it('keeps text after a leading apostrophe and drops the apostrophe', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A2').setValues([["'=not a formula"], ["'007"]]);
    expect(sheet.getRange('A1:A2').getValues()).toEqual([['=not a formula'], ['007']]);
    expect(sheet.getRange('A1').getFormula()).toBe('');
  });

  it('turns text that reads as a number in the Russian locale into a number, as Sheets does', () => {
    const { sheet } = setup();
    // ru_RU: decimal comma. '35,5' → 35.5; '007' → 7; 'ИСТИНА' → true; '35.5' is not a ru number → text.
    sheet.getRange('A1:D1').setValues([['35,5', '007', 'ИСТИНА', '35.5']]);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([[35.5, 7, true, '35.5']]);
  });

  it('turns a typed Russian date into a Date at midnight in the spreadsheet time zone', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('01.09.2024');
    // 1 September 2024 00:00 in Moscow (UTC+3) = 2024-08-31T21:00Z
    expect(sheet.getRange('A1').getValue().toISOString()).toBe('2024-08-31T21:00:00.000Z');
  });

  it('refuses writes from a custom function', () => {
    const { twin, sheet } = setup();
    twin.setAuthMode('CUSTOM_FUNCTION');
    expect(sheet.getRange('A1').getValue()).toBe('');
    expect(() => sheet.getRange('A1').setValue(1)).toThrow('You do not have permission to call Range.setValue');
  });

  it('keeps text as text in a cell formatted "@"', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setNumberFormat('@').setValue('007');
    expect(sheet.getRange('A1').getValue()).toBe('007');
  });

  it('writes no text conversion when parseText is off', () => {
    const { sheet } = setup({ parseText: false });
    sheet.getRange('A1').setValue('007');
    expect(sheet.getRange('A1').getValue()).toBe('007');
  });

  it('throws the Sheets row-count error without writing anything', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:B3');
    expect(() =>
      range.setValues([
        [1, 2],
        [3, 4],
      ]),
    ).toThrow('The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.');
    expect(sheet.getLastRow()).toBe(0);
  });

  it('throws the Sheets column-count error for a short row', () => {
    const { sheet } = setup();
    expect(() =>
      sheet.getRange('A1:C2').setValues([
        [1, 2, 3],
        [4, 5],
      ]),
    ).toThrow('The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.');
  });

  it('rejects a one-dimensional array with the signature error', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1:C1').setValues([1, 2, 3] as unknown as unknown[][])).toThrow(
      "The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
  });

  it('fills every cell of a range with setValue', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B2').setValue('x');
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['x', 'x'],
      ['x', 'x'],
    ]);
  });

  it('reports the last row and column that hold content', () => {
    const { sheet } = setup();
    sheet.getRange('C5').setValue('x');
    sheet.getRange('B7').setFormula('=1');
    // last content row: 7 (the formula); last column: 3 (C).
    expect(sheet.getLastRow()).toBe(7);
    expect(sheet.getLastColumn()).toBe(3);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C7');
  });

  it('refuses a range past the 1000 × 26 grid of a new sheet, as Sheets does, until the sheet grows', () => {
    const { twin, sheet } = setup();
    const outside = 'The coordinates of the range are outside the dimensions of the sheet.';
    // Column 27 (AA) and row 1001 are one past the grid.
    expect(() => sheet.getRange(1, 1, 1, 27)).toThrow(outside);
    expect(() => sheet.getRange(1001, 1)).toThrow(outside);
    expect(() => sheet.getRange(1000, 26).offset(1, 0)).toThrow(outside);
    expect(twin.writeCount).toBe(0);
    sheet.insertColumnsAfter(26, 4);
    sheet.insertRowsAfter(1000, 501);
    sheet.getRange(1500, 2, 2, 29).setValue(1);
    // rows 1500..1501 and columns 2..30 now fit in 1501 × 30.
    expect(sheet.getMaxRows()).toBe(1501);
    expect(sheet.getMaxColumns()).toBe(30);
    expect(sheet.getRange(1501, 30).getValue()).toBe(1);
  });

  it('rejects getRange coordinates outside the sheet and non-integer arguments', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(0, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1.5, 1)).toThrow("Cannot convert '1.5' to int.");
    expect(() => sheet.getRange('not a range')).toThrow('Range not found');
  });

  it('parses A1 notation with sheet names, whole columns and open-ended ranges', () => {
    const { twin, sheet } = setup();
    twin.addSheet('Данные школ', [['a']]);
    expect(sheet.getRange("'Данные школ'!B2:C3").getSheet().getName()).toBe('Данные школ');
    // 'A:B' spans the default 1000 rows.
    expect(sheet.getRange('A:B').getNumRows()).toBe(1000);
    expect(sheet.getRange('A:B').getA1Notation()).toBe('A:B');
    expect(sheet.getRange('B3:D').getNumRows()).toBe(998);
    expect(sheet.getRange('$B$2').getA1Notation()).toBe('B2');
  });
});

describe('Range display values and formats', () => {
  it('shows 0.33 with "0%" as "33%" while getValues keeps 0.33', () => {
    const { sheet } = setup();
    const cell = sheet.getRange('A1');
    cell.setValue(0.33).setNumberFormat('0%');
    expect(cell.getValue()).toBe(0.33);
    expect(cell.getDisplayValue()).toBe('33%');
  });

  it('formats the common number formats', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:F1');
    range.setValues([[0.3333, 79.46, 1234567.891, 0.5, 2.25, 42]]);
    range.setNumberFormats([['0.0%', '0.0', '#,##0', '0.00', '0', '@']]);
    // 0.3333 → 33.33 % → one decimal "33.3%"; 79.46 → "79.5"; 1234567.891 → "1,234,568";
    // 0.5 → "0.50"; 2.25 to a whole number → "2"; 42 under text format → "42".
    expect(range.getDisplayValues()).toEqual([['33.3%', '79.5', '1,234,568', '0.50', '2', '42']]);
  });

  it('shows numbers without a format with up to ten significant digits', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([[0.1 + 0.2, 1 / 3, -5]]);
    // 0.30000000000000004 → "0.3"; 0.333333333333 → "0.3333333333"; -5 → "-5".
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([['0.3', '0.3333333333', '-5']]);
    expect(sheet.getRange('A1').getNumberFormat()).toBe('0.###############');
  });

  it('uses the locale separators when localizedNumbers is on', () => {
    const { sheet } = setup({ localizedNumbers: true });
    sheet.getRange('A1:B1').setValues([[0.333, 1234.5]]);
    sheet.getRange('A1:B1').setNumberFormats([['0.0%', '#,##0.0']]);
    expect(sheet.getRange('A1:B1').getDisplayValues()).toEqual([['33,3%', '1\u00a0234,5']]);
  });

  it('formats dates in the spreadsheet time zone', () => {
    const { sheet } = setup();
    // 2024-03-31T22:30Z is 1 April 01:30 in Moscow (UTC+3).
    const cell = sheet.getRange('A1');
    cell.setValue(new Date('2024-03-31T22:30:00Z')).setNumberFormat('dd.MM.yyyy');
    expect(cell.getDisplayValue()).toBe('01.04.2024');
    cell.setNumberFormat('dd.MM.yyyy HH:mm');
    expect(cell.getDisplayValue()).toBe('01.04.2024 01:30');
  });

  it('reads a number in a date-formatted cell as a Date, as Sheets does', () => {
    const { sheet } = setup();
    // Serial 45292 = 45292 days after 30.12.1899 = 01.01.2024, midnight in Moscow = 2023-12-31T21:00Z.
    const cell = sheet.getRange('A1');
    cell.setValue(45292).setNumberFormat('dd.MM.yyyy');
    expect(cell.getValue().toISOString()).toBe('2023-12-31T21:00:00.000Z');
    expect(cell.getDisplayValue()).toBe('01.01.2024');
  });

  it('shows booleans as TRUE/FALSE and text unchanged', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([[true, false, 'Школа №1']]);
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([['TRUE', 'FALSE', 'Школа №1']]);
  });

  it('returns default formats for unformatted cells and normalised colours', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:B1');
    range
      .setBackgrounds([['red', '#ABC']])
      .setFontWeight('bold')
      .setFontColor('#FF0000');
    expect(range.getBackgrounds()).toEqual([['#ff0000', '#aabbcc']]);
    expect(range.getFontWeights()).toEqual([['bold', 'bold']]);
    expect(range.getFontColors()).toEqual([['#ff0000', '#ff0000']]);
    expect(sheet.getRange('C1').getBackground()).toBe('#ffffff');
    expect(sheet.getRange('C1').getFontWeight()).toBe('normal');
  });

  it('keeps notes and clears them with null', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setNotes([['Код ОО из формы', null]]);
    expect(sheet.getRange('A1:B1').getNotes()).toEqual([['Код ОО из формы', '']]);
    sheet.getRange('A1').setNote(null);
    expect(sheet.getRange('A1').getNote()).toBe('');
  });

  it('clears contents but keeps formats with clearContent', () => {
    const { sheet } = setup();
    const cell = sheet.getRange('A1');
    cell.setValue(0.5).setNumberFormat('0%').setBackground('#eeeeee');
    cell.clearContent();
    expect(cell.getValue()).toBe('');
    expect(cell.getNumberFormat()).toBe('0%');
    expect(cell.getBackground()).toBe('#eeeeee');
    cell.clearFormat();
    expect(cell.getNumberFormat()).toBe('0.###############');
    expect(cell.getBackground()).toBe('#ffffff');
  });
});

describe('Range data validation', () => {
  it('stores a drop-down rule and reads its criteria back', () => {
    const { twin, sheet } = setup();
    const rule = twin.SpreadsheetApp.newDataValidation()
      .requireValueInList(['не начато', 'в работе', 'выполнено', 'отменено'], true)
      .setAllowInvalid(false)
      .setHelpText('Выберите статус')
      .build();
    sheet.getRange('I2:I4').setDataValidation(rule);
    const got = sheet.getRange('I3').getDataValidation()!;
    expect(String(got.getCriteriaType())).toBe('VALUE_IN_LIST');
    expect(got.getCriteriaValues()).toEqual([['не начато', 'в работе', 'выполнено', 'отменено'], true]);
    expect(got.getAllowInvalid()).toBe(false);
    expect(got.getHelpText()).toBe('Выберите статус');
    expect(sheet.getRange('I1').getDataValidation()).toBeNull();
  });

  it('rejects a value outside a strict list with the Sheets error and writes nothing', () => {
    const { twin, sheet } = setup();
    const rule = twin.SpreadsheetApp.newDataValidation().requireValueInList(['да', 'нет']).setAllowInvalid(false).build();
    sheet.getRange('A1:A2').setDataValidation(rule);
    expect(() => sheet.getRange('A1:A2').setValues([['да'], ['может быть']])).toThrow(
      'The data you entered in cell A2 violates the data validation rules set on this cell.',
    );
    expect(sheet.getRange('A1').getValue()).toBe('');
    sheet.getRange('A1:A2').setValues([['да'], ['']]);
    expect(sheet.getRange('A1').getValue()).toBe('да');
  });

  it('accepts any value under a rule that only warns (the default)', () => {
    const { twin, sheet } = setup();
    const rule = twin.SpreadsheetApp.newDataValidation().requireNumberBetween(0, 100).build();
    sheet.getRange('A1').setDataValidation(rule).setValue(150);
    expect(sheet.getRange('A1').getValue()).toBe(150);
  });
});
