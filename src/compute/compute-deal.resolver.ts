import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { asOfKey } from '../common/as-of';
import { WRITER } from '../common/auth';
import { DateScalar, type PartialDate } from '../common/date-scalar';
import { notFound } from '../common/errors';
import { decodeCursor, toPage } from '../common/pagination';
import { DeletePayload } from '../company/company-connection.type';
import { Company } from '../company/company.type';
import { Investment } from '../investment/investment.type';
import { primeDeals, primeInvestments, type AppContext } from '../loaders';
import { Source } from '../source/source.type';
import { ComputeDealsArgs } from './compute-deal.args';
import { ComputeDealConnection } from './compute-deal-connection.type';
import { RecordComputeDealInput, UpdateComputeDealInput } from './compute-deal.input';
import type { ComputeDealRepository } from './compute-deal.repository';
import { ComputeDeal } from './compute-deal.type';
import { COUNT_COST, listCost, pageCost } from '../common/complexity';

const AS_OF = { nullable: true, description: 'Only deals announced on or before this date (end of the period for YYYY-MM / YYYY).' };

@Resolver(() => ComputeDeal)
export class ComputeDealResolver {
  constructor(private readonly repo: ComputeDealRepository) {}

  @Query(() => ComputeDeal, { nullable: true })
  async computeDeal(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<ComputeDeal | null> {
    const row = await ctx.loaders.computeDeal.load(id);
    return row ? (primeDeals(ctx, [row])[0] as ComputeDeal) : null;
  }

  @Query(() => ComputeDealConnection, { description: 'Compute deals, filtered, sorted (newest first by default) and paged.', complexity: pageCost })
  async computeDeals(@Args() args: ComputeDealsArgs, @Ctx() ctx: AppContext): Promise<ComputeDealConnection> {
    const offset = decodeCursor(args.after);
    const rows = await this.repo.list(args.filter, args.sort, offset, args.first + 1);
    return { ...toPage(primeDeals(ctx, rows) as ComputeDeal[], offset, args.first), filter: args.filter };
  }

  @Authorized(WRITER)
  @Mutation(() => ComputeDeal, { description: 'Records a compute deal. Same id again: overwritten, never duplicated.' })
  async recordComputeDeal(@Arg('input') input: RecordComputeDealInput, @Ctx() ctx: AppContext): Promise<ComputeDeal> {
    return primeDeals(ctx, [await this.repo.record(input)])[0] as ComputeDeal;
  }

  @Authorized(WRITER)
  @Mutation(() => ComputeDeal)
  async updateComputeDeal(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateComputeDealInput, @Ctx() ctx: AppContext): Promise<ComputeDeal> {
    const row = await this.repo.update(id, input);
    if (!row) throw notFound('compute deal', id);
    return primeDeals(ctx, [row])[0] as ComputeDeal;
  }

  @Authorized(WRITER)
  @Mutation(() => DeletePayload)
  async removeComputeDeal(@Arg('id', () => ID) id: string): Promise<DeletePayload> {
    if (!(await this.repo.remove(id))) throw notFound('compute deal', id);
    return { id, deleted: true };
  }

  @FieldResolver(() => Company)
  async provider(@Root() deal: ComputeDeal, @Ctx() ctx: AppContext): Promise<Company> {
    return (await ctx.loaders.company.load(deal.providerId)) as Company;
  }

  @FieldResolver(() => Company)
  async customer(@Root() deal: ComputeDeal, @Ctx() ctx: AppContext): Promise<Company> {
    return (await ctx.loaders.company.load(deal.customerId)) as Company;
  }

  @FieldResolver(() => Investment, { nullable: true, description: 'The investment this deal came with, if any.' })
  async relatedInvestment(@Root() deal: ComputeDeal, @Ctx() ctx: AppContext): Promise<Investment | null> {
    if (!deal.relatedInvestmentId) return null;
    const row = await ctx.loaders.investment.load(deal.relatedInvestmentId);
    return row ? (primeInvestments(ctx, [row])[0] as Investment) : null;
  }

  @FieldResolver(() => [Source], { complexity: listCost })
  async sources(@Root() deal: ComputeDeal, @Ctx() ctx: AppContext): Promise<Source[]> {
    return (await ctx.loaders.source.loadMany([...deal.sourceIds])).filter((s): s is Source => s !== null && !(s instanceof Error));
  }
}

@Resolver(() => ComputeDealConnection)
export class ComputeDealConnectionResolver {
  constructor(private readonly repo: ComputeDealRepository) {}

  @FieldResolver(() => Int, { description: 'Matching deals across all pages (one extra query, only when selected).', complexity: COUNT_COST })
  async totalCount(@Root() connection: ComputeDealConnection): Promise<number> {
    return this.repo.count(connection.filter);
  }
}

/** Company fields about compute bought and sold, batched per request by (company, asOf). */
@Resolver(() => Company)
export class CompanyComputeResolver {
  @FieldResolver(() => [ComputeDeal], { description: 'Compute this company buys, oldest first.', complexity: listCost })
  async computeDealsAsCustomer(@Root() company: Company, @Arg('asOf', () => DateScalar, AS_OF) asOf: PartialDate | null, @Ctx() ctx: AppContext): Promise<ComputeDeal[]> {
    return primeDeals(ctx, await ctx.loaders.dealsAsCustomer.load(asOfKey(company.id, asOf))) as ComputeDeal[];
  }

  @FieldResolver(() => [ComputeDeal], { description: 'Compute this company supplies, oldest first.', complexity: listCost })
  async computeDealsAsProvider(@Root() company: Company, @Arg('asOf', () => DateScalar, AS_OF) asOf: PartialDate | null, @Ctx() ctx: AppContext): Promise<ComputeDeal[]> {
    return primeDeals(ctx, await ctx.loaders.dealsAsProvider.load(asOfKey(company.id, asOf))) as ComputeDeal[];
  }
}
