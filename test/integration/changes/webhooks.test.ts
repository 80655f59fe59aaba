import { startTestApp, READER_KEY, type TestApp } from '../../support/test-app';
import { firstError, ok } from '../domain/helpers';
import { deliveries, increasing, Receiver, register, waitFor, WEBHOOK_CONFIG, writeCompanies, type DeliveryNode } from './webhook-receiver';

// Signed webhooks end to end, against real receivers on 127.0.0.1 (listed in WEBHOOK_ALLOWED_HOSTS) and a backoff
// shortened to 200 ms doubling up to 800 ms (and a 3 s attempt deadline): every change delivered in order, signed so that the standardwebhooks
// package verifies it; a receiver down across several retries gets everything once it is up; receivers answering
// 500 or hanging are retried and never hold up another endpoint; two processes on one database deliver each change
// once; a restart resumes where deliveries stopped; secrets rotate with both valid for a while; redelivery by hand.


const log = (line: string) => process.stdout.write(`[webhooks] ${line}\n`);

const CHANGE_FIELDS = 'seq group at actor requestId operation entityType entityId entityIds kind companyIds before after summary revertible redactedBy';

describe('signed webhooks', () => {
  let app: TestApp;
  const receivers: Receiver[] = [];
  const receiver = async (mode: Parameters<typeof Receiver.start>[0] = 'ok') => {
    const made = await Receiver.start(mode);
    receivers.push(made);
    return made;
  };

  beforeAll(async () => {
    app = await startTestApp(WEBHOOK_CONFIG);
  });
  beforeEach(async () => {
    await app.reset();
  });
  afterEach(async () => {
    // No endpoint of one test is served during the next.
    await app.reset();
    await Promise.all(receivers.splice(0).map((r) => r.close()));
  });
  afterAll(async () => {
    await app.close();
  });

  it('delivers every change passing the filter, signed, in order, with the payload a keyed caller reads', async () => {
    const all = await receiver();
    const onlyB = await receiver();
    const headBefore = await app.lastChange();
    const allId = await register(app, all);
    const onlyBId = await register(app, onlyB, { companyId: 'wh-b-2' });
    // Registering endpoints is not a graph fact: nothing is logged.
    expect(await app.lastChange()).toBe(headBefore);

    await writeCompanies(app, 'wh-a', 3);
    await writeCompanies(app, 'wh-b', 3);
    await waitFor(() => all.receipts.length >= 6 && onlyB.receipts.length >= 1, 60000, 'six deliveries and one filtered delivery');
    await new Promise((resolve) => setTimeout(resolve, 300));

    const changes = (await ok<{ changes: { nodes: Record<string, unknown>[] } }>(app, `{ changes(first: 10) { nodes { ${CHANGE_FIELDS} } } }`)).changes.nodes;
    log(`delivered seqs ${all.seqs().join(',')} to one endpoint; ${onlyB.seqs().join(',')} to the one filtered on wh-b-2`);
    expect(all.seqs()).toEqual(changes.map((change) => change.seq));
    expect(all.ids()).toEqual(changes.map((change) => `change-${change.seq}`));
    expect(all.receipts.map((receipt) => receipt.data)).toEqual(changes);
    expect(all.receipts.every((receipt) => receipt.type === 'change.created' && receipt.verifiedWith.length === 1)).toBe(true);
    expect(all.rejected).toEqual([]);
    expect(onlyB.receipts.map((receipt) => (receipt.data as { entityId: string }).entityId)).toEqual(['wh-b-2']);

    const log1 = await deliveries(app, allId);
    // Each change once at the receiver (a retry after a timed-out attempt under load would show as a duplicate).
    expect(new Set(all.ids()).size).toBe(all.ids().length);
    log(`attempts per delivery: ${log1.map((d) => d.attempts).join(',')}`);
    expect(log1.map((d) => [d.seq, d.status, d.lastStatus])).toEqual(changes.map((change) => [change.seq, 'DELIVERED', 204]));
    expect((await deliveries(app, onlyBId)).map((d) => d.status)).toEqual(['DELIVERED']);

    // Reads of endpoints need a writer key (they show URLs); no secret is ever shown again.
    const { webhookEndpoints } = await ok<{ webhookEndpoints: { id: string; url: string; cursor: number }[] }>(app, '{ webhookEndpoints { id url cursor retryingSeq } }');
    expect(webhookEndpoints.map((e) => e.id).sort()).toEqual([allId, onlyBId].sort());
    expect(webhookEndpoints.find((e) => e.id === allId)!.cursor).toBe(changes[changes.length - 1]!.seq);
    expect(firstError(await app.gql('{ webhookEndpoints { id } }', {}, { key: READER_KEY }))?.code).toBe('FORBIDDEN');
    expect(firstError(await app.gql('{ webhookEndpoints { id } }'))?.code).toBe('UNAUTHENTICATED');
    const stored = await app.db.readRows('MATCH (e:WebhookEndpoint) RETURN count(e) AS endpoints, all(l IN collect(labels(e)) WHERE "Meta" IN l) AS meta');
    expect(stored[0]).toEqual({ endpoints: 2, meta: true });
  });

  it('a receiver down across several retries gets every change, in order and signed, once it is up', async () => {
    const rx = await receiver('down');
    const endpointId = await register(app, rx);
    const ids = await writeCompanies(app, 'wh-down', 4);
    const started = Date.now();
    let seen = 0;
    let first: DeliveryNode | undefined;
    await waitFor(
      async () => {
        [first] = await deliveries(app, endpointId);
        if (first && first.attempts !== seen) {
          seen = first.attempts;
          log(`receiver down: change ${first.seq} attempt ${first.attempts} at +${Date.parse(first.lastAttemptAt!) - started} ms (${first.lastError}), next at +${Date.parse(first.nextAttemptAt!) - started} ms`);
        }
        return (first?.attempts ?? 0) >= 4;
      },
      60000,
      'four failed attempts',
    );
    // Order is kept: later changes wait behind the one being retried.
    expect(await deliveries(app, endpointId)).toHaveLength(1);
    expect(first).toMatchObject({ status: 'PENDING', lastStatus: null });
    expect(rx.receipts).toEqual([]);

    await rx.up();
    const upAt = Date.now();
    await waitFor(() => rx.receipts.length >= 4, 60000, 'the four changes after the receiver came up');
    await new Promise((resolve) => setTimeout(resolve, 300));
    log(`receiver up at +${upAt - started} ms; received seqs ${rx.seqs().join(',')} at +${rx.receipts.map((r) => r.at - started).join(', +')} ms`);
    expect(rx.receipts.map((r) => (r.data as { entityId: string }).entityId)).toEqual(ids);
    expect(increasing(rx.seqs())).toBe(true);
    expect(rx.rejected).toEqual([]);
    const final = await deliveries(app, endpointId);
    log(`delivery log: ${final.map((d) => `${d.seq}:${d.status}x${d.attempts}`).join(' ')}`);
    expect(final.map((d) => d.status)).toEqual(['DELIVERED', 'DELIVERED', 'DELIVERED', 'DELIVERED']);
    expect(final[0]!.attempts).toBeGreaterThanOrEqual(5);
  });

  it('receivers answering 500 or hanging are retried and never hold up another endpoint', async () => {
    const healthy = await receiver();
    const failing = await receiver('error');
    const hanging = await receiver('hang');
    const healthyId = await register(app, healthy);
    const failingId = await register(app, failing);
    // The registration check (a HEAD request) of a hanging receiver times out; that is accepted.
    const hangingId = await register(app, hanging);
    const started = Date.now();
    await writeCompanies(app, 'wh-slow', 3);
    await waitFor(() => healthy.receipts.length >= 3, 60000, 'the healthy endpoint');
    log(`healthy endpoint got all 3 within ${Date.now() - started} ms while the others failed`);
    // Nothing reached the others yet: the healthy one did not wait for them.
    expect(failing.receipts).toEqual([]);
    expect(hanging.receipts).toEqual([]);
    await waitFor(async () => (await deliveries(app, hangingId))[0]?.attempts! >= 2 && (await deliveries(app, failingId))[0]?.attempts! >= 3, 60000, 'retries');
    const [failed] = await deliveries(app, failingId);
    const [hung] = await deliveries(app, hangingId);
    log(`500 receiver: ${failed!.attempts} attempts, last ${failed!.lastStatus} (${failed!.lastError}); hanging receiver: ${hung!.attempts} attempts (${hung!.lastError})`);
    expect(failed).toMatchObject({ status: 'PENDING', lastStatus: 500 });
    expect(hung).toMatchObject({ status: 'PENDING', lastStatus: null, lastError: expect.stringContaining('no answer within 3000 ms') });

    // More changes still reach the healthy endpoint at once.
    const more = Date.now();
    await writeCompanies(app, 'wh-slow-more', 2);
    await waitFor(() => healthy.receipts.length >= 5, 60000, 'two more to the healthy endpoint');
    expect(failing.receipts).toEqual([]);
    log(`two more changes reached the healthy endpoint in ${Date.now() - more} ms`);

    failing.mode = 'ok';
    hanging.mode = 'ok';
    await waitFor(() => failing.receipts.length >= 5 && hanging.receipts.length >= 5, 60000, 'the recovered receivers');
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const [name, rx] of [['healthy', healthy], ['was 500', failing], ['was hanging', hanging]] as const) {
      log(`${name}: seqs ${rx.seqs().join(',')}`);
      expect(rx.seqs()).toEqual(healthy.seqs());
      expect(rx.rejected).toEqual([]);
    }
    log(`healthy endpoint attempts per delivery: ${(await deliveries(app, healthyId)).map((d) => d.attempts).join(',')}`);
  });

  it('two processes on one database deliver each change once, in order', async () => {
    const other = await startTestApp(WEBHOOK_CONFIG);
    try {
      const rxs = [await receiver(), await receiver(), await receiver()];
      const endpointIds: string[] = [];
      for (const rx of rxs) endpointIds.push(await register(app, rx));
      // Writes through both processes: each pokes its own dispatcher.
      for (let i = 0; i < 10; i += 1) await writeCompanies(i % 2 === 0 ? app : other, `wh-two-${i}`, 2);
      await waitFor(() => rxs.every((rx) => rx.receipts.length >= 20), 60000, '20 changes at each endpoint');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      for (const [i, rx] of rxs.entries()) {
        const ids = rx.ids();
        const byProcess = new Map<string, number>();
        for (const d of await deliveries(app, endpointIds[i]!)) byProcess.set(d.lastAttemptBy!, (byProcess.get(d.lastAttemptBy!) ?? 0) + 1);
        log(`endpoint ${i + 1}: ${ids.length} receipts, ${new Set(ids).size} distinct; delivered by ${[...byProcess.values()].join(' + ')} (two processes)`);
        expect(ids).toHaveLength(20);
        expect(new Set(ids).size).toBe(20);
        expect(increasing(rx.seqs())).toBe(true);
      }
    } finally {
      await other.close();
    }
  });

  it('a restart resumes from the stored cursor: nothing delivered twice, nothing missed', async () => {
    const rx = await receiver();
    const endpointId = await register(app, rx);
    await writeCompanies(app, 'wh-restart-a', 2);
    await waitFor(() => rx.receipts.length >= 2, 60000, 'the first two');
    await app.close();
    // Writes while no process delivers (this one does not dispatch).
    const writer = await startTestApp({ ...WEBHOOK_CONFIG, WEBHOOK_DISPATCH: 'false' });
    await writeCompanies(writer, 'wh-restart-b', 3);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(rx.receipts).toHaveLength(2);
    await writer.close();
    app = await startTestApp(WEBHOOK_CONFIG);
    await waitFor(() => rx.receipts.length >= 5, 60000, 'the three written while no one delivered');
    await new Promise((resolve) => setTimeout(resolve, 300));
    log(`after the restart: ${rx.seqs().join(',')}`);
    expect(rx.receipts.map((r) => (r.data as { entityId: string }).entityId)).toEqual(['wh-restart-a-1', 'wh-restart-a-2', 'wh-restart-b-1', 'wh-restart-b-2', 'wh-restart-b-3']);
    expect((await deliveries(app, endpointId)).map((d) => d.status)).toEqual(['DELIVERED', 'DELIVERED', 'DELIVERED', 'DELIVERED', 'DELIVERED']);
  });

  it('rotates a secret: both verify during the overlap, only the new one after', async () => {
    const rx = await receiver();
    const endpointId = await register(app, rx);
    const [original] = rx.secrets;
    const ROTATE = 'mutation($id: ID!, $hours: Int) { rotateWebhookSecret(id: $id, keepOldForHours: $hours) { secret endpoint { id previousSecretExpiresAt secretRotatedAt } } }';
    const rotated = await ok<{ rotateWebhookSecret: { secret: string; endpoint: { previousSecretExpiresAt: string | null } } }>(app, ROTATE, { id: endpointId, hours: 2 });
    const second = rotated.rotateWebhookSecret.secret;
    expect(second).toMatch(/^whsec_/);
    expect(second).not.toBe(original);
    expect(Date.parse(rotated.rotateWebhookSecret.endpoint.previousSecretExpiresAt!)).toBeGreaterThan(Date.now() + 3600 * 1000);
    rx.secrets = [original!, second];
    await writeCompanies(app, 'wh-rotate-a', 1);
    await waitFor(() => rx.receipts.length >= 1, 60000, 'a delivery during the overlap');
    expect(rx.receipts[0]!.verifiedWith).toEqual([original, second]);
    expect(rx.receipts[0]!.signature.split(' ')).toHaveLength(2);

    const third = (await ok<{ rotateWebhookSecret: { secret: string; endpoint: { previousSecretExpiresAt: string | null } } }>(app, ROTATE, { id: endpointId, hours: 0 })).rotateWebhookSecret;
    expect(third.endpoint.previousSecretExpiresAt).toBeNull();
    rx.secrets = [original!, second, third.secret];
    await writeCompanies(app, 'wh-rotate-b', 1);
    await waitFor(() => rx.receipts.length >= 2, 60000, 'a delivery after the old secrets expired');
    expect(rx.receipts[1]!.verifiedWith).toEqual([third.secret]);
    log(`overlap delivery verified by ${rx.receipts[0]!.verifiedWith.length} secrets; after keepOldForHours 0 by ${rx.receipts[1]!.verifiedWith.length}`);

    expect(firstError(await app.gql(ROTATE, { id: 'whk-unknown', hours: 1 }, { key: 'test-writer-key' }))?.code).toBe('NOT_FOUND');
    expect(firstError(await app.gql(ROTATE, { id: endpointId, hours: -1 }, { key: 'test-writer-key' }))?.code).toBe('BAD_USER_INPUT');
    expect(firstError(await app.gql(ROTATE, { id: endpointId, hours: 100000 }, { key: 'test-writer-key' }))?.code).toBe('BAD_USER_INPUT');
  });

  it('redelivers by hand with the same webhook-id, and removes an endpoint with its log', async () => {
    const rx = await receiver();
    const endpointId = await register(app, rx);
    await writeCompanies(app, 'wh-redeliver', 2);
    await waitFor(() => rx.receipts.length >= 2, 60000, 'two deliveries');
    const [firstDelivery] = await deliveries(app, endpointId);
    const REDELIVER = 'mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { id status redelivery nextAttemptAt } }';
    const queued = await ok<{ redeliverWebhook: { status: string; redelivery: boolean } }>(app, REDELIVER, { id: firstDelivery!.id });
    expect(queued.redeliverWebhook).toMatchObject({ status: 'PENDING', redelivery: true });
    await waitFor(() => rx.receipts.length >= 3, 60000, 'the redelivery');
    expect(rx.ids()).toEqual([firstDelivery!.webhookId, expect.any(String), firstDelivery!.webhookId]);
    await waitFor(async () => (await deliveries(app, endpointId))[0]!.status === 'DELIVERED', 60000, 'the redelivery recorded');
    expect((await deliveries(app, endpointId))[0]).toMatchObject({ attempts: 2, redelivery: false });
    expect(firstError(await app.gql(REDELIVER, { id: 'whd-nope-1' }, { key: 'test-writer-key' }))?.code).toBe('NOT_FOUND');

    const REMOVE = 'mutation($id: ID!) { removeWebhookEndpoint(id: $id) { id deleted } }';
    expect((await ok<{ removeWebhookEndpoint: { deleted: boolean } }>(app, REMOVE, { id: endpointId })).removeWebhookEndpoint.deleted).toBe(true);
    const [left] = await app.db.readRows('RETURN COUNT { (:WebhookEndpoint) } AS endpoints, COUNT { (:WebhookDelivery) } AS deliveries');
    expect(left).toEqual({ endpoints: 0, deliveries: 0 });
    expect(firstError(await app.gql(REMOVE, { id: endpointId }, { key: 'test-writer-key' }))?.code).toBe('NOT_FOUND');
    await writeCompanies(app, 'wh-after-remove', 1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(rx.receipts).toHaveLength(3);
  });
});
