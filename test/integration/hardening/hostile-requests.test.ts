import { createLogger } from '../../../src/platform/logger';
import { loadDataset } from '../../../src/seed/load-dataset';
import { startServer, type RunningServer } from '../../../src/server';
import { startTestApp, testConfig, WRITER_KEY, type TestApp } from '../../support/test-app';

interface Answer {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string; limit?: string } }[] };
  ms: number;
}

/**
 * The requests an outside fuzzer got past the server (a 500, client mistakes answered INTERNAL_SERVER_ERROR, a write
 * despite an error, an empty company id, a request that blocked the event loop for seconds, a stack overflow's
 * message), and the abuse limits it got past in production mode, each sent as the fuzzer sent it: over HTTP.
 */
describe('hostile requests found by an outside fuzzer', () => {
  let app: TestApp;
  let server: RunningServer;
  let base: string;

  beforeAll(async () => {
    app = await startTestApp();
    await app.reset();
    await loadDataset(app.repos);
    server = await startServer({ ...app.deps, logger: createLogger('silent'), config: testConfig({ PORT: '0', NODE_ENV: 'production' }) });
    base = server.url.replace(/\/graphql$/, '');
  });
  afterAll(async () => {
    await server?.stop();
    await app?.reset();
    await app?.close();
  });

  async function post(body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const started = performance.now();
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Answer['body'], ms: performance.now() - started };
  }
  const codes = (answer: Answer) => (answer.body.errors ?? []).map((error) => error.extensions?.code);

  it('answers an operationName that names no operation with a 400, on POST and GET', async () => {
    const viaPost = await post({ query: '{ __typename }', operationName: 'X' });
    const response = await fetch(`${base}/graphql?query=${encodeURIComponent('{ __typename }')}&operationName=X`, { headers: { 'apollo-require-preflight': 'true' } });
    const viaGet = { status: response.status, body: (await response.json()) as Answer['body'], ms: 0 };
    for (const answer of [viaPost, viaGet]) {
      expect({ status: answer.status, codes: codes(answer) }).toEqual({ status: 400, codes: ['OPERATION_RESOLUTION_FAILURE'] });
    }
  });

  it.each([
    ['an unsupported persisted-query version', { query: '{ __typename }', extensions: { persistedQuery: { version: 2 } } }],
    ['a persisted-query hash that does not match the query', { query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } }],
    ['a subscription (this API has none)', { query: 'subscription { __typename }' }],
  ])('answers %s as the client error it is', async (_label, body) => {
    const answer = await post(body);
    expect(answer.status).toBe(400);
    expect(codes(answer)).toHaveLength(1);
    expect(codes(answer)[0]).toMatch(/^(BAD_REQUEST|GRAPHQL_VALIDATION_FAILED)$/);
  });

  it.each(['updateSubsidiaryLink', 'updateAcquisition'])('%s of an unknown id answers NOT_FOUND and stores nothing', async (mutation) => {
    const before = await app.counts();
    const answer = await post(
      { query: `mutation { ${mutation}(id: "no-such-fact", input: { sources: [{ url: "https://example.org/x", publisher: "p", title: "t" }] }) { id } }` },
      { authorization: `Bearer ${WRITER_KEY}` },
    );
    expect(codes(answer)).toEqual(['NOT_FOUND']);
    expect(await app.counts()).toEqual(before);
    const [row] = await app.db.readRows('MATCH (s:Source {url: "https://example.org/x"}) RETURN count(s) AS n');
    expect(row.n).toBe(0);
  });

  it('refuses a company whose name gives no id, and stores none', async () => {
    const before = await app.counts();
    const answer = await post({ query: 'mutation { createCompany(input: { name: "+++", kind: AI_LAB }) { id } }' }, { authorization: `Bearer ${WRITER_KEY}` });
    expect(codes(answer)).toEqual(['BAD_USER_INPUT']);
    expect(answer.body.errors?.[0].message).toMatch(/^name: /);
    expect(await app.counts()).toEqual(before);
  });

  it('refuses 30,000 repeated fields at the token limit, before validation, and /health is not kept waiting', async () => {
    const huge = `{ ${'x '.repeat(30000)}}`;
    expect(huge.length).toBeGreaterThan(60000);
    const [answer, health] = await Promise.all([post({ query: huge }), fetch(`${base}/health`).then((r) => r.status)]);
    expect({ status: answer.status, codes: codes(answer), limit: answer.body.errors?.[0].extensions?.limit }).toEqual({ status: 400, codes: ['QUERY_LIMIT_EXCEEDED'], limit: 'tokens' });
    expect(health).toBe(200);
  });

  it('refuses a list literal nested 4,000 deep with a limit error, not the engine\'s stack overflow', async () => {
    const answer = await post({ query: `{ company(id: ${'['.repeat(4000)}"a"${']'.repeat(4000)}) { id } }` });
    expect(codes(answer)).toEqual(['QUERY_LIMIT_EXCEEDED']);
    expect(JSON.stringify(answer.body)).not.toMatch(/call stack/i);
  });

  it('refuses a literal nested past the literal-depth limit even when the document is short', async () => {
    const answer = await post({ query: `{ company(id: ${'['.repeat(20)}"a"${']'.repeat(20)}) { id } }` });
    expect({ codes: codes(answer), limit: answer.body.errors?.[0].extensions?.limit }).toEqual({ codes: ['QUERY_LIMIT_EXCEEDED'], limit: 'literalDepth' });
  });

  it.each([
    ['101 aliases of __typename', `{ ${Array.from({ length: 101 }, (_, i) => `a${i}: __typename`).join(' ')} }`, 'aliases'],
    ['ten repeated unknown directives', `{ __typename ${'@aa'.repeat(10)} }`, 'directives'],
    ['a document past the token limit', `{ ${'__typename '.repeat(1200)}}`, 'tokens'],
  ])('in production, answers %s with exactly one coded error and runs nothing', async (_label, query, limit) => {
    const answer = await post({ query });
    expect(answer.status).toBe(400);
    expect(answer.body.data).toBeUndefined();
    expect(answer.body.errors?.map((error) => [error.extensions?.code, error.extensions?.limit])).toEqual([['QUERY_LIMIT_EXCEEDED', limit]]);
  });
});
