import { Field, Float, ObjectType } from 'type-graphql';
import { Company } from '../graphql/company.type';
import { Money } from '../graphql/money.type';
import { factObjectType } from '../graphql/facts/fact-types';
import { INVESTMENT, type InvestmentFact } from '../facts/types/investment.fact';
import { RIVALRY, type RivalryFact } from '../facts/types/rivalry.fact';

const Investment = factObjectType(INVESTMENT);
const Rivalry = factObjectType(RIVALRY);
import { connectionType } from '../graphql/connection';

@ObjectType({ description: 'An investor holding investments in both companies of a rivalry.' })
export class TwoSidedBacker {
  @Field(() => Company)
  backer!: Company;

  @Field(() => Company)
  sideA!: Company;

  @Field(() => Company)
  sideB!: Company;

  @Field()
  market!: string;

  @Field(() => Rivalry)
  rivalry!: RivalryFact;

  @Field(() => Float, { description: 'Headline money (paid + committed) invested in side A as of the date.' })
  totalUsdA!: number;

  @Field(() => Float, { description: 'Headline money (paid + committed) invested in side B as of the date.' })
  totalUsdB!: number;

  @Field(() => Money, { description: 'Money invested in side A, by kind.' })
  moneyA!: Money;

  @Field(() => Money, { description: 'Money invested in side B, by kind.' })
  moneyB!: Money;

  @Field(() => [Investment])
  investmentsA!: InvestmentFact[];

  @Field(() => [Investment])
  investmentsB!: InvestmentFact[];

  @Field()
  explanation!: string;
}

export const TwoSidedBackerConnection = connectionType(
  TwoSidedBacker,
  'TwoSidedBacker',
  'Two-sided backers by market, then rivalry id, then backer id. A page reads a bounded number of rivalries: hasNextPage with fewer rows than asked means the scan stopped there, and endCursor continues it.',
);
export type TwoSidedBackerConnection = InstanceType<typeof TwoSidedBackerConnection>;
