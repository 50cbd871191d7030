import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UI } from '../../src/ui/messages';
import { MSG } from '../../src/ui/sidebar/messages';

const NBSP = '\u00A0';

describe('the words of the menu, the dialogs and the sidebar', () => {
  it('a refused start names the running one as «запуск», which agrees with every kind of run', () => {
    expect(UI.runActive('Проверка данных', '23.11.2026 06:22')).toBe(
      'Уже идёт запуск «Проверка данных», начатый 23.11.2026 06:22. Продолжите его в боковой панели или отмените.',
    );
  });

  it('the sidebar offers to continue a run in words that agree with every kind of run', () => {
    expect(MSG.resumeText('Дорожные карты', '23.11.2026 06:22', 1, 3)).toBe(
      'Запуск «Дорожные карты» начат 23.11.2026 06:22; выполнено шагов: 1 из 3.',
    );
  });

  it('a compute without any assessment results says so instead of «за — год»', () => {
    expect(UI.doneCompute(3, 0, 1, 0, null)).toBe(
      'Расчёт завершён, но результатов оценочных процедур нет: статусы ШНОР не определены. ' +
        'Школ: 3; ШНОР: 0; в зоне риска по ИСБШ: 1; приоритетных адресатов: 0.',
    );
  });

  it('quotes the names of the template sheets it created or kept', () => {
    expect(UI.templatesCreated(['Риски'], ['Результаты ОП'])).toBe('Созданы листы: «Риски».\nУже были и не изменены: «Результаты ОП».');
  });

  it('groups large numbers by threes with non-breaking spaces, so an alert never breaks a number across lines', () => {
    expect(UI.cellLimitReached).toContain(`предела в 10${NBSP}000${NBSP}000 ячеек`);
    const budget = UI.cellBudget(10_009_100, 10_000_000, 1100);
    expect(budget).toContain(`около 10${NBSP}009${NBSP}100 ячеек`);
    expect(budget).toContain(`не больше 10${NBSP}000${NBSP}000.`);
    expect(budget).toContain(`примерно для 1${NBSP}100 школ`);
  });

  it('keeps a percent sign on the line of its number', () => {
    expect(MSG.settingsHint).toBe(`Доли вводятся в процентах: «30» означает 30${NBSP}%.`);
    expect(MSG.percentRange('Доля зоны риска', '150')).toBe(`Доля зоны риска: доля должна быть от 0 до 100${NBSP}%, введено «150».`);
  });

  it('no messages module separates a number from its percent sign by a breakable space', () => {
    const files = [
      'src/core/messages.ts',
      'src/ui/messages.ts',
      'src/ui/sidebar/messages.ts',
      'src/sheets/messages.ts',
      'src/functions/messages.ts',
      'src/sheets/outputs/dataCheckSheet.ts',
      'src/sheets/outputs/isbshSheet.ts',
      'src/sheets/outputs/riskProfilesSheet.ts',
      'src/sheets/outputs/shnorSheet.ts',
      'src/sheets/outputs/summarySheets.ts',
    ];
    const offending: string[] = [];
    for (const file of files) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/^\s*(\*|\/\/|\/\*)/.test(line)) return; // comments are for developers
          // «0 % за два года» is a dynamics type of docs/методика.md §4: a cell value people match in formulas, kept as the methodology writes it.
          if (/\d %/.test(line.replaceAll('0 % за два года', ''))) offending.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offending).toEqual([]);
  });
});
