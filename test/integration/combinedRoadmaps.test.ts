/**
 * Roadmaps beyond the tabs' limit (docs/методика.md §6): at most 50 tabs «ДК <Код ОО>»; the other schools, and a school
 * whose code would make too long a sheet name, get a block of the one sheet «Дорожные карты». Driven through the built
 * add-in in the twin, with a school's responsible person editing its block as the protections allow.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { EARLIER_COMBINED_HEADER, ensureBuilt, responsesRows, resultsRows, roadmapPlaces } from '../support/harness';
import { result, school } from '../fixtures/region';
import type { Twin } from '../../emulator/twin';
import type { LoadedAddon } from '../../emulator/index';
import { createTwin, loadAddon } from '../../emulator/index';

const OWNER = 'owner@region.ru';
const SCHOOL_52 = 'school52@region.ru';
const PROTECTED = /protected cell or object/;
const SHEET = 'Дорожные карты';
const HEADER_PROTECTION = 'Шапка листа «Дорожные карты»: заполняется ШНОР-монитором';

// A code of 95 characters: «ДК » + it + « ~черновик» would pass Sheets' 100 characters.
const LONG_CODE = `L${'0'.repeat(94)}`;
// 52 schools S01…S52 and the long-coded one fail two procedures of 2025 (40 % each) → 53 ШНОР; S98, S99 do not.
const SHNOR_CODES = [LONG_CODE, ...Array.from({ length: 52 }, (_, i) => `S${String(i + 1).padStart(2, '0')}`)];
const SCHOOLS = [...SHNOR_CODES, 'S98', 'S99'].map((code) => school(code, 'МО Альфа', [0.3, 0.8, 0.2, 0.05, 0.02]));
const RESULTS = SCHOOLS.flatMap((s) => {
  const failing = SHNOR_CODES.includes(s.schoolCode) ? 20 : 2;
  return [result(s.schoolCode, 2025, 'ОГЭ математика', 50, failing), result(s.schoolCode, 2025, 'ОГЭ русский язык', 50, failing)];
});

/** The data rows of «Дорожные карты» below its header, and the A1 address of a cell of a school's `k`-th row. */
function combined(twin: Twin): { rows: unknown[][]; cell: (code: string, header: string, k?: number) => string } {
  const values = twin.sheetValues(SHEET);
  const header = values.findIndex((r) => r[0] === 'Код ОО');
  const titles = values[header].map(String);
  return {
    rows: values.slice(header + 1),
    cell(code, title, k = 0) {
      const indexes = values.map((r, i) => (i > header && r[0] === code ? i : -1)).filter((i) => i >= 0);
      const column = titles.indexOf(title);
      expect(column).toBeGreaterThanOrEqual(0);
      return String.fromCharCode(65 + column) + String(indexes[k] + 1);
    },
  };
}

/** A twin with the region's answers (linked to the form) and results, and what `extra` adds, with the add-in loaded. */
function regionTwin(
  options: Parameters<typeof createTwin>[0],
  extra: (twin: Twin) => void = () => undefined,
): { twin: Twin; addon: LoadedAddon } {
  ensureBuilt();
  const twin = createTwin(options);
  twin.addSheet('Ответы на форму (1)', responsesRows(SCHOOLS));
  twin.linkForm('Ответы на форму (1)');
  twin.addSheet('Результаты ОП', resultsRows(RESULTS));
  extra(twin);
  return { twin, addon: loadAddon(twin) };
}

describe('roadmaps beyond the tabs’ limit', () => {
  let twin: Twin;
  let addon: LoadedAddon;
  let message: string;
  beforeAll(() => {
    ({ twin, addon } = regionTwin({ userEmail: OWNER, ownerEmail: OWNER, editors: [SCHOOL_52] }, (t) =>
      t.addSheet('Доступ', [
        ['Код ОО', 'E-mail ответственного школы', 'E-mail куратора', 'Муниципалитет', 'E-mail муниципального координатора'],
        ['S52', SCHOOL_52, '', 'МО Альфа', ''],
      ]),
    ));
    addon.call('menuComputeAll');
    expect(twin.ui.alerts.at(-1)?.message).toMatch(/ШНОР: 53;/);
    addon.call('menuRoadmaps');
    message = twin.ui.alerts.at(-1)?.message ?? '';
  });

  it('gives 50 schools a tab and puts the long code and the schools beyond 50 on «Дорожные карты», in the order of the run', () => {
    const placed = roadmapPlaces(twin);
    expect(placed.tabs).toEqual(SHNOR_CODES.slice(1, 51));
    expect(placed.combined).toEqual([LONG_CODE, 'S51', 'S52']);
    expect(twin.sheetNames().every((n) => n.length <= 100)).toBe(true);
    expect(message).toMatch(/Дорожные карты сформированы или обновлены: 53\./);
    expect(message).toMatch(/не больше 50; на общем листе «Дорожные карты» — 3/);
  });

  it('lays the sheet out as the roadmap with the school, its municipality and cluster in front, a filter over it, and empty rows ending each block', () => {
    const values = twin.sheetValues(SHEET);
    const header = values.find((r) => r[0] === 'Код ОО')!;
    expect(header.slice(0, 7)).toEqual(['Код ОО', 'Школа', 'Муниципалитет', 'Кластер', '№', 'Фактор риска', 'Задача']);
    expect(twin.sheetModel(SHEET).filter).not.toBeNull();
    const s52 = combined(twin).rows.filter((r) => r[0] === 'S52');
    // 40 % failing in both procedures of 2025: ШНОР, and 40 % is the lower bound of «умеренно неуспевающие» (up to 50 %).
    expect(s52.every((r) => r[1] === 'Школа S52' && r[2] === 'МО Альфа' && r[3] === 'умеренно неуспевающие')).toBe(true);
    // Numbered from 1 within the school's block; three empty rows with its code close it.
    expect(s52[0][4]).toBe(1);
    expect(s52.slice(-3).every((r) => r.slice(4).every((v) => v === ''))).toBe(true);
    expect(s52.slice(0, -3).every((r) => r[7] !== '')).toBe(true);
  });

  it('lets a school edit the status of its own rows and add a measure in its empty rows, nothing of another school’s', () => {
    const sheet = combined(twin);
    twin.userEdit(SCHOOL_52, SHEET, sheet.cell('S52', 'Статус'), [['выполнено']]);
    twin.userEdit(SCHOOL_52, SHEET, sheet.cell('S52', 'Комментарий'), [['сделано в октябре']]);
    const spare = combined(twin).rows.filter((r) => r[0] === 'S52').length - 3;
    twin.userEdit(SCHOOL_52, SHEET, sheet.cell('S52', 'Мероприятие', spare), [['Родительский всеобуч']]);
    expect(() => twin.userEdit(SCHOOL_52, SHEET, sheet.cell('S52', 'Мероприятие'), [['другое']])).toThrow(PROTECTED);
    expect(() => twin.userEdit(SCHOOL_52, SHEET, sheet.cell('S52', 'Код ОО'), [['S51']])).toThrow(PROTECTED);
    expect(() => twin.userEdit(SCHOOL_52, SHEET, sheet.cell('S51', 'Статус'), [['выполнено']])).toThrow(PROTECTED);
  });

  it('keeps what the school entered when the roadmaps are made again, and monitors its block', () => {
    addon.call('menuRoadmaps');
    expect(roadmapPlaces(twin).combined).toEqual([LONG_CODE, 'S51', 'S52']);
    const s52 = combined(twin).rows.filter((r) => r[0] === 'S52');
    expect(s52[0][12]).toBe('выполнено');
    expect(s52[0][13]).toBe('сделано в октябре');
    expect(s52.some((r) => r[7] === 'Родительский всеобуч')).toBe(true);
    // The rows moved by the added measure are still the school's to edit, and only its.
    const after = combined(twin);
    twin.userEdit(SCHOOL_52, SHEET, after.cell('S52', 'Статус', 1), [['в работе']]);
    expect(() => twin.userEdit(SCHOOL_52, SHEET, after.cell('S51', 'Статус', 1), [['в работе']])).toThrow(PROTECTED);

    addon.call('menuMonitoring');
    const monitoring = twin.sheetValues('Мониторинг ДК');
    const row = monitoring.find((r) => r[1] === 'S52')!;
    expect(row[0]).toBe(SHEET);
    // Done: the one row marked «выполнено».
    expect(row[3]).toBe(1);
    expect(monitoring.filter((r) => r[0] === SHEET)).toHaveLength(3);
    expect(monitoring.filter((r) => String(r[0]).startsWith('ДК '))).toHaveLength(50);
  });
});

describe('a «Дорожные карты» sheet of the earlier layout (Код ОО and Школа only in front)', () => {
  it('is rewritten in today’s layout on the next roadmap run, keeping what a school entered', () => {
    const own = [
      'S51',
      'Школа S51',
      1,
      'Общие меры',
      'Своя задача',
      'Родительский всеобуч',
      '',
      'Директор',
      '',
      '',
      'выполнено',
      'сделано в октябре',
      '',
      '',
    ];
    const spare = ['S51', 'Школа S51', '', '', '', '', '', '', '', '', '', '', '', ''];
    const { twin, addon } = regionTwin({ userEmail: OWNER, ownerEmail: OWNER }, (t) => {
      t.addSheet(SHEET, [['Дорожные карты'], ['…'], ['…'], [], [...EARLIER_COMBINED_HEADER], own, spare, spare, spare]);
      // The header's warning-only protection as the earlier layout had it: rows 1–5, its 14 columns (A:N).
      t.spreadsheet.getSheetByName(SHEET)!.getRange('A1:N5').protect().setDescription(HEADER_PROTECTION).setWarningOnly(true);
    });
    addon.call('menuComputeAll');
    addon.call('menuRoadmaps');
    expect(twin.ui.alerts.at(-1)?.message).toMatch(/Дорожные карты сформированы или обновлены: 53\./);
    const values = twin.sheetValues(SHEET);
    const header = values.find((r) => r[0] === 'Код ОО')!;
    expect(header.slice(0, 5)).toEqual(['Код ОО', 'Школа', 'Муниципалитет', 'Кластер', '№']);
    // S51 stays on the sheet (its work is there); its own measure keeps its status and comment, now in columns M and N.
    const s51 = values.filter((r) => r[0] === 'S51');
    const mine = s51.find((r) => r[7] === 'Родительский всеобуч')!;
    expect([mine[2], mine[3], mine[12], mine[13]]).toEqual(['МО Альфа', 'умеренно неуспевающие', 'выполнено', 'сделано в октябре']);
    expect(roadmapPlaces(twin).combined).toEqual(expect.arrayContaining(['S51', LONG_CODE]));
    // The header's protection follows the header to its 16 columns (A:P), once.
    const headers = twin.spreadsheet
      .getSheetByName(SHEET)!
      .getProtections(twin.services.SpreadsheetApp.ProtectionType.RANGE)
      .filter((p) => p.getDescription() === HEADER_PROTECTION);
    expect(headers.map((p) => p.getRange().getA1Notation())).toEqual(['A1:P5']);
  });
});
