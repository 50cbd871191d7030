/**
 * `npm run demo` — the local runner: the built add-in (build/Code.js) in the local Apps Script twin, on the
 * bundled sample region or on the user's own files, through the add-in's own menu actions and sidebar
 * endpoints (long runs go step by step as in the sidebar, so there is no limit on the number of roadmaps),
 * then the whole spreadsheet as out/report.xlsx and out/report.html.
 *
 *   npm run demo
 *   npm run demo -- --responses ответы.csv --results результаты.xlsx [--risks риски.csv] [--groups группы.csv]
 *                   [--map соответствие.json] [--settings настройки.json] [--year 2025] [--out папка]
 *
 * Progress goes to stderr, the summary to stdout. Exit code: 0 — report written from every input; 3 — report
 * written, but an input sheet or file was ignored or no school was read (each named on stderr); 1 — a problem
 * the user can fix, no report (a missing or unreadable file, a required column not found); 2 — an internal
 * error. Data problems inside the files are listed on «Проверка данных», pointing at the user's file, sheet and
 * row, and are not errors.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createTwin, loadAddon, type LoadedAddon } from '../emulator/load';
import type { Twin } from '../emulator/twin';
import type { RunKind, RunOptions, RunSummary, RunTicket, SaveResult, SidebarState, StepResult } from '../src/ui/contract';
import { SETTING_LABELS, type Settings } from '../src/core/settings';
import { FIELDS, fieldSpec, type FieldId } from '../src/sheets/fields';
import { SHEET_NAMES } from '../src/sheets/names';
import { exportHtml } from './lib/exportHtml';
import { exportXlsx } from './lib/exportXlsx';
import { INPUT_FLAGS, inputFileSpecs } from './lib/inputFiles';
import type { SkippedTable } from './lib/inputTables';
import { pointProblemsToFiles } from './lib/problemOrigins';
import { InputFileError, tableLabel } from './lib/readUserFiles';
import { columnNamed, problemCore, type FieldChoices } from './lib/recognise';
import { seedFiles, seedSample, type SeedReport, type UserFiles } from './lib/seed';
import { snapshotSpreadsheet } from './lib/snapshot';
import { decodeText } from './lib/textEncoding';

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
  /** The user's input files by flag (inputFiles.ts): responses, results, risks …; none = the bundled sample. */
  files?: UserFiles;
  /** --map: the Form's fields → the header of their column. */
  map?: FieldChoices;
  /** --settings: settings keys of src/core/settings.ts (validated by the add-in when saved). */
  settings?: Partial<Settings>;
  year?: number;
  /** Folder for report.xlsx and report.html. */
  out: string;
  buildDir?: string;
  /** Summary lines (default: stdout). */
  log?: (line: string) => void;
  /** Progress lines of a long run (default: stderr). */
  progress?: (line: string) => void;
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
  seeded: SeedReport | null;
  /** Why the run is incomplete (ignored inputs, no school read); empty when it is complete. */
  incomplete: string[];
}

const fileOptionLines = inputFileSpecs()
  .map((s) => `  --${s.flag.padEnd(11)}${s.role}${s.required ? '' : ' (необязательно)'}: CSV, TSV, TXT или XLSX`)
  .join('\n');

const USAGE = `Использование:
  npm run demo                              пример региона из samples/
  npm run demo -- --responses ФАЙЛ --results ФАЙЛ [--risks ФАЙЛ] [--map ФАЙЛ.json] [--settings ФАЙЛ.json] [--year ГГГГ] [--out ПАПКА]

${fileOptionLines}
  --map        соответствие столбцов ответов формы: JSON {"поле": "заголовок столбца"}, поле — код
               (schoolCode, name, municipality, territory …) или название («Код ОО»); null — столбца нет
  --settings   настройки региона: JSON с ключами настроек (shnorThreshold, riskZoneShare, isbshLevelBounds …)
  --year       отчётный год (по умолчанию — последний год в данных)
  --out        папка для report.xlsx и report.html (по умолчанию out)

Код завершения: 0 — отчёт записан; 1 — отчёт не записан (причина на экране); 3 — отчёт записан,
но часть входных данных не прочитана (какая — на экране); 2 — внутренняя ошибка.`;

function readJson(file: string, option: string): unknown {
  if (!existsSync(file)) throw new DemoError(`${option}: файл не найден: ${file}`);
  const { text } = decodeText(readFileSync(file));
  try {
    return JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DemoError(`${option}: файл ${file} не читается как JSON: ${reason}.`);
  }
}

/** --map file → the Form's fields and their headers; keys are field ids or their Russian labels (any case). */
export function readMapFile(file: string): FieldChoices {
  const data = readJson(file, '--map');
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new DemoError(`--map: в файле ${file} нужен объект JSON {"поле": "заголовок столбца"}, например {"schoolCode": "Логин ОО"}.`);
  }
  const byName = new Map<string, FieldId>();
  for (const f of FIELDS) {
    byName.set(f.id.toLowerCase(), f.id);
    byName.set(f.label.toLowerCase().replace(/ё/g, 'е'), f.id);
  }
  const choices: FieldChoices = {};
  const problems: string[] = [];
  for (const [key, header] of Object.entries(data as Record<string, unknown>)) {
    const id = byName.get(key.trim().toLowerCase().replace(/ё/g, 'е'));
    if (!id) problems.push(`неизвестное поле «${key}»`);
    else if (header !== null && (typeof header !== 'string' || !header.trim()))
      problems.push(`поле «${key}»: нужен заголовок столбца (текст) или null, получено ${JSON.stringify(header)}`);
    else choices[id] = header as string | null;
  }
  if (problems.length) {
    const known = FIELDS.filter((f) => f.id !== 'timestamp')
      .map((f) => `${f.id} («${f.label}»)`)
      .join(', ');
    throw new DemoError(`--map: в файле ${file}: ${problems.join('; ')}.\nПоля: ${known}.`);
  }
  return choices;
}

/** --settings file → settings; unknown keys are refused here, values by the add-in's own validation when saved. */
export function readSettingsFile(file: string): Partial<Settings> {
  const data = readJson(file, '--settings');
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new DemoError(`--settings: в файле ${file} нужен объект JSON с настройками, например {"shnorThreshold": 0.25}.`);
  }
  const unknown = Object.keys(data).filter((k) => !(k in SETTING_LABELS));
  if (unknown.length) {
    const known = (Object.keys(SETTING_LABELS) as Array<keyof Settings>).map((k) => `  ${k} — ${SETTING_LABELS[k]}`).join('\n');
    throw new DemoError(
      `--settings: в файле ${file} неизвестные настройки: ${unknown.map((k) => `«${k}»`).join(', ')}.\nНастройки:\n${known}`,
    );
  }
  return data as Partial<Settings>;
}

/** Command-line arguments → options; throws DemoError with a Russian message for anything wrong. */
export function parseCli(argv: string[]): DemoOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        ...Object.fromEntries(INPUT_FLAGS.map((flag) => [flag, { type: 'string' as const }])),
        map: { type: 'string' },
        settings: { type: 'string' },
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
  const v = parsed.values as Record<string, string | boolean | undefined>;
  if (v.help) return 'help';
  const specs = inputFileSpecs();
  const files: UserFiles = {};
  for (const spec of specs) if (typeof v[spec.flag] === 'string') files[spec.flag] = v[spec.flag] as string;
  const given = Object.keys(files);
  const required = specs.filter((s) => s.required).map((s) => s.flag);
  if (given.length && required.some((f) => !files[f])) {
    if (given.every((f) => required.includes(f))) {
      throw new DemoError(`Для запуска на своих файлах нужны оба параметра: ${required.map((f) => `--${f}`).join(' и ')}.\n\n${USAGE}`);
    }
    throw new DemoError(
      `${given
        .filter((f) => !required.includes(f))
        .map((f) => `--${f}`)
        .join(', ')} используется вместе с ${required.map((f) => `--${f}`).join(' и ')}.\n\n${USAGE}`,
    );
  }
  if (v.map !== undefined && !given.length) {
    throw new DemoError(`--map используется вместе с ${required.map((f) => `--${f}`).join(' и ')}.\n\n${USAGE}`);
  }
  if (v.groups !== undefined && v.responses === undefined) {
    throw new DemoError(`--groups используется вместе с --responses и --results.\n\n${USAGE}`);
  }
  let year: number | undefined;
  if (typeof v.year === 'string') {
    if (!/^\d{4}$/.test(v.year.trim())) throw new DemoError(`--year: нужен год из четырёх цифр, например 2025; получено «${v.year}».`);
    year = Number(v.year.trim());
  }
  return {
    files: given.length ? files : undefined,
    map: typeof v.map === 'string' ? readMapFile(v.map) : undefined,
    settings: typeof v.settings === 'string' ? readSettingsFile(v.settings) : undefined,
    year,
    out: path.resolve(typeof v.out === 'string' ? v.out : 'out'),
  };
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

/** The Russian message of an error thrown by a sidebar endpoint (it comes from the add-in's own realm, so no instanceof). */
function endpointMessage(error: unknown): string {
  return error && typeof error === 'object' && 'message' in error ? String((error as { message: unknown }).message) : String(error);
}

/**
 * Runs one kind of run through the sidebar's own endpoints, step by step as the sidebar does (so a run of any size
 * goes in the add-in's batches, e.g. 20 roadmaps a step, and the menu's limit for one execution does not apply),
 * printing each step. A step's failure is the add-in's Russian message.
 */
function runSteps(addon: LoadedAddon, kind: RunKind, progress: (line: string) => void, options: RunOptions = {}): RunSummary {
  try {
    const ticket = addon.run('sidebarStartRun', kind, options) as RunTicket;
    for (;;) {
      const step = addon.run('sidebarRunStep', ticket.runId) as StepResult;
      if (step.total > 1) progress(`  ${step.done + 1}/${step.total} ${ticket.steps[step.done]}`);
      if (step.finished) return step.summary!;
    }
  } catch (error) {
    throw new DemoError(endpointMessage(error));
  }
}

function step(progress: (line: string) => void, label: string, result: string): void {
  progress(`${label}… ${result}`);
}

/** Removes the empty «Лист1» a new spreadsheet starts with: a spreadsheet created by a Form has only its responses sheet. */
function dropEmptyFirstSheet(twin: Twin): void {
  const ss = twin.spreadsheet;
  const first = ss.getSheets()[0];
  if (ss.getSheets().length > 1 && first && /^(Лист1|Sheet1)$/.test(first.getName()) && first.getLastRow() === 0) ss.deleteSheet(first);
}

/** Saves --map through the sidebar's own endpoint: each chosen header → its column of the responses sheet. */
function saveMapping(addon: LoadedAddon, seeded: SeedReport, choices: FieldChoices): string[] {
  const responses = seeded.inputs.find((i) => i.spec.formResponses);
  if (!responses) return [];
  const headers = (responses.located.rows[0] ?? []).map((h) => String(h));
  const columns: Record<string, number | null> = {};
  const problems: string[] = [];
  for (const [field, header] of Object.entries(choices) as Array<[FieldId, string | null]>) {
    if (header === null) {
      columns[field] = null;
      continue;
    }
    const column = columnNamed(headers, header);
    if (column < 0) problems.push(`поле «${fieldSpec(field).label}»: столбца «${header}» нет`);
    else columns[field] = column;
  }
  const label = tableLabel(responses.located.used[0]);
  if (problems.length) {
    throw new DemoError(
      `--map: ${problems.join('; ')} в ${label}. Есть столбцы: ${headers
        .filter((h) => h.trim())
        .map((h) => `«${h}»`)
        .join(', ')}.`,
    );
  }
  const saved = addon.run('sidebarSaveMapping', responses.spec.sheet, columns) as SaveResult;
  if (!saved.ok) throw new DemoError(`--map не принято:\n${saved.problems.join('\n')}`);
  return Object.entries(choices).map(
    ([field, header]) => `${fieldSpec(field as FieldId).label} — ${header === null ? 'нет столбца' : `«${header}»`}`,
  );
}

/** What an ignored table is called in the runner's messages: the file or sheet and why. */
function ignoredLine(s: SkippedTable): string {
  return `${s.label}: не прочитан — ${problemCore(s.problem)}`;
}

/** The whole run: seed, the add-in's actions in order, the summary, the two report files. */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const progress = options.progress ?? ((line: string) => process.stderr.write(line + '\n'));
  const buildDir = options.buildDir ?? BUILD_DIR;
  if (!existsSync(path.join(buildDir, 'Code.js'))) {
    throw new DemoError(
      `Нет собранного дополнения ${path.join(buildDir, 'Code.js')}. Запустите «npm run demo» (он собирает сам) или «npm run build».`,
    );
  }
  const twin = createTwin({ buildDir });
  let seeded: SeedReport | null = null;
  const incomplete: string[] = [];
  if (options.files) {
    seeded = await seedFiles(twin, options.files, options.map ?? {});
    for (const input of seeded.inputs) {
      const rows = input.located.rows.length - 1;
      const formats = input.located.used.map((t) => (t.format ? `${tableLabel(t)} (${t.format})` : tableLabel(t)));
      progress(
        `Прочитано (${input.spec.role}): ${formats.join(', ')} — ${plural(rows, 'строка', 'строки', 'строк')} → лист «${input.spec.sheet}»`,
      );
      for (const note of input.located.notes) progress(`  ${note}`);
    }
    for (const s of seeded.passedOver) progress(`Пропущен лист без таблицы: ${s.label}`);
    for (const s of seeded.ignored) incomplete.push(ignoredLine(s));
  } else {
    seedSample(twin);
    progress('Загружен пример региона (samples/): ответы формы, «Результаты ОП», «Риски».');
  }
  dropEmptyFirstSheet(twin);
  const addon = loadAddon(twin, { buildDir });

  addon.call('onOpen', { authMode: 'FULL' });
  const menu = twin.ui.menu();
  const items = menu ? menu.items.filter((i) => 'functionName' in i).length : 0;
  if (!menu) throw new DemoError('Дополнение не добавило меню «ШНОР-монитор» при открытии таблицы.');
  step(progress, 'Открытие таблицы', `готово: меню «ШНОР-монитор», ${plural(items, 'пункт', 'пункта', 'пунктов')}`);

  if (seeded && options.map && Object.keys(options.map).length) {
    step(progress, 'Соответствие столбцов (--map)', `готово: ${saveMapping(addon, seeded, options.map).join('; ')}`);
  }

  if (options.settings || options.year !== undefined) {
    const state = addon.run('sidebarState') as SidebarState;
    const wanted = {
      ...state.settings,
      ...(options.settings ?? {}),
      ...(options.year !== undefined ? { reportingYear: options.year } : {}),
    };
    const saved = addon.run('sidebarSaveSettings', wanted) as SaveResult;
    if (!saved.ok)
      throw new DemoError(`${options.settings ? 'Настройки (--settings)' : 'Отчётный год'} не приняты:\n${saved.problems.join('\n')}`);
    const changed = Object.keys(options.settings ?? {}).length;
    step(
      progress,
      'Настройки',
      `готово: ${[changed ? `изменено настроек — ${changed}` : '', options.year !== undefined ? `отчётный год ${options.year}` : ''].filter(Boolean).join(', ')}`,
    );
    if (options.year !== undefined && state.years.length && !state.years.includes(options.year)) {
      progress(`Внимание: в «${SHEET_NAMES.results}» нет результатов за ${options.year} год (есть: ${state.years.join(', ')}).`);
    }
  }

  const sinceTemplates = twin.ui.alerts.length;
  addon.call('menuCreateTemplates');
  const templatesAlert = lastAlert(twin, sinceTemplates);
  if (!twin.hasSheet(SHEET_NAMES.results)) throw new DemoError(templatesAlert || 'Шаблоны листов не созданы.');
  step(progress, 'Шаблоны листов', `готово. ${templatesAlert.replace(/\n/g, ' ')}`);

  const check = runSteps(addon, 'check', progress);
  step(progress, 'Проверка данных', `готово: ${plural(check.problems, 'проблема', 'проблемы', 'проблем')}`);

  const c = runSteps(addon, 'compute', progress);
  step(
    progress,
    'Расчёт',
    `готово: ${c.year ?? '—'} год, ${plural(c.schoolsRead, 'школа', 'школы', 'школ')}, ШНОР — ${c.shnor}, в зоне риска по ИСБШ — ${c.riskZone}, приоритетных адресатов — ${c.priority}`,
  );
  if (c.schoolsRead === 0) incomplete.push(`не прочитано ни одной школы: причины — на листе «${SHEET_NAMES.dataCheck}» отчёта`);

  if (c.shnor > 0) {
    const built = runSteps(addon, 'roadmaps', progress).roadmaps;
    step(progress, 'Дорожные карты', `готово: ${plural(built, 'карта', 'карты', 'карт')}`);
  } else {
    step(progress, 'Дорожные карты', 'не нужны: нет школ со статусом ШНОР');
  }

  const roadmaps = runSteps(addon, 'monitoring', progress).roadmaps;
  step(progress, 'Мониторинг ДК', `готово: ${plural(roadmaps, 'дорожная карта', 'дорожные карты', 'дорожных карт')}`);

  if (seeded) pointProblemsToFiles(twin.spreadsheet, new Map(seeded.inputs.map((i) => [i.spec.sheet, i.located.origins])));

  const summary = [
    `Отчётный год: ${c.year ?? '—'}`,
    `Прочитано школ: ${c.schoolsRead}`,
    `Проблем в данных: ${check.problems} (лист «${SHEET_NAMES.dataCheck}»)`,
    `ШНОР: ${c.shnor}`,
    ...(c.incomplete > 0 ? [`Статус не определён из-за неполных данных: ${c.incomplete} (см. «Основание» на листе «ШНОР»)`] : []),
    `В зоне риска по ИСБШ: ${c.riskZone}`,
    `Приоритетных адресатов поддержки (ШНОР в зоне риска): ${c.priority}`,
    `Дорожных карт: ${roadmaps}`,
  ];
  log('');
  log('Итог:');
  for (const line of summary) log(`  ${line}`);

  mkdirSync(options.out, { recursive: true });
  progress('Запись отчёта (report.xlsx, report.html)');
  const snapshot = snapshotSpreadsheet(twin.spreadsheet);
  const xlsx = path.join(options.out, 'report.xlsx');
  const html = path.join(options.out, 'report.html');
  const renamed = await exportXlsx(snapshot, xlsx);
  await exportHtml(snapshot, html, { generatedAt: options.now ?? new Date(), summary });
  log('');
  log(`Отчёт (${plural(snapshot.sheets.length, 'лист', 'листа', 'листов')}):`);
  log(`  ${xlsx}`);
  if (renamed.length)
    log(
      `    В файле Excel ${renamed.length === 1 ? 'лист назван' : 'листы названы'} иначе: Excel не допускает в названии листа больше 31 символа ` +
        `и знаков * ? : \\ / [ ] — ${renamed.map((r) => `«${r.sheet}» → «${r.excel}»`).join('; ')}.`,
    );
  log(`  ${html}`);
  return { twin, compute: c, check, roadmaps, xlsx, html, summary, seeded, incomplete };
}

/** The command line: 0 when the report is written from every input, 3 when written but an input was ignored or no school read, 1 for a problem the user can fix (no report), 2 for anything else. */
export async function main(argv: string[]): Promise<number> {
  try {
    const options = parseCli(argv);
    if (options === 'help') {
      console.log(USAGE);
      return 0;
    }
    const run = await runDemo(options);
    if (run.incomplete.length) {
      console.error(`Внимание: отчёт записан, но прочитаны не все входные данные:\n${run.incomplete.map((l) => `  ${l}`).join('\n')}`);
      return 3;
    }
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
