import { IsNumber, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';
import { DateScalar, type PartialDate } from '../common/date-scalar';
import { AmountKind, Instrument, InvestmentStatus } from '../common/enums';
import { FactSourcesInput } from '../common/fact-sources.input';
import { DiffersFrom, MAX_AMOUNT_USD, NotInFuture, PresentIff, SLUG_MESSAGE, SLUG_PATTERN, OmittableNotNull } from '../common/validation';

const FINITE = { allowNaN: false, allowInfinity: false };

@InputType({ description: 'An investment to record. Recording the same id again overwrites it with the same parties (idempotent).' })
export class RecordInvestmentInput extends FactSourcesInput {
  @Field(() => ID, { nullable: true, description: 'Defaults to one derived from the parties, date, amount and round.' })
  @IsOptional()
  @MaxLength(120)
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  id?: string;

  @Field(() => ID)
  @MaxLength(64)
  investorId!: string;

  @Field(() => ID)
  @MaxLength(64)
  @DiffersFrom('investorId', { message: 'a company cannot invest in itself' })
  investeeId!: string;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(0)
  @Max(MAX_AMOUNT_USD)
  amountUsd?: number | null;

  @Field(() => AmountKind, { nullable: true })
  @PresentIff('amountUsd')
  amountKind?: AmountKind | null;

  @Field(() => DateScalar)
  @NotInFuture()
  announcedOn!: PartialDate;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  @NotInFuture()
  closedOn?: PartialDate | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  round?: string | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(0)
  @Max(100)
  stakePercent?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(0)
  @Max(MAX_AMOUNT_USD)
  valuationUsd?: number | null;

  @Field(() => Instrument, { nullable: true })
  @IsOptional()
  instrument?: Instrument | null;

  @Field(() => InvestmentStatus, { defaultValue: InvestmentStatus.ANNOUNCED })
  status: InvestmentStatus = InvestmentStatus.ANNOUNCED;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  note?: string | null;
}

@InputType({ description: 'Changes to an investment; omitted fields stay, null clears. sourceIds/sources, when given, replace the citations.' })
export class UpdateInvestmentInput extends FactSourcesInput {
  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(0)
  @Max(MAX_AMOUNT_USD)
  amountUsd?: number | null;

  @Field(() => AmountKind, { nullable: true })
  @IsOptional()
  amountKind?: AmountKind | null;

  @Field(() => DateScalar, { nullable: true })
  @OmittableNotNull()
  @NotInFuture()
  announcedOn?: PartialDate;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  @NotInFuture()
  closedOn?: PartialDate | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  round?: string | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(0)
  @Max(100)
  stakePercent?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(0)
  @Max(MAX_AMOUNT_USD)
  valuationUsd?: number | null;

  @Field(() => Instrument, { nullable: true })
  @IsOptional()
  instrument?: Instrument | null;

  @Field(() => InvestmentStatus, { nullable: true })
  @OmittableNotNull()
  status?: InvestmentStatus;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  note?: string | null;
}
