import Graph from 'graphology';
import Sigma from 'sigma';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { pictureElements } from './elements';
import { HIGHLIGHT_COLOR, type RelationPalette } from './palette';
import type { Picture } from './picture';
import { ringPositions } from './ring-layout';

/** The companies' drawn size in model pixels (radius), as the cytoscape stylesheet's 26 and 42 px wide discs. */
const NODE_RADIUS = 13;
const CENTER_RADIUS = 21;
/** A label is drawn once its company is this many screen pixels across (radius): 12 px text then reads. */
const LABEL_FROM_RADIUS = 11;
const FADED_COLOR = '#e4e7ea';
/** How far the reader may zoom in and out (sigma's camera ratio: larger is farther out). */
const MIN_RATIO = 0.02;
const MAX_RATIO = 2;

export interface LargeHandlers {
  onNode(id: string): void;
  onBackground(): void;
}

/**
 * A large picture drawn by sigma.js over a graphology graph: every company and relation in a few WebGL draw calls, and
 * labels only where readable. Cytoscape's WebGL renderer redrew labels and edges through textures each frame and took
 * seconds per frame at 5,000 companies on a software GL; sigma keeps the geometry in GPU buffers and only moves the
 * camera. It draws edges as plain lines (no dashes or arrows) and companies as plain discs (no rings), which is why
 * smaller pictures stay with cytoscape.
 */
export class LargeView {
  private readonly graph = new Graph({ multi: true, type: 'directed' });
  private readonly sigma: Sigma;
  private marked = new Set<string>();
  private selected: string | null = null;

  constructor(
    private readonly container: HTMLElement,
    handlers: LargeHandlers,
  ) {
    this.sigma = new Sigma(this.graph, container, {
      settings: {
        // Sizes in the layout's units, scaled with the zoom as cytoscape does: a company far out is a dot.
        itemSizesReference: 'positions',
        zoomToSizeRatioFunction: (ratio: number) => ratio,
        labelRenderedSizeThreshold: LABEL_FROM_RADIUS,
        minCameraRatio: MIN_RATIO,
        maxCameraRatio: MAX_RATIO,
        enableCameraRotation: false,
        minEdgeThickness: 0.5,
        stagePadding: 30,
      },
      nodeReducer: (key: string, data: NodeDisplayData): Partial<NodeDisplayData> => this.nodeLook(key, data),
      edgeReducer: (key: string, data: EdgeDisplayData): Partial<EdgeDisplayData> => this.edgeLook(key, data),
    });
    this.sigma.on('clickNode', ({ node }: { node: string }) => handlers.onNode(node));
    this.sigma.on('clickStage', () => handlers.onBackground());
  }

  private nodeLook(key: string, data: NodeDisplayData): Partial<NodeDisplayData> {
    if (key === this.selected || this.marked.has(key)) return { ...data, color: key === this.selected ? data.color : HIGHLIGHT_COLOR, highlighted: true, zIndex: 1 };
    if (this.marked.size > 0) return { ...data, color: FADED_COLOR, label: null };
    return data;
  }

  private edgeLook(key: string, data: EdgeDisplayData): Partial<EdgeDisplayData> {
    if (this.marked.has(key)) return { ...data, color: HIGHLIGHT_COLOR, zIndex: 1 };
    if (this.marked.size > 0) return { ...data, color: FADED_COLOR };
    return data;
  }

  /**
   * Draws the picture in rings around the centre (graph/ring-layout.ts), hop by hop; `fresh` (a new company) also
   * shows it whole, otherwise the reader's pan and zoom stay.
   */
  show(picture: Picture, expanded: ReadonlySet<string>, palette: RelationPalette, fresh: boolean): void {
    const elements = pictureElements(picture, { expanded, palette });
    const hops = hopsFrom(picture);
    const farthest = Math.max(0, ...hops.values());
    const positions = ringPositions([...picture.nodes.keys()].map((id) => ({ id, hop: hops.get(id) ?? farthest + 1 })));
    this.graph.clear();
    for (const element of elements) {
      const data = element.data as Record<string, string | number>;
      const id = data.id as string;
      if (element.group === 'nodes') {
        // Sigma's y axis points up, cytoscape's down: flipped, the rings start at the top in both.
        const { x, y } = positions.get(id)!;
        this.graph.addNode(id, { x, y: -y, size: id === picture.center ? CENTER_RADIUS : NODE_RADIUS, color: data.color, label: data.label });
      } else {
        this.graph.addDirectedEdgeWithKey(id, data.source as string, data.target as string, { color: data.color, size: data.width, kind: data.kind, label: data.label });
      }
    }
    this.marked = new Set([...this.marked].filter((id) => this.graph.hasNode(id) || this.graph.hasEdge(id)));
    if (fresh) this.fit();
  }

  highlight(ids: readonly string[]): void {
    this.marked = new Set(ids);
    this.sigma.refresh({ skipIndexation: true });
  }

  select(id: string | null): void {
    this.selected = id;
    this.sigma.refresh({ skipIndexation: true });
  }

  has(id: string): boolean {
    return this.graph.hasNode(id) || this.graph.hasEdge(id);
  }

  fit(): void {
    this.sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
  }

  nodeIds(): string[] {
    return this.graph.nodes();
  }

  edges(): { id: string; source: string; target: string; kind: string; label: string }[] {
    return this.graph.mapEdges((id, attributes, source, target) => ({ id, source, target, kind: attributes.kind as string, label: attributes.label as string }));
  }

  marks(): { nodes: string[]; edges: string[] } {
    return { nodes: [...this.marked].filter((id) => this.graph.hasNode(id)), edges: [...this.marked].filter((id) => this.graph.hasEdge(id)) };
  }

  pagePoint(id: string): { x: number; y: number } | null {
    let point: { x: number; y: number };
    if (this.graph.hasNode(id)) point = this.graph.getNodeAttributes(id) as { x: number; y: number };
    else if (this.graph.hasEdge(id)) {
      const a = this.graph.getNodeAttributes(this.graph.source(id)) as { x: number; y: number };
      const b = this.graph.getNodeAttributes(this.graph.target(id)) as { x: number; y: number };
      point = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    } else return null;
    const onScreen = this.sigma.graphToViewport(point);
    const box = this.container.getBoundingClientRect();
    return { x: box.left + onScreen.x, y: box.top + onScreen.y };
  }

  /** Pans by (dx, dy) screen pixels and zooms by `factor` about the middle, through sigma's camera (redrawn next frame). */
  panZoom(dx: number, dy: number, factor: number): void {
    const camera = this.sigma.getCamera();
    const from = this.sigma.viewportToFramedGraph({ x: 0, y: 0 });
    const to = this.sigma.viewportToFramedGraph({ x: dx, y: dy });
    const state = camera.getState();
    camera.setState({ x: state.x - (to.x - from.x), y: state.y - (to.y - from.y), ratio: camera.getBoundedRatio(state.ratio / factor) });
  }

  kill(): void {
    this.sigma.kill();
  }
}

/** Each company's hop from the picture's centre, over relations either way (breadth first). */
function hopsFrom(picture: Picture): Map<string, number> {
  const hops = new Map<string, number>();
  if (!picture.center || !picture.nodes.has(picture.center)) return hops;
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = neighbours.get(a);
    if (list) list.push(b);
    else neighbours.set(a, [b]);
  };
  for (const edge of picture.edges.values()) {
    link(edge.from, edge.to);
    link(edge.to, edge.from);
  }
  hops.set(picture.center, 0);
  const queue = [picture.center];
  for (let i = 0; i < queue.length; i++) {
    const here = queue[i]!;
    for (const next of neighbours.get(here) ?? []) {
      if (hops.has(next) || !picture.nodes.has(next)) continue;
      hops.set(next, hops.get(here)! + 1);
      queue.push(next);
    }
  }
  return hops;
}
