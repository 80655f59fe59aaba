import { IsOptional, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar, type PartialDate } from '../common/date-scalar';
import { FactSourcesInput } from '../common/fact-sources.input';
import { DiffersFrom, NotInFuture, SLUG_MESSAGE, SLUG_PATTERN } from '../common/validation';

@InputType({ description: 'Makes a company the subsidiary of another. A company has at most one parent.' })
export class RecordSubsidiaryLinkInput extends FactSourcesInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @MaxLength(120)
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  id?: string;

  @Field(() => ID, { description: 'The subsidiary.' })
  @MaxLength(64)
  childId!: string;

  @Field(() => ID, { description: 'Its parent.' })
  @MaxLength(64)
  @DiffersFrom('childId', { message: 'a company cannot be its own parent' })
  parentId!: string;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  @NotInFuture()
  since?: PartialDate | null;
}

@InputType()
export class UpdateSubsidiaryLinkInput extends FactSourcesInput {
  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  @NotInFuture()
  since?: PartialDate | null;
}
