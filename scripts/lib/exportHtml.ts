/**
 * Writes a spreadsheet snapshot as one self-contained HTML page in Russian: a tab per sheet (CSS
 * only, no network, no external files), each sheet's table with values shown under their number
 * formats, bold cells, header fills, notes as tooltips and conditional colours, and every embedded
 * chart drawn as inline SVG from the chart's own type, ranges and options. Every text that came from
 * a sheet is escaped, so a school named `<img src=x onerror=alert(1)>` shows as that text.
 */
import { writeFile } from 'node:fs/promises';
import { CHART_HEIGHT, CHART_WIDTH, chartModel, renderChartSvg } from './charts';
import { displayText } from './displayFormat';
import { conditionalStyles, type CellStyle } from './formulaRules';
import type { SheetSnapshot, SpreadsheetSnapshot } from './snapshot';
import { columnLetter } from '../../src/sheets/a1';

export interface HtmlOptions {
  /** Date the report is made; also TODAY() for conditional rules (e.g. overdue roadmap rows). */
  generatedAt: Date;
  /** Lines shown above the tabs (e.g. the run's summary). */
  summary?: string[];
  title?: string;
}

const ROW_NUMBER_WIDTH = 40;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

/** The id of the n-th sheet's section (0-based), the target of its tab link. */
export function sectionId(index: number): string {
  return `sheet-${index + 1}`;
}

/** Only #rgb / #rrggbb colours reach a style attribute. */
function safeColor(color: string | null | undefined): string | null {
  return color && /^#[0-9a-f]{3}(?:[0-9a-f]{3})?$/i.test(color.trim()) ? color.trim() : null;
}

function cellStyleAttr(base: string | null, style: CellStyle | undefined, bold: boolean, italic: boolean): string {
  const parts: string[] = [];
  const background = safeColor(style?.background) ?? safeColor(base);
  if (background) parts.push(`background:${background}`);
  const color = safeColor(style?.fontColor);
  if (color) parts.push(`color:${color}`);
  if (bold || style?.bold) parts.push('font-weight:bold');
  if (italic) parts.push('font-style:italic');
  return parts.length ? ` style="${parts.join(';')}"` : '';
}

function renderTable(sheet: SheetSnapshot, timeZone: string, today: Date): string {
  const rows = sheet.values.length;
  const width = Math.max(0, ...sheet.values.map((r) => r.length));
  if (rows === 0 || width === 0) return '<p class="empty">Лист пуст.</p>';
  const display = (r: number, c: number) => displayText(sheet.values[r - 1]?.[c - 1], sheet.formats[r - 1]?.[c - 1] ?? '', timeZone);
  const conditional = conditionalStyles(sheet, today, timeZone, display);
  const visible = Array.from({ length: width }, (_, i) => i + 1).filter((c) => !sheet.hiddenColumns.includes(c));
  const widths = visible.map((c) => Math.max(24, Math.round(sheet.columnWidths[c - 1] ?? 100)));
  const cols = widths.map((w) => `<col style="width:${w}px">`).join('');
  const letters = visible.map((c) => `<th class="col-letter">${columnLetter(c - 1)}</th>`).join('');
  const head: string[] = [`<tr class="letters"><th class="row-number"></th>${letters}</tr>`];
  const body: string[] = [];
  const isEmpty = (r: number, c: number) => {
    const v = sheet.values[r - 1]?.[c - 1];
    return v === null || v === undefined || v === '';
  };
  const soleText = (r: number) => visible.filter((c) => !isEmpty(r, c)).length === 1;
  for (let r = 1; r <= rows; r++) {
    const cells: string[] = [];
    for (let i = 0; i < visible.length; i++) {
      const c = visible[i];
      const value = sheet.values[r - 1]?.[c - 1];
      const text = display(r, c);
      const note = sheet.notes[r - 1]?.[c - 1] ?? '';
      // A caption runs on over the empty cells to its right, as text overflows in Sheets; inside a table the cells keep
      // their own columns (and colours).
      let span = 1;
      if (typeof value === 'string' && value !== '' && (r <= sheet.frozenRows || soleText(r)))
        while (i + span < visible.length && isEmpty(r, visible[i + span]) && !sheet.notes[r - 1]?.[visible[i + span] - 1]) span++;
      const classes = [
        typeof value === 'number' ? 'num' : '',
        value instanceof Date ? 'date' : '',
        note ? 'has-note' : '',
        span > 1 ? 'overflow' : '',
      ].filter(Boolean);
      const attrs =
        (classes.length ? ` class="${classes.join(' ')}"` : '') +
        (span > 1 ? ` colspan="${span}"` : '') +
        (note ? ` title="${escapeHtml(note)}"` : '');
      const tag = r <= sheet.frozenRows ? 'th' : 'td';
      cells.push(
        `<${tag}${attrs}${cellStyleAttr(sheet.backgrounds[r - 1]?.[c - 1] ?? null, conditional.get(`${r}:${c}`), sheet.bold[r - 1]?.[c - 1] ?? false, sheet.italic[r - 1]?.[c - 1] ?? false)}>${escapeHtml(text)}</${tag}>`,
      );
      i += span - 1;
    }
    const line = `<tr><th class="row-number">${r}</th>${cells.join('')}</tr>`;
    (r <= sheet.frozenRows ? head : body).push(line);
  }
  const tableWidth = ROW_NUMBER_WIDTH + widths.reduce((a, b) => a + b, 0);
  return `<div class="table-wrap"><table style="width:${tableWidth}px"><colgroup><col style="width:${ROW_NUMBER_WIDTH}px">${cols}</colgroup><thead>${head.join('\n')}</thead><tbody>${body.join('\n')}</tbody></table></div>`;
}

function renderCharts(sheet: SheetSnapshot, index: number, timeZone: string): string {
  if (sheet.charts.length === 0) return '';
  const figures = sheet.charts.map((chart, i) => {
    const model = chartModel(sheet, chart, timeZone);
    const size = {
      width: typeof chart.options.width === 'number' ? chart.options.width : CHART_WIDTH,
      height: typeof chart.options.height === 'number' ? chart.options.height : CHART_HEIGHT,
    };
    const label = model.title || `Диаграмма ${i + 1}`;
    return `<figure class="chart" id="${sectionId(index)}-chart-${i + 1}" aria-label="${escapeHtml(label)}">${renderChartSvg(model, size)}</figure>`;
  });
  return `<div class="charts">${figures.join('\n')}</div>`;
}

const STYLES = `
*{box-sizing:border-box}
body{margin:0;font:14px/1.35 'Liberation Sans',Arial,'DejaVu Sans',sans-serif;color:#202124;background:#f8f9fa}
header.report{padding:16px 24px 8px;background:#fff;border-bottom:1px solid #dadce0}
header.report h1{margin:0 0 4px;font-size:20px}
header.report .meta{margin:0;color:#5f6368}
header.report ul.summary{margin:8px 0 0;padding-left:20px}
nav.tabs{display:flex;flex-wrap:wrap;gap:4px;padding:8px 24px;background:#fff;border-bottom:1px solid #dadce0;position:sticky;top:0;z-index:3}
nav.tabs a{padding:4px 10px;border:1px solid #dadce0;border-radius:4px 4px 0 0;color:#1a73e8;text-decoration:none;white-space:nowrap;background:#f1f3f4}
nav.tabs a:hover{background:#e8f0fe}
nav.tabs a[aria-current="page"]{background:#fff;color:#202124;font-weight:bold;border-bottom-color:#fff}
main{padding:16px 24px}
section.sheet{display:none;background:#fff;border:1px solid #dadce0;padding:12px 16px;scroll-margin-top:160px}
section.sheet:target{display:block}
main:not(:has(section.sheet:target)) section.sheet:first-of-type{display:block}
section.sheet h2{margin:0 0 12px;font-size:18px}
.charts{display:flex;flex-wrap:wrap;gap:16px;margin-bottom:16px}
figure.chart{margin:0;border:1px solid #dadce0;background:#fff;display:inline-block}
figure.chart svg{display:block}
.table-wrap{overflow:auto;max-width:100%}
table{border-collapse:collapse;table-layout:fixed;font-size:13px}
th,td{border:1px solid #e0e0e0;padding:3px 6px;vertical-align:top;text-align:left;overflow-wrap:anywhere;font-weight:normal}
thead th{background:#fff}
td.num,th.num{text-align:right;white-space:nowrap}
td.date{white-space:nowrap}
th.row-number,th.col-letter{background:#f1f3f4;color:#5f6368;font-size:11px;text-align:center;font-weight:normal}
.has-note{position:relative}
.has-note::after{content:'';position:absolute;top:0;right:0;border-style:solid;border-width:0 6px 6px 0;border-color:transparent #f29900 transparent transparent}
p.empty{color:#5f6368}
.overflow{white-space:normal}
@media print{nav.tabs{display:none}section.sheet{display:block!important;page-break-after:always}}
`;

/** Marks the tab of the shown sheet (the page works without it; no network, nothing loaded). */
const SCRIPT = `
(function () {
  function mark() {
    var id = location.hash.slice(1) || (document.querySelector('section.sheet') || {}).id;
    document.querySelectorAll('nav.tabs a').forEach(function (a) {
      if (a.getAttribute('href') === '#' + id) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
    });
  }
  // A tab shows its sheet from the top, under the tabs, rather than scrolled to the section's anchor.
  function show() { mark(); window.scrollTo(0, 0); }
  window.addEventListener('hashchange', show);
  window.addEventListener('load', show);
  mark();
})();
`;

function formatStamp(date: Date, timeZone: string): string {
  return displayText(date, 'dd.MM.yyyy HH:mm', timeZone);
}

/** The whole report page as a string. */
export function renderHtml(snapshot: SpreadsheetSnapshot, options: HtmlOptions): string {
  const title = options.title ?? 'ШНОР-монитор: отчёт';
  const tabs = snapshot.sheets.map((s, i) => `<a href="#${sectionId(i)}">${escapeHtml(s.name)}</a>`).join('\n');
  const sections = snapshot.sheets.map(
    (s, i) =>
      `<section class="sheet" id="${sectionId(i)}" aria-labelledby="${sectionId(i)}-title">\n<h2 id="${sectionId(i)}-title">${escapeHtml(s.name)}</h2>\n` +
      `${renderCharts(s, i, snapshot.timeZone)}\n${renderTable(s, snapshot.timeZone, options.generatedAt)}\n</section>`,
  );
  const summary = options.summary?.length
    ? `<ul class="summary">${options.summary.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`
    : '';
  return `<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLES}</style>
</head>
<body>
<header class="report">
<h1>${escapeHtml(title)}</h1>
<p class="meta">Таблица «${escapeHtml(snapshot.name)}», листов: ${snapshot.sheets.length}. Сформировано ${escapeHtml(formatStamp(options.generatedAt, snapshot.timeZone))}.</p>
${summary}
</header>
<nav class="tabs" aria-label="Листы">
${tabs}
</nav>
<main>
${sections.join('\n')}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/** Writes the report page to `file`. */
export async function exportHtml(snapshot: SpreadsheetSnapshot, file: string, options: HtmlOptions): Promise<void> {
  await writeFile(file, renderHtml(snapshot, options), 'utf8');
}
