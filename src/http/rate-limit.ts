import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { AppConfig } from '../config';
import { sendJson } from './send-json';

/** The code of an answer refused by the rate limit. */
export const RATE_LIMITED = 'RATE_LIMITED';

/** What `check` decided: go on, or wait this many seconds (the Retry-After value). */
export type RateVerdict = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/** A per-caller rate limit; `null` config: every request passes and nothing is kept. */
export interface RateLimit {
  readonly enabled: boolean;
  /** Takes one request from `caller`'s allowance. */
  check(caller: string): Promise<RateVerdict>;
}

/**
 * RATE_LIMIT_RPS requests a second per caller, and when a second's are spent, a burst allowance of RATE_LIMIT_BURST
 * more that refills whole every ⌈BURST / RPS⌉ seconds (rate-limiter-flexible's BurstyRateLimiter: two fixed windows).
 * In memory, so per process: with API_WORKERS=n a caller may get up to n times the limit, depending on how the
 * connections are spread (docs/operations.md).
 */
export function createRateLimit(settings: AppConfig['rateLimit']): RateLimit {
  if (!settings) return { enabled: false, check: async () => ({ allowed: true }) };
  const steady = new RateLimiterMemory({ keyPrefix: 'rps', points: settings.perSecond, duration: 1 });
  const limiter =
    settings.burst > 0
      ? new BurstyRateLimiter(steady, new RateLimiterMemory({ keyPrefix: 'burst', points: settings.burst, duration: Math.max(1, Math.ceil(settings.burst / settings.perSecond)) }))
      : steady;
  return {
    enabled: true,
    async check(caller) {
      try {
        await limiter.consume(caller);
        return { allowed: true };
      } catch (refused) {
        if (!(refused instanceof RateLimiterRes)) throw refused;
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(refused.msBeforeNext / 1000)) };
      }
    },
  };
}

function refusal(retryAfterSeconds: number) {
  return { errors: [{ message: `Too many requests; retry after ${retryAfterSeconds} s`, extensions: { code: RATE_LIMITED, retryAfterSeconds } }] };
}

/** A 429 in the GraphQL error shape, with Retry-After. */
export function sendRateLimited(res: http.ServerResponse, retryAfterSeconds: number): void {
  sendJson(res, 429, refusal(retryAfterSeconds), { 'retry-after': String(retryAfterSeconds) });
}

/** The same refusal for a WebSocket upgrade, written on the raw socket before any upgrade. */
export function refuseUpgrade(socket: Duplex, retryAfterSeconds: number): void {
  const body = JSON.stringify(refusal(retryAfterSeconds));
  socket.end(
    `HTTP/1.1 429 Too Many Requests\r\ncontent-type: application/json; charset=utf-8\r\nretry-after: ${retryAfterSeconds}\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
