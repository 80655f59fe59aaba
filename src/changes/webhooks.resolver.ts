import { Arg, Args, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { WRITER } from '../graphql/auth';
import { pageCost } from '../graphql/complexity';
import { pageOf } from '../graphql/connection';
import type { AppContext } from '../graphql/context';
import { DeletePayload, MUTATION_RESULT } from '../graphql/mutation-result';
import { MAX_KEEP_OLD_SECRET_HOURS, type WebhookEndpoints } from './webhook-endpoints';
import type { WebhookDeliveryRecord, WebhookEndpointRecord } from './webhook.repository';
import { CreateWebhookEndpointInput, WebhookDeliveriesArgs, WebhookDelivery, WebhookDeliveryConnection, WebhookEndpoint, WebhookEndpointSecret } from './webhook.type';

function toEndpoint(record: WebhookEndpointRecord): WebhookEndpoint {
  const f = record.filter;
  return {
    id: record.id,
    url: record.url,
    description: record.description,
    filter: {
      entityTypes: f.entityTypes ? [...f.entityTypes] : null,
      companyId: f.companyId ?? null,
      entityId: f.entityId ?? null,
      actor: f.actor ?? null,
      kinds: f.kinds ? [...f.kinds] : null,
      since: f.since ?? null,
      until: f.until ?? null,
    },
    createdAt: record.createdAt,
    createdBy: record.createdBy,
    cursor: record.cursor,
    retryingSeq: record.blockedSeq,
    nextAttemptAt: record.blockedUntil,
    secretRotatedAt: record.secretRotatedAt,
    previousSecretExpiresAt: record.previousSecretUntil,
  };
}

function toDelivery(record: WebhookDeliveryRecord): WebhookDelivery {
  return { ...record };
}

/** Webhook endpoints: every field needs a writer key (they show URLs, and the mutations hand out secrets). */
@Resolver(() => WebhookEndpoint)
export class WebhooksResolver {
  constructor(private readonly endpoints: WebhookEndpoints) {}

  @Authorized(WRITER)
  @Query(() => [WebhookEndpoint], { description: 'Every webhook endpoint (writer key). Secrets are never shown again after creation or rotation.' })
  async webhookEndpoints(): Promise<WebhookEndpoint[]> {
    return (await this.endpoints.list()).map(toEndpoint);
  }

  @Authorized(WRITER)
  @Query(() => WebhookDeliveryConnection, { description: 'An endpoint\'s delivery log, newest change first (writer key). NOT_FOUND for an unknown endpoint.', complexity: pageCost })
  async webhookDeliveries(@Args() args: WebhookDeliveriesArgs): Promise<InstanceType<typeof WebhookDeliveryConnection>> {
    const after = args.after === null || args.after === undefined ? null : Number(args.after);
    const page = await this.endpoints.deliveries(args.endpointId, { first: args.first, after, status: args.status ?? null });
    return pageOf(page.items.map((record) => ({ cursor: String(record.seq), node: toDelivery(record) })), page.hasMore, after !== null);
  }

  @Authorized(WRITER)
  @Mutation(() => WebhookEndpointSecret, {
    ...MUTATION_RESULT,
    description:
      'Registers a URL that receives every change committed from now on that passes the filter, in order, signed with Standard Webhooks headers. Answers the secret once. BAD_USER_INPUT for a URL the allow-list refuses (private, loopback, unlisted) or that answers with a redirect; nothing is stored then.',
  })
  async createWebhookEndpoint(@Arg('input', () => CreateWebhookEndpointInput) input: CreateWebhookEndpointInput, @Ctx() ctx: AppContext): Promise<WebhookEndpointSecret> {
    const { endpoint, secret } = await this.endpoints.create(input, ctx.keyName);
    return { endpoint: toEndpoint(endpoint), secret };
  }

  @Authorized(WRITER)
  @Mutation(() => WebhookEndpointSecret, {
    ...MUTATION_RESULT,
    description: `Gives an endpoint a new secret, answered once. The old one keeps signing deliveries (beside the new) for keepOldForHours (0-${MAX_KEEP_OLD_SECRET_HOURS}; 0 drops it at once).`,
  })
  async rotateWebhookSecret(
    @Arg('id', () => ID) id: string,
    @Arg('keepOldForHours', () => Int, { defaultValue: 24 }) keepOldForHours: number,
  ): Promise<WebhookEndpointSecret> {
    const { endpoint, secret } = await this.endpoints.rotate(id, keepOldForHours);
    return { endpoint: toEndpoint(endpoint), secret };
  }

  @Authorized(WRITER)
  @Mutation(() => DeletePayload, { ...MUTATION_RESULT, description: 'Removes an endpoint and its delivery log; nothing more is sent to it. NOT_FOUND for an unknown id.' })
  async removeWebhookEndpoint(@Arg('id', () => ID) id: string): Promise<DeletePayload> {
    await this.endpoints.remove(id);
    return { id, deleted: true };
  }

  @Authorized(WRITER)
  @Mutation(() => WebhookDelivery, {
    ...MUTATION_RESULT,
    description:
      'Sends a delivery again now, with the same webhook-id: a change the endpoint is retrying is tried at once; a delivered or failed one is queued beside the in-order stream with a new retry window. NOT_FOUND for an unknown id.',
  })
  async redeliverWebhook(@Arg('deliveryId', () => ID) deliveryId: string): Promise<WebhookDelivery> {
    return toDelivery(await this.endpoints.redeliver(deliveryId));
  }
}
