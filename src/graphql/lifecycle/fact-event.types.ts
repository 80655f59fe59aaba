import { ArrayMaxSize, IsNumber, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Field, Float, ID, InputType, ObjectType } from 'type-graphql';
import { Confidence, FactEventKind, FactStatus } from '../../domain/lifecycle';
import { MAX_AMOUNT_USD } from '../../domain/validation';
import type { PartialDate } from '../../domain/partial-date';
import { DateScalar } from '../date-scalar';
import { Money } from '../money.type';
import { NotInFuture } from '../validators';

const FINITE = { allowNaN: false, allowInfinity: false };

@InputType({ description: 'One dated, sourced event of a fact: what AGREED, TRANCHE_FUNDED... amounts mean is on each field.' })
export class FactEventInput {
  @Field(() => FactEventKind)
  kind!: FactEventKind;

  @Field(() => DateScalar, { description: 'When it happened, at the precision known.' })
  @NotInFuture()
  on!: PartialDate;

  @Field(() => Float, { nullable: true, description: 'AGREED/AMENDED: the binding amount; OPTION_EXERCISED: the amount it binds; TRANCHE_FUNDED: cash paid.' })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(0)
  @Max(MAX_AMOUNT_USD)
  amountUsd?: number | null;

  @Field(() => Float, { nullable: true, description: 'AGREED/AMENDED: the "up to" maximum beyond what is binding (an option, a letter of intent).' })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(0)
  @Max(MAX_AMOUNT_USD)
  ceilingUsd?: number | null;

  @Field(() => DateScalar, { nullable: true, description: "AGREED/AMENDED: an option's deadline." })
  @IsOptional()
  deadline?: PartialDate | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  note?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Sources reporting this event (also cited by the fact).' })
  @IsOptional()
  @ArrayMaxSize(20)
  @MaxLength(120, { each: true })
  sourceIds?: string[] | null;
}

@ObjectType('FactEvent', { description: 'An event of a fact and the state it left the fact in.' })
export class FactEventType {
  @Field(() => FactEventKind)
  kind!: FactEventKind;

  @Field(() => DateScalar)
  on!: PartialDate;

  @Field(() => Float, { nullable: true })
  amountUsd!: number | null;

  @Field(() => Float, { nullable: true })
  ceilingUsd!: number | null;

  @Field(() => DateScalar, { nullable: true })
  deadline!: PartialDate | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => [ID], { description: 'Sources of this event; derived events rest on the fact\'s own sources.' })
  sourceIds!: string[];

  @Field({ description: "True when the event comes from the fact's own dates (announcedOn, startsOn, closedOn, endsOn) or an option's deadline." })
  derived!: boolean;

  @Field(() => FactStatus, { description: 'Status after this event.' })
  status!: FactStatus;

  @Field(() => Money, { description: 'Money after this event.' })
  money!: Money;

  @Field(() => DateScalar, { nullable: true, description: 'An option open after this event, until this date.' })
  optionOpenUntil!: PartialDate | null;
}

@ObjectType('FactState', { description: 'A fact as it stood on a date (today when no date is given).' })
export class FactStateType {
  @Field(() => DateScalar, { nullable: true, description: 'The date read: the one asked for, else the answer\'s, else today.' })
  asOf!: PartialDate | null;

  @Field({ description: 'Known by then: its announcement (and every event so far) lies wholly on or before the date, or starts by then with includeImprecise.' })
  known!: boolean;

  @Field(() => FactStatus, { nullable: true, description: 'Null when not yet known.' })
  status!: FactStatus | null;

  @Field({ description: 'Whether it is in force then: known, and not ended, terminated or lapsed.' })
  inForce!: boolean;

  @Field(() => Money)
  money!: Money;

  @Field(() => DateScalar, { nullable: true, description: 'An option open then, until this date.' })
  optionOpenUntil!: PartialDate | null;

  @Field(() => Confidence)
  confidence!: Confidence;

  @Field(() => String, { description: "Precision of the fact's date: DAY, MONTH or YEAR (a month or year counts only once it has wholly passed, unless includeImprecise)." })
  datePrecision!: string;
}
