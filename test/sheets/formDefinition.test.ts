import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIELDS } from '../../src/sheets/fields';
import { PASSPORT_QUESTIONS, createPassportForm } from '../../src/sheets/formDefinition';
import { autoMapColumns } from '../../src/sheets/headerMapping';
import { createTwin } from '../../emulator/index';

describe('PASSPORT_QUESTIONS', () => {
  it('asks every field of docs/методика.md §1.1 except the timestamp the Form adds itself', () => {
    expect(PASSPORT_QUESTIONS.map((q) => q.field)).toEqual(FIELDS.filter((f) => f.id !== 'timestamp' && !f.notInForm).map((f) => f.id));
  });

  it('produces a responses sheet whose headers map themselves', () => {
    // The Form writes «Отметка времени» and then one column per question, titled by the question.
    const headers = ['Отметка времени', ...PASSPORT_QUESTIONS.map((q) => q.title)];
    const r = autoMapColumns(headers);
    expect(r.ambiguous).toEqual([]);
    expect(r.unknownColumns).toEqual([]);
    const formFields = FIELDS.filter((f) => !f.notInForm);
    expect(r.mapping).toEqual(Object.fromEntries(FIELDS.map((f) => [f.id, f.notInForm ? null : formFields.indexOf(f)])));
  });

  it('requires the fields the sheet cannot be read without and the five ИСБШ inputs', () => {
    expect(PASSPORT_QUESTIONS.filter((q) => q.required).map((q) => q.field)).toEqual([
      'schoolCode',
      'name',
      'municipality',
      'territory',
      'totalStudents',
      'bothParentsHigherEd',
      'comfortableHousing',
      'singleParent',
      'registered',
      'nonNativeRussian',
    ]);
  });

  it('asks counts as whole numbers, the territory and yes/no as choices, the specialists as checkboxes', () => {
    const typeOf = Object.fromEntries(PASSPORT_QUESTIONS.map((q) => [q.field, q.type]));
    expect(typeOf).toMatchObject({
      schoolCode: 'text',
      territory: 'territory',
      totalStudents: 'wholeNumber',
      kdn: 'wholeNumber',
      teachersHighestCategory: 'wholeNumber',
      remoteTerritory: 'yesno',
      specialists: 'specialists',
      stableInternet: 'yesno',
      fundingPerStudent: 'money',
    });
  });
});

/** A recording stand-in for FormApp: every builder call is logged as «item#n.method(args)». */
function fakeFormApp() {
  const log: string[] = [];
  let items = 0;
  const item = () => {
    const n = ++items;
    const proxy: Record<string, (...args: unknown[]) => unknown> = {};
    for (const m of ['setTitle', 'setHelpText', 'setRequired', 'setValidation', 'setChoiceValues']) {
      proxy[m] = (...args: unknown[]) => {
        log.push(`item${n}.${m}(${JSON.stringify(args[0])})`);
        return proxy;
      };
    }
    return proxy;
  };
  const form = {
    setTitle: (t: string) => log.push(`form title: ${t}`),
    setDescription: (d: string) => log.push(`setDescription(${d.length > 0})`),
    addTextItem: () => (log.push('addTextItem'), item()),
    addMultipleChoiceItem: () => (log.push('addMultipleChoiceItem'), item()),
    addCheckboxItem: () => (log.push('addCheckboxItem'), item()),
    setDestination: (type: string, id: string) => log.push(`setDestination(${type},${id})`),
    getPublishedUrl: () => 'https://docs.google.com/forms/d/e/FORM/viewform',
    getEditUrl: () => 'https://docs.google.com/forms/d/FORM/edit',
  };
  const validation = () => {
    const rule: string[] = [];
    const b = {
      setHelpText: () => b,
      requireWholeNumber: () => (rule.push('whole'), b),
      requireNumberGreaterThanOrEqualTo: (n: number) => (rule.push(`>=${n}`), b),
      build: () => rule.join(','),
    };
    return b;
  };
  const formApp = {
    create: (title: string) => (log.push(`create(${title})`), form),
    createTextValidation: validation,
    DestinationType: { SPREADSHEET: 'SPREADSHEET' },
  };
  return { formApp, log };
}

describe('createPassportForm', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('creates the form with every question and sends its responses to this spreadsheet', () => {
    const { formApp, log } = fakeFormApp();
    vi.stubGlobal('FormApp', formApp);
    const ss = { getId: () => 'SHEET-ID' } as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    expect(createPassportForm(ss)).toEqual({
      formUrl: 'https://docs.google.com/forms/d/e/FORM/viewform',
      editUrl: 'https://docs.google.com/forms/d/FORM/edit',
    });
    expect(log[0]).toBe('create(Социальный паспорт школы)');
    // create() only names the file: the title respondents see is set explicitly.
    expect(log[1]).toBe('form title: Социальный паспорт школы');
    expect(log.filter((l) => l.includes('.setTitle(')).map((l) => JSON.parse(l.slice(l.indexOf('(') + 1, -1)))).toEqual(
      PASSPORT_QUESTIONS.map((q) => q.title),
    );
    expect(log.filter((l) => l === 'addCheckboxItem')).toHaveLength(1);
    // Territory and three yes/no questions.
    expect(log.filter((l) => l === 'addMultipleChoiceItem')).toHaveLength(4);
    // Ten counts are whole numbers (total, the five ИСБШ inputs, КДН, ОВЗ, two teacher counts); the funding is a number ≥ 0.
    expect(log.filter((l) => l.endsWith('.setValidation("whole")'))).toHaveLength(10);
    expect(log.filter((l) => l.endsWith('.setValidation(">=0")'))).toHaveLength(1);
    expect(log).toContain('item4.setChoiceValues(["город","село"])');
    expect(log[log.length - 1]).toBe('setDestination(SPREADSHEET,SHEET-ID)');
  });
});

describe('createPassportForm in the twin', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('gives the form the title respondents see, not only the file name', () => {
    const twin = createTwin();
    vi.stubGlobal('FormApp', twin.services.FormApp);
    const { formUrl } = createPassportForm(twin.SpreadsheetApp.getActiveSpreadsheet());
    const form = twin.FormApp.openByUrl(formUrl);
    expect(form.getTitle()).toBe('Социальный паспорт школы');
    expect(form.getItems()).toHaveLength(PASSPORT_QUESTIONS.length);
  });
});
