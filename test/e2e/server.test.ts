import { startServer, type RunningServer } from '../../src/server';
import { startTestApp, testConfig, type TestApp } from '../support/test-app';

describe('HTTP server', () => {
  let app: TestApp;
  let server: RunningServer;
  let base: string;
  beforeAll(async () => {
    app = await startTestApp();
    server = await startServer({ ...app.deps, config: testConfig({ PORT: '0' }) });
    base = server.url.replace(/\/graphql$/, '');
  });
  afterAll(async () => {
    await server.stop();
    await app.close();
  });

  it('answers a GraphQL POST and reports its database round trips', async () => {
    const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
    expect(response.headers.get('x-db-round-trips')).toBe('0');
    // Answers change with every write: never stored, and not hashed for an ETag nobody revalidates.
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('etag')).toBeNull();
  });

  it('serves /health and /ready', async () => {
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('serves the Apollo Sandbox landing page to browsers outside production', async () => {
    const response = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/apollo/i);
  });

  it('answers GET queries (with the preflight header CSRF prevention asks for) from the query string', async () => {
    const response = await fetch(`${base}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
    expect(response.headers.get('x-db-round-trips')).toBe('0');
  });

  it('answers unknown paths and wrong methods with a coded JSON error', async () => {
    const missing = await fetch(`${base}/nothing-here`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ errors: [expect.objectContaining({ extensions: { code: 'NOT_FOUND' } })] });
    const posted = await fetch(`${base}/health`, { method: 'POST' });
    expect(posted.status).toBe(405);
    expect(posted.headers.get('allow')).toBe('GET, HEAD');
    expect(await posted.json()).toEqual({ errors: [expect.objectContaining({ extensions: { code: 'METHOD_NOT_ALLOWED' } })] });
  });

  it('rejects batched requests and oversized bodies', async () => {
    const batched = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(batched.status).toBe(400);
    const huge = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ __typename } # ${'x'.repeat(200_000)}` }),
    });
    expect(huge.status).toBe(413);
  });
});
