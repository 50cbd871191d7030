/**
 * Who may edit what (docs/методика.md §11), through the built add-in in the twin with several users: the owner,
 * a methodologist who runs the add-in, two municipal coordinators and a school's responsible person. The twin
 * refuses a protected write by a user who is not an editor, as Sheets does (emulator/spreadsheet/editRights.ts).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { responsesRows, resultsRows } from '../support/harness';
import { result, school } from '../fixtures/region';
import type { Twin } from '../../emulator/twin';
import type { LoadedAddon } from '../../emulator/index';
import { createTwin, loadAddon } from '../../emulator/index';
import { ensureBuilt } from '../support/harness';

const OWNER = 'owner@region.ru';
const METHODOLOGIST = 'metod@region.ru';
const COORD_A = 'coord.a@region.ru';
const COORD_B = 'coord.b@region.ru';
const SCHOOL_A1 = 'school.a1@region.ru';
const CURATOR_A1 = 'curator.a1@region.ru';
const PROTECTED = /protected cell or object/;

// Two municipalities, two schools each; A1 and B1 fail two procedures in 2025 (≥ 30 % each) → ШНОР, roadmaps for both.
const SCHOOLS = [
  school('A1', 'МО Альфа', [0.3, 0.8, 0.2, 0.05, 0.02]),
  school('A2', 'МО Альфа', [0.3, 0.8, 0.2, 0.05, 0.02]),
  school('B1', 'МО Бета', [0.3, 0.8, 0.2, 0.05, 0.02]),
  school('B2', 'МО Бета', [0.3, 0.8, 0.2, 0.05, 0.02]),
];
const RESULTS = SCHOOLS.flatMap((s) => {
  const failing = s.schoolCode.endsWith('1') ? 20 : 2;
  return [result(s.schoolCode, 2025, 'ОГЭ математика', 50, failing), result(s.schoolCode, 2025, 'ОГЭ русский язык', 50, failing)];
});
const ACCESS_ROWS = [
  ['Код ОО', 'E-mail ответственного школы', 'E-mail куратора', 'Муниципалитет', 'E-mail муниципального координатора'],
  ['A1', SCHOOL_A1, CURATOR_A1, 'МО Альфа', COORD_A],
  ['', '', '', 'мо бета', COORD_B],
  ['B1', 'директор школы B1', '', 'МО Бета', ''],
];

function setUp(): { twin: Twin; addon: LoadedAddon } {
  ensureBuilt();
  const twin = createTwin({ userEmail: OWNER, ownerEmail: OWNER, editors: [METHODOLOGIST, COORD_A, COORD_B, SCHOOL_A1, CURATOR_A1] });
  twin.addSheet('Ответы на форму (1)', responsesRows(SCHOOLS));
  twin.linkForm('Ответы на форму (1)');
  twin.addSheet('Результаты ОП', resultsRows(RESULTS));
  twin.addSheet('Доступ', ACCESS_ROWS);
  const addon = loadAddon(twin);
  // The owner names the methodologist once, before any protection exists.
  const saved = addon.call('sidebarSaveSettings', { methodologists: [METHODOLOGIST] }) as { ok: boolean };
  expect(saved.ok).toBe(true);
  twin.asUser(METHODOLOGIST, () => {
    addon.call('menuComputeAll');
    addon.call('menuRoadmaps');
  });
  return { twin, addon };
}

/** The A1 address of a roadmap's cell: the first measure row, in the column headed `header`. */
function roadmapCell(twin: Twin, sheet: string, header: string, rowOffset = 0): string {
  const values = twin.sheetValues(sheet);
  const headerIndex = values.findIndex((r) => r[0] === '№');
  const column = values[headerIndex].indexOf(header);
  expect(column).toBeGreaterThanOrEqual(0);
  return String.fromCharCode(65 + column) + String(headerIndex + 2 + rowOffset);
}

/** Rows of measures in a roadmap. */
function measureRows(twin: Twin, sheet: string): number {
  const values = twin.sheetValues(sheet);
  const headerIndex = values.findIndex((r) => r[0] === '№');
  return values.slice(headerIndex + 1).filter((r) => r[0] !== '').length;
}

/** The add-in's protections as comparable text: description, sheet, area, unprotected areas, editors. */
function protectionSet(twin: Twin): string[] {
  const model = twin.bound.model;
  return model.protections
    .map((p) => {
      const sheet = model.sheetById(p.sheetId)!.name;
      const area = p.rect ? `${p.rect.row},${p.rect.col},${p.rect.numRows},${p.rect.numCols}` : 'лист';
      const open = p.unprotected.map((u) => `${u.row},${u.col},${u.numRows},${u.numCols}`).join(';');
      return `${p.description} | ${sheet} | ${area} | ${open} | ${[...p.editors].sort().join(',')} | ${p.warningOnly}`;
    })
    .sort();
}

describe('who may edit what', () => {
  let twin: Twin;
  let addon: LoadedAddon;
  beforeEach(() => {
    ({ twin, addon } = setUp());
  });

  it('builds the roadmaps of both ШНОР', () => {
    expect(twin.hasSheet('ДК A1')).toBe(true);
    expect(twin.hasSheet('ДК B1')).toBe(true);
    expect(twin.hasSheet('ДК A2')).toBe(false);
  });

  it('a school changes the status, comment and deadline of its own roadmap, not its measures and not another school’s', () => {
    const status = roadmapCell(twin, 'ДК A1', 'Статус');
    const comment = roadmapCell(twin, 'ДК A1', 'Комментарий');
    const deadline = roadmapCell(twin, 'ДК A1', 'Срок');
    twin.userEdit(SCHOOL_A1, 'ДК A1', status, [['в работе']]);
    twin.userEdit(SCHOOL_A1, 'ДК A1', comment, [['начали в сентябре']]);
    twin.userEdit(SCHOOL_A1, 'ДК A1', deadline, [[new Date(Date.UTC(2026, 4, 20, 6))]]);
    expect(twin.sheetValues('ДК A1').flat()).toContain('начали в сентябре');
    expect(() => twin.userEdit(SCHOOL_A1, 'ДК A1', roadmapCell(twin, 'ДК A1', 'Мероприятие'), [['своё мероприятие']])).toThrow(PROTECTED);
    expect(() => twin.userEdit(SCHOOL_A1, 'ДК B1', roadmapCell(twin, 'ДК B1', 'Статус'), [['выполнено']])).toThrow(PROTECTED);
    // The curator of A1 has the same rights in A1's roadmap.
    twin.userEdit(CURATOR_A1, 'ДК A1', comment, [['проверено куратором']]);
  });

  it('a school adds a measure of its own in the rows below the table', () => {
    const below = roadmapCell(twin, 'ДК A1', 'Мероприятие', measureRows(twin, 'ДК A1'));
    twin.userEdit(SCHOOL_A1, 'ДК A1', below, [['Классные часы с родителями']]);
    expect(twin.sheetValues('ДК A1').flat()).toContain('Классные часы с родителями');
  });

  it('a coordinator edits the roadmaps of their municipality only', () => {
    twin.userEdit(COORD_A, 'ДК A1', roadmapCell(twin, 'ДК A1', 'Статус'), [['в работе']]);
    expect(() => twin.userEdit(COORD_A, 'ДК B1', roadmapCell(twin, 'ДК B1', 'Статус'), [['в работе']])).toThrow(PROTECTED);
    // «мо бета» in «Доступ» is «МО Бета» of the form: case does not matter.
    twin.userEdit(COORD_B, 'ДК B1', roadmapCell(twin, 'ДК B1', 'Статус'), [['в работе']]);
    expect(() => twin.userEdit(COORD_B, 'ДК A1', roadmapCell(twin, 'ДК A1', 'Статус'), [['в работе']])).toThrow(PROTECTED);
  });

  it('nobody but the owner and the methodologist changes the inputs and the computed sheets', () => {
    for (const user of [COORD_A, SCHOOL_A1, CURATOR_A1]) {
      expect(() => twin.userEdit(user, 'ИСБШ', 'A2', [['x']])).toThrow(PROTECTED);
      expect(() => twin.userEdit(user, 'ШНОР', 'B3', [['x']])).toThrow(PROTECTED);
      expect(() => twin.userEdit(user, 'Результаты ОП', 'E2', [[0]])).toThrow(PROTECTED);
      expect(() => twin.userEdit(user, 'Ответы на форму (1)', 'F2', [[1000]])).toThrow(PROTECTED);
      // Otherwise anybody could give themselves a roadmap.
      expect(() => twin.userEdit(user, 'Доступ', 'B5', [[user]])).toThrow(PROTECTED);
    }
    twin.userEdit(METHODOLOGIST, 'ИСБШ', 'A2', [['правка методиста']]);
    twin.userEdit(OWNER, 'Результаты ОП', 'F2', [[1]]);
    twin.userEdit(METHODOLOGIST, 'ДК B1', roadmapCell(twin, 'ДК B1', 'Мероприятие'), [['уточнено методистом']]);
  });

  it('somebody who is not a methodologist cannot run the add-in or change its settings, and is told why in Russian', () => {
    const before = twin.snapshotSpreadsheet();
    twin.asUser(COORD_A, () => addon.call('menuComputeAll'));
    const alert = twin.ui.alerts.at(-1)!;
    expect(alert.message).toMatch(/пересчитывать листы ШНОР-монитора могут только владелец таблицы и методисты/);
    expect(() => twin.asUser(COORD_A, () => addon.call('sidebarSaveSettings', { methodologists: [COORD_A] }))).toThrow(
      /методисты, указанные в настройках/,
    );
    expect(twin.snapshotSpreadsheet()).toBe(before);
  });

  it('re-runs leave the same protections, never duplicated, and keep protections people added', () => {
    // The owner protects a range of their own on an input sheet whose protections every run re-applies.
    twin.asUser(OWNER, () => twin.spreadsheet.getSheetByName('Результаты ОП')!.getRange('A1:B2').protect().setDescription('Моя защита'));
    const first = protectionSet(twin);
    twin.asUser(METHODOLOGIST, () => {
      addon.call('menuComputeAll');
      addon.call('menuRoadmaps');
      addon.call('menuProtect');
    });
    const again = protectionSet(twin);
    expect(again.filter((p) => p.startsWith('ШНОР-монитор: '))).toEqual(first.filter((p) => p.startsWith('ШНОР-монитор: ')));
    expect(again.some((p) => p.startsWith('Моя защита | Результаты ОП'))).toBe(true);
    const descriptions = again.map((p) => p.split(' | ')[0]).filter((d) => d.startsWith('ШНОР-монитор: '));
    expect(descriptions.length).toBeGreaterThan(10);
    expect(new Set(descriptions).size).toBe(descriptions.length);
  });

  it('each roadmap has exactly its people; a bad address is reported without repeating it, and no address leaves «Доступ»', () => {
    const rangeOfA1 = protectionSet(twin).filter((p) => p.startsWith('ШНОР-монитор: ДК A1 — правка школы'));
    expect(rangeOfA1.length).toBeGreaterThan(0);
    for (const p of rangeOfA1) expect(p.split(' | ')[4]).toBe([COORD_A, CURATOR_A1, METHODOLOGIST, OWNER, SCHOOL_A1].sort().join(','));
    const check = twin.sheetValues('Проверка данных');
    const bad = check.find((r) => r[0] === 'Доступ' && r[1] === 4);
    expect(bad?.[5]).toMatch(/Не похоже на адрес электронной почты/);
    expect(JSON.stringify(check)).not.toContain('директор школы B1');
    expect(JSON.stringify(check)).not.toMatch(/@region\.ru/);
    const record = [...twin.properties.document.entries()].filter(([k]) => k !== 'shnor.settings');
    expect(JSON.stringify(record)).not.toMatch(/@region\.ru/);
    expect(JSON.stringify(twin.logs)).not.toMatch(/@region\.ru/);
  });

  it('says what the platform cannot restrict: the owner listed as a school’s responsible person', () => {
    twin.asUser(OWNER, () => twin.spreadsheet.getSheetByName('Доступ')!.getRange('B4').setValue(OWNER));
    twin.asUser(METHODOLOGIST, () => addon.call('menuProtect'));
    const text = JSON.stringify(twin.ui.alerts.at(-1));
    expect(text).toMatch(/Ответственный школы \(B1\) — владелец таблицы/);
    expect(text).not.toContain(OWNER);
  });

  it('a cancel that comes after the swap is too late: the run still protects the sheets it put in place', () => {
    const before = protectionSet(twin);
    twin.asUser(METHODOLOGIST, () => {
      const ticket = addon.call('sidebarStartRun', 'compute', {}) as { runId: string; steps: string[] };
      // Every step but the last (the protections) puts the results in place.
      for (let i = 0; i < ticket.steps.length - 1; i++) addon.call('sidebarRunStep', ticket.runId, {});
      const cancel = addon.call('sidebarCancelRun', ticket.runId) as { cancelled: boolean; stopping: boolean; message: string };
      expect(cancel).toMatchObject({ cancelled: false, stopping: false });
      expect(cancel.message).toMatch(/расчёт уже завершён/);
      const last = addon.call('sidebarRunStep', ticket.runId, {}) as { finished: boolean; cancelled: boolean };
      expect(last).toMatchObject({ finished: true, cancelled: false });
    });
    expect(protectionSet(twin)).toEqual(before);
    expect(twin.hasSheet('ИСБШ')).toBe(true);
  });
});
