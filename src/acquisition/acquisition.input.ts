import { IsNumber, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { DateScalar, type PartialDate } from '../common/date-scalar';
import { AcquisitionKind, AmountKind } from '../common/enums';
import { FactSourcesInput } from '../common/fact-sources.input';
import { DiffersFrom, MAX_AMOUNT_USD, NotInFuture, PresentIff, SLUG_MESSAGE, SLUG_PATTERN, OmittableNotNull } from '../common/validation';

const FINITE = { allowNaN: false, allowInfinity: false };

@InputType({ description: 'An acquisition or acqui-hire licence to record. Same id again overwrites it (idempotent).' })
export class RecordAcquisitionInput extends FactSourcesInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @MaxLength(120)
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  id?: string;

  @Field(() => ID)
  @MaxLength(64)
  acquirerId!: string;

  @Field(() => ID)
  @MaxLength(64)
  @DiffersFrom('acquirerId', { message: 'a company cannot acquire itself' })
  targetId!: string;

  @Field(() => AcquisitionKind, { defaultValue: AcquisitionKind.ACQUISITION })
  kind: AcquisitionKind = AcquisitionKind.ACQUISITION;

  @Field(() => DateScalar)
  @NotInFuture()
  announcedOn!: PartialDate;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(0)
  @Max(MAX_AMOUNT_USD)
  amountUsd?: number | null;

  @Field(() => AmountKind, { nullable: true })
  @PresentIff('amountUsd')
  amountKind?: AmountKind | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  note?: string | null;
}

@InputType()
export class UpdateAcquisitionInput extends FactSourcesInput {
  @Field(() => AcquisitionKind, { nullable: true })
  @OmittableNotNull()
  kind?: AcquisitionKind;

  @Field(() => DateScalar, { nullable: true })
  @OmittableNotNull()
  @NotInFuture()
  announcedOn?: PartialDate;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(0)
  @Max(MAX_AMOUNT_USD)
  amountUsd?: number | null;

  @Field(() => AmountKind, { nullable: true })
  @IsOptional()
  amountKind?: AmountKind | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  note?: string | null;
}

@ArgsType()
export class AcquisitionsArgs {
  @Field(() => ID, { nullable: true, description: 'Only acquisitions where this company is acquirer or target.' })
  @IsOptional()
  @MaxLength(64)
  companyId?: string;

  @Field(() => AcquisitionKind, { nullable: true })
  @IsOptional()
  kind?: AcquisitionKind;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  asOf?: PartialDate;

  @Field(() => Int, { defaultValue: 100 })
  @Min(1)
  @Max(100)
  first: number = 100;
}
