import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Company } from '../company/company.type';

@ObjectType({ description: 'Money exchanged with one counterparty.' })
export class CounterpartyShare {
  @Field(() => Company)
  counterparty!: Company;

  @Field(() => Float, { description: 'Disclosed amount.' })
  amountUsd!: number;

  @Field(() => Float, { nullable: true, description: 'Share of the disclosed total (0-1); null when nothing is disclosed.' })
  share!: number | null;

  @Field(() => Int)
  facts!: number;

  @Field(() => Int, { description: 'Facts whose amount is undisclosed (not in amountUsd).' })
  undisclosedFacts!: number;
}

@ObjectType({ description: 'Money in and out of a company, and how concentrated its funding and compute supply are.' })
export class Exposure {
  @Field(() => Company)
  company!: Company;

  @Field(() => [Company], { description: 'The company and the subsidiaries counted with it.' })
  group!: Company[];

  @Field(() => Float)
  raisedUsd!: number;

  @Field(() => Float)
  investedUsd!: number;

  @Field(() => Float)
  computeBoughtUsd!: number;

  @Field(() => Float)
  computeSoldUsd!: number;

  @Field(() => [CounterpartyShare], { description: 'Who funds it, largest first.' })
  funders!: CounterpartyShare[];

  @Field(() => [CounterpartyShare], { description: 'What it invested in, largest first.' })
  investees!: CounterpartyShare[];

  @Field(() => [CounterpartyShare], { description: 'Whose compute it depends on, largest first.' })
  computeSuppliers!: CounterpartyShare[];

  @Field(() => [CounterpartyShare], { description: 'Who buys its compute, largest first.' })
  computeCustomers!: CounterpartyShare[];

  @Field(() => Float, { nullable: true, description: 'Herfindahl index of funders by disclosed amount (1 = one funder).' })
  funderConcentration!: number | null;

  @Field(() => Float, { nullable: true, description: 'Herfindahl index of compute suppliers by disclosed value.' })
  supplierConcentration!: number | null;

  @Field(() => [Company], { description: 'Counterparties that both fund it and sell it compute: money that comes back.' })
  fundersThatSupplyCompute!: Company[];
}
