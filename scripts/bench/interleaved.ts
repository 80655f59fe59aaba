/** Requests counted over a measured stretch of time. */
export interface Rate {
  readonly rps: number;
  readonly errors: number;
  readonly requests: number;
}

/** Both sides of an interleaved throughput comparison, summed over every round, plus each round's ratio a / b. */
export interface InterleavedRates {
  readonly a: Rate;
  readonly b: Rate;
  readonly roundRatios: readonly number[];
}

/** Requests answered and failed in one measured stretch of `seconds`. */
export interface Window {
  readonly requests: number;
  readonly errors: number;
  readonly seconds: number;
}

/**
 * Measures two load generators in `rounds` alternating windows (a b, b a, a b, ...) of `seconds / rounds` each,
 * instead of one long window after the other: on a shared machine the background load drifts over tens of
 * seconds, and alternating spreads that drift over both sides rather than charging it to whichever ran second.
 */
export async function interleaved(
  a: (seconds: number) => Promise<Window>,
  b: (seconds: number) => Promise<Window>,
  seconds: number,
  rounds: number,
): Promise<InterleavedRates> {
  const window = seconds / rounds;
  const sums = { a: { requests: 0, errors: 0, seconds: 0 }, b: { requests: 0, errors: 0, seconds: 0 } };
  const roundRatios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const);
    const measured: Partial<Record<'a' | 'b', Window>> = {};
    for (const side of order) {
      const result = await (side === 'a' ? a : b)(window);
      measured[side] = result;
      sums[side].requests += result.requests;
      sums[side].errors += result.errors;
      sums[side].seconds += result.seconds;
    }
    const ra = (measured.a as Window).requests / (measured.a as Window).seconds;
    const rb = (measured.b as Window).requests / (measured.b as Window).seconds;
    roundRatios.push(Math.round((ra / rb) * 100) / 100);
  }
  const rate = (side: Window): Rate => ({ rps: Math.round((side.requests / side.seconds) * 10) / 10, errors: side.errors, requests: side.requests });
  return { a: rate(sums.a), b: rate(sums.b), roundRatios };
}
