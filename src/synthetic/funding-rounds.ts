import { AmountKind } from '../domain/enums';
import { roundAmount } from './format';
import { Random } from './random';
import { PART_ROUNDS, type World } from './world';

export type FundingRoundRecord = {
  id: string;
  companyId: string;
  leadInvestorIds: string[];
  name: string;
  announcedOn: string;
  amountUsd?: number;
  amountKind?: AmountKind;
  preMoneyValuationUsd?: number;
  postMoneyValuationUsd?: number;
  sourceIds: string[];
};

/** Funding stages with the median round size in USD. */
export const STAGES: readonly (readonly [string, number])[] = [
  ['Pre-seed', 1.5e6],
  ['Seed', 4e6],
  ['Series A', 15e6],
  ['Series B', 40e6],
  ['Series C', 100e6],
  ['Series D', 250e6],
  ['Series E', 600e6],
  ['Growth', 1.5e9],
];

/**
 * The round a company's r-th raise belongs to: led by its largest participant, its total when disclosed, and in half
 * of the rounds a reported valuation. Valuations come from a stream of their own and the round cites its first
 * investment's sources, so adding rounds changed no other record of the dataset.
 */
export function fundingRound(world: World, id: string, company: number, lead: number, r: number, announcedOn: string, stage: number, totalUsd: number | undefined, sourceIds: string[]): FundingRoundRecord {
  const rng = Random.derived(world.seed, PART_ROUNDS, company * 8 + r);
  const record: FundingRoundRecord = { id, companyId: world.ids[company], leadInvestorIds: [world.ids[lead]], name: STAGES[stage][0], announcedOn, sourceIds: [...sourceIds] };
  if (totalUsd !== undefined) {
    record.amountUsd = roundAmount(totalUsd);
    record.amountKind = AmountKind.PAID;
    if (rng.chance(0.5)) {
      record.postMoneyValuationUsd = roundAmount(totalUsd * rng.int(4, 12));
      record.preMoneyValuationUsd = record.postMoneyValuationUsd - record.amountUsd;
    }
  }
  return record;
}
