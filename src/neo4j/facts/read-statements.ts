import type { FactDefinition, LinkSpec, PartySpec } from '../../facts/fact-definition';
import type { FactDetail } from '../../facts/fact-detail';
import { known } from './as-of-cypher';
import { factProjection, factsOfCompany, identifier, partyCompanies } from './cypher-text';

/** Facts of one type by id (the loader's batch), with their parties' companies. Params: $ids. */
export function findByIdsStatement(definition: FactDefinition): string {
  return [
    `// ${definition.name} facts by id, with their parties' companies. Params: $ids. Returns: fact, companies.`,
    'UNWIND $ids AS id',
    'MATCH (f:Fact {id: id})',
    'USING INDEX f:Fact(id)',
    `WHERE f:${identifier(definition.name)}`,
    `RETURN ${factProjection(definition, 'f')} AS fact, ${partyCompanies(definition, 'f')} AS companies`,
  ].join('\n');
}

/**
 * Facts of this type pointing at each of the given facts by a link (a round's investments), oldest first.
 * Params: $ids (the targets). Returns: id (the target), fact, companies.
 */
export function linkedToStatement(definition: FactDefinition, link: LinkSpec): string {
  return [
    `// ${definition.name} facts linked by ${link.rel} to each given ${link.target}, oldest first. Params: $ids.`,
    'UNWIND $ids AS id',
    'MATCH (t:Fact {id: id})',
    'USING INDEX t:Fact(id)',
    `MATCH (t)<-[:${identifier(link.rel)}]-(f:${identifier(definition.name)})`,
    `RETURN id, ${factProjection(definition, 'f')} AS fact, ${partyCompanies(definition, 'f')} AS companies`,
    `ORDER BY f.${identifier(definition.dateField)}, f.id`,
  ].join('\n');
}

/**
 * The facts each company takes part in, in one role, known on $asOfDay (the as-of rule), oldest first (a Company
 * field's batch), projected to `detail`. Params: $ids, $asOfDay, $includeImprecise. Returns: id (the company), fact,
 * companies.
 */
export function ofCompaniesStatement(definition: FactDefinition, party: PartySpec, detail: FactDetail): string {
  return [
    `// ${definition.name} facts of each company as ${party.role}, known on $asOfDay, oldest first${detail === 'whole' ? '' : ` (${detail})`}. Params: $ids, $asOfDay, $includeImprecise.`,
    'UNWIND $ids AS id',
    'MATCH (c:Company {id: id})',
    'USING INDEX c:Company(id)',
    `MATCH ${factsOfCompany(definition, party, 'c', 'f')}`,
    `WHERE ${known('f')}`,
    `RETURN id, ${factProjection(definition, 'f', detail)} AS fact, ${partyCompanies(definition, 'f', detail)} AS companies`,
    `ORDER BY f.${identifier(definition.dateField)}, f.id`,
  ].join('\n');
}
