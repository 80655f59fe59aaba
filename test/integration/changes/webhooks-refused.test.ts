import { startTestApp, type TestApp } from '../../support/test-app';
import { AS_WRITER, firstError } from '../domain/helpers';
import { CREATE_ENDPOINT, deliveries, Receiver, register, waitFor, writeCompanies } from './webhook-receiver';

// Hostile endpoint URLs are refused with BAD_USER_INPUT and nothing is stored: private, loopback and reserved
// addresses unless WEBHOOK_ALLOWED_HOSTS lists them, host names resolving to such an address, hosts the list does not
// name, and a host that answers the registration check with a redirect. A receiver that starts redirecting later is
// not followed (a failed attempt, retried); one that never recovers is marked FAILED after the retry window and the
// endpoint goes on with the next change.

const log = (line: string) => process.stdout.write(`[webhooks-refused] ${line}\n`);

async function stored(app: TestApp): Promise<{ endpoints: number; deliveries: number; lastChange: number }> {
  const [row] = await app.db.readRows('RETURN COUNT { (:WebhookEndpoint) } AS endpoints, COUNT { (:WebhookDelivery) } AS deliveries');
  return { endpoints: row!.endpoints as number, deliveries: row!.deliveries as number, lastChange: await app.lastChange() };
}

async function expectRefusedUrl(app: TestApp, url: string, reason: RegExp): Promise<void> {
  const before = await stored(app);
  const result = await app.gql(CREATE_ENDPOINT, { input: { url } }, AS_WRITER);
  const error = firstError(result);
  log(`${url} -> ${error?.code}: ${error?.message}`);
  expect(error).toEqual({ code: 'BAD_USER_INPUT', message: expect.stringMatching(reason) });
  expect(result.data?.createWebhookEndpoint ?? null).toBeNull();
  expect(await stored(app)).toEqual(before);
}

describe('webhook URLs with nothing listed (public hosts only)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ WEBHOOK_ALLOWED_HOSTS: '', WEBHOOK_TIMEOUT_MS: '1000', WEBHOOK_DISPATCH: 'false' });
    await app.reset();
  });
  afterAll(async () => {
    await app.reset();
    await app.close();
  });

  it.each([
    ['http://10.0.0.1/hook', /10\.0\.0\.1 is a private/],
    ['http://192.168.1.20:8080/hook', /192\.168\.1\.20 is a private/],
    ['http://172.16.5.4/hook', /private/],
    ['http://169.254.169.254/latest/meta-data/', /169\.254\.169\.254 is a private/],
    ['http://127.0.0.1:4000/graphql', /127\.0\.0\.1 is a private, loopback/],
    ['http://[::1]:4000/', /::1 is a private, loopback/],
    ['http://[::ffff:127.0.0.1]/', /private, loopback/],
    ['http://[fd00::5]/', /private/],
    ['http://0.0.0.0:4000/', /private/],
    ['http://2130706433/', /127\.0\.0\.1 is a private/],
    ['http://localhost:4000/hook', /localhost resolves to .* private, loopback/],
    ['ftp://example.com/hook', /http or https/],
    ['https://user:secret@example.com/hook', /user name or password/],
    ['not a url', /absolute http/],
  ])('refuses %s', async (url, reason) => {
    await expectRefusedUrl(app, url, reason);
  });
});

describe('webhook URLs with 127.0.0.1 listed', () => {
  let app: TestApp;
  const receivers: Receiver[] = [];
  beforeAll(async () => {
    app = await startTestApp({
      // This suite delivers (test apps do not by default).
      WEBHOOK_DISPATCH: 'true',
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      WEBHOOK_TIMEOUT_MS: '1000',
      WEBHOOK_POLL_MS: '100',
      WEBHOOK_BACKOFF_MS: '200',
      WEBHOOK_BACKOFF_MAX_MS: '400',
      // A retry window of 2.5 s, so a delivery that keeps failing is marked FAILED within the test.
      WEBHOOK_RETRY_HOURS: String(2.5 / 3600),
    });
    await app.reset();
  });
  afterEach(async () => {
    await app.reset();
    await Promise.all(receivers.splice(0).map((r) => r.close()));
  });
  afterAll(async () => {
    await app.close();
  });

  it('refuses loopback addresses not listed, and hosts the list does not name', async () => {
    await expectRefusedUrl(app, 'http://127.0.0.2:4000/hook', /127\.0\.0\.2 is a private, loopback/);
    await expectRefusedUrl(app, 'http://10.1.1.1/hook', /10\.1\.1\.1 is a private/);
    await expectRefusedUrl(app, 'http://8.8.8.8/hook', /not in WEBHOOK_ALLOWED_HOSTS/);
  });

  it('registers for a watch\'s alerts; NOT_FOUND and nothing stored for an unknown watch', async () => {
    const rx = await Receiver.start('ok');
    receivers.push(rx);
    const before = await stored(app);
    const missing = await app.gql(CREATE_ENDPOINT, { input: { url: rx.url, watchId: 'watch-nope' } }, AS_WRITER);
    expect(firstError(missing)?.code).toBe('NOT_FOUND');
    expect(await stored(app)).toEqual(before);
    await app.db.writeRows("CREATE (:Watch:Meta {id: 'watch-webhook-test'})");
    const made = await app.gql<{ createWebhookEndpoint: { endpoint: { filter: Record<string, unknown> } } }>(
      'mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { filter { entityTypes entityId companyId } } } }',
      { input: { url: rx.url, watchId: 'watch-webhook-test' } },
      AS_WRITER,
    );
    expect(made.data?.createWebhookEndpoint.endpoint.filter).toEqual({ entityTypes: ['WatchAlert'], entityId: 'watch-webhook-test', companyId: null });
  });

  it('refuses a host that answers the registration check with a redirect, and never follows it', async () => {
    const target = await Receiver.start('ok');
    const redirecting = await Receiver.start('redirect');
    receivers.push(target, redirecting);
    redirecting.redirectTo = target.url;
    await expectRefusedUrl(app, redirecting.url, /answered 302 \(a redirect to http:\/\/127\.0\.0\.1:\d+\/.*\), which is not followed/);
    expect(redirecting.requests).toBe(1);
    expect(target.requests).toBe(0);
  });

  it('a receiver that redirects later: the redirect is not followed and counts as a failed attempt', async () => {
    const target = await Receiver.start('ok');
    const rx = await Receiver.start('ok');
    receivers.push(target, rx);
    const endpointId = await register(app, rx);
    rx.mode = 'redirect';
    rx.redirectTo = target.url;
    await writeCompanies(app, 'wh-redirect', 1);
    await waitFor(async () => ((await deliveries(app, endpointId))[0]?.attempts ?? 0) >= 2, 60000, 'two failed attempts');
    const [delivery] = await deliveries(app, endpointId);
    log(`redirecting receiver: ${delivery!.attempts} attempts, status ${delivery!.status}, last ${delivery!.lastStatus}: ${delivery!.lastError}`);
    expect(delivery).toMatchObject({ status: 'PENDING', lastStatus: 302, lastError: expect.stringContaining('not followed') });
    expect(target.requests).toBe(0);
  });

  it('marks a delivery FAILED after the retry window and goes on with the next change', async () => {
    const rx = await Receiver.start('ok');
    receivers.push(rx);
    const endpointId = await register(app, rx);
    // The receiver refuses the first change (500) for good, and takes the second.
    const firstSeq = (await app.lastChange()) + 1;
    rx.failIds.add(`change-${firstSeq}`);
    await writeCompanies(app, 'wh-window', 2);
    const started = Date.now();
    await waitFor(async () => (await deliveries(app, endpointId)).length >= 2, 60000, 'the second change, after the first failed for good');
    const log1 = await deliveries(app, endpointId);
    log(`after ${Date.now() - started} ms: ${log1.map((d) => `${d.seq}:${d.status}x${d.attempts} (${d.lastError ?? d.lastStatus})`).join(' ')}`);
    expect(log1.map((d) => [d.seq, d.status])).toEqual([
      [firstSeq, 'FAILED'],
      [firstSeq + 1, 'DELIVERED'],
    ]);
    expect(log1[0]!.attempts).toBeGreaterThanOrEqual(4);
    expect(rx.seqs()).toEqual([firstSeq + 1]);
    // A failed delivery can be sent again by hand once the receiver is fixed.
    rx.failIds.clear();
    const { data } = await app.gql<{ redeliverWebhook: { status: string } }>('mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { status } }', { id: log1[0]!.id }, AS_WRITER);
    expect(data?.redeliverWebhook.status).toBe('PENDING');
    await waitFor(() => rx.receipts.length >= 2, 60000, 'the redelivered change');
    expect(rx.seqs()).toEqual([firstSeq + 1, firstSeq]);
  });
});
