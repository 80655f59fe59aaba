import { COMPANY_RANKINGS, type CompanyRanking } from '../../../src/facts/company-rankings';
import { totalsDimensions } from '../../../src/facts/fact-totals';
import { useSeededTestApp } from '../../support/test-app';

// `companies` ranked by an aggregate of each company's facts, on the seed data: for every ranking the fact definitions
// declare and several scopes, each company's value is what the type's totals say for the group keyed by it (0 or no
// value for a company with no group), the order is by value then id, companies without a value come last, keyset pages
// join up to the whole list, and a cursor of another sort, filter or scope is refused.

type Edge = { cursor: string; sortValue: number | null; node: { id: string } };
type Page = { edges: Edge[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

const SCOPES = ['', 'asOf: "2024-06-30"', 'asOf: "2025", includeEnded: true, minConfidence: REPORTED'];

/** The totals query whose groups a ranking reads: grouped by its party, with the measure it ranks by. */
function totalsOf(ranking: CompanyRanking, scope: string, after: string | null): string {
  const dimension = totalsDimensions(ranking.definition).find((d) => d.kind === 'party' && d.party === ranking.party)!;
  const measure = ranking.measure.kind === 'money' ? `money { ${ranking.measure.key} }` : ranking.measure.key;
  return `{ ${ranking.definition.single}Totals(groupBy: [${dimension.value}], first: 100${scope ? `, ${scope}` : ''}${after ? `, after: "${after}"` : ''}) { nodes { key { ${dimension.key} { id } } ${measure} } pageInfo { hasNextPage endCursor } } }`;
}

describe('companies ranked by an aggregate of their facts, on the seed dataset', () => {
  const app = useSeededTestApp();

  const page = async (args: string): Promise<Page> => {
    const result = await app().gql<{ companies: Page }>(`{ companies(${args}) { edges { cursor sortValue node { id } } pageInfo { hasNextPage endCursor } } }`);
    expect(result.errors).toBeUndefined();
    return result.data!.companies;
  };

  /** Every company in the order asked, page by page. */
  const all = async (args: string, first: number): Promise<Edge[]> => {
    const edges: Edge[] = [];
    let after: string | null = null;
    for (let i = 0; i < 100; i++) {
      const answer: Page = await page(`${args}, first: ${first}${after ? `, after: "${after}"` : ''}`);
      edges.push(...answer.edges);
      if (!answer.pageInfo.hasNextPage) return edges;
      after = answer.pageInfo.endCursor;
    }
    throw new Error('more than 100 pages');
  };

  /** Each company's measure by the totals query, page by page. */
  const measured = async (ranking: CompanyRanking, scope: string): Promise<Map<string, number | null>> => {
    const dimension = totalsDimensions(ranking.definition).find((d) => d.kind === 'party' && d.party === ranking.party)!;
    const out = new Map<string, number | null>();
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      type Groups = { nodes: Record<string, unknown>[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
      const result: { data?: Record<string, Groups> | null; errors?: unknown } = await app().gql<Record<string, Groups>>(totalsOf(ranking, scope, after));
      expect(result.errors).toBeUndefined();
      const answer: Groups = Object.values(result.data!)[0]!;
      for (const group of answer.nodes) {
        const company = (group.key as Record<string, { id: string } | null>)[dimension.key];
        const value = ranking.measure.kind === 'money' ? (group.money as Record<string, number>)[ranking.measure.key] : (group[ranking.measure.key] as number | null);
        if (company) out.set(company.id, value ?? null);
      }
      if (!answer.pageInfo.hasNextPage) return out;
      after = answer.pageInfo.endCursor;
    }
    throw new Error('more than 20 pages of groups');
  };

  const cases = COMPANY_RANKINGS.flatMap((ranking) => SCOPES.map((scope) => [ranking.value, scope || 'today', ranking, scope] as const));

  it.each(cases)('%s (%s): each company has the value its totals group has, in order by value then id, those without one last', async (_value, _label, ranking, scope) => {
    const expected = await measured(ranking, scope);
    const list = await all(`sort: {field: ${ranking.value}, direction: DESC}${scope ? `, ${scope}` : ''}`, 100);
    const companies = (await all('sort: {field: ID}', 100)).map((edge) => edge.node.id);
    expect(list.map((edge) => edge.node.id).sort()).toEqual([...companies].sort());
    // A sum or count over no facts is 0; an extreme none reports is no value.
    const valueOf = (id: string) => (expected.has(id) ? expected.get(id)! : ranking.nullable ? null : 0);
    const want = [...companies].sort((a, b) => {
      const [x, y] = [valueOf(a), valueOf(b)];
      if (x === null || y === null) return x === y ? b.localeCompare(a) : x === null ? 1 : -1;
      return y - x || b.localeCompare(a);
    });
    expect(list.map((edge) => [edge.node.id, edge.sortValue])).toEqual(want.map((id) => [id, valueOf(id)]));
    expect(expected.size).toBeGreaterThan(0);
  });

  it.each(COMPANY_RANKINGS.map((ranking) => [ranking.value, ranking] as const))('%s: pages of 7, both ways, join up to the one-page answer', async (_value, ranking) => {
    for (const direction of ['ASC', 'DESC']) {
      const args = `sort: {field: ${ranking.value}, direction: ${direction}}, filter: {kinds: [AI_LAB, INVESTOR, BIG_TECH, CLOUD]}`;
      const whole = await all(args, 100);
      const paged = await all(args, 7);
      expect(paged.map((edge) => [edge.node.id, edge.sortValue])).toEqual(whole.map((edge) => [edge.node.id, edge.sortValue]));
      expect(whole.length).toBeGreaterThan(7);
    }
  });

  it('RAISED_HEADLINE is what totalRaisedUsd and exposure.raisedUsd say, for every company', async () => {
    const ranked = await all('sort: {field: RAISED_HEADLINE, direction: DESC}, asOf: "2025-06-30"', 100);
    for (const edge of ranked.slice(0, 30)) {
      const { data, errors } = await app().gql<{ company: { totalRaisedUsd: number }; exposure: { raisedUsd: number } }>(
        `{ company(id: "${edge.node.id}") { totalRaisedUsd(asOf: "2025-06-30") } exposure(companyId: "${edge.node.id}", asOf: "2025-06-30", rollUpSubsidiaries: false) { raisedUsd } }`,
      );
      expect(errors).toBeUndefined();
      expect({ id: edge.node.id, raised: edge.sortValue }).toEqual({ id: edge.node.id, raised: data!.company.totalRaisedUsd });
      expect({ id: edge.node.id, raised: edge.sortValue }).toEqual({ id: edge.node.id, raised: data!.exposure.raisedUsd });
    }
    expect(ranked[0]!.node.id).toBe('openai');
  });

  it('refuses with BAD_USER_INPUT a cursor of another sort, direction, filter or scope, and keeps property sorts as they were', async () => {
    const first = await page('sort: {field: RAISED_HEADLINE, direction: DESC}, first: 2');
    const cursor = first.pageInfo.endCursor!;
    for (const args of [
      'sort: {field: INVESTED_HEADLINE, direction: DESC}',
      'sort: {field: RAISED_HEADLINE, direction: ASC}',
      'sort: {field: RAISED_HEADLINE, direction: DESC}, filter: {kinds: [AI_LAB]}',
      'sort: {field: RAISED_HEADLINE, direction: DESC}, asOf: "2024-06-30"',
      'sort: {field: RAISED_HEADLINE, direction: DESC}, includeEnded: true',
      'sort: {field: NAME}',
    ]) {
      const { errors } = await app().gql(`{ companies(${args}, first: 2, after: "${cursor}") { edges { cursor } } }`);
      expect({ args, codes: errors?.map((e) => e.extensions?.code) }).toEqual({ args, codes: ['BAD_USER_INPUT'] });
    }
    const next = await page(`sort: {field: RAISED_HEADLINE, direction: DESC}, first: 2, after: "${cursor}"`);
    expect(next.edges).toHaveLength(2);
    // The scope arguments change nothing for a property sort, and its edges have no sort value.
    const byName = await page('first: 5');
    expect(await page('first: 5, asOf: "2020"')).toEqual(byName);
    expect(byName.edges.every((edge) => edge.sortValue === null)).toBe(true);
  });
});
