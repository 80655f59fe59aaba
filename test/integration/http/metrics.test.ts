import { parse } from 'graphql';
import { EXAMPLE_OPERATIONS, exampleHeaders } from '../../../src/graphql/example-operations';
import { MAX_OPERATION_LABELS, NEO4J_UP_TIMEOUT_MS } from '../../../src/metrics/api-metrics';
import { poolCounts } from '../../../src/metrics/driver-pool';
import { startServer, type RunningServer } from '../../../src/server';
import { startSeededTestApp, testConfig, type TestApp } from '../../support/test-app';
import { parsePrometheus, valueOf, type Sample } from './prometheus-text';
import { postGraphQL, rawRequest } from './raw-request';

function operationName(document: string): string {
  const [definition] = parse(document).definitions;
  if (definition?.kind !== 'OperationDefinition' || !definition.name) throw new Error('an example without a name');
  return definition.name.value;
}

describe('GET /metrics', () => {
  let app: TestApp;
  let base: string;
  const started: RunningServer[] = [];
  const start = async (overrides: Record<string, string>, ping?: () => Promise<void>) => {
    const running = await startServer({ ...app.deps, ...(ping ? { ping } : {}), config: testConfig({ PORT: '0', ...overrides }) });
    started.push(running);
    return running.url.replace(/\/graphql$/, '');
  };
  const scrape = async (at = base): Promise<Sample[]> => {
    const answer = await rawRequest(`${at}/metrics`, 'GET');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return parsePrometheus(answer.text);
  };

  beforeAll(async () => {
    app = await startSeededTestApp();
    base = await start({});
  });
  afterAll(async () => {
    await Promise.all(started.map((running) => running.stop()));
    await app?.reset();
    await app?.close();
  });

  it('times every request by operation name, counts its round trips and its errors by code', async () => {
    const roundTrips = new Map<string, number>();
    for (const document of EXAMPLE_OPERATIONS) {
      const answer = await postGraphQL(base, document, exampleHeaders(document));
      const name = operationName(document);
      roundTrips.set(name, Number(answer.headers['x-db-round-trips']));
      // The README's reads run cleanly on the seed; its mutation, sent with the placeholder key, is refused.
      if (document.startsWith('mutation')) expect(answer.json().errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
      else expect(answer.json().errors).toBeUndefined();
    }
    const missing = await postGraphQL(base, 'query MissingCompany { backersOfCompetitors(companyId: "no-such-company") { explanation } }');
    expect(missing.json().errors?.[0].extensions?.code).toBe('NOT_FOUND');
    await postGraphQL(base, '{ __typename }');
    await postGraphQL(base, 'query Broken {');
    await postGraphQL(base, `{ __typename } # ${'x'.repeat(200_000)}`);

    const samples = await scrape();
    for (const [name, trips] of roundTrips) {
      expect([name, valueOf(samples, 'graphql_request_duration_seconds_count', { operation: name })]).toEqual([name, 1]);
      expect([name, valueOf(samples, 'graphql_db_round_trips_sum', { operation: name })]).toEqual([name, trips]);
    }
    expect(roundTrips.get('AmazonTranchesInAnthropic')).toBeGreaterThan(0);
    expect(valueOf(samples, 'graphql_request_duration_seconds_count', { operation: 'MissingCompany' })).toBe(1);
    expect(valueOf(samples, 'graphql_request_duration_seconds_count', { operation: '(anonymous)' })).toBe(1);
    // A document that does not parse and a body refused before GraphQL ran resolve no operation.
    expect(valueOf(samples, 'graphql_request_duration_seconds_count', { operation: '(unknown)' })).toBe(2);
    expect(valueOf(samples, 'graphql_request_duration_seconds_bucket', { operation: '(anonymous)', le: '+Inf' })).toBe(1);
    expect(valueOf(samples, 'graphql_request_duration_seconds_sum', { operation: 'AmazonTranchesInAnthropic' })).toBeGreaterThan(0);
    for (const code of ['UNAUTHENTICATED', 'NOT_FOUND', 'GRAPHQL_PARSE_FAILED', 'PAYLOAD_TOO_LARGE']) {
      expect([code, valueOf(samples, 'graphql_errors_total', { code })]).toEqual([code, 1]);
    }
    expect(valueOf(samples, 'http_requests_total', { route: '/graphql', method: 'POST', status: '413' })).toBe(1);
    expect(valueOf(samples, 'neo4j_up')).toBe(1);
    expect(valueOf(samples, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(valueOf(samples, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
  });

  it('reports the driver pool, in use while a transaction holds a connection and idle after', async () => {
    const during = await app.db.read(async (tx) => {
      await tx.rows('RETURN 1 AS one');
      return scrape();
    });
    expect(valueOf(during, 'neo4j_pool_connections', { state: 'in_use' })).toBeGreaterThanOrEqual(1);
    const after = await scrape();
    expect(valueOf(after, 'neo4j_pool_connections', { state: 'idle' })).toBeGreaterThanOrEqual(1);
    // The counts come from the pinned driver's internals: this fails when an upgrade moves them.
    expect(poolCounts(app.driver)).toEqual({ inUse: expect.any(Number), idle: expect.any(Number) });
  });

  it('keeps the operation label set bounded whatever names clients make up', async () => {
    const before = await scrape();
    const named = new Set(
      before.filter((sample) => sample.name === 'graphql_request_duration_seconds_count' && !sample.labels.operation?.startsWith('(')).map((sample) => sample.labels.operation),
    );
    const flood = MAX_OPERATION_LABELS + 20;
    for (let i = 0; i < flood; i += 1) await postGraphQL(base, `query Made_Up_${i} { __typename }`);
    // A name in a document that does not validate never takes a place.
    await postGraphQL(base, 'query NeverValid { noSuchField }');

    const samples = await scrape();
    const labels = samples.filter((sample) => sample.name === 'graphql_request_duration_seconds_count').map((sample) => sample.labels.operation as string);
    const names = labels.filter((label) => !label.startsWith('('));
    expect(names).toHaveLength(MAX_OPERATION_LABELS);
    expect(names).not.toContain('NeverValid');
    expect(valueOf(samples, 'graphql_request_duration_seconds_count', { operation: '(other)' })).toBe(named.size + flood - MAX_OPERATION_LABELS);
    expect(valueOf(samples, 'graphql_request_duration_seconds_count', { operation: '(unknown)' })).toBe(3);
    expect(valueOf(samples, 'graphql_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
  });

  it('reports neo4j_up 0 when the ping fails or does not answer in time, without making the scrape wait for it', async () => {
    const failing = await start({}, () => Promise.reject(new Error('database unavailable')));
    expect(valueOf(await scrape(failing), 'neo4j_up')).toBe(0);
    const hanging = await start({}, () => new Promise<void>(() => undefined));
    const begun = Date.now();
    expect(valueOf(await scrape(hanging), 'neo4j_up')).toBe(0);
    expect(Date.now() - begun).toBeLessThan(NEO4J_UP_TIMEOUT_MS + 1500);
  });

  it('asks for METRICS_TOKEN when one is set, and is absent when METRICS_ENABLED is false', async () => {
    const guarded = await start({ METRICS_TOKEN: 'scrape-secret' });
    const refused = await rawRequest(`${guarded}/metrics`, 'GET');
    expect(refused.status).toBe(401);
    expect(refused.json().errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect((await rawRequest(`${guarded}/metrics`, 'GET', { authorization: 'Bearer wrong' })).status).toBe(401);
    const allowed = await rawRequest(`${guarded}/metrics`, 'GET', { authorization: 'Bearer scrape-secret' });
    expect(allowed.status).toBe(200);
    expect(valueOf(parsePrometheus(allowed.text), 'neo4j_up')).toBe(1);

    const disabled = await start({ METRICS_ENABLED: 'false' });
    const absent = await rawRequest(`${disabled}/metrics`, 'GET');
    expect(absent.status).toBe(404);
    expect(absent.json().errors?.[0].extensions).toEqual({ code: 'NOT_FOUND' });
    expect((await postGraphQL(disabled, '{ __typename }')).status).toBe(200);
  });
});
