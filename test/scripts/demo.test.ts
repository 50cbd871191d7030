/**
 * The demo runner end to end: the built add-in (build/Code.js) in the twin, run once on the bundled
 * sample and shared by the tests below; small hand-made files for the user-file paths; one spawn of
 * the CLI for the exit code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { parseCli, plural, runDemo, type DemoResult } from '../../scripts/demo';
import { InputFileError } from '../../scripts/lib/readUserFiles';
import { parseCsv, toCsv } from '../../scripts/lib/csv';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'demo-test-'));
const lines: string[] = [];
let sample: DemoResult;

/** Newest modification time of the files under a folder. */
function newest(folder: string): number {
  return Math.max(
    0,
    ...readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => statSync(path.join(e.parentPath, e.name)).mtimeMs),
  );
}

/** Builds build/Code.js when it is missing or older than src/ (`npm test` has just built it; rebuilding under other test files' feet is avoided). */
function ensureBuilt(): void {
  const code = path.join(ROOT, 'build', 'Code.js');
  if (existsSync(code) && statSync(code).mtimeMs >= newest(path.join(ROOT, 'src'))) return;
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'pipe' });
}

beforeAll(async () => {
  ensureBuilt();
  sample = await runDemo({
    out: path.join(dir, 'sample'),
    log: (l) => lines.push(l),
    progress: (l) => lines.push(l),
    now: new Date(Date.UTC(2025, 10, 1, 9)),
  });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run demo on the bundled sample', () => {
  it('runs the add-in’s own menu actions in order and reports each in Russian', () => {
    const steps = lines.filter((l) => l.includes('…')).map((l) => l.split('…')[0]);
    expect(steps).toEqual(['Открытие таблицы', 'Шаблоны листов', 'Проверка данных', 'Расчёт', 'Дорожные карты', 'Мониторинг ДК']);
    expect(lines).toContainEqual(expect.stringMatching(/^Проверка данных… готово: \d+ проблем(а|ы)?$/));
    // samples/README.md: 72 schools.
    expect(lines).toContainEqual('  Прочитано школ: 72');
    expect(lines).toContainEqual(`  ${sample.xlsx}`);
    expect(lines).toContainEqual(`  ${sample.html}`);
  });

  it('ends with one roadmap sheet per roadmap it reports', () => {
    const roadmapSheets = sample.twin.sheetNames().filter((n) => n.startsWith('ДК '));
    expect(roadmapSheets.length).toBe(sample.roadmaps);
    expect(sample.roadmaps).toBe(sample.compute!.shnor);
    expect(sample.twin.hasSheet('Лист1')).toBe(false);
  });

  it('writes an xlsx with every sheet of the spreadsheet, formats, frozen header and the status drop-down', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sample.xlsx);
    expect(wb.worksheets.map((w) => w.name)).toEqual(sample.twin.sheetNames());
    const isbsh = wb.getWorksheet('ИСБШ')!;
    expect(isbsh.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(isbsh.getCell('A1').font?.bold).toBe(true);
    const formats = new Set<string>();
    wb.getWorksheet('Муниципалитеты')!.eachRow((row) => row.eachCell((c) => formats.add(String(c.numFmt))));
    expect([...formats].some((f) => f.includes('%'))).toBe(true);
    // docs/методика.md §6: Статус is a drop-down of не начато / в работе / выполнено / отменено.
    const roadmap = wb.worksheets.find((w) => w.name.startsWith('ДК '))!;
    const headerRow = Array.from({ length: 20 }, (_, i) => i + 1).find((r) => (roadmap.getRow(r).values as unknown[]).includes('Статус'))!;
    const statusColumn = (roadmap.getRow(headerRow).values as unknown[]).indexOf('Статус');
    expect(roadmap.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow });
    expect(roadmap.getCell(headerRow + 1, statusColumn).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"не начато,в работе,выполнено,отменено"'],
    });
  });

  it('writes a self-contained html with a tab per sheet and an svg per chart, titled', () => {
    const html = readFileSync(sample.html, 'utf8');
    const sheets = sample.twin.spreadsheet.getSheets();
    expect(html.match(/<section class="sheet"/g)).toHaveLength(sheets.length);
    const titles = sheets.flatMap((s) => s.getCharts().map((c) => String(c.getOptions().get('title'))));
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs).toHaveLength(titles.length);
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(svgs.some((svg) => svg.includes(title.replace(/&/g, '&amp;').replace(/</g, '&lt;')))).toBe(true);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/i);
  });
});

/** Four schools with the sample's question titles; results where only edu1 fails, and only in 2024. */
function writeSmallRegion(): { responses: string; results: string } {
  const header = parseCsv(readFileSync(path.join(ROOT, 'samples/responses.csv'), 'utf8'))[0];
  const school = (code: string, i: number) => [
    `0${i}.09.2025 9:00:00`,
    code,
    `МБОУ СОШ № ${i}`,
    'Тестовый округ',
    'город',
    200,
    80,
    180,
    30,
    4,
    6,
    2,
    10,
    'Нет',
    20,
    8,
    'педагог-психолог, социальный педагог',
    'Да',
    'Да',
    90000,
  ];
  const responses = path.join(dir, 'ответы.csv');
  writeFileSync(responses, toCsv([header, ...['edu1', 'edu2', 'edu3', 'edu4'].map(school)]));
  const rows: unknown[][] = [['Код ОО', 'Год', 'Процедура', 'Участников', 'Не преодолели порог', 'Высокобалльников']];
  for (const code of ['edu1', 'edu2', 'edu3', 'edu4']) {
    for (const year of [2024, 2025]) {
      // edu1 in 2024: ОГЭ математика 8 of 20 = 40 %, ОГЭ русский язык 7 of 20 = 35 %: two procedures ≥ 30 %.
      const failing = code === 'edu1' && year === 2024;
      rows.push([code, year, 'ОГЭ математика', 20, failing ? 8 : 0, '']);
      rows.push([code, year, 'ОГЭ русский язык', 20, failing ? 7 : 0, '']);
    }
  }
  const results = path.join(dir, 'результаты.csv');
  writeFileSync(results, toCsv(rows));
  return { responses, results };
}

describe('npm run demo on the user’s files', () => {
  it('uses --year as the reporting year (docs/методика.md §3: ШНОР in Y by two procedures ≥ 30 %)', async () => {
    const files = writeSmallRegion();
    const log: string[] = [];
    const run = await runDemo({ files, year: 2024, out: path.join(dir, 'small'), log: (l) => log.push(l), progress: (l) => log.push(l) });
    // In 2024 edu1 fails two procedures (40 % and 35 %): 1 ШНОР of 4 schools, so 1 roadmap.
    expect(run.compute).toMatchObject({ year: 2024, schoolsRead: 4, shnor: 1 });
    expect(run.roadmaps).toBe(1);
    expect(log).toContainEqual('Настройки… готово: отчётный год 2024');
  });

  it('without --year takes the latest year, where nobody fails, and needs no roadmaps', async () => {
    const files = writeSmallRegion();
    const log: string[] = [];
    const run = await runDemo({ files, out: path.join(dir, 'small-latest'), log: (l) => log.push(l), progress: (l) => log.push(l) });
    expect(run.compute).toMatchObject({ year: 2025, shnor: 0 });
    expect(log).toContainEqual('Дорожные карты… не нужны: нет школ со статусом ШНОР');
  });

  it('reads «Группы» from --groups and gives its dynamics', async () => {
    const files = writeSmallRegion();
    const groups = path.join(dir, 'группы.csv');
    writeFileSync(
      groups,
      toCsv([
        ['Код ОО', 'Группа'],
        ['edu1', 'Трек 1'],
        ['edu2', 'Трек 1'],
      ]),
    );
    const run = await runDemo({ files: { ...files, groups }, out: path.join(dir, 'small-groups'), log: () => {} });
    const values = run.twin.sheetValues('Кластеры по группам');
    const header = values.find((r) => r[0] === 'Разрез')!.map(String);
    const row = values.find((r) => r[0] === 'Группа' && r[1] === 'Трек 1')!;
    // edu1 was ШНОР in 2024 (40 % and 35 %) and is not in 2025 (0 %): of the group's 2 schools, 1 was ШНОР and left the list.
    expect([
      row[header.indexOf('Школ в группе')],
      row[header.indexOf('Вышли из списка ШНОР')],
      row[header.indexOf('Всего школ по строке')],
    ]).toEqual([2, 1, 1]);
    expect(parseCli(['--responses', 'a.csv', '--results', 'b.csv', '--groups', 'g.csv'])).toMatchObject({ files: { groups: 'g.csv' } });
    expect(() => parseCli(['--groups', 'g.csv'])).toThrow(/--groups используется вместе с --responses и --results/);
  });

  it('stops, naming the file and the missing column and pointing to --map, when a required column is missing', async () => {
    const files = writeSmallRegion();
    const rows = parseCsv(readFileSync(files.responses, 'utf8')).map((r) => r.filter((_, i) => i !== 1)); // drop «Код ОО»
    writeFileSync(files.responses, toCsv(rows));
    const run = runDemo({ files, out: path.join(dir, 'broken'), log: () => {}, progress: () => {} });
    await expect(run).rejects.toBeInstanceOf(InputFileError);
    await expect(run).rejects.toThrow(/ответы\.csv.*\n.*не найдены обязательные столбцы: .*Код ОО[\s\S]*--map/);
    await expect(run).rejects.not.toThrow(/боковой панели/);
  });
});

describe('the command line', () => {
  it('parses the options and refuses half of the user-file pair or a bad year in Russian', () => {
    expect(parseCli(['--responses', 'a.csv', '--results', 'b.xlsx', '--year', '2024', '--out', 'x'])).toMatchObject({
      files: { responses: 'a.csv', results: 'b.xlsx' },
      year: 2024,
      out: path.resolve('x'),
    });
    expect(() => parseCli(['--responses', 'a.csv'])).toThrow(/нужны оба параметра/);
    expect(() => parseCli(['--year', '24'])).toThrow(/--year: нужен год из четырёх цифр/);
    expect(() => parseCli(['--bogus'])).toThrow(/Неизвестный или неполный параметр --bogus/);
  });

  it('declines Russian nouns by number', () => {
    expect(plural(1, 'проблема', 'проблемы', 'проблем')).toBe('1 проблема');
    expect(plural(3, 'проблема', 'проблемы', 'проблем')).toBe('3 проблемы');
    expect(plural(12, 'проблема', 'проблемы', 'проблем')).toBe('12 проблем');
    expect(plural(21, 'проблема', 'проблемы', 'проблем')).toBe('21 проблема');
  });

  it('exits non-zero with a Russian message on stderr when the --results file does not exist', () => {
    const missing = path.join(dir, 'нет-такого.csv');
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/demo.ts', '--responses', 'samples/responses.csv', '--results', missing, '--out', path.join(dir, 'cli')],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`Файл не найден (результаты оценочных процедур): ${missing}`);
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
