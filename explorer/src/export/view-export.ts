// The picture on screen as CSV (companies, relations) and GraphML, written by the project's shared encoders.

import { csvRow } from '../../../src/export/formats/csv';
import { graphmlEdge, graphmlEnd, graphmlNode, graphmlStart, type GraphmlKey, type GraphmlType } from '../../../src/export/formats/graphml';
import { MONEY_KINDS } from '../format/money';
import type { Picture, PictureEdge, PictureNode } from '../graph/picture';

interface Column<T> {
  name: string;
  type: GraphmlType;
  value(item: T, picture: Picture): unknown;
  /** Names of the ends repeat the nodes' data in GraphML; only the flat CSV needs them. */
  csvOnly?: boolean;
}

const NODE_COLUMNS: readonly Column<PictureNode>[] = [
  { name: 'name', type: 'string', value: (node) => node.name },
  { name: 'kind', type: 'string', value: (node) => node.kind },
  { name: 'country', type: 'string', value: (node) => node.country },
  { name: 'centre', type: 'boolean', value: (node, picture) => node.id === picture.center },
  { name: 'origin', type: 'string', value: (node) => node.origin },
];

const EDGE_COLUMNS: readonly Column<PictureEdge>[] = [
  { name: 'kind', type: 'string', value: (edge) => edge.kind },
  { name: 'fromName', type: 'string', value: (edge, picture) => picture.nodes.get(edge.from)?.name, csvOnly: true },
  { name: 'toName', type: 'string', value: (edge, picture) => picture.nodes.get(edge.to)?.name, csvOnly: true },
  { name: 'label', type: 'string', value: (edge) => edge.label },
  { name: 'headlineUsd', type: 'double', value: (edge) => edge.money.headlineUsd },
  ...MONEY_KINDS.map((kind): Column<PictureEdge> => ({ name: kind.field, type: 'double', value: (edge) => edge.money[kind.field] })),
  { name: 'undisclosedCount', type: 'int', value: (edge) => edge.money.undisclosedCount },
  { name: 'money', type: 'string', value: (edge) => edge.money.description },
  { name: 'facts', type: 'int', value: (edge) => edge.facts },
  { name: 'date', type: 'string', value: (edge) => edge.date },
  { name: 'origin', type: 'string', value: (edge) => edge.origin },
];

function sortedNodes(picture: Picture): PictureNode[] {
  return [...picture.nodes.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** Only relations whose both ends are drawn, as on screen. */
function sortedEdges(picture: Picture): PictureEdge[] {
  return [...picture.edges.values()].filter((edge) => picture.nodes.has(edge.from) && picture.nodes.has(edge.to)).sort((a, b) => a.id.localeCompare(b.id));
}

/** One row per company: id, then the node columns. */
export function companiesCsv(picture: Picture): string {
  return csvRow(['id', ...NODE_COLUMNS.map((column) => column.name)]) + sortedNodes(picture).map((node) => csvRow([node.id, ...NODE_COLUMNS.map((column) => column.value(node, picture))])).join('');
}

/** One row per relation: id, from, to, then the edge columns (with the ends' names, so the file reads alone). */
export function relationsCsv(picture: Picture): string {
  return (
    csvRow(['id', 'from', 'to', ...EDGE_COLUMNS.map((column) => column.name)]) +
    sortedEdges(picture)
      .map((edge) => csvRow([edge.id, edge.from, edge.to, ...EDGE_COLUMNS.map((column) => column.value(edge, picture))]))
      .join('')
  );
}

const NODE_KEYS = NODE_COLUMNS.map((column) => ({ column, key: { id: `n_${column.name}`, for: 'node', name: column.name, type: column.type } satisfies GraphmlKey }));
const EDGE_KEYS = EDGE_COLUMNS.filter((column) => !column.csvOnly).map((column) => ({ column, key: { id: `e_${column.name}`, for: 'edge', name: column.name, type: column.type } satisfies GraphmlKey }));

/** The picture as one directed GraphML graph (rivalries, which have no direction, keep the API's from/to). */
export function pictureGraphml(picture: Picture): string {
  const parts = [graphmlStart([...NODE_KEYS, ...EDGE_KEYS].map(({ key }) => key), true)];
  for (const node of sortedNodes(picture)) {
    parts.push(graphmlNode(node.id, Object.fromEntries(NODE_KEYS.map(({ column, key }) => [key.id, column.value(node, picture)]))));
  }
  for (const edge of sortedEdges(picture)) {
    parts.push(graphmlEdge(edge.id, edge.from, edge.to, Object.fromEntries(EDGE_KEYS.map(({ column, key }) => [key.id, column.value(edge, picture)]))));
  }
  parts.push(graphmlEnd());
  return parts.join('');
}

/** A file name saying what the view was: company, depth and date. */
export function exportFileName(view: { company: string | null; depth: number; asOf: string | null }, part: string, extension: string): string {
  return `ai-industry-${view.company ?? 'empty'}-depth${view.depth}-${view.asOf ?? 'today'}-${part}.${extension}`;
}
