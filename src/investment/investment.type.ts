import { Field, Float, ID, ObjectType } from 'type-graphql';
import { DateScalar, type PartialDate } from '../common/date-scalar';
import { AmountKind, Instrument, InvestmentStatus } from '../common/enums';
import type { InvestmentRecord } from './investment.record';

@ObjectType({ description: 'One investment (one tranche) of an investor into a company.' })
export class Investment implements InvestmentRecord {
  @Field(() => ID)
  id!: string;

  investorId!: string;
  investeeId!: string;

  @Field(() => Float, { nullable: true, description: "The investor's own amount in USD; null when undisclosed." })
  amountUsd!: number | null;

  @Field(() => AmountKind, { nullable: true, description: 'What the amount is: cash paid, a commitment, a ceiling, a stake value.' })
  amountKind!: AmountKind | null;

  @Field(() => DateScalar)
  announcedOn!: PartialDate;

  @Field(() => DateScalar, { nullable: true })
  closedOn!: PartialDate | null;

  @Field(() => String, { nullable: true, description: 'Round or deal name, e.g. "Series E ($3.5B round, led)".' })
  round!: string | null;

  @Field(() => Float, { nullable: true })
  stakePercent!: number | null;

  @Field(() => Float, { nullable: true, description: 'Post-money valuation in USD.' })
  valuationUsd!: number | null;

  @Field(() => Instrument, { nullable: true })
  instrument!: Instrument | null;

  @Field(() => InvestmentStatus)
  status!: InvestmentStatus;

  @Field(() => String, { nullable: true })
  note!: string | null;

  sourceIds!: readonly string[];
}
