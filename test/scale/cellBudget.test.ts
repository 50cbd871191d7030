import { describe, expect, it } from 'vitest';
import type { Twin } from '../../emulator/twin';
import { generateRegion } from '../../scripts/lib/syntheticRegion';
import { faultRegion, seedTwin } from '../support/reliabilitySuites';

/** Adds a one-column sheet of exactly `cells` cells (a big archive sheet somebody keeps in the spreadsheet). */
function addBigSheet(twin: Twin, cells: number): void {
  const sheet = twin.addSheet('Архив', []);
  sheet.deleteColumns(2, sheet.getMaxColumns() - 1);
  sheet.insertRowsAfter(sheet.getMaxRows(), cells - sheet.getMaxRows());
  expect(sheet.getMaxRows() * sheet.getMaxColumns()).toBe(cells);
}

const spaced = (text: string | undefined) => String(text ?? '').replace(/\s/g, ' ');

/** The spreadsheet's cells as seeded, and the cells a first run's outputs take: measured on a twin with room to spare. */
function measure(region: ReturnType<typeof generateRegion>): { seeded: number; outputs: number } {
  const h = seedTwin(region);
  const seeded = h.twin.bound.model.totalCells();
  h.addon.call('menuComputeAll');
  expect(h.twin.ui.alerts.at(-1)?.message).toMatch(/^Расчёт за \d{4} год завершён/);
  return { seeded, outputs: h.twin.bound.model.totalCells() - seeded };
}

/** A twin seeded with `region` and an archive sheet that leaves exactly `free` cells of the 10 000 000. */
function withFree(region: ReturnType<typeof generateRegion>, seeded: number, free: number) {
  return seedTwin(region, { before: (twin) => addBigSheet(twin, 10_000_000 - free - seeded) });
}

describe('the cell budget: Sheets allows 10 000 000 cells per spreadsheet', () => {
  const region = generateRegion({ schools: 300, seed: 2025 });
  // A new sheet starts at the default 1000 × 26 grid before it is cut: the run needs that much room once more.
  const DEFAULT_GRID = 26_000;
  const { seeded, outputs } = measure(region);

  it('refuses «Рассчитать всё» in Russian before writing anything when the outputs would not fit, and says how many schools fit', () => {
    // The archive sheet replaces «Лист1»'s room in the count: seeded already includes «Лист1».
    const free = outputs + DEFAULT_GRID - 1;
    const h = withFree(region, seeded, free);
    const sheetsBefore = h.twin.sheetNames();
    h.addon.call('menuComputeAll');
    const message = spaced(h.twin.ui.alerts.at(-1)?.message);
    expect(message).toMatch(/^Расчёт не начат/);
    // Used 10 000 000 − free, needed outputs + 26 000 = free + 1: one cell over.
    expect(message).toContain('около 10 000 001 ячеек');
    expect(message).toContain('не больше 10 000 000');
    // In proportion: 300 schools × free ÷ (free + 1) rounds down to 299.
    expect(message).toContain('примерно для 299 школ');
    expect(h.twin.writeCount).toBe(0);
    expect(h.twin.sheetNames()).toEqual(sheetsBefore);
  });

  it("runs when exactly the room the outputs take is free: the budget is the run's real peak, not a guess", () => {
    const h = withFree(region, seeded, outputs + DEFAULT_GRID);
    h.addon.call('menuComputeAll');
    expect(h.twin.ui.alerts.at(-1)?.message).toMatch(/^Расчёт за \d{4} год завершён/);
    expect(h.twin.bound.model.totalCells()).toBe(10_000_000 - DEFAULT_GRID);
  });

  it("counts a re-run's copies of the previous outputs: a re-run that would fill the spreadsheet mid-swap is refused before it starts", () => {
    // A re-run holds the drafts (outputs) and, until every output is in place, a backup of each live sheet with the
    // live sheet grown to the draft (the same size here: outputs again), plus one default grid: 2 × outputs + 26 000.
    const rerunFits = withFree(region, seeded, outputs + 2 * outputs + DEFAULT_GRID);
    rerunFits.addon.call('menuComputeAll');
    rerunFits.addon.call('menuComputeAll');
    expect(rerunFits.twin.ui.alerts.at(-1)?.message).toMatch(/^Расчёт за \d{4} год завершён/);

    const h = withFree(region, seeded, outputs + 2 * outputs + DEFAULT_GRID - 1);
    h.addon.call('menuComputeAll');
    expect(h.twin.ui.alerts.at(-1)?.message).toMatch(/^Расчёт за \d{4} год завершён/);
    const sheetsBefore = h.twin.sheetNames();
    const cellsBefore = h.twin.bound.model.totalCells();
    h.addon.call('menuComputeAll');
    const message = spaced(h.twin.ui.alerts.at(-1)?.message);
    expect(message).toMatch(/^Расчёт не начат/);
    expect(message).toContain('около 10 000 001 ячеек');
    expect(h.twin.sheetNames()).toEqual(sheetsBefore);
    expect(h.twin.bound.model.totalCells()).toBe(cellsBefore);
  });

  it('refuses «Сформировать дорожные карты» in Russian before creating any roadmap when the roadmap sheets would not fit', () => {
    // 12 schools, 3 of them ШНОР. A roadmap sheet is cut to its table and counted at 1000 cells; the run also
    // creates «Факторы риска», «Каталог мер» and «Мониторинг ДК» at the default 1000 × 26 = 26 000 cells each:
    // 3 × 1000 + 3 × 26 000 = 81 000 cells. With 80 000 free it must refuse; 80 000 − 78 000 = 2000 leave room
    // for ⌊2000 ÷ 1000⌋ = 2 roadmaps.
    const h = seedTwin(faultRegion());
    h.addon.call('menuComputeAll');
    expect(h.twin.ui.alerts.at(-1)?.message).toMatch(/ШНОР: 3;/);
    addBigSheet(h.twin, 10_000_000 - 80_000 - h.twin.bound.model.totalCells());
    h.addon.call('menuRoadmaps');
    const message = h.twin.ui.alerts.at(-1)?.message ?? '';
    expect(message).not.toMatch(/Внутренняя ошибка/);
    expect(spaced(message)).toContain('около 10 001 000 ячеек');
    expect(spaced(message)).toContain('примерно для 2 школ');
    expect(h.twin.sheetNames().filter((n) => n.startsWith('ДК '))).toEqual([]);
  });
});
