import { el } from '../dom/el';

/** One kind of value stacked in every column, bottom first; its colour comes from the stylesheet (data-kind). */
export interface StackKind {
  key: string;
  label: string;
}

export interface StackColumn {
  /** The column's id (data-column), e.g. "2024-Q3". */
  id: string;
  /** Under the column, when set (a year under its first quarter). */
  axisLabel: string | null;
  /** Each kind's value, by key. */
  values: Readonly<Record<string, number>>;
  /** Drawn apart from the others (hatched, outlined): a bucket that is not a quarter. */
  distinct: boolean;
  /** Facts in the column whose amounts are undisclosed: a grey foot when nothing else is drawn. */
  undisclosed: number;
  /** What the column says in words (its title). */
  detail: string;
}

/**
 * Vertical stacked bars in plain DOM, as bar-chart.ts draws horizontal ones: one column per period, its segments
 * the kinds' values, all on one scale (the tallest column fills the height).
 */
export function stackedChart(title: string, kinds: readonly StackKind[], columns: readonly StackColumn[], formatValue: (value: number) => string, distinctLabel: string): HTMLElement {
  const total = (column: StackColumn) => kinds.reduce((sum, kind) => sum + (column.values[kind.key] ?? 0), 0);
  const max = Math.max(0, ...columns.map(total));
  const plot = el('div', { className: 'stack-plot' });
  const axis = el('div', { className: 'stack-axis' });
  for (const column of columns) {
    const bar = el('div', {
      className: `stack-column${column.distinct ? ' distinct' : ''}`,
      title: column.detail,
      data: { column: column.id, total: String(total(column)) },
    });
    for (const kind of kinds) {
      const value = column.values[kind.key] ?? 0;
      if (value <= 0) continue;
      const segment = el('div', { className: 'stack-segment', data: { kind: kind.key, value: String(value) } });
      segment.style.height = `${max > 0 ? (value / max) * 100 : 0}%`;
      bar.append(segment);
    }
    if (total(column) === 0 && column.undisclosed > 0) bar.append(el('div', { className: 'stack-undisclosed', data: { undisclosed: String(column.undisclosed) } }));
    plot.append(bar);
    axis.append(el('span', { className: `stack-tick${column.distinct ? ' distinct' : ''}` }, column.axisLabel ?? ''));
  }
  return el(
    'figure',
    { className: 'stacked-chart' },
    el('figcaption', {}, title),
    el('div', { className: 'stack-scale' }, `max ${formatValue(max)}`),
    plot,
    axis,
    el(
      'ul',
      { className: 'stack-legend' },
      ...kinds.map((kind) => el('li', {}, el('span', { className: 'stack-swatch', data: { kind: kind.key } }), kind.label)),
      el('li', {}, el('span', { className: 'stack-swatch undisclosed' }), 'only undisclosed amounts'),
      columns.some((column) => column.distinct) ? el('li', {}, el('span', { className: 'stack-swatch distinct' }), distinctLabel) : null,
    ),
  );
}
