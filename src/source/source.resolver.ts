import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { WRITER } from '../common/auth';
import { notFound } from '../common/errors';
import { MAX_PAGE_SIZE } from '../common/pagination';
import { DeletePayload } from '../company/company-connection.type';
import type { AppContext } from '../loaders';
import { SourceInput } from './source.input';
import type { SourceRepository } from './source.repository';
import { Source } from './source.type';
import { pageCost } from '../common/complexity';

@ArgsType()
class SourcesArgs {
  @Field(() => Int, { defaultValue: 20, description: `How many, 1-${MAX_PAGE_SIZE}.` })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = 20;

  @Field(() => String, { nullable: true, description: 'Case-insensitive part of the publisher name.' })
  @IsOptional()
  @MaxLength(200)
  publisher?: string | null;
}

@Resolver(() => Source)
export class SourceResolver {
  constructor(private readonly repo: SourceRepository) {}

  @Query(() => Source, { nullable: true })
  async source(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<Source | null> {
    return ctx.loaders.source.load(id);
  }

  @Query(() => [Source], { description: 'Sources, newest first (at most `first`).', complexity: pageCost })
  async sources(@Args() { publisher, first }: SourcesArgs): Promise<Source[]> {
    return this.repo.list(publisher ?? null, 0, first);
  }

  @Authorized(WRITER)
  @Mutation(() => Source, { description: 'Creates or updates a source by id (id defaults to one derived from the url). A url held by another source is a CONFLICT.' })
  async recordSource(@Arg('input') input: SourceInput): Promise<Source> {
    return this.repo.record(input);
  }

  @Authorized(WRITER)
  @Mutation(() => Source, { description: 'Replaces the details of an existing source.' })
  async updateSource(@Arg('id', () => ID) id: string, @Arg('input') input: SourceInput, @Ctx() ctx: AppContext): Promise<Source> {
    if (!(await ctx.loaders.source.load(id))) throw notFound('source', id);
    return this.repo.record({ ...input, id });
  }

  @Authorized(WRITER)
  @Mutation(() => DeletePayload, { description: 'Removes a source no fact cites; a cited source is a CONFLICT.' })
  async removeSource(@Arg('id', () => ID) id: string): Promise<DeletePayload> {
    if (!(await this.repo.remove(id))) throw notFound('source', id);
    return { id, deleted: true };
  }
}
