import { ArrayMaxSize, IsOptional, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { SourceInput } from './source.input';
import { SLUG_MESSAGE, SLUG_PATTERN } from '../domain/validation';

/** The sources a fact cites: ids of recorded sources and/or new sources inline. At least one in total. */
@InputType()
export class FactSourcesInput {
  @Field(() => [ID], { nullable: true, description: 'Ids of recorded sources.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @MaxLength(80, { each: true })
  @Matches(SLUG_PATTERN, { each: true, message: SLUG_MESSAGE })
  sourceIds?: string[] | null;

  @Field(() => [SourceInput], { nullable: true, description: 'Sources to record (deduplicated by url) and cite.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  sources?: SourceInput[] | null;
}
