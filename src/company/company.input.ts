import { ArrayMaxSize, IsInt, IsOptional, IsUrl, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { CompanyKind } from '../domain/enums';
import { SLUG_MESSAGE, SLUG_PATTERN } from '../domain/validation';
import { OmittableNotNull } from '../graphql/validators';
import { ExternalIdInput, ValidExternalIds } from './external-id.input';

const THIS_YEAR = new Date().getUTCFullYear();

@InputType({ description: 'A new company. The id defaults to the slug of the name.' })
export class CreateCompanyInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @MaxLength(64)
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  id?: string;

  @Field()
  @MinLength(1)
  @MaxLength(200)
  @Matches(/\S/, { message: 'must not be blank' })
  name!: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  aliases?: string[];

  @Field(() => [String], { nullable: true, description: 'Names it went by before (Facebook for Meta); matched like aliases.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  formerNames?: string[];

  @Field(() => CompanyKind)
  kind!: CompanyKind;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2, e.g. "US".' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 code such as "US"' })
  country?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1800)
  @Max(THIS_YEAR)
  founded?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'must be an http(s) URL' })
  website?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  description?: string | null;
  @Field(() => [ExternalIdInput], { nullable: true, description: 'Its ids in other databases, at most one per scheme; each unique across companies.' })
  @IsOptional()
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @ValidExternalIds()
  externalIds?: ExternalIdInput[];
}


@InputType({ description: 'Changes to a company; omitted fields stay as they are, null clears an optional field.' })
export class UpdateCompanyInput {
  @Field(() => String, { nullable: true })
  @OmittableNotNull()
  @MinLength(1)
  @MaxLength(200)
  @Matches(/\S/, { message: 'must not be blank' })
  name?: string;

  @Field(() => [String], { nullable: true })
  @OmittableNotNull()
  @ArrayMaxSize(20)
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  aliases?: string[];

  @Field(() => [String], { nullable: true, description: 'Names it went by before (Facebook for Meta); matched like aliases.' })
  @OmittableNotNull()
  @ArrayMaxSize(20)
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  formerNames?: string[];

  @Field(() => CompanyKind, { nullable: true })
  @OmittableNotNull()
  kind?: CompanyKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 code such as "US"' })
  country?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1800)
  @Max(THIS_YEAR)
  founded?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'must be an http(s) URL' })
  website?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  description?: string | null;

  @Field(() => [ExternalIdInput], { nullable: true, description: 'Replaces its ids (an empty list clears them); at most one per scheme, each unique across companies.' })
  @OmittableNotNull()
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @ValidExternalIds()
  externalIds?: ExternalIdInput[];
}
