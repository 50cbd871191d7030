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

describe('the cell budget: Sheets allows 10 000 000 cells per spreadsheet', () => {
  it('refuses «Рассчитать всё» in Russian before writing anything when the outputs would not fit, and says how many schools fit', () => {
    const region = generateRegion({ schools: 1200, seed: 2025 });
    expect(new Set(region.results.slice(1).map((r) => r[2])).size).toBe(9);
    expect(region.risks.length).toBeLessThan(1000);
    // Cells in use before the run (a new sheet's grid is at least 1000 rows × 26 columns):
    //   «Лист1» 1000 × 26 = 26 000; responses 1201 rows × 26 = 31 226; «Риски» (< 1000 rows) 26 000;
    //   «Результаты ОП» results.length rows × 26.
    const inputs = 26_000 + 1201 * 26 + 26_000 + region.results.length * 26;
    // The outputs of n ≥ 995 schools need (n + 5) rows in the four per-school sheets — «ИСБШ» 28 columns (up to the
    // chart's anchor), «ШНОР» 11 + 2·9 + 4 = 33, «Риск-профили» 6 + 2·10 + 5 = 31, «История» of the two years
    // 4 + 2·2 + 3 + 9·2 + 1 = 30, together 122 — plus five summary sheets at the default 1000 × 26, «ШНОР по годам»
    // (67 municipalities: 67 + 1 + 6 + 2 + 1 + 3 + 20 = 100 rows × 12 columns), «Динамика по группам» (no «Группы»: town,
    // village and 67 municipalities = 69 groups × (9 + 1) + 5 = 695 rows × 16) and «Кластеры по группам» (74 rows × 22),
    // all three the default grid too: 122·(n + 5) + 208 000. Leaving 122·1105 + 208 000 = 342 810 cells free makes 1100
    // schools the most that fit (1101 would need 342 932), while 1200 schools need 122·1205 + 208 000 = 355 010.
    expect(new Set(region.responses.slice(1).map((r) => r[3])).size).toBe(67);
    expect(new Set(region.responses.slice(1).map((r) => r[4])).size).toBe(2);
    const free = 342_810;
    const h = seedTwin(region, { before: (twin) => addBigSheet(twin, 10_000_000 - free - inputs) });
    const sheetsBefore = h.twin.sheetNames();
    h.addon.call('menuComputeAll');
    const message = spaced(h.twin.ui.alerts.at(-1)?.message);
    expect(message).toMatch(/^Расчёт не начат/);
    // The whole spreadsheet after the run would hold 10 000 000 − 342 810 + 355 010 = 10 012 200 cells.
    expect(message).toContain('около 10 012 200 ячеек');
    expect(message).toContain('не больше 10 000 000');
    expect(message).toContain('примерно для 1 100 школ');
    expect(h.twin.writeCount).toBe(0);
    expect(h.twin.sheetNames()).toEqual(sheetsBefore);
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
