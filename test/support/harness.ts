import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createTwin, loadAddon, type LoadedAddon, type LoadOptions } from '../../emulator/index';
import type { Twin, TwinOptions } from '../../emulator/twin';
import type { ProcedureResult, SchoolRecord } from '../../src/core/types';
import type { SheetSpec } from '../../src/sheets/sheetSpec';

/** Builds once per test run if build/Code.js is missing or older than the sources (npm test builds first anyway). */
export function ensureBuilt(): void {
  if (!existsSync('build/Code.js') || statSync('build/Code.js').mtimeMs < Date.now() - 10 * 60_000) {
    execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'ignore' });
  }
}

export function newAddon(
  seed?: (twin: Twin) => void,
  options: { twin?: TwinOptions; load?: LoadOptions } = {},
): { twin: Twin; addon: LoadedAddon } {
  ensureBuilt();
  const twin = createTwin(options.twin);
  seed?.(twin);
  const addon = loadAddon(twin, options.load);
  return { twin, addon };
}

/**
 * Options for a twin whose service calls are slow enough (3 s each, with the add-in's clock following the
 * twin's) that a sidebar step does one part per call, as a large region does on the real platform.
 */
export const SLOW_PLATFORM = { twin: { costs: { perCallMs: 3000 } }, load: { dateFollowsClock: true } } as const;

/** The responses sheet a region's form would produce, in the wording of docs/методика.md §1.1, from school records (counts of 100 students). */
export function responsesRows(schools: ReadonlyArray<SchoolRecord>, start = new Date(Date.UTC(2025, 8, 10, 9))): unknown[][] {
  const header = [
    'Отметка времени',
    'Код ОО',
    'Наименование ОО',
    'Муниципалитет',
    'Тип территории',
    'Всего обучающихся',
    'Обучающихся, оба родителя которых имеют высшее образование',
    'Обучающихся из семей, проживающих в благоустроенном жилье',
    'Обучающихся из неполных семей',
    'Обучающихся, состоящих на различных видах учёта',
    'Обучающихся, для которых русский язык не является родным',
  ];
  const rows: unknown[][] = [header];
  schools.forEach((s, i) => {
    const total = 100;
    const count = (x: number | null) => (x === null ? '' : Math.round(x * total));
    rows.push([
      new Date(start.getTime() + i * 60_000),
      s.schoolCode,
      s.name,
      s.municipality,
      s.territory ?? '',
      total,
      count(s.shares.bothParentsHigherEd),
      count(s.shares.comfortableHousing),
      count(s.shares.singleParent),
      count(s.shares.registered),
      count(s.shares.nonNativeRussian),
    ]);
  });
  return rows;
}

export function resultsRows(results: ReadonlyArray<ProcedureResult>): unknown[][] {
  return [
    ['Код ОО', 'Год', 'Процедура', 'Участников', 'Не преодолели порог', 'Высокобалльников'],
    ...results.map((r) => [r.schoolCode, r.year, r.procedure, r.participants ?? '', r.failed ?? '', r.highScorers ?? '']),
  ];
}

export const INPUT_SHEETS = ['Ответы на форму (1)', 'Результаты ОП', 'Риски'];

export function snapshots(twin: Twin, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.filter((n) => twin.hasSheet(n)).map((n) => [n, twin.snapshotSheet(n)]));
}

/** A row of a sheet's values whose first cell equals `key`. */
export function rowOf(twin: Twin, sheet: string, key: string): unknown[] {
  const row = twin.sheetValues(sheet).find((r) => r[0] === key);
  if (!row) throw new Error(`no row «${key}» on «${sheet}»`);
  return row;
}

export function headerOf(twin: Twin, sheet: string, first = 'Код ОО'): string[] {
  const row = twin.sheetValues(sheet).find((r) => r[0] === first);
  if (!row) throw new Error(`no header on «${sheet}»`);
  return row.map(String);
}

/**
 * Whose roadmap is where: the codes of the «ДК <Код ОО>» tabs, and the distinct codes of the rows of «Дорожные
 * карты» (read from the sheet as a person sees it: the column headed «Код ОО» below its header).
 */
export function roadmapPlaces(twin: Twin): { tabs: string[]; combined: string[] } {
  const tabs = twin
    .sheetNames()
    .filter((n) => n.startsWith('ДК '))
    .map((n) => n.slice(3));
  if (!twin.hasSheet('Дорожные карты')) return { tabs, combined: [] };
  const values = twin.sheetValues('Дорожные карты');
  const header = values.findIndex((r) => r[0] === 'Код ОО');
  if (header < 0) throw new Error('no header on «Дорожные карты»');
  return { tabs, combined: [...new Set(values.slice(header + 1).map((r) => String(r[0])))].filter((c) => c !== '') };
}

/** What getValues() returns for a sheet written from the spec: caption lines, a blank row, the header, the rows. */
export function specValues(spec: SheetSpec): unknown[][] {
  const width = spec.columns.length;
  const pad = (r: unknown[]) => [...r, ...Array(width - r.length).fill('')];
  return [
    ...(spec.caption ?? []).map((c) => pad([c])),
    pad([]),
    spec.columns.map((c) => c.header),
    ...spec.rows.map((r) => pad(r.map((v) => v ?? ''))),
  ];
}

/**
 * The header of «Дорожные карты» as the add-in wrote it before Муниципалитет and Кластер were added (Код ОО, Школа, then
 * the roadmap's twelve columns), spelled out here rather than taken from the layout: sheets of that layout are in use.
 */
export const EARLIER_COMBINED_HEADER: readonly string[] = [
  'Код ОО',
  'Школа',
  '№',
  'Фактор риска',
  'Задача',
  'Мероприятие',
  'Срок',
  'Ответственный',
  'Показатель',
  'Документ',
  'Статус',
  'Комментарий',
  'Примечание',
  'ID меры',
];
