import { ArgsType, Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Company } from '../graphql/company.type';
import type { PartialDate } from '../domain/partial-date';
import { ValuationBasis } from '../domain/valuation-history';
import type { FactRecord } from '../facts/fact-record';
import { FUNDING_ROUND } from '../facts/types/funding-round.fact';
import { INVESTMENT } from '../facts/types/investment.fact';
import { DateScalar } from '../graphql/date-scalar';
import { factObjectType } from '../graphql/facts/fact-types';

registerEnumType(ValuationBasis, {
  name: 'ValuationBasis',
  description: 'How the valuation behind an investment is known.',
  valuesConfig: {
    INVESTMENT_TERMS: { description: "The investment's own reported terms (e.g. a tranche bought at an earlier round's price)." },
    ROUND_POST_MONEY: { description: 'The post-money valuation of the round it belongs to.' },
    UNKNOWN: { description: 'Neither is reported.' },
  },
});

@ArgsType()
export class ValuationHistoryArgs {
  @Field(() => ID)
  companyId!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Only rounds and investments announced on or before this date (end of the period).' })
  asOf?: PartialDate | null;
}

@ObjectType({ description: 'A reported valuation: a funding round with its pre- or post-money valuation.' })
export class ValuationPoint {
  @Field(() => factObjectType(FUNDING_ROUND))
  round!: FactRecord;

  @Field(() => Float, { nullable: true, description: 'Change of the post-money valuation from the previous point that reported one.' })
  changeUsd!: number | null;

  @Field(() => Float, { nullable: true, description: 'Post-money valuation over the previous reported one (2 = doubled).' })
  changeRatio!: number | null;
}

@ObjectType({ description: 'One investment and the valuation it was made at, where known.' })
export class InvestmentValuation {
  @Field(() => factObjectType(INVESTMENT))
  investment!: FactRecord;

  @Field(() => factObjectType(FUNDING_ROUND), { nullable: true })
  round!: FactRecord | null;

  @Field(() => Float, { nullable: true })
  valuationUsd!: number | null;

  @Field(() => ValuationBasis)
  basis!: ValuationBasis;
}

@ObjectType({ description: "An investor's investments in the company, oldest first, each with the valuation it was made at." })
export class InvestorValuations {
  /** Resolved through the request's company loader. */
  investorId!: string;

  @Field(() => [InvestmentValuation])
  investments!: InvestmentValuation[];
}

@ObjectType({ description: "A company's reported valuations in date order, and the valuations its investors bought at." })
export class ValuationHistory {
  @Field(() => Company)
  company!: Company;

  @Field(() => [ValuationPoint], { description: 'Rounds that report a valuation, oldest first.' })
  valuations!: ValuationPoint[];

  @Field(() => [InvestorValuations], { description: 'Investors in order of their first investment.' })
  investors!: InvestorValuations[];
}
