import crypto from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/**
 * Standard Webhooks signing (https://www.standardwebhooks.com): each endpoint has a secret `whsec_<base64 of 32 random
 * bytes>`, shown once when it is made or rotated. A message is signed as `v1,<base64 HMAC-SHA256 of
 * "<webhook-id>.<webhook-timestamp>.<body>">`; while an old secret is still valid after a rotation, the signature
 * header carries one signature per secret (space-separated), so a receiver verifying with either accepts it.
 */

const SECRET_PREFIX = 'whsec_';

/** A new endpoint secret, in the format the `standardwebhooks` package's `Webhook` takes. */
export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${crypto.randomBytes(32).toString('base64')}`;
}

/** Whether a stored value is a secret this module made (a store that was tampered with fails loudly, not silently). */
export function isWebhookSecret(value: unknown): value is string {
  return typeof value === 'string' && /^whsec_[A-Za-z0-9+/]{43}=$/.test(value);
}

/** The three Standard Webhooks headers for one attempt: signed now, with every secret still valid. */
export function signedHeaders(webhookId: string, body: string, secrets: readonly string[], at: Date = new Date()): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> {
  if (secrets.length === 0) throw new Error('an endpoint needs a secret to sign with');
  const signatures = secrets.map((secret) => new Webhook(secret).sign(webhookId, at, body));
  return {
    'webhook-id': webhookId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  };
}
