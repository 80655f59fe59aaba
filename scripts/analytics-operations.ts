/**
 * Every analytics query (the Query fields of src/analytics/analytics.resolver.ts), declared once with the requests
 * that exercise it. The tests, the benchmark and the load test iterate over this list instead of keeping their own:
 *
 * - `seed`: requests on the seed data. test/integration/performance/plans-and-db-hits.test.ts profiles each one (its
 *   name is its key in plans-and-db-hits.json, `startsAt` the index its statements must start from); the load test
 *   (scripts/load-test.ts) sends the first of each operation in its read mix.
 * - `generated`: requests on a synthetic graph, one row each in the benchmark's growth table (scripts/bench.ts).
 * - `refused`: arguments out of range, each refused with BAD_USER_INPUT naming the argument before any database work
 *   (test/integration/analytics/argument-limits.test.ts); `unknownCompany`: NOT_FOUND naming the company.
 * - `hostile`: one request with a variable for each argument a client controls, filled with hostile values by
 *   test/integration/hardening/hostile-input.test.ts.
 *
 * The totals query of each fact type (`investmentTotals`...) is declared from its definition (totalsOperation), so a
 * new fact type is covered with no edit here.
 *
 * test/unit/analytics/analytics-operations.test.ts fails when an analytics query is missing here, or when a request
 * no longer validates against the schema. It imports only the fact definitions (no I/O), so scripts and tests alike
 * can load it.
 */

import type { FactDefinition } from '../src/facts/fact-definition';
import { amountField } from '../src/facts/fact-lifecycle';
import { totalsDimensions, totalsFilters, type TotalsDimension } from '../src/facts/fact-totals';
import { FACTS } from '../src/facts/registry';

/** What a request on a generated graph asks about: the anchor kit (the same companies at every scale) and the busiest investor. */
export interface GeneratedGraph {
  /** The anchor lab: rivals, backers, a money loop (ANCHOR_LAB_ID of src/synthetic/generate-dataset.ts). */
  readonly anchorId: string;
  /** A lab a few hops from the anchor (ANCHOR_FAR_ID). */
  readonly farId: string;
  /** The anchor's market (ANCHOR.market). */
  readonly market: string;
  /** The investor with the most investees at this scale: its answers grow with its degree, not with the graph. */
  readonly busiestInvestorId: string;
}

/** A request on the seed data. */
export interface SeedRequest {
  /** Unique over every operation: the plan guard's record key and the load test's label. */
  readonly name: string;
  readonly query: string;
  /** The index its statements start from, e.g. `Company(id)` (a seek or an ordered index read, never a scan). */
  readonly startsAt: RegExp;
}

/** A request on a generated graph: one row of the benchmark's growth table. */
export interface GeneratedRequest {
  readonly name: string;
  /** Starts from one company, so it must grow at most the growth target from the smallest scale to the largest. */
  readonly fromCompany: boolean;
  readonly query: (graph: GeneratedGraph) => string;
}

/** A variable of a hostile request: a string (ids, markets) or an integer (limits). */
export type HostileKind = 'string' | 'int';

export interface AnalyticsOperation {
  /** The Query field. */
  readonly field: string;
  readonly seed: readonly [SeedRequest, ...SeedRequest[]];
  readonly generated: readonly [GeneratedRequest, ...GeneratedRequest[]];
  /** [request, what the BAD_USER_INPUT message names]. */
  readonly refused: readonly (readonly [query: string, names: string])[];
  /** The request for a company that does not exist (operations that start from a company). */
  readonly unknownCompany?: string;
  readonly hostile: { readonly query: string; readonly variables: Readonly<Record<string, HostileKind>> };
}

const AT_COMPANY = /Company\(id\)/;
const IN_MARKET = /COMPETES_WITH\(market\)/;

const TRAVERSAL_OPERATIONS: readonly AnalyticsOperation[] = [
  {
    field: 'backersOfCompetitors',
    seed: [
      {
        name: 'backersOfCompetitors',
        query: '{ backersOfCompetitors(companyId: "anthropic") { competitor { id } backer { id } throughSubsidiaries { id } investments { id } totalUsd alsoBacksTarget explanation } }',
        startsAt: AT_COMPANY,
      },
      { name: 'backersOfCompetitorsNoRollUp', query: '{ backersOfCompetitors(companyId: "anthropic", rollUpSubsidiaries: false) { competitor { id } backer { id } totalUsd } }', startsAt: AT_COMPANY },
      { name: 'backersOfCompetitorsAsOf', query: '{ backersOfCompetitors(companyId: "anthropic", asOf: "2024-03-31") { competitor { id } backer { id } totalUsd } }', startsAt: AT_COMPANY },
    ],
    generated: [
      {
        name: 'backersOfCompetitors',
        fromCompany: true,
        query: (g) => `{ backersOfCompetitors(companyId: "${g.anchorId}") { competitor { id } backer { id } totalUsd alsoBacksTarget explanation } }`,
      },
    ],
    refused: [['{ backersOfCompetitors(companyId: "anthropic", asOf: "2024-02-30") { totalUsd } }', 'Date']],
    unknownCompany: '{ backersOfCompetitors(companyId: "nobody") { totalUsd } }',
    hostile: { query: 'query ($id: ID!) { backersOfCompetitors(companyId: $id) { totalUsd } }', variables: { id: 'string' } },
  },
  {
    field: 'connection',
    seed: [{ name: 'connection', query: '{ connection(fromId: "mistral", toId: "microsoft") { length steps { description } } }', startsAt: AT_COMPANY }],
    generated: [{ name: 'connection', fromCompany: true, query: (g) => `{ connection(fromId: "${g.anchorId}", toId: "${g.farId}") { length steps { kind description } } }` }],
    refused: [
      ['{ connection(fromId: "a", toId: "b", maxHops: 7) { length } }', 'maxHops'],
      ['{ connection(fromId: "a", toId: "b", maxHops: 0) { length } }', 'maxHops'],
      ['{ connection(fromId: "a", toId: "a") { length } }', 'toId'],
      ['{ connection(fromId: "a", toId: "b", kinds: []) { length } }', 'kinds'],
    ],
    unknownCompany: '{ connection(fromId: "nobody", toId: "other") { length } }',
    hostile: { query: 'query ($a: ID!, $b: ID!, $h: Int) { connection(fromId: $a, toId: $b, maxHops: $h) { length } }', variables: { a: 'string', b: 'string', h: 'int' } },
  },
  {
    field: 'twoSidedBackers',
    seed: [
      { name: 'twoSidedBackersInMarket', query: '{ twoSidedBackers(market: "frontier-models") { nodes { backer { id } sideA { id } sideB { id } } } }', startsAt: IN_MARKET },
      { name: 'twoSidedBackers', query: '{ twoSidedBackers { nodes { backer { id } sideA { id } sideB { id } market totalUsdA totalUsdB } } }', startsAt: IN_MARKET },
    ],
    generated: [
      {
        name: 'twoSidedBackers(market)',
        fromCompany: false,
        query: (g) => `{ twoSidedBackers(market: "${g.market}") { nodes { backer { id } sideA { id } sideB { id } totalUsdA totalUsdB explanation } } }`,
      },
      { name: 'twoSidedBackers', fromCompany: false, query: () => '{ twoSidedBackers { nodes { backer { id } sideA { id } sideB { id } totalUsdA totalUsdB explanation } pageInfo { hasNextPage } } }' },
    ],
    refused: [['{ twoSidedBackers(market: "Frontier Models!") { nodes { market } } }', 'market']],
    hostile: { query: 'query ($m: String) { twoSidedBackers(market: $m) { nodes { market } } }', variables: { m: 'string' } },
  },
  {
    field: 'moneyLoops',
    seed: [
      { name: 'moneyLoopsOfCompany', query: '{ moneyLoops(companyId: "anthropic", maxLength: 4) { nodes { length totalUsd explanation } } }', startsAt: AT_COMPANY },
      { name: 'moneyLoopsAll', query: '{ moneyLoops(maxLength: 4) { nodes { length totalUsd } } }', startsAt: AT_COMPANY },
    ],
    generated: [
      { name: 'moneyLoops(company)', fromCompany: true, query: (g) => `{ moneyLoops(companyId: "${g.anchorId}", maxLength: 4) { nodes { length totalUsd explanation } } }` },
      { name: 'moneyLoops', fromCompany: false, query: () => '{ moneyLoops(maxLength: 4) { nodes { length totalUsd explanation } pageInfo { hasNextPage } } }' },
    ],
    refused: [
      ['{ moneyLoops(maxLength: 7) { nodes { length } } }', 'maxLength'],
      ['{ moneyLoops(maxLength: 1) { nodes { length } } }', 'maxLength'],
    ],
    unknownCompany: '{ moneyLoops(companyId: "nobody") { nodes { length } } }',
    hostile: { query: 'query ($id: ID, $n: Int) { moneyLoops(companyId: $id, maxLength: $n) { nodes { length } } }', variables: { id: 'string', n: 'int' } },
  },
  {
    field: 'neighborhood',
    seed: [{ name: 'neighborhood', query: '{ neighborhood(companyId: "anthropic", depth: 2) { truncated nodes { id } edges { id kind } } }', startsAt: AT_COMPANY }],
    generated: [
      { name: 'neighborhood(anchor, 2)', fromCompany: true, query: (g) => `{ neighborhood(companyId: "${g.anchorId}", depth: 2) { truncated nodes { id name kind } edges { id from to kind amountUsd label } } }` },
      { name: 'neighborhood(anchor, 3)', fromCompany: true, query: (g) => `{ neighborhood(companyId: "${g.anchorId}", depth: 3) { truncated nodes { id name kind } edges { id from to kind amountUsd label } } }` },
      {
        name: 'neighborhood(busiest, 2)',
        fromCompany: true,
        query: (g) => `{ neighborhood(companyId: "${g.busiestInvestorId}", depth: 2) { truncated nodes { id name kind } edges { id from to kind amountUsd label } } }`,
      },
      {
        name: 'neighborhood(busiest, 3)',
        fromCompany: true,
        query: (g) => `{ neighborhood(companyId: "${g.busiestInvestorId}", depth: 3) { truncated nodes { id name kind } edges { id from to kind amountUsd label } } }`,
      },
    ],
    refused: [
      ['{ neighborhood(companyId: "a", depth: 4) { truncated } }', 'depth'],
      ['{ neighborhood(companyId: "a", depth: 0) { truncated } }', 'depth'],
      ['{ neighborhood(companyId: "a", maxNodes: 5001) { truncated } }', 'maxNodes'],
      ['{ neighborhood(companyId: "a", maxNodes: 0) { truncated } }', 'maxNodes'],
      ['{ neighborhood(companyId: "a", minAmountUsd: -1) { truncated } }', 'minAmountUsd'],
    ],
    unknownCompany: '{ neighborhood(companyId: "nobody") { truncated } }',
    hostile: { query: 'query ($id: ID!, $d: Int) { neighborhood(companyId: $id, depth: $d) { truncated } }', variables: { id: 'string', d: 'int' } },
  },
  {
    field: 'exposure',
    seed: [
      {
        name: 'exposure',
        query: '{ exposure(companyId: "anthropic") { funders { counterparty { id } share } computeSuppliers { counterparty { id } } fundersThatSupplyCompute { id } funderConcentration } }',
        startsAt: AT_COMPANY,
      },
    ],
    generated: [
      {
        name: 'exposure(anchor)',
        fromCompany: true,
        query: (g) => `{ exposure(companyId: "${g.anchorId}") { raisedUsd funders { counterparty { id } amountUsd share } computeSuppliers { counterparty { id } share } funderConcentration } }`,
      },
      {
        name: 'exposure(busiest)',
        fromCompany: true,
        query: (g) => `{ exposure(companyId: "${g.busiestInvestorId}") { investedUsd investees { counterparty { id } amountUsd share } funderConcentration } }`,
      },
    ],
    refused: [['{ exposure(companyId: "anthropic", asOf: "2024-02-30") { raisedUsd } }', 'Date']],
    unknownCompany: '{ exposure(companyId: "nobody") { raisedUsd } }',
    hostile: { query: 'query ($id: ID!) { exposure(companyId: $id) { raisedUsd } }', variables: { id: 'string' } },
  },
];

/** A company of the seed that takes part in facts of most types; the plan is what the guard checks, not the answer. */
const SEED_COMPANY = 'anthropic';

/** What a group of a dimension selects as its key: a company by id, anything else as it is. */
const keySelection = (d: TotalsDimension) => (d.kind === 'party' ? `${d.key} { id }` : d.key);

/**
 * A fact type's totals query, from its definition: it starts from a party's company by `Company(id)` (its first party
 * filter) or, for a type with a range filter on its main date, from that date's index; a request with neither reads
 * every fact of the type (a label scan, the documented cost of a whole-graph ranking), so the guard holds no such one.
 */
function totalsOperation(definition: FactDefinition): AnalyticsOperation {
  const field = `${definition.single}Totals`;
  const filters = totalsFilters(definition);
  const party = filters.find((f) => f.kind === 'party');
  if (!party) throw new Error(`${definition.name}: totals need a party filter to start from a company`);
  const dimensions = totalsDimensions(definition);
  const period = dimensions.find((d) => d.kind === 'period') ?? (dimensions[0] as TotalsDimension);
  // A party's kind: a grouped party the statement matches, with no company for the loaders to fetch (a statement of
  // theirs starts from Company(id), not from the date's index).
  const byParty = dimensions.find((d) => d.kind === 'partyKind') as TotalsDimension;
  const notGrouped = dimensions.find((d) => d !== period) as TotalsDimension;
  const measures = `count${amountField(definition) ? ' money { headlineUsd ceilingUsd undisclosedCount }' : ''}`;
  const from = filters.find((f) => f.kind === 'atLeast' && f.field === definition.dateField);
  const to = filters.find((f) => f.kind === 'atMost' && f.field === definition.dateField);
  const ofCompany = (id: string) => `{ ${field}(groupBy: [${period.value}], filter: {${party.arg}: "${id}"}) { nodes { key { ${keySelection(period)} } ${measures} } } }`;
  const inPeriod: SeedRequest[] =
    from && to
      ? [
          {
            name: `${field}InPeriod`,
            query: `{ ${field}(groupBy: [${byParty.value}], filter: {${from.arg}: "2025-01-01", ${to.arg}: "2025-12-31"}) { nodes { key { ${keySelection(byParty)} } ${measures} } } }`,
            startsAt: new RegExp(`${definition.name}\\(${definition.dateField}\\)`),
          },
        ]
      : [];
  return {
    field,
    seed: [{ name: `${field}OfCompany`, query: ofCompany(SEED_COMPANY), startsAt: AT_COMPANY }, ...inPeriod],
    generated: [{ name: `${field}(anchor)`, fromCompany: true, query: (g) => ofCompany(g.anchorId) }],
    refused: [
      [`{ ${field}(groupBy: []) { nodes { count } } }`, 'groupBy'],
      [`{ ${field}(groupBy: [${period.value}], first: 101) { nodes { count } } }`, 'first'],
      [`{ ${field}(groupBy: [${period.value}], sort: {field: ${notGrouped.value}}) { nodes { count } } }`, 'sort'],
      [`{ ${field}(groupBy: [${period.value}], asOf: "2024-02-30") { nodes { count } } }`, 'Date'],
    ],
    hostile: {
      query: `query ($id: ID, $asOf: Date, $first: Int, $after: String) { ${field}(groupBy: [${period.value}], filter: {${party.arg}: $id}, asOf: $asOf, first: $first, after: $after) { nodes { count } } }`,
      variables: { id: 'string', asOf: 'string', first: 'int', after: 'string' },
    },
  };
}

/** Every analytics query: the hand-written ones and each fact type's totals. */
export const ANALYTICS_OPERATIONS: readonly AnalyticsOperation[] = [...TRAVERSAL_OPERATIONS, ...FACTS.map(totalsOperation)];

/** Every seed request of every operation, in declaration order. */
export const SEED_REQUESTS: readonly SeedRequest[] = ANALYTICS_OPERATIONS.flatMap((operation) => operation.seed);

/** Every generated-graph request, in declaration order (the growth table's rows). */
export const GENERATED_REQUESTS: readonly GeneratedRequest[] = ANALYTICS_OPERATIONS.flatMap((operation) => operation.generated);

/** The generated-graph request of that name; throws for a name no operation declares. */
export function generatedRequest(name: string): GeneratedRequest {
  const request = GENERATED_REQUESTS.find((candidate) => candidate.name === name);
  if (!request) throw new Error(`no analytics request named ${name} on a generated graph`);
  return request;
}
