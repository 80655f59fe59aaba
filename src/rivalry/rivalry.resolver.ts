import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { asOfKey } from '../common/as-of';
import { WRITER } from '../common/auth';
import { DateScalar, type PartialDate } from '../common/date-scalar';
import { notFound } from '../common/errors';
import { decodeCursor, toPage } from '../common/pagination';
import { DeletePayload } from '../company/company-connection.type';
import { Company } from '../company/company.type';
import { primeCompanies, type AppContext } from '../loaders';
import { Source } from '../source/source.type';
import { RivalryConnection } from './rivalry-connection.type';
import { RecordRivalryInput, RivalriesArgs, UpdateRivalryInput } from './rivalry.input';
import type { RivalryRow } from './rivalry.record';
import type { RivalryRepository } from './rivalry.repository';
import { Rivalry } from './rivalry.type';
import { COUNT_COST, listCost, pageCost } from '../common/complexity';

const AS_OF = { nullable: true, description: 'Only rivalries documented on or before this date.' };

function primeRivalries(ctx: AppContext, rows: readonly RivalryRow[]): Rivalry[] {
  primeCompanies(ctx, rows.flatMap((row) => row.companies));
  return rows.map((row) => row.rivalry as Rivalry);
}

@Resolver(() => Rivalry)
export class RivalryResolver {
  constructor(private readonly repo: RivalryRepository) {}

  @Query(() => Rivalry, { nullable: true })
  async rivalry(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<Rivalry | null> {
    const [row] = await this.repo.findByIds([id]);
    return row ? primeRivalries(ctx, [row])[0] : null;
  }

  @Query(() => RivalryConnection, { description: 'Rivalries, by market then names, optionally for one company, market or date.', complexity: pageCost })
  async rivalries(@Args() args: RivalriesArgs, @Ctx() ctx: AppContext): Promise<RivalryConnection> {
    const offset = decodeCursor(args.after);
    const filter = { companyId: args.companyId, market: args.market, asOf: args.asOf };
    const rows = await this.repo.list(filter, offset, args.first + 1);
    return { ...toPage(primeRivalries(ctx, rows), offset, args.first), filter };
  }

  @Authorized(WRITER)
  @Mutation(() => Rivalry, { description: 'Records that two companies compete in a market.' })
  async recordRivalry(@Arg('input') input: RecordRivalryInput, @Ctx() ctx: AppContext): Promise<Rivalry> {
    return primeRivalries(ctx, [await this.repo.record(input)])[0];
  }

  @Authorized(WRITER)
  @Mutation(() => Rivalry)
  async updateRivalry(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateRivalryInput, @Ctx() ctx: AppContext): Promise<Rivalry> {
    const row = await this.repo.update(id, input);
    if (!row) throw notFound('rivalry', id);
    return primeRivalries(ctx, [row])[0];
  }

  @Authorized(WRITER)
  @Mutation(() => DeletePayload)
  async removeRivalry(@Arg('id', () => ID) id: string): Promise<DeletePayload> {
    if (!(await this.repo.remove(id))) throw notFound('rivalry', id);
    return { id, deleted: true };
  }

  @FieldResolver(() => [Company], { description: 'The two competitors.' })
  async companies(@Root() rivalry: Rivalry, @Ctx() ctx: AppContext): Promise<Company[]> {
    return (await ctx.loaders.company.loadMany([...rivalry.companyIds])) as Company[];
  }

  @FieldResolver(() => [Source], { complexity: listCost })
  async sources(@Root() rivalry: Rivalry, @Ctx() ctx: AppContext): Promise<Source[]> {
    return (await ctx.loaders.source.loadMany([...rivalry.sourceIds])).filter((s): s is Source => s !== null && !(s instanceof Error));
  }
}

@Resolver(() => RivalryConnection)
export class RivalryConnectionResolver {
  constructor(private readonly repo: RivalryRepository) {}

  @FieldResolver(() => Int, { description: 'Matching rivalries across all pages (one extra query, only when selected).', complexity: COUNT_COST })
  async totalCount(@Root() connection: RivalryConnection): Promise<number> {
    return this.repo.count(connection.filter ?? {});
  }
}

/** Company fields about competition, batched per request by (company, asOf). */
@Resolver(() => Company)
export class CompanyRivalryResolver {
  @FieldResolver(() => [Company], { description: 'Companies it competes with (either side of a rivalry), by name.', complexity: listCost })
  async competitors(@Root() company: Company, @Arg('asOf', () => DateScalar, AS_OF) asOf: PartialDate | null, @Ctx() ctx: AppContext): Promise<Company[]> {
    const rows = await ctx.loaders.competitors.load(asOfKey(company.id, asOf));
    const unique = new Map(rows.map((row) => [row.other.id, row.other]));
    primeCompanies(ctx, [...unique.values()]);
    return [...unique.values()] as Company[];
  }

  @FieldResolver(() => [Rivalry], { description: 'Its rivalries, with markets and sources.', complexity: listCost })
  async rivalries(@Root() company: Company, @Arg('asOf', () => DateScalar, AS_OF) asOf: PartialDate | null, @Ctx() ctx: AppContext): Promise<Rivalry[]> {
    const rows = await ctx.loaders.competitors.load(asOfKey(company.id, asOf));
    primeCompanies(ctx, rows.map((row) => row.other));
    return rows.map((row) => row.rivalry as Rivalry);
  }
}
