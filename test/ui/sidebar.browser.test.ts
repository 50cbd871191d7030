/**
 * The sidebar in a real headless Chromium, driving the BUILT add-in (build/Sidebar.html and
 * build/Code.js) through the local harness and the in-memory twin seeded with the sample region.
 * The first block checks the page's own settings conversion without a browser.
 */
import { execFileSync } from 'node:child_process';
import { Console } from 'node:console';
import { PassThrough, Writable } from 'node:stream';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SETTING_LABELS, defaultSettings } from '../../src/core/settings';
import { parseNumber, settingsToText, textToSettings } from '../../src/ui/sidebar/settingsValues';
import { chromiumSkipReason, hasChromium, launchChromium } from '../support/browser';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Screenshots for the README are refreshed with UPDATE_SCREENSHOTS=1; ordinary runs keep them out of the work tree.
const SHOTS = process.env.UPDATE_SCREENSHOTS ? path.join(ROOT, 'docs', 'screenshots') : path.join(ROOT, 'test-results', 'screenshots');

describe('settings form values', () => {
  it('shows shares as percents with a decimal comma and the other settings as typed', () => {
    const text = settingsToText(defaultSettings());
    // riskZoneShare 0.25 → «25»; shnorThreshold 0.3 → «30»; multiculturalShare 0.15 → «15» (not 15.000000000000002).
    expect(text.riskZoneShare).toBe('25');
    expect(text.shnorThreshold).toBe('30');
    expect(text.multiculturalShare).toBe('15');
    expect(text.ovzMediumShare).toBe('8');
    // ИСБШ bounds 79.5, 81.6, 83.9, 86.4 with a comma.
    expect(text.isbshLevelBounds).toEqual(['79,5', '81,6', '83,9', '86,4']);
    expect(text.shnorSubjects).toBe('математика, русский язык');
    expect(text.riskZoneGrouping).toBe('municipality');
    expect(text.reportingYear).toBe('');
  });

  it('reads the form back into the same settings it was filled from', () => {
    const read = textToSettings(settingsToText(defaultSettings()), SETTING_LABELS);
    expect(read).toEqual({ ok: true, settings: defaultSettings() });
  });

  it('reads a percent with a comma, a percent sign or spaces as a share', () => {
    const text = settingsToText(defaultSettings());
    text.riskZoneShare = '35,5'; // 35.5 % → 0.355
    text.shnorThreshold = '40 %'; // 40 % → 0.4
    text.smallSchoolStudents = '1 200'; // a count with a space as thousands separator → 1200
    text.shnorSubjects = ' математика ;  русский язык , '; // separators and blanks dropped
    text.reportingYear = '2024';
    const read = textToSettings(text, SETTING_LABELS);
    if (!read.ok) throw new Error(read.problems.join('\n'));
    expect(read.settings.riskZoneShare).toBe(0.355);
    expect(read.settings.shnorThreshold).toBe(0.4);
    expect(read.settings.smallSchoolStudents).toBe(1200);
    expect(read.settings.shnorSubjects).toEqual(['математика', 'русский язык']);
    expect(read.settings.reportingYear).toBe(2024);
  });

  it('names the setting and the value when a field is not a number, empty or a percent above 100', () => {
    const text = settingsToText(defaultSettings());
    text.deficitSdK = 'два';
    text.isbshLevelBounds[2] = '';
    text.riskZoneShare = '150';
    text.shnorSubjects = ' , ';
    const read = textToSettings(text, SETTING_LABELS);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems).toEqual([
      `${SETTING_LABELS.isbshLevelBounds}, граница 3: значение не заполнено.`,
      `${SETTING_LABELS.riskZoneShare}: доля должна быть от 0 до 100\u00A0%, введено «150».`,
      `${SETTING_LABELS.deficitSdK}: «два» — не число.`,
      `${SETTING_LABELS.shnorSubjects}: нужен хотя бы один предмет.`,
    ]);
  });

  it('accepts Russian and dotted decimals and refuses words', () => {
    expect(parseNumber('35,5')).toBe(35.5);
    expect(parseNumber('35.5')).toBe(35.5);
    expect(parseNumber('1\u00a0234')).toBe(1234);
    expect(parseNumber('30 %')).toBe(30);
    expect(parseNumber('-2')).toBe(-2);
    expect(parseNumber('abc')).toBeNull();
    expect(parseNumber('1,2,3')).toBeNull();
    expect(parseNumber('')).toBeNull();
  });

  it('keeps the default settings unchanged (the form works on copies)', () => {
    settingsToText(DEFAULT_SETTINGS as never);
    expect(DEFAULT_SETTINGS.riskZoneShare).toBe(0.25);
  });
});

// ---------------------------------------------------------------------------------------------
// The browser walk-through.

/** Newest modification time under a folder (for deciding whether build/ is stale). */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds build/ when it is missing or older than src/, so the test always drives the current add-in. */
function ensureBuilt(): void {
  const outputs = ['Code.js', 'Sidebar.html'].map((f) => path.join(ROOT, 'build', f));
  const built = outputs.every(existsSync) ? Math.min(...outputs.map((f) => statSync(f).mtimeMs)) : 0;
  if (built < newestMtime(path.join(ROOT, 'src')))
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'pipe' });
}

/** A school whose name is an HTML tag with a script: it must show as text and never run. */
const HOSTILE_NAME = '<img src=x onerror=alert(1)>';
const HOSTILE_CODE = 'edu769999';
/** One extra Form response in the sample's column order (see samples/responses.csv). */
const HOSTILE_RESPONSE = [
  '15.09.2025 10:00:00',
  HOSTILE_CODE,
  HOSTILE_NAME,
  'г. Северск',
  'город',
  '300',
  '90',
  '250',
  '40',
  '5',
  '3',
  '2',
  '10',
  'Нет',
  '20',
  '5',
  'педагог-психолог',
  'Да',
  'Да',
  '90000',
];

/** expect.poll with room for a loaded machine (each call evaluates build/Code.js afresh, as Apps Script does). */
function poll<T>(fn: () => T | Promise<T>) {
  return expect.poll(fn, { timeout: 20_000, interval: 100 });
}

// A skipped suite shows no reason in the default reporter, so say it once.
if (!hasChromium) console.warn(`Sidebar browser tests ${chromiumSkipReason}.`);

type Harness = Awaited<ReturnType<typeof import('../../scripts/sidebar-harness').startHarness>>;

describe.skipIf(!hasChromium)(`sidebar in Chromium against the built add-in${chromiumSkipReason ? ` (${chromiumSkipReason})` : ''}`, () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  const addinErrors: string[] = [];
  const addinLog = new Writable({
    write(chunk: Buffer, _encoding, done) {
      addinErrors.push(chunk.toString('utf8'));
      done();
    },
  });
  const pageErrors: string[] = [];

  async function sheets(): Promise<string[]> {
    const res = await fetch(new URL('/__twin/sheets', harness.url));
    return (await res.json()) as string[];
  }

  async function rpc(name: string, ...args: unknown[]): Promise<unknown> {
    const res = await fetch(new URL('/rpc', harness.url), { method: 'POST', body: JSON.stringify({ name, args }) });
    const body = await res.json();
    if (!res.ok) throw new Error((body as { error: string }).error);
    return body;
  }

  async function openSidebar(): Promise<void> {
    await page.goto(harness.url);
    await page.locator('#app').waitFor({ state: 'visible' });
  }

  /** Opens the collapsible column mapping (it opens by itself only when a field needs checking). */
  async function openMapping(): Promise<void> {
    if (!(await page.locator('#mapping-details').evaluate((d) => (d as HTMLDetailsElement).open)))
      await page.locator('#mapping-details > summary').click();
  }

  /** Saves a screenshot for the README: the whole page, or one part of it (a CSS selector). */
  async function shot(name: string, part?: string): Promise<void> {
    if (part) await page.locator(part).screenshot({ path: path.join(SHOTS, name) });
    else await page.screenshot({ path: path.join(SHOTS, name), fullPage: true });
  }

  /** Clicks a run button and waits until the progress panel says finished or shows an error. */
  async function runAndWait(button: string): Promise<void> {
    await page.getByRole('button', { name: button, exact: true }).click();
    await page.waitForFunction(() => {
      const text = document.getElementById('progress-text')?.textContent ?? '';
      const error = document.getElementById('progress-error');
      return text === 'Готово.' || (error !== null && !error.hidden);
    });
  }

  beforeAll(async () => {
    ensureBuilt();
    mkdirSync(SHOTS, { recursive: true });
    const { startHarness } = await import('../../scripts/sidebar-harness');
    // The add-in logs the injected write failure with console.error; record it instead of printing it.
    const quiet = new Console({ stdout: new PassThrough(), stderr: addinLog });
    // Slow service calls with the add-in's clock following the twin's: each sidebar step does one part of the
    // run, as for a large region on the real platform (a small one would finish in one call).
    harness = await startHarness({
      port: 0,
      seed: { extraResponses: [HOSTILE_RESPONSE] },
      console: quiet,
      twin: { costs: { perCallMs: 3000 } },
      load: { dateFollowsClock: true },
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 300, height: 800 }, locale: 'ru-RU' });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  it('shows section 1 with the responses sheet, its headers in each field and the years of the results', async () => {
    await openSidebar();
    await poll(() => page.locator('#sheet-select').inputValue()).toBe('Ответы на форму (1)');
    // The sample's «Код ОО» is its second column (B).
    await openMapping();
    const code = page.locator('select[data-field="schoolCode"]');
    // The label names the field and marks it required.
    await expect(page.locator(`label[for="${await code.getAttribute('id')}"]`).textContent()).resolves.toBe('Код ОО*');
    await poll(() => code.locator('option:checked').textContent()).toBe('B · Код ОО');
    const years = await page.locator('#year-select option').allTextContents();
    // samples/README.md: results for 2024 and 2025; newest first after «последний в данных».
    expect(years).toEqual(['последний в данных', '2025', '2024']);
    // Every control has a label a screen reader can read.
    const unlabelled = await page.evaluate(() =>
      Array.from(document.querySelectorAll('input, select'))
        .filter((c) => !(c as HTMLInputElement).labels?.length && !c.getAttribute('aria-label'))
        .map((c) => c.outerHTML),
    );
    expect(unlabelled).toEqual([]);
    await shot('sidebar-1-data.png');
  });

  it('keeps a changed column mapping after the page is reloaded', async () => {
    await openSidebar();
    await openMapping();
    const ovz = page.locator('select[data-field="ovz"]');
    await expect(ovz.count()).resolves.toBe(1);
    const before = await ovz.inputValue();
    await ovz.selectOption('');
    await page.getByRole('button', { name: 'Сохранить соответствие' }).click();
    await poll(() => page.locator('#mapping-status').textContent()).toBe('Соответствие сохранено.');
    await openSidebar();
    await poll(() => page.locator('select[data-field="ovz"]').inputValue()).toBe('');
    // Put it back, so the rest of the walk-through computes with the sample's full mapping.
    await openMapping();
    await page.locator('select[data-field="ovz"]').selectOption(before);
    await page.getByRole('button', { name: 'Сохранить соответствие' }).click();
    await poll(() => page.locator('#mapping-status').textContent()).toBe('Соответствие сохранено.');
    await openSidebar();
    await poll(() => page.locator('select[data-field="ovz"]').inputValue()).toBe(before);
  });

  it('checks the data, counts the problems and opens «Проверка данных» from its link', async () => {
    await openSidebar();
    await runAndWait('Проверить данные');
    await expect(page.locator('#progress-error').isHidden()).resolves.toBe(true);
    const result = await page.locator('#check-result').textContent();
    expect(result).toMatch(/Найдено проблем: \d+\./);
    expect(await sheets()).toContain('Проверка данных');
    await page.getByRole('button', { name: 'Открыть лист «Проверка данных»' }).click();
    await poll(() => harness.twin.spreadsheet.getActiveSheet().getName()).toBe('Проверка данных');
    await shot('sidebar-2-check.png');
  });

  it('computes everything and links each sheet it wrote', async () => {
    await openSidebar();
    await runAndWait('Рассчитать всё');
    await expect(page.locator('#progress-error').isHidden()).resolves.toBe(true);
    const names = await sheets();
    for (const sheet of ['ИСБШ', 'ШНОР', 'Динамика', 'Муниципалитеты', 'Показатели', 'Риск-профили', 'Проверка данных'])
      expect(names).toContain(sheet);
    // 72 sample schools + the hostile one = 73 schools read.
    await poll(() => page.locator('[data-summary="schoolsRead"] dd').textContent()).toBe('73');
    const links = await page.locator('#results-sheets button.link').allTextContents();
    expect(links).toContain('ИСБШ');
    expect(links).toContain('ШНОР');
    await page.locator('#results-sheets').getByRole('button', { name: 'ШНОР', exact: true }).click();
    await poll(() => harness.twin.spreadsheet.getActiveSheet().getName()).toBe('ШНОР');
    await shot('sidebar-3-compute.png');
  });

  it('lists a school named like an HTML tag as literal text and runs nothing from it', async () => {
    await openSidebar();
    await page.getByLabel('Поиск школы').fill('edu769999');
    const item = page.locator(`#school-list li[data-code="${HOSTILE_CODE}"]`);
    await item.waitFor();
    await expect(item.locator('.school-name').textContent()).resolves.toBe(HOSTILE_NAME);
    await expect(page.locator('#school-list img').count()).resolves.toBe(0);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
  });

  it('generates roadmaps for the chosen ШНОР and links them', async () => {
    await openSidebar();
    await page.getByLabel('Поиск школы').fill('');
    await page.getByLabel('Поиск школы').press('Enter');
    const shnor = page.locator('#school-list li:has(.school-status.shnor)');
    await shnor.first().waitFor();
    const codes = await shnor.evaluateAll((items) => items.slice(0, 2).map((li) => (li as HTMLElement).dataset.code ?? ''));
    expect(codes.length).toBe(2);
    for (const code of codes) await page.locator(`#school-list li[data-code="${code}"] input`).check();
    await expect(page.locator('#selection-status').textContent()).resolves.toBe('Выбрано школ: 2.');
    await runAndWait('Сформировать дорожные карты');
    await expect(page.locator('#progress-error').isHidden()).resolves.toBe(true);
    const names = await sheets();
    for (const code of codes) expect(names).toContain(`ДК ${code}`);
    expect(names.filter((n) => n.startsWith('ДК '))).toHaveLength(2);
    expect(names).toContain('Мониторинг ДК');
    await poll(() => page.locator('[data-summary="roadmaps"] dd').textContent()).toBe('2');
    await shot('sidebar-4-roadmaps.png');
    // «Все ШНОР» forgets the ticks.
    await page.getByRole('button', { name: 'Все ШНОР' }).click();
    await expect(page.locator('#selection-status').textContent()).resolves.toBe('Выбраны: все ШНОР.');
  });

  it('refreshes «Мониторинг ДК»', async () => {
    await openSidebar();
    await runAndWait('Обновить мониторинг');
    await expect(page.locator('#progress-error').isHidden()).resolves.toBe(true);
    expect(await sheets()).toContain('Мониторинг ДК');
    const links = await page.locator('#results-sheets button.link').allTextContents();
    expect(links).toContain('Мониторинг ДК');
    await shot('sidebar-5-monitoring.png');
  });

  it('saves the reporting year chosen in section 1 with the settings', async () => {
    await openSidebar();
    await page.getByLabel('Отчётный год').selectOption('2024');
    await poll(() => page.locator('#year-status').textContent()).toBe('Отчётный год сохранён.');
    expect(((await rpc('sidebarState')) as { settings: { reportingYear: unknown } }).settings.reportingYear).toBe(2024);
    await openSidebar();
    await expect(page.getByLabel('Отчётный год').inputValue()).resolves.toBe('2024');
    await page.getByLabel('Отчётный год').selectOption('');
    await poll(() => page.locator('#year-status').textContent()).toBe('Отчётный год сохранён.');
    expect(((await rpc('sidebarState')) as { settings: { reportingYear: unknown } }).settings.reportingYear).toBeNull();
  });

  it('can be driven from the keyboard with the focus visible', async () => {
    await openSidebar();
    await page.locator('body').focus();
    let focused = '';
    for (let i = 0; i < 60 && focused !== 'run-check'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.id ?? '');
    }
    expect(focused).toBe('run-check');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).toBe('solid'); // styles.css: a 2px solid ring on :focus-visible
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('progress-text')?.textContent === 'Готово.');
    await expect(page.locator('#check-result').textContent()).resolves.toMatch(/Найдено проблем: \d+\./);
    // Focus moves to the results heading, so a screen reader hears the outcome.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('results-title');
  });

  it('refuses a zone share of 150 % and a cluster bound below the ШНОР threshold, in Russian', async () => {
    await openSidebar();
    await page.locator('#settings > summary').click();
    const zone = page.getByLabel('Доля зоны риска', { exact: true });
    await expect(zone.inputValue()).resolves.toBe('25');
    await zone.fill('150');
    await page.getByRole('button', { name: 'Сохранить настройки' }).click();
    await poll(() => page.locator('#settings-status').innerText()).toBe(
      'Настройки не сохранены:\nДоля зоны риска: доля должна быть от 0 до 100\u00A0%, введено «150».',
    );
    // A rule between two settings is the server's: threshold 45 % above «умеренно» from 40 %.
    await zone.fill('25');
    await page.getByLabel('Порог ШНОР (доля не преодолевших)').fill('45');
    await page.getByRole('button', { name: 'Сохранить настройки' }).click();
    await poll(() => page.locator('#settings-status').innerText()).toBe(
      'Настройки не сохранены:\nКластер «умеренно неуспевающие» от: не может быть меньше порога ШНОР.',
    );
    await shot('sidebar-6-settings.png', '#settings');
    // A valid change is kept; «Сбросить по умолчанию» brings the defaults back.
    await page.getByLabel('Порог ШНОР (доля не преодолевших)').fill('35');
    await page.getByRole('button', { name: 'Сохранить настройки' }).click();
    await poll(() => page.locator('#settings-status').textContent()).toBe('Настройки сохранены.');
    await openSidebar();
    await page.locator('#settings > summary').click();
    await expect(page.getByLabel('Порог ШНОР (доля не преодолевших)').inputValue()).resolves.toBe('35');
    await page.getByRole('button', { name: 'Сбросить по умолчанию' }).click();
    await poll(() => page.locator('#settings-status').textContent()).toBe('Восстановлены настройки по умолчанию.');
    await expect(page.getByLabel('Порог ШНОР (доля не преодолевших)').inputValue()).resolves.toBe('30');
  });

  it('shows the server message when a write fails mid-run and leaves the previous sheets in place', async () => {
    await openSidebar();
    const before = await sheets();
    const isbshBefore = harness.twin.spreadsheet.getSheetByName('ИСБШ')!.getDataRange().getValues();
    const steps: string[] = [];
    const countSteps = (r: import('playwright-core').Request) => {
      if (r.url().endsWith('/rpc') && (r.postData() ?? '').includes('"sidebarRunStep"')) steps.push(r.postData() ?? '');
    };
    page.on('request', countSteps);
    // «Рассчитать всё» makes about 250 writes in 5 steps; the 100th falls inside a later step, after earlier ones succeeded.
    await fetch(new URL('/__twin/fail-at-write', harness.url), { method: 'POST', body: JSON.stringify({ k: 100 }) });
    await runAndWait('Рассчитать всё');
    page.off('request', countSteps);
    expect(steps.length).toBeGreaterThanOrEqual(2);
    // The add-in logged the service failure (with its short id) for the developer.
    expect(addinErrors.join('')).toMatch(/Service Spreadsheets failed/);
    const error = page.locator('#progress-error');
    await expect(error.isVisible()).resolves.toBe(true);
    const text = await error.innerText();
    expect(text.startsWith('Ошибка. ')).toBe(true);
    expect(text).toMatch(/не изменены/);
    expect(await sheets()).toEqual(before);
    expect(harness.twin.spreadsheet.getSheetByName('ИСБШ')!.getDataRange().getValues()).toEqual(isbshBefore);
    await shot('sidebar-7-failure.png');
    // The buttons work again after the failure.
    await expect(page.getByRole('button', { name: 'Рассчитать всё' }).isEnabled()).resolves.toBe(true);
  });

  it('offers to continue a run left open and finishes it', async () => {
    await rpc('sidebarStartRun', 'monitoring', {});
    await openSidebar();
    const resume = page.locator('#resume');
    await expect(resume.isVisible()).resolves.toBe(true);
    // «Мониторинг ДК» is two steps: the monitoring sheet and the protections of the sheets.
    await expect(resume.textContent()).resolves.toMatch(/Запуск «Мониторинг ДК» начат .+; выполнено шагов: 0 из 2\./);
    await page.getByRole('button', { name: 'Продолжить' }).click();
    await page.waitForFunction(() => document.getElementById('progress-text')?.textContent === 'Готово.');
    await expect(resume.isHidden()).resolves.toBe(true);
    expect((await rpc('sidebarState')) as { activeRun: unknown }).toMatchObject({ activeRun: null });
  });

  it('cancels a run left open from the offer', async () => {
    await rpc('sidebarStartRun', 'monitoring', {});
    await openSidebar();
    await page.locator('#resume').getByRole('button', { name: 'Отменить' }).click();
    await poll(() => page.locator('#resume-text').textContent()).toMatch(/^Отменено\./);
    expect((await rpc('sidebarState')) as { activeRun: unknown }).toMatchObject({ activeRun: null });
  });

  it('stops calling steps after «Отменить» and tells the server', async () => {
    await openSidebar();
    const stepCalls: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/rpc', async (route) => {
      const body = route.request().postData() ?? '';
      if (body.includes('"sidebarRunStep"')) {
        stepCalls.push(body);
        if (stepCalls.length === 1) await held;
      }
      await route.continue();
    });
    const before = await sheets();
    await page.getByRole('button', { name: 'Рассчитать всё' }).click();
    await poll(() => stepCalls.length).toBe(1);
    await expect(page.locator('#progress-text').textContent()).resolves.toMatch(/^Шаг 1 из \d+: .+/);
    await expect(page.getByRole('button', { name: 'Рассчитать всё' }).isDisabled()).resolves.toBe(true);
    await shot('sidebar-8-progress.png');
    await page.locator('#progress-panel').getByRole('button', { name: 'Отменить' }).click();
    await poll(() => page.locator('#progress-text').textContent()).toMatch(/^Отменено\./);
    release();
    await page.waitForTimeout(500);
    await page.unroute('**/rpc');
    expect(stepCalls).toHaveLength(1);
    expect(await sheets()).toEqual(before);
    expect((await rpc('sidebarState')) as { activeRun: unknown }).toMatchObject({ activeRun: null });
  });

  it('«Отменить» while a step runs on the server: the page says «Отменено» only once the step has stopped, and nothing changes', async () => {
    await openSidebar();
    const before = await sheets();
    const isbshBefore = harness.twin.spreadsheet.getSheetByName('ИСБШ')!.getDataRange().getValues();
    // google.script.run calls overlap: the next step waits for the page's next call (the cancel) and runs it as a
    // parallel execution while it writes its first draft sheet, holding the document lock.
    await fetch(new URL('/__twin/overlap-next-step', harness.url), {
      method: 'POST',
      body: JSON.stringify({ method: 'Spreadsheet.insertSheet' }),
    });
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressTexts: string[] }).progressTexts = seen;
      const text = document.getElementById('progress-text')!;
      new MutationObserver(() => seen.push(text.textContent ?? '')).observe(text, { childList: true, characterData: true, subtree: true });
    });
    await page.getByRole('button', { name: 'Рассчитать всё' }).click();
    await poll(() => page.locator('#progress-text').textContent()).toMatch(/^Шаг 1 из \d+: .+/);
    await page.locator('#progress-panel').getByRole('button', { name: 'Отменить' }).click();
    await poll(() => page.locator('#progress-text').textContent()).toMatch(/^Отменено\./);
    const texts = await page.evaluate(() => (window as unknown as { progressTexts: string[] }).progressTexts);
    // First the server said the step was stopping (the cancel did not wait for the lock), then that it stopped.
    const stopping = texts.findIndex((t) => t.startsWith('Останавливаем'));
    expect(stopping).toBeGreaterThanOrEqual(0);
    expect(texts.findIndex((t) => t.startsWith('Отменено'))).toBeGreaterThan(stopping);
    expect(await sheets()).toEqual(before);
    expect(harness.twin.spreadsheet.getSheetByName('ИСБШ')!.getDataRange().getValues()).toEqual(isbshBefore);
    expect((await rpc('sidebarState')) as { activeRun: unknown }).toMatchObject({ activeRun: null });
    await expect(page.getByRole('button', { name: 'Рассчитать всё' }).isEnabled()).resolves.toBe(true);
  });

  it('a cancel that reaches the server while the sheets are being swapped in is too late: the page shows the run as done', async () => {
    await openSidebar();
    // The cancel starts when a step deletes a sheet, which only the swap (the last part) does.
    await fetch(new URL('/__twin/overlap-next-step', harness.url), {
      method: 'POST',
      body: JSON.stringify({ method: 'Spreadsheet.deleteSheet', later: true }),
    });
    await page.getByRole('button', { name: 'Рассчитать всё' }).click();
    await poll(() => page.locator('#progress-text').textContent()).toMatch(/^Шаг 1 из \d+: .+/);
    await page.locator('#progress-panel').getByRole('button', { name: 'Отменить' }).click();
    await poll(() => page.locator('#progress-text').textContent()).toBe(
      'Отменить не удалось: расчёт уже завершился, листы с результатами заменены.',
    );
    await expect(page.locator('#results').isVisible()).resolves.toBe(true);
    expect(await sheets()).toContain('ИСБШ');
    expect((await sheets()).filter((n) => n.includes('~'))).toEqual([]);
    expect((await rpc('sidebarState')) as { activeRun: unknown }).toMatchObject({ activeRun: null });
  });

  it('names who switched the form-submit recompute on', async () => {
    await rpc('menuToggleTrigger');
    await openSidebar();
    await poll(() => page.locator('#trigger-status').textContent()).toMatch(
      /^Пересчёт при новом ответе формы включён вами \(methodologist@example\.org\)/,
    );
    await rpc('menuToggleTrigger');
    await openSidebar();
    await poll(() => page.locator('#trigger-status').textContent()).toBe('Пересчёт при новом ответе формы выключен.');
  });

  it('says what the protections cannot restrict: the owner named as a school’s responsible person', async () => {
    // The harness's user owns the spreadsheet; «Доступ» names that address for edu760008, which Sheets cannot restrict.
    const owner = harness.twin.spreadsheet.getOwner()!.getEmail();
    harness.twin.addSheet('Доступ', [
      ['Код ОО', 'E-mail ответственного школы', 'E-mail куратора', 'Муниципалитет', 'E-mail муниципального координатора'],
      ['edu760008', owner, '', '', ''],
    ]);
    await openSidebar();
    await runAndWait('Проверить данные');
    const notes = page.locator('[data-access-notes]');
    await poll(() => notes.isVisible()).toBe(true);
    await expect(notes.textContent()).resolves.toMatch(/Что защита не ограничивает:.*Ответственный школы \(edu760008\) — владелец таблицы/);
    // Addresses stay in «Доступ»: the page does not repeat them.
    await expect(notes.textContent()).resolves.not.toContain(owner);
  });

  it('never put a dialog up or threw in the page', () => {
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
