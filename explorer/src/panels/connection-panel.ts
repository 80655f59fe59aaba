import type { Api } from '../api/client';
import { el, replaceChildren } from '../dom/el';
import { pathHighlight } from '../graph/highlight';
import { showAnswer, showLoading, type AnalyticsPanel, type PanelContext } from './analytics-panel';
import { SearchBox } from './search-box';

/** connection: the shortest explained path from the company to another one, highlighted, in English steps. */
export class ConnectionPanel implements AnalyticsPanel {
  readonly id = 'connection' as const;
  readonly title = 'Connection';
  readonly element = el('div', { className: 'panel-body', data: { panel: this.id } });
  private readonly search: SearchBox;
  private readonly result = el('div', { className: 'connection-result' });
  private context: PanelContext | undefined;

  constructor(api: Api) {
    this.search = new SearchBox(api, (company) => this.context?.setOther(company.id), { placeholder: 'Connect to… (company name)', name: 'connection-to' });
  }

  async load(context: PanelContext): Promise<void> {
    this.context = context;
    replaceChildren(this.element, el('p', { className: 'summary' }, `How is ${context.company.name} connected to another company? (shortest path, up to 4 hops)`), this.search.element, this.result);
    if (!context.to) {
      this.search.setText('');
      showAnswer(this.result, el('p', { className: 'hint' }, 'Pick the other company.'));
      this.element.dataset.loaded = 'true';
      return;
    }
    showLoading(this.result);
    this.element.dataset.loaded = 'false';
    const path = await context.api.connection(context.company.id, context.to, context.asOf);
    const other = path?.nodes[path.nodes.length - 1];
    this.search.setText(other?.name ?? context.to);
    if (!path) {
      context.highlight(null);
      showAnswer(this.result, el('p', { className: 'hint' }, `No connection within 4 hops${context.asOf ? ` as of ${context.asOf}` : ''}.`));
    } else {
      context.highlight(pathHighlight(path));
      showAnswer(
        this.result,
        el('p', {}, `${path.nodes.map((node) => node.name).join(' → ')} (${path.length} hop${path.length === 1 ? '' : 's'}${path.ties > 1 ? `; ${path.ties} routes of this length` : ''})`),
        el('ol', { className: 'steps' }, ...path.steps.map((step) => el('li', { data: { kind: step.kind } }, step.description))),
        el('button', { on: { click: () => context.setOther(null) } }, 'Clear'),
      );
    }
    this.element.dataset.loaded = 'true';
  }
}
