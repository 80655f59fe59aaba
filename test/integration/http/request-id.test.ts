import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import type { RequestContext } from '../../../src/graphql/context';
import { MAX_REQUEST_ID_LENGTH } from '../../../src/http/request-id';
import { createLogger } from '../../../src/platform/logger';
import { startServer, type RunningServer } from '../../../src/server';
import { startTestApp, testConfig, type TestApp } from '../../support/test-app';
import { postGraphQL, rawRequest } from './raw-request';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * A schema with one field that logs through the request's logger and then fails unexpectedly, so a test can see the
 * lines one request writes on every path: a resolver's own, and the error masking's.
 */
const failingSchema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      ok: { type: GraphQLString, resolve: () => 'ok' },
      boom: {
        type: GraphQLString,
        resolve: (_source, _args, context: RequestContext) => {
          context.logger.info('about to fail');
          throw new Error('an unexpected failure');
        },
      },
    },
  }),
});

describe('request ids', () => {
  let app: TestApp;
  let server: RunningServer;
  let base: string;
  const logged: Record<string, unknown>[] = [];
  const raw: string[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    const logger = createLogger('info', {
      write: (line: string) => {
        raw.push(line);
        logged.push(JSON.parse(line) as Record<string, unknown>);
      },
    });
    server = await startServer({ ...app.deps, schema: failingSchema, logger, config: testConfig({ PORT: '0', CORS_ORIGINS: 'https://app.example.com' }) });
    base = server.url.replace(/\/graphql$/, '');
  });
  afterAll(async () => {
    await server?.stop();
    await app?.close();
  });

  it('echoes an acceptable x-request-id on every route, errors and preflights included', async () => {
    const id = 'req-7f3a:trace/42=ok';
    const answers = await Promise.all([
      postGraphQL(base, '{ ok }', { 'x-request-id': id }),
      rawRequest(`${base}/health`, 'GET', { 'x-request-id': id }),
      rawRequest(`${base}/ready`, 'GET', { 'x-request-id': id }),
      rawRequest(`${base}/metrics`, 'GET', { 'x-request-id': id }),
      rawRequest(`${base}/no-such-path`, 'GET', { 'x-request-id': id }),
      rawRequest(`${base}/health`, 'POST', { 'x-request-id': id }),
      rawRequest(`${base}/graphql`, 'POST', { 'x-request-id': id, 'content-type': 'application/json' }, '{"query": "{ ok "'),
      postGraphQL(base, `{ ok } # ${'x'.repeat(200_000)}`, { 'x-request-id': id }),
      rawRequest(`${base}/graphql`, 'OPTIONS', { 'x-request-id': id, origin: 'https://app.example.com', 'access-control-request-method': 'POST' }),
      rawRequest(`${base}/graphql`, 'OPTIONS', { 'x-request-id': id, origin: 'https://elsewhere.example', 'access-control-request-method': 'POST' }),
      rawRequest(`${base}/graphql`, 'GET', { 'x-request-id': id, accept: 'text/html' }),
    ]);
    expect(answers.map((answer) => [answer.status, answer.headers['x-request-id']])).toEqual(
      [200, 200, 200, 200, 404, 405, 400, 413, 204, 403, 200].map((status) => [status, id]),
    );
  });

  it('replaces a hostile or malformed id with a new UUID', async () => {
    const hostile = ['x'.repeat(MAX_REQUEST_ID_LENGTH + 1), 'has spaces in it', '', 'tab\there', 'caf\u00e9', '"quoted"\u0001'];
    const ids = new Set<string>();
    for (const value of hostile) {
      const answer = await rawRequest(`${base}/health`, 'GET', { 'x-request-id': value }).catch(() => undefined);
      // Node refuses to even send some of these (control characters); what it sends must be replaced.
      if (!answer) continue;
      const id = answer.headers['x-request-id'] as string;
      expect([value, UUID.test(id)]).toEqual([value, true]);
      ids.add(id);
    }
    expect(ids.size).toBeGreaterThanOrEqual(4);
    const longest = 'y'.repeat(MAX_REQUEST_ID_LENGTH);
    expect((await rawRequest(`${base}/health`, 'GET', { 'x-request-id': longest })).headers['x-request-id']).toBe(longest);
    const fresh = await rawRequest(`${base}/health`, 'GET');
    expect(fresh.headers['x-request-id']).toMatch(UUID);
  });

  it('puts the id on every log line the request writes, and gives each request its own', async () => {
    logged.length = 0;
    raw.length = 0;
    const [first, second] = await Promise.all([
      postGraphQL(base, '{ boom }', { 'x-request-id': 'first-request' }),
      postGraphQL(base, '{ boom }', { 'x-request-id': 'second-request' }),
    ]);
    for (const [answer, id] of [
      [first, 'first-request'],
      [second, 'second-request'],
    ] as const) {
      expect(answer.headers['x-request-id']).toBe(id);
      const [error] = answer.json<{ errors: { extensions: { code: string; correlationId: string } }[] }>().errors;
      expect(error?.extensions.code).toBe('INTERNAL_SERVER_ERROR');
      const lines = logged.filter((line) => line.requestId === id);
      expect(lines.map((line) => line.msg)).toEqual(['about to fail', 'unexpected error while resolving a request']);
      expect(lines[1]?.correlationId).toBe(error?.extensions.correlationId);
    }
    // No line of either request went out without its id, and none carries the field twice.
    expect(logged).toHaveLength(4);
    expect(raw.map((line) => line.match(/"requestId"/g)?.length)).toEqual([1, 1, 1, 1]);
  });
});
