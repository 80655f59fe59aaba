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

@ObjectType({ description: 'Companies and relations around a company, and what the caps left out.' })
export class Subgraph {
  @Field(() => Company)
  center!: Company;

  @Field(() => [Company], {
    description:
      'The centre first, then the companies kept, in the order kept: nearer hops first; within a hop, the most headline money on the relations to the hop before, then the most such relations, then id.',
  })
  nodes!: Company[];

  @Field(() => [SubgraphEdge], {
    description: 'Relations among the companies kept: those between nearer companies first, then the most headline money, then the ends\' ids and the kind.',
  })
  edges!: SubgraphEdge[];

  @Field({ description: 'True when the node or the edge cap cut the answer short (omittedNodes or omittedEdges above zero).' })
  truncated!: boolean;

  @Field(() => Int, {
    description:
      'Companies within depth left out by maxNodes, at least: every one found in the hop the cap fell in; a farther hop is only probed for one company (so a cut is always reported), not searched.',
  })
  omittedNodes!: number;

  @Field(() => Int, { description: 'Relations among the companies kept that the edge cap (3 × maxNodes) left out.' })
  omittedEdges!: number;
}
