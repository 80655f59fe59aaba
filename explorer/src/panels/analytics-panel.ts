import type { Api } from '../api/client';
import type { CompanyRef } from '../api/types';
import { el, replaceChildren, type Child } from '../dom/el';
import type { Highlight } from '../graph/highlight';
import type { PanelId } from '../state/url-state';

/** What a panel may read and do: the view it answers for, and the graph and URL it drives. */
export interface PanelContext {
  api: Api;
  company: CompanyRef;
  asOf: string | null;
  /** The row the URL says is highlighted. */
  row: number | null;
  /** The connection's other end. */
  to: string | null;
  highlight(highlight: Highlight | null): void;
  setRow(row: number | null): void;
  setOther(id: string | null): void;
}

/** One analytics query's panel: loads for the current company and date, and highlights its rows on the graph. */
export interface AnalyticsPanel {
  readonly id: PanelId;
  readonly title: string;
  readonly element: HTMLElement;
  load(context: PanelContext): Promise<void>;
}

export interface Row {
  cells: Child[];
  detail?: string;
  className?: string;
}

/**
 * A table whose rows highlight on the graph when clicked (again: cleared). The URL's row is selected on load, so a
 * shared link shows the same highlight.
 */
export function selectableTable(context: PanelContext, headers: readonly string[], rows: readonly Row[], highlightOf: (index: number) => Highlight): HTMLTableElement {
  const body = el('tbody');
  const select = (index: number | null) => {
    [...body.children].forEach((row, i) => row.classList.toggle('active', i === index));
    context.setRow(index);
    context.highlight(index === null ? null : highlightOf(index));
  };
  rows.forEach((row, index) => {
    body.append(
      el(
        'tr',
        {
          className: row.className ?? '',
          title: row.detail ?? '',
          data: { row: String(index) },
          attrs: { tabindex: '0' },
          on: {
            click: () => select(body.children[index]?.classList.contains('active') ? null : index),
            keydown: (event) => {
              if (event.key === 'Enter') select(index);
            },
          },
        },
        ...row.cells.map((cell) => el('td', {}, cell)),
      ),
    );
  });
  if (context.row !== null && context.row < rows.length) {
    body.children[context.row]?.classList.add('active');
    context.highlight(highlightOf(context.row));
  }
  return el('table', { className: 'rows' }, el('thead', {}, el('tr', {}, ...headers.map((header) => el('th', {}, header)))), body);
}

/** Replaces a panel's content with its answer and marks it loaded (tests wait for data-loaded). */
export function showAnswer(panel: HTMLElement, ...children: Child[]): void {
  replaceChildren(panel, ...children);
  panel.dataset.loaded = 'true';
}

export function showLoading(panel: HTMLElement): void {
  panel.dataset.loaded = 'false';
  replaceChildren(panel, el('p', { className: 'hint' }, 'Loading…'));
}
