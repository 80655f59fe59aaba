import type { BarSeriesOption } from 'echarts/charts';
import { el } from '../dom/el';
import { AXIS_TEXT, DISTINCT_EDGE, DISTINCT_TINT, UNDISCLOSED_COLOR } from './kind-colors';
import { mountChart } from './mount-chart';

/** One kind of value stacked in every column, bottom first. */
export interface StackKind {
  key: string;
  label: string;
  color: string;
}

export interface StackColumn {
  /** The column's id, e.g. "2024-Q3", "2023-Q?". */
  id: string;
  /** Under the column, when set (a year under its first quarter). */
  axisLabel: string | null;
  /** Each kind's value, by key. */
  values: Readonly<Record<string, number>>;
  /** Drawn apart from the others (tinted band, hatched): a bucket that is not a quarter. */
  distinct: boolean;
  /** Facts in the column whose amounts are undisclosed: a grey foot when nothing else is drawn. */
  undisclosed: number;
  /** The tooltip. */
  detail: string;
}

const UNDISCLOSED = 'only undisclosed amounts';

/** The grey foot's height, as a share of the tallest column: seen, never mistaken for an amount. */
const FOOT = 0.015;

/**
 * Vertical stacked bars in ECharts, one column per period, the kinds' values stacked on one linear scale. A distinct
 * column stands on a tinted band with its segments hatched. `data-columns` holds what was drawn ({id, distinct,
 * values} per column, only values above zero), for tests and for anyone inspecting the page.
 */
export function quarterStack(title: string, kinds: readonly StackKind[], columns: readonly StackColumn[], formatValue: (value: number) => string): HTMLElement {
  const plot = el('div', { className: 'echart quarter-stack' });
  plot.dataset.columns = JSON.stringify(
    columns.map((column) => ({ id: column.id, distinct: column.distinct, values: Object.fromEntries(kinds.filter((kind) => (column.values[kind.key] ?? 0) > 0).map((kind) => [kind.key, column.values[kind.key]])) })),
  );
  const total = (column: StackColumn) => kinds.reduce((sum, kind) => sum + (column.values[kind.key] ?? 0), 0);
  const max = Math.max(0, ...columns.map(total));
  const hatch = { symbol: 'rect', symbolSize: 1, rotation: Math.PI / 4, color: 'rgba(255, 255, 255, 0.55)', dashArrayX: [1, 0], dashArrayY: [3, 3] };
  // The tinted band behind a distinct column: a bar as tall as the tallest column, under the stack (barGap -100%),
  // never in the legend or the tooltip.
  const band: BarSeriesOption = {
    type: 'bar',
    name: 'band',
    silent: true,
    barGap: '-100%',
    z: 0,
    tooltip: { show: false },
    itemStyle: { color: DISTINCT_TINT, borderColor: DISTINCT_EDGE, borderWidth: 1, borderType: 'dashed' },
    data: columns.map((column) => (column.distinct ? max : '-')),
  };
  const series: BarSeriesOption[] = kinds.map((kind) => ({
    type: 'bar',
    name: kind.label,
    stack: 'money',
    barCategoryGap: '12%',
    itemStyle: { color: kind.color },
    emphasis: { focus: 'series' },
    data: columns.map((column) => {
      const value = column.values[kind.key] ?? 0;
      return value > 0 ? (column.distinct ? { value, itemStyle: { decal: hatch } } : value) : '-';
    }),
  }));
  series.push({
    type: 'bar',
    name: UNDISCLOSED,
    stack: 'money',
    itemStyle: { color: UNDISCLOSED_COLOR },
    data: columns.map((column) => (total(column) === 0 && column.undisclosed > 0 ? max * FOOT : '-')),
  });
  if (columns.some((column) => column.distinct)) series.push(band);
  mountChart(plot, {
    animation: false,
    grid: { left: 4, right: 12, top: 34, bottom: 4, containLabel: true },
    legend: { top: 0, left: 0, data: [...kinds.map((kind) => kind.label), UNDISCLOSED], itemWidth: 12, itemHeight: 9, textStyle: { fontSize: 11, color: AXIS_TEXT } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: (params) => columns[(params as { dataIndex: number }[])[0]?.dataIndex ?? -1]?.detail ?? '' },
    xAxis: {
      type: 'category',
      data: columns.map((column) => column.id),
      axisTick: { alignWithLabel: true, interval: (index: number) => columns[index]?.axisLabel !== null },
      axisLabel: {
        interval: 0,
        fontSize: 10,
        color: (_value?: string | number, index?: number) => (columns[index ?? -1]?.distinct ? DISTINCT_EDGE : AXIS_TEXT),
        formatter: (_value: string, index: number) => columns[index]?.axisLabel ?? '',
      },
    },
    yAxis: { type: 'value', axisLabel: { fontSize: 10, color: AXIS_TEXT, formatter: formatValue }, splitNumber: 4 },
    series,
  });
  return el('figure', { className: 'chart' }, el('figcaption', {}, title), plot);
}
