import neo4j from 'neo4j-driver';
import { buildGraph } from '../../support/graph-builder';
import { WRITER_KEY, startTestApp, type TestApp } from '../../support/test-app';

describe('concurrent writes', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.reset();
    await app.close();
  });
  beforeEach(() => app.reset());

  it('50 identical concurrent recordInvestment calls create exactly one investment and one derived edge', async () => {
    await buildGraph(app.repos, { companies: ['amazon', 'anthropic'] });
    const mutation = `mutation { recordInvestment(input: {
      investorId: "amazon", investeeId: "anthropic", amountUsd: 1250000000, amountKind: PAID, announcedOn: "2023-09-25",
      sources: [{ url: "https://example.org/concurrent", publisher: "P", title: "T" }] }) { id } }`;
    const results = await Promise.all(Array.from({ length: 50 }, () => app.gql<{ recordInvestment: { id: string } }>(mutation, {}, { key: WRITER_KEY })));
    expect(results.filter((r) => r.errors)).toEqual([]);
    expect(new Set(results.map((r) => r.data!.recordInvestment.id)).size).toBe(1);
    const [row] = await app.db.readRows(
      'RETURN COUNT { (:Investment) } AS investments, COUNT { ()-[:MADE]->() } AS made, COUNT { ()-[:INTO]->() } AS into, COUNT { ()-[:INVESTED_IN]->() } AS edges, COUNT { (:Source) } AS sources, COUNT { ()-[:CITES]->() } AS cites',
    );
    expect(row).toEqual({ investments: 1, made: 1, into: 1, edges: 1, sources: 2, cites: 1 });
  });

  it('concurrent creates of the same company never duplicate it', async () => {
    const mutation = 'mutation { createCompany(input: { id: "openai", name: "OpenAI", kind: AI_LAB }) { id } }';
    const results = await Promise.all(Array.from({ length: 30 }, () => app.gql(mutation, {}, { key: WRITER_KEY })));
    expect(results.filter((r) => r.errors)).toEqual([]);
    const [row] = await app.db.readRows('MATCH (c:Company {id: "openai"}) RETURN count(c) AS n');
    expect(row.n).toBe(1);
  });

  it('maps a constraint violation to CONFLICT', async () => {
    await buildGraph(app.repos, { companies: ['a'] });
    const error = await app.db.writeRows('CREATE (:Company {id: "a", name: "again"})').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONFLICT' });
  });

  it('a transient failure on the first attempt is retried without writing twice', async () => {
    let attempts = 0;
    await app.db.write(async (tx) => {
      attempts += 1;
      await tx.rows('MERGE (c:Company {id: "retry"}) ON CREATE SET c.name = "Retry", c.writes = 0 SET c.writes = c.writes + 1');
      if (attempts === 1) throw new neo4j.Neo4jError('simulated deadlock', 'Neo.TransientError.Transaction.DeadlockDetected', '40001', 'deadlock');
    });
    expect(attempts).toBe(2);
    const [row] = await app.db.readRows('MATCH (c:Company {id: "retry"}) RETURN count(c) AS n, max(c.writes) AS writes');
    expect(row).toEqual({ n: 1, writes: 1 });
  });
});
