import type { ComplexityEstimatorArgs } from 'graphql-query-complexity';

/** An argument as a number within its valid range (validation rejects anything outside it later). */
function clamp(value: unknown, fallback: number, min: number, max: number): number {
  const n = Number(value ?? fallback);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

/** Estimated rows behind a list field whose length the client does not choose (a company's investments, say). */
const UNBOUNDED_LIST = 10;

/** A page of `first` items: each costs what its selection costs. */
export const pageCost = ({ args, childComplexity }: ComplexityEstimatorArgs) => 1 + clamp(args.first, 20, 1, 100) * childComplexity;

/** A nested list of unknown length. */
export const listCost = ({ childComplexity }: ComplexityEstimatorArgs) => 1 + UNBOUNDED_LIST * childComplexity;

/** Totals: one aggregate over the facts that match, then a page of `first` groups, each costing its selection. */
export const totalsCost = ({ args, childComplexity }: ComplexityEstimatorArgs) => 50 + clamp(args.first, 20, 1, 100) * childComplexity;

/** An extra count query. */
export const COUNT_COST = 10;

/** Traversals weigh by how far they may go. */
export const traversalCost = {
  backers: ({ childComplexity }: ComplexityEstimatorArgs) => 100 + 50 * childComplexity,
  twoSided: ({ childComplexity }: ComplexityEstimatorArgs) => 200 + 50 * childComplexity,
  loops: ({ args, childComplexity }: ComplexityEstimatorArgs) => 50 * clamp(args.maxLength, 4, 2, 6) + 20 * childComplexity,
  connection: ({ args, childComplexity }: ComplexityEstimatorArgs) => 20 * clamp(args.maxHops, 4, 1, 6) + clamp(args.maxHops, 4, 1, 6) * childComplexity,
  neighborhood: ({ args, childComplexity }: ComplexityEstimatorArgs) => 100 * clamp(args.depth, 1, 1, 3) + 50 * childComplexity,
  exposure: ({ childComplexity }: ComplexityEstimatorArgs) => 50 + 10 * childComplexity,
};

/** Reconciling names: one statement for the whole list; what is selected per name weighs per hundred names. */
export const matchCost = ({ args, childComplexity }: ComplexityEstimatorArgs) => 50 + Math.ceil(clamp(Array.isArray(args.names) ? args.names.length : 1, 1, 1, 1000) / 100) * childComplexity;

/**
 * What drawing up to `value` companies adds (`fallback` when not given, at most `most`): one per 5, so the default
 * neighbourhood of 200 adds 40 and the largest (5,000) 1,000, and the explorer's full picture at depth 3 (about
 * 2,800) stays under the default limit of 5,000.
 */
export const drawnNodesCost = (value: unknown, fallback: number, most: number): number => Math.ceil(clamp(value, fallback, 1, most) / 5);
