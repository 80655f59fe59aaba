import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import type { TestApp } from '../../support/test-app';
import { ok } from '../domain/helpers';

/**
 * A test app that delivers webhooks to receivers on 127.0.0.1, quickly: polls every 100 ms, a backoff of 200 ms
 * doubling up to 800 ms, a 3 s attempt deadline.
 */
export const WEBHOOK_CONFIG = {
  WEBHOOK_DISPATCH: 'true',
  WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
  WEBHOOK_BACKOFF_MS: '200',
  WEBHOOK_BACKOFF_MAX_MS: '800',
  WEBHOOK_TIMEOUT_MS: '3000',
  WEBHOOK_POLL_MS: '100',
};

/** How a test receiver answers: 200, 500, never (hangs), a redirect, or not at all (down: nothing listens). */
export type ReceiverMode = 'ok' | 'error' | 'hang' | 'redirect' | 'down';

export interface Receipt {
  readonly webhookId: string;
  readonly timestamp: string;
  readonly signature: string;
  readonly body: string;
  readonly seq: number;
  readonly type: string;
  readonly data: Record<string, unknown>;
  /** When it arrived (ms since the epoch). */
  readonly at: number;
  /** Which of the receiver's secrets verified it (Webhook(secret).verify from the standardwebhooks package). */
  readonly verifiedWith: readonly string[];
}

/**
 * A webhook receiver on 127.0.0.1 for tests. Every POST is verified with `standardwebhooks`'s `Webhook.verify`
 * against each secret it was given; an unverifiable delivery is answered 401 (so the sender retries and the test sees
 * it) and kept in `rejected`. HEAD requests (the registration check) are answered 200 and not counted.
 */
export class Receiver {
  readonly receipts: Receipt[] = [];
  readonly rejected: { webhookId: string; reason: string }[] = [];
  /** Requests seen at all (any method, any mode but down). */
  requests = 0;
  secrets: string[] = [];
  /** Answer 500 to these webhook-ids only (other modes apply to all). */
  failIds = new Set<string>();
  redirectTo = 'http://127.0.0.1:9/elsewhere';
  private server: http.Server | null = null;
  private readonly hanging = new Set<http.ServerResponse>();

  private constructor(
    public mode: ReceiverMode,
    public port: number,
  ) {}

  static async start(mode: ReceiverMode = 'ok'): Promise<Receiver> {
    const receiver = new Receiver(mode, 0);
    await receiver.listen();
    if (mode === 'down') await receiver.down();
    receiver.mode = mode;
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks/changes?tenant=test`;
  }

  /** The webhook-ids received and verified, in arrival order. */
  ids(): string[] {
    return this.receipts.map((receipt) => receipt.webhookId);
  }

  seqs(): number[] {
    return this.receipts.map((receipt) => receipt.seq);
  }

  /** Stops listening: connections are refused until `up`. */
  async down(): Promise<void> {
    this.mode = 'down';
    const server = this.server;
    this.server = null;
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  /** Listens again on the same port, answering as `mode`. */
  async up(mode: Exclude<ReceiverMode, 'down'> = 'ok'): Promise<void> {
    this.mode = mode;
    if (!this.server) await this.listen();
  }

  async close(): Promise<void> {
    await this.down();
  }

  private async listen(): Promise<void> {
    const server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    this.requests += 1;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (this.mode === 'hang') {
        this.hanging.add(res);
        return;
      }
      if (this.mode === 'redirect') {
        res.writeHead(302, { location: this.redirectTo }).end();
        return;
      }
      if (req.method !== 'POST') {
        res.writeHead(200).end();
        return;
      }
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = { 'webhook-id': String(req.headers['webhook-id']), 'webhook-timestamp': String(req.headers['webhook-timestamp']), 'webhook-signature': String(req.headers['webhook-signature']) };
      if (this.mode === 'error' || this.failIds.has(headers['webhook-id'])) {
        res.writeHead(500).end('receiver error');
        return;
      }
      const verifiedWith = this.secrets.filter((secret) => {
        try {
          new Webhook(secret).verify(body, headers);
          return true;
        } catch {
          return false;
        }
      });
      if (verifiedWith.length === 0) {
        this.rejected.push({ webhookId: headers['webhook-id'], reason: 'no secret verifies the signature' });
        res.writeHead(401).end('bad signature');
        return;
      }
      const payload = JSON.parse(body) as { type: string; data: Record<string, unknown> };
      this.receipts.push({
        webhookId: headers['webhook-id'],
        timestamp: headers['webhook-timestamp'],
        signature: headers['webhook-signature'],
        body,
        seq: payload.data.seq as number,
        type: payload.type,
        data: payload.data,
        at: Date.now(),
        verifiedWith,
      });
      res.writeHead(204).end();
    });
  }
}

/** Waits until `check` answers true (polled), or fails naming `what`. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const CREATE_ENDPOINT = `mutation($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { secret endpoint { id url description cursor filter { entityTypes companyId kinds } } }
}`;

export const DELIVERIES = `query($endpointId: ID!, $first: Int, $after: String, $status: WebhookDeliveryStatus) {
  webhookDeliveries(endpointId: $endpointId, first: $first, after: $after, status: $status) {
    nodes { id seq webhookId status attempts lastStatus lastError lastAttemptAt lastAttemptBy nextAttemptAt deliveredAt redelivery }
    pageInfo { hasNextPage endCursor }
  }
}`;

export interface DeliveryNode {
  id: string;
  seq: number;
  webhookId: string;
  status: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  lastAttemptAt: string | null;
  lastAttemptBy: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  redelivery: boolean;
}

/** Registers `receiver` (with its filter) and gives it the secret to verify with; returns the endpoint id. */
export async function register(app: TestApp, receiver: Receiver, filter?: Record<string, unknown>, description = 'test receiver'): Promise<string> {
  const data = await ok<{ createWebhookEndpoint: { secret: string; endpoint: { id: string } } }>(app, CREATE_ENDPOINT, { input: { url: receiver.url, description, filter } });
  receiver.secrets.push(data.createWebhookEndpoint.secret);
  return data.createWebhookEndpoint.endpoint.id;
}

/** An endpoint's delivery log, oldest change first. */
export async function deliveries(app: TestApp, endpointId: string): Promise<DeliveryNode[]> {
  const data = await ok<{ webhookDeliveries: { nodes: DeliveryNode[] } }>(app, DELIVERIES, { endpointId, first: 100 });
  return [...data.webhookDeliveries.nodes].reverse();
}

/** Writes `count` companies (one change each) and returns their ids. */
export async function writeCompanies(app: TestApp, prefix: string, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => `${prefix}-${i + 1}`);
  for (const id of ids) await ok(app, 'mutation($input: CreateCompanyInput!) { createCompany(input: $input) { id } }', { input: { id, name: `Company ${id}`, kind: 'AI_LAB' } });
  return ids;
}

/** Whether a list of numbers is strictly increasing. */
export function increasing(values: readonly number[]): boolean {
  return values.every((value, i) => i === 0 || value > (values[i - 1] as number));
}
