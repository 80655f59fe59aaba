import { IsOptional, ValidateNested, validate } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root, Subscription, type ClassType } from 'type-graphql';
import { badInput, ErrorCode, DomainError, notFound } from '../domain/errors';
import type { ChangeRecord } from '../domain/change';
import type { FactDefinition } from '../facts/fact-definition';
import { FACTS } from '../facts/registry';
import { WRITER } from '../graphql/auth';
import { authorOf } from '../graphql/change-author';
import { Company } from '../graphql/company.type';
import { pageCost } from '../graphql/complexity';
import { pageOf } from '../graphql/connection';
import type { AppContext } from '../graphql/context';
import { factObjectType } from '../graphql/facts/fact-types';
import { MUTATION_RESULT } from '../graphql/mutation-result';
import type { ChangeFilter, ChangeRepository } from './change.repository';
import type { ChangeReverter } from './change-revert';
import { Change, ChangeConnection, ChangeFilterInput, ChangePageArgs, ChangesArgs, IsChangeSeq } from './change.type';
import { changeView } from './change-view';

type ChangePage = InstanceType<typeof ChangeConnection>;

/** A change as a caller sees it: the actor only for callers with a key, images as dataset records. */
export function toChange(record: ChangeRecord, ctx: AppContext): Change {
  return changeView(record, ctx.role === 'anonymous' ? null : record.actor);
}

/** A page of the log, with the retention check: a cursor older than what retention kept is refused, not skipped. */
export async function changePage(repo: ChangeRepository, ctx: AppContext, filter: ChangeFilter, args: ChangePageArgs): Promise<ChangePage> {
  const after = args.after === null || args.after === undefined ? null : Number(args.after);
  if (after !== null && !args.newestFirst) {
    const { prunedThrough } = await repo.head();
    if (after < prunedThrough) {
      throw new DomainError(ErrorCode.CURSOR_EXPIRED, `changes up to ${prunedThrough} were removed by retention (CHANGE_LOG_RETENTION_DAYS); resume from ${prunedThrough} or later`, { prunedThrough });
    }
  }
  const page = await repo.page({ filter, after, first: args.first, newestFirst: args.newestFirst });
  const edges = page.items.map((record) => ({ cursor: String(record.seq), node: toChange(record, ctx) }));
  return pageOf(edges, page.hasMore, after !== null);
}

@ObjectType({ description: 'What revertChange undid.' })
class RevertPayload {
  @Field(() => [Change], { description: 'The changes undone: every change of the write the given one belongs to.' })
  reverted!: Change[];

  @Field(() => Int, { description: 'The last seq the revert itself wrote (it is logged like any write).' })
  lastSeq!: number;
}

@ObjectType({ description: 'What redactChanges took out of the log.' })
class RedactPayload {
  @Field(() => Int, { description: 'How many changes lost their before and after images.' })
  redacted!: number;

  @Field(() => Int, { description: 'The seq of the change that records the redaction.' })
  redactedBy!: number;
}

@Resolver(() => Change)
export class ChangesResolver {
  constructor(
    private readonly repo: ChangeRepository,
    private readonly reverter: ChangeReverter,
  ) {}

  @Query(() => ChangeConnection, { description: 'The change log: every committed write, oldest first (or newest first), filtered. Resume with after: the last seq seen.', complexity: pageCost })
  async changes(@Args() args: ChangesArgs, @Ctx() ctx: AppContext): Promise<ChangePage> {
    const filter = args.filter ?? {};
    if (filter.since && filter.until && Date.parse(filter.since) >= Date.parse(filter.until)) throw badInput('filter.until', 'must be after since');
    return changePage(this.repo, ctx, filter, args);
  }

  @Authorized(WRITER)
  @Mutation(() => RedactPayload, {
    ...MUTATION_RESULT,
    description: 'A takedown: removes the before and after images of every change to an entity from the log (who, when and what kind stay), itself logged. Such changes can no longer be reverted.',
  })
  async redactChanges(@Arg('entityId', () => ID) entityId: string, @Ctx() ctx: AppContext): Promise<RedactPayload> {
    const { redacted, redactedBy } = await this.repo.redact(entityId, authorOf(ctx, 'redactChanges'));
    if (redacted === 0 || redactedBy === null) throw notFound('changes to', entityId);
    return { redacted, redactedBy };
  }

  @Authorized(WRITER)
  @Mutation(() => RevertPayload, {
    ...MUTATION_RESULT,
    description: 'Undoes the write a change belongs to (a cascade delete with all it removed), itself logged. CONFLICT when an entity changed again since, unless force.',
  })
  async revertChange(@Arg('seq', () => Int) seq: number, @Arg('force', { defaultValue: false }) force: boolean, @Ctx() ctx: AppContext): Promise<RevertPayload> {
    if (seq < 1) throw badInput('seq', 'must be a change seq (1 or more)');
    const result = await this.reverter.revert(seq, force, authorOf(ctx, 'revertChange'));
    return { reverted: result.reverted.map((record) => toChange(record, ctx)), lastSeq: result.lastSeq };
  }
}

@Resolver(() => Company)
export class CompanyChangesResolver {
  constructor(private readonly repo: ChangeRepository) {}

  @FieldResolver(() => ChangeConnection, { description: 'Changes to this company and to the facts it takes part in.', complexity: pageCost })
  async changes(@Root() company: Company, @Args() args: ChangePageArgs, @Ctx() ctx: AppContext): Promise<ChangePage> {
    return changePage(this.repo, ctx, { companyId: company.id }, args);
  }
}

/** A `changes` field on one fact type: the changes to that fact. */
export function factChangesResolver(definition: FactDefinition): ClassType<{ repo: ChangeRepository }> {
  const type = factObjectType(definition);
  @Resolver(() => type)
  class FactChanges {
    constructor(readonly repo: ChangeRepository) {}

    @FieldResolver(() => ChangeConnection, { description: `Changes to this ${definition.single ?? definition.name}.`, complexity: pageCost })
    async changes(@Root() fact: { id: string }, @Args() args: ChangePageArgs, @Ctx() ctx: AppContext): Promise<ChangePage> {
      return changePage(this.repo, ctx, { entityId: fact.id }, args);
    }
  }
  Object.defineProperty(FactChanges, 'name', { value: `${definition.name}ChangesResolver` });
  return FactChanges;
}

export const FACT_CHANGES_RESOLVERS = FACTS.map((definition) => ({ definition, resolver: factChangesResolver(definition) }));

@ArgsType()
class ChangeSubscriptionArgs {
  @Field(() => String, { nullable: true, description: 'The last seq you received: replay every change after it, then go live. Omitted: live from now.' })
  @IsChangeSeq()
  after?: string | null;

  @Field(() => ChangeFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: ChangeFilterInput | null;
}

/** The subscription's arguments checked like a query's (subscribe runs before type-graphql validates anything). */
async function checkedSubscriptionArgs(raw: Record<string, unknown>): Promise<ChangeSubscriptionArgs> {
  const args = Object.assign(new ChangeSubscriptionArgs(), raw);
  if (raw.filter) args.filter = Object.assign(new ChangeFilterInput(), raw.filter);
  const errors = await validate(args, { forbidUnknownValues: false });
  if (errors.length > 0) {
    const problems = errors.flatMap((error) => [...Object.values(error.constraints ?? {}), ...(error.children ?? []).flatMap((child) => Object.values(child.constraints ?? {}))]);
    throw badInput(errors[0]?.property ?? 'args', problems.join('; '));
  }
  return args;
}

@Resolver(() => Change)
export class ChangeSubscriptionResolver {
  @Subscription(() => Change, {
    name: 'changes',
    description:
      'Every committed change passing the filter, in seq order, each once. With after: first every change since that seq (a reconnecting client misses nothing), then live. Served over WebSocket (graphql-ws, /graphql) and SSE (graphql-sse, /graphql/stream).',
    subscribe: async ({ args, context }) => {
      const ctx = context as AppContext;
      if (!ctx.follow) throw badInput('changes', 'subscriptions are served over WebSocket (graphql-ws on /graphql) or SSE (/graphql/stream)');
      const checked = await checkedSubscriptionArgs(args as Record<string, unknown>);
      return ctx.follow(checked.after == null ? null : Number(checked.after), checked.filter ?? {});
    },
  })
  changeStream(@Root() change: ChangeRecord, @Args() _args: ChangeSubscriptionArgs, @Ctx() ctx: AppContext): Change {
    return toChange(change, ctx);
  }
}
