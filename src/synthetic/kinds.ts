// Company kinds. Small integers so per-company facts live in typed arrays: at a million companies, objects would not.

export const LAB = 0;
export const INVESTOR = 1;
export const BIG_TECH = 2;
export const CLOUD = 3;
export const NEOCLOUD = 4;
export const CHIPMAKER = 5;
export const OTHER = 6;
export const KIND_NAMES = ['AI_LAB', 'INVESTOR', 'BIG_TECH', 'CLOUD', 'NEOCLOUD', 'CHIPMAKER', 'OTHER'] as const;
export const ID_PREFIXES = ['lab', 'vc', 'bigtech', 'cloud', 'neocloud', 'chip', 'co'];
/** Kinds in every block of 100 consecutive companies, so the mix is exact at every scale and prefix-stable. */
export const KIND_MIX = [70, 16, 2, 3, 2, 2, 5];
export const BLOCK = 100;
