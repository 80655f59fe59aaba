import type { FactDefinition, PartySpec } from '../../facts/fact-definition';
import { FACTS } from '../../facts/registry';
import type { SectionName } from '../../seed/dataset';
import { graphmlEdge, graphmlEnd, graphmlNode, graphmlStart, type GraphmlKey, type GraphmlType } from '../formats/graphml';
import type { DatasetRecord } from '../../facts/dataset-records';
import { sectionColumns, type SectionColumn } from '../dataset-records';
import type { ExportItem, ExportSection, FormatWriter } from '../format-writer';
import { TextSink } from '../text-sink';

/** The GraphML type of a dataset property, from its JSON Schema (lists and maps are written as JSON text). */
function graphmlType(schema: Readonly<Record<string, unknown>>): GraphmlType {
  const nonNull = (schema.anyOf as Record<string, unknown>[] | undefined)?.find((member) => member.type !== 'null') ?? schema;
  const types = [nonNull.type].flat().filter((type) => type !== 'null');
  if (types.includes('number')) return 'double';
  if (types.includes('integer')) return 'long';
  if (types.includes('boolean')) return 'boolean';
  return 'string';
}

/** Properties an edge does not carry as data: the fact's id is the edge's, and single parties are its endpoints. */
function endpointFields(definition: FactDefinition): string[] {
  return ['id', ...definition.parties.filter((party) => !party.pair && !party.many).map((party) => party.idField)];
}

const EDGE_EXTRAS: GraphmlKey[] = [
  { id: 'e_label', for: 'edge', name: 'label', type: 'string' },
  { id: 'e_factType', for: 'edge', name: 'factType', type: 'string' },
  { id: 'e_factId', for: 'edge', name: 'factId', type: 'string' },
  { id: 'e_sourceUrls', for: 'edge', name: 'sourceUrls', type: 'string' },
];

/**
 * The keys of the document: every company property on nodes (and `label`, the name, which Gephi shows), and on edges
 * the fact type, the fact id, the source URLs, and the union of every fact type's properties (one key per name: two
 * types sharing a property name must give it the same type).
 */
export function graphmlKeys(
  definitions: readonly FactDefinition[] = FACTS,
  columnsOf: (definition: FactDefinition) => SectionColumn[] = (definition) => sectionColumns(definition.section as SectionName),
): GraphmlKey[] {
  const nodeKeys: GraphmlKey[] = [
    { id: 'n_label', for: 'node', name: 'label', type: 'string' },
    ...sectionColumns('companies')
      .filter((column) => column.name !== 'id')
      .map((column): GraphmlKey => ({ id: `n_${column.name}`, for: 'node', name: column.name, type: graphmlType(column.schema) })),
  ];
  const edgeKeys = new Map<string, GraphmlKey>(EDGE_EXTRAS.map((key) => [key.name, key]));
  for (const definition of definitions) {
    const skip = endpointFields(definition);
    for (const column of columnsOf(definition)) {
      if (skip.includes(column.name)) continue;
      const key: GraphmlKey = { id: `e_${column.name}`, for: 'edge', name: column.name, type: graphmlType(column.schema) };
      const existing = edgeKeys.get(column.name);
      if (existing && existing.type !== key.type) throw new Error(`GraphML: fact property ${column.name} is ${existing.type} in one type and ${key.type} in ${definition.name}`);
      edgeKeys.set(column.name, key);
    }
  }
  return [...nodeKeys, ...edgeKeys.values()];
}

function partyIds(party: PartySpec, record: DatasetRecord): string[] {
  const value = record[party.idField];
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? (value as string[]) : [value as string];
}

/**
 * The edges of a fact, as [source, target] company ids. A type with a derived relationship runs as that does (investor
 * to investee, provider to customer, subsidiary to parent, acquirer to target, a rivalry's pair in id order); one
 * without (a funding round) runs from each company of its other parties (the leads) to its first party's (the company
 * raising), or loops on that company when there is none, so every fact is an edge.
 */
export function factEdgeEnds(definition: FactDefinition, record: DatasetRecord): [string, string][] {
  const party = (role: string) => definition.parties.find((p) => p.role === role) as PartySpec;
  if (definition.derived) {
    const from = party(definition.derived.from);
    const to = party(definition.derived.to);
    if (from === to) {
      const [a, b] = partyIds(from, record);
      return [[a as string, b as string]];
    }
    return partyIds(from, record).flatMap((source) => partyIds(to, record).map((target): [string, string] => [source, target]));
  }
  const [first, ...rest] = definition.parties;
  const target = partyIds(first as PartySpec, record)[0] as string;
  const sources = rest.flatMap((p) => partyIds(p, record));
  return sources.length > 0 ? sources.map((source): [string, string] => [source, target]) : [[target, target]];
}

/**
 * A directed GraphML graph for Gephi, yEd, NetworkX...: companies as nodes, each fact as a typed edge (several for a
 * round with several leads) carrying its properties, its sources' ids and URLs. Sources are not nodes.
 */
export class GraphmlWriter implements FormatWriter {
  private readonly sink: TextSink;
  private readonly keys: GraphmlKey[];
  private started = false;

  constructor(out: string) {
    this.sink = TextSink.open(out);
    this.keys = graphmlKeys();
  }

  async begin(): Promise<void> {
    if (!this.started) await this.sink.write(graphmlStart(this.keys));
    this.started = true;
  }

  async write(section: ExportSection, items: readonly ExportItem[]): Promise<void> {
    if (section.name === 'companies') {
      for (const { record } of items) {
        const data: Record<string, unknown> = { n_label: record.name };
        for (const [name, value] of Object.entries(record)) if (name !== 'id') data[`n_${name}`] = value;
        await this.sink.write(graphmlNode(record.id, data));
      }
      return;
    }
    const definition = section.definition;
    if (!definition) return;
    const skip = endpointFields(definition);
    for (const { record, citations } of items) {
      const data: Record<string, unknown> = { e_label: definition.name, e_factType: definition.name, e_factId: record.id };
      for (const [name, value] of Object.entries(record)) if (!skip.includes(name)) data[`e_${name}`] = value;
      const urls = new Map((citations ?? []).map((c) => [c.id, c.url]));
      data.e_sourceUrls = ((record.sourceIds as string[]) ?? []).map((id) => urls.get(id)).filter((url) => url !== undefined);
      const ends = factEdgeEnds(definition, record);
      for (const [source, target] of ends) {
        await this.sink.write(graphmlEdge(ends.length === 1 ? record.id : `${record.id}:${source}`, source, target, data));
      }
    }
  }

  async end(): Promise<void> {}

  async close(): Promise<void> {
    await this.begin();
    await this.sink.write(graphmlEnd());
    await this.sink.close();
  }

  abort(): void {
    this.sink.abort();
  }
}
