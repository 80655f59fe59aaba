import { registerEnumType } from 'type-graphql';

/**
 * Relation kinds a traversal may follow. The values are the relationship types in Neo4j, so this closed enum is the
 * only way a client's choice reaches Cypher (as a parameter list, never as query text).
 */
export enum RelationKind {
  INVESTED_IN = 'INVESTED_IN',
  SUPPLIES_COMPUTE = 'SUPPLIES_COMPUTE',
  COMPETES_WITH = 'COMPETES_WITH',
  SUBSIDIARY_OF = 'SUBSIDIARY_OF',
  ACQUIRED = 'ACQUIRED',
}

registerEnumType(RelationKind, {
  name: 'RelationKind',
  description: 'INVESTED_IN: investor to investee; SUPPLIES_COMPUTE: provider to customer; COMPETES_WITH (symmetric); SUBSIDIARY_OF: subsidiary to parent; ACQUIRED: acquirer to target.',
});

export const ALL_RELATION_KINDS = Object.values(RelationKind);

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
