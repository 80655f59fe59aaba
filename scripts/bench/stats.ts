import type { Window } from './interleaved';

/** Latency figures of one measured series, in milliseconds. */
export interface Latency {
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly samples: number;
}

export function latency(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return { p50: round(at(0.5)), p90: round(at(0.9)), p99: round(at(0.99)), samples: sorted.length };
}

/** Runs `work` `warmup` times unmeasured, then `iterations` times one at a time, and returns the latency figures. */
export async function timeSerially(work: () => Promise<unknown>, warmup: number, iterations: number): Promise<Latency> {
  for (let i = 0; i < warmup; i += 1) await work();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const started = process.hrtime.bigint();
    await work();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return latency(samples);
}

/**
 * Interleaves two series (A, B, A, B, ...) so drift on a shared machine (another process waking up, the JIT, the
 * page cache) lands on both sides of a ratio instead of on whichever ran second.
 */
export async function timePaired(a: () => Promise<unknown>, b: () => Promise<unknown>, warmup: number, iterations: number): Promise<[Latency, Latency]> {
  for (let i = 0; i < warmup; i += 1) {
    await a();
    await b();
  }
  const sa: number[] = [];
  const sb: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    for (const [work, into] of [[a, sa], [b, sb]] as const) {
      const started = process.hrtime.bigint();
      await work();
      into.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  return [latency(sa), latency(sb)];
}

/** Requests per second of `clients` loops calling `work` back to back for `seconds`; errors are counted, not thrown. */
export async function throughput(work: () => Promise<unknown>, clients: number, seconds: number): Promise<Window> {
  const until = Date.now() + seconds * 1000;
  let requests = 0;
  let errors = 0;
  const loop = async () => {
    while (Date.now() < until) {
      try {
        await work();
        requests += 1;
      } catch {
        errors += 1;
      }
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: clients }, loop));
  return { requests, errors, seconds: (Date.now() - started) / 1000 };
}
