import type { ComplexityEstimatorArgs } from 'graphql-query-complexity';

/** Estimated rows behind a list field whose length the client does not choose (a company's investments, say). */
const UNBOUNDED_LIST = 10;

/** A page of `first` items: each costs what its selection costs. */
export const pageCost = ({ args, childComplexity }: ComplexityEstimatorArgs) => 1 + Number(args.first ?? 20) * childComplexity;

/** A nested list of unknown length. */
export const listCost = ({ childComplexity }: ComplexityEstimatorArgs) => 1 + UNBOUNDED_LIST * childComplexity;

/** An extra count query. */
export const COUNT_COST = 10;

/** Traversals weigh by how far they may go. */
export const traversalCost = {
  backers: ({ childComplexity }: ComplexityEstimatorArgs) => 100 + 50 * childComplexity,
  twoSided: ({ childComplexity }: ComplexityEstimatorArgs) => 200 + 50 * childComplexity,
  loops: ({ args, childComplexity }: ComplexityEstimatorArgs) => 50 * Number(args.maxLength ?? 4) + 20 * childComplexity,
  connection: ({ args, childComplexity }: ComplexityEstimatorArgs) => 20 * Number(args.maxHops ?? 4) + Number(args.maxHops ?? 4) * childComplexity,
  neighborhood: ({ args, childComplexity }: ComplexityEstimatorArgs) => 100 * Number(args.depth ?? 1) + 50 * childComplexity,
  exposure: ({ childComplexity }: ComplexityEstimatorArgs) => 50 + 10 * childComplexity,
};
