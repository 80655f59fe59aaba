import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { drawnNodesCost, traversalCost } from '../graphql/complexity';
import { notFound } from '../domain/errors';
import type { CompanyRecord } from '../domain/company';
import type { AppContext } from '../graphql/context';
import { primeCompanies } from '../loaders';
import { BackersOfCompetitorsArgs, ConnectionArgs, ExposureArgs, LIMITS, MoneyLoopsArgs, NeighborhoodArgs, TwoSidedBackersArgs } from './analytics.args';
import { NEIGHBORHOOD_LIMITS, type AnalyticsRepository, type LoopPosition, type ScanPage, type TwoSidedPosition } from './analytics.repository';
import { cursorKind, decodeScanCursor, encodeScanCursor } from '../graphql/scan-cursor';
import { pageOf, type Page } from '../graphql/connection';
import { partiesOf, toCompetitorBacking, toExposure, toGraphPath, toMoneyLoop, toSubgraph, toTwoSidedBacker } from './assemble';
import { CompetitorBacking } from './competitor-backing.type';
import { Exposure } from './exposure.type';
import { GraphPath, MoneyLoopConnection } from './path-step.type';
import { ALL_RELATION_KINDS } from './relation-kind';
import { Subgraph } from './subgraph.type';
import { TwoSidedBackerConnection } from './two-sided-backer.type';
import { toScope, type FactScopeArgs } from '../graphql/lifecycle/fact-scope.args';

/** The analytics queries: each runs one bounded Cypher statement; answers carry their facts and explanations. */
@Resolver()
export class AnalyticsResolver {
  constructor(private readonly repo: AnalyticsRepository) {}

  @Query(() => [CompetitorBacking], {
    complexity: traversalCost.backers,
    description: "Who backs a company's competitors: every competitor and every investor in it, with the investments, totals, hedges (backers that also invested in the company) and the rivalries behind them.",
  })
  async backersOfCompetitors(@Args() args: BackersOfCompetitorsArgs, @Ctx() ctx: AppContext): Promise<CompetitorBacking[]> {
    const { companyId, rollUpSubsidiaries } = args;
    const target = await this.requireCompany(ctx, companyId);
    const rows = await this.repo.backersOfCompetitors(companyId, toScope(args), rollUpSubsidiaries);
    primeCompanies(ctx, rows.flatMap((row) => [row.competitor, row.backer, ...partiesOf(row.investments), ...partiesOf(row.hedges)]));
    return rows.map((row) => toCompetitorBacking(target, row));
  }

  @Query(() => TwoSidedBackerConnection, { description: 'Investors holding investments in both companies of a rivalry.', complexity: traversalCost.twoSided })
  async twoSidedBackers(@Args() args: TwoSidedBackersArgs, @Ctx() ctx: AppContext): Promise<TwoSidedBackerConnection> {
    const { market, rollUpSubsidiaries, first, after } = args;
    const kind = scanCursorKind(TWO_SIDED, args, { market, rollUpSubsidiaries });
    const page = await this.repo.twoSidedBackers(toScope(args), market, rollUpSubsidiaries, first, decodeScanCursor(kind, after, isTwoSidedPosition));
    primeCompanies(ctx, page.items.flatMap(({ row }) => [row.backer, row.sideA, row.sideB, ...partiesOf(row.investmentsA), ...partiesOf(row.investmentsB)]));
    return toConnection(kind, page, after, toTwoSidedBacker);
  }

  @Query(() => MoneyLoopConnection, {
    complexity: traversalCost.loops,
    description: 'Cycles in which money flows out as investment and comes back as compute spending, further investments or a subsidiary\'s takings. Each cycle once, shortest first.',
  })
  async moneyLoops(@Args() args: MoneyLoopsArgs, @Ctx() ctx: AppContext): Promise<MoneyLoopConnection> {
    const { companyId, maxLength, first, after } = args;
    const kind = scanCursorKind(LOOPS, args, { companyId, maxLength });
    const page = await this.repo.moneyLoops(companyId, maxLength, toScope(args), first, decodeScanCursor(kind, after, isLoopPositionUpTo(maxLength)));
    if (companyId && page.items.length === 0) await this.requireCompany(ctx, companyId);
    primeCompanies(ctx, page.items.flatMap(({ row }) => row.companies));
    return toConnection(kind, page, after, toMoneyLoop);
  }

  @Query(() => GraphPath, { nullable: true, description: 'The shortest explained path between two companies; null when none within maxHops.', complexity: traversalCost.connection })
  async connection(@Args() args: ConnectionArgs, @Ctx() ctx: AppContext): Promise<GraphPath | null> {
    const { fromId, toId, maxHops, kinds } = args;
    const row = await this.repo.connection(fromId, toId, maxHops, kinds ?? ALL_RELATION_KINDS, toScope(args));
    if (!row) {
      await Promise.all([this.requireCompany(ctx, fromId), this.requireCompany(ctx, toId)]);
      return null;
    }
    primeCompanies(ctx, row.companies);
    return toGraphPath(row);
  }

  @Query(() => Subgraph, {
    description: 'Companies and relations around a company, ready to draw, filtered by relation kind and money in the query; capped at maxNodes, saying what the caps left out.',
    complexity: (estimate: ComplexityEstimatorArgs) =>
      traversalCost.neighborhood(estimate) + drawnNodesCost(estimate.args.maxNodes, NEIGHBORHOOD_LIMITS.defaultNodes, NEIGHBORHOOD_LIMITS.most),
  })
  async neighborhood(@Args() args: NeighborhoodArgs, @Ctx() ctx: AppContext): Promise<Subgraph> {
    const { companyId, depth, kinds, minAmountUsd, maxNodes } = args;
    const row = await this.repo.neighborhood(companyId, { depth, kinds: kinds ?? ALL_RELATION_KINDS, minAmountUsd: minAmountUsd ?? null, maxNodes }, toScope(args));
    if (!row) throw notFound('company', companyId);
    primeCompanies(ctx, row.nodes);
    return toSubgraph(row.nodes[0], row);
  }

  @Query(() => Exposure, { description: 'Money in and out of a company, by counterparty, with concentration.', complexity: traversalCost.exposure })
  async exposure(@Args() args: ExposureArgs, @Ctx() ctx: AppContext): Promise<Exposure> {
    const { companyId, rollUpSubsidiaries } = args;
    const row = await this.repo.exposure(companyId, toScope(args), rollUpSubsidiaries);
    if (!row) throw notFound('company', companyId);
    primeCompanies(ctx, [row.company]);
    return toExposure(row);
  }

  private async requireCompany(ctx: AppContext, id: string): Promise<CompanyRecord> {
    const company = await ctx.loaders.company.load(id);
    if (!company) throw notFound('company', id);
    return company;
  }
}

const LOOPS = 'moneyLoops';
const TWO_SIDED = 'twoSidedBackers';

/**
 * The kind tag of a scan page's cursors: the query, and a fingerprint of every argument but the page's (first,
 * after), so a cursor is refused by another query and by the same one asked with other arguments. The scope is taken
 * as `toScope` reads it (statuses a set, includeEnded adding the ended ones), with asOf as given: a cursor of "today"
 * stays valid while it is paged.
 */
function scanCursorKind(query: string, scopeArgs: FactScopeArgs, args: Record<string, unknown>): string {
  return cursorKind([query], { ...args, scope: { ...toScope(scopeArgs), asOf: scopeArgs.asOf ?? null } });
}

const isIds = (value: unknown, max: number): value is string[] =>
  Array.isArray(value) && value.length <= max && value.every((id) => typeof id === 'string' && id.length <= 200);

/** A loop position of a page asked for loops of at most `maxLength` steps. */
function isLoopPositionUpTo(maxLength: number): (value: unknown) => value is LoopPosition {
  return (value): value is LoopPosition => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
    const { length, ids } = value as Partial<LoopPosition>;
    return Number.isInteger(length) && (length as number) >= 2 && (length as number) <= Math.min(maxLength, LIMITS.maxLoopLength) && isIds(ids, LIMITS.maxLoopLength + 1);
  };
}

/** [market, rivalry id, backer id], or [market, rivalry id, PAST] past a rivalry. */
function isTwoSidedPosition(value: unknown): value is TwoSidedPosition {
  return isIds(value, 3) && value.length === 3;
}

/** A scan page as a connection: each edge's cursor is its position; a scan stopped at its bound resumes past it. */
function toConnection<R, P, N>(kind: string, page: ScanPage<R, P>, after: string | null | undefined, toNode: (row: R) => N): Page<N> {
  const edges = page.items.map(({ row, position }) => ({ cursor: encodeScanCursor(kind, position), node: toNode(row) }));
  return pageOf(edges, page.hasMore, Boolean(after), page.resume === undefined ? undefined : encodeScanCursor(kind, page.resume));
}
