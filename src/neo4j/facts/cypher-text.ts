import { COMPANY_IDENTITY_PROPERTIES, COMPANY_PROPERTIES } from '../../domain/company';
import type { FactDefinition, PartySpec } from '../../facts/fact-definition';
import { coreSelection, type FactDetail } from '../../facts/fact-detail';
import { fieldProperties, inputProperties } from '../../facts/fact-record';

// Cypher text derived from fact definitions. Every name that reaches a statement comes from a definition (labels,
// relationship types, property names), never from a request; values always travel as parameters.

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A label, relationship type or property name from a definition, checked to be a plain identifier. */
export function identifier(name: string): string {
  if (!NAME.test(name)) throw new Error(`not a Cypher identifier: ${name}`);
  return name;
}

/** `c {.id, .name, ...}`: a company as every statement returns it. */
export function companyMap(variable: string): string {
  return `${identifier(variable)} {${COMPANY_PROPERTIES.map((p) => `.${p}`).join(', ')}}`;
}

/** `c {.id, ..., .formerNames, .wikidataId, ...}`: a company with what identifies it, where that is asked for. */
export function companyIdentityMap(variable: string): string {
  return `${identifier(variable)} {${[...COMPANY_PROPERTIES, ...COMPANY_IDENTITY_PROPERTIES].map((p) => `.${p}`).join(', ')}}`;
}

/** The pattern from a fact to one party's company: `(f)<-[:MADE]-(c:Company)`. */
export function partyPattern(party: PartySpec, fact: string, company: string): string {
  const rel = `[:${identifier(party.rel)}]`;
  return party.direction === 'toFact' ? `(${fact})<-${rel}-(${company}:Company)` : `(${fact})-${rel}->(${company}:Company)`;
}

/** The pattern from a company to the facts it takes part in, in one role: `(c)-[:MADE]->(f:Investment)`. */
export function factsOfCompany(definition: FactDefinition, party: PartySpec, company: string, fact: string): string {
  const rel = `[:${identifier(party.rel)}]`;
  const node = `(${fact}:${identifier(definition.name)})`;
  return party.direction === 'toFact' ? `(${company})-${rel}->${node}` : `(${company})<-${rel}-${node}`;
}

/** Every relationship type linking a fact type to its parties, as `MADE|INTO`. */
export function partyRelTypes(definition: FactDefinition): string {
  return [...new Set(definition.parties.map((party) => identifier(party.rel)))].join('|');
}

/**
 * A fact as one map: its stored properties, its parties' ids under their input fields, its links' ids and the ids
 * of the sources it cites; what toFactRecord reads. A core read (see FactDetail) projects only the fields it names:
 * a field's stored properties (a date's day and precision), a party's or a link's ids.
 */
export function factProjection(definition: FactDefinition, fact: string, detail: FactDetail = 'whole'): string {
  const selected = coreSelection(detail);
  const asked = (name: string) => selected === null || selected.has(name);
  const parts = [
    '.id',
    ...(selected === null
      ? inputProperties(definition)
      : definition.fields.filter((field) => field.kind !== 'events' && selected.has(field.name)).flatMap(fieldProperties)
    ).map((property) => `.${identifier(property)}`),
    ...definition.parties
      .filter((party) => asked(party.role))
      .map((party) => {
        const ids = `[${partyPattern(party, fact, 'p')} | p.id]`;
        return `${identifier(party.idField)}: ${party.pair || party.many ? ids : `head(${ids})`}`;
      }),
    ...(definition.links ?? [])
      .filter((link) => asked(link.field))
      .map((link) => `${identifier(link.idField)}: head([(${fact})-[:${identifier(link.rel)}]->(t:${identifier(link.target)}) | t.id])`),
    ...(selected === null ? [`sourceIds: [(${fact})-[:CITES]->(s:Source) | s.id]`] : []),
  ];
  return `${fact} {${parts.join(', ')}}`;
}

/**
 * The companies of a fact's parties, as maps (to prime the company loader): every party's on a whole read, only the
 * selected parties' on a core one (none when none is selected).
 */
export function partyCompanies(definition: FactDefinition, fact: string, detail: FactDetail = 'whole'): string {
  const selected = coreSelection(detail);
  const parties = selected === null ? definition.parties : definition.parties.filter((party) => selected.has(party.role));
  if (parties.length === 0) return '[]';
  const types = [...new Set(parties.map((party) => identifier(party.rel)))].join('|');
  return `[(${fact})-[:${types}]-(p:Company) | ${companyMap('p')}]`;
}
