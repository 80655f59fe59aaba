import fs from 'node:fs';
import path from 'node:path';
import { endOfPeriod, parsePartialDate } from '../../../src/domain/partial-date';
import { totalsDimensions } from '../../../src/facts/fact-totals';
import { FACTS } from '../../../src/facts/registry';
import { useSeededTestApp } from '../../support/test-app';
import { TEST_TODAY } from '../../support/test-today';

// Totals with rollUpSubsidiaries on the seed data: a group of a party is named by the top-level parent of its company
// as of the date, so each rolled-up group is the sum of the plain groups of the companies under it (AWS's and
// Annapurna Labs' compute deals under Amazon), a link counts only once known (OpenAI under the OpenAI Foundation from
// October 2025), a group's facts are its companies' facts, and a cursor of the other roll-up is refused.

type Money = { headlineUsd: number; ceilingUsd: number; contractValueUsd: number; undisclosedCount: number };
type Group = { key: Record<string, { id: string } | null>; count: number; money?: Money };
type Page = { nodes: Group[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

const SEED = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../data/seed/ai-industry.json'), 'utf8')) as { subsidiaries: { childId: string; parentId: string; since: string }[] };

/** Each company's top-level parent on a day, from the seed's subsidiary links known by then (every one is live and at least REPORTED). */
function topsOn(day: string): (id: string) => string {
  const parent = new Map(SEED.subsidiaries.filter((link) => endOfPeriod(parsePartialDate(link.since)) <= day).map((link) => [link.childId, link.parentId]));
  return (id) => {
    let top = id;
    for (let i = 0; i < 5 && parent.has(top); i++) top = parent.get(top)!;
    return top;
  };
}

/** Fact types and their parties of one company each, the groups a roll-up renames. */
const SINGLE_PARTIES = FACTS.flatMap((definition) =>
  totalsDimensions(definition)
    .filter((d) => d.kind === 'party' && !d.party.pair && !d.party.many)
    .map((d) => [`${definition.single}Totals by ${d.value}`, definition.single, d.value, d.key, definition.fields.some((f) => f.kind === 'usd')] as const),
);

describe('totals rolled up to top-level parents, on the seed dataset', () => {
  const app = useSeededTestApp();

  const groups = async (query: (after: string | null) => string): Promise<Group[]> => {
    const out: Group[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const result: { data?: Record<string, Page> | null; errors?: unknown } = await app().gql<Record<string, Page>>(query(after));
      expect(result.errors).toBeUndefined();
      const page: Page = Object.values(result.data!)[0]!;
      out.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) return out;
      after = page.pageInfo.endCursor;
    }
    throw new Error('more than 20 pages');
  };

  it.each(SINGLE_PARTIES.flatMap((row) => [TEST_TODAY, '2025-06-30'].map((day) => [...row, day] as const)))(
    '%s: each rolled-up group is the sum of its companies\' groups (as of %s)',
    async (_name, single, dimension, key, money, day) => {
      const select = `nodes { key { ${key} { id } } count${money ? ' money { headlineUsd ceilingUsd contractValueUsd undisclosedCount }' : ''} } pageInfo { hasNextPage endCursor }`;
      const query = (rollUp: boolean) => (after: string | null) =>
        `{ ${single}Totals(groupBy: [${dimension}], first: 100, asOf: "${day}", rollUpSubsidiaries: ${rollUp}${after ? `, after: "${after}"` : ''}) { ${select} } }`;
      const top = topsOn(day);
      const expected = new Map<string, Group>();
      for (const group of await groups(query(false))) {
        const id = top(group.key[key]!.id);
        const sum = expected.get(id) ?? { key: { [key]: { id } }, count: 0, ...(money ? { money: { headlineUsd: 0, ceilingUsd: 0, contractValueUsd: 0, undisclosedCount: 0 } } : {}) };
        sum.count += group.count;
        if (sum.money && group.money) for (const k of Object.keys(sum.money) as (keyof Money)[]) sum.money[k] += group.money[k];
        expected.set(id, sum);
      }
      const rolled = await groups(query(true));
      const byId = (list: Group[]) => [...list].sort((a, b) => a.key[key]!.id.localeCompare(b.key[key]!.id));
      expect(byId(rolled)).toEqual(byId([...expected.values()]));
    },
  );

  it('names the groups by the parent once the link is known: OpenAI under the OpenAI Foundation from October 2025, AWS under Amazon', async () => {
    const investees = async (day: string) =>
      (await groups((after) => `{ investmentTotals(groupBy: [INVESTEE], first: 100, asOf: "${day}", rollUpSubsidiaries: true${after ? `, after: "${after}"` : ''}) { nodes { key { investee { id } } count } pageInfo { hasNextPage endCursor } } }`)).map(
        (group) => group.key.investee!.id,
      );
    const [before, after] = [await investees('2025-06-30'), await investees(TEST_TODAY)];
    expect(before).toContain('openai');
    expect(before).not.toContain('openai-foundation');
    expect(after).toContain('openai-foundation');
    expect(after).not.toContain('openai');
    const providers = (await groups(() => '{ computeDealTotals(groupBy: [PROVIDER], first: 100, rollUpSubsidiaries: true) { nodes { key { provider { id } } count } pageInfo { hasNextPage endCursor } } }')).map((g) => g.key.provider!.id);
    expect(providers).toEqual(expect.arrayContaining(['amazon', 'microsoft', 'google']));
    expect(providers).not.toEqual(expect.arrayContaining(['aws']));
    expect(providers.filter((id) => ['aws', 'azure', 'google-cloud'].includes(id))).toEqual([]);
  });

  it("a rolled-up group's facts are its companies' facts, and a party kind is the parent's", async () => {
    const facts = async (rollUp: boolean, id: string) => {
      const { data, errors } = await app().gql<{ computeDealTotals: { nodes: { key: { provider: { id: string } }; facts: { nodes: { id: string }[] } }[]; pageInfo: { hasNextPage: boolean } } }>(
        `{ computeDealTotals(groupBy: [PROVIDER], sort: {field: PROVIDER, direction: ASC}, first: 40, rollUpSubsidiaries: ${rollUp}) { nodes { key { provider { id } } facts(first: 25) { nodes { id } } } pageInfo { hasNextPage } } }`,
      );
      expect(errors).toBeUndefined();
      expect(data!.computeDealTotals.pageInfo.hasNextPage).toBe(false);
      return data!.computeDealTotals.nodes.filter((group) => group.key.provider.id === id).flatMap((group) => group.facts.nodes.map((fact) => fact.id));
    };
    const amazon = await facts(true, 'amazon');
    const members = [...(await facts(false, 'amazon')), ...(await facts(false, 'aws')), ...(await facts(false, 'annapurna-labs'))];
    expect(amazon.length).toBeGreaterThan(2);
    expect([...amazon].sort()).toEqual([...members].sort());
    // Rolled up, the clouds' deals are their parents' (big tech), so the CLOUD group keeps only independent clouds.
    const kinds = async (rollUp: boolean) => {
      const { data } = await app().gql<{ computeDealTotals: { nodes: { key: { providerKind: string }; count: number }[] } }>(
        `{ computeDealTotals(groupBy: [PROVIDER_KIND], rollUpSubsidiaries: ${rollUp}) { nodes { key { providerKind } count } } }`,
      );
      return Object.fromEntries(data!.computeDealTotals.nodes.map((group) => [group.key.providerKind, group.count]));
    };
    const [plain, rolled] = [await kinds(false), await kinds(true)];
    expect(rolled.CLOUD).toBeLessThan(plain.CLOUD);
    expect(rolled.BIG_TECH).toBeGreaterThan(plain.BIG_TECH ?? 0);
  });

  it('refuses a cursor of the other roll-up', async () => {
    const { data } = await app().gql<{ computeDealTotals: Page }>('{ computeDealTotals(groupBy: [PROVIDER], first: 2) { nodes { count } pageInfo { hasNextPage endCursor } } }');
    const cursor = data!.computeDealTotals.pageInfo.endCursor;
    const { errors } = await app().gql(`{ computeDealTotals(groupBy: [PROVIDER], first: 2, rollUpSubsidiaries: true, after: "${cursor}") { nodes { count } } }`);
    expect(errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });
});
