/**
 * `npm run demo` — runs the built add-in (build/Code.js) in the local Apps Script twin on the
 * bundled sample region, or on the user's own files, through the add-in's own menu actions, then
 * writes the whole spreadsheet as out/report.xlsx and out/report.html.
 *
 *   npm run demo
 *   npm run demo -- --responses ответы.csv --results результаты.xlsx [--risks риски.csv] [--groups группы.csv] [--year 2025] [--out папка]
 *
 * A problem the user can fix (a missing or unreadable file, a required column the add-in cannot
 * find) ends with a Russian message on stderr and exit code 1; data problems inside the files are
 * listed on «Проверка данных», as in Google Sheets, and are not errors.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createTwin, loadAddon, type LoadedAddon } from '../emulator/load';
import type { Twin } from '../emulator/twin';
import type { RunKind, RunSummary, SaveResult, SidebarState } from '../src/ui/contract';
import { SHEET_NAMES } from '../src/sheets/names';
import { exportHtml } from './lib/exportHtml';
import { exportXlsx } from './lib/exportXlsx';
import { InputFileError } from './lib/readUserFiles';
import { seedFiles, seedSample } from './lib/seed';
import { snapshotSpreadsheet } from './lib/snapshot';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BUILD_DIR = path.join(ROOT, 'build');

/** A problem the user can fix; its message is Russian and is printed as it is. */
export class DemoError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DemoError';
  }
}

export interface DemoOptions {
  responses?: string;
  results?: string;
  risks?: string;
  groups?: string;
  year?: number;
  /** Folder for report.xlsx and report.html. */
  out: string;
  buildDir?: string;
  /** Progress and summary lines (default: stdout). */
  log?: (line: string) => void;
  /** Date the report is made (default: now). */
  now?: Date;
}

export interface DemoResult {
  twin: Twin;
  compute: RunSummary | null;
  check: RunSummary | null;
  roadmaps: number;
  xlsx: string;
  html: string;
  summary: string[];
}

const USAGE = `Использование:
  npm run demo                              пример региона из samples/
  npm run demo -- --responses ФАЙЛ --results ФАЙЛ [--risks ФАЙЛ] [--groups ФАЙЛ] [--year ГГГГ] [--out ПАПКА]

  --responses  ответы формы «Социальный паспорт школы» (CSV из Google Таблиц или XLSX)
  --results    результаты оценочных процедур (лист «Результаты ОП»: CSV или XLSX)
  --risks      самодиагностика рисков (лист «Риски», необязательно)
  --groups     группы школ (лист «Группы»: Код ОО | Группа, необязательно)
  --year       отчётный год (по умолчанию — последний год в данных)
  --out        папка для report.xlsx и report.html (по умолчанию out)`;

/** Command-line arguments → options; throws DemoError with a Russian message for anything wrong. */
export function parseCli(argv: string[]): DemoOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        responses: { type: 'string' },
        results: { type: 'string' },
        risks: { type: 'string' },
        groups: { type: 'string' },
        year: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const option = /'(-{1,2}[^' ]+)/.exec(raw)?.[1];
    throw new DemoError(`${option ? `Неизвестный или неполный параметр ${option}.` : 'Неверные параметры запуска.'}\n\n${USAGE}`);
  }
  const v = parsed.values;
  if (v.help) return 'help';
  if ((v.responses === undefined) !== (v.results === undefined)) {
    throw new DemoError(`Для запуска на своих файлах нужны оба параметра: --responses и --results.\n\n${USAGE}`);
  }
  if (v.risks !== undefined && v.responses === undefined) {
    throw new DemoError(`--risks используется вместе с --responses и --results.\n\n${USAGE}`);
  }
  if (v.groups !== undefined && v.responses === undefined) {
    throw new DemoError(`--groups используется вместе с --responses и --results.\n\n${USAGE}`);
  }
  let year: number | undefined;
  if (v.year !== undefined) {
    if (!/^\d{4}$/.test(v.year.trim())) throw new DemoError(`--year: нужен год из четырёх цифр, например 2025; получено «${v.year}».`);
    year = Number(v.year.trim());
  }
  return { responses: v.responses, results: v.results, risks: v.risks, groups: v.groups, year, out: path.resolve(v.out ?? 'out') };
}

/** Russian plural: 1 проблема, 2 проблемы, 5 проблем. */
export function plural(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  const word = mod10 === 1 && mod100 !== 11 ? one : mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14) ? few : many;
  return `${n} ${word}`;
}

function lastAlert(twin: Twin, since: number): string {
  const alerts = twin.ui.alerts.slice(since);
  return alerts.length ? alerts[alerts.length - 1].message : '';
}

function lastSummary(addon: LoadedAddon): RunSummary | null {
  return (addon.run('sidebarState') as SidebarState).lastSummary;
}

/**
 * Runs a menu action as a user's click would and returns the run's summary. The add-in reports every outcome in an
 * alert; a run that did not finish (no new summary of its kind) failed, and its alert says why.
 */
function runMenu(twin: Twin, addon: LoadedAddon, fn: string, kind: RunKind): { summary: RunSummary | null; alert: string } {
  const before = lastSummary(addon);
  const since = twin.ui.alerts.length;
  addon.call(fn);
  const after = lastSummary(addon);
  const alert = lastAlert(twin, since);
  const finished = after !== null && after.kind === kind && after.finishedAt !== before?.finishedAt;
  return { summary: finished ? after : null, alert };
}

function step(log: (line: string) => void, label: string, result: string): void {
  log(`${label}… ${result}`);
}

/** Removes the empty «Лист1» a new spreadsheet starts with: a spreadsheet created by a Form has only its responses sheet. */
function dropEmptyFirstSheet(twin: Twin): void {
  const ss = twin.spreadsheet;
  const first = ss.getSheets()[0];
  if (ss.getSheets().length > 1 && first && /^(Лист1|Sheet1)$/.test(first.getName()) && first.getLastRow() === 0) ss.deleteSheet(first);
}

/** The whole run: seed, the add-in's menu actions in order, the summary, the two report files. */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const buildDir = options.buildDir ?? BUILD_DIR;
  if (!existsSync(path.join(buildDir, 'Code.js'))) {
    throw new DemoError(`Нет собранного дополнения ${path.join(buildDir, 'Code.js')}. Запустите «npm run demo» (он собирает сам) или «npm run build».`);
  }
  const twin = createTwin({ buildDir });
  if (options.responses && options.results) {
    await seedFiles(twin, { responses: options.responses, results: options.results, risks: options.risks, groups: options.groups });
    log(`Загружены файлы: ${[options.responses, options.results, options.risks, options.groups].filter(Boolean).join(', ')}`);
  } else {
    seedSample(twin);
    log('Загружен пример региона (samples/): ответы формы, «Результаты ОП», «Риски».');
  }
  dropEmptyFirstSheet(twin);
  const addon = loadAddon(twin, { buildDir });

  addon.call('onOpen', { authMode: 'FULL' });
  const menu = twin.ui.menu();
  const items = menu ? menu.items.filter((i) => 'functionName' in i).length : 0;
  if (!menu) throw new DemoError('Дополнение не добавило меню «ШНОР-монитор» при открытии таблицы.');
  step(log, 'Открытие таблицы', `готово: меню «ШНОР-монитор», ${plural(items, 'пункт', 'пункта', 'пунктов')}`);

  if (options.year !== undefined) {
    const state = addon.run('sidebarState') as SidebarState;
    const saved = addon.run('sidebarSaveSettings', { ...state.settings, reportingYear: options.year }) as SaveResult;
    if (!saved.ok) throw new DemoError(`Отчётный год не принят:\n${saved.problems.join('\n')}`);
    step(log, 'Настройки', `готово: отчётный год ${options.year}`);
    if (state.years.length && !state.years.includes(options.year)) {
      log(`Внимание: в «${SHEET_NAMES.results}» нет результатов за ${options.year} год (есть: ${state.years.join(', ')}).`);
    }
  }

  const sinceTemplates = twin.ui.alerts.length;
  addon.call('menuCreateTemplates');
  const templatesAlert = lastAlert(twin, sinceTemplates);
  if (!twin.hasSheet(SHEET_NAMES.results)) throw new DemoError(templatesAlert || 'Шаблоны листов не созданы.');
  step(log, 'Шаблоны листов', `готово. ${templatesAlert.replace(/\n/g, ' ')}`);

  const check = runMenu(twin, addon, 'menuCheckData', 'check');
  if (!check.summary) throw new DemoError(check.alert || 'Проверка данных не завершилась.');
  step(log, 'Проверка данных', `готово: ${plural(check.summary.problems, 'проблема', 'проблемы', 'проблем')}`);

  const compute = runMenu(twin, addon, 'menuComputeAll', 'compute');
  if (!compute.summary) throw new DemoError(compute.alert || 'Расчёт не завершился.');
  const c = compute.summary;
  step(
    log,
    'Расчёт',
    `готово: ${c.year ?? '—'} год, ${plural(c.schoolsRead, 'школа', 'школы', 'школ')}, ШНОР — ${c.shnor}, в зоне риска по ИСБШ — ${c.riskZone}, приоритетных адресатов — ${c.priority}`,
  );

  let roadmaps = 0;
  const maps = runMenu(twin, addon, 'menuRoadmaps', 'roadmaps');
  if (maps.summary) {
    roadmaps = maps.summary.roadmaps;
    step(log, 'Дорожные карты', `готово: ${plural(roadmaps, 'карта', 'карты', 'карт')}`);
  } else if (c.shnor === 0) {
    step(log, 'Дорожные карты', 'не нужны: нет школ со статусом ШНОР');
  } else {
    throw new DemoError(maps.alert || 'Дорожные карты не сформированы.');
  }

  const monitoring = runMenu(twin, addon, 'menuMonitoring', 'monitoring');
  if (!monitoring.summary) throw new DemoError(monitoring.alert || 'Мониторинг дорожных карт не обновлён.');
  roadmaps = monitoring.summary.roadmaps;
  step(log, 'Мониторинг ДК', `готово: ${plural(roadmaps, 'дорожная карта', 'дорожные карты', 'дорожных карт')}`);

  const summary = [
    `Отчётный год: ${c.year ?? '—'}`,
    `Прочитано школ: ${c.schoolsRead}`,
    `Проблем в данных: ${check.summary.problems} (лист «${SHEET_NAMES.dataCheck}»)`,
    `ШНОР: ${c.shnor}`,
    `В зоне риска по ИСБШ: ${c.riskZone}`,
    `Приоритетных адресатов поддержки (ШНОР в зоне риска): ${c.priority}`,
    `Дорожных карт: ${roadmaps}`,
  ];
  log('');
  log('Итог:');
  for (const line of summary) log(`  ${line}`);

  mkdirSync(options.out, { recursive: true });
  const snapshot = snapshotSpreadsheet(twin.spreadsheet);
  const xlsx = path.join(options.out, 'report.xlsx');
  const html = path.join(options.out, 'report.html');
  await exportXlsx(snapshot, xlsx);
  await exportHtml(snapshot, html, { generatedAt: options.now ?? new Date(), summary });
  log('');
  log(`Отчёт (${plural(snapshot.sheets.length, 'лист', 'листа', 'листов')}):`);
  log(`  ${xlsx}`);
  log(`  ${html}`);
  return { twin, compute: c, check: check.summary, roadmaps, xlsx, html, summary };
}

/** The command line: 0 when the report is written, 1 for a problem the user can fix, 2 for anything else. */
export async function main(argv: string[]): Promise<number> {
  try {
    const options = parseCli(argv);
    if (options === 'help') {
      console.log(USAGE);
      return 0;
    }
    await runDemo(options);
    return 0;
  } catch (error) {
    if (error instanceof DemoError || error instanceof InputFileError) {
      console.error(`Ошибка: ${error.message}`);
      return 1;
    }
    console.error('Внутренняя ошибка демонстрационного запуска:', error instanceof Error ? (error.stack ?? error.message) : String(error));
    return 2;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
