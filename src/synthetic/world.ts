import type { SourcePool } from './sources';

// What the parts of a generation share. Every rate they tune is per company or per fact, never per dataset, so local
// statistics do not change with N.

/** Per-company facts the generators share. Indices are company numbers; ids are derived from kind and index. */
export interface World {
  readonly seed: number;
  readonly n: number;
  readonly kind: Uint8Array;
  readonly founded: Int16Array;
  readonly country: Uint8Array;
  /** Index into `markets`, or -1 for companies outside the lab markets. */
  readonly market: Int32Array;
  /** Parent company index, or -1. Always lower than the child's index, so ownership has no loops. */
  readonly parent: Int32Array;
  readonly ids: string[];
  readonly names: string[];
  readonly markets: Market[];
  readonly sources: SourcePool;
}

export interface Market {
  readonly label: string;
  readonly capacity: number;
  readonly members: number[];
}

/** Parts of a generation that draw from per-company or per-market streams (see Random.derived). */
export const PART_INVESTMENTS = 1;
export const PART_COMPUTE_DEALS = 2;
export const PART_RIVALRIES = 3;
export const PART_ROUNDS = 4;
