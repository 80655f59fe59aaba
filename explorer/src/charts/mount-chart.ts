import type { EChartsType } from 'echarts/core';
import type { ChartOption } from './echarts-core';

export type { ChartOption };

/** What a chart's click names: the data item's index, or an axis label's text (ranked names are clickable too). */
export type ChartClick = { dataIndex: number } | { axisValue: string };

/**
 * An ECharts chart in `element`, started once the element has a size (it is built before it is placed) and redrawn
 * as the element resizes (the side column widens); it disposes itself once the element has left the page. ECharts
 * is loaded with the first chart (its own chunk), so the page opens without it. `data-rendered` says it is drawn.
 */
export function mountChart(element: HTMLElement, option: ChartOption, onClick?: (click: ChartClick) => void): void {
  let chart: EChartsType | null = null;
  let starting = false;
  const observer = new ResizeObserver(() => {
    if (!element.isConnected) {
      observer.disconnect();
      chart?.dispose();
      chart = null;
      return;
    }
    if (element.clientWidth === 0) return;
    if (chart) {
      chart.resize();
      return;
    }
    if (starting) return;
    starting = true;
    void import('./echarts-core').then(({ startChart }) => {
      if (!element.isConnected) return;
      chart = startChart(element);
      chart.setOption(option);
      if (onClick) {
        chart.on('click', (params) => {
          const { componentType, dataIndex, value } = params as { componentType: string; dataIndex?: number; value?: unknown };
          if (componentType === 'series' && typeof dataIndex === 'number') onClick({ dataIndex });
          else if (componentType === 'yAxis' || componentType === 'xAxis') onClick({ axisValue: String(value) });
        });
      }
      element.dataset.rendered = 'true';
    });
  });
  observer.observe(element);
}
