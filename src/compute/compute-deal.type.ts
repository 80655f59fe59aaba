import { Field, Float, ID, ObjectType } from 'type-graphql';
import { DateScalar, type PartialDate } from '../common/date-scalar';
import { AmountKind, ComputeDealStatus, ComputeResource } from '../common/enums';
import type { ComputeDealRecord } from './compute-deal.record';

@ObjectType({ description: 'A compute-supply agreement: a provider sells cloud, chips or data-centre capacity to a customer.' })
export class ComputeDeal implements ComputeDealRecord {
  @Field(() => ID)
  id!: string;

  providerId!: string;
  customerId!: string;

  @Field(() => Float, { nullable: true, description: 'Value in USD; null when undisclosed.' })
  valueUsd!: number | null;

  @Field(() => AmountKind, { nullable: true })
  amountKind!: AmountKind | null;

  @Field(() => DateScalar)
  announcedOn!: PartialDate;

  @Field(() => DateScalar, { nullable: true })
  startsOn!: PartialDate | null;

  @Field(() => DateScalar, { nullable: true })
  endsOn!: PartialDate | null;

  @Field(() => ComputeResource)
  resource!: ComputeResource;

  @Field(() => String, { nullable: true, description: 'Capacity as reported, e.g. "4.5 GW".' })
  capacity!: string | null;

  @Field(() => ComputeDealStatus)
  status!: ComputeDealStatus;

  @Field(() => String, { nullable: true })
  note!: string | null;

  relatedInvestmentId!: string | null;
  sourceIds!: readonly string[];
}
