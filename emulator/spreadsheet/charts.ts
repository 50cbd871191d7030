import type { Runtime } from '../runtime';
import { makeEnum } from '../enums';
import type { GChartOptions, GChartType, GCharts, GContainerInfo, GEmbeddedChart, GEmbeddedChartBuilder, GRange } from '../gas';
import type { RangeBridge, SheetRect } from './conditionalFormat';

export const ChartType = makeEnum<typeof GoogleAppsScript.Charts.ChartType>([
  'TIMELINE',
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TREEMAP',
  'WATERFALL',
]);

/** The `Charts` global: only its enums (chart builders outside sheets are not part of the twin). */
export function createChartsService(rt: Runtime): GCharts {
  const service = {
    ChartType,
    ChartHiddenDimensionStrategy: makeEnum(['IGNORE_BOTH', 'IGNORE_ROWS', 'IGNORE_COLUMNS', 'SHOW_BOTH']),
    ChartMergeStrategy: makeEnum(['MERGE_COLUMNS', 'MERGE_ROWS']),
    ColumnType: makeEnum(['DATE', 'NUMBER', 'STRING']),
    CurveStyle: makeEnum(['NORMAL', 'SMOOTH']),
    PointStyle: makeEnum(['NONE', 'TINY', 'MEDIUM', 'LARGE', 'HUGE']),
    Position: makeEnum(['TOP', 'RIGHT', 'BOTTOM', 'NONE']),
    toString: () => 'Charts',
  };
  return rt.facade<GCharts>(service, 'Charts');
}

export interface ChartSpec {
  type: string | null;
  ranges: SheetRect[];
  options: Map<string, unknown>;
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
  numHeaders: number;
  transpose: boolean;
  hiddenDimensionStrategy: string;
  mergeStrategy: string;
}

export function cloneChartSpec(s: ChartSpec): ChartSpec {
  return { ...s, ranges: s.ranges.map((r) => ({ ...r })), options: new Map(s.options) };
}

function newSpec(): ChartSpec {
  return {
    type: null,
    ranges: [],
    options: new Map(),
    anchorRow: 1,
    anchorColumn: 1,
    offsetX: 0,
    offsetY: 0,
    numHeaders: -1,
    transpose: false,
    hiddenDimensionStrategy: 'IGNORE_BOTH',
    mergeStrategy: 'MERGE_COLUMNS',
  };
}

class ChartOptionsImpl implements Partial<GChartOptions> {
  constructor(private readonly options: Map<string, unknown>) {}
  get(option: string): any {
    return this.options.has(option) ? this.options.get(option) : null;
  }
  toString(): string {
    return 'ChartOptions';
  }
}

class ContainerInfoImpl implements Partial<GContainerInfo> {
  constructor(private readonly spec: ChartSpec) {}
  getAnchorColumn(): number {
    return this.spec.anchorColumn;
  }
  getAnchorRow(): number {
    return this.spec.anchorRow;
  }
  getOffsetX(): number {
    return this.spec.offsetX;
  }
  getOffsetY(): number {
    return this.spec.offsetY;
  }
  toString(): string {
    return 'ContainerInfo';
  }
}

/** A chart embedded in (or built for) a sheet. Its id is set when the sheet inserts it. */
export class EmbeddedChartImpl implements Partial<GEmbeddedChart> {
  constructor(
    private readonly rt: Runtime,
    private readonly bridge: RangeBridge,
    readonly spec: ChartSpec,
    public chartId: number | null,
  ) {}
  get api(): GEmbeddedChart {
    return this.rt.facade<GEmbeddedChart>(this, 'EmbeddedChart');
  }
  getChartId(): number | null {
    return this.chartId;
  }
  getContainerInfo(): GContainerInfo {
    return this.rt.facade<GContainerInfo>(new ContainerInfoImpl(cloneChartSpec(this.spec)), 'ContainerInfo');
  }
  getHiddenDimensionStrategy(): GoogleAppsScript.Charts.ChartHiddenDimensionStrategy {
    return this.spec.hiddenDimensionStrategy as unknown as GoogleAppsScript.Charts.ChartHiddenDimensionStrategy;
  }
  getMergeStrategy(): GoogleAppsScript.Charts.ChartMergeStrategy {
    return this.spec.mergeStrategy as unknown as GoogleAppsScript.Charts.ChartMergeStrategy;
  }
  getNumHeaders(): number {
    return this.spec.numHeaders;
  }
  getOptions(): GChartOptions {
    return this.rt.facade<GChartOptions>(new ChartOptionsImpl(new Map(this.spec.options)), 'ChartOptions');
  }
  getRanges(): GRange[] {
    return this.rt.realm.copy(this.spec.ranges.map((r) => this.bridge.toRange(r)));
  }
  getTransposeRowsAndColumns(): boolean {
    return this.spec.transpose;
  }
  modify(): GEmbeddedChartBuilder {
    return new EmbeddedChartBuilderImpl(this.rt, this.bridge, cloneChartSpec(this.spec), this.chartId).api;
  }
  toString(): string {
    return 'EmbeddedChart';
  }
}

type AnyChartBuilder = GEmbeddedChartBuilder;

/**
 * Sheet.newChart() / EmbeddedChart.modify(). The typed views (asColumnChart(), asPieChart() ...)
 * set the chart type and return this same builder; their setters map onto options
 * (setTitle → 'title', setStacked → 'isStacked', setXAxisTitle → 'hAxis.title', ...).
 */
export class EmbeddedChartBuilderImpl implements Partial<GEmbeddedChartBuilder> {
  readonly api: GEmbeddedChartBuilder;
  constructor(
    private readonly rt: Runtime,
    private readonly bridge: RangeBridge,
    private readonly spec: ChartSpec = newSpec(),
    private readonly chartId: number | null = null,
  ) {
    this.api = rt.facade<GEmbeddedChartBuilder>(this, 'EmbeddedChartBuilder');
  }
  private _as<T>(type: string): T {
    this.spec.type = type;
    return this.api as unknown as T;
  }
  private _option(key: string, value: unknown): AnyChartBuilder {
    this.spec.options.set(key, value);
    return this.api;
  }

  addRange(range: GRange): GEmbeddedChartBuilder {
    this.spec.ranges.push(this.bridge.toRect(range, 'SpreadsheetApp.EmbeddedChartBuilder.addRange'));
    return this.api;
  }
  asAreaChart(): GoogleAppsScript.Spreadsheet.EmbeddedAreaChartBuilder {
    return this._as('AREA');
  }
  asBarChart(): GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder {
    return this._as('BAR');
  }
  asColumnChart(): GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder {
    return this._as('COLUMN');
  }
  asComboChart(): GoogleAppsScript.Spreadsheet.EmbeddedComboChartBuilder {
    return this._as('COMBO');
  }
  asHistogramChart(): GoogleAppsScript.Spreadsheet.EmbeddedHistogramChartBuilder {
    return this._as('HISTOGRAM');
  }
  asLineChart(): GoogleAppsScript.Spreadsheet.EmbeddedLineChartBuilder {
    return this._as('LINE');
  }
  asPieChart(): GoogleAppsScript.Spreadsheet.EmbeddedPieChartBuilder {
    return this._as('PIE');
  }
  asScatterChart(): GoogleAppsScript.Spreadsheet.EmbeddedScatterChartBuilder {
    return this._as('SCATTER');
  }
  asTableChart(): GoogleAppsScript.Spreadsheet.EmbeddedTableChartBuilder {
    return this._as('TABLE');
  }
  build(): GEmbeddedChart {
    if (this.spec.type === null) throw this.rt.error('You must set a chart type before building the chart.');
    return new EmbeddedChartImpl(this.rt, this.bridge, cloneChartSpec(this.spec), this.chartId).api;
  }
  clearRanges(): GEmbeddedChartBuilder {
    this.spec.ranges = [];
    return this.api;
  }
  getChartType(): GChartType {
    return this.spec.type as unknown as GChartType;
  }
  getContainer(): GContainerInfo {
    return this.rt.facade<GContainerInfo>(new ContainerInfoImpl(cloneChartSpec(this.spec)), 'ContainerInfo');
  }
  getRanges(): GRange[] {
    return this.rt.realm.copy(this.spec.ranges.map((r) => this.bridge.toRange(r)));
  }
  removeRange(range: GRange): GEmbeddedChartBuilder {
    const r = this.bridge.toRect(range, 'SpreadsheetApp.EmbeddedChartBuilder.removeRange');
    this.spec.ranges = this.spec.ranges.filter(
      (x) => !(x.sheetId === r.sheetId && x.row === r.row && x.col === r.col && x.numRows === r.numRows && x.numCols === r.numCols),
    );
    return this.api;
  }
  setChartType(type: GChartType): GEmbeddedChartBuilder {
    const name = String(type);
    if (!(name in ChartType)) throw this.rt.signatureError('SpreadsheetApp.EmbeddedChartBuilder.setChartType', [type]);
    this.spec.type = name;
    return this.api;
  }
  setHiddenDimensionStrategy(strategy: GoogleAppsScript.Charts.ChartHiddenDimensionStrategy): GEmbeddedChartBuilder {
    this.spec.hiddenDimensionStrategy = String(strategy);
    return this.api;
  }
  setMergeStrategy(mergeStrategy: GoogleAppsScript.Charts.ChartMergeStrategy): GEmbeddedChartBuilder {
    this.spec.mergeStrategy = String(mergeStrategy);
    return this.api;
  }
  setNumHeaders(headers: number): GEmbeddedChartBuilder {
    this.spec.numHeaders = headers;
    return this.api;
  }
  setOption(option: string, value: any): GEmbeddedChartBuilder {
    return this._option(String(option), value);
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): GEmbeddedChartBuilder {
    const args = [anchorRowPos, anchorColPos, offsetX, offsetY];
    if (args.some((a) => typeof a !== 'number' || !Number.isFinite(a)))
      throw this.rt.signatureError('SpreadsheetApp.EmbeddedChartBuilder.setPosition', args);
    Object.assign(this.spec, { anchorRow: anchorRowPos, anchorColumn: anchorColPos, offsetX, offsetY });
    return this.api;
  }
  setTransposeRowsAndColumns(transpose: boolean): GEmbeddedChartBuilder {
    this.spec.transpose = !!transpose;
    return this.api;
  }
  // Setters of the typed builders (EmbeddedColumnChartBuilder etc.), stored as chart options.
  setTitle(title: string): AnyChartBuilder {
    return this._option('title', title);
  }
  setStacked(): AnyChartBuilder {
    return this._option('isStacked', true);
  }
  setColors(colors: string[]): AnyChartBuilder {
    return this._option('colors', Array.from(colors));
  }
  setLegendPosition(position: unknown): AnyChartBuilder {
    return this._option('legend.position', String(position).toLowerCase());
  }
  setXAxisTitle(title: string): AnyChartBuilder {
    return this._option('hAxis.title', title);
  }
  setYAxisTitle(title: string): AnyChartBuilder {
    return this._option('vAxis.title', title);
  }
  setBackgroundColor(color: string): AnyChartBuilder {
    return this._option('backgroundColor', color);
  }
  set3D(): AnyChartBuilder {
    return this._option('is3D', true);
  }
  reverseCategories(): AnyChartBuilder {
    return this._option('hAxis.direction', -1);
  }
  useLogScale(): AnyChartBuilder {
    return this._option('vAxis.logScale', true);
  }
  setRange(start: number, end: number): AnyChartBuilder {
    this._option('vAxis.viewWindow.min', start);
    return this._option('vAxis.viewWindow.max', end);
  }
  toString(): string {
    return 'EmbeddedChartBuilder';
  }
}
