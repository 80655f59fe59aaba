import { ArrayMaxSize, ArrayMinSize, IsOptional, Matches, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { DateScalar, type PartialDate } from '../common/date-scalar';
import { FactSourcesInput } from '../common/fact-sources.input';
import { PageArgs } from '../common/pagination';
import { DistinctPair, NotInFuture, SLUG_MESSAGE, SLUG_PATTERN, OmittableNotNull } from '../common/validation';

const MARKET = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

@InputType({ description: 'A rivalry to record; the pair is unordered. Same id again overwrites it (idempotent).' })
export class RecordRivalryInput extends FactSourcesInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @MaxLength(120)
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  id?: string;

  @Field(() => [ID], { description: 'The two competing companies.' })
  @ArrayMinSize(2)
  @ArrayMaxSize(2)
  @MaxLength(64, { each: true })
  @DistinctPair({ message: 'a company cannot compete with itself: give two different company ids' })
  companyIds!: string[];

  @Field({ description: 'Lowercase kebab-case market label.' })
  @MaxLength(60)
  @Matches(MARKET, { message: 'must be a lowercase kebab-case label such as "frontier-models"' })
  market!: string;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  @NotInFuture()
  since?: PartialDate | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  note?: string | null;
}

@InputType({ description: 'Changes to a rivalry; sourceIds/sources, when given, replace the citations.' })
export class UpdateRivalryInput extends FactSourcesInput {
  @Field(() => String, { nullable: true })
  @OmittableNotNull()
  @MaxLength(60)
  @Matches(MARKET, { message: 'must be a lowercase kebab-case label such as "frontier-models"' })
  market?: string;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  @NotInFuture()
  since?: PartialDate | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  note?: string | null;
}

@ArgsType()
export class RivalriesArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only rivalries involving this company.' })
  @IsOptional()
  @MaxLength(64)
  companyId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(60)
  market?: string;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  asOf?: PartialDate;
}
