import { IsOptional, IsUrl, Matches, MaxLength, MinLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { type PartialDate } from '../domain/partial-date';
import { DateScalar } from './date-scalar';
import { SLUG_MESSAGE, SLUG_PATTERN } from '../domain/validation';
import { SourceKind } from '../domain/source';
import { OriginalPublisherFor } from './validators';

@InputType({ description: 'A source to create or update; its id defaults to one derived from the url.' })
export class SourceInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @MaxLength(80)
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  id?: string;

  @Field()
  @MaxLength(2000)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'must be an http(s) URL' })
  url!: string;

  @Field()
  @MinLength(1)
  @MaxLength(200)
  @Matches(/\S/, { message: 'must not be blank' })
  publisher!: string;

  @Field()
  @MinLength(1)
  @MaxLength(500)
  @Matches(/\S/, { message: 'must not be blank' })
  title!: string;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  publishedOn?: PartialDate | null;

  @Field(() => SourceKind, { defaultValue: SourceKind.ORIGINAL })
  kind!: SourceKind;

  @Field(() => String, { nullable: true, description: 'Required for a SYNDICATION or COPY (whose reporting it repeats); null otherwise.' })
  @OriginalPublisherFor('kind')
  originalPublisher?: string | null;
}
