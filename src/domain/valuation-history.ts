import type { PartialDate } from './partial-date';

/** How the valuation behind an investment is known. */
export enum ValuationBasis {
  /** The investment's own reported terms (e.g. a tranche bought at an earlier round's price). */
  INVESTMENT_TERMS = 'INVESTMENT_TERMS',
  /** The post-money valuation of the round the investment belongs to. */
  ROUND_POST_MONEY = 'ROUND_POST_MONEY',
  /** Neither is reported. */
  UNKNOWN = 'UNKNOWN',
}

export interface RoundTerms {
  readonly id: string;
  readonly announcedOn: PartialDate;
  readonly preMoneyValuationUsd: number | null;
  readonly postMoneyValuationUsd: number | null;
}

export interface InvestmentTerms {
  readonly id: string;
  readonly investorId: string;
  readonly announcedOn: PartialDate;
  readonly valuationUsd: number | null;
  readonly fundingRoundId: string | null;
}

export interface ValuationPointOf<R> {
  readonly round: R;
  /** Change of the post-money valuation from the previous point that reported one; null without both. */
  readonly changeUsd: number | null;
  readonly changeRatio: number | null;
}

export interface InvestmentValuationOf<R, I> {
  readonly investment: I;
  readonly round: R | null;
  readonly valuationUsd: number | null;
  readonly basis: ValuationBasis;
}

export interface ValuationHistoryOf<R, I> {
  readonly points: ValuationPointOf<R>[];
  readonly investors: { readonly investorId: string; readonly investments: InvestmentValuationOf<R, I>[] }[];
}

const byDate = (a: { announcedOn: PartialDate; id: string }, b: { announcedOn: PartialDate; id: string }) =>
  a.announcedOn.start.localeCompare(b.announcedOn.start) || a.id.localeCompare(b.id);

/**
 * A company's valuation history from its rounds and the investments it received: the rounds that report a valuation
 * in date order with the change from the previous reported post-money, and per investor (in order of its first
 * investment) the valuation each investment was made at: its own terms when reported, else its round's post-money.
 */
export function valuationHistory<R extends RoundTerms, I extends InvestmentTerms>(rounds: readonly R[], investments: readonly I[]): ValuationHistoryOf<R, I> {
  const points: ValuationPointOf<R>[] = [];
  let previous: number | null = null;
  for (const round of [...rounds].sort(byDate)) {
    if (round.postMoneyValuationUsd === null && round.preMoneyValuationUsd === null) continue;
    const post = round.postMoneyValuationUsd;
    const comparable = post !== null && previous !== null;
    points.push({ round, changeUsd: comparable ? post - (previous as number) : null, changeRatio: comparable && previous !== 0 ? post / (previous as number) : null });
    if (post !== null) previous = post;
  }
  const roundsById = new Map(rounds.map((round) => [round.id, round]));
  const investors = new Map<string, InvestmentValuationOf<R, I>[]>();
  for (const investment of [...investments].sort(byDate)) {
    const round = investment.fundingRoundId ? (roundsById.get(investment.fundingRoundId) ?? null) : null;
    const [valuationUsd, basis] =
      investment.valuationUsd !== null ? [investment.valuationUsd, ValuationBasis.INVESTMENT_TERMS]
      : round?.postMoneyValuationUsd != null ? [round.postMoneyValuationUsd, ValuationBasis.ROUND_POST_MONEY]
      : [null, ValuationBasis.UNKNOWN];
    const list = investors.get(investment.investorId) ?? [];
    list.push({ investment, round, valuationUsd, basis });
    investors.set(investment.investorId, list);
  }
  return { points, investors: [...investors].map(([investorId, list]) => ({ investorId, investments: list })) };
}
