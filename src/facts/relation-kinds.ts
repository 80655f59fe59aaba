import type { DerivedEdgeSpec, FactDefinition, MoneyFlowSpec } from './fact-definition';
import { amountField } from './fact-lifecycle';
import { FACTS, type RelationKindName } from './registry';

// The relation kinds traversals walk, one per fact type with a derived company-to-company relationship, in registry
// order. The GraphQL enum RelationKind, the Cypher relationship-type lists (generated catalog fragments), path
// steps, neighbourhood edges, money loops, argument limits and the explorer's legend are all made from this list.

/** One relation kind, with what traversals need to know of it. */
export interface RelationKindSpec {
  /** The relationship type in Neo4j and the RelationKind value: "INVESTED_IN". */
  readonly kind: RelationKindName;
  readonly definition: FactDefinition;
  readonly derived: DerivedEdgeSpec;
  readonly description: string;
  /** The same both ways: both ends are the definition's pair party (a rivalry's `companies`). */
  readonly symmetric: boolean;
  /** One relationship per pair of companies summarising several facts (else one per fact). */
  readonly perPair: boolean;
  /** Its facts carry money: the definition has an amount field (with its amountKind). */
  readonly carriesMoney: boolean;
  /** How money flows along it in a money loop (null: not a money step). */
  readonly moneyFlow: MoneyFlowSpec | null;
  /**
   * The field of a path relation holding its facts: the definition's plural for a per-pair kind (a list, "investments"),
   * its single for a per-fact kind (one fact, "rivalry").
   */
  readonly field: string;
}

function specOf(definition: FactDefinition, derived: DerivedEdgeSpec): RelationKindSpec {
  const from = definition.parties.find((party) => party.role === derived.from);
  if (!from || !definition.parties.some((party) => party.role === derived.to)) throw new Error(`${definition.name}: its derived ends ${derived.from}, ${derived.to} are not among its parties`);
  const perPair = derived.grouping === 'perPair';
  return {
    kind: derived.type as RelationKindName,
    definition,
    derived,
    description: derived.description,
    symmetric: derived.from === derived.to && from.pair === true,
    perPair,
    carriesMoney: amountField(definition) !== null,
    moneyFlow: derived.moneyFlow ?? null,
    field: perPair ? definition.plural : definition.single,
  };
}

/** Every relation kind, in registry order (the order clients list and colour them in). */
export const RELATION_KINDS: readonly RelationKindSpec[] = FACTS.flatMap((definition) => (definition.derived ? [specOf(definition, definition.derived)] : []));

/** Every relation kind's name, in registry order. */
export const RELATION_KIND_NAMES: readonly RelationKindName[] = RELATION_KINDS.map((spec) => spec.kind);

/** The kinds a money loop may step along (those with a money flow). */
export const MONEY_RELATION_KINDS: readonly RelationKindSpec[] = RELATION_KINDS.filter((spec) => spec.moneyFlow !== null);

const BY_KIND = new Map<string, RelationKindSpec>(RELATION_KINDS.map((spec) => [spec.kind, spec]));

/** A relation kind by name; throws for a name no definition derives. */
export function relationKind(kind: string): RelationKindSpec {
  const spec = BY_KIND.get(kind);
  if (!spec) throw new Error(`no relation kind ${kind}`);
  return spec;
}

if (BY_KIND.size !== RELATION_KINDS.length) throw new Error('two fact types derive the same relation kind');
