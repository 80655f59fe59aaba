/**
 * The benchmark's "nested list" query (20 AI labs, by id, with investments received, their investors, and
 * competitors) in our API's dialect and in `@neo4j/graphql` 7's, plus extractors that turn either answer into one
 * comparable shape, so the benchmark can check that both servers returned the same data before timing them.
 *
 * Both documents sort by id ascending: our default sort is by name (ties broken by id), and an explicit id sort is
 * the one both servers order identically (Neo4j string order, no case folding).
 *
 * Ours asks for every fact ever known (`asOf` far ahead, imprecise dates known from their start): by default a
 * company's fact lists hold what is known today, and the generator dates facts up to 2026, so a fact dated only to a
 * year that has not passed is not known yet; the peer has no such rule and lists every fact stored.
 */

/** A date after every fact the generator or the seed dates. */
const EVERY_FACT_KNOWN_ON = '2100-01-01';

/** For our server (schema/schema.graphql): Relay connection, `filter.kinds`, `sort: { field, direction }`. */
export const OURS_NESTED = `{
  companies(first: 20, filter: { kinds: [AI_LAB] }, sort: { field: ID, direction: ASC }) {
    edges {
      node {
        id
        name
        investmentsReceived(asOf: "${EVERY_FACT_KNOWN_ON}", includeImprecise: true) { id amountUsd announcedOn investor { id name } }
        competitors(asOf: "${EVERY_FACT_KNOWN_ON}") { id name }
      }
    }
  }
}`;

/**
 * For `@neo4j/graphql` 7 over scripts/bench/peer-type-defs.ts: plain list, `where` with `eq`, `sort` list, `limit`.
 * `competitors` follows COMPETES_WITH in both directions (queryDirection UNDIRECTED) and 7.6 collects the related
 * nodes `WITH DISTINCT`, so a pair rivalling in two markets is listed once, as ours does (checked with a second
 * relationship between two companies). The extractors deduplicate anyway, so a library that listed it per
 * relationship would not count as a mismatch. Order inside the lists differs (ours: investments oldest first,
 * competitors by name; the peer: store order), hence the sorting below.
 */
export const PEER_NESTED = `{
  companies(where: { kind: { eq: AI_LAB } }, sort: [{ id: ASC }], limit: 20) {
    id
    name
    investmentsReceived { id amountUsd announcedOn investor { id name } }
    competitors { id name }
  }
}`;

/** One investment as both servers can be compared on it. `announcedOn` is the first day of the period. */
export interface NestedInvestment {
  readonly id: string;
  readonly investorId: string | null;
  readonly amountUsd: number | null;
  readonly announcedOn: string;
}

/** One company of the answer: ids sorted, competitors deduplicated. */
export interface NestedCompany {
  readonly id: string;
  readonly name: string;
  readonly investmentIds: readonly string[];
  readonly investorIds: readonly string[];
  readonly competitorIds: readonly string[];
  /** Sorted by id. */
  readonly investments: readonly NestedInvestment[];
}

/** A whole answer: the company ids in the order the server returned them, and the companies sorted by id. */
export interface NestedAnswer {
  readonly companyIds: readonly string[];
  readonly companies: readonly NestedCompany[];
}

/** One company as both documents select it (our connection's `node`, the peer's list item). */
interface RawNestedCompany {
  readonly id: string;
  readonly name: string;
  readonly investmentsReceived: readonly { id: string; amountUsd: number | null; announcedOn: string; investor: { id: string } | null }[];
  readonly competitors: readonly { id: string }[];
}

/** The `data` of a GraphQL response body; throws with the errors when the server answered with any. */
function dataOf(body: unknown): Record<string, unknown> {
  const response = body as { data?: Record<string, unknown> | null; errors?: unknown[] };
  if (response.errors && response.errors.length > 0) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors).slice(0, 500)}`);
  if (!response.data) throw new Error('response has no data');
  return response.data;
}

/** Our API renders dates at their precision (2023, 2023-02, 2023-02-27); the library renders the stored day. */
function firstDay(date: string): string {
  if (/^\d{4}$/.test(date)) return `${date}-01-01`;
  if (/^\d{4}-\d{2}$/.test(date)) return `${date}-01`;
  return date;
}

const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort();

/** Normalises companies in the selected shape, in the order a server returned them. */
function answerOf(companies: readonly RawNestedCompany[]): NestedAnswer {
  const normalised = companies.map(
    (c): NestedCompany => ({
      id: c.id,
      name: c.name,
      investmentIds: sorted(c.investmentsReceived.map((i) => i.id)),
      investorIds: sorted(c.investmentsReceived.flatMap((i) => (i.investor ? [i.investor.id] : []))),
      competitorIds: sorted(c.competitors.map((o) => o.id)),
      investments: c.investmentsReceived
        .map((i) => ({ id: i.id, investorId: i.investor?.id ?? null, amountUsd: i.amountUsd ?? null, announcedOn: firstDay(i.announcedOn) }))
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    }),
  );
  return { companyIds: companies.map((c) => c.id), companies: normalised.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) };
}

/** Our server's response body to OURS_NESTED, normalised. */
export function extractOurs(body: unknown): NestedAnswer {
  const companies = dataOf(body).companies as { edges: { node: RawNestedCompany }[] };
  return answerOf(companies.edges.map((edge) => edge.node));
}

/** The peer's response body to PEER_NESTED, normalised. */
export function extractPeer(body: unknown): NestedAnswer {
  return answerOf(dataOf(body).companies as RawNestedCompany[]);
}

/** Where two normalised answers differ, one line each; empty when they are the same. */
export function differences(ours: NestedAnswer, peer: NestedAnswer): string[] {
  const lines: string[] = [];
  if (JSON.stringify(ours.companyIds) !== JSON.stringify(peer.companyIds)) {
    lines.push(`companies: ours [${ours.companyIds.join(', ')}], peer [${peer.companyIds.join(', ')}]`);
  }
  const peerById = new Map(peer.companies.map((c) => [c.id, c]));
  for (const company of ours.companies) {
    const other = peerById.get(company.id);
    if (!other) continue;
    for (const key of ['name', 'investmentIds', 'investorIds', 'competitorIds', 'investments'] as const) {
      const a = JSON.stringify(company[key]);
      const b = JSON.stringify(other[key]);
      if (a !== b) lines.push(`${company.id}.${key}: ours ${a.slice(0, 300)}, peer ${b.slice(0, 300)}`);
    }
  }
  return lines;
}
