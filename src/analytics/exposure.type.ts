import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Company } from '../graphql/company.type';
import { Money } from '../graphql/money.type';

/** The longest counterparty list an exposure answer shows: a hub's thousands of investees are summed, not listed. */
export const EXPOSURE_LIST_CAP = 100;

@ObjectType({ description: 'Money exchanged with one counterparty.' })
export class CounterpartyShare {
  /** Resolved to `counterparty` through the request's company loader (one query for every share of the answer). */
  counterpartyId!: string;

  @Field(() => Float, { description: 'Headline money: paid plus committed, as of the date.' })
  amountUsd!: number;

  @Field(() => Money, { description: 'Money by kind: paid, committed, ceiling, contract and stake values, undisclosed facts.' })
  money!: Money;

  @Field(() => Float, { nullable: true, description: 'Share of the headline total (0-1); null when no headline money. Ceilings, contract and stake values are never in it.' })
  share!: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of the contract value (0-1), for compute priced over a term; null when no contract value.' })
  contractValueShare!: number | null;

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

  @Field(() => Float, { description: 'Headline money raised (paid + committed) as of the date; see raised for every kind.' })
  raisedUsd!: number;

  @Field(() => Float, { description: 'Headline money invested (paid + committed).' })
  investedUsd!: number;

  @Field(() => Float, { description: 'Headline money for compute bought (paid + committed; contract values are in computeBought).' })
  computeBoughtUsd!: number;

  @Field(() => Float, { description: 'Headline money for compute sold (paid + committed; contract values are in computeSold).' })
  computeSoldUsd!: number;

  @Field(() => Money, { description: 'Money raised by kind.' })
  raised!: Money;

  @Field(() => Money, { description: 'Money invested by kind.' })
  invested!: Money;

  @Field(() => Money, { description: 'Compute bought by kind (contract values here).' })
  computeBought!: Money;

  @Field(() => Money, { description: 'Compute sold by kind.' })
  computeSold!: Money;

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

  @Field(() => Float, { nullable: true, description: 'Herfindahl index of funders by headline money (paid + committed; 1 = one funder).' })
  funderConcentration!: number | null;

  @Field(() => Float, { nullable: true, description: 'Herfindahl index of compute suppliers by headline money (paid + committed), or by contract value when no supplier has headline money.' })
  supplierConcentration!: number | null;

  /** Counterparties that both fund it and sell it compute (resolved through the company loader). */
  fundersThatSupplyComputeIds!: string[];
}
