import * as documents from './documents';
import { sourceBatches, sourceBatchVariables } from './source-batch';
import type { TotalsFactType } from './totals-catalogue';
import { totalsDocument } from './totals-documents';
import type {
  AcquisitionFact,
  Change,
  CompanyDetails,
  CompetitorBacking,
  ComputeDealFact,
  Exposure,
  GraphPath,
  InvestmentFact,
  Money,
  MoneyLoop,
  RelationKind,
  RelationKindInfo,
  RivalryFact,
  SearchHit,
  SourceLink,
  Subgraph,
  SubsidiaryLinkFact,
  TotalsGroup,
  TotalsPage,
  TwoSidedBacker,
} from './types';

/** An answer with errors: the API's message and its `extensions.code` (NOT_FOUND, BAD_USER_INPUT, ...). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Where the page sends its queries: the same origin's public endpoint (reads need no key). */
export const GRAPHQL_ENDPOINT = '/graphql';

/** POSTs one operation; throws ApiError on any GraphQL error, so callers never draw half an answer. */
export async function graphql<T>(query: string, variables: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
  const response = await fetch(GRAPHQL_ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  let answer: GraphQLAnswer<T>;
  try {
    answer = (await response.json()) as GraphQLAnswer<T>;
  } catch {
    throw new ApiError(`The server answered ${response.status} without JSON`, 'BAD_RESPONSE');
  }
  const first = answer.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code ?? 'UNKNOWN');
  if (!answer.data) throw new ApiError(`The server answered ${response.status} without data`, 'BAD_RESPONSE');
  return answer.data;
}

/** asOf as the API takes it: null means today. */
type AsOf = string | null;

/** What the API filters a neighbourhood by: kinds (null: every one), the least headline money (null: none asked), the cap. */
export interface PictureFilters {
  kinds: readonly string[] | null;
  minAmountUsd: number | null;
  maxNodes: number;
}

/** The API's defaults: every kind, any relation, 200 companies. */
export const NO_FILTERS: PictureFilters = Object.freeze({ kinds: null, minAmountUsd: null, maxNodes: 200 });

export const api = {
  async relationKinds(): Promise<RelationKindInfo[]> {
    return (await graphql<{ relationKinds: RelationKindInfo[] }>(documents.RELATION_KINDS, {})).relationKinds;
  },
  /** The relations of one kind between two companies, each explained in a sentence (the facts of those that hold). */
  async relationBetween(from: string, to: string, kind: RelationKind, asOf: AsOf): Promise<{ kind: RelationKind; forward: boolean; description: string; money: Money }[]> {
    type Answer = { connection: { steps: { relations: { kind: RelationKind; forward: boolean; description: string; money: Money }[] }[] } | null };
    const { connection } = await graphql<Answer>(documents.RELATION_BETWEEN, { fromId: from, toId: to, kinds: [kind], asOf });
    return (connection?.steps[0]?.relations ?? []).filter((relation) => relation.kind === kind);
  },
  async searchCompanies(text: string, first = 8): Promise<SearchHit[]> {
    return (await graphql<{ searchCompanies: SearchHit[] }>(documents.SEARCH_COMPANIES, { text, first })).searchCompanies;
  },
  /** The companies and relations around one, filtered and capped by the API (see PictureFilters). */
  async neighborhood(companyId: string, depth: number, asOf: AsOf, filters: PictureFilters = NO_FILTERS): Promise<Subgraph> {
    const { kinds, minAmountUsd, maxNodes } = filters;
    return (await graphql<{ neighborhood: Subgraph }>(documents.NEIGHBORHOOD, { companyId, depth, asOf, kinds, minAmountUsd, maxNodes })).neighborhood;
  },
  async company(id: string, asOf: AsOf): Promise<CompanyDetails | null> {
    return (await graphql<{ company: CompanyDetails | null }>(documents.COMPANY_DETAILS, { id, asOf })).company;
  },
  async investmentsBetween(from: string, to: string, asOf: AsOf): Promise<{ facts: InvestmentFact[]; more: boolean }> {
    const { investments } = await graphql<{ investments: { nodes: InvestmentFact[]; pageInfo: { hasNextPage: boolean } } }>(documents.EDGE_INVESTMENTS, { from, to, asOf });
    return { facts: investments.nodes, more: investments.pageInfo.hasNextPage };
  },
  async computeDealsBetween(from: string, to: string, asOf: AsOf): Promise<{ facts: ComputeDealFact[]; more: boolean }> {
    const { computeDeals } = await graphql<{ computeDeals: { nodes: ComputeDealFact[]; pageInfo: { hasNextPage: boolean } } }>(documents.EDGE_COMPUTE_DEALS, { from, to, asOf });
    return { facts: computeDeals.nodes, more: computeDeals.pageInfo.hasNextPage };
  },
  async rivalry(id: string, asOf: AsOf): Promise<RivalryFact | null> {
    return (await graphql<{ rivalry: RivalryFact | null }>(documents.EDGE_RIVALRY, { id, asOf })).rivalry;
  },
  async subsidiaryLink(id: string, asOf: AsOf): Promise<SubsidiaryLinkFact | null> {
    return (await graphql<{ subsidiaryLink: SubsidiaryLinkFact | null }>(documents.EDGE_SUBSIDIARY_LINK, { id, asOf })).subsidiaryLink;
  },
  async acquisition(id: string, asOf: AsOf): Promise<AcquisitionFact | null> {
    return (await graphql<{ acquisition: AcquisitionFact | null }>(documents.EDGE_ACQUISITION, { id, asOf })).acquisition;
  },
  async backersOfCompetitors(companyId: string, asOf: AsOf): Promise<CompetitorBacking[]> {
    return (await graphql<{ backersOfCompetitors: CompetitorBacking[] }>(documents.BACKERS_OF_COMPETITORS, { companyId, asOf })).backersOfCompetitors;
  },
  async twoSidedBackers(asOf: AsOf): Promise<TwoSidedBacker[]> {
    return (await graphql<{ twoSidedBackers: { nodes: TwoSidedBacker[] } }>(documents.TWO_SIDED_BACKERS, { asOf })).twoSidedBackers.nodes;
  },
  async moneyLoops(companyId: string, asOf: AsOf): Promise<MoneyLoop[]> {
    return (await graphql<{ moneyLoops: { nodes: MoneyLoop[] } }>(documents.MONEY_LOOPS, { companyId, asOf })).moneyLoops.nodes;
  },
  async connection(fromId: string, toId: string, asOf: AsOf): Promise<GraphPath | null> {
    return (await graphql<{ connection: GraphPath | null }>(documents.CONNECTION, { fromId, toId, asOf })).connection;
  },
  async exposure(companyId: string, asOf: AsOf): Promise<Exposure> {
    return (await graphql<{ exposure: Exposure }>(documents.EXPOSURE, { companyId, asOf })).exposure;
  },
  /** A page of the changes since a day (YYYY-MM-DD, midnight UTC), newest first; `before`: older than that seq. */
  async changes(since: string, before: number | null, first: number): Promise<{ changes: Change[]; more: boolean }> {
    type Answer = { changes: { nodes: Change[]; pageInfo: { hasNextPage: boolean } } };
    const { changes } = await graphql<Answer>(documents.CHANGES, { since, after: before === null ? null : String(before), first });
    return { changes: changes.nodes, more: changes.pageInfo.hasNextPage };
  },
  /** The log's last seq (0 when it is empty). */
  async changeHead(): Promise<number> {
    return (await graphql<{ changes: { nodes: { seq: number }[] } }>(documents.CHANGE_HEAD, {})).changes.nodes[0]?.seq ?? 0;
  },
  /** One page of a fact type's totals (`investmentTotals`...): groups in the requested order, and where the next starts. */
  async totals(
    type: TotalsFactType,
    request: { groupBy: string[]; filter: Record<string, unknown>; sort: { field: string; direction: 'ASC' | 'DESC' }; first: number; after?: string | null; asOf: AsOf },
  ): Promise<TotalsPage> {
    type Answer = { totals: { nodes: TotalsGroup[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    const { totals } = await graphql<Answer>(totalsDocument(type), { ...request, after: request.after ?? null });
    return { groups: totals.nodes, endCursor: totals.pageInfo.endCursor, more: totals.pageInfo.hasNextPage };
  },
  /** Sources by id, SOURCE_BATCH_SIZE per request; an id the API does not know maps to null. */
  async sourcesById(ids: readonly string[]): Promise<Map<string, SourceLink | null>> {
    const found = new Map<string, SourceLink | null>();
    for (const batch of sourceBatches(ids)) {
      const answer = await graphql<Record<string, SourceLink | null>>(documents.SOURCES_BY_ID, sourceBatchVariables(batch));
      batch.forEach((id, i) => found.set(id, answer[`s${i}`] ?? null));
    }
    return found;
  },
};

export type Api = typeof api;
