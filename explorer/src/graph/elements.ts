// From the picture to cytoscape's element definitions: what each node and edge carries for the stylesheet.

import type { ElementDefinition } from 'cytoscape';
import type { SubgraphEdge } from '../api/types';
import { COMPANY_STYLES, type MoneyStyle, type RelationPalette } from './palette';
import type { Picture } from './picture';

/**
 * How an edge's money is drawn (see MoneyStyle): only a kind whose edge stands for a pair's money (palette: money)
 * has any; the headline decides first, then what else it holds.
 */
export function moneyStyleOf(edge: Pick<SubgraphEdge, 'kind' | 'money'>, palette: RelationPalette): MoneyStyle {
  if (!palette.style(edge.kind).money) return 'none';
  const { money } = edge;
  if (money.headlineUsd > 0) return 'headline';
  if (money.ceilingUsd > 0) return 'ceiling-only';
  if (money.contractValueUsd > 0) return 'contract-only';
  if (money.stakeValueUsd > 0) return 'stake-only';
  return 'undisclosed';
}

export const MIN_EDGE_WIDTH = 1.5;
export const MAX_EDGE_WIDTH = 14;

/**
 * Edge width for an amount, on a log scale so $100M and $100B both read: $10M or less is the thinnest, each tenfold
 * adds 2.5 px, capped. Absolute rather than relative to the picture, so a width means the same on every date.
 */
export function edgeWidth(usd: number): number {
  if (!(usd > 1e7)) return MIN_EDGE_WIDTH;
  return Math.min(MAX_EDGE_WIDTH, MIN_EDGE_WIDTH + 2.5 * Math.log10(usd / 1e7));
}

/** Width for a drawn edge: money edges by their headline (or contract value when that is all), others fixed. */
export function widthOf(edge: Pick<SubgraphEdge, 'kind' | 'money'>, palette: RelationPalette): number {
  switch (moneyStyleOf(edge, palette)) {
    case 'headline':
      return edgeWidth(edge.money.headlineUsd);
    case 'contract-only':
      return edgeWidth(edge.money.contractValueUsd);
    case 'none':
      return 2;
    default:
      return MIN_EDGE_WIDTH;
  }
}

export interface ElementOptions {
  /** Companies whose neighbourhood was merged in (drawn with a ring). */
  expanded: ReadonlySet<string>;
  /** How each relation kind is drawn. */
  palette: RelationPalette;
}

/** The picture as cytoscape elements: data for the stylesheet's mappers, classes for its selectors. */
export function pictureElements(picture: Picture, options: ElementOptions): ElementDefinition[] {
  const nodes: ElementDefinition[] = [...picture.nodes.values()].map((node) => ({
    group: 'nodes',
    data: { id: node.id, label: node.name, kind: node.kind, color: COMPANY_STYLES[node.kind]?.color ?? COMPANY_STYLES.OTHER.color },
    classes: [
      `company-${node.kind}`,
      node.id === picture.center ? 'center' : '',
      options.expanded.has(node.id) ? 'expanded' : '',
      node.origin === 'analytics' ? 'from-analytics' : '',
    ]
      .filter(Boolean)
      .join(' '),
  }));
  const edges: ElementDefinition[] = [...picture.edges.values()]
    // An edge needs both ends drawn; the API's caps can cut a node whose edges made it.
    .filter((edge) => picture.nodes.has(edge.from) && picture.nodes.has(edge.to))
    .map((edge) => ({
      group: 'edges',
      data: {
        id: edge.id,
        source: edge.from,
        target: edge.to,
        kind: edge.kind,
        label: edge.label,
        color: options.palette.style(edge.kind).color,
        width: widthOf(edge, options.palette),
      },
      classes: [`relation-${edge.kind}`, `money-${moneyStyleOf(edge, options.palette)}`, edge.origin === 'analytics' ? 'from-analytics' : ''].filter(Boolean).join(' '),
    }));
  return [...nodes, ...edges];
}
