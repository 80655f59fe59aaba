import type { Api } from '../api/client';
import type { Money, RelationKind, Source } from '../api/types';
import { el, externalLink, replaceChildren, type Child } from '../dom/el';
import { formatDate, todayIso } from '../format/dates';
import { moneyLines } from '../format/money';
import type { RelationStyle } from '../graph/palette';
import { edgesOf, type Picture, type PictureEdge } from '../graph/picture';
import { acquisitionView, computeDealView, describeEvent, investmentView, rivalryView, subsidiaryLinkView, type FactView } from './fact-views';

export interface SidePanelHost {
  api: Api;
  selectEdge(id: string): void;
  selectNode(id: string): void;
  centreOn(id: string): void;
  expand(id: string): void;
  isExpanded(id: string): boolean;
  /** How a relation kind is drawn (the API's kinds). */
  relationStyle(kind: RelationKind): RelationStyle;
}

/** The facts behind what was clicked: a company's details and money, or a relation's facts with their sources. */
export class SidePanel {
  readonly element = el('section', { className: 'side-panel', attrs: { 'aria-live': 'polite' } });
  private token = 0;

  constructor(private readonly host: SidePanelHost) {
    this.clear();
  }

  clear(): void {
    this.token += 1;
    this.element.dataset.selection = '';
    replaceChildren(this.element, el('p', { className: 'hint' }, 'Click a company or a relation to see its facts and sources. Clicking a company also adds its neighbourhood.'));
  }

  async showNode(id: string, picture: Picture, asOf: string | null): Promise<void> {
    const token = this.begin(`node:${id}`);
    const company = await this.host.api.company(id, asOf);
    if (!company) {
      this.finish(token, el('p', { className: 'error' }, `No company ${id}`));
      return;
    }
    const relations = edgesOf(picture, id);
    this.finish(
      token,
      el('h2', {}, company.name),
      el('p', { className: 'meta' }, [company.kind.replace(/_/g, ' ').toLowerCase(), company.country, company.founded ? `founded ${company.founded}` : null].filter(Boolean).join(' · ')),
      company.description ? el('p', {}, company.description) : null,
      company.website ? el('p', {}, externalLink(company.website, company.website)) : null,
      company.aliases.length ? el('p', { className: 'meta' }, `Also known as ${company.aliases.join(', ')}`) : null,
      company.parent ? el('p', {}, 'Subsidiary of ', this.companyButton(company.parent.id, company.parent.name)) : null,
      company.subsidiaries.length ? el('p', {}, 'Subsidiaries: ', ...company.subsidiaries.flatMap((sub, i) => [i ? ', ' : '', this.companyButton(sub.id, sub.name)])) : null,
      el('h3', {}, `Raised ${asOf ? `as of ${asOf}` : 'to date'}`),
      moneyBlock(company.raised),
      el(
        'div',
        { className: 'actions' },
        el('button', { on: { click: () => this.host.centreOn(id) } }, 'Centre on it'),
        this.host.isExpanded(id) ? null : el('button', { on: { click: () => this.host.expand(id) } }, 'Expand'),
      ),
      el('h3', {}, `Relations drawn (${relations.length})`),
      el(
        'ul',
        { className: 'relations' },
        ...relations.map((edge) => el('li', {}, el('button', { className: 'link', on: { click: () => this.host.selectEdge(edge.id) } }, `${nameOf(picture, edge.from)} → ${nameOf(picture, edge.to)}: ${edge.label}`))),
      ),
    );
  }

  async showEdge(edge: PictureEdge, picture: Picture, asOf: string | null): Promise<void> {
    const token = this.begin(`edge:${edge.id}`);
    const views = await this.factsOf(edge, asOf);
    const style = this.host.relationStyle(edge.kind);
    const swatch = el('span', { className: 'swatch' });
    swatch.style.background = style.color;
    this.finish(
      token,
      el('h2', {}, swatch, ` ${nameOf(picture, edge.from)} → ${nameOf(picture, edge.to)}`),
      el('p', { className: 'meta' }, `${style.label} · ${edge.label}${asOf ? ` · as of ${asOf}` : ''}`),
      edge.origin === 'analytics' ? el('p', { className: 'hint' }, 'Drawn from an analytics answer: outside the neighbourhood.') : null,
      style.money ? el('div', {}, el('h3', {}, 'Money on this relation'), moneyBlock(edge.money)) : null,
      el('h3', {}, `Facts (${views.shown.length + views.explained.length})`),
      views.shown.length + views.explained.length === 0 ? el('p', { className: 'hint' }, 'No fact of this relation is known on the date.') : null,
      ...views.shown.map((view) => factBlock(view)),
      ...views.explained.map((relation) => el('article', { className: 'fact' }, el('p', {}, relation.description), moneyBlock(relation.money))),
      views.hidden > 0 ? el('p', { className: 'hint' }, `${views.hidden} later fact${views.hidden === 1 ? '' : 's'} not yet known on the date.`) : null,
      views.more ? el('p', { className: 'hint' }, 'More facts exist than listed here (first 20).') : null,
    );
  }

  private begin(selection: string): number {
    this.token += 1;
    this.element.dataset.selection = selection;
    this.element.dataset.loaded = 'false';
    replaceChildren(this.element, el('p', { className: 'hint' }, 'Loading…'));
    return this.token;
  }

  /** Shows an answer, unless another selection came since; data-loaded tells tests the answer is in. */
  private finish(token: number, ...children: Child[]): void {
    if (token !== this.token) return;
    replaceChildren(this.element, ...children);
    this.element.dataset.loaded = 'true';
  }

  /** Shows why the selection could not be read. */
  fail(error: unknown): void {
    replaceChildren(this.element, el('p', { className: 'error' }, error instanceof Error ? error.message : String(error)));
    this.element.dataset.loaded = 'true';
  }

  /**
   * The facts behind an edge, each with its own view for the kinds the panel has a form for; for any other kind the
   * API lists (a kind added since), the relation's explained sentences on the date (`explained`).
   */
  private async factsOf(edge: PictureEdge, asOf: string | null): Promise<{ shown: FactView[]; hidden: number; more: boolean; explained: { description: string; money: Money }[] }> {
    const date = asOf ?? todayIso();
    const known = <T extends { state: { known: boolean } }>(facts: T[], view: (fact: T) => FactView, more = false) => ({
      shown: facts.filter((fact) => fact.state.known).map(view),
      hidden: facts.filter((fact) => !fact.state.known).length,
      more,
      explained: [],
    });
    const single = <T extends { state: { known: boolean } }>(fact: T | null, view: (fact: T) => FactView) => known(fact ? [fact] : [], view);
    const factId = edge.id.includes(':') ? null : edge.id;
    switch (edge.kind) {
      case 'INVESTED_IN': {
        const { facts, more } = await this.host.api.investmentsBetween(edge.from, edge.to, asOf);
        return known(facts, (fact) => investmentView(fact, date), more);
      }
      case 'SUPPLIES_COMPUTE': {
        const { facts, more } = await this.host.api.computeDealsBetween(edge.from, edge.to, asOf);
        return known(facts, (fact) => computeDealView(fact, date), more);
      }
      case 'COMPETES_WITH':
        return single(factId ? await this.host.api.rivalry(factId, asOf) : null, (fact) => rivalryView(fact, date));
      case 'SUBSIDIARY_OF':
        return single(factId ? await this.host.api.subsidiaryLink(factId, asOf) : null, (fact) => subsidiaryLinkView(fact, date));
      case 'ACQUIRED':
        return single(factId ? await this.host.api.acquisition(factId, asOf) : null, (fact) => acquisitionView(fact, date));
      default:
        return { shown: [], hidden: 0, more: false, explained: await this.host.api.relationBetween(edge.from, edge.to, edge.kind, asOf) };
    }
  }

  private companyButton(id: string, name: string): HTMLButtonElement {
    return el('button', { className: 'link', on: { click: () => this.host.selectNode(id) } }, name);
  }
}

function nameOf(picture: Picture, id: string): string {
  return picture.nodes.get(id)?.name ?? id;
}

/** Money by kind as a small table, with the API's sentence. */
export function moneyBlock(money: Money): HTMLElement {
  const lines = moneyLines(money);
  return el(
    'div',
    { className: 'money' },
    el('p', { className: 'money-description' }, money.description),
    lines.length
      ? el('table', { className: 'money-lines' }, ...lines.map((line) => el('tr', { title: line.meaning }, el('th', {}, line.label), el('td', {}, line.text))))
      : null,
  );
}

function factBlock(view: FactView): HTMLElement {
  const rows: Child[] = view.fields.map((f) => el('div', {}, el('dt', {}, f.label), el('dd', {}, f.value)));
  return el(
    'article',
    { className: 'fact', data: { factId: view.id } },
    el('h4', {}, view.title),
    el('dl', {}, ...rows),
    el('p', { className: 'label' }, 'Money on the date'),
    moneyBlock(view.state.money),
    view.note ? el('p', { className: 'note' }, view.note) : null,
    view.events.length ? el('p', { className: 'label' }, 'Events to the date') : null,
    view.events.length ? el('ol', { className: 'events' }, ...view.events.map((event) => el('li', { data: { event: event.kind } }, describeEvent(event)))) : null,
    view.laterEvents ? el('p', { className: 'hint' }, `${view.laterEvents} later event${view.laterEvents === 1 ? '' : 's'} after the date.`) : null,
    el('p', { className: 'label' }, `Sources (${view.sources.length})`),
    el('ul', { className: 'sources' }, ...view.sources.map(sourceItem)),
  );
}

function sourceItem(source: Source): HTMLElement {
  return el(
    'li',
    { data: { sourceKind: source.kind } },
    externalLink(source.url, source.title || source.url),
    el(
      'span',
      { className: 'meta' },
      ` · ${source.publisher}${source.originalPublisher ? ` (repeats ${source.originalPublisher})` : ''} · ${source.kind.toLowerCase().replace(/_/g, ' ')}${source.publishedOn ? ` · ${formatDate(source.publishedOn)}` : ''}`,
    ),
  );
}
