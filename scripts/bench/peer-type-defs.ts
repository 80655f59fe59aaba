import { CompanyKind } from '../../src/domain/enums';
import type { FactDefinition, FieldSpec, PartySpec } from '../../src/facts/fact-definition';
import { precisionProperty } from '../../src/facts/fact-record';
import { FACTS } from '../../src/facts/registry';
import { graphqlEnumName } from '../../src/graphql/enums';

/**
 * `@neo4j/graphql` 7 type definitions over our stored graph, derived from the fact definitions (so the peer reads
 * every fact type, field and relationship we store, with no second property list), for the benchmark's peer server.
 *
 * Why it looks the way it does:
 * - Every node type carries `@node` (required in v7 for a type to map to nodes).
 * - `extend schema @mutation(operations: [])` drops every generated mutation: the benchmark reads; with
 *   PEER_COMPANY_WRITES=1 only companies can be created and updated (the writes the peer can state as we do).
 * - Dates are stored as Neo4j DATE holding the first day of the period, with the precision in `<name>Precision`;
 *   the library's `Date` scalar renders the stored day (2023-02-01 where our API says 2023-02).
 * - A fact has exactly one company per single role, but v7 rejects non-null single relationships ("Non-list
 *   relationship property cannot have non-nullable type"), so those fields are nullable.
 * - `COMPETES_WITH` (derived, one per rivalry, lower id to higher) means the same both ways, so `competitors` reads it
 *   with `queryDirection: UNDIRECTED`. The other derived edges are an index for traversals and are left out.
 */
const SCALARS: Record<Exclude<FieldSpec['kind'], 'enum'>, string> = { text: 'String', usd: 'Float', number: 'Float', date: 'Date', events: 'String' };

function fieldType(field: FieldSpec): string {
  const type = field.kind === 'enum' ? graphqlEnumName(field.enumType as object) : SCALARS[field.kind];
  return field.required ? `${type}!` : type;
}

/** The relationship between a company and a fact, seen from the fact (`in`) or from the company (`out`). */
function relationship(party: PartySpec, from: 'fact' | 'company'): string {
  const towardsFact = party.direction === 'toFact';
  const direction = (from === 'fact') === towardsFact ? 'IN' : 'OUT';
  return `@relationship(type: "${party.rel}", direction: ${direction})`;
}

function factTypeDefs(definition: FactDefinition): string {
  const lines = ['id: ID!'];
  for (const field of definition.fields) {
    lines.push(`${field.name}: ${fieldType(field)}`);
    if (field.kind === 'date') lines.push(`${precisionProperty(field.name)}: String`);
  }
  for (const party of definition.parties) {
    lines.push(party.pair || party.many ? `${party.role}: [Company!]! ${relationship(party, 'fact')}` : `${party.role}: Company ${relationship(party, 'fact')}`);
  }
  for (const link of definition.links ?? []) lines.push(`${link.field}: ${link.target} @relationship(type: "${link.rel}", direction: OUT)`);
  for (const other of FACTS) {
    for (const link of other.links ?? []) {
      if (link.target === definition.name && link.reverse) lines.push(`${link.reverse.field}: [${other.name}!]! @relationship(type: "${link.rel}", direction: IN)`);
    }
  }
  lines.push('sources: [Source!]! @relationship(type: "CITES", direction: OUT)');
  return `type ${definition.name} @node${NO_WRITES} {\n${lines.map((line) => `    ${line}`).join('\n')}\n  }`;
}

/**
 * Where the peer's mutations are switched off: the library takes `@mutation` on the schema or on types, never both,
 * so with company writes on (for the writes table) every other type says it on its own.
 */
const COMPANY_WRITES = process.env.PEER_COMPANY_WRITES === '1';
const NO_WRITES = COMPANY_WRITES ? ' @mutation(operations: [])' : '';

function companyTypeDefs(): string {
  const lines = ['id: ID!', 'name: String!', 'nameLower: String', 'aliases: [String!]!', 'kind: CompanyKind!', 'country: String', 'founded: Int', 'website: String', 'description: String'];
  for (const definition of FACTS) {
    for (const party of definition.parties) {
      if (party.companyField) lines.push(`${party.companyField.name}: [${definition.name}!]! ${relationship(party, 'company')}`);
    }
  }
  const rivalry = FACTS.find((definition) => definition.derived?.type === 'COMPETES_WITH');
  if (rivalry) lines.push('competitors: [Company!]! @relationship(type: "COMPETES_WITH", direction: OUT, queryDirection: UNDIRECTED)');
  const subsidiary = FACTS.find((definition) => definition.derived?.type === 'SUBSIDIARY_OF');
  if (subsidiary) lines.push('parent: Company @relationship(type: "SUBSIDIARY_OF", direction: OUT)', 'subsidiaries: [Company!]! @relationship(type: "SUBSIDIARY_OF", direction: IN)');
  return `type Company @node${COMPANY_WRITES ? ' @mutation(operations: [CREATE, UPDATE])' : ''} {\n${lines.map((line) => `    ${line}`).join('\n')}\n  }`;
}

function enumTypeDefs(): string {
  const enums = new Map<string, object>([[graphqlEnumName(CompanyKind), CompanyKind]]);
  for (const definition of FACTS) for (const field of definition.fields) if (field.kind === 'enum') enums.set(graphqlEnumName(field.enumType as object), field.enumType as object);
  return [...enums].map(([name, values]) => `enum ${name} {\n${Object.values(values).map((v) => `    ${String(v)}`).join('\n')}\n  }`).join('\n\n  ');
}

function sourceTypeDefs(): string {
  const cited = FACTS.map((definition) => `    ${definition.plural}: [${definition.name}!]! @relationship(type: "CITES", direction: IN)`);
  return `type Source @node${NO_WRITES} {\n    id: ID!\n    url: String!\n    publisher: String!\n    title: String!\n    publishedOn: Date\n${cited.join('\n')}\n  }`;
}

export const PEER_TYPE_DEFS = /* GraphQL */ `
  ${COMPANY_WRITES ? '' : 'extend schema @mutation(operations: [])'}

  ${enumTypeDefs()}

  ${companyTypeDefs()}

  ${FACTS.map(factTypeDefs).join('\n\n  ')}

  ${sourceTypeDefs()}
`;
