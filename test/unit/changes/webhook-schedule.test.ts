import { Webhook } from 'standardwebhooks';
import { backoffDelay, nextAttemptAt, retryTimeline } from '../../../src/changes/webhook-schedule';
import { isWebhookSecret, newWebhookSecret, signedHeaders } from '../../../src/changes/webhook-signer';

const HOUR = 3600 * 1000;

describe('webhook retry schedule', () => {
  const defaults = { backoffBaseMs: 10000, backoffMaxMs: 6 * HOUR, retryMs: 72 * HOUR };

  it('doubles from the base up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(defaults, n))).toEqual([10000, 20000, 40000, 80000, 160000]);
    expect(backoffDelay(defaults, 13)).toBe(6 * HOUR);
    expect(backoffDelay(defaults, 500)).toBe(6 * HOUR);
  });

  it('retries until the window closes, the last retry at its end, then gives up', () => {
    const timeline = retryTimeline(defaults);
    const waits = timeline.slice(1).map((t, i) => t - (timeline[i] as number));
    process.stdout.write(`default schedule: ${timeline.length} attempts over ${timeline[timeline.length - 1]! / HOUR} h; waits (s): ${waits.map((w) => Math.round(w / 1000)).join(', ')}\n`);
    expect(timeline[timeline.length - 1]).toBe(72 * HOUR);
    expect(timeline.length).toBeGreaterThan(15);
    expect(timeline.length).toBeLessThan(30);
    expect(nextAttemptAt(defaults, 0, 3, 72 * HOUR)).toBeNull();
    expect(nextAttemptAt(defaults, 0, 20, 71 * HOUR)).toBe(72 * HOUR);
  });

  it('can be shortened for tests', () => {
    const short = { backoffBaseMs: 100, backoffMaxMs: 400, retryMs: 1000 };
    expect(retryTimeline(short)).toEqual([0, 100, 300, 700, 1000]);
  });

  it('a window of 0 gives up after the first attempt', () => {
    expect(nextAttemptAt({ backoffBaseMs: 100, backoffMaxMs: 100, retryMs: 0 }, 5, 1, 5)).toBeNull();
  });
});

describe('webhook signatures', () => {
  it('makes whsec_ secrets the standardwebhooks package accepts, and signs with every valid secret', () => {
    const current = newWebhookSecret();
    const previous = newWebhookSecret();
    expect(isWebhookSecret(current)).toBe(true);
    expect(current).not.toBe(previous);
    const body = JSON.stringify({ type: 'change.created', data: { seq: 7 } });
    const headers = signedHeaders('change-7', body, [current, previous]);
    expect(headers['webhook-id']).toBe('change-7');
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(new Webhook(current).verify(body, headers)).toEqual({ type: 'change.created', data: { seq: 7 } });
    expect(new Webhook(previous).verify(body, headers)).toEqual({ type: 'change.created', data: { seq: 7 } });
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow();
    expect(() => new Webhook(current).verify(`${body} `, headers)).toThrow();
  });
});
