import type { FactDefinition } from './fact-definition';
import { ACQUISITION } from './types/acquisition.fact';
import { COMPUTE_DEAL } from './types/compute-deal.fact';
import { FUNDING_ROUND } from './types/funding-round.fact';
import { INVESTMENT } from './types/investment.fact';
import { PARTNERSHIP } from './types/partnership.fact';
import { RIVALRY } from './types/rivalry.fact';
import { SUBSIDIARY_LINK } from './types/subsidiary-link.fact';

/**
 * Every fact type. The schema builder, the loaders, the seed loader, the bulk import, the dataset schema, the
 * generator's output and the shared contract tests iterate over this list; adding a type here is what adds it.
 */
const DEFINITIONS = [FUNDING_ROUND, INVESTMENT, COMPUTE_DEAL, RIVALRY, SUBSIDIARY_LINK, ACQUISITION, PARTNERSHIP] as const;
export const FACTS: readonly FactDefinition[] = DEFINITIONS;

/**
 * Names a fact record or its GraphQL type already uses beside the fields (the timeline a whole read derives, the
 * scope an answer read it in, its resolved state, history and sources): a field named so would be shadowed, so none
 * may be.
 */
const RESERVED_FIELD_NAMES = ['id', 'sourceIds', 'timeline', 'scope', 'state', 'history', 'sources'];
for (const definition of FACTS) {
  const reserved = definition.fields.find((field) => RESERVED_FIELD_NAMES.includes(field.name));
  if (reserved) throw new Error(`${definition.name}.${reserved.name}: a field may not take a name records already use`);
}

/** The dataset section of each fact type, as a type (`"investments" | "computeDeals" | ...`). */
export type FactSection = (typeof DEFINITIONS)[number]['section'];

/** The relation kinds traversals walk, as a type (`"INVESTED_IN" | "SUPPLIES_COMPUTE" | ...`): each derived type. */
export type RelationKindName = Extract<(typeof DEFINITIONS)[number], { readonly derived: object }>['derived']['type'];

/** A fact type by its name ("Investment"); throws for a name no definition has. */
export function factType(name: string): FactDefinition {
  const found = FACTS.find((definition) => definition.name === name);
  if (!found) throw new Error(`no fact type named ${name}`);
  return found;
}

/** Every relationship type that links a company to a fact it takes part in (`MADE`, `INTO`...). */
export const PARTY_RELS: readonly string[] = [...new Set(FACTS.flatMap((definition) => definition.parties.map((party) => party.rel)))];
