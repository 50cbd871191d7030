/**
 * The adversarial suites, run against the BUILT add-in (build/Code.js) inside the
 * in-memory twin of Apps Script (emulator/). Shared by `npm run reliability` (scripts/reliability.ts),
 * `npm run bench` (seeding) and the tests in test/reliability and test/scale, so every figure the
 * script prints is counted from cases that were actually run.
 *
 * Suites: bad inputs, formula and HTML injection, a fault at every write of a compute run, two runs
 * at once, a re-run, an interrupted sidebar run. Every menu action of every suite is wrapped in a
 * before/after snapshot of the three input sheets (responses, «Результаты ОП», «Риски»).
 */
import { Console } from 'node:console';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createTwin, loadAddon, type LoadedAddon, type LoadOptions, type TwinOptions } from '../../emulator/index';
import type { Twin } from '../../emulator/twin';
import { SHEET_NAMES } from '../../src/sheets/names';
import { DRAFT_SUFFIX, OLD_SUFFIX } from '../../src/sheets/writer';
import { normalizeProcedureName } from '../../src/core/procedures';
import { UI } from '../../src/ui/messages';
import { generateRegion, RESPONSE_HEADERS, RESULT_HEADERS, type GeneratedRegion } from '../../scripts/lib/syntheticRegion';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BUILD_DIR = path.join(ROOT, 'build');

/** The name Google Forms gives the responses sheet it creates. */
export const RESPONSES_SHEET = 'Ответы на форму (1)';
export const INPUT_SHEETS: readonly string[] = [RESPONSES_SHEET, SHEET_NAMES.results, SHEET_NAMES.risks];

/** A fixed simulated start (15.11.2025 12:00 Moscow): the twin's clock starts here. */
export const START_TIME = Date.UTC(2025, 10, 15, 9, 0, 0);

/** The three input sheets as getValues() returns them (first row = headers). */
export interface RegionSheets {
  responses: unknown[][];
  results: unknown[][];
  risks?: unknown[][];
}

// ============================================================== seeding

export interface Harness {
  twin: Twin;
  addon: LoadedAddon;
  /** Sheets present right after seeding (inputs and the spreadsheet's first sheet). */
  initialSheets: string[];
}

export interface SeedOptions {
  /**
   * Size every input sheet to exactly its data (rows × columns), as a tidy import leaves it, instead
   * of Sheets' default grid of at least 1000 × 26. Writes go through the Sheets API (text is
   * converted as Sheets does), before the call counters are reset.
   */
  fitToData?: boolean;
  /** Link the responses sheet to a form (default true), as Forms does. */
  linkForm?: boolean;
  twin?: TwinOptions;
  /** Options for loading the add-in (e.g. dateFollowsClock). */
  load?: Omit<LoadOptions, 'buildDir'>;
  /** Sheets added before the inputs (e.g. a big sheet that fills the spreadsheet). */
  before?: (twin: Twin) => void;
}

/**
 * The add-in logs every error it reports to the user (with its short id) to `console`; the suites
 * provoke hundreds on purpose, so the twin's console discards them.
 */
export const QUIET_CONSOLE = new Console({ stdout: new Writable({ write: (_chunk, _encoding, done) => done() }) });

/** A deep copy of a region (Dates stay Dates), so a case can change its copy freely. */
export function copyRegion<T extends RegionSheets>(region: T): T {
  return structuredClone(region);
}

function putSheet(twin: Twin, name: string, rows: unknown[][], fit: boolean): void {
  if (!fit) {
    twin.addSheet(name, rows);
    return;
  }
  const width = rows.reduce((w, r) => Math.max(w, r.length), 1);
  const height = Math.max(rows.length, 1);
  const sheet = twin.addSheet(name, []);
  if (sheet.getMaxColumns() > width) sheet.deleteColumns(width + 1, sheet.getMaxColumns() - width);
  if (sheet.getMaxRows() < height) sheet.insertRowsAfter(sheet.getMaxRows(), height - sheet.getMaxRows());
  else if (sheet.getMaxRows() > height) sheet.deleteRows(height + 1, sheet.getMaxRows() - height);
  if (rows.length)
    sheet
      .getRange(1, 1, rows.length, width)
      .setValues(rows.map((r) => (r.length < width ? [...r, ...new Array(width - r.length).fill('')] : r)));
}

/**
 * A fresh twin holding a region's input sheets and the built add-in loaded into it, with the call
 * counters, write count and simulated clock at zero.
 */
export function seedTwin(region: RegionSheets, options: SeedOptions = {}): Harness {
  const twin = createTwin({ startTime: START_TIME, buildDir: BUILD_DIR, console: QUIET_CONSOLE, ...options.twin });
  options.before?.(twin);
  const fit = options.fitToData ?? false;
  putSheet(twin, RESPONSES_SHEET, region.responses, fit);
  if (options.linkForm ?? true) twin.linkForm(RESPONSES_SHEET);
  putSheet(twin, SHEET_NAMES.results, region.results, fit);
  if (region.risks) putSheet(twin, SHEET_NAMES.risks, region.risks, fit);
  const addon = loadAddon(twin, { ...options.load, buildDir: BUILD_DIR });
  twin.resetCalls();
  twin.clock.reset();
  return { twin, addon, initialSheets: twin.sheetNames() };
}

// ============================================================== reading the twin

/** Services other than Sheets (their calls are counted by the twin too: properties, locks, dialogs…). */
const NOT_SHEETS =
  /^(PropertiesService|Properties|LockService|Lock|Ui|Menu|HtmlService|HtmlOutput|HtmlTemplate|CacheService|Cache|ScriptApp|Trigger|\w*TriggerBuilder|FormApp|Form|\w*Item|Choice|Utilities|Session|User|Logger|Blob)\./;

/** Calls of the Spreadsheet service (SpreadsheetApp, Spreadsheet, Sheet, Range, rule and chart builders…) since the counters were reset. */
export function sheetsServiceCalls(twin: Twin): number {
  let total = 0;
  for (const [method, count] of twin.calls) if (!NOT_SHEETS.test(method)) total += count;
  return total;
}

/** Sheets the add-in created (everything but what was there after seeding). */
export function outputSheetNames(h: Harness): string[] {
  return h.twin.sheetNames().filter((n) => !h.initialSheets.includes(n));
}

/** Temporary sheets of a run (drafts or old outputs) still in the spreadsheet. */
export function leftoverSheets(twin: Twin): string[] {
  return twin.sheetNames().filter((n) => n.endsWith(DRAFT_SUFFIX) || n.endsWith(OLD_SUFFIX));
}

/**
 * Everything a user could see of one sheet: cells, formats, sizes (twin.snapshotSheet), plus its charts
 * (type, data ranges, options, anchor), the number of conditional rules and the filter. Sheet ids are
 * left out: a rebuilt sheet gets a new id.
 */
export function snapshotWithCharts(twin: Twin, name: string): string {
  const model = twin.sheetModel(name);
  const rect = (r: { row: number; col: number; numRows: number; numCols: number }) => [r.row, r.col, r.numRows, r.numCols];
  const charts = model.charts.map(({ spec }) => ({
    type: spec.type,
    ranges: spec.ranges.map(rect),
    options: [...spec.options].sort(([a], [b]) => a.localeCompare(b)),
    anchor: [spec.anchorRow, spec.anchorColumn, spec.offsetX, spec.offsetY],
    numHeaders: spec.numHeaders,
  }));
  const extras = { charts, conditionalRules: model.conditionalRules.length, filter: model.filter ? rect(model.filter.rect) : null };
  return `${twin.snapshotSheet(name)}\n${JSON.stringify(extras)}`;
}

/** Ordered output sheet names with each sheet's snapshot. */
export interface OutputState {
  names: string[];
  sheets: Record<string, string>;
}

export function outputState(h: Harness): OutputState {
  const names = outputSheetNames(h);
  const sheets: Record<string, string> = {};
  for (const n of names) sheets[n] = snapshotWithCharts(h.twin, n);
  return { names, sheets };
}

/** Names of the sheets whose snapshots differ (or exist on one side only); empty when equal. */
export function diffStates(a: OutputState, b: OutputState): string[] {
  const differ = new Set<string>();
  for (const n of new Set([...a.names, ...b.names])) if (a.sheets[n] !== b.sheets[n]) differ.add(n);
  if (!differ.size && a.names.join('\u0000') !== b.names.join('\u0000'))
    differ.add(`порядок листов: ${a.names.join(', ')} ≠ ${b.names.join(', ')}`);
  return [...differ];
}

export function chartCount(h: Harness): number {
  return outputSheetNames(h).reduce((sum, n) => sum + h.twin.sheetModel(n).charts.length, 0);
}

/** A table of an output sheet: the row whose first cell is `firstHeader` is the header. */
export interface Table {
  headerRow: number;
  header: string[];
  rows: unknown[][];
}

export function readTable(twin: Twin, sheet: string, firstHeader: string): Table | null {
  if (!twin.hasSheet(sheet)) return null;
  const values = twin.sheetValues(sheet);
  const index = values.findIndex((r) => String(r[0] ?? '').trim() === firstHeader);
  if (index < 0) return null;
  const header = values[index].map((v) => String(v ?? ''));
  const rows: unknown[][] = [];
  for (const row of values.slice(index + 1)) {
    if (row.every((v) => v === '' || v === null)) break;
    rows.push(row);
  }
  return { headerRow: index + 1, header, rows };
}

function column(t: Table, header: string): number {
  return t.header.findIndex((h) => h === header);
}

const codeKey = (code: unknown) =>
  String(code ?? '')
    .trim()
    .toLowerCase();

/** Per school (by lower-case Код ОО): its ИСБШ cell and its ШНОР status, as the output sheets show them. */
export interface SchoolOutcome {
  listed: boolean;
  name: unknown;
  isbsh: unknown;
  status: unknown;
  reason: unknown;
}

export function schoolOutcomes(twin: Twin): Map<string, SchoolOutcome> {
  const out = new Map<string, SchoolOutcome>();
  const isbsh = readTable(twin, SHEET_NAMES.isbsh, 'Код ОО');
  const shnor = readTable(twin, SHEET_NAMES.shnor, 'Код ОО');
  if (isbsh) {
    const [iName, iIsbsh] = [column(isbsh, 'Наименование ОО'), column(isbsh, 'ИСБШ')];
    for (const r of isbsh.rows)
      out.set(codeKey(r[0]), { listed: true, name: r[iName], isbsh: r[iIsbsh], status: undefined, reason: undefined });
  }
  if (shnor) {
    const [iStatus, iReason] = [column(shnor, 'Статус ШНОР'), column(shnor, 'Основание')];
    for (const r of shnor.rows) {
      const o = out.get(codeKey(r[0])) ?? { listed: true, name: undefined, isbsh: undefined, status: undefined, reason: undefined };
      o.status = r[iStatus];
      o.reason = r[iReason];
      out.set(codeKey(r[0]), o);
    }
  }
  return out;
}

/** Rows of «Проверка данных»: sheet, row, code, field, value, problem, action. */
export function dataCheckRows(twin: Twin): unknown[][] {
  return readTable(twin, SHEET_NAMES.dataCheck, 'Лист')?.rows ?? [];
}

const CYRILLIC = /[А-Яа-яЁё]/;

// ============================================================== menu actions with input snapshots

/** Counts before/after comparisons of the input sheets over every menu action of the suites. */
export class InputWatch {
  checks = 0;
  readonly changed: string[] = [];

  /** Runs a top-level function of the add-in as one execution; returns what it returned or the error it threw and the alerts it showed. */
  call(h: Harness, fn: string, ...args: unknown[]): { value?: unknown; error?: string; alerts: string[] } {
    return this.around(h, fn, () => h.addon.call(fn, ...args));
  }

  /** Like call, the way google.script.run calls a sidebar endpoint (JSON across, no Dates). */
  run(h: Harness, fn: string, ...args: unknown[]): { value?: any; error?: string; alerts: string[] } {
    return this.around(h, fn, () => h.addon.run(fn, ...args));
  }

  private around(h: Harness, fn: string, action: () => unknown): { value?: unknown; error?: string; alerts: string[] } {
    const inputs = INPUT_SHEETS.filter((n) => h.twin.hasSheet(n));
    const before = inputs.map((n) => h.twin.snapshotSheet(n));
    const alertsBefore = h.twin.ui.alerts.length;
    let value: unknown;
    let error: string | undefined;
    try {
      value = action();
    } catch (e) {
      error = e instanceof Error || (e && typeof e === 'object' && 'message' in e) ? String((e as Error).message) : String(e);
    }
    inputs.forEach((n, i) => {
      this.checks++;
      const after = h.twin.hasSheet(n) ? h.twin.snapshotSheet(n) : '(лист удалён)';
      if (after !== before[i]) this.changed.push(`${fn}: изменился входной лист «${n}»`);
    });
    return { value, error, alerts: h.twin.ui.alerts.slice(alertsBefore).map((a) => a.message) };
  }

  get unchanged(): boolean {
    return this.checks > 0 && this.changed.length === 0;
  }
}

const COMPUTE_DONE = /^Расчёт за .+ год завершён/;
const CHECK_DONE = /^Проверка завершена/;
/** What each menu action says when it has done its work. */
const MENU_DONE: Record<string, RegExp> = {
  menuComputeAll: COMPUTE_DONE,
  menuCheckData: CHECK_DONE,
  menuRoadmaps: /^Дорожные карты сформированы/,
  menuMonitoring: /^Мониторинг обновлён/,
};

// ============================================================== suite 1: bad inputs

type RegionCopy = GeneratedRegion;
type InputSheetKey = 'responses' | 'results' | 'risks';

/** Where a case put its bad value. */
export interface CaseTarget {
  sheet: InputSheetKey;
  /** 1-based sheet row the data check must name. */
  row: number;
  /** The school whose values were touched (its own results may change), or null. */
  schoolCode: string | null;
}

export interface BadInputCase {
  id: string;
  /** What was injected, in Russian (printed by the script). */
  label: string;
  apply(region: RegionCopy): CaseTarget;
  /**
   * 'reported': «Проверка данных» names the row. 'readAsClean': a valid but awkward spelling, read as the
   * clean value: the school's ИСБШ and ШНОР status equal the clean run's. Both may be required.
   */
  expect: ReadonlyArray<'reported' | 'readAsClean'>;
  /** The case removes the school from the outputs (its Код ОО itself is unusable). */
  dropsSchool?: boolean;
}

const RESP = Object.fromEntries(RESPONSE_HEADERS.map((h, i) => [h, i])) as Record<(typeof RESPONSE_HEADERS)[number], number>;
const RES = Object.fromEntries(RESULT_HEADERS.map((h, i) => [h, i])) as Record<(typeof RESULT_HEADERS)[number], number>;
/** A new cell value, or a function of the old value and its row. */
type CellChange = string | number | boolean | Date | ((old: unknown, line: unknown[]) => unknown);

function changed(change: CellChange, old: unknown, line: unknown[]): unknown {
  return typeof change === 'function' ? change(old, line) : change;
}

const SHEET_OF: Record<InputSheetKey, string> = { responses: RESPONSES_SHEET, results: SHEET_NAMES.results, risks: SHEET_NAMES.risks };

/** Sets one responses cell of the school in sheet row `row` (2 = first school). */
function inResponses(row: number, header: (typeof RESPONSE_HEADERS)[number], value: CellChange) {
  return (g: RegionCopy): CaseTarget => {
    const line = g.responses[row - 1];
    const code = String(line[RESP['Код ОО']]);
    line[RESP[header]] = changed(value, line[RESP[header]], line);
    return { sheet: 'responses', row, schoolCode: code };
  };
}

/** The sheet row of a school's result for (year index 0 = Y−1, 1 = Y, procedure); a school with every procedure is chosen by `nth`. */
function resultRow(g: RegionCopy, nth: number, yearIndex: 0 | 1, procedure: string): number {
  const years = [...new Set(g.results.slice(1).map((r) => r[RES['Год']] as number))].sort();
  const seniors = [
    ...new Set(
      g.results
        .slice(1)
        .filter((r) => String(r[RES['Процедура']]).startsWith('ЕГЭ'))
        .map((r) => String(r[RES['Код ОО']])),
    ),
  ];
  const code = seniors[nth % seniors.length];
  const index = g.results.findIndex(
    (r, i) => i > 0 && r[RES['Код ОО']] === code && r[RES['Год']] === years[yearIndex] && r[RES['Процедура']] === procedure,
  );
  if (index < 0) throw new Error(`region has no result ${code} ${years[yearIndex]} ${procedure}`);
  return index + 1;
}

function inResults(nth: number, yearIndex: 0 | 1, procedure: string, header: (typeof RESULT_HEADERS)[number], value: CellChange) {
  return (g: RegionCopy): CaseTarget => {
    const row = resultRow(g, nth, yearIndex, procedure);
    const line = g.results[row - 1];
    const code = String(line[RES['Код ОО']]);
    line[RES[header]] = changed(value, line[RES[header]], line);
    return { sheet: 'results', row, schoolCode: code };
  };
}

/** Appends a copy of a school's response row, changed by `change`, with a later timestamp unless told otherwise. */
function appendResponse(row: number, change: (line: unknown[]) => void, sameTime = false) {
  return (g: RegionCopy): CaseTarget => {
    const original = g.responses[row - 1];
    const copy = structuredClone(original);
    const latest = Math.max(...g.responses.slice(1).map((r) => (r[0] as Date).getTime()));
    copy[0] = sameTime ? new Date((original[0] as Date).getTime()) : new Date(latest + 3_600_000);
    change(copy);
    g.responses.push(copy);
    return { sheet: 'responses', row: g.responses.length, schoolCode: String(original[RESP['Код ОО']]) };
  };
}

function thousands(n: number, separator: string): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** The bad and awkward values, each applied to its own copy of the small region. */
export const BAD_INPUT_CASES: readonly BadInputCase[] = [
  // ---- the Form's responses
  {
    id: 'total-text',
    label: 'текст «много» в «Всего обучающихся»',
    apply: inResponses(2, 'Общее количество обучающихся', 'много'),
    expect: ['reported'],
  },
  {
    id: 'percent-in-count',
    label: '«35,5 %» в столбце количества',
    apply: inResponses(3, 'Количество обучающихся, оба родителя которых имеют высшее образование', '35,5 %'),
    expect: ['reported'],
  },
  {
    id: 'count-above-total',
    label: 'количество больше, чем всего обучающихся',
    apply: inResponses(
      4,
      'Количество обучающихся из семей, проживающих в благоустроенном жилье',
      (_o, l) => Number(l[RESP['Общее количество обучающихся']]) * 10 + 1,
    ),
    expect: ['reported'],
  },
  {
    id: 'negative-count',
    label: 'отрицательное количество (−5)',
    apply: inResponses(5, 'Количество обучающихся из неполных семей', -5),
    expect: ['reported'],
  },
  {
    id: 'text-no-data',
    label: '«нет данных» вместо количества (вход ИСБШ)',
    apply: inResponses(6, 'Количество обучающихся, для которых русский язык не является родным', 'нет данных'),
    expect: ['reported'],
  },
  {
    id: 'fraction-count',
    label: 'дробное количество 2,5',
    apply: inResponses(7, 'Количество обучающихся, состоящих на различных видах учёта', 2.5),
    expect: ['reported'],
  },
  {
    id: 'letter-o-for-zero',
    label: 'буква «О» вместо нуля («1О»)',
    apply: inResponses(8, 'Количество обучающихся, состоящих на учёте в КДН и ЗП', '1О'),
    expect: ['reported'],
  },
  {
    id: 'div0',
    label: 'ошибка формулы «#DIV/0!» в количестве',
    apply: inResponses(9, 'Количество обучающихся, оба родителя которых имеют высшее образование', '#DIV/0!'),
    expect: ['reported'],
  },
  {
    id: 'na-total',
    label: 'ошибка формулы «#N/A» во «Всего обучающихся»',
    apply: inResponses(10, 'Общее количество обучающихся', '#N/A'),
    expect: ['reported'],
  },
  {
    id: 'znach',
    label: 'ошибка формулы «#ЗНАЧ!» в количестве',
    apply: inResponses(11, 'Количество обучающихся из семей, проживающих в благоустроенном жилье', '#ЗНАЧ!'),
    expect: ['reported'],
  },
  {
    id: 'ref-in-code',
    label: 'ошибка формулы «#REF!» в Код ОО',
    apply: inResponses(12, 'Код ОО', '#REF!'),
    expect: ['reported'],
    dropsSchool: true,
  },
  {
    id: 'nd-municipality',
    label: 'ошибка формулы «#Н/Д» в муниципалитете',
    apply: inResponses(13, 'Муниципальное образование', '#Н/Д'),
    expect: ['reported'],
  },
  {
    id: 'error-total',
    label: 'ошибка формулы «#ERROR!» в количестве',
    apply: inResponses(14, 'Количество обучающихся с ОВЗ', '#ERROR!'),
    expect: ['reported'],
  },
  {
    id: 'name-error',
    label: 'ошибка формулы «#NAME?» в количестве',
    apply: inResponses(15, 'Количество обучающихся из неполных семей', '#NAME?'),
    expect: ['reported'],
  },
  {
    id: 'empty-code',
    label: 'ответ формы без Код ОО',
    apply: appendResponse(2, (l) => (l[RESP['Код ОО']] = '')),
    expect: ['reported'],
  },
  {
    id: 'spaces-code',
    label: 'Код ОО из одних пробелов',
    apply: inResponses(16, 'Код ОО', '   '),
    expect: ['reported'],
    dropsSchool: true,
  },
  {
    id: 'resubmission',
    label: 'повторная отправка формы (дубликат кода, позже)',
    apply: (g) => {
      const t = appendResponse(
        3,
        (l) => (l[RESP['Общее количество обучающихся']] = Number(l[RESP['Общее количество обучающихся']]) + 7),
      )(g);
      // The earlier row (3) is the one listed as superseded.
      return { ...t, row: 3 };
    },
    expect: ['reported'],
  },
  {
    id: 'same-time-duplicate',
    label: 'дубликат кода с той же отметкой времени',
    apply: (g) => {
      const t = appendResponse(4, () => undefined, true)(g);
      return { ...t, row: 4 };
    },
    expect: ['reported', 'readAsClean'],
  },
  {
    id: 'cyrillic-e-code',
    label: 'кириллическая «е» в Код ОО',
    apply: inResponses(5, 'Код ОО', (o) => String(o).replace('e', '\u0435')),
    expect: ['reported', 'readAsClean'],
  },
  {
    id: 'upper-code',
    label: 'Код ОО заглавными буквами',
    apply: inResponses(6, 'Код ОО', (o) => String(o).toUpperCase()),
    expect: ['readAsClean'],
  },
  {
    id: 'padded-code',
    label: 'пробелы вокруг Код ОО',
    apply: inResponses(7, 'Код ОО', (o) => ` ${String(o)}\u00A0`),
    expect: ['readAsClean'],
  },
  {
    id: 'long-name',
    label: 'наименование из 300 символов',
    apply: inResponses(8, 'Полное наименование образовательной организации', 'Ш'.repeat(150) + 'к'.repeat(150)),
    expect: ['readAsClean'],
  },
  {
    id: 'empty-name',
    label: 'пустое наименование',
    apply: inResponses(9, 'Полное наименование образовательной организации', ''),
    expect: ['reported', 'readAsClean'],
  },
  {
    id: 'empty-municipality',
    label: 'пустой муниципалитет',
    apply: inResponses(10, 'Муниципальное образование', ''),
    expect: ['reported'],
  },
  {
    id: 'odd-territory',
    label: 'тип территории «мегаполис»',
    apply: inResponses(11, 'Тип территории (город/село)', 'мегаполис'),
    expect: ['reported', 'readAsClean'],
  },
  {
    id: 'territory-abbrev',
    label: 'тип территории «г.»',
    apply: inResponses(12, 'Тип территории (город/село)', 'г.'),
    expect: ['readAsClean'],
  },
  {
    id: 'empty-territory',
    label: 'пустой тип территории',
    apply: inResponses(13, 'Тип территории (город/село)', ''),
    expect: ['reported', 'readAsClean'],
  },
  {
    id: 'yes-no-maybe',
    label: '«может быть» в ответе да/нет',
    apply: inResponses(14, 'Школа расположена в труднодоступной местности', 'может быть'),
    expect: ['reported', 'readAsClean'],
  },
  {
    id: 'highest-above-teachers',
    label: 'учителей высшей категории больше, чем учителей',
    apply: inResponses(
      15,
      'Из них с высшей квалификационной категорией',
      (_o, l) => Number(l[RESP['Количество педагогических работников']]) + 3,
    ),
    expect: ['reported', 'readAsClean'],
  },
  {
    id: 'negative-money',
    label: 'отрицательное финансирование',
    apply: inResponses(16, 'Финансирование на одного обучающегося, руб.', -5000),
    expect: ['reported', 'readAsClean'],
  },
  {
    id: 'money-words',
    label: 'финансирование словами',
    apply: inResponses(2, 'Финансирование на одного обучающегося, руб.', 'сто тысяч'),
    expect: ['reported', 'readAsClean'],
  },
  {
    id: 'bad-timestamp',
    label: 'отметка времени «вчера»',
    apply: inResponses(3, 'Отметка времени', 'вчера'),
    expect: ['reported', 'readAsClean'],
  },
  {
    id: 'zero-total',
    label: '«Всего обучающихся» 0 при ненулевых количествах',
    apply: inResponses(4, 'Общее количество обучающихся', 0),
    expect: ['reported'],
  },
  {
    id: 'boolean-count',
    label: 'TRUE в столбце количества',
    apply: inResponses(5, 'Количество обучающихся, состоящих на учёте в КДН и ЗП', true),
    expect: ['reported', 'readAsClean'],
  },
  {
    id: 'date-in-count',
    label: 'дата в столбце количества (автозамена «1.5»)',
    apply: inResponses(6, 'Количество обучающихся с ОВЗ', new Date(Date.UTC(2025, 4, 1))),
    expect: ['reported', 'readAsClean'],
  },
  {
    id: 'thin-space-thousands',
    label: '«1 234» с узким пробелом в «Всего обучающихся»',
    apply: inResponses(7, 'Общее количество обучающихся', (o) => thousands(Number(o), '\u202F') + (Number(o) < 1000 ? '\u00A0' : '')),
    expect: ['readAsClean'],
  },
  {
    id: 'blank-header-column',
    label: 'столбец без заголовка с данными',
    apply: (g) => {
      g.responses.forEach((l, i) => l.push(i === 5 ? 'заметка' : ''));
      return { sheet: 'responses', row: 1, schoolCode: null };
    },
    expect: ['reported'],
  },
  {
    id: 'unknown-column',
    label: 'лишний столбец «Комментарий директора»',
    apply: (g) => {
      g.responses.forEach((l, i) => l.push(i === 0 ? 'Комментарий директора' : i === 2 ? '=СУММ(A1:A3)' : ''));
      return { sheet: 'responses', row: 1, schoolCode: null };
    },
    expect: ['reported'],
  },
  // ---- «Результаты ОП»
  {
    id: 'participants-text',
    label: 'участников — текст «двадцать»',
    apply: inResults(0, 1, 'ОГЭ математика', 'Участников', 'двадцать'),
    expect: ['reported'],
  },
  {
    id: 'failed-above-participants',
    label: 'не преодолели больше, чем участников',
    apply: inResults(1, 1, 'ОГЭ русский язык', 'Не преодолели порог', (_o, l) => Number(l[RES['Участников']]) + 2),
    expect: ['reported'],
  },
  {
    id: 'failures-no-participants',
    label: 'участников 0, не преодолели 3',
    apply: (g) => {
      const t = inResults(2, 1, 'ВПР математика 5', 'Участников', 0)(g);
      g.results[t.row - 1][RES['Не преодолели порог']] = 3;
      return t;
    },
    expect: ['reported'],
  },
  {
    id: 'negative-failed',
    label: 'отрицательное число не преодолевших',
    apply: inResults(3, 0, 'ВПР русский язык 5', 'Не преодолели порог', -1),
    expect: ['reported'],
  },
  {
    id: 'school-year',
    label: 'учебный год «2023/24» вместо 2024',
    apply: inResults(4, 0, 'ВПР русский язык 6', 'Год', (o) => `${Number(o) - 1}/${String(o).slice(2)}`),
    expect: ['readAsClean'],
  },
  { id: 'year-words', label: 'год «прошлый»', apply: inResults(5, 0, 'ОГЭ математика', 'Год', 'прошлый'), expect: ['reported'] },
  { id: 'year-1999', label: 'год 1999', apply: inResults(6, 0, 'ОГЭ русский язык', 'Год', 1999), expect: ['reported'] },
  {
    id: 'future-year',
    label: 'опечатка в годе: 2052 в одной строке',
    apply: inResults(2, 1, 'ВПР математика 6', 'Год', 2052),
    expect: ['reported'],
  },
  { id: 'empty-procedure', label: 'пустая процедура', apply: inResults(7, 1, 'ЕГЭ русский язык', 'Процедура', ''), expect: ['reported'] },
  {
    id: 'procedure-case',
    label: 'процедура «огэ  математика»',
    apply: inResults(8, 1, 'ОГЭ математика', 'Процедура', 'огэ  математика'),
    expect: ['readAsClean'],
  },
  {
    id: 'other-procedure',
    label: 'процедура вне девяти канонических «ВПР математика 8»',
    apply: inResults(9, 1, 'ВПР математика 6', 'Процедура', 'ВПР математика 8'),
    expect: ['reported'],
  },
  {
    id: 'unknown-school',
    label: 'результат школы, которой нет в ответах формы',
    apply: inResults(10, 1, 'ВПР математика 5', 'Код ОО', 'edu999999'),
    expect: ['reported', 'readAsClean'],
  },
  {
    id: 'results-empty-code',
    label: 'пустой Код ОО в результатах',
    apply: inResults(11, 1, 'ВПР русский язык 5', 'Код ОО', ''),
    expect: ['reported', 'readAsClean'],
  },
  {
    id: 'duplicate-result',
    label: 'строка результатов повторена',
    apply: (g) => {
      const row = resultRow(g, 12, 1, 'ОГЭ русский язык');
      g.results.push(structuredClone(g.results[row - 1]));
      return { sheet: 'results', row, schoolCode: String(g.results[row - 1][RES['Код ОО']]) };
    },
    expect: ['reported', 'readAsClean'],
  },
  {
    id: 'div0-failed',
    label: '«#DIV/0!» в «Не преодолели порог»',
    apply: inResults(13, 1, 'ЕГЭ математика (базовая)', 'Не преодолели порог', '#DIV/0!'),
    expect: ['reported'],
  },
  {
    id: 'percent-failed',
    label: '«35,5 %» в «Не преодолели порог»',
    apply: inResults(14, 1, 'ЕГЭ математика (профильная)', 'Не преодолели порог', '35,5 %'),
    expect: ['reported'],
  },
  {
    id: 'fraction-participants',
    label: 'дробное число участников 12,5',
    apply: inResults(15, 1, 'ЕГЭ русский язык', 'Участников', '12,5'),
    expect: ['reported'],
  },
  {
    id: 'high-above-participants',
    label: 'высокобалльников больше, чем участников',
    apply: inResults(0, 1, 'ЕГЭ русский язык', 'Высокобалльников', (_o, l) => Number(l[RES['Участников']]) + 5),
    expect: ['reported', 'readAsClean'],
  },
  {
    id: 'results-cyrillic-code',
    label: 'кириллическая «е» в коде в результатах',
    apply: inResults(1, 0, 'ОГЭ математика', 'Код ОО', (o) => String(o).replace('e', '\u0435')),
    expect: ['readAsClean'],
  },
  // ---- «Риски»
  {
    id: 'risk-odd-significance',
    label: 'значимость риска «очень высокая»',
    apply: (g) => {
      g.risks[1][3] = 'очень высокая';
      return { sheet: 'risks', row: 2, schoolCode: String(g.risks[1][0]) };
    },
    expect: ['reported', 'readAsClean'],
  },
  {
    id: 'risk-unknown-school',
    label: 'в «Рисках» школа, которой нет в ответах формы',
    apply: (g) => {
      g.risks.push(['edu999998', ...g.risks[1].slice(1)]);
      return { sheet: 'risks', row: g.risks.length, schoolCode: null };
    },
    expect: ['reported'],
  },
  {
    id: 'risk-formula-error',
    label: '«#N/A» в значимости риска',
    apply: (g) => {
      g.risks[1][5] = '#N/A';
      return { sheet: 'risks', row: 2, schoolCode: String(g.risks[1][0]) };
    },
    expect: ['reported', 'readAsClean'],
  },
  {
    id: 'risk-unknown-factor',
    label: 'неизвестный фактор в заголовке «Рисков»',
    apply: (g) => {
      g.risks.forEach((l, i) => l.push(i === 0 ? 'Плохая погода' : 'высокая'));
      return { sheet: 'risks', row: 1, schoolCode: null };
    },
    expect: ['reported'],
  },
];

/** The small region every bad-input case starts from: 16 schools, one municipality, both years. */
export function badInputRegion(): GeneratedRegion {
  return generateRegion({ schools: 16, seed: 20251115 });
}

export interface CaseOutcome {
  id: string;
  label: string;
  handled: boolean;
  /** Why the case is not handled (Russian), empty when it is. */
  failures: string[];
}

export interface BadInputsResult {
  cases: CaseOutcome[];
  badInputs: number;
  badInputsHandled: number;
}

function sameOutcome(a: SchoolOutcome | undefined, b: SchoolOutcome | undefined): boolean {
  return !!a && !!b && a.isbsh === b.isbsh && a.status === b.status && a.reason === b.reason;
}

/**
 * Runs every case on its own copy of the region: «Проверить данные», then «Рассчитать всё». A case is
 * handled when both complete, the data check names the row (when expected), the school's results equal
 * the clean run's (when expected), the school is still listed (unless its code is unusable), and every
 * other school's ИСБШ and ШНОР status equal the clean run's.
 */
export function runBadInputs(watch: InputWatch, cases: readonly BadInputCase[] = BAD_INPUT_CASES): BadInputsResult {
  const region = badInputRegion();
  const clean = seedTwin(copyRegion(region));
  watch.call(clean, 'menuComputeAll');
  const baseline = schoolOutcomes(clean.twin);
  const outcomes: CaseOutcome[] = [];
  for (const c of cases) {
    const failures: string[] = [];
    let target: CaseTarget | null = null;
    try {
      const copy = copyRegion(region);
      target = c.apply(copy);
      const h = seedTwin(copy);
      const check = watch.call(h, 'menuCheckData');
      if (check.error || !check.alerts.some((a) => CHECK_DONE.test(a)))
        failures.push(`проверка данных не завершилась: ${check.error ?? check.alerts.join(' / ')}`);
      const run = watch.call(h, 'menuComputeAll');
      if (run.error || !run.alerts.some((a) => COMPUTE_DONE.test(a)))
        failures.push(`расчёт не завершился: ${run.error ?? run.alerts.join(' / ')}`);
      const leftovers = leftoverSheets(h.twin);
      if (leftovers.length) failures.push(`остались временные листы: ${leftovers.join(', ')}`);
      const sheetName = SHEET_OF[target.sheet];
      if (c.expect.includes('reported')) {
        const named = dataCheckRows(h.twin).some((r) => r[0] === sheetName && Number(r[1]) === target!.row);
        if (!named) failures.push(`«Проверка данных» не называет строку ${target.row} листа «${sheetName}»`);
      }
      const outcomes = schoolOutcomes(h.twin);
      const own = target.schoolCode ? codeKey(target.schoolCode) : null;
      if (own && !c.dropsSchool && !outcomes.get(own)?.listed) failures.push(`школа ${target.schoolCode} пропала из результатов`);
      if (own && c.expect.includes('readAsClean') && !sameOutcome(outcomes.get(own), baseline.get(own))) {
        const got = outcomes.get(own);
        const want = baseline.get(own);
        failures.push(
          `результат школы ${target.schoolCode} отличается от чистого: ИСБШ ${String(got?.isbsh)} / ${String(want?.isbsh)}, статус ${String(got?.status)} / ${String(want?.status)}`,
        );
      }
      const others = [...baseline.keys()].filter((k) => k !== own);
      const broken = others.filter((k) => !sameOutcome(outcomes.get(k), baseline.get(k)));
      if (broken.length)
        failures.push(
          `у других школ изменились результаты: ${broken.slice(0, 3).join(', ')}${broken.length > 3 ? ` и ещё ${broken.length - 3}` : ''}`,
        );
    } catch (e) {
      failures.push(`случай не выполнен: ${e instanceof Error ? e.message : String(e)}`);
    }
    outcomes.push({ id: c.id, label: c.label, handled: failures.length === 0, failures });
  }
  return { cases: outcomes, badInputs: outcomes.length, badInputsHandled: outcomes.filter((o) => o.handled).length };
}

// ============================================================== suite 2: formula and HTML injection

/** Text that Sheets would run as a formula, or a browser as markup, if written carelessly. */
export const INJECTION_PAYLOADS: readonly string[] = [
  '=IMPORTXML("http://x";"//a")',
  '=HYPERLINK("http://evil.example";"нажмите")',
  '=1+1',
  '+1',
  '-1+2',
  '@SUM(A1)',
  "=cmd|' /C calc'!A0",
  '<img src=x onerror=alert(1)>',
  '<script>alert("ШНОР")</script>',
  '"><svg onload=alert(1)>',
];

/** The procedure name a payload is given in «Результаты ОП». */
function procedureOf(payload: string): string {
  return `${payload} математика`;
}

export type InjectionField = 'name' | 'municipality' | 'schoolCode' | 'procedure' | 'riskHeader';

export interface InjectionOutcome {
  field: InjectionField;
  payload: string;
  neutralised: boolean;
  failures: string[];
}

export interface InjectionsResult {
  injections: InjectionOutcome[];
  injectionsTried: number;
  injectionsNeutralised: number;
}

/** Cells of an output sheet whose text contains `needle` (values or formulas). */
export function cellsContaining(
  twin: Twin,
  sheet: string,
  needle: string,
): Array<{ row: number; col: number; value: unknown; formula: string }> {
  if (!twin.hasSheet(sheet)) return [];
  const values = twin.sheetValues(sheet);
  const formulas = twin.sheetFormulas(sheet);
  const hits: Array<{ row: number; col: number; value: unknown; formula: string }> = [];
  const rows = Math.max(values.length, formulas.length);
  for (let r = 0; r < rows; r++) {
    const width = Math.max(values[r]?.length ?? 0, formulas[r]?.length ?? 0);
    for (let c = 0; c < width; c++) {
      const v = values[r]?.[c];
      const f = formulas[r]?.[c] ?? '';
      if ((typeof v === 'string' && v.includes(needle)) || f.includes(needle) || (needle.startsWith('=') && f.includes(needle.slice(1)))) {
        hits.push({ row: r + 1, col: c + 1, value: v, formula: f });
      }
    }
  }
  return hits;
}

/**
 * Puts every payload into names, municipalities and codes of the responses (a school each, its results
 * re-coded to match), procedure names of «Результаты ОП» and a column header of «Риски»; runs
 * «Рассчитать всё», «Дорожные карты» and the monitoring; then a payload is neutralised when every output
 * sheet's formulas are empty, the payload shows literally where it belongs (the school's row in «ИСБШ»
 * and «ШНОР», a column of «ШНОР» / «Динамика», a line of «Проверка данных»), and the sidebar's school list
 * returns it as plain text.
 */
export function runInjections(watch: InputWatch, payloads: readonly string[] = INJECTION_PAYLOADS): InjectionsResult {
  const perSchool: InjectionField[] = ['name', 'municipality', 'schoolCode'];
  const region = generateRegion({ schools: payloads.length * perSchool.length + 6, seed: 4242 });
  const copy = copyRegion(region);
  const placed: Array<{ field: InjectionField; payload: string; schoolCode: string; newCode: string }> = [];
  let school = 1;
  for (const payload of payloads) {
    for (const field of perSchool) {
      const line = copy.responses[school++];
      const code = String(line[RESP['Код ОО']]);
      let newCode = code;
      if (field === 'name') line[RESP['Полное наименование образовательной организации']] = payload;
      if (field === 'municipality') line[RESP['Муниципальное образование']] = payload;
      if (field === 'schoolCode') {
        newCode = payload;
        line[RESP['Код ОО']] = payload;
        for (const r of copy.results) if (r[RES['Код ОО']] === code) r[RES['Код ОО']] = payload;
        for (const r of copy.risks) if (r[0] === code) r[0] = payload;
      }
      placed.push({ field, payload, schoolCode: code, newCode });
    }
  }
  // Procedure names: two extra result rows per payload. Only mathematics and Russian count for the status
  // (docs/методика.md §3), so the payload is given a subject to reach «ШНОР» and «Динамика».
  const years = [...new Set(region.results.slice(1).map((r) => r[RES['Год']] as number))].sort();
  const anchor = String(copy.responses[copy.responses.length - 1][RESP['Код ОО']]);
  payloads.forEach((payload) => {
    copy.results.push([anchor, years[1], procedureOf(payload), 20, 2, '']);
    copy.results.push([anchor, years[0], procedureOf(payload), 20, 3, '']);
  });
  payloads.forEach((payload, i) => {
    copy.risks.forEach((l, r) => l.push(r === 0 ? payload : i % 2 ? 'высокая' : ''));
  });

  const h = seedTwin(copy);
  const run = watch.call(h, 'menuComputeAll');
  const computed = !run.error && run.alerts.some((a) => COMPUTE_DONE.test(a));
  watch.call(h, 'menuRoadmaps');
  watch.call(h, 'menuMonitoring');
  const outputs = outputSheetNames(h);
  const formulaCells: string[] = [];
  for (const sheet of outputs) {
    h.twin.sheetFormulas(sheet).forEach((row, r) =>
      row.forEach((f, c) => {
        if (f) formulaCells.push(`«${sheet}»!R${r + 1}C${c + 1}: ${f}`);
      }),
    );
  }
  const sidebar = watch.run(h, 'sidebarSchools', '');
  const listed = Array.isArray(sidebar.value) ? (sidebar.value as Array<Record<string, unknown>>) : [];

  const results: InjectionOutcome[] = [];
  const expectLiteral = (
    failures: string[],
    sheet: string,
    payload: string,
    where: (hit: { row: number; col: number; value: unknown }) => boolean,
    what: string,
  ) => {
    const hits = cellsContaining(h.twin, sheet, payload);
    if (!hits.some((x) => x.value === payload && where(x))) failures.push(`в «${sheet}» нет ячейки с текстом ${what} как есть`);
    for (const x of hits) if (x.formula) failures.push(`«${sheet}»!R${x.row}C${x.col} стала формулой: ${x.formula}`);
  };
  const rowOf = (sheet: string, code: string): number | null => {
    const t = readTable(h.twin, sheet, 'Код ОО');
    if (!t) return null;
    const i = t.rows.findIndex((r) => r[0] === code);
    return i < 0 ? null : t.headerRow + 1 + i;
  };
  for (const p of placed) {
    const failures: string[] = [];
    if (!computed) failures.push(`расчёт не завершился: ${run.error ?? run.alerts.join(' / ')}`);
    if (formulaCells.length) failures.push(`в листах результатов есть формулы: ${formulaCells.slice(0, 3).join('; ')}`);
    for (const sheet of [SHEET_NAMES.isbsh, SHEET_NAMES.shnor]) {
      const row = rowOf(sheet, p.newCode);
      if (row === null) {
        failures.push(`школа ${p.schoolCode} не найдена в «${sheet}»`);
        continue;
      }
      expectLiteral(failures, sheet, p.payload, (x) => x.row === row, `«${p.payload}» в строке школы`);
    }
    const inSidebar = listed.find((s) => s.schoolCode === p.newCode);
    const sidebarValue =
      p.field === 'name' ? inSidebar?.name : p.field === 'municipality' ? inSidebar?.municipality : inSidebar?.schoolCode;
    if (sidebarValue !== p.payload) failures.push(`боковая панель получила не тот текст: ${String(sidebarValue)}`);
    results.push({ field: p.field, payload: p.payload, neutralised: failures.length === 0, failures });
  }
  for (const payload of payloads) {
    const failures: string[] = [];
    if (!computed) failures.push(`расчёт не завершился: ${run.error ?? run.alerts.join(' / ')}`);
    // The add-in shows a procedure outside the nine under its normalised name (lower case, spaced
    // brackets): it must be a column header of «ШНОР» and a row of «Динамика», as text.
    const shown = normalizeProcedureName(procedureOf(payload));
    for (const sheet of [SHEET_NAMES.shnor, SHEET_NAMES.dynamics]) {
      const hits = cellsContaining(h.twin, sheet, shown);
      if (!hits.some((x) => typeof x.value === 'string' && x.value.startsWith(shown)))
        failures.push(`процедура «${shown}» не показана в «${sheet}» как текст`);
      for (const x of hits) if (x.formula) failures.push(`«${sheet}»!R${x.row}C${x.col} стала формулой: ${x.formula}`);
    }
    expectLiteral(failures, SHEET_NAMES.dataCheck, procedureOf(payload), () => true, `процедуры «${procedureOf(payload)}»`);
    results.push({ field: 'procedure', payload, neutralised: failures.length === 0, failures });
  }
  for (const payload of payloads) {
    const failures: string[] = [];
    if (!computed) failures.push(`расчёт не завершился: ${run.error ?? run.alerts.join(' / ')}`);
    expectLiteral(failures, SHEET_NAMES.dataCheck, payload, () => true, `заголовка «Рисков» «${payload}»`);
    results.push({ field: 'riskHeader', payload, neutralised: failures.length === 0, failures });
  }
  return { injections: results, injectionsTried: results.length, injectionsNeutralised: results.filter((r) => r.neutralised).length };
}

// ============================================================== suite 3: a fault at every write

export interface FaultOutcome {
  k: number;
  fired: boolean;
  /** 'rolled back' (outputs are the previous ones) or 'committed' (the run finished and outputs are a clean run's). */
  ending: 'прежние листы' | 'новые листы' | 'повреждены';
  /** The user was told the run finished (the fault hit after the commit point). */
  reportedSuccess: boolean;
  intact: boolean;
  failures: string[];
}

export interface FaultsResult {
  writesPerRun: number;
  faults: FaultOutcome[];
  faultsInjected: number;
  outputsIntactAfterFault: number;
}

/** The region of the fault suite: 12 schools. */
export function faultRegion(): GeneratedRegion {
  return generateRegion({ schools: 12, seed: 777 });
}

/**
 * A twin with a previous complete output computed before the last school's form response arrived;
 * the response is then submitted (as Forms appends it), so a new run has different outputs to write.
 */
function faultSetup(watch: InputWatch, region: GeneratedRegion): { h: Harness; previous: OutputState } {
  const copy = copyRegion(region);
  const late = copy.responses.pop()!;
  const h = seedTwin(copy);
  watch.call(h, 'menuComputeAll');
  h.twin.submitForm(late.slice(1), { timestamp: new Date((late[0] as Date).getTime() + 86_400_000) });
  const previous = outputState(h);
  h.twin.resetCalls();
  return { h, previous };
}

/**
 * Counts the writes N of a clean compute run, then for k = 1..N runs it again on a fresh twin with the
 * k-th write failing. Intact: no temporary sheet is left, the user saw a Russian alert, and either every
 * output sheet is byte for byte its previous snapshot, or (a fault after the commit point) the run
 * reported success and the outputs equal the clean run's.
 */
export function runFaults(watch: InputWatch, options: { region?: GeneratedRegion; only?: number[] } = {}): FaultsResult {
  const region = options.region ?? faultRegion();
  const clean = faultSetup(watch, region);
  const cleanRun = watch.call(clean.h, 'menuComputeAll');
  if (cleanRun.error || !cleanRun.alerts.some((a) => COMPUTE_DONE.test(a)))
    throw new Error(`clean run failed: ${cleanRun.error ?? cleanRun.alerts.join(' / ')}`);
  const writes = clean.h.twin.writeCount;
  const expected = outputState(clean.h);
  const faults: FaultOutcome[] = [];
  const ks = options.only ?? Array.from({ length: writes }, (_, i) => i + 1);
  for (const k of ks) {
    const { h, previous } = faultSetup(watch, region);
    h.twin.failAtWrite(k);
    const run = watch.call(h, 'menuComputeAll');
    const fired = !h.twin.rt.counter.faultPending;
    h.twin.cancelFault();
    const after = outputState(h);
    const failures: string[] = [];
    const leftovers = leftoverSheets(h.twin);
    if (leftovers.length) failures.push(`остались временные листы: ${leftovers.join(', ')}`);
    const alert = run.alerts.at(-1) ?? '';
    if (!alert || !CYRILLIC.test(alert)) failures.push(`пользователь не увидел сообщения на русском (${run.error ?? alert})`);
    if (run.error) failures.push(`ошибка вышла за пределы меню: ${run.error}`);
    let ending: FaultOutcome['ending'] = 'повреждены';
    const finished = COMPUTE_DONE.test(alert);
    const reference = finished ? expected : previous;
    const diff = diffStates(after, reference);
    if (diff.length === 0) ending = finished ? 'новые листы' : 'прежние листы';
    else
      failures.push(
        `${finished ? 'расчёт сообщил об успехе, но листы отличаются от чистого расчёта' : 'листы отличаются от прежних'}: ${diff.slice(0, 4).join(', ')}`,
      );
    faults.push({ k, fired, ending, reportedSuccess: finished, intact: fired && failures.length === 0, failures });
  }
  const injected = faults.filter((f) => f.fired);
  return {
    writesPerRun: writes,
    faults,
    faultsInjected: injected.length,
    outputsIntactAfterFault: injected.filter((f) => f.intact).length,
  };
}

// ============================================================== suite 4: two runs at once

export interface ConcurrencyOutcome {
  label: string;
  refused: boolean;
  failures: string[];
}

export interface ConcurrencyResult {
  cases: ConcurrencyOutcome[];
  concurrentRunsRefused: boolean;
}

/**
 * Another execution holds the document lock while each menu action and the sidebar's start is tried;
 * then a sidebar run is live (started, one step done) while «Рассчитать всё» is clicked. Each is refused
 * in Russian and the spreadsheet is byte for byte unchanged.
 */
export function runConcurrency(watch: InputWatch): ConcurrencyResult {
  const h = seedTwin(faultRegion());
  watch.call(h, 'menuComputeAll');
  const cases: ConcurrencyOutcome[] = [];
  const attempt = (label: string, expected: string | RegExp, act: () => { error?: string; alerts: string[] }) => {
    const before = h.twin.snapshotSpreadsheet();
    const names = h.twin.sheetNames().join('|');
    const result = act();
    const shown = result.error ?? result.alerts.at(-1) ?? '';
    const failures: string[] = [];
    const matches = typeof expected === 'string' ? shown.includes(expected) : expected.test(shown);
    if (!matches) failures.push(`ожидался отказ, показано: «${shown}»`);
    if (!CYRILLIC.test(shown)) failures.push('отказ не на русском');
    if (h.twin.snapshotSpreadsheet() !== before || h.twin.sheetNames().join('|') !== names) failures.push('таблица изменилась');
    cases.push({ label, refused: failures.length === 0, failures });
  };
  const release = h.twin.holdDocumentLock();
  try {
    for (const fn of ['menuComputeAll', 'menuCheckData', 'menuRoadmaps', 'menuMonitoring']) {
      attempt(`${fn} при занятой блокировке документа`, UI.busy, () => watch.call(h, fn));
    }
    attempt('sidebarStartRun при занятой блокировке документа', UI.busy, () => watch.run(h, 'sidebarStartRun', 'compute', {}));
  } finally {
    release();
  }
  const started = watch.run(h, 'sidebarStartRun', 'compute', {});
  const ticket = started.value as { runId: string } | undefined;
  if (ticket) watch.run(h, 'sidebarRunStep', ticket.runId);
  const live = new RegExp(`^Уже идёт запуск «${UI.kindLabels.compute}»`);
  attempt('menuComputeAll во время незавершённого расчёта из панели', live, () => watch.call(h, 'menuComputeAll'));
  attempt('второй запуск из панели во время незавершённого', live, () => watch.run(h, 'sidebarStartRun', 'compute', {}));
  if (ticket) watch.run(h, 'sidebarCancelRun', ticket.runId);
  return { cases, concurrentRunsRefused: cases.length > 0 && cases.every((c) => c.refused) };
}

// ============================================================== suite 5: a re-run

export interface RerunResult {
  checks: Array<{ label: string; identical: boolean; failures: string[] }>;
  rerunIdentical: boolean;
}

/** Each menu action twice on the same data: the same sheets, byte for byte, and the same number of charts. */
export function runRerun(watch: InputWatch): RerunResult {
  const h = seedTwin(faultRegion());
  const checks: RerunResult['checks'] = [];
  for (const fn of ['menuComputeAll', 'menuRoadmaps', 'menuMonitoring', 'menuCheckData']) {
    const first = watch.call(h, fn);
    const a = outputState(h);
    const chartsA = chartCount(h);
    const second = watch.call(h, fn);
    const b = outputState(h);
    const failures: string[] = [];
    if (first.error || second.error) failures.push(`ошибка: ${first.error ?? second.error}`);
    if (!first.alerts.some((a) => MENU_DONE[fn].test(a))) failures.push(`первый запуск не выполнил работу: «${first.alerts.join(' / ')}»`);
    if (first.alerts.join() !== second.alerts.join())
      failures.push(`сообщения различаются: «${first.alerts.join()}» / «${second.alerts.join()}»`);
    const diff = diffStates(a, b);
    if (diff.length) failures.push(`листы различаются: ${diff.join(', ')}`);
    if (chartCount(h) !== chartsA) failures.push(`диаграмм было ${chartsA}, стало ${chartCount(h)}`);
    if (leftoverSheets(h.twin).length) failures.push(`остались временные листы: ${leftoverSheets(h.twin).join(', ')}`);
    checks.push({ label: `${fn} дважды`, identical: failures.length === 0, failures });
  }
  return { checks, rerunIdentical: checks.every((c) => c.identical) };
}

// ============================================================== suite 6: an interrupted sidebar run

export type ResumeWay =
  'продолжить' | 'отменить и начать заново' | 'начать заново после устаревания' | 'сбой записи в следующем шаге, начать заново';

export interface InterruptOutcome {
  kind: string;
  stepsDone: number;
  way: ResumeWay;
  identical: boolean;
  failures: string[];
}

export interface InterruptResult {
  outcomes: InterruptOutcome[];
  interruptedRunsIdentical: boolean;
}

/** Apps Script's time after which the add-in takes an untouched sidebar run as abandoned (src/ui/runner.ts: 30 min). */
const STALE_AFTER_MS = 30 * 60 * 1000;

/**
 * The add-in's Date inside the vm is the real clock, not the twin's; a stored run is aged by moving its
 * `touchedAt` back, which is what the passing of 31 minutes does to it.
 */
function ageStoredRun(twin: Twin, runId: string): boolean {
  for (const [key, raw] of twin.properties.document) {
    try {
      const stored = JSON.parse(raw) as { runId?: string; touchedAt?: string };
      if (stored.runId === runId && stored.touchedAt) {
        stored.touchedAt = new Date(new Date(stored.touchedAt).getTime() - STALE_AFTER_MS - 60_000).toISOString();
        twin.properties.document.set(key, JSON.stringify(stored));
        return true;
      }
    } catch {
      // not a run record
    }
  }
  return false;
}

/** Drives a sidebar run to its end; returns the per-step simulated times (ms) of the executions. */
export function driveSidebarRun(
  watch: InputWatch,
  h: Harness,
  runId: string,
  maxSteps = 10_000,
): { finished: boolean; stepMs: number[]; error?: string } {
  const stepMs: number[] = [];
  for (let i = 0; i < maxSteps; i++) {
    const step = watch.run(h, 'sidebarRunStep', runId);
    stepMs.push(h.twin.lastExecution?.elapsedMs ?? 0);
    if (step.error) return { finished: false, stepMs, error: step.error };
    if ((step.value as { finished: boolean }).finished) return { finished: true, stepMs };
  }
  return { finished: false, stepMs, error: 'слишком много шагов' };
}

export function startSidebarRun(
  watch: InputWatch,
  h: Harness,
  kind: string,
  options: Record<string, unknown> = {},
): { runId: string; steps: string[] } {
  const r = watch.run(h, 'sidebarStartRun', kind, options);
  if (r.error) throw new Error(`sidebarStartRun(${kind}): ${r.error}`);
  return r.value as { runId: string; steps: string[] };
}

/**
 * For the compute and roadmap runs: the reference is an uninterrupted sidebar run. Then for every cut
 * point the run is started, `cut` steps are done, and the execution "dies" (nothing more is called);
 * the user then continues it, or cancels and starts again, or starts again after the run went stale.
 * Identical: the same output sheets, byte for byte, and no temporary sheet left.
 */
export function runInterrupted(watch: InputWatch, options: { region?: GeneratedRegion; kinds?: string[] } = {}): InterruptResult {
  const region = options.region ?? faultRegion();
  const kinds = options.kinds ?? ['compute', 'roadmaps'];
  const outcomes: InterruptOutcome[] = [];
  const prepare = (kind: string): Harness => {
    const h = seedTwin(region);
    if (kind !== 'compute') watch.call(h, 'menuComputeAll');
    return h;
  };
  for (const kind of kinds) {
    const ref = prepare(kind);
    const refTicket = startSidebarRun(watch, ref, kind);
    const refRun = driveSidebarRun(watch, ref, refTicket.runId);
    if (!refRun.finished) throw new Error(`reference ${kind} run failed: ${refRun.error}`);
    const expected = outputState(ref);
    const ways: ResumeWay[] = [
      'продолжить',
      'отменить и начать заново',
      'начать заново после устаревания',
      'сбой записи в следующем шаге, начать заново',
    ];
    for (let cut = 1; cut < refTicket.steps.length; cut++) {
      for (const way of ways) {
        const failures: string[] = [];
        try {
          const h = prepare(kind);
          const ticket = startSidebarRun(watch, h, kind);
          for (let i = 0; i < cut; i++) {
            const s = watch.run(h, 'sidebarRunStep', ticket.runId);
            if (s.error) throw new Error(s.error);
          }
          // The execution dies here: the sidebar was closed or the browser lost the connection.
          let runId = ticket.runId;
          if (way === 'отменить и начать заново') {
            const c = watch.run(h, 'sidebarCancelRun', ticket.runId);
            const answer = c.value as { cancelled: boolean; stopping: boolean; message: string } | undefined;
            // After the swap only the protections are left: the cancel is too late, said in Russian, and the run is continued.
            const tooLate = !c.error && answer && !answer.cancelled && !answer.stopping && CYRILLIC.test(answer.message);
            if (c.error || !answer || (!answer.cancelled && !tooLate))
              failures.push(`отмена не удалась: ${c.error ?? JSON.stringify(c.value)}`);
            // Only the protections, the last step of every run, come after the swap.
            if (tooLate && cut !== refTicket.steps.length - 1)
              failures.push(`отмена отклонена до замены листов (шаг ${cut}): ${answer.message}`);
            if (!tooLate) runId = startSidebarRun(watch, h, kind).runId;
          } else if (way === 'начать заново после устаревания') {
            if (!ageStoredRun(h.twin, ticket.runId)) failures.push('не найдена запись о незавершённом расчёте');
            runId = startSidebarRun(watch, h, kind).runId;
          } else if (way === 'сбой записи в следующем шаге, начать заново') {
            h.twin.failAtWrite(1);
            const failed = watch.run(h, 'sidebarRunStep', ticket.runId);
            const fired = !h.twin.rt.counter.faultPending;
            h.twin.cancelFault();
            // A failure while protecting sheets that are already in place ends the run with a Russian warning instead.
            const warned = (failed.value as { summary?: { accessNotes?: string[] } } | undefined)?.summary?.accessNotes?.some((n) =>
              CYRILLIC.test(n),
            );
            const shown = failed.error ? CYRILLIC.test(failed.error) : !!warned;
            if (fired && !shown) failures.push(`сбой не показан по-русски: ${failed.error ?? JSON.stringify(failed.value)}`);
            if (fired) runId = startSidebarRun(watch, h, kind).runId;
          }
          const rest = driveSidebarRun(watch, h, runId);
          if (!rest.finished) failures.push(`расчёт не завершился: ${rest.error}`);
          const diff = diffStates(outputState(h), expected);
          if (diff.length) failures.push(`листы отличаются от непрерванного расчёта: ${diff.slice(0, 4).join(', ')}`);
          if (leftoverSheets(h.twin).length) failures.push(`остались временные листы: ${leftoverSheets(h.twin).join(', ')}`);
        } catch (e) {
          failures.push(e instanceof Error ? e.message : String(e));
        }
        outcomes.push({ kind, stepsDone: cut, way, identical: failures.length === 0, failures });
      }
    }
  }
  return { outcomes, interruptedRunsIdentical: outcomes.length > 0 && outcomes.every((o) => o.identical) };
}

// ============================================================== all suites

export interface ReliabilityFigures {
  badInputs: number;
  badInputsHandled: number;
  inputSheetsUnchanged: boolean;
  faultsInjected: number;
  outputsIntactAfterFault: number;
  injectionsTried: number;
  injectionsNeutralised: number;
  concurrentRunsRefused: boolean;
  /** A re-run, and a run interrupted and re-run from the sidebar, both end with the outputs of a single clean run. */
  rerunIdentical: boolean;
}

export interface ReliabilityReport {
  figures: ReliabilityFigures;
  badInputs: BadInputsResult;
  injections: InjectionsResult;
  faults: FaultsResult;
  concurrency: ConcurrencyResult;
  rerun: RerunResult;
  interrupted: InterruptResult;
  inputWatch: InputWatch;
}

/** Runs every suite; `progress` is told each suite's name as it starts. */
export function runReliability(progress: (suite: string) => void = () => undefined): ReliabilityReport {
  const watch = new InputWatch();
  progress('Неверные и неудобные входные данные');
  const badInputs = runBadInputs(watch);
  progress('Внедрение формул и HTML');
  const injections = runInjections(watch);
  progress('Сбой на каждой записи расчёта');
  const faults = runFaults(watch);
  progress('Два расчёта одновременно');
  const concurrency = runConcurrency(watch);
  progress('Повторный расчёт');
  const rerun = runRerun(watch);
  progress('Прерванный расчёт из боковой панели');
  const interrupted = runInterrupted(watch);
  return {
    figures: {
      badInputs: badInputs.badInputs,
      badInputsHandled: badInputs.badInputsHandled,
      inputSheetsUnchanged: watch.unchanged,
      faultsInjected: faults.faultsInjected,
      outputsIntactAfterFault: faults.outputsIntactAfterFault,
      injectionsTried: injections.injectionsTried,
      injectionsNeutralised: injections.injectionsNeutralised,
      concurrentRunsRefused: concurrency.concurrentRunsRefused,
      rerunIdentical: rerun.rerunIdentical && interrupted.interruptedRunsIdentical,
    },
    badInputs,
    injections,
    faults,
    concurrency,
    rerun,
    interrupted,
    inputWatch: watch,
  };
}
