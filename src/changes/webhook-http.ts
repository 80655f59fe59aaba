import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { HostAllowList } from './webhook-address';

/**
 * The only way a webhook request leaves the process. It resolves the URL's host itself, checks the name and every
 * address against the allow-list (no private, loopback or reserved address unless listed), and connects to the
 * address it checked: the request's `lookup` answers with that address, so a second DNS answer (rebinding) is never
 * asked for. Redirects are not followed (a 3xx is a failure), the whole exchange has one deadline, and at most
 * `maxResponseBytes` of the answer is read.
 */

export interface WebhookHttpOptions {
  readonly allowList: HostAllowList;
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  /** Every address a host name resolves to (DNS by default; tests may pass their own). */
  readonly resolveHost?: (host: string) => Promise<string[]>;
}

export interface WebhookRequest {
  readonly method: 'POST' | 'HEAD';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Abandons the request (the process is stopping). */
  readonly signal?: AbortSignal;
}

/** What one request came to. `ok`: a 2xx answer; anything else is a failure worth retrying. */
export interface HttpOutcome {
  readonly ok: boolean;
  /** The HTTP status, null when no answer came (refused, unreachable, timed out). */
  readonly status: number | null;
  /** Why it failed, in words (never the request's headers or body); null on success. */
  readonly error: string | null;
  /** The allow-list refused the host or one of its addresses: nothing was sent. */
  readonly refused: boolean;
  /** The answer was a redirect, not followed. */
  readonly redirect: boolean;
  readonly durationMs: number;
  /** The start of the answer's body, for the delivery log. */
  readonly body: string;
}

/** What a URL must be before anything resolves it: absolute http(s), no credentials, a host, not too long. */
export function parseWebhookUrl(raw: string): { ok: true; url: URL } | { ok: false; reason: string } {
  if (raw.length > 2000) return { ok: false, reason: 'must be at most 2000 characters' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'must be an absolute http or https URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'must be an http or https URL' };
  if (url.username || url.password) return { ok: false, reason: 'must not hold a user name or password (the signature authenticates deliveries)' };
  if (url.hash) return { ok: false, reason: 'must not hold a fragment (#...)' };
  if (!url.hostname) return { ok: false, reason: 'must name a host' };
  return { ok: true, url };
}

const BODY_KEPT = 500;

class RequestFailure extends Error {
  constructor(
    message: string,
    readonly refused = false,
  ) {
    super(message);
  }
}

async function dnsAddresses(host: string): Promise<string[]> {
  const answers = await dns.promises.lookup(host, { all: true, verbatim: true });
  return answers.map((answer) => answer.address);
}

export class WebhookHttpClient {
  constructor(private readonly options: WebhookHttpOptions) {}

  /**
   * The addresses a request to `url` would connect to, checked; throws (with the reason, `refused` set) when the
   * allow-list refuses the host or any address, or when the host does not resolve.
   */
  async checkedAddresses(url: URL): Promise<string[]> {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    let addresses: string[];
    if (net.isIP(host) !== 0) {
      addresses = [host];
    } else {
      try {
        addresses = await (this.options.resolveHost ?? dnsAddresses)(host);
      } catch (error) {
        throw new RequestFailure(`${host} does not resolve (${(error as NodeJS.ErrnoException).code ?? 'DNS error'})`, true);
      }
    }
    const verdict = this.options.allowList.check(host, addresses);
    if (!verdict.ok) throw new RequestFailure(verdict.reason, true);
    return addresses;
  }

  /** One request, never more: resolve, check, connect to the checked address, read a bounded answer. */
  async send(rawUrl: string, request: WebhookRequest): Promise<HttpOutcome> {
    const started = Date.now();
    const parsed = parseWebhookUrl(rawUrl);
    const fail = (error: string, extra: Partial<HttpOutcome> = {}): HttpOutcome => ({ ok: false, status: null, error, refused: false, redirect: false, durationMs: Date.now() - started, body: '', ...extra });
    if (!parsed.ok) return fail(`the URL ${parsed.reason}`, { refused: true });
    const url = parsed.url;
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RequestFailure(`no answer within ${this.options.timeoutMs} ms`)), this.options.timeoutMs);
      onAbort = () => reject(new RequestFailure('abandoned: the process is stopping'));
      if (request.signal?.aborted) onAbort();
      else request.signal?.addEventListener('abort', onAbort, { once: true });
    });
    let abort: ((reason: Error) => void) | undefined;
    try {
      const addresses = await Promise.race([this.checkedAddresses(url), deadline]);
      const pinned = addresses[0] as string;
      const exchange = this.exchange(url, pinned, request, (cancel) => (abort = cancel));
      return { ...(await Promise.race([exchange, deadline])), durationMs: Date.now() - started };
    } catch (error) {
      abort?.(error as Error);
      if (error instanceof RequestFailure) return fail(error.message, { refused: error.refused });
      const code = (error as NodeJS.ErrnoException).code;
      return fail(code ? `${code}: ${(error as Error).message}` : (error as Error).message);
    } finally {
      clearTimeout(timer);
      if (onAbort) request.signal?.removeEventListener('abort', onAbort);
    }
  }

  private exchange(url: URL, pinned: string, request: WebhookRequest, onAbort: (cancel: (reason: Error) => void) => void): Promise<Omit<HttpOutcome, 'durationMs'>> {
    const family = net.isIP(pinned);
    const lookup: net.LookupFunction = (_hostname, options, callback) => {
      // Whatever the host resolves to now, the connection goes to the address that was checked.
      if (options.all) (callback as unknown as (err: null, addresses: dns.LookupAddress[]) => void)(null, [{ address: pinned, family }]);
      else callback(null, pinned, family);
    };
    const body = request.body === undefined ? undefined : Buffer.from(request.body, 'utf8');
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const req = transport.request(
        {
          protocol: url.protocol,
          hostname: url.hostname.replace(/^\[|\]$/g, ''),
          port: url.port || undefined,
          path: `${url.pathname}${url.search}`,
          method: request.method,
          headers: { ...request.headers, ...(body ? { 'content-length': String(body.length) } : {}) },
          lookup,
          // A fresh connection per request: a pooled socket could be one made to another address.
          agent: false,
        },
        (res) => {
          const status = res.statusCode ?? 0;
          if (status >= 300 && status < 400) {
            res.destroy();
            resolve({ ok: false, status, error: `answered ${status} (a redirect${res.headers.location ? ` to ${String(res.headers.location).slice(0, 200)}` : ''}), which is not followed`, refused: false, redirect: true, body: '' });
            return;
          }
          const chunks: Buffer[] = [];
          let read = 0;
          let kept = 0;
          let cut = false;
          const finish = () => {
            const text = Buffer.concat(chunks).toString('utf8').slice(0, BODY_KEPT);
            const ok = status >= 200 && status < 300;
            resolve({ ok, status, error: ok ? null : `answered ${status}${cut ? ' (answer cut at WEBHOOK_MAX_RESPONSE_BYTES)' : ''}`, refused: false, redirect: false, body: text });
          };
          res.on('data', (chunk: Buffer) => {
            if (cut) return;
            const room = this.options.maxResponseBytes - read;
            const usable = chunk.length > room ? chunk.subarray(0, Math.max(room, 0)) : chunk;
            read += usable.length;
            if (kept < BODY_KEPT * 4) {
              const piece = usable.subarray(0, BODY_KEPT * 4 - kept);
              chunks.push(piece);
              kept += piece.length;
            }
            if (chunk.length > room) {
              // Enough: the status is known and the rest of the answer is not read.
              cut = true;
              res.destroy();
              finish();
            }
          });
          res.on('end', finish);
          res.on('error', (error) => (cut ? undefined : reject(error)));
        },
      );
      onAbort((reason) => req.destroy(reason));
      req.on('error', reject);
      req.end(body);
    });
  }
}
