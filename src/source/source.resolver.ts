import { IsOptional, MaxLength } from 'class-validator';
import { authorOf } from '../graphql/change-author';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { WRITER } from '../graphql/auth';
import { notFound } from '../domain/errors';
import { PageArgs } from '../graphql/pagination';
import { connectionType, pageOf } from '../graphql/connection';
import { decodeListCursor, encodeListCursor, listCursorKind } from '../graphql/list-cursor';
import type { AppContext } from '../graphql/context';
import { SourceInput } from '../graphql/source.input';
import { SOURCE_ORDER, type SourceRepository } from './source.repository';
import { Source } from '../graphql/source.type';
import { COUNT_COST, pageCost } from '../graphql/complexity';
import { DeletePayload, MUTATION_RESULT } from '../graphql/mutation-result';

@ArgsType()
class SourcesArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Case-insensitive part of the publisher name.' })
  @IsOptional()
  @MaxLength(200)
  publisher?: string | null;
}

const SourceConnection = connectionType(Source, 'Source', 'Sources, newest first (undated ones last), paged.');
/** A page as the query returns it: the publisher filter is kept for totalCount, which is only counted when selected. */
type SourcePage = InstanceType<typeof SourceConnection> & { publisher: string | null };

@Resolver(() => SourceConnection)
export class SourceConnectionResolver {
  constructor(private readonly repo: SourceRepository) {}

  @FieldResolver(() => Int, { description: 'Matching sources across all pages (one extra query, only when selected).', complexity: COUNT_COST })
  async totalCount(@Root() connection: SourcePage): Promise<number> {
    return this.repo.count(connection.publisher);
  }
}

@Resolver(() => Source)
export class SourceResolver {
  constructor(private readonly repo: SourceRepository) {}

  @Query(() => Source, { nullable: true })
  async source(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<Source | null> {
    return ctx.loaders.source.load(id);
  }

  @Query(() => SourceConnection, { description: 'Sources, newest first (undated ones last), paged.', complexity: pageCost })
  async sources(@Args() { publisher, first, after }: SourcesArgs, @Ctx() ctx: AppContext): Promise<SourcePage> {
    // The publisher matches case-insensitively: the cursor's fingerprint is of the text as compared.
    const kind = listCursorKind('sources', 'PUBLISHED_ON', true, { publisher: publisher?.toLowerCase() ?? null });
    const position = decodeListCursor(kind, SOURCE_ORDER, after);
    const page = await this.repo.list(publisher ?? null, position, first);
    for (const { source } of page.items) ctx.loaders.source.prime(source.id, source);
    const edges = page.items.map((item) => ({ cursor: encodeListCursor(kind, item.position), node: item.source as Source }));
    return { ...pageOf(edges, page.hasMore, position !== null), publisher: publisher ?? null };
  }

  @Authorized(WRITER)
  @Mutation(() => Source, { ...MUTATION_RESULT, description: 'Creates or updates a source by id (id defaults to one derived from the url). A url held by another source is a CONFLICT.' })
  async recordSource(@Arg('input') input: SourceInput, @Ctx() ctx: AppContext): Promise<Source> {
    return this.repo.record(input, authorOf(ctx, 'recordSource'));
  }

  @Authorized(WRITER)
  @Mutation(() => Source, { ...MUTATION_RESULT, description: 'Replaces the details of an existing source.' })
  async updateSource(@Arg('id', () => ID) id: string, @Arg('input') input: SourceInput, @Ctx() ctx: AppContext): Promise<Source> {
    if (!(await ctx.loaders.source.load(id))) throw notFound('source', id);
    return this.repo.record({ ...input, id }, authorOf(ctx, 'updateSource'));
  }

  @Authorized(WRITER)
  @Mutation(() => DeletePayload, { ...MUTATION_RESULT, description: 'Removes a source no fact cites; a cited source is a CONFLICT.' })
  async removeSource(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<DeletePayload> {
    if (!(await this.repo.remove(id, authorOf(ctx, 'removeSource')))) throw notFound('source', id);
    return { id, deleted: true };
  }
}
