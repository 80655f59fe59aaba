import { IsNumber, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';
import { DateScalar, type PartialDate } from '../common/date-scalar';
import { AmountKind, ComputeDealStatus, ComputeResource } from '../common/enums';
import { FactSourcesInput } from '../common/fact-sources.input';
import { DiffersFrom, MAX_AMOUNT_USD, NotInFuture, PresentIff, SLUG_MESSAGE, SLUG_PATTERN, OmittableNotNull } from '../common/validation';

const FINITE = { allowNaN: false, allowInfinity: false };

@InputType({ description: 'A compute deal to record. Recording the same id again overwrites it with the same parties (idempotent).' })
export class RecordComputeDealInput extends FactSourcesInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @MaxLength(120)
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  id?: string;

  @Field(() => ID)
  @MaxLength(64)
  providerId!: string;

  @Field(() => ID)
  @MaxLength(64)
  @DiffersFrom('providerId', { message: 'a company cannot supply compute to itself' })
  customerId!: string;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(0)
  @Max(MAX_AMOUNT_USD)
  valueUsd?: number | null;

  @Field(() => AmountKind, { nullable: true })
  @PresentIff('valueUsd')
  amountKind?: AmountKind | null;

  @Field(() => DateScalar)
  @NotInFuture()
  announcedOn!: PartialDate;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  startsOn?: PartialDate | null;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  endsOn?: PartialDate | null;

  @Field(() => ComputeResource)
  resource!: ComputeResource;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  capacity?: string | null;

  @Field(() => ComputeDealStatus, { defaultValue: ComputeDealStatus.ANNOUNCED })
  status: ComputeDealStatus = ComputeDealStatus.ANNOUNCED;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  note?: string | null;

  @Field(() => ID, { nullable: true, description: 'The investment this deal came with (e.g. a cloud commitment tied to a stake).' })
  @IsOptional()
  @MaxLength(120)
  relatedInvestmentId?: string | null;
}

@InputType({ description: 'Changes to a compute deal; omitted fields stay, null clears. sourceIds/sources, when given, replace the citations.' })
export class UpdateComputeDealInput extends FactSourcesInput {
  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(0)
  @Max(MAX_AMOUNT_USD)
  valueUsd?: number | null;

  @Field(() => AmountKind, { nullable: true })
  @IsOptional()
  amountKind?: AmountKind | null;

  @Field(() => DateScalar, { nullable: true })
  @OmittableNotNull()
  @NotInFuture()
  announcedOn?: PartialDate;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  startsOn?: PartialDate | null;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  endsOn?: PartialDate | null;

  @Field(() => ComputeResource, { nullable: true })
  @OmittableNotNull()
  resource?: ComputeResource;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  capacity?: string | null;

  @Field(() => ComputeDealStatus, { nullable: true })
  @OmittableNotNull()
  status?: ComputeDealStatus;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  note?: string | null;
}
