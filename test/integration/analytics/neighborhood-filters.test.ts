import { buildGraph } from '../../support/graph-builder';
import { startTestApp, type TestApp } from '../../support/test-app';

// neighborhood's kinds, minAmountUsd and maxNodes act in the statement (which companies are searched and kept), not
// after it: on hand-built graphs whose answers are known, with the cut reported and bad arguments refused.

interface Answer {
  neighborhood: {
    nodes: { id: string }[];
    edges: { from: string; to: string; kind: string; amountUsd: number | null }[];
    truncated: boolean;
    omittedNodes: number;
    omittedEdges: number;
  };
}

const QUERY = `query ($id: ID!, $depth: Int, $kinds: [RelationKind!], $min: Float, $max: Int, $asOf: Date) {
  neighborhood(companyId: $id, depth: $depth, kinds: $kinds, minAmountUsd: $min, maxNodes: $max, asOf: $asOf) {
    nodes { id } edges { from to kind amountUsd } truncated omittedNodes omittedEdges
  }
}`;

const ids = (answer: Answer) => answer.neighborhood.nodes.map((node) => node.id);
/** Edges as kind:end-end with the ends sorted (a rivalry's direction is only an order of its pair). */
const undirected = (answer: Answer) => answer.neighborhood.edges.map((edge) => `${edge.kind}:${[edge.from, edge.to].sort().join('-')}`).sort();
const pairs = (answer: Answer) => answer.neighborhood.edges.map((edge) => `${edge.kind}:${edge.from}>${edge.to}`).sort();

describe('neighborhood filters and caps (kinds, minAmountUsd, maxNodes)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.reset();
    await app.close();
  });
  beforeEach(() => app.reset());

  async function ask(variables: Record<string, unknown>): Promise<Answer> {
    const { data, errors } = await app.gql<Answer>(QUERY, { id: 'hub', ...variables });
    expect(errors).toBeUndefined();
    return data!;
  }

  async function refused(variables: Record<string, unknown>): Promise<{ code: unknown; message: string }> {
    const { data, errors } = await app.gql<Answer>(QUERY, { id: 'hub', ...variables });
    expect(data?.neighborhood ?? null).toBeNull();
    expect(errors).toHaveLength(1);
    return { code: errors![0].extensions?.code, message: errors![0].message };
  }

  /** hub is funded by x (two rounds) and z, supplied by y (no amount); y competes with far; big backs far. */
  const MONEY_GRAPH = {
    companies: ['hub', 'x', 'y', 'z', 'far', 'big'],
    investments: [
      ['x', 'hub', 5e9, '2023-01-01'],
      ['x', 'hub', 3e9, '2024-01-01'],
      ['z', 'hub', 1e8, '2023-03-01'],
      ['big', 'far', 9e9, '2023-01-01'],
    ] as [string, string, number, string][],
    deals: [['y', 'hub', null, '2024-06-01']] as [string, string, null, string][],
    rivalries: [['y', 'far', 'cloud', '2020']] as [string, string, string, string][],
  };

  it('kinds: walks and draws only the kinds named, so companies reached through others are not searched from', async () => {
    await buildGraph(app.repos, MONEY_GRAPH);
    const all = await ask({ depth: 3 });
    expect(ids(all).sort()).toEqual(['big', 'far', 'hub', 'x', 'y', 'z']);
    const invested = await ask({ depth: 3, kinds: ['INVESTED_IN'] });
    // far and big hang off y's rivalry: with investments alone they are out of reach.
    expect(ids(invested).sort()).toEqual(['hub', 'x', 'z']);
    expect(pairs(invested)).toEqual(['INVESTED_IN:x>hub', 'INVESTED_IN:z>hub']);
    const rivalsAndDeals = await ask({ depth: 2, kinds: ['SUPPLIES_COMPUTE', 'COMPETES_WITH'] });
    expect(ids(rivalsAndDeals).sort()).toEqual(['far', 'hub', 'y']);
    expect(rivalsAndDeals.neighborhood.edges.map((edge) => edge.kind).sort()).toEqual(['COMPETES_WITH', 'SUPPLIES_COMPUTE']);
    expect(rivalsAndDeals.neighborhood).toMatchObject({ truncated: false, omittedNodes: 0, omittedEdges: 0 });
  });

  it('minAmountUsd: keeps relations with at least that headline on the date, drops those without money, and searches only through what is kept', async () => {
    await buildGraph(app.repos, MONEY_GRAPH);
    const billion = await ask({ depth: 3, min: 1e9 });
    // x's two rounds sum to $8B; z's $100M is too small; y's deal has no amount and the rivalry no money, so far and
    // big (behind y) are never reached, however big big's own investment.
    expect(ids(billion)).toEqual(['hub', 'x']);
    expect(billion.neighborhood.edges).toEqual([{ from: 'x', to: 'hub', kind: 'INVESTED_IN', amountUsd: 8e9 }]);
    // The sum over an edge's facts decides, not each fact alone: 6B passes on 5B + 3B.
    expect(ids(await ask({ min: 6e9 }))).toEqual(['hub', 'x']);
    // On a date, only the facts that count then: in mid-2023 x had put in $5B.
    expect(ids(await ask({ min: 6e9, asOf: '2023-06-30' }))).toEqual(['hub']);
    // 0: every relation with headline money, none without.
    const anyMoney = await ask({ depth: 3, min: 0 });
    expect(ids(anyMoney)).toEqual(['hub', 'x', 'z']);
    expect(pairs(anyMoney)).toEqual(['INVESTED_IN:x>hub', 'INVESTED_IN:z>hub']);
    // From y, whose only tie to hub carries no money, big is reached through far with no minimum and not with one.
    const fromY = await app.gql<Answer>(QUERY, { id: 'y', depth: 3 });
    expect(ids(fromY.data!).sort()).toEqual(['big', 'far', 'hub', 'x', 'y', 'z']);
    const fromYWithMoney = await app.gql<Answer>(QUERY, { id: 'y', depth: 3, min: 1 });
    expect(ids(fromYWithMoney.data!)).toEqual(['y']);
  });

  it('maxNodes: keeps nearer companies first, then the most money, then the most relations, then id, and counts the rest', async () => {
    await buildGraph(app.repos, {
      companies: ['hub', 'a', 'b', 'c', 'd', 'e', 'rich-far'],
      investments: [
        ['a', 'hub', 1e9, '2023-01-01'],
        ['b', 'hub', 1e9, '2023-01-01'],
        ['c', 'hub', 5e9, '2023-01-01'],
        ['rich-far', 'e', 1e12, '2023-01-01'],
      ],
      // b ties a's money but has a second relation to hub; d and e have no money and one relation each.
      rivalries: [
        ['b', 'hub', 'models', '2020'],
        ['d', 'hub', 'models', '2020'],
        ['e', 'hub', 'models', '2020'],
      ],
    });
    const whole = await ask({ depth: 2 });
    expect(ids(whole)).toEqual(['hub', 'c', 'b', 'a', 'd', 'e', 'rich-far']);
    expect(whole.neighborhood).toMatchObject({ truncated: false, omittedNodes: 0 });
    const four = await ask({ depth: 2, max: 4 });
    expect(ids(four)).toEqual(['hub', 'c', 'b', 'a']);
    // d and e were found and cut; rich-far, a hop further, is behind e, which was not kept.
    expect(four.neighborhood).toMatchObject({ truncated: true, omittedNodes: 2, omittedEdges: 0 });
    expect(undirected(four)).toEqual(['COMPETES_WITH:b-hub', 'INVESTED_IN:a-hub', 'INVESTED_IN:b-hub', 'INVESTED_IN:c-hub']);
    // A nearer company with no money is kept before a farther one with a trillion, which the probe of the next hop
    // finds: one company at least was left out.
    const six = await ask({ depth: 2, max: 6 });
    expect(ids(six)).toEqual(['hub', 'c', 'b', 'a', 'd', 'e']);
    expect(six.neighborhood).toMatchObject({ truncated: true, omittedNodes: 1 });
    // A hop the cap filled before is probed for one company, so the answer says it was cut.
    const alone = await ask({ depth: 1, max: 1 });
    expect(alone.neighborhood).toMatchObject({ nodes: [{ id: 'hub' }], edges: [], truncated: true, omittedNodes: 1 });
  });

  it('caps relations at 3 × maxNodes and counts the ones left out', async () => {
    const members = ['hub', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7'];
    const rivalries: [string, string, string, string][] = [];
    for (let i = 0; i < members.length; i++) for (let j = i + 1; j < members.length; j++) rivalries.push([members[i], members[j], 'models', '2020']);
    await buildGraph(app.repos, { companies: [...members, 'outer'], rivalries: [...rivalries, ['r7', 'outer', 'models', '2020']] });
    const answer = await ask({ depth: 2, max: 8 });
    // 8 companies: every edge among them is a rivalry (28); the cap is 24. The probe of the next hop finds outer.
    expect(ids(answer).sort()).toEqual(members.slice().sort());
    expect(answer.neighborhood.edges).toHaveLength(24);
    expect(answer.neighborhood).toMatchObject({ truncated: true, omittedNodes: 1, omittedEdges: 4 });
  });

  it('refuses arguments out of range with BAD_USER_INPUT and lets the largest picture through the cost limit', async () => {
    await buildGraph(app.repos, MONEY_GRAPH);
    for (const variables of [{ max: 5001 }, { max: 0 }, { min: -1 }, { kinds: [] }]) {
      const { code } = await refused(variables);
      expect(code).toBe('BAD_USER_INPUT');
    }
    expect((await refused({ kinds: ['NOT_A_KIND'] })).code).toBe('BAD_USER_INPUT');
    // What the explorer asks for, at the largest size and depth, stays under the default cost limit.
    const full = await app.gql<Answer>(
      `query ($id: ID!) { neighborhood(companyId: $id, depth: 3, maxNodes: 5000, minAmountUsd: 1) {
        truncated omittedNodes omittedEdges center { id name kind } nodes { id name kind country }
        edges { id from to kind amountUsd amountKind facts date label money { paidUsd committedUsd ceilingUsd contractValueUsd stakeValueUsd undisclosedCount headlineUsd description } }
      } }`,
      { id: 'hub' },
    );
    expect(full.errors).toBeUndefined();
    expect(full.data!.neighborhood.nodes.map((node) => node.id)).toEqual(['hub', 'x', 'z']);
  });
});
