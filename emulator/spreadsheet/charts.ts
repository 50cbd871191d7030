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

/** The `Charts` global: only its ChartType enum (chart builders outside sheets are not part of the twin). */
export function createChartsService(rt: Runtime): GCharts {
  const service = {
    ChartType,
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
  getNumHeaders(): number {
    return this.spec.numHeaders;
  }
  getOptions(): GChartOptions {
    return this.rt.facade<GChartOptions>(new ChartOptionsImpl(new Map(this.spec.options)), 'ChartOptions');
  }
  getRanges(): GRange[] {
    return this.rt.realm.copy(this.spec.ranges.map((r) => this.bridge.toRange(r)));
  }
  modify(): GEmbeddedChartBuilder {
    return new EmbeddedChartBuilderImpl(this.rt, this.bridge, cloneChartSpec(this.spec), this.chartId).api;
  }
  toString(): string {
    return 'EmbeddedChart';
  }
}

/**
 * Sheet.newChart() / EmbeddedChart.modify(). The one typed view, asPieChart(), sets the chart type and returns
 * this same builder.
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

  addRange(range: GRange): GEmbeddedChartBuilder {
    this.spec.ranges.push(this.bridge.toRect(range, 'SpreadsheetApp.EmbeddedChartBuilder.addRange'));
    return this.api;
  }
  asPieChart(): GoogleAppsScript.Spreadsheet.EmbeddedPieChartBuilder {
    return this._as('PIE');
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
  setChartType(type: GChartType): GEmbeddedChartBuilder {
    const name = String(type);
    if (!(name in ChartType)) throw this.rt.signatureError('SpreadsheetApp.EmbeddedChartBuilder.setChartType', [type]);
    this.spec.type = name;
    return this.api;
  }
  setNumHeaders(headers: number): GEmbeddedChartBuilder {
    this.spec.numHeaders = headers;
    return this.api;
  }
  setOption(option: string, value: any): GEmbeddedChartBuilder {
    this.spec.options.set(String(option), value);
    return this.api;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): GEmbeddedChartBuilder {
    const args = [anchorRowPos, anchorColPos, offsetX, offsetY];
    if (args.some((a) => typeof a !== 'number' || !Number.isFinite(a)))
      throw this.rt.signatureError('SpreadsheetApp.EmbeddedChartBuilder.setPosition', args);
    Object.assign(this.spec, { anchorRow: anchorRowPos, anchorColumn: anchorColPos, offsetX, offsetY });
    return this.api;
  }
  toString(): string {
    return 'EmbeddedChartBuilder';
  }
}
