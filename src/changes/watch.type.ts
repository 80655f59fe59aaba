import { IsOptional, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@InputType()
export class CompanyWatchInput {
  @Field(() => ID)
  @MaxLength(200)
  companyId!: string;
}

@InputType()
export class MarketWatchInput {
  @Field({ description: 'The market (a rivalry label such as frontier-models): whole-graph watches are refused.' })
  @MinLength(1)
  @MaxLength(100)
  market!: string;
}

@InputType()
export class LoopsWatchInput {
  @Field(() => ID)
  @MaxLength(200)
  companyId!: string;

  @Field(() => Int, { nullable: true, description: 'Longest loop, 2-5 (default 4).' })
  @IsOptional()
  @Min(2)
  @Max(5)
  maxLength?: number | null;
}

@InputType()
export class ConnectionWatchInput {
  @Field(() => ID)
  @MaxLength(200)
  fromId!: string;

  @Field(() => ID)
  @MaxLength(200)
  toId!: string;

  @Field(() => Int, { nullable: true, description: 'Longest path, 1-6 (default 4).' })
  @IsOptional()
  @Min(1)
  @Max(6)
  maxHops?: number | null;
}

@InputType({ description: 'Exactly one analytics question, with its arguments (a company or a market: no whole-graph watches).' })
export class WatchQuestionInput {
  @Field(() => CompanyWatchInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  backersOfCompetitors?: CompanyWatchInput | null;

  @Field(() => MarketWatchInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  twoSidedBackers?: MarketWatchInput | null;

  @Field(() => LoopsWatchInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  moneyLoops?: LoopsWatchInput | null;

  @Field(() => CompanyWatchInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  exposure?: CompanyWatchInput | null;

  @Field(() => ConnectionWatchInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  connection?: ConnectionWatchInput | null;
}

@ObjectType({ description: 'A standing analytics question: answered again after every change that can touch it, and once a day; each difference is an alert.' })
export class Watch {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'backersOfCompetitors, twoSidedBackers, moneyLoops, exposure or connection.' })
  question!: string;

  @Field(() => GraphQLJSONObject)
  args!: Record<string, unknown>;

  @Field(() => String, { nullable: true, description: 'The name of the API key that made it.' })
  owner!: string | null;

  @Field(() => Int, { description: 'Rows in its last answer.' })
  rows!: number;

  @Field(() => Int, { description: 'The change-log seq its last answer reflects.' })
  answeredSeq!: number;

  @Field()
  answeredAt!: string;
}

@ObjectType({ description: 'What changed in a watched answer. Its id is stable (the change-log entry that carries it).' })
export class WatchAlert {
  @Field(() => ID, { description: 'alert-<seq>: the same id in the subscription, the change log and webhooks.' })
  id!: string;

  @Field(() => Int)
  seq!: number;

  @Field()
  at!: string;

  @Field(() => ID)
  watchId!: string;

  @Field()
  watchName!: string;

  @Field()
  question!: string;

  @Field(() => [String], { description: 'One English line per row added, removed or changed.' })
  lines!: string[];

  @Field(() => [String])
  added!: string[];

  @Field(() => [String])
  removed!: string[];

  @Field(() => [String])
  changed!: string[];
}

