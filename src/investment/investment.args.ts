import { ArrayMaxSize, IsNumber, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType, registerEnumType } from 'type-graphql';
import { DateScalar, type PartialDate } from '../common/date-scalar';
import { AmountKind, InvestmentStatus, SortDirection } from '../common/enums';
import { PageArgs } from '../common/pagination';
import { MAX_AMOUNT_USD } from '../common/validation';

export enum InvestmentSortField {
  ANNOUNCED_ON = 'ANNOUNCED_ON',
  AMOUNT = 'AMOUNT',
}
registerEnumType(InvestmentSortField, { name: 'InvestmentSortField' });

@InputType({ description: 'All given conditions must hold. Dates are inclusive.' })
export class InvestmentFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @MaxLength(64)
  investorId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @MaxLength(64)
  investeeId?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Announced on or after (start of the period).' })
  @IsOptional()
  from?: PartialDate;

  @Field(() => DateScalar, { nullable: true, description: 'Announced on or before (end of the period).' })
  @IsOptional()
  to?: PartialDate;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_AMOUNT_USD)
  minAmountUsd?: number;

  @Field(() => [InvestmentStatus], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(4)
  statuses?: InvestmentStatus[];

  @Field(() => [AmountKind], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(5)
  amountKinds?: AmountKind[];
}

@InputType()
export class InvestmentSort {
  @Field(() => InvestmentSortField, { defaultValue: InvestmentSortField.ANNOUNCED_ON })
  field: InvestmentSortField = InvestmentSortField.ANNOUNCED_ON;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC })
  direction: SortDirection = SortDirection.DESC;
}

@ArgsType()
export class InvestmentsArgs extends PageArgs {
  @Field(() => InvestmentFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: InvestmentFilter;

  @Field(() => InvestmentSort, { nullable: true })
  @IsOptional()
  @ValidateNested()
  sort?: InvestmentSort;
}
