import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Company } from '../company/company.type';

/** The longest counterparty list an exposure answer shows: a hub's thousands of investees are summed, not listed. */
export const EXPOSURE_LIST_CAP = 100;

@ObjectType({ description: 'Money exchanged with one counterparty.' })
export class CounterpartyShare {
  /** Resolved to `counterparty` through the request's company loader (one query for every share of the answer). */
  counterpartyId!: string;

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

  /** The company and the subsidiaries counted with it (resolved through the company loader). */
  groupIds!: string[];

  @Field(() => Float)
  raisedUsd!: number;

  @Field(() => Float)
  investedUsd!: number;

  @Field(() => Float)
  computeBoughtUsd!: number;

  @Field(() => Float)
  computeSoldUsd!: number;

  @Field(() => [CounterpartyShare], { description: `Who funds it, largest first (at most ${EXPOSURE_LIST_CAP}; totals and concentration count them all).` })
  funders!: CounterpartyShare[];

  @Field(() => Int, { description: 'How many counterparties the list would hold without its cap.' })
  funderCount!: number;

  @Field(() => [CounterpartyShare], { description: `What it invested in, largest first (at most ${EXPOSURE_LIST_CAP}; totals and concentration count them all).` })
  investees!: CounterpartyShare[];

  @Field(() => Int, { description: 'How many counterparties the list would hold without its cap.' })
  investeeCount!: number;

  @Field(() => [CounterpartyShare], { description: `Whose compute it depends on, largest first (at most ${EXPOSURE_LIST_CAP}; totals and concentration count them all).` })
  computeSuppliers!: CounterpartyShare[];

  @Field(() => Int, { description: 'How many counterparties the list would hold without its cap.' })
  computeSupplierCount!: number;

  @Field(() => [CounterpartyShare], { description: `Who buys its compute, largest first (at most ${EXPOSURE_LIST_CAP}; totals and concentration count them all).` })
  computeCustomers!: CounterpartyShare[];

  @Field(() => Int, { description: 'How many counterparties the list would hold without its cap.' })
  computeCustomerCount!: number;

  @Field(() => Float, { nullable: true, description: 'Herfindahl index of funders by disclosed amount (1 = one funder).' })
  funderConcentration!: number | null;

  @Field(() => Float, { nullable: true, description: 'Herfindahl index of compute suppliers by disclosed value.' })
  supplierConcentration!: number | null;

  /** Counterparties that both fund it and sell it compute (resolved through the company loader). */
  fundersThatSupplyComputeIds!: string[];
}
