import { Field, Float, ID, ObjectType } from 'type-graphql';
import { DateScalar, type PartialDate } from '../common/date-scalar';
import { AcquisitionKind, AmountKind } from '../common/enums';
import type { AcquisitionRecord } from './acquisition.record';

@ObjectType({ description: 'An acquisition, or a licence deal that hires the team (acqui-hire).' })
export class Acquisition implements AcquisitionRecord {
  @Field(() => ID)
  id!: string;

  acquirerId!: string;
  targetId!: string;

  @Field(() => AcquisitionKind)
  kind!: AcquisitionKind;

  @Field(() => DateScalar)
  announcedOn!: PartialDate;

  @Field(() => Float, { nullable: true })
  amountUsd!: number | null;

  @Field(() => AmountKind, { nullable: true })
  amountKind!: AmountKind | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  sourceIds!: readonly string[];
}
