import crypto from 'node:crypto';
import { badInput, DomainError, ErrorCode, notFound } from '../domain/errors';
import type { ChangeFilter } from './change.repository';
import { parseWebhookUrl, type WebhookHttpClient } from './webhook-http';
import { newWebhookSecret } from './webhook-signer';
import type { DeliveryStatus, WebhookDeliveryRecord, WebhookEndpointRecord, WebhookRepository } from './webhook.repository';

/** Endpoints one database holds at most (each is served by a claim per poll: they are not meant to be many). */
export const MAX_WEBHOOK_ENDPOINTS = 100;
/** How long a rotated-out secret may stay valid. */
export const MAX_KEEP_OLD_SECRET_HOURS = 24 * 30;

const HOUR_MS = 3600 * 1000;
/** The change log's entity type for a watch's alerts. */
const WATCH_ALERT = 'WatchAlert';

/** A filter as stored: only the parts given. */
function storedFilter(filter: ChangeFilter | null | undefined): ChangeFilter {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter ?? {})) {
    if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    out[key] = Array.isArray(value) ? [...value] : value;
  }
  return out as ChangeFilter;
}

/**
 * What the webhook mutations and queries do, checked before anything is written: a URL must be http(s) without
 * credentials, on a host the allow-list permits with every address it resolves to, and must not answer a probe
 * (one HEAD request) with a redirect. A receiver that is down or answers an error is accepted: deliveries retry.
 */
export class WebhookEndpoints {
  constructor(
    private readonly repo: WebhookRepository,
    private readonly http: WebhookHttpClient,
  ) {}

  async create(input: { url: string; description?: string | null; filter?: ChangeFilter | null; watchId?: string | null }, createdBy: string | null): Promise<{ endpoint: WebhookEndpointRecord; secret: string }> {
    const parsed = parseWebhookUrl(input.url);
    if (!parsed.ok) throw badInput('input.url', parsed.reason);
    const watchId = input.watchId ?? null;
    // A watch's alerts are changes of entity type WatchAlert whose entity is the watch.
    const filter = storedFilter(watchId === null ? input.filter : { ...input.filter, entityTypes: [WATCH_ALERT], entityId: watchId });
    if (filter.since && filter.until && Date.parse(filter.since) >= Date.parse(filter.until)) throw badInput('input.filter.until', 'must be after since');
    const probe = await this.http.send(parsed.url.href, { method: 'HEAD', headers: { 'user-agent': 'ai-industry-graph-webhooks/1 (registration check)' } });
    if (probe.refused) throw badInput('input.url', `refused: ${probe.error}`);
    if (probe.redirect) throw badInput('input.url', `${probe.error}: register the URL that receives the deliveries itself`);
    const secret = newWebhookSecret();
    const created = await this.repo.create(
      { id: `whk-${crypto.randomBytes(8).toString('hex')}`, url: parsed.url.href, description: input.description ?? null, filter, secret, createdBy, watchId },
      MAX_WEBHOOK_ENDPOINTS,
    );
    if (created.endpoint) return { endpoint: created.endpoint, secret };
    if (!created.watchFound) throw notFound('watch', watchId as string);
    throw new DomainError(ErrorCode.CONFLICT, `there are already ${MAX_WEBHOOK_ENDPOINTS} webhook endpoints; remove one first`);
  }

  async rotate(id: string, keepOldForHours: number): Promise<{ endpoint: WebhookEndpointRecord; secret: string }> {
    if (!Number.isInteger(keepOldForHours) || keepOldForHours < 0 || keepOldForHours > MAX_KEEP_OLD_SECRET_HOURS) {
      throw badInput('keepOldForHours', `must be a whole number of hours, 0-${MAX_KEEP_OLD_SECRET_HOURS}`);
    }
    const secret = newWebhookSecret();
    const endpoint = await this.repo.rotate(id, secret, keepOldForHours * HOUR_MS);
    if (!endpoint) throw notFound('webhook endpoint', id);
    return { endpoint, secret };
  }

  async remove(id: string): Promise<void> {
    if (!(await this.repo.remove(id))) throw notFound('webhook endpoint', id);
  }

  list(): Promise<WebhookEndpointRecord[]> {
    return this.repo.list();
  }

  async deliveries(endpointId: string, query: { first: number; after: number | null; status: DeliveryStatus | null }): Promise<{ items: WebhookDeliveryRecord[]; hasMore: boolean }> {
    const page = await this.repo.deliveries(endpointId, { first: query.first, before: query.after, status: query.status });
    if (!page) throw notFound('webhook endpoint', endpointId);
    return page;
  }

  async redeliver(deliveryId: string): Promise<WebhookDeliveryRecord> {
    const delivery = await this.repo.redeliver(deliveryId);
    if (!delivery) throw notFound('webhook delivery', deliveryId);
    return delivery;
  }
}
