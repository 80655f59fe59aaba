import { asOfParam } from '../common/as-of';
import type { PartialDate } from '../common/date-scalar';
import { disclosedTotal } from '../common/money';
import { storedDate } from '../common/date-scalar';
import type { AmountKind } from '../common/enums';
import { toCompanyRecord, type CompanyRecord } from '../company/company.record';
import { toInvestmentRow, type InvestmentRow } from '../investment/investment.record';
import type { CypherCatalog } from '../neo4j/cypher-catalog';
import type { Database, Row } from '../neo4j/database';
import { int } from '../neo4j/params';
import { toRivalryRecord, type RivalryRecord } from '../rivalry/rivalry.record';
import { explainSteps, type ExplainedStep } from './path-steps';
import type { RelationKind } from './relation-kind';

/** Row caps, enforced in Cypher with LIMIT. */
export const RESULT_LIMITS = { backers: 500, twoSided: 500, loops: 100, neighborhoodNodes: 200, neighborhoodEdges: 500 } as const;

export interface BackingRow {
  competitor: CompanyRecord;
  backer: CompanyRecord;
  investments: InvestmentRow[];
  hedges: InvestmentRow[];
  rivalries: (RivalryRecord & { memberId: string })[];
}

export interface TwoSidedRow {
  backer: CompanyRecord;
  sideA: CompanyRecord;
  sideB: CompanyRecord;
  rivalry: RivalryRecord;
  investmentsA: InvestmentRow[];
  investmentsB: InvestmentRow[];
}

export interface PathRow {
  companies: CompanyRecord[];
  steps: ExplainedStep[];
  ties: number;
}

export interface EdgeRow {
  kind: RelationKind;
  fromId: string;
  toId: string;
  relId: string | null;
  factIds: string[] | null;
  date: PartialDate | null;
  market: string | null;
  relKind: string | null;
  amounts: { amountUsd: number | null; amountKind: AmountKind | null }[];
  amountUsd: number | null;
  amountKind: AmountKind | null;
}

export interface NeighborhoodRow {
  nodes: CompanyRecord[];
  edges: EdgeRow[];
  nodesTruncated: boolean;
}

export interface ExposureFact {
  otherId: string;
  fact: { id: string; amountUsd: number | null; amountKind: AmountKind | null };
}

export interface ExposureRow {
  company: CompanyRecord;
  groupIds: string[];
  fundedBy: ExposureFact[];
  invested: ExposureFact[];
  bought: ExposureFact[];
  sold: ExposureFact[];
  /** Counterparty id -> its top-level parent (itself when not rolling up). */
  tops: Map<string, CompanyRecord>;
}

function toPathRow(row: Row): PathRow {
  const companies = (row.companies as unknown[]).map(toCompanyRecord);
  const byId = new Map(companies.map((company) => [company.id, company]));
  return { companies, steps: explainSteps(row.steps as never[], byId), ties: (row.ties as number | undefined) ?? 1 };
}

/** Runs the analytics statements in cypher/analytics/ and converts their rows to plain records. */
export class AnalyticsRepository {
  private readonly q: Record<'backers' | 'twoSided' | 'twoSidedMarket' | 'loops' | 'loopsAll' | 'connection' | 'neighborhood' | 'exposure', string>;

  constructor(
    private readonly db: Database,
    catalog: CypherCatalog,
  ) {
    this.q = {
      backers: catalog.get('analytics/backers-of-competitors'),
      twoSided: catalog.get('analytics/two-sided-backers'),
      twoSidedMarket: catalog.get('analytics/two-sided-backers-in-market'),
      loops: catalog.get('analytics/money-loops'),
      loopsAll: catalog.get('analytics/money-loops-all'),
      connection: catalog.get('analytics/connection'),
      neighborhood: catalog.get('analytics/neighborhood'),
      exposure: catalog.get('analytics/exposure'),
    };
  }

  async backersOfCompetitors(companyId: string, asOf: PartialDate | undefined, rollUp: boolean): Promise<BackingRow[]> {
    const rows = await this.db.readRows(this.q.backers, { companyId, asOf: asOfParam(asOf), rollUp, limit: int(RESULT_LIMITS.backers) });
    return rows.map((row) => ({
      competitor: toCompanyRecord(row.competitor),
      backer: toCompanyRecord(row.backer),
      investments: (row.investments as Row[]).map(toInvestmentRow),
      hedges: (row.hedges as Row[]).map(toInvestmentRow),
      rivalries: (row.rivalries as Row[]).map((r) => ({ ...toRivalryRecord(r), memberId: r.memberId as string })),
    }));
  }

  async twoSidedBackers(asOf: PartialDate | undefined, market: string | undefined, rollUp: boolean): Promise<TwoSidedRow[]> {
    const params = { asOf: asOfParam(asOf), rollUp, limit: int(RESULT_LIMITS.twoSided) };
    const rows = market ? await this.db.readRows(this.q.twoSidedMarket, { ...params, market }) : await this.db.readRows(this.q.twoSided, params);
    return rows.map((row) => ({
      backer: toCompanyRecord(row.backer),
      sideA: toCompanyRecord(row.sideA),
      sideB: toCompanyRecord(row.sideB),
      rivalry: toRivalryRecord(row.rivalry),
      investmentsA: (row.investmentsA as Row[]).map(toInvestmentRow),
      investmentsB: (row.investmentsB as Row[]).map(toInvestmentRow),
    }));
  }

  async moneyLoops(companyId: string | undefined, maxLength: number, asOf: PartialDate | undefined): Promise<PathRow[]> {
    const params = { maxLength: int(maxLength), asOf: asOfParam(asOf), limit: int(RESULT_LIMITS.loops) };
    const rows = companyId ? await this.db.readRows(this.q.loops, { ...params, companyId }) : await this.db.readRows(this.q.loopsAll, params);
    return rows.map(toPathRow);
  }

  async connection(fromId: string, toId: string, maxHops: number, kinds: RelationKind[], asOf: PartialDate | undefined): Promise<PathRow | null> {
    const [row] = await this.db.readRows(this.q.connection, { fromId, toId, maxHops: int(maxHops), kinds, asOf: asOfParam(asOf) });
    return row ? toPathRow(row) : null;
  }

  async neighborhood(companyId: string, depth: number, kinds: RelationKind[], asOf: PartialDate | undefined): Promise<NeighborhoodRow | null> {
    const [row] = await this.db.readRows(this.q.neighborhood, {
      companyId,
      depth: int(depth),
      kinds,
      asOf: asOfParam(asOf),
      maxNodes: int(RESULT_LIMITS.neighborhoodNodes),
      maxEdges: int(RESULT_LIMITS.neighborhoodEdges),
    });
    if (!row) return null;
    return {
      nodes: (row.nodes as unknown[]).map(toCompanyRecord),
      edges: (row.edges as Row[]).map((edge) => ({
        ...(edge as unknown as EdgeRow),
        date: storedDate(edge.date, edge.precision),
      })),
      nodesTruncated: row.nodesTruncated as boolean,
    };
  }

  async exposure(companyId: string, asOf: PartialDate | undefined, rollUp: boolean): Promise<ExposureRow | null> {
    const [row] = await this.db.readRows(this.q.exposure, { companyId, asOf: asOfParam(asOf), rollUp });
    if (!row) return null;
    const facts = (list: unknown) => (list as ExposureFact[]).filter((entry) => entry.otherId !== null);
    return {
      company: toCompanyRecord(row.company),
      groupIds: row.groupIds as string[],
      fundedBy: facts(row.fundedBy),
      invested: facts(row.invested),
      bought: facts(row.bought),
      sold: facts(row.sold),
      tops: new Map((row.tops as { id: string; top: unknown }[]).map((entry) => [entry.id, toCompanyRecord(entry.top)])),
    };
  }
}

/** Disclosed money of investment rows. */
export function investedTotal(rows: readonly InvestmentRow[]): number {
  return disclosedTotal(rows.map((row) => row.investment));
}
