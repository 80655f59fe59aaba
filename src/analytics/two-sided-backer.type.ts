import { Field, Float, ObjectType } from 'type-graphql';
import { Company } from '../company/company.type';
import { Investment } from '../investment/investment.type';
import { Rivalry } from '../rivalry/rivalry.type';

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
