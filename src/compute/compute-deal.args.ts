import { ArrayMaxSize, IsNumber, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType, registerEnumType } from 'type-graphql';
import { DateScalar, type PartialDate } from '../common/date-scalar';
import { ComputeDealStatus, ComputeResource, SortDirection } from '../common/enums';
import { PageArgs } from '../common/pagination';
import { MAX_AMOUNT_USD } from '../common/validation';

export enum ComputeDealSortField {
  ANNOUNCED_ON = 'ANNOUNCED_ON',
  VALUE = 'VALUE',
}
registerEnumType(ComputeDealSortField, { name: 'ComputeDealSortField' });

@InputType({ description: 'All given conditions must hold. Dates are inclusive.' })
export class ComputeDealFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @MaxLength(64)
  providerId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @MaxLength(64)
  customerId?: string;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  from?: PartialDate;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  to?: PartialDate;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_AMOUNT_USD)
  minValueUsd?: number;

  @Field(() => [ComputeDealStatus], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(4)
  statuses?: ComputeDealStatus[];

  @Field(() => [ComputeResource], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(6)
  resources?: ComputeResource[];
}

@InputType()
export class ComputeDealSort {
  @Field(() => ComputeDealSortField, { defaultValue: ComputeDealSortField.ANNOUNCED_ON })
  field: ComputeDealSortField = ComputeDealSortField.ANNOUNCED_ON;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC })
  direction: SortDirection = SortDirection.DESC;
}

@ArgsType()
export class ComputeDealsArgs extends PageArgs {
  @Field(() => ComputeDealFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: ComputeDealFilter;

  @Field(() => ComputeDealSort, { nullable: true })
  @IsOptional()
  @ValidateNested()
  sort?: ComputeDealSort;
}
