import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_RISK_FACTORS } from '../../src/core/factors';
import { CANONICAL_PROCEDURES } from '../../src/core/procedures';
import { RESULTS_HEADER, readResults } from '../../src/sheets/readResults';
import { readRisks } from '../../src/sheets/readRisks';
import { RESULTS_TEMPLATE, createTemplates, risksTemplate, writeTemplate } from '../../src/sheets/templates';
import { createTwin } from '../../emulator/index';

describe('RESULTS_TEMPLATE', () => {
  it('has the long-format header of docs/методика.md §1.2 in row 1, which readResults reads', () => {
    const headers = RESULTS_TEMPLATE.columns.map((c) => c.header);
    expect(headers).toEqual(['Код ОО', 'Год', 'Процедура', 'Участников', 'Не преодолели порог', 'Высокобалльников']);
    expect(headers).toEqual([...RESULTS_HEADER]);
    expect(readResults([headers, ['edu1', 2024, 'ОГЭ математика', 25, 5, '']], RESULTS_TEMPLATE.sheetName)).toEqual({
      results: [{ schoolCode: 'edu1', year: 2024, procedure: 'ОГЭ математика', participants: 25, failed: 5, highScorers: null }],
      problems: [],
      lost: [],
    });
  });

  it('offers the nine procedures but allows others, years 2000–2100 and counts ≥ 0', () => {
    const v = RESULTS_TEMPLATE.columns.map((c) => c.validation);
    expect(v[0]).toBeUndefined();
    expect(v[1]).toMatchObject({ kind: 'numberBetween', min: 2000, max: 2100 });
    expect(v[2]).toMatchObject({ kind: 'list', values: CANONICAL_PROCEDURES, allowInvalid: true });
    for (const i of [3, 4, 5]) expect(v[i]).toMatchObject({ kind: 'numberAtLeast', min: 0, allowInvalid: false });
    expect(RESULTS_TEMPLATE.columns[0].format).toBe('@');
  });
});

describe('risksTemplate', () => {
  it('has Код ОО and one column per active factor, headed by its name, which readRisks maps', () => {
    const spec = risksTemplate(DEFAULT_RISK_FACTORS);
    const headers = spec.columns.map((c) => c.header);
    expect(headers).toEqual(['Код ОО', ...DEFAULT_RISK_FACTORS.map((f) => f.name)]);
    const read = readRisks([headers, ['edu1', ...DEFAULT_RISK_FACTORS.map(() => 'высокая')]], spec.sheetName, DEFAULT_RISK_FACTORS);
    expect(read.problems).toEqual([]);
    expect(Object.keys(read.diagnoses[0].significance)).toEqual(DEFAULT_RISK_FACTORS.map((f) => f.id));
  });

  it('leaves out retired factors and offers the three significances', () => {
    const factors = [
      { id: 'F1', name: 'Первый', active: true },
      { id: 'F2', name: 'Снятый', active: false },
    ];
    const spec = risksTemplate(factors);
    expect(spec.columns.map((c) => c.header)).toEqual(['Код ОО', 'Первый']);
    expect(spec.columns[1].validation).toMatchObject({ kind: 'list', values: ['высокая', 'средняя', 'низкая'], allowInvalid: false });
  });
});

/** A recording stand-in for the few Spreadsheet calls createTemplates makes. */
function fakeSpreadsheet(existing: string[]) {
  const calls: string[] = [];
  const sheets = new Map<string, object>();
  const makeRange = (sheet: string, a1: string) => {
    const range: Record<string, (...args: unknown[]) => unknown> = {};
    for (const method of [
      'setValues',
      'setNotes',
      'setFontWeight',
      'setBackground',
      'setWrap',
      'setVerticalAlignment',
      'setNumberFormat',
      'setDataValidation',
    ]) {
      range[method] = (...args: unknown[]) => {
        calls.push(`${sheet}!${a1}.${method}(${JSON.stringify(args[0])})`);
        return range;
      };
    }
    return range;
  };
  const makeSheet = (name: string) => ({
    getRange: (row: number, column: number, rows = 1, columns = 1) => makeRange(name, `R${row}C${column}:${rows}x${columns}`),
    setFrozenRows: (n: number) => calls.push(`${name}.setFrozenRows(${n})`),
    setColumnWidth: (c: number, w: number) => calls.push(`${name}.setColumnWidth(${c},${w})`),
    getMaxRows: () => 1000,
    getMaxColumns: () => 26,
  });
  for (const name of existing) sheets.set(name, makeSheet(name));
  const ss = {
    getSheetByName: (name: string) => sheets.get(name) ?? null,
    getSheets: () => [...sheets.values()],
    insertSheet: (name: string) => {
      calls.push(`insertSheet(${name})`);
      const sheet = makeSheet(name);
      sheets.set(name, sheet);
      return sheet;
    },
  };
  return { ss: ss as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet, calls };
}

function fakeValidationBuilder() {
  const rule: Record<string, unknown> = {};
  const builder = {
    requireValueInList: (values: string[]) => ((rule.list = values), builder),
    requireNumberBetween: (min: number, max: number) => ((rule.between = [min, max]), builder),
    requireNumberGreaterThanOrEqualTo: (min: number) => ((rule.atLeast = min), builder),
    setAllowInvalid: (allow: boolean) => ((rule.allowInvalid = allow), builder),
    setHelpText: (text: string) => ((rule.help = text), builder),
    build: () => ({ ...rule }),
  };
  return builder;
}

describe('createTemplates', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('creates the three sheets when they are absent, with one setValues each and whole-column validations', () => {
    vi.stubGlobal('SpreadsheetApp', { newDataValidation: fakeValidationBuilder });
    const { ss, calls } = fakeSpreadsheet([]);
    expect(createTemplates(ss)).toEqual({ created: ['Результаты ОП', 'Риски', 'Группы', 'Доступ'], skipped: [] });
    expect(calls.filter((c) => c.startsWith('Группы') && c.includes('.setValues('))).toEqual([
      `Группы!R1C1:1x2.setValues(${JSON.stringify([['Код ОО', 'Группа']])})`,
    ]);
    const results = calls.filter((c) => c.startsWith('Результаты ОП'));
    expect(results.filter((c) => c.includes('.setValues('))).toEqual([
      `Результаты ОП!R1C1:1x6.setValues(${JSON.stringify([RESULTS_HEADER])})`,
    ]);
    // Year, procedure and the three counts: one rule each, on rows 2…1000 of the column.
    expect(results.filter((c) => c.includes('.setDataValidation(')).map((c) => c.split('.')[0])).toEqual([
      'Результаты ОП!R2C2:999x1',
      'Результаты ОП!R2C3:999x1',
      'Результаты ОП!R2C4:999x1',
      'Результаты ОП!R2C5:999x1',
      'Результаты ОП!R2C6:999x1',
    ]);
    expect(results).toContain('Результаты ОП.setFrozenRows(1)');
    expect(results).toContain('Результаты ОП!R2C1:999x1.setNumberFormat("@")');
    const risks = calls.filter((c) => c.startsWith('Риски'));
    expect(risks.filter((c) => c.includes('.setValues('))).toHaveLength(1);
    expect(risks.filter((c) => c.includes('.setDataValidation('))).toHaveLength(DEFAULT_RISK_FACTORS.length);
  });

  it('puts the instruction into the note of A1, above the first column’s note', () => {
    vi.stubGlobal('SpreadsheetApp', { newDataValidation: fakeValidationBuilder });
    const { ss, calls } = fakeSpreadsheet(['Риски']);
    createTemplates(ss);
    const notes = calls.find((c) => c.startsWith('Результаты ОП!R1C1:1x6.setNotes('))!;
    const [[first]] = JSON.parse(notes.slice(notes.indexOf('(') + 1, -1)) as string[][];
    expect(first.startsWith(RESULTS_TEMPLATE.instruction)).toBe(true);
    expect(first.endsWith(RESULTS_TEMPLATE.columns[0].note)).toBe(true);
  });

  it('never touches a sheet that already exists', () => {
    vi.stubGlobal('SpreadsheetApp', { newDataValidation: fakeValidationBuilder });
    const { ss, calls } = fakeSpreadsheet(['Результаты ОП']);
    expect(createTemplates(ss)).toEqual({ created: ['Риски', 'Группы', 'Доступ'], skipped: ['Результаты ОП'] });
    expect(calls.some((c) => c.startsWith('Результаты ОП') || c === 'insertSheet(Результаты ОП)')).toBe(false);
  });
});

describe('writeTemplate on a new sheet of the twin (1000 × 26, ranges past the grid refused as in Sheets)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('writes «Риски» for 30 active factors: Код ОО and 30 factor columns, 31 in all', () => {
    const twin = createTwin();
    vi.stubGlobal('SpreadsheetApp', twin.services.SpreadsheetApp);
    const factors = Array.from({ length: 30 }, (_, i) => ({ id: `F${i + 1}`, name: `Фактор ${i + 1}`, active: true }));
    const sheet = twin.SpreadsheetApp.getActiveSpreadsheet().insertSheet('Риски');
    writeTemplate(sheet, risksTemplate(factors));
    expect(sheet.getMaxColumns()).toBe(31);
    // Column 31 is AE: the last factor's header, and its drop-down on the data rows.
    expect(sheet.getRange('AE1').getValue()).toBe('Фактор 30');
    expect(sheet.getRange('AE2').getDataValidation()).not.toBeNull();
  });
});
