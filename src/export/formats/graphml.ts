// Pure and dependency-free: the explorer imports this in the browser as well.

/** The attribute types GraphML declares (attr.type). */
export type GraphmlType = 'string' | 'int' | 'long' | 'double' | 'boolean';

/** One declared attribute: its id (what data elements refer to), what it belongs to, its name and its type. */
export interface GraphmlKey {
  id: string;
  for: 'node' | 'edge';
  name: string;
  type: GraphmlType;
}

/** Characters XML 1.0 does not allow at all, even escaped (controls other than tab, LF, CR; lone surrogates; U+FFFE/F). */
const INVALID_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;' };
// In attribute values a parser turns tab, LF and CR into spaces unless they are written as character references.
const ATTRIBUTE_ENTITIES: Readonly<Record<string, string>> = { ...ENTITIES, '\t': '&#9;', '\n': '&#10;' };

/** Text escaped for element content (CR kept as a reference: a parser would otherwise turn it into LF). */
function escapeText(value: string): string {
  return value.replace(INVALID_XML, '').replace(/[&<>"'\r]/g, (c) => ENTITIES[c] as string);
}

function escapeAttribute(value: string): string {
  return value.replace(INVALID_XML, '').replace(/[&<>"'\r\n\t]/g, (c) => ATTRIBUTE_ENTITIES[c] as string);
}

/** A data value as text: lists and maps as JSON text (GraphML has no list type), the rest their string form. */
function valueText(value: unknown): string {
  if (typeof value === 'object' && value !== null) return value instanceof Date ? value.toISOString() : JSON.stringify(value);
  return String(value);
}

function dataElements(data: Readonly<Record<string, unknown>>): string {
  return Object.entries(data)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([key, value]) => `<data key="${escapeAttribute(key)}">${escapeText(valueText(value))}</data>`)
    .join('');
}

/**
 * The start of a GraphML document: the XML declaration, the graphml root in the standard namespace, the key
 * declarations, and the opening graph element. Follow with nodes and edges (ids referenced by edges must be declared as
 * nodes somewhere in the graph), then graphmlEnd().
 */
export function graphmlStart(keys: readonly GraphmlKey[], directed = true): string {
  const declared = keys.map((key) => `  <key id="${escapeAttribute(key.id)}" for="${key.for}" attr.name="${escapeAttribute(key.name)}" attr.type="${key.type}"/>\n`).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
    ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n' +
    declared +
    `  <graph id="G" edgedefault="${directed ? 'directed' : 'undirected'}">\n`
  );
}

/** One node; `data` is keyed by key id, null and undefined values are left out. */
export function graphmlNode(id: string, data: Readonly<Record<string, unknown>> = {}): string {
  return `    <node id="${escapeAttribute(id)}">${dataElements(data)}</node>\n`;
}

/** One edge from `source` to `target` (node ids); `data` as for nodes. */
export function graphmlEdge(id: string, source: string, target: string, data: Readonly<Record<string, unknown>> = {}): string {
  return `    <edge id="${escapeAttribute(id)}" source="${escapeAttribute(source)}" target="${escapeAttribute(target)}">${dataElements(data)}</edge>\n`;
}

/** Closes the graph and the document. */
export function graphmlEnd(): string {
  return '  </graph>\n</graphml>\n';
}
