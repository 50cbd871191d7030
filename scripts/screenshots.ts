/**
 * Screenshots of the demo report for the README, in headless Chromium (playwright-core with the
 * system browser): the «ИСБШ» table, the first chart of «Муниципалитеты», and a roadmap sheet «ДК …».
 *
 *   npm run demo && node --import tsx scripts/screenshots.ts [out/report.html] [docs/screenshots]
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const SHOTS = path.join(ROOT, 'docs', 'screenshots');

/** Opens the tab of the sheet whose title is exactly `name` (or starts with it when `prefix`), returns its section id. */
async function openSheet(page: Page, match: (title: string) => boolean): Promise<string> {
  const ids = await page.$$eval('section.sheet', (sections) =>
    sections.map((s) => [s.id, s.querySelector('h2')?.textContent ?? ''] as [string, string]),
  );
  const found = ids.find(([, title]) => match(title));
  if (!found) throw new Error('Лист не найден в отчёте.');
  await page.evaluate((id) => (location.hash = id), found[0]);
  await page.waitForSelector(`#${found[0]}`, { state: 'visible' });
  return found[0];
}

/** Screenshot of the top of a sheet's table (a tall or wide table is cut to `max`). */
async function shootTable(page: Page, id: string, file: string, max: { width: number; height: number }): Promise<void> {
  const box = await page.locator(`#${id} .table-wrap`).boundingBox();
  if (!box) throw new Error(`Таблица ${id} не видна.`);
  const scroll = await page.evaluate(() => ({ x: window.scrollX, y: window.scrollY }));
  await page.screenshot({
    path: file,
    fullPage: true,
    clip: { x: box.x + scroll.x, y: box.y + scroll.y, width: Math.min(box.width, max.width), height: Math.min(box.height, max.height) },
  });
}

export async function takeScreenshots(reportHtml: string, outDir: string = SHOTS): Promise<string[]> {
  if (!existsSync(reportHtml)) throw new Error(`Нет отчёта ${reportHtml}: сначала запустите npm run demo.`);
  if (!existsSync(CHROMIUM)) throw new Error(`Нет ${CHROMIUM}: установите его (apt-get install -y chromium).`);
  mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const written: string[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
    // The report must need nothing from the network: refuse every request but the file itself.
    await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    await page.goto(pathToFileURL(reportHtml).href);
    // The tabs stay on top while scrolling; in a still picture they would cover the table.
    await page.addStyleTag({ content: 'nav.tabs{position:static}' });

    const isbsh = await openSheet(page, (t) => t === 'ИСБШ');
    const isbshFile = path.join(outDir, 'report-isbsh.png');
    await shootTable(page, isbsh, isbshFile, { width: 1560, height: 620 });
    written.push(isbshFile);

    const municipalities = await openSheet(page, (t) => t === 'Муниципалитеты');
    const chartFile = path.join(outDir, 'report-chart.png');
    await page.locator(`#${municipalities} figure.chart`).first().screenshot({ path: chartFile });
    written.push(chartFile);

    const roadmap = await openSheet(page, (t) => t.startsWith('ДК '));
    const roadmapFile = path.join(outDir, 'report-roadmap.png');
    await shootTable(page, roadmap, roadmapFile, { width: 1560, height: 760 });
    written.push(roadmapFile);
  } finally {
    await browser.close();
  }
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const report = path.resolve(process.argv[2] ?? path.join(ROOT, 'out', 'report.html'));
  takeScreenshots(report, path.resolve(process.argv[3] ?? SHOTS)).then(
    (files) => files.forEach((f) => console.log(f)),
    (error) => {
      console.error(`Ошибка: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
