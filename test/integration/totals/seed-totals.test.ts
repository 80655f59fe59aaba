import { EXAMPLE_OPERATIONS } from '../../../src/graphql/example-operations';
import { totalsDimensions, totalsMeasures } from '../../../src/facts/fact-totals';
import { FACTS } from '../../../src/facts/registry';
import { useSeededTestApp } from '../../support/test-app';

// Totals on the seed data: the three examples of issue 22 (their answers are in docs/totals.md), totals equal to what
// exposure says for the same company and scope, keyset pages, having, sorting by a key, cursors refused when they
// belong to another request, buckets of year-only dates, and the cost limit.

type Money = { headlineUsd: number; paidUsd: number; committedUsd: number; ceilingUsd: number; contractValueUsd: number; stakeValueUsd: number; undisclosedCount: number };
type Group = { key: Record<string, unknown>; count: number; money: Money };
type Page = { edges: { cursor: string; node: Group }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

const MONEY = 'money { headlineUsd paidUsd committedUsd ceilingUsd contractValueUsd stakeValueUsd undisclosedCount }';

describe('totals on the seed dataset', () => {
  const app = useSeededTestApp();

  const totals = async <T = Page>(query: string, variables?: Record<string, unknown>): Promise<T> => {
    const result = await app().gql<Record<string, T>>(query, variables);
    expect(result.errors).toBeUndefined();
    return Object.values(result.data!)[0] as T;
  };

  /** Every group of a totals query, page by page (`$after` in the query). */
  const allGroups = async (query: string, variables: Record<string, unknown> = {}): Promise<Group[]> => {
    const groups: Group[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page++) {
      const answer: Page = await totals<Page>(query, { ...variables, after });
      groups.push(...answer.edges.map((edge) => edge.node));
      if (!answer.pageInfo.hasNextPage) return groups;
      after = answer.pageInfo.endCursor;
    }
    throw new Error('more than 50 pages');
  };

  it("xAI's June-2025 raise: the $5B of debt is a contract value beside the $5B of equity, never headline", async () => {
    const groups = await allGroups(
      `query ($after: String) { fundingRoundTotals(groupBy: [INSTRUMENT], filter: {companyId: "xai", from: "2025-06-01", to: "2025-06-30"}, first: 10, after: $after) { edges { cursor node { key { instrument } count ${MONEY} } } pageInfo { hasNextPage endCursor } } }`,
    );
    const byInstrument = Object.fromEntries(groups.map((group) => [group.key.instrument, group]));
    expect(Object.keys(byInstrument).sort()).toEqual(['DEBT', 'EQUITY']);
    expect(byInstrument.EQUITY!.money).toMatchObject({ headlineUsd: 5e9, contractValueUsd: 0 });
    expect(byInstrument.DEBT!.money).toMatchObject({ headlineUsd: 0, paidUsd: 0, contractValueUsd: 5e9 });
  });

  it('answers the three examples of the issue (docs/totals.md shows them and their answers)', async () => {
    const run = async (name: string) => {
      const document = EXAMPLE_OPERATIONS.find((op) => op.startsWith(`query ${name} `))!;
      return totals<{ nodes: (Group & Record<string, unknown>)[]; pageInfo?: { hasNextPage: boolean } }>(document);
    };
    const investors = (await run('TopInvestorsInLabs2025')).nodes;
    const heads = investors.map((g) => g.money.headlineUsd);
    expect(heads.length).toBeGreaterThan(3);
    expect([...heads].sort((a, b) => b - a)).toEqual(heads);
    const computePage = await run('ComputeByProviderAndQuarter');
    const compute = computePage.nodes;
    expect(computePage.pageInfo?.hasNextPage).toBe(true);
    expect(compute).toHaveLength(20);
    for (const group of compute) expect(group.key.quarter).toMatch(/^\d{4}-Q[1-4?]$/);
    // CoreWeave's year-only deal with Nvidia falls in its own bucket, never guessed into a quarter (asked of its
    // provider alone: which groups fill the first page moves as the seed grows).
    const coreweave = await allGroups(
      `query ($after: String) { computeDealTotals(groupBy: [PROVIDER, QUARTER], filter: {providerId: "coreweave"}, first: 100, after: $after) { edges { cursor node { key { provider { id } quarter } count ${MONEY} } } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(coreweave.find((g) => g.key.quarter === '2023-Q?')).toMatchObject({ count: 1 });
    const rounds = (await run('LabsByLatestValuation')).nodes;
    const latest = rounds.map((g) => g.latestPostMoneyUsd as number | null);
    const valued = latest.filter((v): v is number => v !== null);
    expect(valued.length).toBeGreaterThan(2);
    expect([...valued].sort((a, b) => b - a)).toEqual(valued);
    // Groups without a valuation come last.
    expect(latest.slice(valued.length).every((v) => v === null)).toBe(true);
    for (const group of rounds) if (group.latestPostMoneyUsd !== null) expect(group.highestPostMoneyUsd).toBeGreaterThanOrEqual(group.latestPostMoneyUsd as number);
    if (process.env.PRINT_TOTALS_EXAMPLES) console.log(JSON.stringify({ investors, compute, rounds }));
  });

  it.each([
    [undefined, false],
    ['2024-06-30', false],
    ['2025-12-31', true],
  ])('equal what exposure says for every company (asOf %s, includeEnded %s)', async (asOf, includeEnded) => {
    const scope = { asOf, includeEnded };
    const args = '$asOf: Date, $includeEnded: Boolean!, $after: String';
    const pass = 'asOf: $asOf, includeEnded: $includeEnded, first: 100, after: $after';
    const page = `edges { cursor node { key { COMPANY { id } } count ${MONEY} } } pageInfo { hasNextPage endCursor }`;
    const byRole = async (query: string, role: string) => new Map((await allGroups(`query (${args}) { ${query}(groupBy: [${role.toUpperCase()}], ${pass}) { ${page.replace('COMPANY', role)} } }`, scope)).map((g) => [(g.key[role] as { id: string }).id, g]));
    const raised = await byRole('investmentTotals', 'investee');
    const invested = await byRole('investmentTotals', 'investor');
    const bought = await byRole('computeDealTotals', 'customer');
    const sold = await byRole('computeDealTotals', 'provider');
    type CompanyPage = { companies: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    const companies: { id: string }[] = [];
    for (let after: string | null = null, more = true; more; ) {
      const page: CompanyPage = (await app().gql<CompanyPage>('query ($after: String) { companies(first: 100, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }', { after })).data!;
      companies.push(...page.companies.nodes);
      ({ hasNextPage: more, endCursor: after } = page.companies.pageInfo);
    }
    expect(companies.length).toBeGreaterThan(100);
    const none = { headlineUsd: 0, paidUsd: 0, committedUsd: 0, ceilingUsd: 0, contractValueUsd: 0, stakeValueUsd: 0, undisclosedCount: 0 };
    let compared = 0;
    for (const { id } of companies) {
      const { data } = await app().gql<{ exposure: Record<'raised' | 'invested' | 'computeBought' | 'computeSold', Money> }>(
        `query ($id: ID!, $asOf: Date, $includeEnded: Boolean!) { exposure(companyId: $id, rollUpSubsidiaries: false, asOf: $asOf, includeEnded: $includeEnded) { raised { ${MONEY.slice(8, -2)} } invested { ${MONEY.slice(8, -2)} } computeBought { ${MONEY.slice(8, -2)} } computeSold { ${MONEY.slice(8, -2)} } } }`,
        { id, ...scope },
      );
      const exposure = data!.exposure;
      expect({ id, raised: raised.get(id)?.money ?? none }).toEqual({ id, raised: exposure.raised });
      expect({ id, invested: invested.get(id)?.money ?? none }).toEqual({ id, invested: exposure.invested });
      expect({ id, bought: bought.get(id)?.money ?? none }).toEqual({ id, bought: exposure.computeBought });
      expect({ id, sold: sold.get(id)?.money ?? none }).toEqual({ id, sold: exposure.computeSold });
      compared += raised.has(id) || invested.has(id) ? 1 : 0;
    }
    expect(compared).toBeGreaterThan(20);
    // Anchored on the company, the same figure.
    const anthropic = await totals(`query ($asOf: Date, $includeEnded: Boolean!) { investmentTotals(groupBy: [INVESTEE], filter: {investeeId: "anthropic"}, asOf: $asOf, includeEnded: $includeEnded) { edges { node { key { investee { id } } count ${MONEY} } } } }`, scope);
    expect(anthropic.edges.map((e) => e.node.money)).toEqual(raised.has('anthropic') ? [raised.get('anthropic')!.money] : []);
  });

  it("puts a fact dated only to a year in its year's own bucket under QUARTER and MONTH, never a guessed one", async () => {
    const query = (bucket: string) =>
      `{ investmentTotals(groupBy: [INVESTOR, ${bucket}], filter: {investeeId: "openai"}, sort: {field: ${bucket}, direction: ASC}, first: 100) { edges { node { key { investor { id } ${bucket.toLowerCase()} } count ${MONEY} } } } }`;
    const quarters = (await totals(query('QUARTER'))).edges.map((e) => e.node);
    const microsoft2021 = quarters.filter((g) => (g.key.investor as { id: string }).id === 'microsoft' && String(g.key.quarter).startsWith('2021'));
    expect(microsoft2021.map((g) => [g.key.quarter, g.count, g.money.headlineUsd])).toEqual([['2021-Q?', 1, 2e9]]);
    const months = (await totals(query('MONTH'))).edges.map((e) => e.node);
    expect(months.filter((g) => String(g.key.month).startsWith('2021')).map((g) => g.key.month)).toEqual(['2021-??']);
    const years = (await totals(query('YEAR'))).edges.map((e) => e.node);
    expect(years.find((g) => (g.key.investor as { id: string }).id === 'microsoft' && g.key.year === '2021')?.count).toBe(1);
  });

  it('pages groups by keyset: pages of 3 are the groups of one page, in order, with no repeat', async () => {
    const query = `query ($first: Int!, $after: String) { investmentTotals(groupBy: [INVESTOR, YEAR], sort: {field: COUNT, direction: DESC}, first: $first, after: $after) { edges { cursor node { key { investor { id } year } count ${MONEY} } } pageInfo { hasNextPage endCursor } } }`;
    const whole = await allGroups(query, { first: 100 });
    const paged = await allGroups(query, { first: 3 });
    expect(paged).toEqual(whole);
    expect(whole.length).toBeGreaterThan(10);
    const keys = whole.map((g) => JSON.stringify(g.key));
    expect(new Set(keys).size).toBe(keys.length);
    // Ties by count are broken by the key, in the same direction.
    for (let i = 1; i < whole.length; i++) {
      const [a, b] = [whole[i - 1]!, whole[i]!];
      expect(a.count).toBeGreaterThanOrEqual(b.count);
      const [idA, idB] = [(a.key.investor as { id: string }).id, (b.key.investor as { id: string }).id];
      if (a.count === b.count) expect(idA > idB || (idA === idB && (a.key.year as string) > (b.key.year as string))).toBe(true);
    }
  });

  it('counts over every status and confidence without states (known facts, or all of them) as the states count them', async () => {
    const everything = (asOf: string) => `asOf: "${asOf}", includeEnded: true, includeImprecise: true, minConfidence: RUMOURED`;
    let checked = 0;
    // Types where the earlier date leaves facts out (not yet known then): the known-only shortcut is exercised.
    let earlier = 0;
    for (const definition of FACTS) {
      const year = totalsDimensions(definition).find((d) => d.kind === 'period' && d.bucket === 'YEAR');
      // A type with money: asking for it makes the page read each fact's state, the path the shortcut is checked against.
      if (!year || !totalsMeasures(definition).some((m) => m.kind === 'money')) continue;
      const field = `${definition.single}Totals`;
      const [row] = await app().db.readRows(`MATCH (f:${definition.name}) RETURN count(f) AS n`);
      for (const asOf of ['2100-01-01', '2024-06-30']) {
        const shape = `groupBy: [${year.value}], sort: {field: ${year.value}, direction: ASC}, ${everything(asOf)}, first: 100`;
        // Only counts: the shortcut (on 2100 every fact is known, so none is filtered); with money: each fact's state.
        const counted = await totals<{ nodes: { key: unknown; count: number }[] }>(`{ ${field}(${shape}) { nodes { key { ${year.key} } count } } }`);
        const stated = await totals<{ nodes: { key: unknown; count: number }[] }>(`{ ${field}(${shape}) { nodes { key { ${year.key} } count money { paidUsd } } } }`);
        expect({ field, asOf, groups: counted.nodes }).toEqual({ field, asOf, groups: stated.nodes.map(({ key, count }) => ({ key, count })) });
        const sum = counted.nodes.reduce((n, g) => n + g.count, 0);
        if (asOf === '2100-01-01') expect({ field, sum }).toEqual({ field, sum: row!.n });
        else {
          expect(sum).toBeLessThanOrEqual(row!.n as number);
          if (sum < (row!.n as number)) earlier += 1;
        }
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(6);
    expect(earlier).toBeGreaterThanOrEqual(3);
    // Filters that leave one group (a company's facts, a range within a year) order it by a key, not the default
    // headline: the count is read without states there too, and equals what a page with money says.
    for (const group of ['groupBy: [INVESTOR], filter: {investorId: "microsoft"}', 'groupBy: [YEAR], filter: {from: "2024-01-01", to: "2024-09-30"}']) {
      const counted = await totals<{ nodes: { key: unknown; count: number }[] }>(`{ investmentTotals(${group}, ${everything('2100-01-01')}) { nodes { count } } }`);
      const stated = await totals<{ nodes: { key: unknown; count: number }[] }>(`{ investmentTotals(${group}, ${everything('2100-01-01')}) { nodes { count money { paidUsd } } } }`);
      expect(counted.nodes).toHaveLength(1);
      expect(counted.nodes).toEqual(stated.nodes.map(({ count }) => ({ count })));
    }
  });

  it('computes only the measures a page shows (and its sort and having): the same groups, counts and extremes', async () => {
    const shape = 'groupBy: [COMPANY], sort: {field: HEADLINE, direction: DESC}, having: {paidUsd: {min: 1}}, first: 100';
    const everything = await app().gql<{ fundingRoundTotals: { nodes: { key: { company: { id: string } }; count: number; latestPostMoneyUsd: number | null }[] } }>(
      `{ fundingRoundTotals(${shape}) { nodes { key { company { id } } count latestPostMoneyUsd ${MONEY} } } }`,
    );
    const shown = await app().gql<{ fundingRoundTotals: { nodes: { key: { company: { id: string } }; count: number; latestPostMoneyUsd: number | null }[] } }>(
      `{ fundingRoundTotals(${shape}) { nodes { key { company { id } } count latestPostMoneyUsd } } }`,
    );
    expect(everything.errors).toBeUndefined();
    expect(shown.errors).toBeUndefined();
    const strip = (nodes: { key: unknown; count: number; latestPostMoneyUsd: number | null }[]) => nodes.map(({ key, count, latestPostMoneyUsd }) => ({ key, count, latestPostMoneyUsd }));
    expect(strip(shown.data!.fundingRoundTotals.nodes)).toEqual(strip(everything.data!.fundingRoundTotals.nodes));
    expect(shown.data!.fundingRoundTotals.nodes.length).toBeGreaterThan(3);
  });

  it('sorts by a key, keeps groups within having, and counts a round once under each lead investor', async () => {
    const byQuarter = await allGroups(`query ($after: String) { investmentTotals(groupBy: [QUARTER], sort: {field: QUARTER, direction: ASC}, having: {count: {min: 2}, headlineUsd: {min: 1000000000}}, after: $after) { edges { cursor node { key { quarter } count ${MONEY} } } pageInfo { hasNextPage endCursor } } }`);
    const quarters = byQuarter.map((g) => g.key.quarter as string);
    expect([...quarters].sort()).toEqual(quarters);
    for (const g of byQuarter) {
      expect(g.count).toBeGreaterThanOrEqual(2);
      expect(g.money.headlineUsd).toBeGreaterThanOrEqual(1e9);
    }
    const leads = await allGroups(`query ($after: String) { fundingRoundTotals(groupBy: [LEAD_INVESTOR], sort: {field: COUNT}, first: 100, after: $after) { edges { cursor node { key { leadInvestor { id } } count ${MONEY} } } pageInfo { hasNextPage endCursor } } }`);
    const rounds = (await app().gql<{ fundingRounds: { nodes: { leadInvestors: { id: string }[]; state: { status: string | null } }[] } }>('{ fundingRounds(first: 100) { nodes { leadInvestors { id } state { status } } } }')).data!.fundingRounds.nodes;
    const counting = rounds.filter((r) => r.state.status !== null && !['ENDED', 'TERMINATED', 'LAPSED'].includes(r.state.status));
    const expected = new Map<string | null, number>();
    for (const round of counting) for (const id of round.leadInvestors.length > 0 ? round.leadInvestors.map((l) => l.id) : [null]) expected.set(id, (expected.get(id) ?? 0) + 1);
    expect(new Map(leads.map((g) => [(g.key.leadInvestor as { id: string } | null)?.id ?? null, g.count]))).toEqual(expected);
  });

  it("lists a group's facts, newest first, paged, exactly the facts it counts", async () => {
    const answer = await totals<{ edges: { node: { key: { investor: { id: string } }; count: number; facts: { nodes: { id: string; announcedOn: string }[]; pageInfo: { endCursor: string } } } }[] }>(
      '{ investmentTotals(groupBy: [INVESTOR], filter: {investeeId: "anthropic"}, sort: {field: COUNT}, first: 8) { edges { node { key { investor { id } } count facts(first: 20) { nodes { id announcedOn } pageInfo { endCursor } } } } } }',
    );
    for (const { node } of answer.edges) {
      expect(node.facts.nodes).toHaveLength(Math.min(node.count, 20));
      const dates = node.facts.nodes.map((f) => f.announcedOn);
      expect([...dates].sort().reverse()).toEqual(dates);
    }
    const amazon = answer.edges.find((e) => e.node.key.investor.id === 'amazon')!.node;
    expect(amazon.count).toBeGreaterThan(1);
    const one = await totals<{ edges: { node: { facts: { nodes: { id: string }[]; pageInfo: { endCursor: string } } } }[] }>(
      '{ investmentTotals(groupBy: [INVESTOR], filter: {investorId: "amazon", investeeId: "anthropic"}) { edges { node { facts(first: 1) { nodes { id } pageInfo { endCursor } } } } } }',
    );
    const cursor = one.edges[0]!.node.facts.pageInfo.endCursor;
    const next = await totals<{ edges: { node: { facts: { nodes: { id: string }[] } } }[] }>(
      `{ investmentTotals(groupBy: [INVESTOR], filter: {investorId: "amazon", investeeId: "anthropic"}) { edges { node { facts(first: 20, after: "${cursor}") { nodes { id } } } } } }`,
    );
    expect([...one.edges[0]!.node.facts.nodes, ...next.edges[0]!.node.facts.nodes].map((f) => f.id)).toEqual(amazon.facts.nodes.map((f) => f.id));
  });

  it('refuses with BAD_USER_INPUT a cursor of another grouping, sort or filter, a bad grouping, and a sort by a dimension not grouped by', async () => {
    const first = await totals('{ investmentTotals(groupBy: [INVESTOR], first: 1) { pageInfo { endCursor } } }');
    const cursor = first.pageInfo.endCursor!;
    for (const request of [
      `{ investmentTotals(groupBy: [INVESTEE], first: 1, after: "${cursor}") { edges { cursor } } }`,
      `{ investmentTotals(groupBy: [INVESTOR], sort: {field: COUNT}, first: 1, after: "${cursor}") { edges { cursor } } }`,
      `{ investmentTotals(groupBy: [INVESTOR], filter: {from: "2024"}, first: 1, after: "${cursor}") { edges { cursor } } }`,
      `{ investmentTotals(groupBy: [INVESTOR], asOf: "2024-06-30", first: 1, after: "${cursor}") { edges { cursor } } }`,
      `{ computeDealTotals(groupBy: [PROVIDER], first: 1, after: "${cursor}") { edges { cursor } } }`,
      '{ investmentTotals(groupBy: [INVESTOR], after: "bm90IGEgY3Vyc29y") { edges { cursor } } }',
      '{ investmentTotals(groupBy: []) { edges { cursor } } }',
      '{ investmentTotals(groupBy: [INVESTOR, INVESTOR]) { edges { cursor } } }',
      '{ investmentTotals(groupBy: [INVESTOR, INVESTEE, YEAR, STATUS]) { edges { cursor } } }',
      '{ investmentTotals(groupBy: [INVESTOR], sort: {field: YEAR}) { edges { cursor } } }',
      '{ investmentTotals(groupBy: [INVESTOR], first: 101) { edges { cursor } } }',
      '{ investmentTotals(groupBy: [INVESTOR], asOf: "2024-02-30") { edges { cursor } } }',
    ]) {
      const { errors } = await app().gql(request);
      expect({ request, codes: errors?.map((e) => e.extensions?.code) }).toEqual({ request, codes: ['BAD_USER_INPUT'] });
    }
    const next = await app().gql(`{ investmentTotals(groupBy: [INVESTOR], first: 1, after: "${cursor}") { edges { cursor } } }`);
    expect(next.errors).toBeUndefined();
  });

  it('costs what its pages may read: 100 groups of 100 facts each are over the limit', async () => {
    const { errors } = await app().gql('{ investmentTotals(groupBy: [INVESTOR], first: 100) { edges { node { facts(first: 100) { nodes { id sources { url } } } } } } }');
    expect(errors?.[0]?.extensions?.code).toBe('QUERY_LIMIT_EXCEEDED');
  });
});
