/**
 * `npm run bench`: how the add-in scales. Synthetic regions of 50, 2 000 and 40 000 schools (two years × nine
 * procedures, scripts/lib/syntheticRegion.ts) are put into the in-memory twin of Apps Script and «Рассчитать всё» runs
 * through the BUILT add-in (build/Code.js), counting Sheets service calls, cells written, flushing round trips and the
 * real platform's estimated time under the twin's cost model (emulator/costModel.ts, every figure with its source).
 * The core (the same readers the add-in uses, then computeReport) is timed on an esbuild bundle of src at every size;
 * the custom functions ISBSH and SHNOR_STATUS over 40 000 rows, in plain V8 and through the built bundle in a vm whose
 * built-ins are bound (a vm's global lookups would inflate the figures), with numbers and with two thirds of the share
 * cells as Russian text; the sidebar's steps at 2 000 and 40 000 schools. Timings are medians of at least 5 runs with
 * their min–max.
 *
 * Prints readable tables (Russian, like everything the user sees) and, as the LAST line, one JSON object:
 * {"schools":[…],"sheetCalls":[…],"pipelineSeconds":[…],"cellsWritten":[…],"isbshRangeSeconds":…,
 *  "shnorRangeSeconds":…,"corePipelineSeconds":[…],"roundTrips":[…],"estimatedRealSeconds":[…],
 *  "roadmapStepRoundTrips":…,"roadmapStepEstimatedSeconds":…,"sidebarComputeEstimatedSeconds":[…],
 *  "readAndComputeSeconds40k":…,"isbshPlainSeconds":…,"shnorPlainSeconds":…}
 */
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildSync } from 'esbuild';
import { MAX_EXECUTION_MS, PUBLISHED_COSTS } from '../emulator/index';
import type { Twin } from '../emulator/twin';
import { ISBSH as plainIsbsh, SHNOR_STATUS as plainShnorStatus } from '../src/functions/customFunctions';
import type { readAndCompute as ReadAndCompute } from './lib/benchCore';
import { generateRegion, PROCEDURES, RESPONSE_HEADERS, RESULT_HEADERS, type GeneratedRegion } from './lib/syntheticRegion';
import { BUILD_DIR, RESPONSES_SHEET, seedTwin, sheetsServiceCalls, type Harness } from '../test/support/reliabilitySuites';

/** BENCH_SIZES=50,200,400 tries the bench quickly on small regions; the figures are for the default sizes. */
const SIZES: readonly number[] = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : [50, 2000, 40000];
const LARGEST = SIZES[SIZES.length - 1];
const MIDDLE = SIZES[1];
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

/** Median and range of repeated timings (ms). */
interface Timing {
  median: number;
  min: number;
  max: number;
  runs: number;
}

/**
 * The collector, when node runs with --expose-gc (npm run bench does): each execution on the platform starts with a
 * heap of its own, so a timed run should not pay for collecting the garbage of the run before it.
 */
const collectGarbage = (globalThis as { gc?: () => void }).gc;

function timeRuns(runs: number, fn: () => void): Timing {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    collectGarbage?.();
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)], min: ms[0], max: ms[ms.length - 1], runs };
}

const RUNS = 5;
const sec = (t: Timing) => `${ru(t.median / 1000, 3)} (${ru(t.min / 1000, 3)}–${ru(t.max / 1000, 3)})`;

// ------------------------------------------------------------------ the core on its esbuild bundle

/** src/ bundled by esbuild as the add-in is (scripts/lib/benchCore.ts: readers + computeReport), loaded as a module. */
function coreBundle(): typeof ReadAndCompute {
  const outfile = path.join(os.tmpdir(), `shnor-bench-core-${process.pid}.cjs`);
  buildSync({
    entryPoints: [path.join(import.meta.dirname, 'lib', 'benchCore.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'es2020',
    outfile,
    logLevel: 'error',
  });
  const req = createRequire(import.meta.url);
  return (req(outfile) as { readAndCompute: typeof ReadAndCompute }).readAndCompute;
}

interface CoreTiming {
  read: Timing;
  compute: Timing;
  total: Timing;
}

function timeCore(readAndCompute: typeof ReadAndCompute, region: GeneratedRegion): CoreTiming {
  const read: number[] = [];
  const compute: number[] = [];
  const total = timeRuns(RUNS, () => {
    const r = readAndCompute(region, RESPONSES_SHEET);
    read.push(r.readMs);
    compute.push(r.computeMs);
  });
  const asTiming = (xs: number[]): Timing => {
    const s = [...xs].sort((a, b) => a - b);
    return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1], runs: s.length };
  };
  return { read: asTiming(read), compute: asTiming(compute), total };
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
  roundTrips: number;
  estimatedSeconds: number;
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
  let message: string;
  try {
    addon.call('menuComputeAll');
    message = twin.ui.alerts
      .slice(alerts)
      .map((a) => a.message)
      .join(' / ');
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
    roundTrips: twin.lastExecution?.roundTrips ?? 0,
    estimatedSeconds: seconds(twin.lastExecution?.estimatedMs ?? 0),
    spreadsheetCells: totalCells(twin),
  };
}

/** Cells the input sheets would take at Sheets' default grid (at least 1000 rows × 26 columns each). */
function defaultGridCells(region: GeneratedRegion): number {
  return [region.responses, region.results, region.risks].reduce(
    (sum, rows) => sum + Math.max(1000, rows.length) * Math.max(26, rows[0].length),
    0,
  );
}

// ------------------------------------------------------------------ custom functions over 40 000 rows

/** Two cells in three written as Russian percent text («12,3 %»), as people type them; the third stays a number. */
function asRussianText(share: unknown, k: number): unknown {
  if (typeof share !== 'number' || k % 3 === 2) return share;
  return `${(share * 100).toFixed(1).replace('.', ',')} %`;
}

/** Failing shares per school (rows, in responses order) and procedure (the nine canonical columns) for one year; "" = no participants. */
function shareMatrix(region: GeneratedRegion, year: number, text: boolean): unknown[][] {
  const codeCol = RESPONSE_HEADERS.indexOf('Код ОО');
  const order = new Map(region.responses.slice(1).map((r, i) => [String(r[codeCol]), i]));
  const procIndex = new Map(PROCEDURES.map((p, i) => [p.name, i]));
  const matrix = region.responses.slice(1).map(() => PROCEDURES.map(() => '' as unknown));
  const [c, y, p, n, f] = ['Код ОО', 'Год', 'Процедура', 'Участников', 'Не преодолели порог'].map((h) =>
    RESULT_HEADERS.indexOf(h as never),
  );
  for (const r of region.results.slice(1)) {
    if (r[y] !== year) continue;
    const row = order.get(String(r[c]));
    const col = procIndex.get(String(r[p]));
    if (row === undefined || col === undefined || !(Number(r[n]) > 0)) continue;
    const share = Number(r[f]) / Number(r[n]);
    matrix[row][col] = text ? asRussianText(share, row + col) : share;
  }
  return matrix;
}

/** The five ISBSH inputs as shares of the school's students, one column each. */
function isbshColumns(region: GeneratedRegion, text: boolean): unknown[][][] {
  const R = (h: string) => RESPONSE_HEADERS.indexOf(h as never);
  const total = R('Общее количество обучающихся');
  const inputs = [
    'Количество обучающихся, оба родителя которых имеют высшее образование',
    'Количество обучающихся из семей, проживающих в благоустроенном жилье',
    'Количество обучающихся из неполных семей',
    'Количество обучающихся, состоящих на различных видах учёта',
    'Количество обучающихся, для которых русский язык не является родным',
  ].map(R);
  return inputs.map((col, k) =>
    region.responses.slice(1).map((r, i) => {
      const share = Number(r[total]) > 0 ? Number(r[col]) / Number(r[total]) : '';
      return [text ? asRussianText(share, i + k) : share];
    }),
  );
}

type CustomFunctions = { ISBSH: (...a: unknown[]) => unknown; SHNOR_STATUS: (...a: unknown[]) => unknown };

/**
 * build/Code.js in a vm context, wrapped in a function whose parameters bind the built-ins it uses: the code then finds
 * Math, Number, Map … as local names instead of looking each one up on the vm's global object, which V8 does through
 * the context's interceptor and which made earlier figures 3–4 times slower than the code itself.
 */
function bundledFunctions(): CustomFunctions {
  const code = readFileSync(path.join(BUILD_DIR, 'Code.js'), 'utf8');
  const builtins = [
    'Math',
    'Number',
    'String',
    'Array',
    'Object',
    'Map',
    'Set',
    'JSON',
    'RegExp',
    'Date',
    'Error',
    'TypeError',
    'RangeError',
    'isFinite',
    'isNaN',
    'parseFloat',
    'parseInt',
    'Symbol',
    'Boolean',
    'WeakMap',
  ];
  const context = vm.createContext({});
  const wrapped = `(function (${builtins.join(', ')}) {\n${code}\n;return { ISBSH: ISBSH, SHNOR_STATUS: SHNOR_STATUS };\n})(${builtins.join(', ')})`;
  return vm.runInContext(wrapped, context) as CustomFunctions;
}

interface CustomFunctionRun {
  timing: Timing;
  rows: number;
  errors: number;
}

function timeCustomFunction(fn: (...a: unknown[]) => unknown, args: unknown[]): CustomFunctionRun {
  let out: unknown[][] = [];
  const timing = timeRuns(RUNS, () => {
    out = fn(...args) as unknown[][];
  });
  const errors = out.filter((r) => typeof r[0] === 'string' && r[0].startsWith('#')).length;
  return { timing, rows: out.length, errors };
}

// ------------------------------------------------------------------ sidebar steps

interface SidebarStep {
  kind: string;
  label: string;
  simulatedSeconds: number;
  calls: number;
  roundTrips: number;
  estimatedSeconds: number;
  wallSeconds: number;
}

/**
 * A sidebar run as the sidebar drives it: with `useTimeLeft` each call does as many parts as fit its time budget (the
 * page passes it, src/ui/sidebar/runner.ts), so one row may cover several parts; without it, one part per call (used
 * for the figure of one roadmap step).
 */
function sidebarSteps(h: Harness, kind: string, maxSteps = Infinity, useTimeLeft = false): { steps: SidebarStep[]; error: string | null } {
  const steps: SidebarStep[] = [];
  const { addon, twin } = h;
  const record = (label: string, wallMs: number) => {
    const e = twin.lastExecution;
    steps.push({
      kind,
      label,
      simulatedSeconds: seconds(e?.elapsedMs ?? 0),
      calls: e?.calls ?? 0,
      roundTrips: e?.roundTrips ?? 0,
      estimatedSeconds: seconds(e?.estimatedMs ?? 0),
      wallSeconds: seconds(wallMs),
    });
  };
  let ticket: { runId: string; steps: string[] };
  let t = performance.now();
  try {
    ticket = addon.run('sidebarStartRun', kind, {});
  } catch (e) {
    return { steps, error: (e as Error).message };
  }
  record('Начало расчёта', performance.now() - t);
  for (let i = 0; i < Math.min(ticket.steps.length, maxSteps);) {
    t = performance.now();
    try {
      const r = addon.run('sidebarRunStep', ticket.runId, { useTimeLeft }) as { done: number; finished: boolean };
      const last = Math.max(i, r.done);
      record(
        last > i ? `${ticket.steps[i]} … ${ticket.steps[last]} (${last - i + 1} шагов за вызов)` : ticket.steps[i],
        performance.now() - t,
      );
      i = last + 1;
      if (r.finished) break;
    } catch (e) {
      record(`${ticket.steps[i]} — ОШИБКА`, performance.now() - t);
      return { steps, error: (e as Error).message };
    }
  }
  if (ticket.steps.length > maxSteps) addon.run('sidebarCancelRun', ticket.runId);
  return { steps, error: null };
}

const total = (steps: SidebarStep[], key: 'estimatedSeconds' | 'roundTrips') => steps.reduce((sum, s) => sum + s[key], 0);

// ------------------------------------------------------------------ main

function main(): void {
  const started = performance.now();
  const cpu = os.cpus();
  say('ШНОР-монитор: замеры масштаба (npm run bench)');
  say(
    `Машина: ${cpu[0]?.model ?? 'неизвестный процессор'}, ядер: ${cpu.length}, память: ${ru(os.totalmem() / 2 ** 30, 1)} ГБ, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; средняя загрузка за минуту: ${ru(os.loadavg()[0], 1)}.`,
  );
  const c = PUBLISHED_COSTS;
  say(
    `Оценка времени на настоящей платформе (emulator/costModel.ts, у каждой цифры — источник): проход к серверу с записью очереди ${ru(c.callMs.flushingRead)} мс, ` +
      `изменение листов ${ru(c.callMs.structural)} мс, запись в очередь ${ru(c.callMs.queuedWrite, 1)} мс, чтение без очереди ${ru(c.callMs.cachedRead, 1)} мс, ` +
      `${ru(c.cellWrittenMs, 2)} мс на записанную ячейку, ${ru(c.cellReadMs, 2)} мс на прочитанную.`,
  );
  say(
    'Входные листы каждой таблицы подогнаны под данные (строк и столбцов ровно столько, сколько занято). Время — медиана и разброс (мин–макс) из 5 запусков; перед каждым запуском память очищается (на платформе каждое выполнение начинается со своей памяти)' +
      (collectGarbage ? '.' : ' — здесь нет: node запущен без --expose-gc.'),
  );
  say();

  const readAndCompute = coreBundle();
  const runs: MenuRun[] = [];
  const cores: CoreTiming[] = [];
  let rerun40k: MenuRun | null = null;
  let region40k: GeneratedRegion | null = null;
  let gridNote = '';
  for (const schools of SIZES) {
    const region = generateRegion({ schools, seed: SEED });
    cores.push(timeCore(readAndCompute, region));
    const h = seedTwin(region, { fitToData: true });
    const run = menuCompute(h);
    runs.push(run);
    if (schools === LARGEST) {
      region40k = region;
      gridNote = `При стандартной сетке листов Sheets (не меньше 1000 × 26) одни входные листы на ${ru(schools)} школ заняли бы ${ru(defaultGridCells(region))} ячеек — больше предела в 10 000 000.`;
      if (run.outcome === 'готово') rerun40k = menuCompute(h);
    }
  }

  say('Полный расчёт «Рассчитать всё» в двойнике (собранная надстройка build/Code.js)');
  const row = (label: string, r: MenuRun): Array<string | number> => [
    label,
    r.outcome,
    r.sheetCalls,
    r.roundTrips,
    ru(r.cellsWritten),
    ru(r.wallSeconds, 2),
    ru(r.simulatedSeconds, 1),
    ru(r.estimatedSeconds, 1),
    ru(r.spreadsheetCells),
  ];
  const rows = runs.map((r, i) => row(ru(SIZES[i]), r));
  if (rerun40k) rows.push(row(`${ru(LARGEST)}, повторно (на месте)`, rerun40k));
  say(
    table(
      [
        'школ',
        'итог',
        'вызовов Sheets',
        'проходов к серверу',
        'ячеек записано',
        'время в двойнике, с',
        'по часам двойника, с',
        'оценка на платформе, с',
        'ячеек в таблице',
      ],
      rows,
    ),
  );
  for (const [i, r] of runs.entries()) if (r.outcome !== 'готово') say(`  ${ru(SIZES[i])} школ: ${r.message}`);
  if (rerun40k && rerun40k.outcome !== 'готово') say(`  ${ru(LARGEST)} школ, повторный расчёт: ${rerun40k.message}`);
  if (gridNote) say(`  ${gridNote}`);
  say();

  say('Ядро: чтение входных листов и computeReport (сборка esbuild), с — медиана (мин–макс)');
  say(
    table(
      ['школ', 'чтение', 'расчёт', 'чтение + расчёт'],
      cores.map((t, i) => [ru(SIZES[i]), sec(t.read), sec(t.compute), sec(t.total)]),
    ),
  );
  say();

  const year = region40k!.results.slice(1).reduce((m: number, r) => Math.max(m, Number(r[1])), 0);
  const bundled = bundledFunctions();
  const variants = [
    { label: 'числа', text: false },
    { label: '2/3 долей — русский текст', text: true },
  ];
  const cf: Array<{ name: string; where: string; inputs: string; run: CustomFunctionRun }> = [];
  for (const v of variants) {
    const isbshArgs = isbshColumns(region40k!, v.text);
    const shnorArgs = [shareMatrix(region40k!, year, v.text), shareMatrix(region40k!, year - 1, v.text)];
    cf.push({
      name: 'ISBSH',
      where: 'V8',
      inputs: v.label,
      run: timeCustomFunction(plainIsbsh as (...a: unknown[]) => unknown, isbshArgs),
    });
    cf.push({ name: 'ISBSH', where: 'сборка в vm', inputs: v.label, run: timeCustomFunction(bundled.ISBSH, isbshArgs) });
    cf.push({
      name: 'SHNOR_STATUS',
      where: 'V8',
      inputs: v.label,
      run: timeCustomFunction(plainShnorStatus as (...a: unknown[]) => unknown, shnorArgs),
    });
    cf.push({ name: 'SHNOR_STATUS', where: 'сборка в vm', inputs: v.label, run: timeCustomFunction(bundled.SHNOR_STATUS, shnorArgs) });
  }
  say(
    `Пользовательские функции: один вызов на ${ru(LARGEST)} строк (предел Sheets — ${CUSTOM_FUNCTION_LIMIT_S} с), с — медиана (мин–макс)`,
  );
  say(
    table(
      ['функция', 'где', 'значения', 'строк', 'строк с ошибкой', 'время, с', 'доля предела'],
      cf.map((x) => [
        x.name,
        x.where,
        x.inputs,
        ru(x.run.rows),
        x.run.errors,
        sec(x.run.timing),
        `${ru((100 * x.run.timing.median) / 1000 / CUSTOM_FUNCTION_LIMIT_S, 1)} %`,
      ]),
    ),
  );
  say();

  const pick = (name: string, where: string, text: boolean) =>
    cf.find((x) => x.name === name && x.where === where && x.inputs === (text ? variants[1].label : variants[0].label))!.run.timing.median /
    1000;

  const sidebar: Array<{ schools: number; compute: SidebarStep[]; roadmaps: SidebarStep[]; errors: string[] }> = [];
  for (const schools of SIZES) {
    const region = schools === LARGEST ? region40k! : generateRegion({ schools, seed: SEED });
    // The page's time budget runs on the twin's clock, as it would on the platform's, not on this machine's faster one.
    const h = seedTwin(region, { fitToData: true, load: { dateFollowsClock: true } });
    const compute = sidebarSteps(h, 'compute', Infinity, true);
    // Roadmaps: the reference sheets and the first step of up to 20 schools (a region of 40 000 has thousands of ШНОР).
    const roadmaps = sidebarSteps(h, 'roadmaps', 2);
    sidebar.push({
      schools,
      compute: compute.steps,
      roadmaps: roadmaps.steps,
      errors: [compute.error, roadmaps.error].filter((e): e is string => e !== null),
    });
  }
  for (const s of sidebar.filter((x) => x.schools >= MIDDLE)) {
    say(`Шаги боковой панели на ${ru(s.schools)} школ (предел одного выполнения Apps Script — ${EXECUTION_LIMIT_S} с)`);
    say(
      table(
        ['шаг', 'вызовов', 'проходов к серверу', 'по часам двойника, с', 'оценка на платформе, с', 'время в двойнике, с'],
        [...s.compute, ...s.roadmaps].map((st) => [
          `${st.kind === 'compute' ? 'Расчёт' : 'Дорожные карты'}: ${st.label}`,
          st.calls,
          st.roundTrips,
          ru(st.simulatedSeconds, 1),
          ru(st.estimatedSeconds, 1),
          ru(st.wallSeconds, 2),
        ]),
      ),
    );
    say(
      `  Весь расчёт из боковой панели: оценка ${ru(total(s.compute, 'estimatedSeconds'), 1)} с против ${ru(runs[SIZES.indexOf(s.schools)].estimatedSeconds, 1)} с из меню.`,
    );
    for (const e of s.errors) say(`  Остановлено: ${e}`);
    say();
  }
  say(`Время замеров: ${ru(seconds(performance.now() - started), 1)} с.`);

  const roadmapStep = sidebar.find((s) => s.schools === MIDDLE)!.roadmaps.find((st) => st.label.startsWith('Дорожные карты'));
  const figures = {
    schools: [...SIZES],
    sheetCalls: runs.map((r) => r.sheetCalls),
    pipelineSeconds: runs.map((r) => round(r.wallSeconds)),
    cellsWritten: runs.map((r) => (r.outcome === 'отказ' ? 0 : r.cellsWritten)),
    isbshRangeSeconds: round(pick('ISBSH', 'сборка в vm', false)),
    shnorRangeSeconds: round(pick('SHNOR_STATUS', 'сборка в vm', false)),
    corePipelineSeconds: cores.map((t) => round(t.total.median / 1000)),
    roundTrips: runs.map((r) => r.roundTrips),
    estimatedRealSeconds: runs.map((r) => round(r.estimatedSeconds, 1)),
    roadmapStepRoundTrips: roadmapStep?.roundTrips ?? null,
    roadmapStepEstimatedSeconds: roadmapStep ? round(roadmapStep.estimatedSeconds, 1) : null,
    sidebarComputeEstimatedSeconds: sidebar.map((s) => round(total(s.compute, 'estimatedSeconds'), 1)),
    readAndComputeSeconds40k: round(cores[cores.length - 1].total.median / 1000),
    isbshPlainSeconds: round(pick('ISBSH', 'V8', true)),
    shnorPlainSeconds: round(pick('SHNOR_STATUS', 'V8', true)),
  };
  say(JSON.stringify(figures));
}

main();
