import { ArrayMaxSize, ArrayMinSize, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, Float, ID, Int } from 'type-graphql';
import { NEIGHBORHOOD_LIMITS, RESULT_LIMITS } from './analytics.repository';
import { DiffersFrom } from '../graphql/validators';
import { ALL_RELATION_KINDS, RelationKind } from './relation-kind';
import { FactScopeArgs } from '../graphql/lifecycle/fact-scope.args';

/** Hard caps: every traversal is bounded in Cypher, and arguments past them are BAD_USER_INPUT. */
export const LIMITS = { maxLoopLength: 6, maxHops: 6, maxDepth: 3 } as const;

@ArgsType()
export class BackersOfCompetitorsArgs extends FactScopeArgs {
  @Field(() => ID)
  @MaxLength(64)
  companyId!: string;


  @Field({ defaultValue: true, description: "Count subsidiaries' rivalries and investments for their parents, and name backers by their top-level parent." })
  rollUpSubsidiaries: boolean = true;
}

@ArgsType()
export class TwoSidedBackersArgs extends FactScopeArgs {

  @Field(() => String, { nullable: true, description: 'Only rivalries in this market, e.g. "frontier-models".' })
  @IsOptional()
  @MaxLength(60)
  @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'must be a lowercase kebab-case market label such as "frontier-models"' })
  market?: string;

  @Field({ defaultValue: true })
  rollUpSubsidiaries: boolean = true;

  @Field(() => Int, { defaultValue: RESULT_LIMITS.twoSided, description: `Page size, 1-${RESULT_LIMITS.twoSided}.` })
  @Min(1)
  @Max(RESULT_LIMITS.twoSided)
  first: number = RESULT_LIMITS.twoSided;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  @IsOptional()
  @MaxLength(1000)
  after?: string | null;
}

@ArgsType()
export class MoneyLoopsArgs extends FactScopeArgs {
  @Field(() => ID, { nullable: true, description: 'Loops through this company; all loops when omitted.' })
  @IsOptional()
  @MaxLength(64)
  companyId?: string;

  @Field(() => Int, { defaultValue: 4, description: `Longest loop, in steps (2-${LIMITS.maxLoopLength}).` })
  @Min(2)
  @Max(LIMITS.maxLoopLength)
  maxLength: number = 4;


  @Field(() => Int, { defaultValue: RESULT_LIMITS.loops, description: `Page size, 1-${RESULT_LIMITS.loops}.` })
  @Min(1)
  @Max(RESULT_LIMITS.loops)
  first: number = RESULT_LIMITS.loops;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  @IsOptional()
  @MaxLength(1000)
  after?: string | null;
}

@ArgsType()
export class ConnectionArgs extends FactScopeArgs {
  @Field(() => ID)
  @MaxLength(64)
  fromId!: string;

  @Field(() => ID)
  @MaxLength(64)
  @DiffersFrom('fromId', { message: 'must name a different company than fromId' })
  toId!: string;

  @Field(() => Int, { defaultValue: 4, description: `Longest path, in hops (1-${LIMITS.maxHops}).` })
  @Min(1)
  @Max(LIMITS.maxHops)
  maxHops: number = 4;

  @Field(() => [RelationKind], { nullable: true, description: 'Relation kinds the path may use; all when omitted.' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(ALL_RELATION_KINDS.length)
  kinds?: RelationKind[];

}

@ArgsType()
export class NeighborhoodArgs extends FactScopeArgs {
  @Field(() => ID)
  @MaxLength(64)
  companyId!: string;

  @Field(() => Int, { defaultValue: 1, description: `Hops from the company (1-${LIMITS.maxDepth}).` })
  @Min(1)
  @Max(LIMITS.maxDepth)
  depth: number = 1;

  @Field(() => [RelationKind], {
    nullable: true,
    description: 'Relation kinds to walk and draw; all when omitted. Companies reached only through other kinds are left out.',
  })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(ALL_RELATION_KINDS.length)
  kinds?: RelationKind[];

  @Field(() => Float, {
    nullable: true,
    description:
      'Only relations whose headline money (paid + committed, USD, summed over the facts that count on the date) is at least this. When set, relations without headline money (rivalries, subsidiary links, undisclosed amounts, contract or stake values alone) are left out, and so are companies reached only through them. 0 keeps every relation with headline money.',
  })
  @IsOptional()
  @Min(0)
  minAmountUsd?: number | null;

  @Field(() => Int, {
    defaultValue: NEIGHBORHOOD_LIMITS.defaultNodes,
    description: `Most companies drawn, the centre included (1-${NEIGHBORHOOD_LIMITS.most}); relations are capped at ${NEIGHBORHOOD_LIMITS.edgesPerNode} × this. Which are kept: see Subgraph.nodes and Subgraph.edges.`,
  })
  @Min(1)
  @Max(NEIGHBORHOOD_LIMITS.most)
  maxNodes: number = NEIGHBORHOOD_LIMITS.defaultNodes;
}

@ArgsType()
export class ExposureArgs extends FactScopeArgs {
  @Field(() => ID)
  @MaxLength(64)
  companyId!: string;


  @Field({ defaultValue: true, description: 'Include subsidiaries, and group counterparties by their top-level parent.' })
  rollUpSubsidiaries: boolean = true;
}
