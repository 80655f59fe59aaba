import { el } from '../dom/el';

export interface Bar {
  label: string;
  /** 0-1: the bar's length. */
  fraction: number;
  /** What the bar says in words, e.g. "$8B · 42.1%". */
  text: string;
  detail?: string;
  /** The number drawn, for readers of the page (data-value): a ranking's measure, null when the group has none. */
  value?: number | null;
  onClick?: () => void;
}

/** Horizontal bars in plain DOM: one row per bar, its length its fraction of the whole. */
export function barChart(title: string, bars: readonly Bar[]): HTMLElement {
  return el(
    'figure',
    { className: 'bar-chart' },
    el('figcaption', {}, title),
    ...bars.map((bar) => {
      const fill = el('div', { className: 'bar-fill' });
      fill.style.width = `${Math.max(0, Math.min(1, bar.fraction)) * 100}%`;
      return el(
        'div',
        {
          className: `bar-row${bar.onClick ? ' clickable' : ''}`,
          title: bar.detail ?? '',
          data: { label: bar.label, fraction: bar.fraction.toFixed(4), ...(bar.value === undefined ? {} : { value: bar.value === null ? '' : String(bar.value) }) },
          on: bar.onClick ? { click: bar.onClick } : {},
        },
        el('span', { className: 'bar-label' }, bar.label),
        el('div', { className: 'bar-track' }, fill),
        el('span', { className: 'bar-text' }, bar.text),
      );
    }),
  );
}
