import { IsOptional, MaxLength } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { ChangeRecord } from '../domain/change';
import { badInput } from '../domain/errors';
import { WRITER } from '../graphql/auth';
import type { AppContext } from '../graphql/context';
import { DeletePayload, MUTATION_RESULT } from '../graphql/mutation-result';
import type { WatchEngine } from './watch-engine';
import type { WatchQuestionName } from './watch-questions';
import type { WatchRecord } from './watch.repository';
import { Watch, WatchAlert, WatchQuestionInput } from './watch.type';
import { IsChangeSeq } from './change.type';

function toWatch(record: WatchRecord): Watch {
  return { id: record.id, name: record.name, question: record.question, args: { ...record.args }, owner: record.owner, rows: record.answer.length, answeredSeq: record.answeredSeq, answeredAt: record.answeredAt };
}

/** A WatchAlert entry of the change log as the alert it carries. */
export function toWatchAlert(change: ChangeRecord): WatchAlert {
  const alert = (change.after ?? {}) as Record<string, unknown>;
  return {
    id: `alert-${change.seq}`,
    seq: change.seq,
    at: change.at,
    watchId: String(alert.watchId ?? change.entityId),
    watchName: String(alert.watchName ?? ''),
    question: String(alert.question ?? ''),
    lines: (alert.lines as string[] | undefined) ?? [],
    added: (alert.added as string[] | undefined) ?? [],
    removed: (alert.removed as string[] | undefined) ?? [],
    changed: (alert.changed as string[] | undefined) ?? [],
  };
}

@ArgsType()
class WatchAlertsArgs {
  @Field(() => ID, { nullable: true, description: 'One watch; omitted: every watch.' })
  @IsOptional()
  @MaxLength(200)
  watchId?: string | null;

  @Field(() => String, { nullable: true, description: 'The last seq received: replay the alerts after it, then go live.' })
  @IsChangeSeq()
  after?: string | null;
}

@Resolver(() => Watch)
export class WatchesResolver {
  constructor(private readonly engine: WatchEngine | null) {}

  private running(): WatchEngine {
    if (!this.engine) throw badInput('watch', 'watches are not served by this process');
    return this.engine;
  }

  @Authorized(WRITER)
  @Mutation(() => Watch, { ...MUTATION_RESULT, description: 'Watches one analytics question: it is answered now, then again after every change that can touch it and once a day; each difference is an alert (watchAlerts, the change log, webhooks).' })
  async createWatch(@Arg('name') name: string, @Arg('question', () => WatchQuestionInput) question: WatchQuestionInput, @Ctx() ctx: AppContext): Promise<Watch> {
    if (name.trim().length === 0 || name.length > 200) throw badInput('name', 'must be 1-200 characters');
    const given = Object.entries(question).filter(([, value]) => value !== null && value !== undefined);
    if (given.length !== 1) throw badInput('question', `give exactly one question (got ${given.length})`);
    const [kind, args] = given[0] as [WatchQuestionName, Record<string, unknown>];
    return toWatch(await this.running().create(name.trim(), kind, { ...args }, ctx.keyName));
  }

  @Authorized(WRITER)
  @Mutation(() => DeletePayload, { ...MUTATION_RESULT, description: 'Removes a watch (its alerts stay in the change log).' })
  async removeWatch(@Arg('id', () => ID) id: string): Promise<DeletePayload> {
    await this.running().remove(id);
    return { id, deleted: true };
  }

  @Authorized(WRITER)
  @Query(() => [Watch], { description: 'The watches this key made.' })
  async watches(@Ctx() ctx: AppContext): Promise<Watch[]> {
    return (await this.running().list(ctx.keyName)).map(toWatch);
  }

  @Subscription(() => WatchAlert, {
    name: 'watchAlerts',
    description: 'Alerts of one watch (or all), in order, each once; with after, first those since that seq. Over WebSocket or SSE like changes.',
    subscribe: async ({ args, context }) => {
      const ctx = context as AppContext;
      if (!ctx.follow) throw badInput('watchAlerts', 'subscriptions are served over WebSocket (graphql-ws on /graphql) or SSE (/graphql/stream)');
      const after = args.after == null ? null : String(args.after);
      if (after !== null && !/^\d{1,15}$/.test(after)) throw badInput('after', 'must be a change seq (digits)');
      return ctx.follow(after === null ? null : Number(after), { entityTypes: ['WatchAlert'], entityId: (args.watchId as string | null) ?? null });
    },
  })
  alertStream(@Root() change: ChangeRecord, @Args() _args: WatchAlertsArgs): WatchAlert {
    return toWatchAlert(change);
  }
}
