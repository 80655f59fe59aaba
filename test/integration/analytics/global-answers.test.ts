import { loadDataset } from '../../../src/seed/load-dataset';
import { startTestApp, type TestApp } from '../../support/test-app';

interface Loop {
  length: number;
  companies: { id: string }[];
}
interface Backing {
  backer: { id: string };
  market: string;
  rivalry: { id: string };
}
interface Connection<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const LOOPS = `query ($id: ID, $max: Int, $first: Int, $after: String) {
  moneyLoops(companyId: $id, maxLength: $max, first: $first, after: $after) { nodes { length companies { id } } pageInfo { hasNextPage endCursor } }
}`;
const BACKERS = `query ($market: String, $first: Int, $after: String) {
  twoSidedBackers(market: $market, first: $first, after: $after) { nodes { backer { id } market rivalry { id } } pageInfo { hasNextPage endCursor } }
}`;

/** A loop as its company ids, rotated to start at the smallest: the same cycle seen from any member. */
function canonical(loop: Loop): string {
  const ring = loop.companies.slice(0, -1).map((c) => c.id);
  const at = ring.indexOf([...ring].sort()[0] as string);
  return [...ring.slice(at), ...ring.slice(0, at)].join('>');
}

/** Lists of ids compare element by element, as Cypher orders them ("google" before "google-cloud"). */
function compareLists(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return (a[i] as string) < (b[i] as string) ? -1 : 1;
  return a.length - b.length;
}

const byLengthThenIds = (a: Loop, b: Loop) => a.length - b.length || compareLists(canonical(a).split('>'), canonical(b).split('>'));

/**
 * The whole-graph answers are defined by the per-company ones: every loop through any company, once, shortest first
 * then by ids; and a page bounded by its scan limit is a prefix of that answer, continued by its endCursor.
 */
describe('whole-graph analytics on the seed dataset', () => {
  let app: TestApp;
  beforeAll(async () => {
    // Tiny scan limits, so paging through the seed crosses many scan bounds.
    app = await startTestApp({ MONEY_LOOPS_SCAN_LIMIT: '3', TWO_SIDED_SCAN_LIMIT: '2' });
    await app.reset();
    await loadDataset(app.repos);
  });
  afterAll(async () => {
    await app?.reset();
    await app?.close();
  });

  async function page<T>(query: string, key: string, variables: Record<string, unknown>): Promise<Connection<T>> {
    const result = await app.gql<Record<string, Connection<T>>>(query, variables);
    expect(result.errors).toBeUndefined();
    return result.data![key] as Connection<T>;
  }

  async function allPages<T>(query: string, key: string, variables: Record<string, unknown>): Promise<{ items: T[]; pages: number }> {
    const items: T[] = [];
    let after: string | null = null;
    for (let pages = 1; pages < 1000; pages++) {
      const { nodes, pageInfo }: Connection<T> = await page<T>(query, key, { ...variables, after });
      items.push(...nodes);
      if (!pageInfo.hasNextPage) return { items, pages };
      expect(pageInfo.endCursor).not.toBeNull();
      after = pageInfo.endCursor;
    }
    throw new Error('paging did not end');
  }

  it.each([2, 3, 4, 5, 6])('moneyLoops(maxLength: %i) without a company is the deduplicated union of every company\'s loops, in order', async (max) => {
    const [{ data }] = await Promise.all([app.gql<{ companies: { edges: { node: { id: string } }[] } }>('{ companies(first: 100) { edges { node { id } } } }')]);
    const union = new Map<string, Loop>();
    for (const { node } of data!.companies.edges) {
      const { items } = await allPages<Loop>(LOOPS, 'moneyLoops', { id: node.id, max, first: 100 });
      for (const loop of items) union.set(canonical(loop), loop);
    }
    const global = await allPages<Loop>(LOOPS, 'moneyLoops', { max, first: 100 });
    expect(global.items.map(canonical)).toEqual([...union.values()].sort(byLengthThenIds).map(canonical));
    expect(global.items.every((loop) => loop.companies[0]!.id === canonical(loop).split('>')[0])).toBe(true);
    if (max >= 3) expect(global.items.length).toBeGreaterThan(3);
  });

  it('walks the same loops in pages of 2 as in one page, each page a continuation of the last', async () => {
    const whole = await allPages<Loop>(LOOPS, 'moneyLoops', { max: 6, first: 100 });
    const paged = await allPages<Loop>(LOOPS, 'moneyLoops', { max: 6, first: 2 });
    expect(paged.items.map(canonical)).toEqual(whole.items.map(canonical));
    expect(paged.pages).toBeGreaterThan(whole.items.length / 2);
    const through = await allPages<Loop>(LOOPS, 'moneyLoops', { id: 'anthropic', max: 6, first: 1 });
    const once = await allPages<Loop>(LOOPS, 'moneyLoops', { id: 'anthropic', max: 6, first: 100 });
    expect(through.items).toEqual(once.items);
    expect(once.pages).toBe(1);
  });

  it('stops a page at the scan limit with hasNextPage, and continues from there', async () => {
    // Three starts per page: the first page cannot reach the end of the graph, whatever it found.
    const first = await page<Loop>(LOOPS, 'moneyLoops', { max: 6, first: 100 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.nodes.length).toBeLessThan(20);
  });

  it('pages through two-sided backers in (market, rivalry, backer) order, the same rows as without a scan limit', async () => {
    const paged = await allPages<Backing>(BACKERS, 'twoSidedBackers', { first: 3 });
    const key = (row: Backing) => [row.market, row.rivalry.id, row.backer.id];
    const sorted = [...paged.items].sort((a, b) => compareLists(key(a), key(b)));
    expect(paged.items).toEqual(sorted);
    expect(new Set(paged.items.map((row) => key(row).join('|'))).size).toBe(paged.items.length);
    const inMarket = await allPages<Backing>(BACKERS, 'twoSidedBackers', { market: 'frontier-models', first: 2 });
    expect(inMarket.items).toEqual(paged.items.filter((row) => row.market === 'frontier-models'));
    expect(inMarket.items.map((row) => `${row.backer.id}:${row.rivalry.id}`)).toContain('microsoft:riv-anthropic-openai');
  });

  it('refuses a cursor it did not issue', async () => {
    const result = await app.gql(LOOPS, { max: 4, after: Buffer.from('["twoSidedBackers",[]]').toString('base64url') });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
