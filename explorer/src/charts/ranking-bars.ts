import { el } from '../dom/el';
import { AXIS_TEXT } from './kind-colors';
import { mountChart } from './mount-chart';

export interface RankedBar {
  label: string;
  /** The measure; null when the group has none (no valuation reported): no bar, "—". */
  value: number | null;
  /** What the bar says in words ("$8B", "12"). */
  text: string;
  /** The tooltip. */
  detail: string;
}

const ROW_HEIGHT = 22;

/**
 * Horizontal bars of a ranking in ECharts, first on top, in one colour, each with its value in words at its end;
 * clicking a bar or its name calls `onClick` with the bar's index. `data-bars` holds what was drawn ({label, value, text}
 * in order), for tests and for anyone inspecting the page.
 */
export function rankingBars(title: string, bars: readonly RankedBar[], color: string, onClick?: (index: number) => void): HTMLElement {
  const plot = el('div', { className: 'echart ranking-bars' });
  plot.style.height = `${bars.length * ROW_HEIGHT + 16}px`;
  plot.dataset.bars = JSON.stringify(bars.map((bar) => ({ label: bar.label, value: bar.value, text: bar.text })));
  const labels = bars.map((bar) => bar.label);
  mountChart(
    plot,
    {
      animation: false,
      // No value axis labels: each bar's amount is written at its end, and the narrow column has no room for both.
      grid: { left: 4, right: 56, top: 4, bottom: 4, containLabel: true },
      tooltip: { trigger: 'item', formatter: (params) => bars[(params as { dataIndex: number }).dataIndex]?.detail ?? '' },
      xAxis: { type: 'value', axisLabel: { show: false }, splitNumber: 3 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: labels,
        triggerEvent: Boolean(onClick),
        axisTick: { show: false },
        axisLabel: { color: '#1a1a1a', fontSize: 11, width: 110, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          // A group without the measure is an empty bar whose label says "—".
          data: bars.map((bar) => bar.value ?? 0),
          barMaxWidth: 14,
          itemStyle: { color, borderRadius: [0, 3, 3, 0] },
          cursor: onClick ? 'pointer' : 'default',
          label: { show: true, position: 'right', fontSize: 10, color: AXIS_TEXT, formatter: (params) => bars[params.dataIndex]?.text ?? '' },
        },
      ],
    },
    onClick
      ? (click) => {
          const index = 'dataIndex' in click ? click.dataIndex : labels.indexOf(click.axisValue);
          if (index >= 0) onClick(index);
        }
      : undefined,
  );
  return el('figure', { className: 'chart' }, el('figcaption', {}, title), plot);
}
