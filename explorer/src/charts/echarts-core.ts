// ECharts with only what the explorer draws (bars, a grid with axes, tooltips, a legend, SVG), so the bundle carries
// none of its other charts. Loaded on demand by mount-chart.ts: the page opens without it.
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, type GridComponentOption, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components';
import { init, use, type ComposeOption, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

/** SVG, not canvas: crisp at any zoom, and its text is the page's (tests and screen readers can read the labels). */
export function startChart(element: HTMLElement): EChartsType {
  return init(element, null, { renderer: 'svg' });
}
