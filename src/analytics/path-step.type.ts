import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Company } from '../graphql/company.type';
import { factObjectType } from '../graphql/facts/fact-types';
import { ACQUISITION, type AcquisitionFact } from '../facts/types/acquisition.fact';
import { COMPUTE_DEAL, type ComputeDealFact } from '../facts/types/compute-deal.fact';
import { INVESTMENT, type InvestmentFact } from '../facts/types/investment.fact';
import { RIVALRY, type RivalryFact } from '../facts/types/rivalry.fact';
import { SUBSIDIARY_LINK, type SubsidiaryLinkFact } from '../facts/types/subsidiary-link.fact';

const Investment = factObjectType(INVESTMENT);
const ComputeDeal = factObjectType(COMPUTE_DEAL);
const Rivalry = factObjectType(RIVALRY);
const SubsidiaryLink = factObjectType(SUBSIDIARY_LINK);
const Acquisition = factObjectType(ACQUISITION);
import { MoneyFlowKind, RelationKind } from './relation-kind';
import { connectionType } from '../graphql/connection';
import { Money } from '../graphql/money.type';

@ObjectType({ description: 'One relation between two companies, with the fact(s) it rests on as of the date.' })
export class PathRelation {
  @Field(() => RelationKind)
  kind!: RelationKind;

  @Field({ description: 'Whether the relation points from `from` to `to` (false: the path follows it backwards).' })
  forward!: boolean;

  @Field(() => [Investment], { description: 'For INVESTED_IN: the investments between the two that count as of the date.' })
  investments!: InvestmentFact[];

  @Field(() => [ComputeDeal], { description: 'For SUPPLIES_COMPUTE: the deals between the two that count as of the date.' })
  computeDeals!: ComputeDealFact[];

  @Field(() => Rivalry, { nullable: true })
  rivalry!: RivalryFact | null;

  @Field(() => SubsidiaryLink, { nullable: true })
  subsidiaryLink!: SubsidiaryLinkFact | null;

  @Field(() => Acquisition, { nullable: true })
  acquisition!: AcquisitionFact | null;

  @Field(() => Money, { description: 'Money by kind on this relation as of the date.' })
  money!: Money;

  @Field(() => Float, { nullable: true, description: 'Headline money (paid + committed) on this relation; null when no amount is disclosed or it is not a money relation.' })
  amountUsd!: number | null;

  @Field({ description: 'One line of English, e.g. "Amazon invested paid $1.25B of up to $4B in Anthropic (2023-09)".' })
  description!: string;
}

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

  @Field(() => [Investment])
  investments!: InvestmentFact[];

  @Field(() => [ComputeDeal])
  computeDeals!: ComputeDealFact[];

  @Field(() => Money, { description: 'Money by kind on this step as of the date (nothing for OWNERSHIP).' })
  money!: Money;

  @Field(() => Float, { nullable: true, description: 'Headline money (paid + committed) on this step (null for OWNERSHIP or undisclosed amounts).' })
  amountUsd!: number | null;

  @Field()
  description!: string;
}

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
