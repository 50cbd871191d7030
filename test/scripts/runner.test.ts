/**
 * The local runner as a tool for a region: data problems point at the user's file, sheet and row; an ignored
 * sheet or a region without schools ends non-zero after the report is written; --settings and --map reach the
 * add-in through its sidebar endpoints and are refused in Russian when wrong; roadmaps go in the sidebar's
 * batches beyond the menu's limit. Runs the built add-in in the twin.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { main, readMapFile, readSettingsFile, runDemo } from '../../scripts/demo';
import { toCsv } from '../../scripts/lib/csv';
import { generateRegion } from '../../scripts/lib/syntheticRegion';
import { MENU_MAX_ROADMAPS } from '../../src/ui/jobs';
import { CORPUS, VARIANTS_DIR } from '../support/fileVariants';
import { ensureBuilt, roadmapPlaces } from '../support/harness';

const dir = mkdtempSync(path.join(tmpdir(), 'runner-'));
beforeAll(() => ensureBuilt(), 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const clean = Object.fromEntries(Object.entries(CORPUS.clean).map(([k, f]) => [k, path.join(VARIANTS_DIR, f)])) as Record<
  'responses' | 'results' | 'risks',
  string
>;
const quiet = { log: () => {}, progress: () => {} };
const csvRows = (file: string) => readFileSync(file, 'utf8').split('\r\n');

describe('problems point at the user’s file, sheet and row', () => {
  it('names the workbook, its sheet and the row there, below the title rows the runner left out', async () => {
    // The clean responses as an XLSX sheet «Ответы» under two title rows and a blank row: the header is row 4,
    // school k (k-th data row of the CSV) is row 4 + k. The 3rd school's total is typed «много».
    const { parseCsv } = await import('../../scripts/lib/csv');
    const rows = parseCsv(readFileSync(clean.responses, 'utf8'));
    const total = rows[0].indexOf('Общее количество обучающихся');
    rows[3][total] = 'много';
    const file = path.join(dir, 'ответы.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Ответы');
    ws.addRows([['Социальный паспорт школы'], ['Заречный МО и г. Северск'], [], ...rows]);
    await wb.xlsx.writeFile(file);

    const run = await runDemo({ files: { ...clean, responses: file }, out: path.join(dir, 'problems'), ...quiet });
    const check = run.twin.sheetValues('Проверка данных');
    const header = check.findIndex((r) => r[0] === 'Лист');
    const line = check.slice(header + 1).find((r) => r[4] === 'много');
    expect(line).toBeDefined();
    // Sheet row 4 + 3 = 7 of the user's workbook, column «Общее количество обучающихся», the school's code.
    expect(line!.slice(0, 5)).toEqual(['ответы.xlsx, лист «Ответы»', 7, rows[3][1], 'Общее количество обучающихся', 'много']);
  }, 60_000);
});

describe('exit codes: 0 only for a complete report', () => {
  it('writes the report but exits 3, naming the sheet, when a sheet of data in a file is not read', async () => {
    // A results workbook whose second sheet holds a table the reader does not take (a list of procedures).
    const file = path.join(dir, 'результаты.xlsx');
    const wb = new ExcelJS.Workbook();
    const lines = csvRows(clean.results).map((l) => l.split(','));
    wb.addWorksheet('Результаты').addRows(
      lines.map((r, n) => (n === 0 ? r : r.map((c, i) => ((i === 1 || i >= 3) && c !== '' ? Number(c) : c)))),
    );
    wb.addWorksheet('Справочник').addRows([
      ['№', 'Процедура', 'Класс'],
      [1, 'ОГЭ математика', 9],
      [2, 'ОГЭ русский язык', 9],
      [3, 'ВПР математика 5', 5],
    ]);
    await wb.xlsx.writeFile(file);
    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...a) => void errors.push(a.join(' ')));
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const out = path.join(dir, 'ignored');
    let code: number;
    try {
      code = await main(['--responses', clean.responses, '--results', file, '--out', out]);
    } finally {
      spy.mockRestore();
      log.mockRestore();
      stderr.mockRestore();
    }
    expect(code).toBe(3);
    expect(existsSync(path.join(out, 'report.xlsx')) && existsSync(path.join(out, 'report.html'))).toBe(true);
    expect(errors.join('\n')).toMatch(
      /отчёт записан, но прочитаны не все входные данные:\n\s+результаты\.xlsx, лист «Справочник»: не прочитан — /,
    );
  }, 60_000);

  it('marks a run with no school read as incomplete', async () => {
    const header = path.join(dir, 'только-заголовок.csv');
    writeFileSync(header, csvRows(clean.responses)[0]);
    const run = await runDemo({ files: { ...clean, responses: header }, out: path.join(dir, 'empty'), ...quiet });
    expect(run.compute?.schoolsRead).toBe(0);
    expect(run.incomplete).toEqual(['не прочитано ни одной школы: причины — на листе «Проверка данных» отчёта']);
  }, 60_000);
});

describe('--settings: the region’s own thresholds, validated by the add-in', () => {
  it('reaches the run: with the ШНОР threshold at 100 % no school of the region is ШНОР', async () => {
    // A school is ШНОР when a failing share ≥ t; with t = 1 only a procedure where every participant failed counts,
    // and in the region no row has «Не преодолели порог» = «Участников» > 0 (checked here on the file itself).
    const rows = csvRows(clean.results)
      .slice(1)
      .map((l) => l.split(','));
    expect(rows.some((r) => Number(r[3]) > 0 && r[3] === r[4])).toBe(false);
    const file = path.join(dir, 'настройки.json');
    writeFileSync(file, JSON.stringify({ shnorThreshold: 1, clusterModerateFrom: 1, clusterStrongAbove: 1 }));
    const run = await runDemo({ files: clean, settings: readSettingsFile(file), out: path.join(dir, 'settings'), ...quiet });
    expect(run.compute).toMatchObject({ schoolsRead: 14, shnor: 0 });
    expect(run.roadmaps).toBe(0);
  }, 60_000);

  it('refuses a value with settings.ts’s own Russian message, and an unknown key listing the known ones', async () => {
    const bad = path.join(dir, 'плохие.json');
    writeFileSync(bad, JSON.stringify({ shnorThreshold: 1.5 }));
    await expect(runDemo({ files: clean, settings: readSettingsFile(bad), out: path.join(dir, 'bad'), ...quiet })).rejects.toThrow(
      /Настройки \(--settings\) не приняты:\nПорог ШНОР \(доля не преодолевших\): доля должна быть от 0\u00a0% до 100\u00a0%, получено «150\u00a0%»/,
    );
    const unknown = path.join(dir, 'неизвестные.json');
    writeFileSync(unknown, JSON.stringify({ порог: 0.3 }));
    expect(() => readSettingsFile(unknown)).toThrow(/неизвестные настройки: «порог»[\s\S]*shnorThreshold — Порог ШНОР/);
  });
});

describe('--map: the Form’s fields by the header of their column', () => {
  it('accepts field ids and Russian labels, and refuses an unknown field or a header the file does not have', async () => {
    const file = path.join(dir, 'соответствие.json');
    writeFileSync(file, JSON.stringify({ schoolCode: 'Шифр', 'тип территории': 'Местность', fundingPerStudent: null }));
    expect(readMapFile(file)).toEqual({ schoolCode: 'Шифр', territory: 'Местность', fundingPerStudent: null });
    writeFileSync(file, JSON.stringify({ школа: 'Шифр' }));
    expect(() => readMapFile(file)).toThrow(/--map: .*неизвестное поле «школа»[\s\S]*schoolCode \(«Код ОО»\)/);
    const run = runDemo({ files: clean, map: { stableInternet: 'Интернет есть' }, out: path.join(dir, 'map'), ...quiet });
    await expect(run).rejects.toThrow(
      /--map: поле «[^»]+»: столбца «Интернет есть» нет в ответы\.csv\. Есть столбцы: «Отметка времени», «Код ОО»/,
    );
  }, 60_000);
});

describe('a large region: roadmaps beyond the menu’s limit, in the sidebar’s batches', () => {
  it(`forms a roadmap for every ШНОР when there are more than ${MENU_MAX_ROADMAPS}`, async () => {
    // 360 schools of seed 4 have 62 ШНОР: just beyond the menu's limit, as small as that can be.
    const region = generateRegion({ schools: 360, seed: 4, years: [2024, 2025] });
    const files = { responses: path.join(dir, 'big-responses.csv'), results: path.join(dir, 'big-results.csv') };
    writeFileSync(files.responses, toCsv(region.responses));
    writeFileSync(files.results, toCsv(region.results));
    const progress: string[] = [];
    const run = await runDemo({ files, out: path.join(dir, 'big'), log: () => {}, progress: (l) => progress.push(l) });
    expect(run.compute!.shnor).toBeGreaterThan(MENU_MAX_ROADMAPS);
    expect(run.roadmaps).toBe(run.compute!.shnor);
    // 50 tabs «ДК <Код ОО>», the rest blocks of «Дорожные карты».
    const placed = roadmapPlaces(run.twin);
    expect(placed.tabs).toHaveLength(50);
    expect(placed.combined).toHaveLength(run.compute!.shnor - 50);
    // 20 schools a step, as the sidebar goes: the fourth roadmap step has the schools from 61 on.
    const shnor = run.compute!.shnor;
    expect(progress).toContainEqual(expect.stringMatching(new RegExp(`Дорожные карты: школы 61–${Math.min(80, shnor)} из ${shnor}$`)));
  }, 180_000);
});
