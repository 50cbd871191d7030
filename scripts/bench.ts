/**
 * `npm run bench`: how the add-in scales. Synthetic regions of 50, 2 000 and 40 000 schools
 * (two years × nine procedures, scripts/lib/syntheticRegion.ts) are put into the in-memory twin of
 * Apps Script and «Рассчитать всё» is run through the BUILT add-in (build/Code.js), counting Sheets
 * service calls, cells written and wall time. The core pipeline alone (the same readers the add-in
 * uses, then computeReport) is timed at every size, the custom functions ISBSH and SHNOR_STATUS over
 * 40 000 rows against Sheets' 30-second limit, and every sidebar step at 2 000 schools on the twin's
 * simulated clock against Apps Script's 6-minute limit.
 *
 * Prints readable tables (Russian, like everything the user sees) and, as the LAST line, one JSON object:
 * {"schools":[…],"sheetCalls":[…],"pipelineSeconds":[…],"cellsWritten":[…],"isbshRangeSeconds":…,
 *  "shnorRangeSeconds":…,"corePipelineSeconds":[…]}
 */
import os from 'node:os';
import { createTwin, loadAddon, DEFAULT_COSTS, MAX_EXECUTION_MS } from '../emulator/index';
import type { Twin } from '../emulator/twin';
import { computeReport } from '../src/core/pipeline';
import { defaultSettings } from '../src/core/settings';
import { DEFAULT_RISK_FACTORS } from '../src/core/factors';
import { mappingFor } from '../src/sheets/headerMapping';
import { readResponses } from '../src/sheets/readResponses';
import { readResults } from '../src/sheets/readResults';
import { readRisks } from '../src/sheets/readRisks';
import { SHEET_NAMES } from '../src/sheets/names';
import { generateRegion, PROCEDURES, RESPONSE_HEADERS, RESULT_HEADERS, type GeneratedRegion } from './lib/syntheticRegion';
import { BUILD_DIR, QUIET_CONSOLE, RESPONSES_SHEET, seedTwin, sheetsServiceCalls, type Harness } from '../test/support/reliabilitySuites';

const SIZES = [50, 2000, 40000] as const;
const SEED = 2025;
const CUSTOM_FUNCTION_LIMIT_S = 30;
const EXECUTION_LIMIT_S = MAX_EXECUTION_MS / 1000;
const COMPUTE_DONE = /^Расчёт за .+ год завершён/;
const CELL_REFUSAL = /^Расчёт не начат/;

// ------------------------------------------------------------------ formatting

const ru = (n: number, digits = 0) => n.toLocaleString('ru-RU', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const seconds = (ms: number) => Math.round(ms) / 1000;
const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

function table(headers: string[], rows: Array<Array<string | number>>): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, c) => Math.max(...cells.map((r) => [...(r[c] ?? '')].length)));
  const line = (r: string[]) => r.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('  ');
  return [line(cells[0]), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

function say(text = ''): void {
  process.stdout.write(text + '\n');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

// ------------------------------------------------------------------ the core pipeline alone

interface CoreTiming {
  readSeconds: number;
  computeSeconds: number;
}

/** The readers the add-in uses, on the arrays getValues would return, then computeReport (median of `repeat`). */
function timeCore(region: GeneratedRegion, repeat: number): CoreTiming {
  const t0 = performance.now();
  const headers = region.responses[0].map((h) => String(h));
  const responses = readResponses(region.responses, RESPONSES_SHEET, mappingFor(headers, null).mapping, { timeZone: 'Europe/Moscow' });
  const results = readResults(region.results, SHEET_NAMES.results, new Set(responses.schools.map((s) => s.schoolCode)));
  const risks = readRisks(region.risks, SHEET_NAMES.risks, DEFAULT_RISK_FACTORS);
  const readMs = performance.now() - t0;
  const runs: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const t = performance.now();
    computeReport({ schools: responses.schools, results: results.results, diagnoses: risks.diagnoses, factors: DEFAULT_RISK_FACTORS, settings: defaultSettings() });
    runs.push(performance.now() - t);
  }
  return { readSeconds: seconds(readMs), computeSeconds: seconds(median(runs)) };
}

// ------------------------------------------------------------------ a full run in the twin

interface MenuRun {
  outcome: 'готово' | 'отказ' | 'ошибка';
  message: string;
  sheetCalls: number;
  totalCalls: number;
  writes: number;
  cellsWritten: number;
  wallSeconds: number;
  simulatedSeconds: number;
  spreadsheetCells: number;
}

function totalCells(twin: Twin): number {
  return twin.bound.model.totalCells();
}

function menuCompute(h: Harness): MenuRun {
  const { twin, addon } = h;
  twin.resetCalls();
  twin.clock.reset();
  const alerts = twin.ui.alerts.length;
  const t0 = performance.now();
  let message = '';
  try {
    addon.call('menuComputeAll');
    message = twin.ui.alerts.slice(alerts).map((a) => a.message).join(' / ');
  } catch (e) {
    message = e instanceof Error ? e.message : String(e);
  }
  const wall = performance.now() - t0;
  return {
    outcome: COMPUTE_DONE.test(message) ? 'готово' : CELL_REFUSAL.test(message) ? 'отказ' : 'ошибка',
    message,
    sheetCalls: sheetsServiceCalls(twin),
    totalCalls: twin.totalCalls(),
    writes: twin.writeCount,
    cellsWritten: twin.cellsWritten,
    wallSeconds: seconds(wall),
    simulatedSeconds: seconds(twin.lastExecution?.elapsedMs ?? 0),
    spreadsheetCells: totalCells(twin),
  };
}

/** Cells the input sheets would take at Sheets' default grid (at least 1000 rows × 26 columns each). */
function defaultGridCells(region: GeneratedRegion): number {
  return [region.responses, region.results, region.risks].reduce((sum, rows) => sum + Math.max(1000, rows.length) * Math.max(26, rows[0].length), 0);
}

// ------------------------------------------------------------------ custom functions over 40 000 rows

function columnOf(rows: unknown[][], index: number): unknown[][] {
  return rows.slice(1).map((r) => [r[index]]);
}

/** Failing shares per school (rows, in responses order) and procedure (the nine canonical columns) for one year; "" = no participants. */
function shareMatrix(region: GeneratedRegion, year: number): unknown[][] {
  const codeCol = RESPONSE_HEADERS.indexOf('Код ОО');
  const order = new Map(region.responses.slice(1).map((r, i) => [String(r[codeCol]), i]));
  const procIndex = new Map(PROCEDURES.map((p, i) => [p.name, i]));
  const matrix = region.responses.slice(1).map(() => PROCEDURES.map(() => '' as unknown));
  const [c, y, p, n, f] = ['Код ОО', 'Год', 'Процедура', 'Участников', 'Не преодолели порог'].map((h) => RESULT_HEADERS.indexOf(h as never));
  for (const r of region.results.slice(1)) {
    if (r[y] !== year) continue;
    const row = order.get(String(r[c]));
    const col = procIndex.get(String(r[p]));
    if (row === undefined || col === undefined || !(Number(r[n]) > 0)) continue;
    matrix[row][col] = Number(r[f]) / Number(r[n]);
  }
  return matrix;
}

interface CustomFunctionRun {
  seconds: number;
  rows: number;
  errors: number;
}

function timeCustomFunction(name: string, args: unknown[]): CustomFunctionRun {
  const twin = createTwin({ buildDir: BUILD_DIR, console: QUIET_CONSOLE });
  const addon = loadAddon(twin, { buildDir: BUILD_DIR, authMode: 'CUSTOM_FUNCTION' });
  const t0 = performance.now();
  const out = addon.call(name, ...args) as unknown[][];
  const ms = performance.now() - t0;
  if (twin.totalCalls() !== 0) throw new Error(`${name} made ${twin.totalCalls()} service calls`);
  const errors = out.filter((r) => typeof r[0] === 'string' && r[0].startsWith('#')).length;
  return { seconds: seconds(ms), rows: out.length, errors };
}

// ------------------------------------------------------------------ sidebar steps at 2 000 schools

interface SidebarStep {
  kind: string;
  label: string;
  simulatedSeconds: number;
  calls: number;
}

function sidebarSteps(h: Harness, kind: string): { steps: SidebarStep[]; error: string | null } {
  const steps: SidebarStep[] = [];
  const { addon, twin } = h;
  let ticket: { runId: string; steps: string[] };
  try {
    ticket = addon.run('sidebarStartRun', kind, {});
  } catch (e) {
    return { steps, error: (e as Error).message };
  }
  steps.push({ kind, label: 'Начало расчёта', simulatedSeconds: seconds(twin.lastExecution?.elapsedMs ?? 0), calls: twin.lastExecution?.calls ?? 0 });
  for (let i = 0; i < ticket.steps.length; i++) {
    try {
      addon.run('sidebarRunStep', ticket.runId);
      steps.push({ kind, label: ticket.steps[i], simulatedSeconds: seconds(twin.lastExecution?.elapsedMs ?? 0), calls: twin.lastExecution?.calls ?? 0 });
    } catch (e) {
      steps.push({ kind, label: `${ticket.steps[i]} — ОШИБКА`, simulatedSeconds: seconds(twin.lastExecution?.elapsedMs ?? 0), calls: twin.lastExecution?.calls ?? 0 });
      return { steps, error: (e as Error).message };
    }
  }
  return { steps, error: null };
}

// ------------------------------------------------------------------ main

function main(): void {
  const started = performance.now();
  const cpu = os.cpus();
  say('ШНОР-монитор: замеры масштаба (npm run bench)');
  say(`Машина: ${cpu[0]?.model ?? 'неизвестный процессор'}, ядер: ${cpu.length}, память: ${ru(os.totalmem() / 2 ** 30, 1)} ГБ, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
  say(`Часы двойника Apps Script: ${ru(DEFAULT_COSTS.perCallMs)} мс на вызов службы, ${ru(DEFAULT_COSTS.perCellMs, 2)} мс на ячейку (чтение и запись).`);
  say('Входные листы каждой таблицы подогнаны под данные (строк и столбцов ровно столько, сколько занято).');
  say();

  const runs: MenuRun[] = [];
  const cores: CoreTiming[] = [];
  let rerun40k: MenuRun | null = null;
  let region40k: GeneratedRegion | null = null;
  let gridNote = '';
  for (const schools of SIZES) {
    const region = generateRegion({ schools, seed: SEED });
    cores.push(timeCore(region, schools >= 40000 ? 3 : 5));
    const h = seedTwin(region, { fitToData: true });
    const run = menuCompute(h);
    runs.push(run);
    if (schools === 40000) {
      region40k = region;
      gridNote = `При стандартной сетке листов Sheets (не меньше 1000 × 26) одни входные листы на ${ru(schools)} школ заняли бы ${ru(defaultGridCells(region))} ячеек — больше предела в 10 000 000.`;
      // Drafts must fit next to the current outputs until the swap: a second run needs room for both.
      if (run.outcome === 'готово') rerun40k = menuCompute(h);
    }
  }

  say('Полный расчёт «Рассчитать всё» в двойнике (собранная надстройка build/Code.js)');
  const rows: Array<Array<string | number>> = runs.map((r, i) => [
    ru(SIZES[i]),
    r.outcome,
    r.sheetCalls,
    r.totalCalls,
    ru(r.cellsWritten),
    ru(r.wallSeconds, 2),
    ru(r.simulatedSeconds, 1),
    ru(r.spreadsheetCells),
    ru(cores[i].readSeconds, 2),
    ru(cores[i].computeSeconds, 3),
  ]);
  if (rerun40k) {
    rows.push([
      `${ru(40000)}, повторно`,
      rerun40k.outcome,
      rerun40k.sheetCalls,
      rerun40k.totalCalls,
      ru(rerun40k.cellsWritten),
      ru(rerun40k.wallSeconds, 2),
      ru(rerun40k.simulatedSeconds, 1),
      ru(rerun40k.spreadsheetCells),
      '',
      '',
    ]);
  }
  say(
    table(
      ['школ', 'итог', 'вызовов Sheets', 'всех вызовов', 'ячеек записано', 'время, с', 'по часам Apps Script, с', 'ячеек в таблице', 'ядро: чтение, с', 'ядро: расчёт, с'],
      rows,
    ),
  );
  for (const [i, r] of runs.entries()) if (r.outcome !== 'готово') say(`  ${ru(SIZES[i])} школ: ${r.message}`);
  if (rerun40k) say(`  ${ru(40000)} школ, повторный расчёт (черновики должны поместиться рядом с прежними листами): ${rerun40k.message}`);
  if (gridNote) say(`  ${gridNote}`);
  const per10k = cores[2].computeSeconds / 4;
  say(`  Ядро (computeReport) на ${ru(40000)} школ: ${ru(cores[2].computeSeconds, 2)} с, то есть ${ru(per10k, 2)} с на 10 000 школ.`);
  say();

  const year = (region40k!.results.slice(1).reduce((m: number, r) => Math.max(m, Number(r[1])), 0)) as number;
  const R = (h: string) => RESPONSE_HEADERS.indexOf(h as never);
  const isbsh = timeCustomFunction('ISBSH', [
    columnOf(region40k!.responses, R('Количество обучающихся, оба родителя которых имеют высшее образование')),
    columnOf(region40k!.responses, R('Количество обучающихся из семей, проживающих в благоустроенном жилье')),
    columnOf(region40k!.responses, R('Количество обучающихся из неполных семей')),
    columnOf(region40k!.responses, R('Количество обучающихся, состоящих на различных видах учёта')),
    columnOf(region40k!.responses, R('Количество обучающихся, для которых русский язык не является родным')),
    columnOf(region40k!.responses, R('Общее количество обучающихся')),
  ]);
  const shnor = timeCustomFunction('SHNOR_STATUS', [shareMatrix(region40k!, year), shareMatrix(region40k!, year - 1)]);
  say(`Пользовательские функции: один вызов на ${ru(40000)} строк (предел Sheets — ${CUSTOM_FUNCTION_LIMIT_S} с)`);
  say(
    table(
      ['функция', 'аргументы', 'строк', 'строк с ошибкой', 'время, с', 'доля предела'],
      [
        ['ISBSH', `6 диапазонов × ${ru(40000)}`, ru(isbsh.rows), isbsh.errors, ru(isbsh.seconds, 2), `${ru((100 * isbsh.seconds) / CUSTOM_FUNCTION_LIMIT_S, 1)} %`],
        ['SHNOR_STATUS', `2 диапазона ${ru(40000)} × 9`, ru(shnor.rows), shnor.errors, ru(shnor.seconds, 2), `${ru((100 * shnor.seconds) / CUSTOM_FUNCTION_LIMIT_S, 1)} %`],
      ],
    ),
  );
  say();

  const region2k = generateRegion({ schools: 2000, seed: SEED });
  const h2k = seedTwin(region2k, { fitToData: true });
  const compute = sidebarSteps(h2k, 'compute');
  const roadmaps = sidebarSteps(h2k, 'roadmaps');
  say(`Шаги боковой панели на ${ru(2000)} школ по часам двойника (предел одного выполнения Apps Script — ${EXECUTION_LIMIT_S} с)`);
  say(
    table(
      ['шаг', 'вызовов', 'по часам, с', 'доля предела'],
      [...compute.steps, ...roadmaps.steps].map((s) => [
        `${s.kind === 'compute' ? 'Расчёт' : 'Дорожные карты'}: ${s.label}`,
        s.calls,
        ru(s.simulatedSeconds, 1),
        `${ru((100 * s.simulatedSeconds) / EXECUTION_LIMIT_S, 1)} %`,
      ]),
    ),
  );
  for (const r of [compute, roadmaps]) if (r.error) say(`  Остановлено: ${r.error}`);
  say();
  say(`Время замеров: ${ru(seconds(performance.now() - started), 1)} с.`);

  const figures = {
    schools: [...SIZES],
    sheetCalls: runs.map((r) => r.sheetCalls),
    pipelineSeconds: runs.map((r) => round(r.wallSeconds)),
    cellsWritten: runs.map((r) => (r.outcome === 'отказ' ? 0 : r.cellsWritten)),
    isbshRangeSeconds: round(isbsh.seconds),
    shnorRangeSeconds: round(shnor.seconds),
  };
  say(JSON.stringify(figures));
}

main();
