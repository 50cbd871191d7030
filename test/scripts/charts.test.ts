import { describe, expect, it } from 'vitest';
import { chartModel, echartsOption, renderChartSvg, type ChartModel } from '../../scripts/lib/charts';
import { snapshotSpreadsheet } from '../../scripts/lib/snapshot';
import { fixtureTwin, INJECTED_NAME, QUOTED_NAME } from '../support/exportFixture';

const snapshot = snapshotSpreadsheet(fixtureTwin().spreadsheet);
const sheet = snapshot.sheets[0];
const [column, bar, pie] = sheet.charts.map((c) => chartModel(sheet, c, snapshot.timeZone));

describe('chartModel: what a chart shows, from its own ranges and options', () => {
  it('takes categories from the first column and one series per further column, names from the header row', () => {
    // Ranges B1:B3 and D1:D3 side by side: B = names, D = «Доля ШНОР» (1/3 and 1/2, formatted '0%').
    expect(column.type).toBe('COLUMN');
    expect(column.title).toBe('Доля ШНОР <по школам>');
    expect(column.categories).toEqual([INJECTED_NAME, QUOTED_NAME]);
    expect(column.series).toEqual([{ name: 'Доля ШНОР', values: [1 / 3, 0.5] }]);
    expect(column.percent).toBe(true);
    expect(column.stacked).toBe(true);
    expect(bar.series).toEqual([{ name: 'ИСБШ', values: [78.456, 85] }]);
    expect(bar.percent).toBe(false);
    expect(bar.stacked).toBe(false);
  });
});

describe('echartsOption: the chart type decides the drawing', () => {
  it('draws COLUMN as vertical bars, stacked when isStacked', () => {
    const o = echartsOption(column) as {
      xAxis: { type: string };
      yAxis: { type: string };
      series: Array<{ type: string; stack?: string }>;
    };
    expect(o.xAxis.type).toBe('category');
    expect(o.yAxis.type).toBe('value');
    expect(o.series.map((s) => [s.type, s.stack])).toEqual([['bar', 'total']]);
  });

  it('draws BAR as horizontal bars (categories on the vertical axis, first at the top)', () => {
    const o = echartsOption(bar) as {
      xAxis: { type: string };
      yAxis: { type: string; inverse?: boolean };
      series: Array<{ stack?: string }>;
    };
    expect(o.xAxis.type).toBe('value');
    expect(o.yAxis).toMatchObject({ type: 'category', inverse: true });
    expect(o.series[0].stack).toBeUndefined();
  });

  it('draws PIE as a pie of the first series', () => {
    const o = echartsOption(pie) as { series: Array<{ type: string; data: Array<{ name: string; value: number }> }> };
    expect(o.series[0].type).toBe('pie');
    expect(o.series[0].data).toEqual([
      { name: INJECTED_NAME, value: 78.456 },
      { name: QUOTED_NAME, value: 85 },
    ]);
  });

  it('honours colours, legend position, axis titles and a percent axis given as options', () => {
    const model: ChartModel = {
      ...bar,
      colors: ['#b7e1cd'],
      legendPosition: 'none',
      hAxis: { title: 'Доля', format: 'percent', textPosition: null, minValue: null, maxValue: 1 },
      vAxis: { title: null, format: null, textPosition: null, minValue: null, maxValue: null },
    };
    const o = echartsOption(model) as { color: string[]; legend: { show: boolean }; xAxis: { name: string; max: number } };
    expect(o.color).toEqual(['#b7e1cd']);
    expect(o.legend.show).toBe(false);
    // A bar chart's horizontal axis holds the values.
    expect(o.xAxis).toMatchObject({ name: 'Доля', max: 1 });
  });
});

describe('renderChartSvg', () => {
  it('gives a standalone SVG with the title and the category names escaped', () => {
    const svg = renderChartSvg(column);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Доля ШНОР &lt;по школам&gt;');
    expect(svg).not.toMatch(/<img|<script/i);
  });
});
