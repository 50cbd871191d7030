import { describe, expect, it } from 'vitest';
import { createTwin } from '../../emulator/index';

describe('FormApp', () => {
  it('links a new form to the spreadsheet through a responses sheet «Ответы на форму (1)»', () => {
    const twin = createTwin();
    const { FormApp } = twin;
    const ss = twin.SpreadsheetApp.getActiveSpreadsheet();
    const form = FormApp.create('Социальный паспорт школы').setDescription('Заполняется раз в год');
    form.addTextItem().setTitle('Код ОО').setRequired(true);
    form.addMultipleChoiceItem().setTitle('Тип территории').setChoiceValues(['город', 'село']);
    form
      .addTextItem()
      .setTitle('Всего обучающихся')
      .setValidation(FormApp.createTextValidation().requireWholeNumber().setHelpText('Целое число').build());
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());

    const responses = ss.getSheetByName('Ответы на форму (1)')!;
    expect(responses).not.toBeNull();
    expect(responses.getIndex()).toBe(1);
    expect(responses.getRange(1, 1, 1, 4).getValues()).toEqual([['Отметка времени', 'Код ОО', 'Тип территории', 'Всего обучающихся']]);
    expect(responses.getFrozenRows()).toBe(1);
    expect(responses.getFormUrl()).toBe(ss.getFormUrl());
    expect(ss.getFormUrl()).toContain(form.getId());
    expect(form.getDestinationId()).toBe(ss.getId());
    expect(FormApp.openByUrl(ss.getFormUrl()!).getId()).toBe(form.getId());
    // FormApp.create names the file; the form's own title stays empty until setTitle, as in Apps Script.
    expect(FormApp.openByUrl(form.getPublishedUrl()).getTitle()).toBe('');
    form.setTitle('Социальный паспорт школы');
    expect(FormApp.openByUrl(form.getPublishedUrl()).getTitle()).toBe('Социальный паспорт школы');
  });

  it('numbers a second responses sheet (2) and adds a column for a question added later', () => {
    const twin = createTwin();
    const { FormApp } = twin;
    const ss = twin.SpreadsheetApp.getActiveSpreadsheet();
    FormApp.create('Первая').setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    const second = FormApp.create('Вторая');
    second.addTextItem().setTitle('Код ОО');
    second.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    second.addCheckboxItem().setTitle('Специалисты в штате').setChoiceValues(['педагог-психолог', 'социальный педагог']);
    const sheet = ss.getSheetByName('Ответы на форму (2)')!;
    expect(sheet.getRange(1, 1, 1, 3).getValues()).toEqual([['Отметка времени', 'Код ОО', 'Специалисты в штате']]);
    expect(second.getItems().map((i) => i.getTitle())).toEqual(['Код ОО', 'Специалисты в штате']);
  });

  it('appends a submitted response as Forms does and returns the onFormSubmit event', () => {
    const twin = createTwin({ timeZone: 'Europe/Moscow' });
    const { FormApp } = twin;
    const ss = twin.SpreadsheetApp.getActiveSpreadsheet();
    const form = FormApp.create('Паспорт');
    form.addTextItem().setTitle('Код ОО');
    form.addTextItem().setTitle('Доля неродного русского');
    form.addCheckboxItem().setTitle('Специалисты в штате');
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    twin.resetCalls();
    const e = twin.submitForm(
      { 'Код ОО': 'edu760152', 'Доля неродного русского': '35,5', 'Специалисты в штате': ['педагог-психолог', 'социальный педагог'] },
      { timestamp: new Date('2024-02-01T07:15:00Z') },
    );
    // The respondent's row is written by Forms, not by the add-in: no counted calls.
    expect(twin.totalCalls()).toBe(0);
    const row = twin.sheetValues('Ответы на форму (1)')[1];
    // '35,5' typed into a Russian spreadsheet is the number 35.5.
    expect(row).toEqual([new Date('2024-02-01T07:15:00Z'), 'edu760152', 35.5, 'педагог-психолог, социальный педагог']);
    // 07:15Z is 10:15 in Moscow.
    expect(e.values).toEqual(['01.02.2024 10:15:00', 'edu760152', '35.5', 'педагог-психолог, социальный педагог']);
    expect(e.namedValues['Код ОО']).toEqual(['edu760152']);
    expect(e.range.getRow()).toBe(2);
    expect(e.authMode).toBe('FULL');
  });

  it('links a seeded responses sheet to a form for tests', () => {
    const twin = createTwin();
    twin.addSheet('Ответы на форму (1)', [['Отметка времени', 'Код ОО', 'Муниципалитет']]);
    const form = twin.linkForm('Ответы на форму (1)');
    const ss = twin.SpreadsheetApp.getActiveSpreadsheet();
    expect(ss.getSheetByName('Ответы на форму (1)')!.getFormUrl()).toBe(ss.getFormUrl());
    expect(form.getItems().map((i) => i.getTitle())).toEqual(['Код ОО', 'Муниципалитет']);
    twin.submitForm(['edu1', 'Ярославль'], { timestamp: new Date('2024-02-01T00:00:00Z') });
    expect(twin.sheetValues('Ответы на форму (1)')[1].slice(1)).toEqual(['edu1', 'Ярославль']);
  });

  it('refuses FormApp outside AuthMode FULL and deleting the linked sheet', () => {
    const twin = createTwin();
    const ss = twin.SpreadsheetApp.getActiveSpreadsheet();
    twin.FormApp.create('Паспорт').setDestination(twin.FormApp.DestinationType.SPREADSHEET, ss.getId());
    expect(() => ss.deleteSheet(ss.getSheetByName('Ответы на форму (1)')!)).toThrow('This sheet is linked to a form.');
    twin.setAuthMode('LIMITED');
    expect(() => twin.FormApp.create('x')).toThrow('You do not have permission to call FormApp.create.');
  });
});
