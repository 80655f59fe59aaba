import cytoscape, { type CoseLayoutOptions, type Core, type ElementDefinition } from 'cytoscape';
import { pictureElements } from './elements';
import { FADE_MS, FADE_STYLES } from './fade';
import { RelationPalette } from './palette';
import type { Picture } from './picture';
import { graphStylesheet } from './stylesheet';

export interface GraphHandlers {
  onNode(id: string): void;
  onEdge(id: string): void;
  onBackground(): void;
}

/** What the page exposes to tests and to the curious (window.explorerProbe): read-only facts about the drawing. */
export interface GraphProbe {
  nodeIds(): string[];
  edges(): { id: string; source: string; target: string; kind: string; label: string }[];
  highlighted(): { nodes: string[]; edges: string[] };
  /** Where a node (or an edge's midpoint) is drawn, in page coordinates; null when it is not drawn. */
  pagePoint(id: string): { x: number; y: number } | null;
}

/** Force-directed, spread for dense neighbourhoods (rivals of rivals tie most companies to each other). */
const LAYOUT: Readonly<CoseLayoutOptions> = {
  name: 'cose',
  animate: false,
  fit: true,
  padding: 40,
  nodeDimensionsIncludeLabels: true,
  nodeRepulsion: () => 400_000,
  idealEdgeLength: () => 100,
  edgeElasticity: () => 100,
  nodeOverlap: 20,
  gravity: 80,
  initialTemp: 200,
  coolingFactor: 0.95,
  componentSpacing: 80,
};

/** A small picture fitted to the screen would be drawn huge. */
const MAX_FIT_ZOOM = 1.4;

/**
 * The cytoscape drawing of the picture. Redrawing keeps the positions of companies already drawn (a date change
 * reads as a change, not as a new picture) and lays out the newcomers around them.
 */
export class GraphView {
  private readonly cy: Core;
  private palette = new RelationPalette();

  constructor(
    private readonly container: HTMLElement,
    handlers: GraphHandlers,
  ) {
    this.cy = cytoscape({
      container,
      style: [...graphStylesheet(this.palette), ...FADE_STYLES],
      minZoom: 0.15,
      maxZoom: 4,
      wheelSensitivity: 0.3,
      boxSelectionEnabled: false,
      selectionType: 'single',
    });
    this.cy.on('tap', 'node', (event) => handlers.onNode(event.target.id()));
    this.cy.on('tap', 'edge', (event) => handlers.onEdge(event.target.id()));
    this.cy.on('tap', (event) => {
      if (event.target === this.cy) handlers.onBackground();
    });
    this.publish();
  }

  /** Draws relation kinds as the palette says (the API's kinds, known once it answered), from now on. */
  setPalette(palette: RelationPalette): void {
    this.palette = palette;
    this.cy.style([...graphStylesheet(palette), ...FADE_STYLES]);
  }

  /**
   * Draws the picture; `fresh` drops every position (a new company), otherwise known companies stay put, newcomers
   * fade in and what left fades out (fade.ts).
   */
  show(picture: Picture, expanded: ReadonlySet<string>, fresh: boolean): void {
    const elements = pictureElements(picture, { expanded, palette: this.palette });
    const wanted = new Set(elements.map((element) => element.data.id as string));
    const hadPositions = !fresh && this.drawn().nodes().length > 0;
    let addedAny = false;
    let entering: cytoscape.CollectionReturnValue | null = null;
    this.cy.batch(() => {
      if (fresh) this.cy.elements().remove();
      const leaving = this.cy.elements().filter((element) => !wanted.has(element.id()));
      leaving.addClass('leaving');
      // Removed once faded, unless a later picture wanted it back meanwhile (its classes were reset then).
      if (leaving.nonempty()) setTimeout(() => leaving.filter('.leaving').remove(), FADE_MS);
      const added: ElementDefinition[] = [];
      for (const element of elements) {
        const existing = this.cy.getElementById(element.data.id as string);
        if (existing.nonempty()) {
          // An element's id and ends never change (edge ids name their parties); cytoscape refuses to set them.
          const { id: _id, source: _source, target: _target, ...data } = element.data;
          existing.data(data);
          existing.classes(element.classes as string);
        } else {
          added.push(element.group === 'nodes' ? { ...element, position: this.startingPoint(element, elements) } : element);
        }
      }
      addedAny = added.length > 0;
      // Nodes before edges: an edge needs its ends.
      const nodes = this.cy.add(added.filter((element) => element.group === 'nodes'));
      entering = nodes.union(this.cy.add(added.filter((element) => element.group === 'edges')));
      if (!fresh && hadPositions) entering.addClass('entering');
    });
    // After the first frame with them transparent, so the change of opacity is a transition.
    if (entering) setTimeout(() => entering!.removeClass('entering'), 30);
    // Only newcomers need placing: a highlight that adds nothing, or a removal, leaves the drawing as it was.
    if (addedAny || !hadPositions) this.layout(!hadPositions);
    this.publish();
  }

  /** Marks the given companies and relations and fades the rest; empty lists clear the marks. */
  highlight(nodeIds: readonly string[], edgeIds: readonly string[]): void {
    const marked = new Set([...nodeIds, ...edgeIds]);
    this.cy.batch(() => {
      this.cy.elements().removeClass('highlighted faded');
      if (marked.size === 0) return;
      this.cy.elements().forEach((element) => {
        element.addClass(marked.has(element.id()) ? 'highlighted' : 'faded');
      });
    });
    this.publish();
  }

  select(id: string | null): void {
    this.cy.elements().unselect();
    if (id) this.cy.getElementById(id).select();
  }

  has(id: string): boolean {
    const element = this.cy.getElementById(id);
    return element.nonempty() && !element.hasClass('leaving');
  }

  /** What the picture holds: everything but what is fading out. */
  private drawn(): cytoscape.CollectionReturnValue {
    return this.cy.elements().not('.leaving');
  }

  fit(): void {
    this.cy.fit(undefined, 40);
  }

  readonly probe: GraphProbe = {
    nodeIds: () => this.drawn().nodes().map((node) => node.id()),
    edges: () => this.drawn().edges().map((edge) => ({ id: edge.id(), source: edge.source().id(), target: edge.target().id(), kind: edge.data('kind'), label: edge.data('label') })),
    highlighted: () => ({ nodes: this.drawn().nodes('.highlighted').map((node) => node.id()), edges: this.drawn().edges('.highlighted').map((edge) => edge.id()) }),
    pagePoint: (id) => {
      const element = this.cy.getElementById(id);
      if (element.empty()) return null;
      const point = element.isNode() ? element.renderedPosition() : (element as cytoscape.EdgeSingular).renderedMidpoint();
      const box = this.container.getBoundingClientRect();
      return { x: box.left + point.x, y: box.top + point.y };
    },
  };

  /** A new company starts next to a drawn neighbour, so the layout only has to settle it. */
  private startingPoint(node: ElementDefinition, elements: readonly ElementDefinition[]): { x: number; y: number } {
    const id = node.data.id as string;
    for (const edge of elements) {
      if (edge.group !== 'edges') continue;
      const other = edge.data.source === id ? edge.data.target : edge.data.target === id ? edge.data.source : null;
      const drawn = other ? this.cy.getElementById(other as string) : null;
      if (drawn?.nonempty() && drawn.isNode()) {
        const { x, y } = drawn.position();
        const angle = Math.random() * 2 * Math.PI;
        return { x: x + 80 * Math.cos(angle), y: y + 80 * Math.sin(angle) };
      }
    }
    return { x: Math.random() * 400, y: Math.random() * 400 };
  }

  private layout(randomize: boolean): void {
    if (this.drawn().nodes().empty()) return;
    this.drawn()
      .layout({
        ...LAYOUT,
        randomize,
        stop: () => {
          if (this.cy.zoom() > MAX_FIT_ZOOM) {
            this.cy.zoom(MAX_FIT_ZOOM);
            this.cy.center();
          }
        },
      })
      .run();
  }

  /** Counts and marks as data attributes on the container: readable by tests and by anyone inspecting the page. */
  private publish(): void {
    const { dataset } = this.container;
    const drawn = this.drawn();
    dataset.nodes = String(drawn.nodes().length);
    dataset.edges = String(drawn.edges().length);
    dataset.highlightedNodes = drawn.nodes('.highlighted').map((node) => node.id()).sort().join(',');
    dataset.highlightedEdges = drawn.edges('.highlighted').map((edge) => edge.id()).sort().join(',');
  }
}
