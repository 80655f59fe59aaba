import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { RelationKindName } from '../facts/registry';
import { RELATION_KINDS, RELATION_KIND_NAMES } from '../facts/relation-kinds';

/**
 * Relation kinds a traversal may follow: one per fact type with a derived relationship (src/facts/relation-kinds.ts).
 * The values are the relationship types in Neo4j, so this closed enum is the only way a client's choice reaches
 * Cypher (as a parameter list, never as query text).
 */
export type RelationKind = RelationKindName;
export const RelationKind = Object.fromEntries(RELATION_KIND_NAMES.map((kind) => [kind, kind])) as { readonly [K in RelationKind]: K };

registerEnumType(RelationKind, {
  name: 'RelationKind',
  description: `${RELATION_KINDS.map((spec) => (spec.symmetric ? `${spec.kind} (symmetric)` : `${spec.kind}: ${spec.description}`)).join('; ')}.`,
  valuesConfig: Object.fromEntries(RELATION_KINDS.map((spec) => [spec.kind, { description: spec.symmetric ? `${spec.description} (symmetric)` : spec.description }])),
});

/** Every relation kind: what a traversal follows when the client names none. */
export const ALL_RELATION_KINDS: RelationKind[] = [...RELATION_KIND_NAMES];

/** How money moves along a step of a money loop. */
export enum MoneyFlowKind {
  INVESTMENT = 'INVESTMENT',
  COMPUTE = 'COMPUTE',
  OWNERSHIP = 'OWNERSHIP',
}

registerEnumType(MoneyFlowKind, {
  name: 'MoneyFlowKind',
  description: 'INVESTMENT: investor pays investee; COMPUTE: customer pays provider; OWNERSHIP: a subsidiary\'s takings count for its parent.',
});

@ObjectType({ description: 'A relation kind traversals walk, as clients draw and explain it.' })
export class RelationKindInfo {
  @Field(() => RelationKind)
  kind!: RelationKind;

  @Field({ description: 'What it means, start to end ("investor to investee"), or between the two for a symmetric kind.' })
  description!: string;

  @Field({ description: 'The same both ways (a rivalry): its start and end are only an order of the pair.' })
  symmetric!: boolean;

  @Field({ description: 'One relation per pair of companies standing for all their facts of the type (else one per fact).' })
  perPair!: boolean;

  @Field({ description: 'The fact type it rests on, e.g. "Investment".' })
  factType!: string;

  @Field({ description: 'Its facts carry money (an amount and its kind).' })
  carriesMoney!: boolean;

  @Field(() => MoneyFlowKind, { nullable: true, description: 'How money flows along it in a money loop; null when loops never step along it.' })
  moneyFlow!: MoneyFlowKind | null;
}

/** The relation kinds as the API lists them, in the order of the fact registry. */
export function relationKindInfos(): RelationKindInfo[] {
  return RELATION_KINDS.map((spec) => ({
    kind: spec.kind,
    description: spec.description,
    symmetric: spec.symmetric,
    perPair: spec.perPair,
    factType: spec.definition.name,
    carriesMoney: spec.carriesMoney,
    moneyFlow: (spec.moneyFlow?.kind as MoneyFlowKind | undefined) ?? null,
  }));
}
