import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseAllowedHost } from '../../../src/config';
import { HostAllowList } from '../../../src/changes/webhook-address';
import { WebhookHttpClient } from '../../../src/changes/webhook-http';

// The webhook HTTP client against local servers: it connects to the address it checked (a host name is resolved
// once; a second, different answer is never asked for), follows no redirect, stops reading at the size cap and gives
// up at its deadline.

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

async function serve(handler: Handler): Promise<{ port: number; seen: { host: string | undefined; method: string | undefined }[]; close: () => Promise<void> }> {
  const seen: { host: string | undefined; method: string | undefined }[] = [];
  const server = http.createServer((req, res) => {
    seen.push({ host: req.headers.host, method: req.method });
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const allow = (...entries: string[]) => new HostAllowList(entries.map(parseAllowedHost));

describe('webhook HTTP client', () => {
  it('resolves a host name once and connects to the address it checked (DNS cannot rebind it)', async () => {
    const server = await serve((_req, res) => res.writeHead(204).end());
    const answers = [['127.0.0.1'], ['10.0.0.1']];
    let lookups = 0;
    const client = new WebhookHttpClient({ allowList: allow('127.0.0.1', '*'), timeoutMs: 2000, maxResponseBytes: 1000, resolveHost: async () => answers[Math.min(lookups++, 1)]! });
    try {
      const outcome = await client.send(`http://hooks.rebind.test:${server.port}/x`, { method: 'POST', headers: {}, body: '{}' });
      expect(outcome).toMatchObject({ ok: true, status: 204 });
      expect(lookups).toBe(1);
      // The request went to the checked address and still names the host.
      expect(server.seen).toEqual([{ host: `hooks.rebind.test:${server.port}`, method: 'POST' }]);
      // The next request resolves again and is refused: 10.0.0.1 is not listed. Nothing is sent.
      const refused = await client.send(`http://hooks.rebind.test:${server.port}/x`, { method: 'POST', headers: {}, body: '{}' });
      expect(refused).toMatchObject({ ok: false, refused: true, status: null, error: expect.stringContaining('10.0.0.1') });
      expect(server.seen).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('does not follow a redirect: the 3xx is the failure', async () => {
    const target = await serve((_req, res) => res.writeHead(200).end());
    const redirecting = await serve((_req, res) => res.writeHead(307, { location: `http://127.0.0.1:${target.port}/` }).end());
    const client = new WebhookHttpClient({ allowList: allow('127.0.0.1'), timeoutMs: 2000, maxResponseBytes: 1000 });
    try {
      const outcome = await client.send(`http://127.0.0.1:${redirecting.port}/`, { method: 'POST', headers: {}, body: '{}' });
      expect(outcome).toMatchObject({ ok: false, status: 307, redirect: true, error: expect.stringContaining('not followed') });
      expect(target.seen).toEqual([]);
    } finally {
      await Promise.all([target.close(), redirecting.close()]);
    }
  });

  it('stops reading an answer at the size cap, and keeps only its start', async () => {
    let written = 0;
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const pump = () => {
        while (written < 50 * 1024 * 1024) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    const client = new WebhookHttpClient({ allowList: allow('127.0.0.1'), timeoutMs: 5000, maxResponseBytes: 4096 });
    try {
      const outcome = await client.send(`http://127.0.0.1:${server.port}/`, { method: 'POST', headers: {}, body: '{}' });
      expect(outcome).toMatchObject({ ok: true, status: 200 });
      expect(outcome.body.length).toBeLessThanOrEqual(500);
      expect(written).toBeLessThan(50 * 1024 * 1024);
    } finally {
      await server.close();
    }
  });

  it('gives up at its deadline when the receiver hangs', async () => {
    const server = await serve(() => undefined);
    const client = new WebhookHttpClient({ allowList: allow('127.0.0.1'), timeoutMs: 300, maxResponseBytes: 1000 });
    try {
      const started = Date.now();
      const outcome = await client.send(`http://127.0.0.1:${server.port}/`, { method: 'POST', headers: {}, body: '{}' });
      expect(outcome).toMatchObject({ ok: false, status: null, error: 'no answer within 300 ms' });
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await server.close();
    }
  });

  it('answers a 500 as a failure with its status', async () => {
    const server = await serve((_req, res) => res.writeHead(500).end('boom'));
    const client = new WebhookHttpClient({ allowList: allow('127.0.0.1'), timeoutMs: 2000, maxResponseBytes: 1000 });
    try {
      expect(await client.send(`http://127.0.0.1:${server.port}/`, { method: 'POST', headers: {}, body: '{}' })).toMatchObject({ ok: false, status: 500, body: 'boom', error: 'answered 500' });
    } finally {
      await server.close();
    }
  });
});
