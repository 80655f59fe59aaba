import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { WRITER } from '../common/auth';
import { notFound } from '../common/errors';
import { decodeCursor, toPage } from '../common/pagination';
import { DeletePayload } from '../company/company-connection.type';
import { Company } from '../company/company.type';
import { primeInvestments, type AppContext } from '../loaders';
import { Source } from '../source/source.type';
import { InvestmentsArgs } from './investment.args';
import { InvestmentConnection } from './investment-connection.type';
import { RecordInvestmentInput, UpdateInvestmentInput } from './investment.input';
import type { InvestmentRepository } from './investment.repository';
import { Investment } from './investment.type';
import { COUNT_COST, listCost, pageCost } from '../common/complexity';

@Resolver(() => Investment)
export class InvestmentResolver {
  constructor(private readonly repo: InvestmentRepository) {}

  @Query(() => Investment, { nullable: true })
  async investment(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<Investment | null> {
    const row = await ctx.loaders.investment.load(id);
    return row ? (primeInvestments(ctx, [row])[0] as Investment) : null;
  }

  @Query(() => InvestmentConnection, { description: 'Investments, filtered, sorted (newest first by default) and paged.', complexity: pageCost })
  async investments(@Args() args: InvestmentsArgs, @Ctx() ctx: AppContext): Promise<InvestmentConnection> {
    const offset = decodeCursor(args.after);
    const rows = await this.repo.list(args.filter, args.sort, offset, args.first + 1);
    return { ...toPage(primeInvestments(ctx, rows) as Investment[], offset, args.first), filter: args.filter };
  }

  @Authorized(WRITER)
  @Mutation(() => Investment, { description: 'Records one investment (one tranche). Same id again: overwritten, never duplicated.' })
  async recordInvestment(@Arg('input') input: RecordInvestmentInput, @Ctx() ctx: AppContext): Promise<Investment> {
    return primeInvestments(ctx, [await this.repo.record(input)])[0] as Investment;
  }

  @Authorized(WRITER)
  @Mutation(() => Investment)
  async updateInvestment(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateInvestmentInput, @Ctx() ctx: AppContext): Promise<Investment> {
    const row = await this.repo.update(id, input);
    if (!row) throw notFound('investment', id);
    return primeInvestments(ctx, [row])[0] as Investment;
  }

  @Authorized(WRITER)
  @Mutation(() => DeletePayload)
  async removeInvestment(@Arg('id', () => ID) id: string): Promise<DeletePayload> {
    if (!(await this.repo.remove(id))) throw notFound('investment', id);
    return { id, deleted: true };
  }

  @FieldResolver(() => Company)
  async investor(@Root() investment: Investment, @Ctx() ctx: AppContext): Promise<Company> {
    return (await ctx.loaders.company.load(investment.investorId)) as Company;
  }

  @FieldResolver(() => Company)
  async investee(@Root() investment: Investment, @Ctx() ctx: AppContext): Promise<Company> {
    return (await ctx.loaders.company.load(investment.investeeId)) as Company;
  }

  @FieldResolver(() => [Source], { description: 'Publications that report this investment.', complexity: listCost })
  async sources(@Root() investment: Investment, @Ctx() ctx: AppContext): Promise<Source[]> {
    return (await ctx.loaders.source.loadMany([...investment.sourceIds])).filter((s): s is Source => s !== null && !(s instanceof Error));
  }
}

@Resolver(() => InvestmentConnection)
export class InvestmentConnectionResolver {
  constructor(private readonly repo: InvestmentRepository) {}

  @FieldResolver(() => Int, { description: 'Matching investments across all pages (one extra query, only when selected).', complexity: COUNT_COST })
  async totalCount(@Root() connection: InvestmentConnection): Promise<number> {
    return this.repo.count(connection.filter);
  }
}
