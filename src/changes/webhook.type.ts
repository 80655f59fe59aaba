import { IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ChangeKind } from '../domain/change';
import { connectionType } from '../graphql/connection';
import { MAX_PAGE_SIZE } from '../graphql/pagination';
import { ChangeFilterInput, IsChangeSeq } from './change.type';
import { DeliveryStatus } from './webhook.repository';

registerEnumType(DeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'PENDING: waiting for its next attempt; DELIVERED: a 2xx answer; FAILED: retried for the whole retry window (WEBHOOK_RETRY_HOURS) without one.',
});

@ObjectType({ description: 'The change filter an endpoint receives changes through.' })
export class WebhookFilter {
  @Field(() => [String], { nullable: true })
  entityTypes!: string[] | null;

  @Field(() => ID, { nullable: true })
  companyId!: string | null;

  @Field(() => ID, { nullable: true, description: 'One entity\'s changes only (a watch\'s id, for an endpoint registered with watchId).' })
  entityId!: string | null;

  @Field(() => String, { nullable: true })
  actor!: string | null;

  @Field(() => [ChangeKind], { nullable: true })
  kinds!: ChangeKind[] | null;

  @Field(() => String, { nullable: true })
  since!: string | null;

  @Field(() => String, { nullable: true })
  until!: string | null;
}

@ObjectType({ description: 'A URL that receives the changes passing its filter, signed (Standard Webhooks), in order, at least once.' })
export class WebhookEndpoint {
  @Field(() => ID)
  id!: string;

  @Field()
  url!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => WebhookFilter)
  filter!: WebhookFilter;

  @Field({ description: 'When it was registered; it receives the changes committed since.' })
  createdAt!: string;

  @Field(() => String, { nullable: true, description: 'The name of the API key that registered it.' })
  createdBy!: string | null;

  @Field(() => Int, { description: 'The last change seq it is done with (delivered, failed for good, or not passing its filter).' })
  cursor!: number;

  @Field(() => Int, { nullable: true, description: 'The change it is retrying: later changes wait for it (order is kept). Null when none.' })
  retryingSeq!: number | null;

  @Field(() => String, { nullable: true, description: 'When that change is tried next.' })
  nextAttemptAt!: string | null;

  @Field(() => String, { nullable: true })
  secretRotatedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Until when the secret before the last rotation still signs deliveries (null: it no longer does).' })
  previousSecretExpiresAt!: string | null;
}

@ObjectType({ description: 'An endpoint with its signing secret: shown here once, never again (a lost secret is replaced with rotateWebhookSecret).' })
export class WebhookEndpointSecret {
  @Field(() => WebhookEndpoint)
  endpoint!: WebhookEndpoint;

  @Field({ description: 'whsec_<base64>: verify deliveries with it (the standardwebhooks package\'s Webhook(secret).verify).' })
  secret!: string;
}

@ObjectType({ description: 'The delivery of one change to one endpoint: its attempts so far and how the last one went.' })
export class WebhookDelivery {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  endpointId!: string;

  @Field(() => Int, { description: 'The change delivered.' })
  seq!: number;

  @Field({ description: 'The webhook-id header: the change\'s stable id, the same on every attempt (receivers deduplicate with it).' })
  webhookId!: string;

  @Field(() => DeliveryStatus)
  status!: DeliveryStatus;

  @Field(() => Int)
  attempts!: number;

  @Field({ description: 'When its retry window started: its first attempt, or the redelivery request.' })
  windowStart!: string;

  @Field(() => String, { nullable: true })
  lastAttemptAt!: string | null;

  @Field(() => String, { nullable: true, description: 'The API process that made the last attempt (host:pid:tag).' })
  lastAttemptBy!: string | null;

  @Field(() => String, { nullable: true, description: 'When it is tried next (PENDING only).' })
  nextAttemptAt!: string | null;

  @Field(() => String, { nullable: true })
  deliveredAt!: string | null;

  @Field(() => Int, { nullable: true, description: 'The HTTP status of the last attempt; null when no answer came.' })
  lastStatus!: number | null;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed.' })
  lastError!: string | null;

  @Field(() => Int, { nullable: true })
  lastDurationMs!: number | null;

  @Field(() => String, { nullable: true, description: 'The start of the receiver\'s last answer.' })
  lastResponse!: string | null;

  @Field({ description: 'Queued again by redeliverWebhook (sent beside the in-order stream).' })
  redelivery!: boolean;
}

export const WebhookDeliveryConnection = connectionType(WebhookDelivery, 'WebhookDelivery', 'An endpoint\'s deliveries, newest change first; each cursor is the change\'s seq.');

@InputType({ description: 'A webhook endpoint to register.' })
export class CreateWebhookEndpointInput {
  @Field({ description: 'http(s) URL, at most 2000 characters, on a host WEBHOOK_ALLOWED_HOSTS permits; answered redirects are refused.' })
  @MaxLength(2000)
  url!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  description?: string | null;

  @Field(() => ChangeFilterInput, { nullable: true, description: 'Only the changes passing it are delivered; omitted: every change.' })
  @IsOptional()
  @ValidateNested()
  filter?: ChangeFilterInput | null;

  @Field(() => ID, { nullable: true, description: 'Deliver this watch\'s alerts (changes of entity type WatchAlert for it) rather than graph changes. NOT_FOUND for an unknown watch.' })
  @IsOptional()
  @MaxLength(200)
  watchId?: string | null;
}

@ArgsType()
export class WebhookDeliveriesArgs {
  @Field(() => ID)
  @MaxLength(200)
  endpointId!: string;

  @Field(() => Int, { defaultValue: 20, description: `Page size, 1-${MAX_PAGE_SIZE}.` })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = 20;

  @Field(() => String, { nullable: true, description: 'A delivery\'s seq (or an endCursor): the page holds older changes.' })
  @IsChangeSeq()
  after?: string | null;

  @Field(() => DeliveryStatus, { nullable: true })
  @IsOptional()
  status?: DeliveryStatus | null;
}
