import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DetailedCellError, HyperFormula } from 'hyperformula';
import { ruRU } from 'hyperformula/i18n/languages';
import { SHNOR_FUNCTION_TRANSLATIONS, ShnorFunctionsPlugin } from '../support/hyperformulaPlugin';

// The custom functions inside a real formula engine configured like a Russian spreadsheet:
// arguments separated by «;», decimal comma, space between thousands, Russian function names.
// Expected values are worked out from docs/методика.md in the comments next to each fixture row.
// Shares are typed as a Russian user types them: «0,45» and «33%» become numbers (as in Sheets),
// «'0,31» (apostrophe) and «10,0 %» stay text, «-» and «—» mean no value.

type Cell = string | number | boolean | null;

//            A        B    C    D    E    F    G      H  I                  J                   K                 L
const SHEET: Cell[][] = [
  [
    'Код ОО',
    'оба высш.',
    'жильё',
    'неполные',
    'учёт',
    'неродной',
    'всего',
    'ИСБШ',
    'ОГЭ математика',
    'ОГЭ русский язык',
    'ОГЭ математика',
    'ОГЭ русский язык',
  ],
  // counts of 200: 0,4 / 0,8 / 0,2 / 0,1 / 0,05 → 65 + 6 + 16 − 3 − 3,5 − 0,75 = 79,75 → 79,8
  // shares Y: 45 %, 33 % (both ≥ 30 %) → ШНОР by two procedures, max 45 % → умеренно; Y−1: 20 %, 10 %
  ['edu1', 80, 160, 40, 20, 10, 200, null, '0,45', '33%', '20%', "'0,1"],
  // 0 / 1 / 0 / 0 / 0 → 65 + 20 = 85
  // Y: 35 %, 10 %; Y−1: 31 %, 50 % → ОГЭ математика ≥ 30 % both years → ШНОР, max 35 % → базово
  ['edu2', 0, 200, 0, 0, 0, 200, null, '35%', '0,1', "'0,31", '50%'],
  // 0,5 each → 65 + 7,5 + 10 − 7,5 − 17,5 − 7,5 = 50
  // Y: 20 %, 10 % → nothing fails in Y → не ШНОР
  ['edu3', 100, 100, 100, 100, 100, 200, null, '20%', '10,0 %', '50%', '50%'],
  // housing missing → no index, the row says why; Y: no shares → нет данных
  ['edu4', 80, null, 40, 20, 10, 200, null, '-', '—', '50%', null],
  // an empty row inside the range → ""
  [null, null, null, null, null, null, null, null, null, null, null, null],
];

let hf: HyperFormula;
let sheet: number;

function value(address: string): unknown {
  const cell = hf.simpleCellAddressFromString(address, sheet);
  if (!cell) throw new Error(`bad address ${address}`);
  return hf.getCellValue(cell);
}

function column(from: string, height: number): unknown[] {
  const start = hf.simpleCellAddressFromString(from, sheet);
  if (!start) throw new Error(`bad address ${from}`);
  return Array.from({ length: height }, (_, i) => hf.getCellValue({ ...start, row: start.row + i }));
}

function put(address: string, content: Cell | Cell[][]): void {
  const cell = hf.simpleCellAddressFromString(address, sheet);
  if (!cell) throw new Error(`bad address ${address}`);
  hf.setCellContents(cell, Array.isArray(content) ? content : [[content]]);
}

beforeAll(() => {
  HyperFormula.registerLanguage('ruRU', ruRU);
  HyperFormula.registerFunctionPlugin(ShnorFunctionsPlugin, SHNOR_FUNCTION_TRANSLATIONS);
  hf = HyperFormula.buildEmpty({
    licenseKey: 'gpl-v3',
    language: 'ruRU',
    functionArgSeparator: ';',
    decimalSeparator: ',',
    thousandSeparator: ' ',
    arrayColumnSeparator: ';',
    arrayRowSeparator: '|',
    dateFormats: ['DD.MM.YYYY'],
  });
  const name = hf.addSheet('Школы');
  sheet = hf.getSheetId(name) as number;
  hf.setSheetContent(sheet, SHEET);
});

afterAll(() => {
  hf.destroy();
  HyperFormula.unregisterFunctionPlugin(ShnorFunctionsPlugin);
  HyperFormula.unregisterLanguage('ruRU');
});

describe('custom functions in a HyperFormula sheet with Russian separators', () => {
  it('reads Russian decimal commas in a single-cell formula', () => {
    put('N10', '=ISBSH(0,4;0,8;0,2;0,1;0,05)');
    expect(value('N10')).toBe(79.8);
  });

  it('spills ISBSH from counts over a whole column, with a reason for the incomplete school', () => {
    put('H2', '=ISBSH(B2:B6;C2:C6;D2:D6;E2:E6;F2:F6;G2:G6)');
    expect(column('H2', 5)).toEqual([
      79.8,
      85,
      50,
      '#ОШИБКА: ИСБШ не рассчитан: нет значения — comfortable_housing (Обучающихся из семей, проживающих в благоустроенном жилье).',
      '',
    ]);
  });

  it('chains ISBSH_LEVEL on the spilled index', () => {
    // 79,8 ∈ [79,5; 81,6) → ниже среднего; 85 ∈ [83,9; 86,4) → выше среднего; 50 < 79,5 → низкий
    put('N2', '=ISBSH_LEVEL(H2:H6)');
    expect(column('N2', 5)).toEqual(['ниже среднего', 'выше среднего', 'низкий', 'нет ИСБШ', '']);
  });

  it('spills SHNOR_STATUS, FIOKO_CLUSTER and SHNOR_REASON over schools × procedures', () => {
    put('O2', '=SHNOR_STATUS(I2:J6;K2:L6)');
    put('P2', '=FIOKO_CLUSTER(I2:J6;K2:L6)');
    put('Q2', '=SHNOR_REASON(I2:J6;K2:L6;I1:J1)');
    expect(column('O2', 5)).toEqual(['ШНОР', 'ШНОР', 'не ШНОР', 'нет данных', '']);
    expect(column('P2', 5)).toEqual(['умеренно неуспевающие', 'базово неуспевающие', 'не ШНОР', 'нет данных', '']);
    expect(column('Q2', 5)).toEqual([
      'отчётный год: ОГЭ математика — 45 %, ОГЭ русский язык — 33 %',
      'ОГЭ математика: 31 % (прошлый год) и 35 % (отчётный год)',
      '',
      '',
      '',
    ]);
  });

  it('broadcasts a threshold typed with a decimal comma to every school', () => {
    // t = 50 %: no school has a share ≥ 50 % in Y → не ШНОР; edu4 still нет данных
    put('O10', '=SHNOR_STATUS(I2:J6;K2:L6;0,5)');
    expect(column('O10', 5)).toEqual(['не ШНОР', 'не ШНОР', 'не ШНОР', 'нет данных', '']);
  });

  it('spills RESULT_DYNAMICS for one procedure', () => {
    // ОГЭ математика Y−1 → Y: 20 → 45 рост; 31 → 35 рост; 50 → 20 снижение; 50 → «-» нет участников
    put('R2', '=RESULT_DYNAMICS(K2:K6;I2:I6)');
    expect(column('R2', 5)).toEqual(['отрицательная', 'отрицательная', 'положительная', 'нет участников', '']);
  });

  it('chains CLUSTER_DYNAMICS on FIOKO_CLUSTER results of two years', () => {
    // last year: сильно, не ШНОР, базово; this year (P2:P4): умеренно, базово, не ШНОР
    put('S2', [['сильно неуспевающие'], ['не ШНОР'], ['базово неуспевающие']]);
    put('T2', '=CLUSTER_DYNAMICS(S2:S4;P2:P4)');
    expect(column('T2', 3)).toEqual(['повысила кластер', 'вошла в список', 'вышла из списка']);
  });

  it('ranks a column for ISBSH_ZONE, with the share typed as 0,6 and groups skipped', () => {
    // 70, 75, 75, 80, 90: ⌊0,25·5⌋ = 1 → only 70; with 0,6: ⌊3⌋ = 3 → 70 and the tied 75s (places 2–3)
    put('U2', [[70], [75], [75], [80], [90]]);
    put('V2', '=ISBSH_ZONE(U2:U6)');
    put('W2', '=ISBSH_ZONE(U2:U6;;0,6)');
    expect(column('V2', 5)).toEqual(['да', 'нет', 'нет', 'нет', 'нет']);
    expect(column('W2', 5)).toEqual(['да', 'да', 'да', 'нет', 'нет']);
  });

  it('shows the Russian reason of a bad single value as the cell error', () => {
    put('N11', '=ISBSH(0,4;"много";0,2;0,1;0,05)');
    const v = value('N11');
    expect(v).toBeInstanceOf(DetailedCellError);
    expect((v as DetailedCellError).message).toBe('comfortable_housing: не число: «много»');
  });

  it('refuses a date cell where a share is expected', () => {
    put('X2', '01.09.2024');
    put('X3', '=RESULT_DYNAMICS(X2;0,1)');
    const v = value('X3');
    expect(v).toBeInstanceOf(DetailedCellError);
    expect((v as DetailedCellError).message).toBe('previous_share: дата там, где ожидается число или доля');
  });

  it('names the ranges whose heights differ', () => {
    put('Y2', '=SHNOR_STATUS(I2:J6;K2:L5)');
    const v = value('Y2');
    expect(v).toBeInstanceOf(DetailedCellError);
    expect((v as DetailedCellError).message).toBe('Диапазоны разной высоты: current_shares — 5 строк, previous_shares — 4 строки.');
  });
});
