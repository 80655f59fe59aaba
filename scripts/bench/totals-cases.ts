/**
 * The benchmark's totals table (issue 22's targets): what analysts ask of `*Totals` and of `companies` sorted by an
 * aggregate, timed on our server; where `@neo4j/graphql` 7 can state the same total with the same meaning, also on
 * the peer over the same database and as one hand-written Cypher statement on the raw driver, after checking that
 * all three give the same figures.
 *
 * The same meaning: the peer counts stored nodes, every fact whatever its status or date. Ours is asked for every fact
 * too (`asOf` far ahead, `includeEnded`, `includeImprecise`), so the counts must agree; all three sides are asked for
 * the count only. Money does not mean the same (ours is money as it stood on the date: a lapsed option holds none, a
 * ceiling is not paid; the peer's would be a sum of `amountUsd`), so no side is asked for it there; the anchored and
 * whole-graph rows ask ours for money.
 */
export interface TotalsCase {
  readonly name: string;
  /** The target this case is held to, in words. */
  readonly target: string;
  readonly targetMs?: number;
  readonly ours: string;
  readonly peer?: string;
  /** One hand-written statement answering the same count: `count` (and `sum` of amountUsd). */
  readonly cypher?: { readonly text: string; readonly params: Record<string, unknown> };
}

/** Far enough ahead that every generated fact is known and none is cut by the date. */
const EVERYTHING = 'asOf: "2100-01-01", includeEnded: true, includeImprecise: true';
/** Within one year, so ours answers one YEAR group holding the whole range. */
const RANGE = { from: '2021-01-01', to: '2021-06-30' };

export function totalsCases(busiestInvestorId: string): TotalsCase[] {
  const investor = JSON.stringify(busiestInvestorId);
  return [
    {
      name: `count of one company's investments (${busiestInvestorId}, the busiest investor)`,
      target: 'peer/ours >= 1, ours/raw <= 1.25',
      ours: `{ investmentTotals(groupBy: [INVESTOR], filter: {investorId: ${investor}}, ${EVERYTHING}) { nodes { count } } }`,
      peer: `{ investmentsConnection(where: {investor: {id: {eq: ${investor}}}}) { aggregate { count { nodes } } } }`,
      cypher: { text: 'MATCH (:Company {id: $id})-[:MADE]->(i:Investment) RETURN count(i) AS count', params: { id: busiestInvestorId } },
    },
    {
      name: `count of the investments announced ${RANGE.from}..${RANGE.to}, every status and amount kind`,
      target: 'peer/ours >= 1, ours/raw <= 1.25',
      ours: `{ investmentTotals(groupBy: [YEAR], filter: {from: "${RANGE.from}", to: "${RANGE.to}"}, ${EVERYTHING}) { nodes { count } } }`,
      peer: `{ investmentsConnection(where: {AND: [{announcedOn: {gte: "${RANGE.from}"}}, {announcedOn: {lte: "${RANGE.to}"}}]}) { aggregate { count { nodes } } } }`,
      cypher: { text: 'MATCH (i:Investment) WHERE date($from) <= i.announcedOn <= date($to) RETURN count(i) AS count', params: RANGE },
    },
    {
      name: `company-anchored: ${busiestInvestorId}'s investments by year (today's scope)`,
      target: 'p50 <= 30 ms',
      targetMs: 30,
      ours: `{ investmentTotals(groupBy: [YEAR], filter: {investorId: ${investor}}, sort: {field: YEAR, direction: ASC}, first: 100) { nodes { key { year } count money { headlineUsd } } } }`,
    },
    {
      name: 'whole graph: top 20 investors by headline (today\'s scope)',
      target: 'p50 <= 1000 ms',
      targetMs: 1000,
      ours: '{ investmentTotals(groupBy: [INVESTOR], sort: {field: HEADLINE, direction: DESC}, first: 20) { nodes { key { investor { id } } count money { headlineUsd } } } }',
    },
    {
      name: 'companies sorted by RAISED_HEADLINE, first page of 20',
      target: 'p50 <= 200 ms',
      targetMs: 200,
      ours: '{ companies(first: 20, sort: {field: RAISED_HEADLINE, direction: DESC}) { nodes { id } } }',
    },
  ];
}

/** The count (and the money or sum) an answer gives, from ours, the peer or a raw row. */
export function countOf(body: unknown): { count: number; money: number } {
  const data = (body as { data?: Record<string, any> }).data ?? (body as Record<string, any>);
  if (data.investmentTotals) {
    const nodes = data.investmentTotals.nodes as { count: number; money?: Record<string, number> }[];
    return { count: nodes.reduce((n, g) => n + g.count, 0), money: nodes.reduce((n, g) => n + Object.values(g.money ?? {}).reduce((a, b) => a + (b ?? 0), 0), 0) };
  }
  if (data.investmentsConnection) return { count: data.investmentsConnection.aggregate.count.nodes, money: data.investmentsConnection.aggregate.node?.amountUsd.sum ?? 0 };
  return { count: Number(data.count), money: Number(data.sum ?? 0) };
}
