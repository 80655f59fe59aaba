import { Field, Float, Int, ObjectType, type ClassType } from 'type-graphql';
import { Company } from '../graphql/company.type';
import { factObjectType } from '../graphql/facts/fact-types';
import { humanName } from '../facts/human-name';
import { MONEY_RELATION_KINDS, RELATION_KINDS, type RelationKindSpec } from '../facts/relation-kinds';
import { MoneyFlowKind, RelationKind } from './relation-kind';
import { connectionType } from '../graphql/connection';
import { Money } from '../graphql/money.type';

type Decorator = (prototype: object, property: string) => void;

/**
 * A field per relation kind holding its facts (RelationKindSpec.field): a list for a per-pair kind (`investments`),
 * one nullable fact for a per-fact kind (`rivalry`), each of the fact type's own object type.
 */
function attachKindFields(target: ClassType, specs: readonly RelationKindSpec[], list: (spec: RelationKindSpec) => boolean): void {
  for (const spec of specs) {
    const type = factObjectType(spec.definition);
    const decorate = list(spec)
      ? Field(() => [type], { description: `For ${spec.kind}: the ${humanName(spec.definition.plural)} between the two that count as of the date.` })
      : Field(() => type, { nullable: true, description: `For ${spec.kind}: the ${humanName(spec.definition.name)} it rests on, when it counts as of the date.` });
    (decorate as Decorator)(target.prototype, spec.field);
  }
}

@ObjectType({ description: 'One relation between two companies, with the fact(s) it rests on as of the date.' })
export class PathRelation {
  @Field(() => RelationKind)
  kind!: RelationKind;

  @Field({ description: 'Whether the relation points from `from` to `to` (false: the path follows it backwards).' })
  forward!: boolean;

  // One field per relation kind with its facts (investments, computeDeals, rivalry...): see attachKindFields below.

  @Field(() => Money, { description: 'Money by kind on this relation as of the date.' })
  money!: Money;

  @Field(() => Float, { nullable: true, description: 'Headline money (paid + committed) on this relation; null when no amount is disclosed or it is not a money relation.' })
  amountUsd!: number | null;

  @Field({ description: 'One line of English, e.g. "Amazon invested paid $1.25B of up to $4B in Anthropic (2023-09)".' })
  description!: string;
}

attachKindFields(PathRelation, RELATION_KINDS, (spec) => spec.perPair);

@ObjectType({ description: 'One hop of a path: the relation it follows (its fields), and every relation between the same two companies.' })
export class PathStep extends PathRelation {
  @Field(() => Company)
  from!: Company;

  @Field(() => Company)
  to!: Company;

  @Field(() => [PathRelation], { description: 'Every relation between `from` and `to` of the kinds asked for, the one the path follows first.' })
  relations!: PathRelation[];
}

@ObjectType({ description: 'The shortest explained path between two companies.' })
export class GraphPath {
  @Field(() => [Company], { description: 'Companies in order, from the start to the end.' })
  nodes!: Company[];

  @Field(() => [PathStep])
  steps!: PathStep[];

  @Field(() => Int, { description: 'Number of hops.' })
  length!: number;

  @Field(() => Int, { description: 'How many different paths share this shortest length (this one is the first by company ids).' })
  ties!: number;
}

@ObjectType({ description: 'One step of a money loop: who pays whom, and why.' })
export class LoopStep {
  @Field(() => Company)
  from!: Company;

  @Field(() => Company)
  to!: Company;

  @Field(() => MoneyFlowKind)
  kind!: MoneyFlowKind;

  // A field per money kind whose facts carry money (investments, computeDeals): see attachKindFields below.

  @Field(() => Money, { description: 'Money by kind on this step as of the date (nothing for OWNERSHIP).' })
  money!: Money;

  @Field(() => Float, { nullable: true, description: 'Headline money (paid + committed) on this step (null for OWNERSHIP or undisclosed amounts).' })
  amountUsd!: number | null;

  @Field()
  description!: string;
}

/** The kinds whose facts a loop step lists: those with a money flow whose facts carry money. */
export const LOOP_STEP_KINDS = MONEY_RELATION_KINDS.filter((spec) => spec.carriesMoney);

attachKindFields(LoopStep, LOOP_STEP_KINDS, (spec) => spec.perPair);

@ObjectType({ description: 'A cycle in which money flows out as investment and comes back (compute spending, investments, ownership).' })
export class MoneyLoop {
  @Field(() => [Company], { description: 'Companies in order; the first is repeated at the end.' })
  companies!: Company[];

  @Field(() => [LoopStep])
  steps!: LoopStep[];

  @Field(() => Float, { description: 'Sum of the headline money (paid + committed) on all steps.' })
  totalUsd!: number;

  @Field(() => Money, { description: 'Money by kind summed over the steps.' })
  money!: Money;

  @Field(() => Int, { description: 'Number of steps.' })
  length!: number;

  @Field()
  explanation!: string;
}

export const MoneyLoopConnection = connectionType(
  MoneyLoop,
  'MoneyLoop',
  'Money loops, shortest first, then by the ids of their companies. Over the whole graph a page examines a bounded number of starting companies: hasNextPage with fewer loops than asked means the scan stopped there, and endCursor continues it.',
);
export type MoneyLoopConnection = InstanceType<typeof MoneyLoopConnection>;
