import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { type PartialDate } from '../domain/partial-date';
import { DateScalar } from '../graphql/date-scalar';
import { AmountKind } from '../domain/enums';
import { Company } from '../graphql/company.type';
import { Money } from '../graphql/money.type';
import { RelationKind } from './relation-kind';

@ObjectType({ description: 'A relation between two companies, ready to draw.' })
export class SubgraphEdge {
  @Field(() => ID, { description: 'Stable id: the fact id, or kind:from:to for the per-pair money edges.' })
  id!: string;

  @Field(() => ID)
  from!: string;

  @Field(() => ID)
  to!: string;

  @Field(() => RelationKind)
  kind!: RelationKind;

  @Field(() => Float, { nullable: true, description: 'Disclosed money on the edge (sum over its facts).' })
  amountUsd!: number | null;

  @Field(() => AmountKind, { nullable: true, description: 'Nature of the amount when all its facts agree.' })
  amountKind!: AmountKind | null;

  @Field(() => Money, { description: 'Money by kind of the facts it stands for, as of the date (draw ceilings apart from the headline).' })
  money!: Money;

  @Field(() => Int, { description: 'How many facts the edge stands for.' })
  facts!: number;

  @Field(() => DateScalar, { nullable: true, description: 'When the relation began (first fact).' })
  date!: PartialDate | null;

  @Field({ description: 'Short label, e.g. "invested $8B (3)" or "rivals: frontier-models".' })
  label!: string;
}

@ObjectType({ description: 'Companies and relations around a company.' })
export class Subgraph {
  @Field(() => Company)
  center!: Company;

  @Field(() => [Company])
  nodes!: Company[];

  @Field(() => [SubgraphEdge])
  edges!: SubgraphEdge[];

  @Field({ description: 'True when the node or edge cap cut the answer short.' })
  truncated!: boolean;
}
