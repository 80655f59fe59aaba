import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Company } from '../company/company.type';
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

@ObjectType({ description: 'One hop of a path, with the fact(s) it rests on.' })
export class PathStep {
  @Field(() => Company)
  from!: Company;

  @Field(() => Company)
  to!: Company;

  @Field(() => RelationKind)
  kind!: RelationKind;

  @Field({ description: 'Whether the relation points from `from` to `to` (false: the path follows it backwards).' })
  forward!: boolean;

  @Field(() => [Investment], { description: 'For INVESTED_IN: the investments between the two, as of the date.' })
  investments!: InvestmentFact[];

  @Field(() => [ComputeDeal], { description: 'For SUPPLIES_COMPUTE: the deals between the two, as of the date.' })
  computeDeals!: ComputeDealFact[];

  @Field(() => Rivalry, { nullable: true })
  rivalry!: RivalryFact | null;

  @Field(() => SubsidiaryLink, { nullable: true })
  subsidiaryLink!: SubsidiaryLinkFact | null;

  @Field(() => Acquisition, { nullable: true })
  acquisition!: AcquisitionFact | null;

  @Field(() => Float, { nullable: true, description: 'Disclosed money on this step, if it is a money relation.' })
  amountUsd!: number | null;

  @Field({ description: 'One line of English, e.g. "Amazon invested $2.75B in Anthropic (2024-03)".' })
  description!: string;
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

  @Field(() => Float, { nullable: true, description: 'Disclosed money on this step (null for OWNERSHIP or undisclosed amounts).' })
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

  @Field(() => Float, { description: 'Sum of the disclosed money on all steps.' })
  totalUsd!: number;

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
