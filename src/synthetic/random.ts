import type * as UniformFloat64 from 'pure-rand/lib/distribution/uniformFloat64';
import type * as UniformInt from 'pure-rand/lib/distribution/uniformInt';
import type * as Xoroshiro from 'pure-rand/lib/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/lib/types/JumpableRandomGenerator';

// pure-rand 8 publishes its modules only through package "exports", which this project's `moduleResolution: node`
// does not read: types come from the files themselves, code from the exported subpaths at run time.
const { xoroshiro128plus } = require('pure-rand/generator/xoroshiro128plus') as typeof Xoroshiro;
const { uniformInt } = require('pure-rand/distribution/uniformInt') as typeof UniformInt;
const { uniformFloat64 } = require('pure-rand/distribution/uniformFloat64') as typeof UniformFloat64;

/** Outputs dropped after seeding: xoroshiro's first values from small seeds like 1 and 2 are strongly correlated. */
const WARM_UP = 16;

/**
 * A seeded random source over pure-rand's xoroshiro128+, advanced in place (no new generator per draw) because the
 * synthetic generator draws tens of millions of numbers. Same seed, same calls: same numbers, on every platform.
 */
export class Random {
  private constructor(private readonly rng: JumpableRandomGenerator) {}

  /** A source seeded with a 32-bit integer (higher bits are ignored by xoroshiro128+'s seeding). */
  static seeded(seed: number): Random {
    const rng = xoroshiro128plus(seed);
    for (let i = 0; i < WARM_UP; i++) rng.next();
    return new Random(rng);
  }

  /**
   * A stream of its own for one item (a company, a market) of one part of a generation: what is drawn for item i
   * then does not depend on how many items come before or after it, so company i looks the same at every scale.
   */
  static derived(seed: number, part: number, index: number): Random {
    return Random.seeded(mix32(mix32(mix32(seed) ^ Math.imul(part + 1, 0x9e3779b9)) ^ index));
  }

  /**
   * An independent stream: the child takes the current position and this source jumps 2^64 draws ahead. Giving each
   * part of a generation its own stream keeps one part's draws from shifting every later part.
   */
  fork(): Random {
    const child = this.rng.clone();
    this.rng.jump();
    return new Random(child);
  }

  /** An integer in [min, max], both included, without modulo bias. */
  int(min: number, max: number): number {
    return uniformInt(this.rng, min, max);
  }

  /** An integer in [0, n). */
  below(n: number): number {
    return uniformInt(this.rng, 0, n - 1);
  }

  /** A float in [0, 1) with 53 random bits. */
  float(): number {
    return uniformFloat64(this.rng);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return uniformFloat64(this.rng) < p;
  }

  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T {
    return items[uniformInt(this.rng, 0, items.length - 1)];
  }

  /** An index drawn with probability proportional to its weight, given running totals of the weights. */
  pickWeighted(cumulative: Float64Array): number {
    const target = uniformFloat64(this.rng) * cumulative[cumulative.length - 1];
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (cumulative[mid] > target) high = mid;
      else low = mid + 1;
    }
    return low;
  }

  /** A standard normal deviate (Box-Muller). */
  normal(): number {
    const u = 1 - uniformFloat64(this.rng);
    const v = uniformFloat64(this.rng);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A log-normal deviate with the given median and spread (sigma of the underlying normal). */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** A Pareto deviate >= 1 with tail exponent alpha, capped: P(X > x) = x^-alpha below the cap. */
  pareto(alpha: number, cap: number): number {
    return Math.min(cap, (1 - uniformFloat64(this.rng)) ** (-1 / alpha));
  }

  /** Shuffles an array in place (Fisher-Yates). */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = uniformInt(this.rng, 0, i);
      const swap = items[i];
      items[i] = items[j];
      items[j] = swap;
    }
    return items;
  }
}

/** MurmurHash3's 32-bit finaliser: spreads nearby integers (seeds 1, 2, 3; company 41, 42) far apart. */
function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Running totals of weights, the form `Random.pickWeighted` samples from. */
export function cumulativeWeights(weights: ArrayLike<number>): Float64Array {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    total += weights[i];
    cumulative[i] = total;
  }
  return cumulative;
}
