import { ArrayMaxSize, IsISO8601, IsOptional, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ChangeKind } from '../domain/change';
import { connectionType } from '../graphql/connection';
import { MAX_PAGE_SIZE } from '../graphql/pagination';

@ObjectType({ description: 'One entry of the change log: what one write did to one entity (or, for an import batch, to many).' })
export class Change {
  @Field(() => Int, { description: 'Position in the log: increasing without gaps, in commit order. Resume a feed or a subscription after it.' })
  seq!: number;

  @Field(() => Int, { description: 'The first seq of the write this change belongs to; revertChange undoes the whole write.' })
  group!: number;

  @Field({ description: 'When the write committed (its transaction\'s time, UTC).' })
  at!: string;

  @Field(() => String, { nullable: true, description: 'The name of the API key that wrote it (`seed`, `import` for the tools); null for callers without a key.' })
  actor!: string | null;

  @Field(() => String, { nullable: true, description: 'The x-request-id of the write.' })
  requestId!: string | null;

  @Field({ description: 'The mutation (recordInvestment, deleteCompany, revertChange...), or seed / import.' })
  operation!: string;

  @Field({ description: 'Company, Source, or a fact type (Investment...).' })
  entityType!: string;

  @Field(() => ID, { nullable: true, description: 'The entity changed; null for an import batch (see entityIds).' })
  entityId!: string | null;

  @Field(() => [ID], { description: 'The ids an import batch wrote; empty otherwise.' })
  entityIds!: string[];

  @Field(() => ChangeKind)
  kind!: ChangeKind;

  @Field(() => [ID], { description: 'The companies the change concerns: the company itself, or the parties of a fact (before and after).' })
  companyIds!: string[];

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The entity before, as the dataset file holds a record: the whole record for a removal, else only the fields that changed. Null for a creation or when redacted.' })
  before!: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The entity after: the whole record for a creation, else only the fields that changed. Null for a removal or when redacted.' })
  after!: Record<string, unknown> | null;

  @Field({ description: 'One English line saying what changed.' })
  summary!: string;

  @Field({ description: 'False for a change that keeps no before image (an import batch) or whose images were redacted.' })
  revertible!: boolean;

  @Field(() => Int, { nullable: true, description: 'The change that redacted this one\'s images (a takedown), if any.' })
  redactedBy!: number | null;
}

export const ChangeConnection = connectionType(Change, 'Change', 'Changes in sequence order; each cursor is the change\'s seq.');

@InputType({ description: 'Narrows the change log; every part optional, all given parts must hold.' })
export class ChangeFilterInput {
  @Field(() => [String], { nullable: true, description: 'Company, Source, or fact types (Investment, ComputeDeal...).' })
  @IsOptional()
  @ArrayMaxSize(20)
  @MaxLength(100, { each: true })
  entityTypes?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Changes to this company and to the facts it takes part in.' })
  @IsOptional()
  @MaxLength(200)
  companyId?: string | null;

  @Field(() => String, { nullable: true, description: 'The API key name that wrote them.' })
  @IsOptional()
  @MaxLength(100)
  actor?: string | null;

  @Field(() => [ChangeKind], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(3)
  kinds?: ChangeKind[] | null;

  @Field(() => String, { nullable: true, description: 'At or after this time (ISO 8601 date or date-time, UTC when no offset).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  since?: string | null;

  @Field(() => String, { nullable: true, description: 'Before this time (ISO 8601).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  until?: string | null;
}

/** The check every `after` of the log takes (pages, subscriptions, alerts, deliveries): optional, a change's seq in digits. */
export function IsChangeSeq(): PropertyDecorator {
  return (target, property) => {
    IsOptional()(target, property);
    Matches(/^\d{1,15}$/, { message: 'after must be a change seq (digits)' })(target, property);
  };
}

@ArgsType()
export class ChangePageArgs {
  @Field(() => Int, { defaultValue: 20, description: `Page size, 1-${MAX_PAGE_SIZE}.` })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = 20;

  @Field(() => String, { nullable: true, description: 'A change\'s seq (or an endCursor): the page starts after it.' })
  @IsChangeSeq()
  after?: string | null;

  @Field({ defaultValue: false, description: 'Newest first (after then means: older than that seq).' })
  newestFirst: boolean = false;
}

@ArgsType()
export class ChangesArgs extends ChangePageArgs {
  @Field(() => ChangeFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: ChangeFilterInput | null;
}
