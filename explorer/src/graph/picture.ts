// The picture on screen: companies and relations merged from neighbourhood answers (and from analytics answers
// that name relations outside it). Pure data, so exports and tests read the same thing the graph draws.

import type { CompanyRef, GraphCompany, Subgraph, SubgraphEdge } from '../api/types';

/** A relation on screen; `origin` says whether a neighbourhood answer drew it or an analytics answer added it. */
export interface PictureEdge extends SubgraphEdge {
  origin: 'neighborhood' | 'analytics';
}

export interface PictureNode extends GraphCompany {
  origin: 'neighborhood' | 'analytics';
}

export interface Picture {
  readonly center: string | null;
  readonly nodes: ReadonlyMap<string, PictureNode>;
  readonly edges: ReadonlyMap<string, PictureEdge>;
  /** A neighbourhood answer was cut short by the API's caps. */
  readonly truncated: boolean;
  /** What the caps left out, summed over the answers merged (companies: at least that many). */
  readonly omittedNodes: number;
  readonly omittedEdges: number;
}

export function emptyPicture(center: string | null = null): Picture {
  return { center, nodes: new Map(), edges: new Map(), truncated: false, omittedNodes: 0, omittedEdges: 0 };
}

/** The picture with a neighbourhood answer merged in: nodes and edges by id, what was there already kept. */
export function mergeSubgraph(picture: Picture, subgraph: Subgraph): Picture {
  const nodes = new Map(picture.nodes);
  for (const node of subgraph.nodes) {
    const known = nodes.get(node.id);
    if (!known || known.origin === 'analytics') nodes.set(node.id, { ...node, origin: 'neighborhood' });
  }
  const edges = new Map(picture.edges);
  for (const edge of subgraph.edges) {
    const known = edges.get(edge.id);
    if (!known || known.origin === 'analytics') edges.set(edge.id, { ...edge, origin: 'neighborhood' });
  }
  return {
    center: picture.center,
    nodes,
    edges,
    truncated: picture.truncated || subgraph.truncated,
    omittedNodes: picture.omittedNodes + subgraph.omittedNodes,
    omittedEdges: picture.omittedEdges + subgraph.omittedEdges,
  };
}

/** The picture with companies and relations from an analytics answer added where missing. */
export function addFromAnalytics(picture: Picture, companies: readonly CompanyRef[], relations: readonly SubgraphEdge[]): Picture {
  const nodes = new Map(picture.nodes);
  for (const company of companies) {
    if (!nodes.has(company.id)) nodes.set(company.id, { ...company, country: null, origin: 'analytics' });
  }
  const edges = new Map(picture.edges);
  for (const relation of relations) {
    if (!edges.has(relation.id)) edges.set(relation.id, { ...relation, origin: 'analytics' });
  }
  return { ...picture, nodes, edges };
}

/** The relations on screen that touch a company. */
export function edgesOf(picture: Picture, companyId: string): PictureEdge[] {
  return [...picture.edges.values()].filter((edge) => edge.from === companyId || edge.to === companyId);
}
