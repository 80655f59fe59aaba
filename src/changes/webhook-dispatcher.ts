import crypto from 'node:crypto';
import os from 'node:os';
import type { ChangeRecord } from '../domain/change';
import type { Database } from '../neo4j/database';
import type { Logger } from '../platform/logger';
import type { ChangeRepository } from './change.repository';
import { changeView } from './change-view';
import type { WebhookHttpClient } from './webhook-http';
import { nextAttemptAt, type RetrySchedule } from './webhook-schedule';
import { signedHeaders } from './webhook-signer';
import { DeliveryStatus, webhookIdOf, type AttemptRecord, type ClaimedEndpoint, type WebhookDeliveryRecord, type WebhookRepository } from './webhook.repository';

export interface WebhookDispatcherOptions extends RetrySchedule {
  /** How often to look for endpoints with something to deliver (also at once after this process commits a write). */
  readonly pollMs: number;
  /** Endpoints served at once: a slow or hanging receiver holds one slot, never the others. */
  readonly concurrency: number;
  /** One attempt's deadline; the lease outlives it, so a lease renewed before an attempt is still held after it. */
  readonly timeoutMs: number;
  /** Days finished deliveries stay in the delivery log. */
  readonly deliveryLogDays: number;
}

/** Changes read per page of an endpoint's stream, and the most delivered under one claim before others get a turn. */
const PAGE = 25;
const PER_CLAIM = 200;
const HOUR_MS = 3600 * 1000;
const USER_AGENT = 'ai-industry-graph-webhooks/1';

/** The body of a delivery: Standard Webhooks' `{type, timestamp, data}`, data the change as a keyed caller reads it. */
export function webhookPayload(change: ChangeRecord): string {
  return JSON.stringify({ type: `change.${change.kind.toLowerCase()}`, timestamp: new Date(change.at).toISOString(), data: changeView(change, change.actor) });
}

type Served = 'continue' | 'blocked' | 'lost';

/** An endpoint under this process's lease: when the lease was last taken or renewed (local clock, before asking). */
type Serving = Omit<ClaimedEndpoint, 'secrets'> & { leasedAt: number; secrets: readonly string[] };

/**
 * Delivers the change log to webhook endpoints from this process. Every process may run one: an endpoint is served
 * by whoever holds its lease in Neo4j (taken in a write transaction that locks the endpoint, renewed before each
 * attempt, given back after), so one delivery is made by one process at a time. Under the lease it delivers the
 * changes after the endpoint's cursor that pass its filter, one at a time in seq order; the cursor moves only once a
 * change is delivered (or failed for good after the retry window), so a restart, or another process, resumes there.
 * A failed attempt blocks the endpoint's stream until its next attempt (exponential backoff) and frees the slot for
 * other endpoints. Redeliveries asked for by hand are sent beside the stream. Secrets are used to sign, never logged.
 */
export class WebhookDispatcher {
  /** This process's name on leases: host, pid and a random part (a restarted process never reuses a lease). */
  readonly owner = `${os.hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 8)}`;
  private readonly leaseMs: number;
  private readonly serving = new Map<string, Promise<void>>();
  private readonly aborts = new Set<AbortController>();
  private wake: (() => void) | null = null;
  private dirty = false;
  private stopped = true;
  private loop: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private pruneTimer: NodeJS.Timeout | null = null;
  private unhook: (() => void) | null = null;
  /** Endpoints there were at the last look (one until the first look says otherwise). */
  private endpoints = 1;

  constructor(
    private readonly repo: WebhookRepository,
    private readonly changes: ChangeRepository,
    private readonly db: Database,
    private readonly http: WebhookHttpClient,
    private readonly options: WebhookDispatcherOptions,
    private readonly logger?: Logger,
  ) {
    this.leaseMs = options.timeoutMs * 2 + 15000;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    // A write this process committed may be a change to deliver: look at once (the look itself is a read), unless the
    // last look found no endpoint at all. Looking after every write anyway cost each write 2-5 ms at 100k companies
    // (the read competing with the next write for 2 cores); an endpoint made since is found by the next poll.
    this.unhook = this.db.onWriteCommitted(() => {
      if (this.endpoints > 0) this.poke();
    });
    this.timer = setInterval(() => this.poke(), this.options.pollMs);
    this.timer.unref();
    const prune = () => void this.prune();
    prune();
    this.pruneTimer = setInterval(prune, HOUR_MS);
    this.pruneTimer.unref();
    this.loop = this.run();
  }

  /** Stops looking; attempts under way are abandoned (not recorded: they are made again) and leases given back. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.unhook?.();
    if (this.timer) clearInterval(this.timer);
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    for (const controller of this.aborts) controller.abort();
    this.poke();
    await this.loop;
    await Promise.allSettled([...this.serving.values()]);
  }

  /** Look for work now rather than at the next poll. */
  poke(): void {
    this.dirty = true;
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  /** Endpoints this process is serving now. */
  busy(): string[] {
    return [...this.serving.keys()];
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      this.dirty = false;
      try {
        await this.fill();
      } catch (error) {
        this.logger?.warn({ err: error }, 'looking for webhook deliveries failed; trying again at the next poll');
      }
      if (this.stopped) break;
      if (!this.dirty) await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  /** Claims endpoints with something due, up to the free slots, and serves each in its own task. */
  private async fill(): Promise<void> {
    const room = this.options.concurrency - this.serving.size;
    if (room <= 0) return;
    const { ids, endpoints } = await this.repo.due(this.busy(), room);
    this.endpoints = endpoints;
    for (const id of ids) {
      if (this.stopped || this.serving.size >= this.options.concurrency) return;
      const leasedAt = Date.now();
      const claimed = await this.repo.claim(id, this.owner, this.leaseMs);
      if (!claimed) continue;
      const endpoint: Serving = { ...claimed, leasedAt };
      const task = this.serve(endpoint)
        .catch((error) => this.logger?.warn({ err: error, endpointId: id }, 'serving a webhook endpoint failed; it is tried again at the next poll'))
        .finally(async () => {
          try {
            await this.repo.release(id, this.owner);
          } catch (error) {
            this.logger?.warn({ err: error, endpointId: id }, 'giving back a webhook lease failed; it expires by itself');
          }
          this.serving.delete(id);
          this.poke();
        });
      this.serving.set(id, task);
    }
  }

  /** Under the lease: due redeliveries, then the in-order stream, until it is blocked, caught up or its turn is over. */
  private async serve(endpoint: Serving): Promise<void> {
    if (endpoint.redeliverAt !== null && Date.parse(endpoint.redeliverAt) <= Date.now()) {
      for (const delivery of await this.repo.dueRedeliveries(endpoint.id, PAGE)) {
        if ((await this.attempt(endpoint, delivery.seq, delivery, 'redelivery')) === 'lost') return;
      }
    }
    let cursor = endpoint.cursor;
    let sent = 0;
    if (endpoint.blockedSeq !== null) {
      const pending = await this.repo.streamDelivery(endpoint.id);
      if (pending && pending.status === DeliveryStatus.PENDING) {
        if (pending.nextAttemptAt !== null && Date.parse(pending.nextAttemptAt) > Date.now()) return;
        const result = await this.attempt(endpoint, pending.seq, pending, 'stream');
        if (result !== 'continue') return;
        cursor = Math.max(cursor, pending.seq);
        sent += 1;
      }
    }
    while (!this.stopped && sent < PER_CLAIM) {
      // Every change up to the head read first is visible to the page read after (the log is gap-free, in commit order).
      const { seq: head } = await this.changes.head();
      const page = await this.changes.page({ filter: endpoint.filter, after: cursor, first: PAGE, newestFirst: false });
      for (const change of page.items) {
        const result = await this.attempt(endpoint, change.seq, null, 'stream', change);
        if (result !== 'continue') return;
        cursor = change.seq;
        sent += 1;
      }
      if (!page.hasMore) {
        // Nothing else up to the head passes the filter: start there next time rather than read those changes again.
        if (head > cursor) await this.repo.advance(endpoint.id, this.owner, head);
        return;
      }
    }
  }

  /** The change with this seq, or null when the log no longer holds it (retention, a restored backup). */
  private async change(seq: number): Promise<ChangeRecord | null> {
    const { items } = await this.changes.page({ filter: {}, after: seq - 1, first: 1, newestFirst: false });
    return items[0]?.seq === seq ? items[0] : null;
  }

  /**
   * One attempt to deliver change `seq`, recorded. `continue`: delivered or failed for good (the stream moves on);
   * `blocked`: to be tried again later; `lost`: the lease or the endpoint is gone, or the process is stopping.
   */
  private async attempt(endpoint: Serving, seq: number, previous: WebhookDeliveryRecord | null, kind: 'stream' | 'redelivery', known?: ChangeRecord): Promise<Served> {
    // The lease is renewed when an attempt could otherwise outlive it (it lasts twice the attempt deadline and more,
    // so one taken or renewed less than a deadline ago still covers a whole attempt): saves a write per delivery.
    if (Date.now() - endpoint.leasedAt > this.options.timeoutMs) {
      const secrets = await this.repo.renew(endpoint.id, this.owner, this.leaseMs);
      if (secrets === null) return 'lost';
      endpoint.leasedAt = Date.now();
      endpoint.secrets = secrets;
    }
    if (this.stopped) return 'lost';
    const secrets = endpoint.secrets;
    const change = known ?? (await this.change(seq));
    const started = Date.now();
    let outcome: { ok: boolean; status: number | null; error: string | null; durationMs: number; body: string };
    if (change === null) {
      outcome = { ok: false, status: null, error: `change ${seq} is no longer in the change log`, durationMs: 0, body: '' };
    } else {
      const body = webhookPayload(change);
      const controller = new AbortController();
      this.aborts.add(controller);
      try {
        outcome = await this.http.send(endpoint.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'user-agent': USER_AGENT, ...signedHeaders(webhookIdOf(seq), body, secrets) },
          body,
          signal: controller.signal,
        });
      } finally {
        this.aborts.delete(controller);
      }
      // Stopping mid-attempt: nothing is recorded, and the change is sent again after the restart.
      if (this.stopped) return 'lost';
    }
    const attempts = (previous?.attempts ?? 0) + 1;
    const windowStart = previous ? Date.parse(previous.windowStart) : started;
    const now = Date.now();
    const next = outcome.ok || change === null ? null : nextAttemptAt(this.options, windowStart, attempts, now);
    const status = outcome.ok ? DeliveryStatus.DELIVERED : next === null ? DeliveryStatus.FAILED : DeliveryStatus.PENDING;
    const record: AttemptRecord = {
      status,
      httpStatus: outcome.status,
      error: outcome.error === null ? null : outcome.error.slice(0, 500),
      durationMs: outcome.durationMs,
      response: outcome.body,
      delayMs: next === null ? 0 : Math.max(0, next - now),
    };
    const saved =
      kind === 'stream'
        ? await this.repo.recordStream(endpoint.id, this.owner, seq, record)
        : await this.repo.recordRedelivery(endpoint.id, this.owner, (previous as WebhookDeliveryRecord).id, record);
    if (saved === null) return 'lost';
    const fields = { endpointId: endpoint.id, seq, attempt: attempts, httpStatus: outcome.status, durationMs: outcome.durationMs, kind };
    if (status === DeliveryStatus.DELIVERED) this.logger?.debug(fields, 'webhook delivered');
    else if (status === DeliveryStatus.FAILED) this.logger?.warn({ ...fields, error: record.error }, 'webhook delivery failed for good after its retry window; going on with the next change');
    else this.logger?.info({ ...fields, error: record.error, retryInMs: record.delayMs }, 'webhook delivery failed; retrying later');
    return status === DeliveryStatus.PENDING && kind === 'stream' ? 'blocked' : 'continue';
  }

  private async prune(): Promise<void> {
    try {
      const removed = await this.repo.prune(new Date(Date.now() - this.options.deliveryLogDays * 24 * HOUR_MS));
      if (removed > 0) this.logger?.info({ removed, days: this.options.deliveryLogDays }, 'webhook delivery log: old deliveries removed');
    } catch (error) {
      this.logger?.warn({ err: error }, 'pruning the webhook delivery log failed; trying again in an hour');
    }
  }
}
