import { pageSocket, type ChangeSocket } from './api/change-feed';
import { api, type Api, type PictureFilters as FilterArgs } from './api/client';
import { eventDensity } from './api/density';
import type { CompanyRef } from './api/types';
import { el, replaceChildren } from './dom/el';
import { formatUsd } from './format/money';
import { download } from './export/download';
import { companiesCsv, exportFileName, pictureGraphml, relationsCsv } from './export/view-export';
import { GraphView } from './graph/graph-view';
import { resolveHighlight, type Highlight } from './graph/highlight';
import { legend } from './graph/legend';
import { RelationPalette } from './graph/palette';
import { emptyPicture, mergeSubgraph, type Picture } from './graph/picture';
import type { AnalyticsPanel, PanelContext } from './panels/analytics-panel';
import { BackersPanel } from './panels/backers-panel';
import { ChangesPanel } from './panels/changes-panel';
import { ConnectionPanel } from './panels/connection-panel';
import { DateControl } from './panels/date-control';
import { ExposurePanel } from './panels/exposure-panel';
import { LoopsPanel } from './panels/loops-panel';
import { OverTimePanel } from './panels/over-time-panel';
import { PictureFilters, type FilterChoice } from './panels/picture-filters';
import type { OverviewPanel } from './panels/overview-panel';
import { RankingsPanel } from './panels/rankings-panel';
import { SearchBox } from './panels/search-box';
import { SidePanel } from './panels/side-panel';
import { TwoSidedPanel } from './panels/two-sided-panel';
import './probe';
import { DEFAULT_STATE, DEPTHS, formatViewState, parseViewState, PANELS, type Depth, type PanelId, type ViewState } from './state/url-state';

/** Panels over the whole graph: they need no company drawn. */
const OVERVIEW_PANELS = ['rankings', 'over-time'] as const;
type OverviewPanelId = (typeof OVERVIEW_PANELS)[number];

function isOverview(id: PanelId | null): id is OverviewPanelId {
  return OVERVIEW_PANELS.includes(id as OverviewPanelId);
}

/** The panels of analytics queries, loaded for the company and date; the changes and overview panels are the others. */
type AnalyticsPanelId = Exclude<PanelId, 'changes' | OverviewPanelId>;

/** How long the slider must rest before the picture is asked for again. */
const SLIDER_SETTLE_MS = 250;

/** The filters in force, for the status line ("" when none). */
function filterSummary(state: ViewState): string {
  const parts = [state.kinds ? `${state.kinds.length} relation kind${state.kinds.length > 1 ? 's' : ''}` : '', state.minAmount === null ? '' : state.minAmount === 0 ? 'relations with money' : `relations ≥ ${formatUsd(state.minAmount)}`];
  const shown = parts.filter((part) => part !== '');
  return shown.length > 0 ? ` · only ${shown.join(', ')}` : '';
}

/** What the caps cut, in words: the counts the API reports (companies: at least that many). */
function cutSummary(picture: Picture, maxNodes: number): string {
  const parts = [
    picture.omittedNodes > 0 ? `at least ${picture.omittedNodes.toLocaleString('en-US')} more compan${picture.omittedNodes > 1 ? 'ies' : 'y'} (the picture holds at most ${maxNodes.toLocaleString('en-US')})` : '',
    picture.omittedEdges > 0 ? `${picture.omittedEdges.toLocaleString('en-US')} relation${picture.omittedEdges > 1 ? 's' : ''} among those drawn` : '',
  ].filter((part) => part !== '');
  return parts.length > 0 ? `Cut: ${parts.join(' and ')} left out; nearer companies and bigger money were kept first.` : 'Cut short by the API’s caps.';
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The explorer: the URL's view drawn from the API. Every change goes through `navigate` (URL first, then what it
 * changes is loaded), so a reloaded or shared URL gives the same view.
 */
export class ExplorerApp {
  private state: ViewState;
  /** What the neighbourhood answers drew. */
  private base: Picture = emptyPicture();
  /** `base` plus whatever the current highlight brought in: what is on screen and what exports write. */
  private shown: Picture = emptyPicture();
  private highlightSpec: Highlight | null = null;
  /** What the highlight marks on screen, to come back to after a row under the pointer marked something else. */
  private marked: { nodeIds: string[]; edgeIds: string[] } = { nodeIds: [], edgeIds: [] };
  private centre: CompanyRef | null = null;
  private generation = 0;
  private panelQueue: Promise<void> = Promise.resolve();
  private panelGeneration = 0;
  private sliderTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly graphElement = el('div', { className: 'graph', attrs: { id: 'graph' }, data: { status: 'empty' } });
  private readonly graph: GraphView;
  private readonly status = el('p', { className: 'status', attrs: { role: 'status' } });
  /** What the API's caps left out of the picture; hidden when nothing was. */
  private readonly cut = el('p', { className: 'status cut', data: { cut: 'picture' }, attrs: { hidden: '' } });
  private readonly search: SearchBox;
  private readonly depth = el('select', { attrs: { name: 'depth', 'aria-label': 'Depth' } }, ...DEPTHS.map((depth) => el('option', { attrs: { value: String(depth) } }, `${depth} hop${depth > 1 ? 's' : ''}`)));
  private readonly date: DateControl;
  private readonly filters = new PictureFilters((choice) => this.changeFilters(choice));
  private readonly side: SidePanel;
  private readonly panels: Readonly<Record<AnalyticsPanelId, AnalyticsPanel>>;
  private readonly changes: ChangesPanel;
  private readonly overview: Readonly<Record<OverviewPanelId, OverviewPanel>> = { rankings: new RankingsPanel(), 'over-time': new OverTimePanel() };
  private readonly aside = el('aside', {});
  /** The WebSocket the changes panel follows the log over, opened when it is first shown. */
  private socket: ChangeSocket | null = null;
  private readonly tabs = el('nav', { className: 'tabs', attrs: { role: 'tablist' } });
  private readonly panelArea = el('div', { className: 'panel-area' });
  /** How relation kinds are drawn: from the API's list of kinds, once it answered. */
  private palette = new RelationPalette();
  private readonly legendArea = el('div', { className: 'legend-area' }, legend(this.palette));

  constructor(
    private readonly root: HTMLElement,
    private readonly client: Api = api,
    private readonly openSocket: () => ChangeSocket = pageSocket,
  ) {
    this.state = parseViewState(location.search);
    this.search = new SearchBox(client, (company) => this.pickCompany(company), { placeholder: 'Search a company (typos are fine)', name: 'company' });
    this.date = new DateControl((asOf, settled) => this.changeDate(asOf, settled), eventDensity);
    this.depth.addEventListener('change', () => {
      this.navigate({ depth: Number(this.depth.value) as Depth }, 'push');
      void this.loadPicture(false);
    });
    this.side = new SidePanel({
      api: client,
      selectEdge: (id) => this.selectEdge(id),
      selectNode: (id) => this.selectNode(id, false),
      centreOn: (id) => this.pickCompany({ id, name: id, kind: 'OTHER' }),
      expand: (id) => void this.expand(id),
      isExpanded: (id) => id === this.state.company || this.state.expand.includes(id),
      relationStyle: (kind) => this.palette.style(kind),
    });
    this.panels = {
      backers: new BackersPanel(),
      'two-sided': new TwoSidedPanel(),
      loops: new LoopsPanel(),
      connection: new ConnectionPanel(client),
      exposure: new ExposurePanel(),
    };
    this.changes = new ChangesPanel({
      api: client,
      socket: () => (this.socket ??= this.openSocket()),
      relationKinds: () => this.palette.kinds,
      highlight: (highlight) => {
        if (this.state.panel === 'changes') this.setHighlight(highlight);
      },
      preview: (highlight) => this.preview(highlight),
      setRow: (row) => {
        if (this.state.panel === 'changes') this.navigate({ row }, 'replace');
      },
      setSince: (since) => {
        this.navigate({ since, row: null }, 'replace');
        this.setHighlight(null);
        this.loadPanel();
      },
    });
    // The page first: cytoscape reads its container's size when it starts.
    this.layout();
    this.graph = new GraphView(this.graphElement, {
      onNode: (id) => this.selectNode(id, true),
      onEdge: (id) => this.selectEdge(id),
      onBackground: () => this.clearSelection(),
    });
    window.explorerProbe = { ...this.graph.probe, state: () => this.state };
    window.addEventListener('popstate', () => {
      this.state = parseViewState(location.search);
      this.syncControls();
      void this.loadPicture(true);
    });
  }

  async start(): Promise<void> {
    this.syncControls();
    await this.loadRelationKinds();
    await this.loadPicture(true);
  }

  /** The relation kinds the API walks, for the legend and the drawing; without them every kind is drawn grey. */
  private async loadRelationKinds(): Promise<void> {
    try {
      this.palette = new RelationPalette(await this.client.relationKinds());
    } catch (error) {
      this.status.textContent = `Could not read the relation kinds: ${message(error)}`;
      return;
    }
    this.graph.setPalette(this.palette);
    this.filters.setPalette(this.palette);
    replaceChildren(this.legendArea, legend(this.palette));
  }

  private layout(): void {
    for (const id of PANELS) {
      this.tabs.append(
        el('button', { attrs: { role: 'tab', type: 'button' }, data: { tab: id }, on: { click: () => this.openPanel(this.state.panel === id ? null : id) } }, this.panelTitle(id)),
      );
    }
    const exportButton = (label: string, make: () => [string, string, string]) =>
      el('button', { data: { export: label }, on: { click: () => download(...make()) } }, label);
    const view = () => ({ company: this.state.company, depth: this.state.depth, asOf: this.state.asOf });
    this.aside.append(this.side.element, this.tabs, this.panelArea);
    replaceChildren(
      this.root,
      el(
        'header',
        {},
        el('h1', {}, 'AI industry graph'),
        this.search.element,
        el('label', { className: 'depth' }, 'Depth ', this.depth),
        this.date.element,
        this.filters.element,
        el(
          'div',
          { className: 'exports', title: 'Download the picture on screen' },
          'Export: ',
          exportButton('Relations CSV', () => [exportFileName(view(), 'relations', 'csv'), relationsCsv(this.shown), 'text/csv']),
          exportButton('Companies CSV', () => [exportFileName(view(), 'companies', 'csv'), companiesCsv(this.shown), 'text/csv']),
          exportButton('GraphML', () => [exportFileName(view(), 'graph', 'graphml'), pictureGraphml(this.shown), 'application/graphml+xml']),
        ),
      ),
      el(
        'main',
        {},
        // The legend sits below the drawing, never over it: nothing hides a node from a click.
        el('div', { className: 'canvas' }, el('div', { className: 'graph-wrap' }, this.graphElement), el('footer', {}, this.status, this.cut, this.legendArea)),
        this.aside,
      ),
    );
  }

  private panelTitle(id: PanelId): string {
    return id === 'changes' ? this.changes.title : isOverview(id) ? this.overview[id].title : this.panels[id].title;
  }

  /** Writes the state into the URL: push for a new view (Back returns to the last), replace for a refinement. */
  private navigate(patch: Partial<ViewState>, mode: 'push' | 'replace'): void {
    this.state = { ...this.state, ...patch };
    const url = `${location.pathname}${formatViewState(this.state)}`;
    if (url !== `${location.pathname}${location.search}`) history[mode === 'push' ? 'pushState' : 'replaceState'](null, '', url);
  }

  private syncControls(): void {
    this.depth.value = String(this.state.depth);
    this.date.set(this.state.asOf);
    this.filters.set({ kinds: this.state.kinds, minAmount: this.state.minAmount, maxNodes: this.state.maxNodes });
    if (!this.state.company) this.search.setText('');
    for (const tab of this.tabs.children) tab.setAttribute('aria-selected', String((tab as HTMLElement).dataset.tab === this.state.panel));
  }

  private pickCompany(company: CompanyRef): void {
    if (company.id === this.state.company) return;
    this.navigate({ company: company.id, expand: [], selection: null, row: null, to: this.state.to === company.id ? null : this.state.to }, 'push');
    void this.loadPicture(true);
  }

  /** A settled date redraws now (the returned promise: the picture drawn, for the time bar's play); a dragged one once it rests. */
  private changeDate(asOf: string | null, settled: boolean): Promise<void> {
    this.navigate({ asOf }, 'replace');
    clearTimeout(this.sliderTimer);
    if (settled) return this.loadPicture(false);
    this.sliderTimer = setTimeout(() => void this.loadPicture(false), SLIDER_SETTLE_MS);
    return Promise.resolve();
  }

  /** New filters: the API draws another picture (they act in its query), and the URL says so. */
  private changeFilters(choice: FilterChoice): void {
    this.navigate(choice, 'push');
    void this.loadPicture(false);
  }

  /** What the API filters the picture by; an expanded company brings its own default number of neighbours. */
  private filterArgs(centre: boolean): FilterArgs {
    const { kinds, minAmount, maxNodes } = this.state;
    return { kinds, minAmountUsd: minAmount, maxNodes: centre ? maxNodes : DEFAULT_STATE.maxNodes };
  }

  /** Asks for the centre's neighbourhood and every expanded one on the date, draws them, then what depends on them. */
  private async loadPicture(fresh: boolean): Promise<void> {
    clearTimeout(this.sliderTimer);
    const generation = ++this.generation;
    const { company, depth, asOf, expand } = this.state;
    this.syncControls();
    if (!company) {
      this.base = emptyPicture();
      this.centre = null;
      this.draw(true);
      this.graphElement.dataset.status = 'empty';
      this.status.textContent = 'Search a company to draw its neighbourhood.';
      this.side.clear();
      // The changes panel needs no company; the others clear.
      this.loadPanel();
      return;
    }
    this.graphElement.dataset.status = 'loading';
    this.status.textContent = 'Loading…';
    try {
      const [centre, ...expansions] = await Promise.all([
        this.client.neighborhood(company, depth, asOf, this.filterArgs(true)),
        ...expand.map((id) => this.client.neighborhood(id, 1, asOf, this.filterArgs(false)).catch(() => null)),
      ]);
      if (generation !== this.generation) return;
      let picture = mergeSubgraph(emptyPicture(company), centre);
      for (const subgraph of expansions) if (subgraph) picture = mergeSubgraph(picture, subgraph);
      this.base = picture;
      this.centre = centre.center;
      this.search.setText(centre.center.name);
      this.highlightSpec = null;
      this.draw(fresh);
      this.graphElement.dataset.center = company;
      this.graphElement.dataset.asOf = asOf ?? '';
      this.graphElement.dataset.status = 'ready';
      this.describe();
    } catch (error) {
      if (generation !== this.generation) return;
      this.graphElement.dataset.status = 'error';
      this.status.textContent = `Could not draw ${company}: ${message(error)}`;
      return;
    }
    this.refreshSelection();
    this.loadPanel();
  }

  private describe(): void {
    if (!this.centre) return;
    const { asOf, depth } = this.state;
    const drawn = `${this.shown.nodes.size} companies, ${this.shown.edges.size} relations`;
    this.status.textContent = `${this.centre?.name ?? ''} · ${depth} hop${depth > 1 ? 's' : ''} · ${asOf ? `as of ${asOf}` : 'today'} · ${drawn}${filterSummary(this.state)}${this.graph.probe.renderer() === 'sigma' ? ' · drawn with WebGL (sigma.js)' : ''}`;
    this.cut.textContent = cutSummary(this.base, this.state.maxNodes);
    this.cut.hidden = !this.base.truncated;
  }

  /** Draws base + highlight. */
  private draw(fresh: boolean): void {
    const resolved = this.highlightSpec ? resolveHighlight(this.base, this.highlightSpec) : { picture: this.base, nodeIds: [], edgeIds: [] };
    this.shown = resolved.picture;
    this.graph.show(this.shown, new Set(this.state.expand), fresh);
    this.marked = { nodeIds: resolved.nodeIds, edgeIds: resolved.edgeIds };
    this.graph.highlight(resolved.nodeIds, resolved.edgeIds);
    if (this.state.selection) this.graph.select(this.state.selection.id);
  }

  /** Marks what a highlight names among what is drawn, adding nothing (a row under the pointer); null: the highlight again. */
  private preview(highlight: Highlight | null): void {
    if (!highlight) {
      this.graph.highlight(this.marked.nodeIds, this.marked.edgeIds);
      return;
    }
    const resolved = resolveHighlight(this.shown, highlight);
    this.graph.highlight(resolved.nodeIds.filter((id) => this.graph.has(id)), resolved.edgeIds.filter((id) => this.graph.has(id)));
  }

  private setHighlight(highlight: Highlight | null): void {
    this.highlightSpec = highlight;
    this.draw(false);
    this.describe();
  }

  private async expand(id: string): Promise<void> {
    if (id === this.state.company || this.state.expand.includes(id)) return;
    this.navigate({ expand: [...this.state.expand, id] }, 'replace');
    const generation = this.generation;
    try {
      const subgraph = await this.client.neighborhood(id, 1, this.state.asOf, this.filterArgs(false));
      if (generation !== this.generation) return;
      this.base = mergeSubgraph(this.base, subgraph);
      this.draw(false);
      this.describe();
    } catch (error) {
      this.status.textContent = `Could not expand ${id}: ${message(error)}`;
    }
  }

  private selectNode(id: string, expand: boolean): void {
    this.navigate({ selection: { type: 'node', id } }, 'replace');
    this.graph.select(id);
    // Expanded first, so the panel lists the relations the expansion drew.
    void (expand ? this.expand(id) : Promise.resolve())
      .then(() => (this.state.selection?.id === id ? this.side.showNode(id, this.shown, this.state.asOf) : undefined))
      .catch((error) => this.side.fail(error));
  }

  private selectEdge(id: string): void {
    const edge = this.shown.edges.get(id);
    if (!edge) return;
    this.navigate({ selection: { type: 'edge', id } }, 'replace');
    this.graph.select(id);
    void this.side.showEdge(edge, this.shown, this.state.asOf).catch((error) => this.side.fail(error));
  }

  private clearSelection(): void {
    this.navigate({ selection: null }, 'replace');
    this.graph.select(null);
    this.side.clear();
  }

  /** After a redraw: the side panel shows the selection as of the new date, or clears when it is no longer drawn. */
  private refreshSelection(): void {
    const selection = this.state.selection;
    if (selection?.type === 'node' && this.shown.nodes.has(selection.id)) this.selectNode(selection.id, false);
    else if (selection?.type === 'edge' && this.shown.edges.has(selection.id)) this.selectEdge(selection.id);
    else if (selection) this.clearSelection();
    else this.side.clear();
  }

  private openPanel(id: PanelId | null): void {
    this.navigate({ panel: id, row: null, totals: null }, 'push');
    this.syncControls();
    this.setHighlight(null);
    this.loadPanel();
  }

  /**
   * Loads the open panel for the current company and date; loads run one after another, the last one wins. The
   * changes panel needs neither: it keeps following the log while open, and highlights its row again on a new picture.
   */
  private loadPanel(): void {
    const id = this.state.panel;
    const centre = this.centre;
    const generation = ++this.panelGeneration;
    if (id === 'changes') {
      if (this.changes.element.parentElement !== this.panelArea) replaceChildren(this.panelArea, el('h2', {}, this.changes.title), this.changes.element);
      this.changes.show(this.state.since, this.state.row);
      return;
    }
    this.changes.close();
    // Rankings and charts need room: the side column widens while one is open.
    this.aside.classList.toggle('wide', isOverview(id));
    if (isOverview(id)) {
      this.loadOverview(id, centre, generation);
      return;
    }
    if (!id || !centre) {
      replaceChildren(this.panelArea);
      return;
    }
    const panel = this.panels[id];
    replaceChildren(this.panelArea, el('h2', {}, panel.title), panel.element);
    const current = () => generation === this.panelGeneration;
    const context: PanelContext = {
      api: this.client,
      company: centre,
      asOf: this.state.asOf,
      row: this.state.row,
      to: this.state.to,
      highlight: (highlight) => {
        if (current()) this.setHighlight(highlight);
      },
      setRow: (row) => {
        if (current()) this.navigate({ row }, 'replace');
      },
      setOther: (to) => {
        if (!current()) return;
        this.navigate({ to, row: null }, 'push');
        this.setHighlight(null);
        this.loadPanel();
      },
    };
    this.runPanel(panel, generation, () => panel.load(context));
  }

  /** Loads a panel over the whole graph for the date, and the drawn company if any. */
  private loadOverview(id: OverviewPanelId, centre: CompanyRef | null, generation: number): void {
    const panel = this.overview[id];
    if (panel.element.parentElement !== this.panelArea) replaceChildren(this.panelArea, el('h2', {}, panel.title), panel.element);
    this.runPanel(panel, generation, () =>
      panel.load({
        api: this.client,
        company: centre,
        asOf: this.state.asOf,
        open: (company) => this.pickCompany(company),
        choices: this.state.totals,
        setChoices: (totals) => {
          if (generation === this.panelGeneration) this.navigate({ totals }, 'replace');
        },
      }),
    );
  }

  /** Runs a panel's load after the ones before it; an error is shown in the panel. */
  private runPanel(panel: { element: HTMLElement }, generation: number, load: () => Promise<void>): void {
    const current = () => generation === this.panelGeneration;
    this.panelQueue = this.panelQueue.then(async () => {
      if (!current()) return;
      try {
        await load();
      } catch (error) {
        if (current()) replaceChildren(panel.element, el('p', { className: 'error' }, message(error)));
        panel.element.dataset.loaded = 'true';
      }
    });
  }
}
