import cytoscape, { type CoseLayoutOptions, type Core, type ElementDefinition } from 'cytoscape';
import { pictureElements } from './elements';
import { FADE_MS, FADE_STYLES } from './fade';
import { LargeView } from './large-view';
import { RelationPalette } from './palette';
import type { Picture } from './picture';
import { ringPositions } from './ring-layout';
import { graphStylesheet } from './stylesheet';

/** How the picture is drawn: cytoscape's 2D canvas, or sigma.js with WebGL (large-view.ts). */
export type Renderer = 'canvas' | 'sigma';

/**
 * From this many companies the picture is drawn by sigma.js with WebGL, when the browser has WebGL 2: cytoscape's 2D
 * canvas redraws every element on each frame of a pan or zoom and stutters past about a thousand, and its own WebGL
 * renderer still spent seconds a frame at 5,000 (docs/explorer.md). Smaller pictures keep cytoscape, which draws
 * dashed lines, arrows and double rings that sigma draws plain.
 */
export const WEBGL_FROM = 1000;

/** From this many companies the picture is laid out in rings around the centre: a force-directed layout takes too long. */
export const RINGS_FROM = 400;

let webgl2: boolean | undefined;

/** Whether the browser can give sigma a WebGL 2 context (sigma does not fall back by itself). */
function hasWebgl2(): boolean {
  webgl2 ??= document.createElement('canvas').getContext('webgl2') !== null;
  return webgl2;
}

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
  /** How the picture is drawn now. */
  renderer(): Renderer;
  /** Pans by (dx, dy) screen pixels and zooms by `factor` about the middle, as a drag and a wheel would (for timing). */
  panZoom(dx: number, dy: number, factor: number): void;
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
  private cy: Core | null;
  /** Set while sigma draws a large picture; cytoscape is destroyed then (both draw into the container). */
  private large: LargeView | null = null;
  private palette = new RelationPalette();

  constructor(
    private readonly container: HTMLElement,
    private readonly handlers: GraphHandlers,
  ) {
    this.cy = this.create();
    this.publish();
  }

  private create(): Core {
    const cy = cytoscape({
      container: this.container,
      style: this.stylesheet(),
      minZoom: 0.15,
      maxZoom: 4,
      wheelSensitivity: 0.3,
      boxSelectionEnabled: false,
      selectionType: 'single',
    });
    cy.on('tap', 'node', (event) => this.handlers.onNode(event.target.id()));
    cy.on('tap', 'edge', (event) => this.handlers.onEdge(event.target.id()));
    cy.on('tap', (event) => {
      if (event.target === cy) this.handlers.onBackground();
    });
    return cy;
  }

  private stylesheet(): cytoscape.StylesheetJson {
    return [...graphStylesheet(this.palette), ...FADE_STYLES];
  }

  /**
   * Sigma for a picture of `companies` when it is large and the browser has WebGL 2, else cytoscape: the drawing in
   * use is started when missing and the other one ended.
   */
  private drawingFor(companies: number): { cy: Core; large: null } | { cy: null; large: LargeView } {
    if (companies >= WEBGL_FROM && hasWebgl2()) {
      this.cy?.destroy();
      this.cy = null;
      this.large ??= new LargeView(this.container, { onNode: (id) => this.handlers.onNode(id), onBackground: () => this.handlers.onBackground() });
      return { cy: null, large: this.large };
    }
    this.large?.kill();
    this.large = null;
    this.cy ??= this.create();
    return { cy: this.cy, large: null };
  }

  /** Draws relation kinds as the palette says (the API's kinds, known once it answered), from now on. */
  setPalette(palette: RelationPalette): void {
    this.palette = palette;
    this.cy?.style(this.stylesheet());
  }

  /**
   * Draws the picture; `fresh` drops every position (a new company), otherwise known companies stay put, newcomers
   * fade in and what left fades out (fade.ts).
   */
  show(picture: Picture, expanded: ReadonlySet<string>, fresh: boolean): void {
    const before = this.large;
    const drawing = this.drawingFor(picture.nodes.size);
    if (drawing.large) {
      // Redrawn whole, in rings: the same rings whatever was there before, so nothing needs keeping.
      drawing.large.show(picture, expanded, this.palette, fresh || drawing.large !== before);
      this.publish();
      return;
    }
    const { cy } = drawing;
    const elements = pictureElements(picture, { expanded, palette: this.palette });
    const wanted = new Set(elements.map((element) => element.data.id as string));
    const hadPositions = !fresh && this.drawn().nodes().length > 0;
    const neighbours = neighboursOf(elements);
    let addedAny = false;
    let entering: cytoscape.CollectionReturnValue | null = null;
    cy.batch(() => {
      if (fresh) cy.elements().remove();
      const leaving = cy.elements().filter((element) => !wanted.has(element.id()));
      leaving.addClass('leaving');
      // Removed once faded, unless a later picture wanted it back meanwhile (its classes were reset then).
      if (leaving.nonempty()) setTimeout(() => leaving.filter('.leaving').remove(), FADE_MS);
      const added: ElementDefinition[] = [];
      for (const element of elements) {
        const existing = cy.getElementById(element.data.id as string);
        if (existing.nonempty()) {
          // An element's id and ends never change (edge ids name their parties); cytoscape refuses to set them.
          const { id: _id, source: _source, target: _target, ...data } = element.data;
          existing.data(data);
          existing.classes(element.classes as string);
        } else {
          added.push(element.group === 'nodes' ? { ...element, position: this.startingPoint(cy, element, neighbours) } : element);
        }
      }
      addedAny = added.length > 0;
      // Nodes before edges: an edge needs its ends.
      const nodes = cy.add(added.filter((element) => element.group === 'nodes'));
      entering = nodes.union(cy.add(added.filter((element) => element.group === 'edges')));
      if (!fresh && hadPositions) entering.addClass('entering');
    });
    // After the first frame with them transparent, so the change of opacity is a transition.
    if (entering) setTimeout(() => entering!.removeClass('entering'), 30);
    // Only newcomers need placing: a highlight that adds nothing, or a removal, leaves the drawing as it was.
    if (cy.nodes().length >= RINGS_FROM) {
      if (addedAny || !hadPositions) this.ringLayout(cy, picture.center);
    } else if (addedAny || !hadPositions) this.layout(!hadPositions);
    this.publish();
  }

  /** Marks the given companies and relations and fades the rest; empty lists clear the marks. */
  highlight(nodeIds: readonly string[], edgeIds: readonly string[]): void {
    const marked = new Set([...nodeIds, ...edgeIds]);
    const { cy } = this;
    if (this.large) this.large.highlight([...marked]);
    else if (cy) {
      cy.batch(() => {
        cy.elements().removeClass('highlighted faded');
        if (marked.size === 0) return;
        cy.elements().forEach((element) => {
          element.addClass(marked.has(element.id()) ? 'highlighted' : 'faded');
        });
      });
    }
    this.publish();
  }

  select(id: string | null): void {
    if (this.large) return this.large.select(id);
    this.cy?.elements().unselect();
    if (id) this.cy?.getElementById(id).select();
  }

  has(id: string): boolean {
    if (this.large) return this.large.has(id);
    const element = this.cy?.getElementById(id);
    return !!element && element.nonempty() && !element.hasClass('leaving');
  }

  /** What cytoscape's picture holds: everything but what is fading out. */
  private drawn(): cytoscape.CollectionReturnValue {
    return this.cy!.elements().not('.leaving');
  }

  fit(): void {
    if (this.large) this.large.fit();
    else this.cy?.fit(undefined, 40);
  }

  readonly probe: GraphProbe = {
    nodeIds: () => this.large?.nodeIds() ?? this.drawn().nodes().map((node) => node.id()),
    edges: () =>
      this.large?.edges() ?? this.drawn().edges().map((edge) => ({ id: edge.id(), source: edge.source().id(), target: edge.target().id(), kind: edge.data('kind'), label: edge.data('label') })),
    highlighted: () => this.large?.marks() ?? { nodes: this.drawn().nodes('.highlighted').map((node) => node.id()), edges: this.drawn().edges('.highlighted').map((edge) => edge.id()) },
    pagePoint: (id) => {
      if (this.large) return this.large.pagePoint(id);
      const element = this.cy!.getElementById(id);
      if (element.empty()) return null;
      const point = element.isNode() ? element.renderedPosition() : (element as cytoscape.EdgeSingular).renderedMidpoint();
      const box = this.container.getBoundingClientRect();
      return { x: box.left + point.x, y: box.top + point.y };
    },
    renderer: () => (this.large ? 'sigma' : 'canvas'),
    panZoom: (dx, dy, factor) => {
      if (this.large) return this.large.panZoom(dx, dy, factor);
      const cy = this.cy!;
      cy.panBy({ x: dx, y: dy });
      cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: this.container.clientWidth / 2, y: this.container.clientHeight / 2 } });
    },
  };

  /** A new company starts next to a drawn neighbour, so the layout only has to settle it. */
  private startingPoint(cy: Core, node: ElementDefinition, neighbours: ReadonlyMap<string, readonly string[]>): { x: number; y: number } {
    for (const other of neighbours.get(node.data.id as string) ?? []) {
      const drawn = cy.getElementById(other);
      if (drawn.nonempty() && drawn.isNode()) {
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
          if (this.cy && this.cy.zoom() > MAX_FIT_ZOOM) {
            this.cy.zoom(MAX_FIT_ZOOM);
            this.cy.center();
          }
        },
      })
      .run();
  }

  /** A large picture in rings: hop by hop from the centre, in the order the API kept its companies. */
  private ringLayout(cy: Core, center: string | null): void {
    const hops = new Map<string, number>();
    const root = center ? cy.getElementById(center) : cy.collection();
    if (root.nonempty()) {
      cy.elements().bfs({
        roots: root,
        directed: false,
        visit: (node, _edge, _previous, _index, depth) => {
          hops.set(node.id(), depth);
        },
      });
    }
    const farthest = Math.max(0, ...hops.values());
    const positions = ringPositions(cy.nodes().map((node) => ({ id: node.id(), hop: hops.get(node.id()) ?? farthest + 1 })));
    // Hundreds of companies fitted to the screen are small: let the reader zoom out that far.
    cy.minZoom(0.02);
    cy.layout({ name: 'preset', positions: Object.fromEntries(positions), fit: true, padding: 30, animate: false }).run();
  }

  /** Counts and marks as data attributes on the container: readable by tests and by anyone inspecting the page. */
  private publish(): void {
    const { dataset } = this.container;
    const marks = this.probe.highlighted();
    dataset.renderer = this.probe.renderer();
    dataset.nodes = String(this.probe.nodeIds().length);
    dataset.edges = String(this.probe.edges().length);
    dataset.highlightedNodes = [...marks.nodes].sort().join(',');
    dataset.highlightedEdges = [...marks.edges].sort().join(',');
  }
}

/** Each company's neighbours among the elements, found once per drawing (not once per company: thousands of each). */
function neighboursOf(elements: readonly ElementDefinition[]): Map<string, string[]> {
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = neighbours.get(a);
    if (list) list.push(b);
    else neighbours.set(a, [b]);
  };
  for (const element of elements) {
    if (element.group !== 'edges') continue;
    link(element.data.source as string, element.data.target as string);
    link(element.data.target as string, element.data.source as string);
  }
  return neighbours;
}
