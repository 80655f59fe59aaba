import type { FactDefinition, FilterSpec, PartySpec } from '../../src/facts/fact-definition';
import { FACTS } from '../../src/facts/registry';
import { endOfPeriod, parsePartialDate } from '../../src/domain/partial-date';

/**
 * The benchmark's lists table: every filter and sort shape of every fact list, plus the company list, as a page of
 * 50, in our API's dialect and in `@neo4j/graphql` 7's over the same database (scripts/bench/peer-type-defs.ts), with
 * and without the total count. Shapes come from the definitions, so a new fact type or filter is measured without
 * an edit here. Filter values come from the data (the busiest company of each role: the worst case for a list that
 * starts at the company), read once per scale by the benchmark.
 */
export interface ListShapeCase {
  readonly list: string;
  readonly shape: string;
  ours(count: boolean): string;
  peer(count: boolean): string;
}

/** Values for the shapes' filters: the busiest company per `Type.role`, the most common value per `Type.field`. */
export type ShapeValues = ReadonlyMap<string, string>;

const PAGE = 50;
const FROM = '2020-01';
const TO = '2021-06';
const MIN_USD = 100_000_000;

const quote = (value: unknown) => JSON.stringify(value);

/** Statements that find the shapes' values on a database (bench-only Cypher; names come from the definitions). */
export function shapeValueStatements(): { key: string; text: string }[] {
  const out: { key: string; text: string }[] = [];
  for (const definition of FACTS) {
    for (const filter of definition.list.filters) {
      if (filter.kind === 'party') {
        const rels = filter.role === '*' ? definition.parties.map((p) => p.rel).join('|') : (definition.parties.find((p) => p.role === filter.role) as PartySpec).rel;
        out.push({ key: `${definition.name}.${filter.role}`, text: `MATCH (c:Company)-[:${rels}]-(f:${definition.name}) RETURN c.id AS value, count(*) AS n ORDER BY n DESC, value LIMIT 1` });
      } else if (filter.kind === 'equals') {
        out.push({ key: `${definition.name}.${filter.field}`, text: `MATCH (f:${definition.name}) WHERE f.${filter.field} IS NOT NULL RETURN f.${filter.field} AS value, count(*) AS n ORDER BY n DESC, value LIMIT 1` });
      }
    }
  }
  return out;
}

interface Condition {
  readonly label: string;
  readonly ours: Record<string, unknown>;
  readonly peer: string;
}

function fieldOf(definition: FactDefinition, name: string) {
  return definition.fields.find((field) => field.name === name);
}

/** One filter with a value, in both dialects (undefined when the shapes leave it out). */
function condition(definition: FactDefinition, filter: FilterSpec, values: ShapeValues): Condition | undefined {
  switch (filter.kind) {
    case 'party': {
      const id = values.get(`${definition.name}.${filter.role}`);
      if (!id) return undefined;
      const roles = filter.role === '*' ? definition.parties : definition.parties.filter((p) => p.role === filter.role);
      const one = (party: PartySpec) => (party.pair || party.many ? `{ ${party.role}: { some: { id: { eq: ${quote(id)} } } } }` : `{ ${party.role}: { id: { eq: ${quote(id)} } } }`);
      return { label: `${filter.arg} (busiest)`, ours: { [filter.arg]: id }, peer: roles.length === 1 ? one(roles[0] as PartySpec) : `{ OR: [${roles.map(one).join(', ')}] }` };
    }
    case 'atLeast':
    case 'atMost': {
      const field = fieldOf(definition, filter.field);
      if (field?.kind === 'date') {
        const value = filter.kind === 'atLeast' ? FROM : TO;
        const day = filter.kind === 'atLeast' ? parsePartialDate(value).start : endOfPeriod(parsePartialDate(value));
        const op = filter.kind === 'atLeast' ? 'gte' : 'lte';
        const peer = filter.undatedPasses ? `{ OR: [{ ${filter.field}: { ${op}: ${quote(day)} } }, { ${filter.field}: { eq: null } }] }` : `{ ${filter.field}: { ${op}: ${quote(day)} } }`;
        return { label: filter.arg, ours: { [filter.arg]: value }, peer };
      }
      return { label: `${filter.arg} ${MIN_USD / 1e6}M`, ours: { [filter.arg]: MIN_USD }, peer: `{ ${filter.field}: { ${filter.kind === 'atLeast' ? 'gte' : 'lte'}: ${MIN_USD} } }` };
    }
    case 'equals': {
      const field = fieldOf(definition, filter.field);
      const value = field?.kind === 'enum' ? Object.values(field.enumType as Record<string, string>)[0] : values.get(`${definition.name}.${filter.field}`);
      if (value === undefined) return undefined;
      const literal = field?.kind === 'enum' ? value : quote(value);
      return { label: filter.arg, ours: { [filter.arg]: value }, peer: `{ ${filter.field}: { eq: ${literal} } }` };
    }
    case 'oneOf': {
      const field = fieldOf(definition, filter.field);
      const value = Object.values((field?.enumType ?? {}) as Record<string, string>)[0];
      return { label: filter.arg, ours: { [filter.arg]: [value] }, peer: `{ ${filter.field}: { in: [${value}] } }` };
    }
  }
}

/** Our argument text: enum values bare, everything else as JSON. */
function ourValue(definition: FactDefinition, arg: string, value: unknown): string {
  const filter = definition.list.filters.find((f) => f.arg === arg);
  const field = filter && filter.kind !== 'party' ? fieldOf(definition, filter.field) : undefined;
  if (field?.kind === 'enum') return Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
  return quote(value);
}

function factCases(definition: FactDefinition, values: ShapeValues): ListShapeCase[] {
  const conditions = new Map(definition.list.filters.map((filter) => [filter.arg, condition(definition, filter, values)]));
  const dateRange = definition.list.filters.filter((f) => f.kind !== 'party' && f.field === definition.dateField && (f.kind === 'atLeast' || f.kind === 'atMost'));
  const amount = definition.list.filters.find((f) => f.kind === 'atLeast' && fieldOf(definition, f.field)?.kind === 'usd');
  const shapes: { label: string; filters: Condition[]; sort?: { value: string; field: string; descending: boolean } }[] = [{ label: 'default order', filters: [] }];
  for (const filter of definition.list.filters) {
    if (dateRange.includes(filter)) continue;
    const c = conditions.get(filter.arg);
    if (c) shapes.push({ label: c.label, filters: [c] });
  }
  if (dateRange.length > 0) {
    const range = dateRange.map((f) => conditions.get(f.arg) as Condition);
    shapes.push({ label: 'date range', filters: range });
    if (amount) shapes.push({ label: `date range + ${(conditions.get(amount.arg) as Condition).label}`, filters: [...range, conditions.get(amount.arg) as Condition] });
  }
  if (definition.list.args === 'filter') {
    for (const sort of definition.list.sorts) {
      if (sort.value === definition.list.defaultSort.sort) continue;
      // A nullable sort field: both sides read the rows that have a value (the peer cannot put missing values last).
      const atLeast = definition.list.filters.find((f) => f.kind === 'atLeast' && f.field === sort.field);
      const nonNull: Condition[] = atLeast ? [{ label: '>= 0', ours: { [atLeast.arg]: 0 }, peer: `{ ${sort.field}: { gte: 0 } }` }] : [];
      shapes.push({ label: `by ${sort.value} desc`, filters: nonNull, sort: { value: sort.value, field: sort.field, descending: true } });
    }
  }
  return shapes.map((shape) => {
    const defaultSort = definition.list.sorts.find((s) => s.value === definition.list.defaultSort.sort) as { field: string };
    const sortField = shape.sort?.field ?? defaultSort.field;
    const descending = shape.sort?.descending ?? definition.list.defaultSort.descending;
    const ourArgs = Object.assign({}, ...shape.filters.map((f) => f.ours)) as Record<string, unknown>;
    const ourFilter = Object.entries(ourArgs).map(([arg, value]) => `${arg}: ${ourValue(definition, arg, value)}`);
    const args = [
      `first: ${PAGE}`,
      ...(definition.list.args === 'filter' ? (ourFilter.length > 0 ? [`filter: { ${ourFilter.join(', ')} }`] : []) : ourFilter),
      ...(shape.sort ? [`sort: { field: ${shape.sort.value}, direction: DESC }`] : []),
    ].join(', ');
    const where = shape.filters.length === 0 ? '' : shape.filters.length === 1 ? (shape.filters[0] as Condition).peer : `{ AND: [${shape.filters.map((f) => f.peer).join(', ')}] }`;
    const direction = descending ? 'DESC' : 'ASC';
    const peerSort = sortField === 'id' ? `[{ id: ${direction} }]` : `[{ ${sortField}: ${direction} }, { id: ${direction} }]`;
    return {
      list: definition.plural,
      shape: shape.label,
      ours: (count) => `{ ${definition.plural}(${args}) { ${count ? 'totalCount ' : ''}nodes { id } } }`,
      peer: (count) =>
        count
          ? `{ ${definition.plural}Connection(first: ${PAGE}${where ? `, where: ${where}` : ''}, sort: ${peerSort}) { totalCount edges { node { id } } } }`
          : `{ ${definition.plural}(${where ? `where: ${where}, ` : ''}sort: ${peerSort}, limit: ${PAGE}) { id } }`,
    };
  });
}

function companyCases(): ListShapeCase[] {
  const shapes: { shape: string; ours: string; where: string; sort: string }[] = [
    { shape: 'default order (name)', ours: '', where: '', sort: '[{ nameLower: ASC }, { id: ASC }]' },
    { shape: 'kinds [AI_LAB]', ours: 'filter: { kinds: [AI_LAB] }', where: '{ kind: { in: [AI_LAB] } }', sort: '[{ nameLower: ASC }, { id: ASC }]' },
    { shape: 'by ID', ours: 'sort: { field: ID, direction: ASC }', where: '', sort: '[{ id: ASC }]' },
    { shape: 'kinds [AI_LAB] by ID', ours: 'filter: { kinds: [AI_LAB] }, sort: { field: ID, direction: ASC }', where: '{ kind: { in: [AI_LAB] } }', sort: '[{ id: ASC }]' },
    { shape: 'country US', ours: 'filter: { country: "US" }', where: '{ country: { eq: "US" } }', sort: '[{ nameLower: ASC }, { id: ASC }]' },
  ];
  return shapes.map((s) => ({
    list: 'companies',
    shape: s.shape,
    ours: (count) => `{ companies(first: ${PAGE}${s.ours ? `, ${s.ours}` : ''}) { ${count ? 'totalCount ' : ''}nodes { id } } }`,
    peer: (count) =>
      count
        ? `{ companiesConnection(first: ${PAGE}${s.where ? `, where: ${s.where}` : ''}, sort: ${s.sort}) { totalCount edges { node { id } } } }`
        : `{ companies(${s.where ? `where: ${s.where}, ` : ''}sort: ${s.sort}, limit: ${PAGE}) { id } }`,
  }));
}

/** Every case of the lists table. */
export function listShapeCases(values: ShapeValues): ListShapeCase[] {
  return [...FACTS.flatMap((definition) => factCases(definition, values)), ...companyCases()];
}

/** The ids of a page, from either server's answer to either form. */
export function pageIds(body: unknown): string[] {
  const data = (body as { data?: Record<string, unknown> }).data ?? {};
  const value = Object.values(data)[0] as { nodes?: { id: string }[]; edges?: { node: { id: string } }[] } | { id: string }[];
  if (Array.isArray(value)) return value.map((row) => row.id);
  if (value?.nodes) return value.nodes.map((row) => row.id);
  return (value?.edges ?? []).map((edge) => edge.node.id);
}
