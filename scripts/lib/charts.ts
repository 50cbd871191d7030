/**
 * Draws a sheet's embedded chart as SVG with ECharts' server-side renderer, from the chart's own
 * type, ranges and options: COLUMN → vertical bars, BAR → horizontal bars, LINE → lines, PIE → a pie. The ranges'
 * columns are joined side by side; the first column holds the categories and the first row the
 * series names (when the chart has a header row). ECharts escapes every text it draws.
 */
import * as echarts from 'echarts';
import { displayText, isPercentPattern } from './displayFormat';
import { formatAt, valuesIn, type ChartSnapshot, type SheetSnapshot, type SnapshotValue } from './snapshot';

export const CHART_WIDTH = 720;
export const CHART_HEIGHT = 400;
const FONT_FAMILY = "'Liberation Sans', Arial, 'DejaVu Sans', sans-serif";

/** Advance widths (in em) of Arial-like glyphs, for laying out labels without a canvas. */
const NARROW = new Set([..."iljtfrI.,:;!|'()[]{} ", '\u00a0']);
const WIDE = new Set([...'mwMWжшщыюмфЖШЩЫЮМФ%—№@']);
function charWidthEm(ch: string): number {
  if (NARROW.has(ch)) return 0.3;
  if (WIDE.has(ch)) return 0.86;
  if (/[0-9]/.test(ch)) return 0.556;
  if (/[a-zа-яё]/.test(ch)) return 0.53;
  if (/[A-ZА-ЯЁ]/.test(ch)) return 0.68;
  return 0.6;
}

// ECharts measures text with a canvas; on the server it has none and counts every non-Latin letter as a full em, which
// spreads Russian legends and truncates labels. This estimate is close to the fonts the report is viewed with.
echarts.setPlatformAPI({
  measureText(text: string, font?: string) {
    const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? 12);
    let width = 0;
    for (const ch of text ?? '') width += charWidthEm(ch) * size;
    return { width } as TextMetrics;
  },
});

export interface ChartSeries {
  name: string;
  values: Array<number | null>;
}

/** Google Charts' axis options the drawing honours (hAxis is the horizontal axis, vAxis the vertical one). */
export interface AxisOptions {
  title: string | null;
  /** 'percent', or a number pattern such as '0%' / '0.0'. */
  format: string | null;
  /** 'none' hides the axis labels. */
  textPosition: string | null;
  minValue: number | null;
  maxValue: number | null;
}

/** What a chart shows, read from its ranges. */
export interface ChartModel {
  type: string;
  title: string;
  categories: string[];
  series: ChartSeries[];
  /** The data cells are formatted as percents (shares in [0, 1]). */
  percent: boolean;
  stacked: boolean;
  colors: string[] | null;
  legendPosition: string | null;
  hAxis: AxisOptions;
  vAxis: AxisOptions;
  /** Pie charts: inner radius as a share of the outer one (a donut). */
  pieHole: number;
}

/** An option given either flat ('hAxis.title') or nested ({hAxis: {title}}), as setOption allows both. */
function option(options: Record<string, unknown>, path: string): unknown {
  if (options[path] !== undefined && options[path] !== null) return options[path];
  const [parent, key] = path.split('.');
  const holder = options[parent];
  return key && holder && typeof holder === 'object' ? (holder as Record<string, unknown>)[key] : undefined;
}

function optionString(options: Record<string, unknown>, path: string): string | null {
  const value = option(options, path);
  return typeof value === 'string' && value ? value : null;
}

function optionNumber(options: Record<string, unknown>, path: string): number | null {
  const value = option(options, path);
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function axisOptions(options: Record<string, unknown>, axis: 'hAxis' | 'vAxis'): AxisOptions {
  return {
    title: optionString(options, `${axis}.title`),
    format: optionString(options, `${axis}.format`),
    textPosition: optionString(options, `${axis}.textPosition`),
    minValue: optionNumber(options, `${axis}.minValue`),
    maxValue: optionNumber(options, `${axis}.maxValue`),
  };
}

/** Per-series colours given as options.series {0: {color}} fill gaps in options.colors. */
function colorsOf(options: Record<string, unknown>, seriesCount: number): string[] | null {
  const base = Array.isArray(options.colors) ? options.colors.map(String) : [];
  const series = options.series && typeof options.series === 'object' ? (options.series as Record<string, { color?: unknown }>) : {};
  let any = base.length > 0;
  const out = [...base];
  for (let i = 0; i < seriesCount; i++) {
    const color = series[String(i)]?.color;
    if (typeof color === 'string') {
      out[i] = color;
      any = true;
    }
  }
  return any ? out.filter(Boolean) : null;
}

function hasHeaderRow(chart: ChartSnapshot, firstRow: SnapshotValue[]): boolean {
  if (chart.numHeaders >= 0) return chart.numHeaders > 0;
  // Unset: Sheets takes the first row as names when the series cells there are text.
  return firstRow.slice(1).some((v) => typeof v === 'string' && v !== '');
}

/** Reads the chart's data from the sheet: categories from the first column, one series per further column. */
export function chartModel(sheet: SheetSnapshot, chart: ChartSnapshot, timeZone: string): ChartModel {
  const blocks = chart.ranges.map((rect) => ({ rect, values: valuesIn(sheet, rect) }));
  const rows = Math.min(...blocks.map((b) => b.rect.numRows));
  const columns: Array<{ values: SnapshotValue[]; row: number; column: number }> = [];
  for (const b of blocks) {
    for (let c = 0; c < b.rect.numColumns; c++) {
      columns.push({ values: b.values.slice(0, rows).map((r) => r[c]), row: b.rect.row, column: b.rect.column + c });
    }
  }
  const firstRow = columns.map((c) => c.values[0] ?? null);
  const header = rows > 0 && hasHeaderRow(chart, firstRow);
  const start = header ? 1 : 0;
  const [categoryColumn, ...seriesColumns] = columns;
  const categories = (categoryColumn?.values ?? [])
    .slice(start)
    .map((v, i) => displayText(v, formatAt(sheet, categoryColumn.row + start + i, categoryColumn.column), timeZone));
  const series = seriesColumns.map((col, i) => ({
    name: header ? displayText(col.values[0], '', timeZone) || `Ряд ${i + 1}` : `Ряд ${i + 1}`,
    values: col.values.slice(start).map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : null)),
  }));
  const options = chart.options;
  const hAxis = axisOptions(options, 'hAxis');
  const vAxis = axisOptions(options, 'vAxis');
  const valueAxis = chart.type === 'BAR' ? hAxis : vAxis;
  const percentCells =
    seriesColumns.length > 0 &&
    seriesColumns.every((col) => rows <= start || isPercentPattern(formatAt(sheet, col.row + start, col.column)));
  const percent = percentCells || valueAxis.format === 'percent' || (valueAxis.format !== null && isPercentPattern(valueAxis.format));
  return {
    type: chart.type,
    title: typeof options.title === 'string' ? options.title : '',
    categories,
    series,
    percent,
    stacked: options.isStacked === true || options.isStacked === 'true' || options.isStacked === 'absolute',
    colors: colorsOf(options, series.length),
    legendPosition: optionString(options, 'legend.position'),
    hAxis,
    vAxis,
    pieHole: Math.min(Math.max(optionNumber(options, 'pieHole') ?? 0, 0), 0.9),
  };
}

const formatPercent = (v: number) => `${Math.round(v * 1000) / 10}`.replace('.', ',') + ' %';
const formatNumber = (v: number) => `${Math.round(v * 100) / 100}`.replace('.', ',');

function legendOption(model: ChartModel, defaultShown: boolean): Record<string, unknown> {
  const position = model.legendPosition?.toLowerCase() ?? null;
  if (position === 'none' || (!defaultShown && position === null)) return { show: false };
  if (position === 'right') return { show: true, orient: 'vertical', right: 8, top: 'middle' };
  if (position === 'top') return { show: true, top: 36 };
  return { show: true, bottom: 8 };
}

/** The ECharts option that draws the model (exported for tests). */
export function echartsOption(model: ChartModel): Record<string, unknown> {
  const valueFormatter = model.percent ? formatPercent : formatNumber;
  const common: Record<string, unknown> = {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT_FAMILY },
    title: { text: model.title, left: 'center', top: 8, textStyle: { fontSize: 15, fontWeight: 'bold', fontFamily: FONT_FAMILY } },
    ...(model.colors ? { color: model.colors } : {}),
  };
  if (model.type === 'PIE') {
    const legend = legendOption(model, true);
    const legendShown = legend.show === true;
    const first = model.series[0];
    const data = model.categories
      .map((name, i) => ({ name, value: first?.values[i] ?? null }))
      .filter((d): d is { name: string; value: number } => d.value !== null && d.value > 0);
    return {
      ...common,
      legend,
      series: [
        {
          type: 'pie',
          name: first?.name ?? '',
          radius: [`${Math.round(model.pieHole * 55)}%`, '55%'],
          center: [model.legendPosition === 'right' ? '40%' : '50%', '54%'],
          data,
          // With a legend naming the slices, the labels carry only the numbers (and do not run into the legend).
          label: {
            formatter: (p: { name: string; value: number; percent: number }) =>
              `${legendShown ? '' : `${p.name}: `}${valueFormatter(p.value)} (${Math.round(p.percent)} %)`,
          },
        },
      ],
    };
  }
  const horizontal = model.type === 'BAR';
  // Google Charts: hAxis is the horizontal axis, so it holds the categories of a column chart and the values of a bar chart.
  const categoryOptions = horizontal ? model.vAxis : model.hAxis;
  const valueOptions = horizontal ? model.hAxis : model.vAxis;
  const count = model.categories.length;
  const hideCategories = categoryOptions.textPosition === 'none';
  const crowded = !horizontal && count > 6;
  const categoryAxis: Record<string, unknown> = {
    type: 'category',
    data: model.categories,
    name: categoryOptions.title ?? '',
    nameLocation: 'middle',
    nameGap: horizontal ? 200 : hideCategories ? 12 : crowded ? 80 : 40,
    axisTick: { show: !hideCategories },
    axisLabel: hideCategories
      ? { show: false }
      : horizontal
        ? { width: 190, overflow: count > 12 ? 'truncate' : 'break', lineHeight: 14, interval: count > 30 ? 'auto' : 0 }
        : crowded
          ? { interval: count > 24 ? 'auto' : 0, rotate: 35, width: 110, overflow: 'truncate' }
          : { interval: 0, width: Math.floor((CHART_WIDTH - 120) / Math.max(count, 1)) - 8, overflow: 'break', lineHeight: 14, margin: 10 },
    ...(horizontal ? { inverse: true } : {}),
  };
  const valueAxis: Record<string, unknown> = {
    type: 'value',
    name: valueOptions.title ?? '',
    nameLocation: 'middle',
    nameGap: horizontal ? 28 : 48,
    axisLabel: { show: valueOptions.textPosition !== 'none', formatter: valueFormatter },
    ...(valueOptions.minValue !== null ? { min: valueOptions.minValue } : {}),
    ...(valueOptions.maxValue !== null ? { max: valueOptions.maxValue } : {}),
  };
  const labelled = !hideCategories && count * Math.max(model.series.length, 1) <= 24;
  const legend = legendOption(model, model.series.length > 1);
  return {
    ...common,
    legend,
    grid: {
      left: 16,
      right: 24,
      top: legend.show && model.legendPosition === 'top' ? 72 : 48,
      bottom: (legend.show && legend.bottom !== undefined ? 44 : 16) + (horizontal && valueOptions.title ? 24 : 0),
      containLabel: true,
    },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: model.series.map((s) => ({
      type: model.type === 'LINE' ? 'line' : 'bar',
      name: s.name,
      data: s.values,
      ...(model.stacked ? { stack: 'total' } : {}),
      ...(count > 30 ? { barCategoryGap: '15%' } : {}),
      label: {
        show: labelled,
        position: model.stacked ? 'inside' : horizontal ? 'right' : 'top',
        formatter: (p: { value: number | null }) => (p.value ? valueFormatter(p.value) : ''),
      },
    })),
  };
}

/** The chart drawn as an SVG string (self-contained: no scripts, no external resources). */
export function renderChartSvg(model: ChartModel, size: { width?: number; height?: number } = {}): string {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: size.width ?? CHART_WIDTH,
    height: size.height ?? CHART_HEIGHT,
  });
  try {
    chart.setOption(echartsOption(model));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
