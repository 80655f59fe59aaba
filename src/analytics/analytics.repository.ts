import { scopeParams } from '../neo4j/as-of';
import type { FactScope } from '../domain/as-of';
import { emptyMoney, headlineUsd, type Money } from '../domain/money';
import { storedDate, type PartialDate } from '../domain/partial-date';
import { inScope, moneyOfFacts } from '../facts/fact-lifecycle';
import { toCompanyRecord, type CompanyRecord } from '../domain/company';
import { toFactRecord } from '../facts/fact-record';
import { INVESTMENT, type InvestmentFact } from '../facts/types/investment.fact';
import { RIVALRY, type RivalryFact } from '../facts/types/rivalry.fact';
import { MONEY_RELATION_KINDS } from '../facts/relation-kinds';
import type { CypherCatalog } from '../neo4j/cypher-catalog';
import type { Database, Row } from '../neo4j/database';
import { int } from '../neo4j/params';
import { explainSteps, type ExplainedStep } from './path-steps';
import type { RelationKind } from './relation-kind';

/** Row caps, enforced in Cypher with LIMIT; pages of two-sided backers and loops hold at most `first` of these. */
export const RESULT_LIMITS = { backers: 500, twoSided: 500, loops: 100 } as const;

/**
 * How many companies a neighbourhood draws (the centre included): `maxNodes` when asked, up to `most`, which a
 * browser still draws smoothly with WebGL. Relations are capped at `edgesPerNode` times that: a 5,000-company picture
 * holds 15,000 relations.
 */
export const NEIGHBORHOOD_LIMITS = { defaultNodes: 200, most: 5000, edgesPerNode: 3 } as const;

/** How far one page of a global answer may scan (config: the analytics scan limits). */
export interface ScanLimits {
  /** Loop starts (companies with money in and out) examined per page of moneyLoops without a company. */
  readonly loopStarts: number;
  /** Rivalries read per page of twoSidedBackers. */
  readonly rivalries: number;
}

/** Where a page of loops stops: the loop length, and the ids of the last loop given (or [start, '~'] past a start). */
export interface LoopPosition {
  readonly length: number;
  readonly ids: readonly string[];
}

/** Where a page of two-sided backers stops: [market, rivalry id, backer id] (or [market, rivalry id, '~']). */
export type TwoSidedPosition = readonly string[];

/** Sorts after every id: a position "past everything of this start / rivalry". */
export const PAST = '~';

/** A page of an answer read in its documented order: the items with their positions, and where to resume. */
export interface ScanPage<T, P> {
  readonly items: { readonly row: T; readonly position: P }[];
  /** More may follow: the page is full, or the scan stopped at its bound. */
  readonly hasMore: boolean;
  /** When the scan stopped at its bound: the position to continue from (past everything read). */
  readonly resume?: P;
}

/** Loop lengths the statements are rendered for: fewer steps out than back would find each loop twice. */
const LOOP_SPLITS: Readonly<Record<number, { forward: number; backward: number }>> = {
  2: { forward: 1, backward: 1 },
  3: { forward: 2, backward: 1 },
  4: { forward: 2, backward: 2 },
  5: { forward: 3, backward: 2 },
  6: { forward: 3, backward: 3 },
};

/** An investment with both its parties, as the analytics statements return it. */
export interface InvestmentRow {
  investment: InvestmentFact;
  investor: CompanyRecord;
  investee: CompanyRecord;
}

function toInvestmentRow(row: Row, scope: FactScope): InvestmentRow {
  return { investment: inScope(toFactRecord(INVESTMENT, row.investment), scope) as InvestmentFact, investor: toCompanyRecord(row.investor), investee: toCompanyRecord(row.investee) };
}

export interface BackingRow {
  competitor: CompanyRecord;
  backer: CompanyRecord;
  investments: InvestmentRow[];
  hedges: InvestmentRow[];
  /** The rivalries that make the competitor one, each with the target-side company in it (the target or its subsidiary). */
  rivalries: { rivalry: RivalryFact; member: CompanyRecord }[];
}

export interface TwoSidedRow {
  backer: CompanyRecord;
  sideA: CompanyRecord;
  sideB: CompanyRecord;
  rivalry: RivalryFact;
  investmentsA: InvestmentRow[];
  investmentsB: InvestmentRow[];
}

export interface PathRow {
  companies: CompanyRecord[];
  steps: ExplainedStep[];
  ties: number;
}

const compareIds = (a: readonly string[], b: readonly string[]): number => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return (a[i] as string) < (b[i] as string) ? -1 : 1;
  return a.length - b.length;
};

export interface EdgeRow {
  kind: RelationKind;
  fromId: string;
  toId: string;
  relId: string | null;
  date: PartialDate | null;
  /** The properties a per-fact relationship copies from its fact (its definition's derived properties). */
  properties: Record<string, unknown>;
  /** Money by kind of each of its facts that count as of the date (acquisitions: the one). */
  moneys: Money[];
}

export interface NeighborhoodRow {
  /** The centre first, then the companies kept, in the order the statement keeps them. */
  nodes: CompanyRecord[];
  edges: EdgeRow[];
  /** Companies found within the depth searched but left out by the node cap. */
  omittedNodes: number;
  /** Relations among the companies kept left out by the edge cap. */
  omittedEdges: number;
}

/** What a neighbourhood is asked for beyond its company and scope. */
export interface NeighborhoodRequest {
  depth: number;
  kinds: RelationKind[];
  /** Only relations with at least this headline (paid + committed) money; null: any relation. */
  minAmountUsd: number | null;
  maxNodes: number;
}

/** One money fact with a counterparty, as exposure sums them: its money by kind as of the date. */
export interface ExposureFact {
  otherId: string;
  money: Money;
}

export interface ExposureRow {
  company: CompanyRecord;
  groupIds: string[];
  fundedBy: ExposureFact[];
  invested: ExposureFact[];
  bought: ExposureFact[];
  sold: ExposureFact[];
  /** Counterparty id -> its top-level parent, for those that roll up to another company. */
  tops: Map<string, string>;
}

/** The fact-money fragment's list ([paid, committed, ceiling, contract, stake, undisclosed]) as Money. */
function toMoneyValue(list: unknown): Money {
  const [paidUsd = 0, committedUsd = 0, ceilingUsd = 0, contractValueUsd = 0, stakeValueUsd = 0, undisclosed = 0] = (list as number[] | null) ?? [];
  return { ...emptyMoney(), paidUsd, committedUsd, ceilingUsd, contractValueUsd, stakeValueUsd, undisclosedCount: undisclosed };
}

/** A section of the exposure statement (two parallel lists) as facts. */
function exposureFacts(section: unknown): ExposureFact[] {
  const { otherIds, moneys } = section as { otherIds: string[]; moneys: unknown[] };
  return otherIds.map((otherId, i) => ({ otherId, money: toMoneyValue(moneys[i]) }));
}

/** A path or loop row, or null when a step it follows has no fact that counts in the scope. */
function toPathRow(row: Row, scope: FactScope): PathRow | null {
  const companies = (row.companies as unknown[]).map(toCompanyRecord);
  const byId = new Map(companies.map((company) => [company.id, company]));
  const steps = explainSteps(row.steps as never[], byId, scope);
  return steps ? { companies, steps, ties: (row.ties as number | undefined) ?? 1 } : null;
}

/** The relation kinds a money loop's steps list: those money flows along. */
const MONEY_STEP_KINDS = MONEY_RELATION_KINDS.map((spec) => spec.kind);

/** Runs the analytics statements in cypher/analytics/ and converts their rows to plain records. */
export class AnalyticsRepository {
  private readonly q: Record<'backers' | 'twoSided' | 'twoSidedMarket' | 'connection' | 'neighborhood' | 'exposure', string>;
  /** Loop statements by length: through one company, and the bounded scan of the whole graph. */
  private readonly loops: Map<number, { through: string; scan: string }>;

  constructor(
    private readonly db: Database,
    catalog: CypherCatalog,
    private readonly scanLimits: ScanLimits,
  ) {
    this.q = {
      backers: catalog.get('analytics/backers-of-competitors'),
      twoSided: catalog.get('analytics/two-sided-backers-scan'),
      twoSidedMarket: catalog.get('analytics/two-sided-backers-in-market'),
      connection: catalog.get('analytics/connection'),
      neighborhood: catalog.get('analytics/neighborhood'),
      exposure: catalog.get('analytics/exposure'),
    };
    this.loops = new Map(
      Object.entries(LOOP_SPLITS).map(([length, split]) => [
        Number(length),
        { through: catalog.render('analytics/money-loops-through', split), scan: catalog.render('analytics/money-loops-scan', split) },
      ]),
    );
  }

  async backersOfCompetitors(companyId: string, scope: FactScope, rollUp: boolean): Promise<BackingRow[]> {
    const rows = await this.db.readRows(this.q.backers, { companyId, ...scopeParams(scope), rollUp, limit: int(RESULT_LIMITS.backers) });
    return rows.map((row) => ({
      competitor: toCompanyRecord(row.competitor),
      backer: toCompanyRecord(row.backer),
      investments: (row.investments as Row[]).map((r) => toInvestmentRow(r, scope)),
      hedges: (row.hedges as Row[]).map((r) => toInvestmentRow(r, scope)),
      rivalries: (row.rivalries as Row[]).map((r) => ({ rivalry: inScope(toFactRecord(RIVALRY, r.rivalry), scope) as RivalryFact, member: toCompanyRecord(r.member) })),
    }));
  }

  /**
   * One page of two-sided backers in (market, rivalry id, backer id) order after `after`. The page reads at most
   * the scan limit of rivalries; when it stops there with room left, `resume` continues past the last rivalry read.
   */
  async twoSidedBackers(scope: FactScope, market: string | undefined, rollUp: boolean, first: number, after: TwoSidedPosition | null): Promise<ScanPage<TwoSidedRow, TwoSidedPosition>> {
    const afterKey = after ?? [];
    const params = {
      ...scopeParams(scope),
      rollUp,
      limit: int(first + 1),
      scanLimit: int(this.scanLimits.rivalries),
      afterKey,
      // The rivalry the previous page ended in may hold more backers: the scan starts at it, not after it.
      fromMarket: afterKey[0] ?? '',
      fromRivalry: market && afterKey[0] !== market ? '' : (afterKey[1] ?? ''),
    };
    const [result] = market ? await this.db.readRows(this.q.twoSidedMarket, { ...params, market }) : await this.db.readRows(this.q.twoSided, params);
    const rows = ((result?.rows as Row[] | undefined) ?? [])
      .map((row) => ({
        position: row.key as string[],
        row: {
          backer: toCompanyRecord(row.backer),
          sideA: toCompanyRecord(row.sideA),
          sideB: toCompanyRecord(row.sideB),
          rivalry: inScope(toFactRecord(RIVALRY, row.rivalry), scope) as RivalryFact,
          investmentsA: (row.investmentsA as Row[]).map((r) => toInvestmentRow(r, scope)),
          investmentsB: (row.investmentsB as Row[]).map((r) => toInvestmentRow(r, scope)),
        },
      }))
      .sort((x, y) => compareIds(x.position, y.position));
    // Candidates come from the per-pair relationships, which pass when any of their facts may count; a backer whose
    // investments on one side all fall outside the scope (a status filter, say) is not two-sided then. The page's
    // end is still decided by the rows read, so the next page resumes after them.
    const kept = rows.filter(({ row }) => row.investmentsA.length > 0 && row.investmentsB.length > 0);
    if (rows.length > first) return { items: kept.slice(0, first), hasMore: true };
    const stoppedAtBound = (result?.scanned as number | undefined) === this.scanLimits.rivalries;
    const lastKey = result?.lastKey as string[] | null | undefined;
    return { items: kept, hasMore: stoppedAtBound, resume: stoppedAtBound && lastKey ? [...lastKey, PAST] : undefined };
  }

  /**
   * One page of money loops, shortest first, then by the ids of their companies (rotated to start at the company, or
   * at their smallest id without one), after `after`. Each length is one statement; through a company it finds every
   * loop of that length, over the whole graph it scans at most the scan limit of starts per page and, when it stops
   * there with room left, `resume` continues with the next start.
   */
  async moneyLoops(companyId: string | undefined, maxLength: number, scope: FactScope, first: number, after: LoopPosition | null): Promise<ScanPage<PathRow, LoopPosition>> {
    const items: { row: PathRow; position: LoopPosition }[] = [];
    const start = after ?? { length: 2, ids: [] };
    for (let length = start.length; length <= maxLength; length++) {
      const statements = this.loops.get(length);
      if (!statements) break;
      const limit = first + 1 - items.length;
      const params = { ...scopeParams(scope), stepKinds: MONEY_STEP_KINDS, afterIds: length === start.length ? start.ids : [], limit: int(limit) };
      let raw: Row[];
      if (companyId) {
        raw = await this.db.readRows(statements.through, { ...params, companyId, smallestFirst: false });
      } else {
        const [result] = await this.db.readRows(statements.scan, { ...params, fromStart: params.afterIds[0] ?? '', smallestFirst: true, scanLimit: int(this.scanLimits.loopStarts) });
        raw = ((result?.loops as Row[] | undefined) ?? []).sort((x, y) => compareIds(x.ids as string[], y.ids as string[]));
        const stoppedAtBound = (result?.scanned as number | undefined) === this.scanLimits.loopStarts;
        if (stoppedAtBound && raw.length < limit) {
          items.push(...paths(raw, scope, length));
          return { items, hasMore: true, resume: { length, ids: [result?.lastStart as string, PAST] } };
        }
      }
      items.push(...paths(raw, scope, length));
      if (items.length > first) return { items: items.slice(0, first), hasMore: true };
      // A loop found from the money relationships may have no step fact that counts in the scope, and is left out;
      // when the statement filled its limit the length may hold more, so the page ends here and resumes after it.
      if (raw.length >= limit) return { items, hasMore: true, resume: { length, ids: (raw[raw.length - 1] as Row).ids as string[] } };
    }
    return { items, hasMore: false };
  }

  async connection(fromId: string, toId: string, maxHops: number, kinds: RelationKind[], scope: FactScope): Promise<PathRow | null> {
    const [row] = await this.db.readRows(this.q.connection, { fromId, toId, maxHops: int(maxHops), kinds, stepKinds: kinds, ...scopeParams(scope) });
    return row ? toPathRow(row, scope) : null;
  }

  async neighborhood(companyId: string, request: NeighborhoodRequest, scope: FactScope): Promise<NeighborhoodRow | null> {
    const { depth, kinds, minAmountUsd, maxNodes } = request;
    const [row] = await this.db.readRows(this.q.neighborhood, {
      companyId,
      depth: int(depth),
      kinds,
      minAmountUsd,
      ...scopeParams(scope),
      maxNodes: int(maxNodes),
      maxEdges: int(maxNodes * NEIGHBORHOOD_LIMITS.edgesPerNode),
    });
    if (!row) return null;
    return {
      nodes: (row.nodes as unknown[]).map(toCompanyRecord),
      edges: (row.edges as Row[]).map((edge) => ({
        ...(edge as unknown as EdgeRow),
        moneys: (edge.moneys as unknown[]).map(toMoneyValue),
        date: storedDate(edge.date, edge.precision),
      })),
      omittedNodes: row.omittedNodes as number,
      omittedEdges: row.omittedEdges as number,
    };
  }

  async exposure(companyId: string, scope: FactScope, rollUp: boolean): Promise<ExposureRow | null> {
    const [row] = await this.db.readRows(this.q.exposure, { companyId, ...scopeParams(scope), rollUp });
    if (!row) return null;
    return {
      company: toCompanyRecord(row.company),
      groupIds: row.groupIds as string[],
      fundedBy: exposureFacts(row.fundedBy),
      invested: exposureFacts(row.invested),
      bought: exposureFacts(row.bought),
      sold: exposureFacts(row.sold),
      tops: new Map((row.tops as { id: string; topId: string }[]).map((entry) => [entry.id, entry.topId])),
    };
  }
}

/** Money by kind of investment rows, in the scope they were read in. */
export function investedMoney(rows: readonly InvestmentRow[]): Money {
  return moneyOfFacts(rows.map((row) => row.investment));
}

/** Headline money (paid + committed) of investment rows. */
export function investedTotal(rows: readonly InvestmentRow[]): number {
  return headlineUsd(investedMoney(rows));
}

/** Path rows of one loop length that exist in the scope, with their positions. */
function paths(rows: readonly Row[], scope: FactScope, length: number): { row: PathRow; position: LoopPosition }[] {
  return rows.flatMap((row) => {
    const path = toPathRow(row, scope);
    return path ? [{ row: path, position: { length, ids: row.ids as string[] } }] : [];
  });
}
