import type { CypherCatalog } from '../neo4j/cypher-catalog';
import type { Database, Row } from '../neo4j/database';
import { int } from '../neo4j/params';
import type { ChangeFilter } from './change.repository';

/**
 * Webhook endpoints and their deliveries in Neo4j (`:WebhookEndpoint:Meta`, `:WebhookDelivery:Meta`): not graph facts,
 * so their writes are not in the change log, and exports and counts leave them out. A secret is read only by the
 * dispatcher's claim and renew (to sign); no other read returns one.
 */

export const DeliveryStatus = {
  /** Waiting for its next attempt. */
  PENDING: 'PENDING',
  DELIVERED: 'DELIVERED',
  /** Retried for the whole retry window without success; the endpoint went on with the next change. */
  FAILED: 'FAILED',
} as const;
export type DeliveryStatus = (typeof DeliveryStatus)[keyof typeof DeliveryStatus];

export interface WebhookEndpointRecord {
  readonly id: string;
  readonly url: string;
  readonly description: string | null;
  readonly filter: ChangeFilter;
  readonly createdAt: string;
  readonly createdBy: string | null;
  /** The last change seq handled (delivered, failed or not passing the filter). */
  readonly cursor: number;
  /** The change the in-order stream is retrying, and when it tries again; null when it is not blocked. */
  readonly blockedSeq: number | null;
  readonly blockedUntil: string | null;
  readonly secretRotatedAt: string | null;
  /** Until when the secret before the last rotation still signs deliveries; null when it no longer does. */
  readonly previousSecretUntil: string | null;
}

/** An endpoint as the dispatcher holds it while it has the lease. */
export interface ClaimedEndpoint {
  readonly id: string;
  readonly url: string;
  readonly filter: ChangeFilter;
  readonly cursor: number;
  readonly blockedSeq: number | null;
  readonly blockedUntil: string | null;
  readonly redeliverAt: string | null;
  /** The secrets valid now, the newest first. */
  readonly secrets: readonly string[];
}

export interface WebhookDeliveryRecord {
  readonly id: string;
  readonly endpointId: string;
  readonly seq: number;
  readonly webhookId: string;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  /** When its retry window started: the first attempt, or the redelivery request. */
  readonly windowStart: string;
  readonly createdAt: string;
  readonly lastAttemptAt: string | null;
  /** The process that made the last attempt (its lease owner name). */
  readonly lastAttemptBy: string | null;
  readonly nextAttemptAt: string | null;
  readonly deliveredAt: string | null;
  readonly lastStatus: number | null;
  readonly lastError: string | null;
  readonly lastDurationMs: number | null;
  readonly lastResponse: string | null;
  readonly redelivery: boolean;
}

/** What one attempt came to, as recorded. */
export interface AttemptRecord {
  readonly status: DeliveryStatus;
  readonly httpStatus: number | null;
  readonly error: string | null;
  readonly durationMs: number;
  readonly response: string;
  /** For PENDING: how long until the next attempt. */
  readonly delayMs: number;
}

/** The id of the delivery of change `seq` to an endpoint (one per pair: retries and redeliveries update it). */
export function deliveryId(endpointId: string, seq: number): string {
  return `${endpointId.replace(/^whk-/, 'whd-')}-${seq}`;
}

/** The Standard Webhooks `webhook-id` of a change: the same on every attempt and redelivery, to every endpoint. */
export function webhookIdOf(seq: number): string {
  return `change-${seq}`;
}

const iso = (value: unknown): string | null => (value === null || value === undefined ? null : new Date(String(value)).toISOString());

function parseFilter(text: unknown): ChangeFilter {
  if (typeof text !== 'string') return {};
  return JSON.parse(text) as ChangeFilter;
}

function toEndpoint(row: unknown): WebhookEndpointRecord {
  const e = row as Row;
  return {
    id: e.id as string,
    url: e.url as string,
    description: (e.description as string | null) ?? null,
    filter: parseFilter(e.filter),
    createdAt: iso(e.createdAt) as string,
    createdBy: (e.createdBy as string | null) ?? null,
    cursor: e.cursor as number,
    blockedSeq: (e.blockedSeq as number | null) ?? null,
    blockedUntil: iso(e.blockedUntil),
    secretRotatedAt: iso(e.secretRotatedAt),
    previousSecretUntil: iso(e.previousSecretUntil),
  };
}

function toDelivery(row: unknown): WebhookDeliveryRecord {
  const d = row as Row;
  return {
    id: d.id as string,
    endpointId: d.endpointId as string,
    seq: d.seq as number,
    webhookId: d.webhookId as string,
    status: d.status as DeliveryStatus,
    attempts: (d.attempts as number | null) ?? 0,
    windowStart: iso(d.windowStart) as string,
    createdAt: iso(d.createdAt) as string,
    lastAttemptAt: iso(d.lastAttemptAt),
    lastAttemptBy: (d.lastAttemptBy as string | null) ?? null,
    nextAttemptAt: iso(d.nextAttemptAt),
    deliveredAt: iso(d.deliveredAt),
    lastStatus: (d.lastStatus as number | null) ?? null,
    lastError: (d.lastError as string | null) ?? null,
    lastDurationMs: (d.lastDurationMs as number | null) ?? null,
    lastResponse: (d.lastResponse as string | null) ?? null,
    redelivery: d.redelivery === true,
  };
}

function attemptParams(attempt: AttemptRecord): Record<string, unknown> {
  return {
    status: attempt.status,
    httpStatus: attempt.httpStatus === null ? null : int(attempt.httpStatus),
    error: attempt.error,
    durationMs: int(attempt.durationMs),
    response: attempt.response,
    delayMs: int(attempt.delayMs),
  };
}

export class WebhookRepository {
  private readonly statements: Readonly<Record<string, string>>;

  constructor(
    private readonly db: Database,
    catalog: CypherCatalog,
  ) {
    const names = [
      'create-endpoint', 'list-endpoints', 'rotate-secret', 'remove-endpoint', 'remove-deliveries', 'page-deliveries', 'get-delivery', 'redeliver',
      'due-endpoints', 'claim-endpoint', 'renew-lease', 'release-lease', 'advance-cursor', 'stream-delivery', 'due-redeliveries',
      'record-stream-attempt', 'record-redelivery-attempt', 'prune-deliveries',
    ];
    this.statements = Object.fromEntries(names.map((name) => [name, catalog.get(`webhooks/${name}`)]));
  }

  private statement(name: string): string {
    return this.statements[name] as string;
  }

  /** A new endpoint; null with the reason when `max` endpoints already exist or `watchId` names no watch. */
  async create(
    endpoint: { id: string; url: string; description: string | null; filter: ChangeFilter; secret: string; createdBy: string | null; watchId: string | null },
    max: number,
  ): Promise<{ endpoint: WebhookEndpointRecord } | { endpoint: null; full: boolean; watchFound: boolean }> {
    const [row] = await this.db.writeRows(this.statement('create-endpoint'), {
      id: endpoint.id,
      url: endpoint.url,
      description: endpoint.description,
      filter: JSON.stringify(endpoint.filter),
      secret: endpoint.secret,
      createdBy: endpoint.createdBy,
      max: int(max),
      watchId: endpoint.watchId,
    });
    if (row?.endpoint) return { endpoint: toEndpoint(row.endpoint) };
    return { endpoint: null, full: ((row?.endpoints as number) ?? 0) >= max, watchFound: row?.watchFound === true };
  }

  async list(): Promise<WebhookEndpointRecord[]> {
    return (await this.db.readRows(this.statement('list-endpoints'))).map((row) => toEndpoint(row.endpoint));
  }

  /** Sets a new secret, keeping the current one valid for `keepMs` (0: not at all); null for an unknown id. */
  async rotate(id: string, secret: string, keepMs: number): Promise<WebhookEndpointRecord | null> {
    const [row] = await this.db.writeRows(this.statement('rotate-secret'), { id, secret, keepMs: int(keepMs) });
    return row ? toEndpoint(row.endpoint) : null;
  }

  /** Removes an endpoint and then its delivery log; false for an unknown id. */
  async remove(id: string, batch = 10000): Promise<boolean> {
    const [row] = await this.db.writeRows(this.statement('remove-endpoint'), { id });
    if (((row?.removed as number) ?? 0) === 0) return false;
    for (;;) {
      const [done] = await this.db.writeRows(this.statement('remove-deliveries'), { endpointId: id, batch: int(batch) });
      if (((done?.removed as number) ?? 0) < batch) return true;
    }
  }

  /** A page of an endpoint's delivery log, newest change first (before: a change seq); null for an unknown endpoint. */
  async deliveries(endpointId: string, query: { first: number; before: number | null; status: DeliveryStatus | null }): Promise<{ items: WebhookDeliveryRecord[]; hasMore: boolean } | null> {
    const [row] = await this.db.readRows(this.statement('page-deliveries'), {
      endpointId,
      before: int(query.before ?? Number.MAX_SAFE_INTEGER),
      status: query.status,
      limit: int(query.first + 1),
    });
    if (!row) return null;
    const items = (row.deliveries as unknown[]).map(toDelivery);
    return { items: items.slice(0, query.first), hasMore: items.length > query.first };
  }

  async delivery(id: string): Promise<WebhookDeliveryRecord | null> {
    const [row] = await this.db.readRows(this.statement('get-delivery'), { id });
    return row ? toDelivery(row.delivery) : null;
  }

  /** Queues a delivery to be sent again now; null for an unknown delivery (or one whose endpoint is gone). */
  async redeliver(id: string): Promise<WebhookDeliveryRecord | null> {
    const [row] = await this.db.writeRows(this.statement('redeliver'), { id });
    return row ? toDelivery(row.delivery) : null;
  }

  // The dispatcher's side.

  /**
   * Ids of endpoints with something to deliver now and no live lease, least recently served first, and how many
   * endpoints there are at all (a read).
   */
  async due(busy: readonly string[], limit: number): Promise<{ ids: string[]; endpoints: number }> {
    const [row] = await this.db.readRows(this.statement('due-endpoints'), { busy: [...busy], limit: int(limit) });
    return { ids: (row?.due as string[] | undefined) ?? [], endpoints: (row?.endpoints as number | undefined) ?? 0 };
  }

  /** Takes an endpoint's lease for `leaseMs`; null when someone else holds a live one (or the endpoint is gone). */
  async claim(id: string, owner: string, leaseMs: number): Promise<ClaimedEndpoint | null> {
    const [row] = await this.db.writeRows(this.statement('claim-endpoint'), { id, owner, leaseMs: int(leaseMs) });
    if (!row) return null;
    const e = row.endpoint as Row;
    return {
      id: e.id as string,
      url: e.url as string,
      filter: parseFilter(e.filter),
      cursor: e.cursor as number,
      blockedSeq: (e.blockedSeq as number | null) ?? null,
      blockedUntil: iso(e.blockedUntil),
      redeliverAt: iso(e.redeliverAt),
      secrets: e.secrets as string[],
    };
  }

  /** Extends the lease; the secrets valid now, or null when the lease was lost or the endpoint removed. */
  async renew(id: string, owner: string, leaseMs: number): Promise<string[] | null> {
    const [row] = await this.db.writeRows(this.statement('renew-lease'), { id, owner, leaseMs: int(leaseMs) });
    return row ? (row.secrets as string[]) : null;
  }

  async release(id: string, owner: string): Promise<void> {
    await this.db.writeRows(this.statement('release-lease'), { id, owner });
  }

  /** Moves the cursor to `seq` (nothing up to it is left to deliver); false when it did not move. */
  async advance(id: string, owner: string, seq: number): Promise<boolean> {
    return (await this.db.writeRows(this.statement('advance-cursor'), { id, owner, seq: int(seq) })).length > 0;
  }

  /** The delivery the endpoint's stream is retrying, if any. */
  async streamDelivery(id: string): Promise<WebhookDeliveryRecord | null> {
    const [row] = await this.db.readRows(this.statement('stream-delivery'), { id });
    return row ? toDelivery(row.delivery) : null;
  }

  async dueRedeliveries(id: string, limit: number): Promise<WebhookDeliveryRecord[]> {
    return (await this.db.readRows(this.statement('due-redeliveries'), { id, limit: int(limit) })).map((row) => toDelivery(row.delivery));
  }

  /** Records an attempt of the in-order stream; null when the lease was lost (nothing written). */
  async recordStream(id: string, owner: string, seq: number, attempt: AttemptRecord): Promise<WebhookDeliveryRecord | null> {
    const [row] = await this.db.writeRows(this.statement('record-stream-attempt'), {
      id,
      owner,
      deliveryId: deliveryId(id, seq),
      seq: int(seq),
      webhookId: webhookIdOf(seq),
      ...attemptParams(attempt),
    });
    return row ? toDelivery(row.delivery) : null;
  }

  /** Records an attempt of a queued redelivery; null when the lease was lost (nothing written). */
  async recordRedelivery(id: string, owner: string, delivery: string, attempt: AttemptRecord): Promise<WebhookDeliveryRecord | null> {
    const [row] = await this.db.writeRows(this.statement('record-redelivery-attempt'), { id, owner, deliveryId: delivery, ...attemptParams(attempt) });
    return row ? toDelivery(row.delivery) : null;
  }

  /** Removes finished deliveries last attempted before `before`, in batches; how many went. */
  async prune(before: Date, batch = 10000): Promise<number> {
    let removed = 0;
    for (;;) {
      const [row] = await this.db.writeRows(this.statement('prune-deliveries'), { before: before.toISOString(), batch: int(batch) });
      const now = (row?.removed as number) ?? 0;
      removed += now;
      if (now < batch) return removed;
    }
  }
}
