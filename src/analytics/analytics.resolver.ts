import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { traversalCost } from '../common/complexity';
import { notFound } from '../common/errors';
import type { CompanyRecord } from '../company/company.record';
import { primeCompanies, type AppContext } from '../loaders';
import { BackersOfCompetitorsArgs, ConnectionArgs, ExposureArgs, MoneyLoopsArgs, NeighborhoodArgs, TwoSidedBackersArgs } from './analytics.args';
import type { AnalyticsRepository } from './analytics.repository';
import { partiesOf, toCompetitorBacking, toExposure, toGraphPath, toMoneyLoop, toSubgraph, toTwoSidedBacker } from './assemble';
import { CompetitorBacking } from './competitor-backing.type';
import { Exposure } from './exposure.type';
import { GraphPath, MoneyLoop } from './path-step.type';
import { ALL_RELATION_KINDS } from './relation-kind';
import { Subgraph } from './subgraph.type';
import { TwoSidedBacker } from './two-sided-backer.type';

/** The analytics queries: each runs one bounded Cypher statement; answers carry their facts and explanations. */
@Resolver()
export class AnalyticsResolver {
  constructor(private readonly repo: AnalyticsRepository) {}

  @Query(() => [CompetitorBacking], {
    complexity: traversalCost.backers,
    description: "Who backs a company's competitors: every competitor and every investor in it, with the investments, totals, hedges (backers that also invested in the company) and the rivalries behind them.",
  })
  async backersOfCompetitors(@Args() { companyId, asOf, rollUpSubsidiaries }: BackersOfCompetitorsArgs, @Ctx() ctx: AppContext): Promise<CompetitorBacking[]> {
    const target = await this.requireCompany(ctx, companyId);
    const rows = await this.repo.backersOfCompetitors(companyId, asOf, rollUpSubsidiaries);
    primeCompanies(ctx, rows.flatMap((row) => [row.competitor, row.backer, ...partiesOf(row.investments), ...partiesOf(row.hedges)]));
    return rows.map((row) => toCompetitorBacking(target, row));
  }

  @Query(() => [TwoSidedBacker], { description: 'Investors holding investments in both companies of a rivalry.', complexity: traversalCost.twoSided })
  async twoSidedBackers(@Args() { asOf, market, rollUpSubsidiaries }: TwoSidedBackersArgs, @Ctx() ctx: AppContext): Promise<TwoSidedBacker[]> {
    const rows = await this.repo.twoSidedBackers(asOf, market, rollUpSubsidiaries);
    primeCompanies(ctx, rows.flatMap((row) => [row.backer, row.sideA, row.sideB, ...partiesOf(row.investmentsA), ...partiesOf(row.investmentsB)]));
    return rows.map(toTwoSidedBacker);
  }

  @Query(() => [MoneyLoop], {
    complexity: traversalCost.loops,
    description: 'Cycles in which money flows out as investment and comes back as compute spending, further investments or a subsidiary\'s takings. Each cycle once, shortest first.',
  })
  async moneyLoops(@Args() { companyId, maxLength, asOf }: MoneyLoopsArgs, @Ctx() ctx: AppContext): Promise<MoneyLoop[]> {
    const rows = await this.repo.moneyLoops(companyId, maxLength, asOf);
    if (companyId && rows.length === 0) await this.requireCompany(ctx, companyId);
    primeCompanies(ctx, rows.flatMap((row) => row.companies));
    return rows.map(toMoneyLoop);
  }

  @Query(() => GraphPath, { nullable: true, description: 'The shortest explained path between two companies; null when none within maxHops.', complexity: traversalCost.connection })
  async connection(@Args() { fromId, toId, maxHops, kinds, asOf }: ConnectionArgs, @Ctx() ctx: AppContext): Promise<GraphPath | null> {
    const row = await this.repo.connection(fromId, toId, maxHops, kinds ?? ALL_RELATION_KINDS, asOf);
    if (!row) {
      await Promise.all([this.requireCompany(ctx, fromId), this.requireCompany(ctx, toId)]);
      return null;
    }
    primeCompanies(ctx, row.companies);
    return toGraphPath(row);
  }

  @Query(() => Subgraph, { description: 'Companies and relations around a company, ready to draw; capped, with a truncation flag.', complexity: traversalCost.neighborhood })
  async neighborhood(@Args() { companyId, depth, kinds, asOf }: NeighborhoodArgs, @Ctx() ctx: AppContext): Promise<Subgraph> {
    const row = await this.repo.neighborhood(companyId, depth, kinds ?? ALL_RELATION_KINDS, asOf);
    if (!row) throw notFound('company', companyId);
    primeCompanies(ctx, row.nodes);
    return toSubgraph(row.nodes[0], row);
  }

  @Query(() => Exposure, { description: 'Money in and out of a company, by counterparty, with concentration.', complexity: traversalCost.exposure })
  async exposure(@Args() { companyId, asOf, rollUpSubsidiaries }: ExposureArgs, @Ctx() ctx: AppContext): Promise<Exposure> {
    const row = await this.repo.exposure(companyId, asOf, rollUpSubsidiaries);
    if (!row) throw notFound('company', companyId);
    primeCompanies(ctx, [row.company, ...row.tops.values()]);
    const group = (await ctx.loaders.company.loadMany(row.groupIds)).filter((c): c is CompanyRecord => c !== null && !(c instanceof Error));
    return toExposure(row, group);
  }

  private async requireCompany(ctx: AppContext, id: string): Promise<CompanyRecord> {
    const company = await ctx.loaders.company.load(id);
    if (!company) throw notFound('company', id);
    return company;
  }
}
