import { Field, Float, ObjectType } from 'type-graphql';
import { Company } from '../graphql/company.type';
import { Money } from '../graphql/money.type';
import { factObjectType } from '../graphql/facts/fact-types';
import { INVESTMENT, type InvestmentFact } from '../facts/types/investment.fact';
import { RIVALRY, type RivalryFact } from '../facts/types/rivalry.fact';

const Investment = factObjectType(INVESTMENT);
const Rivalry = factObjectType(RIVALRY);

@ObjectType({ description: "An investor in one of a company's competitors, with the facts behind it." })
export class CompetitorBacking {
  @Field(() => Company, { description: 'The competitor (the other side of a rivalry with the company or its subsidiaries).' })
  competitor!: Company;

  @Field(() => Company, { description: 'Who backs the competitor (its top-level parent when rolling up).' })
  backer!: Company;

  @Field(() => [Investment], { description: "The backer's investments in the competitor (or the competitor's subsidiaries), oldest first." })
  investments!: InvestmentFact[];

  @Field(() => Float, { description: 'Headline money of those investments as of the date: paid plus committed (never ceilings, contract or stake values; see money).' })
  totalUsd!: number;

  @Field(() => Money, { description: 'Money of those investments by kind, as of the date.' })
  money!: Money;

  @Field({ description: 'The backer also invested in the company itself: a hedge across the rivalry.' })
  alsoBacksTarget!: boolean;

  @Field(() => [Investment], { description: "The backer's investments in the company (the hedge), oldest first." })
  targetInvestments!: InvestmentFact[];

  @Field(() => [Rivalry], { description: 'The rivalries that make them competitors.' })
  rivalries!: RivalryFact[];

  @Field(() => [Company], { description: 'Subsidiaries the answer runs through (of the company, the competitor or the backer) when rolling up.' })
  throughSubsidiaries!: Company[];

  @Field({ description: 'One-sentence explanation.' })
  explanation!: string;
}
