import { Field, Float, ObjectType } from 'type-graphql';
import { Company } from '../company/company.type';
import { Investment } from '../investment/investment.type';
import { Rivalry } from '../rivalry/rivalry.type';
import { connectionType } from '../common/connection';

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
  rivalry!: Rivalry;

  @Field(() => Float, { description: 'Disclosed amount invested in side A.' })
  totalUsdA!: number;

  @Field(() => Float, { description: 'Disclosed amount invested in side B.' })
  totalUsdB!: number;

  @Field(() => [Investment])
  investmentsA!: Investment[];

  @Field(() => [Investment])
  investmentsB!: Investment[];

  @Field()
  explanation!: string;
}

export const TwoSidedBackerConnection = connectionType(
  TwoSidedBacker,
  'TwoSidedBacker',
  'Two-sided backers by market, then rivalry id, then backer id. A page reads a bounded number of rivalries: hasNextPage with fewer rows than asked means the scan stopped there, and endCursor continues it.',
);
export type TwoSidedBackerConnection = InstanceType<typeof TwoSidedBackerConnection>;
