import { Instrument } from '../../domain/enums';
import { factId } from '../../domain/fact-id';
import type { PartialDate } from '../../domain/partial-date';
import { MAX_AMOUNT_USD } from '../../domain/validation';
import type { FactDefinition } from '../fact-definition';
import type { RecordOf } from '../fact-record';
import { amount, announcedOn, lifecycleFields, note } from '../fields';

/** A company raising money in one round: what it raised, at what valuation, who led; its investments name it. */
export const FUNDING_ROUND = {
  name: 'FundingRound',
  description: 'A round in which a company raises money: amount, pre- and post-money valuation where reported, lead investors; the investments made in it name it.',
  idPrefix: 'round',
  single: 'fundingRound',
  plural: 'fundingRounds',
  section: 'fundingRounds',
  parties: [
    { role: 'company', idField: 'companyId', rel: 'RAISED', direction: 'toFact', description: 'The company raising.', companyField: { name: 'fundingRounds', description: 'Funding rounds it raised.' } },
    {
      role: 'leadInvestors',
      idField: 'leadInvestorIds',
      rel: 'LED',
      direction: 'toFact',
      many: true,
      description: 'Investors reported as leading the round (none when no lead was named).',
      companyField: { name: 'fundingRoundsLed', description: 'Funding rounds it led.' },
    },
  ],
  fields: [
    { name: 'name', kind: 'text', required: true, maxLength: 200, description: 'Round name as reported, e.g. "Series F", "Strategic investment".' },
    announcedOn,
    { name: 'closedOn', kind: 'date', notInFuture: true },
    ...amount('amountUsd', 'Amount raised in the round in USD (all participants); null when undisclosed.'),
    {
      name: 'instrument',
      kind: 'enum',
      enumType: Instrument,
      description: 'What the round sold, where reported. DEBT (a loan or a bond): its amount is a contract value, never raised headline money, and it carries no valuation (that is the equity round\'s); the equity raised beside it is a round of its own.',
    },
    { name: 'preMoneyValuationUsd', kind: 'usd', min: 0, max: MAX_AMOUNT_USD, description: 'Pre-money valuation in USD, where reported.' },
    { name: 'postMoneyValuationUsd', kind: 'usd', min: 0, max: MAX_AMOUNT_USD, description: 'Post-money valuation in USD, where reported.' },
    note,
    ...lifecycleFields,
  ],
  dateField: 'announcedOn',
  deriveId: ([company], f) => factId('round', [company], f.announcedOn as PartialDate, [f.name]),
  list: {
    description: 'Funding rounds, filtered, sorted (newest first by default) and paged.',
    args: 'filter',
    filters: [
      { arg: 'companyId', kind: 'party', role: 'company' },
      { arg: 'leadInvestorId', kind: 'party', role: 'leadInvestors' },
      { arg: 'from', kind: 'atLeast', field: 'announcedOn', description: 'Announced on or after (start of the period).' },
      { arg: 'to', kind: 'atMost', field: 'announcedOn', description: 'Announced on or before (end of the period).' },
      { arg: 'minAmountUsd', kind: 'atLeast', field: 'amountUsd' },
      { arg: 'minPostMoneyValuationUsd', kind: 'atLeast', field: 'postMoneyValuationUsd' },
    ],
    sorts: [
      { value: 'ANNOUNCED_ON', field: 'announcedOn' },
      { value: 'AMOUNT', field: 'amountUsd' },
      { value: 'POST_MONEY_VALUATION', field: 'postMoneyValuationUsd' },
    ],
    defaultSort: { sort: 'ANNOUNCED_ON', descending: true },
  },
  totals: {
    extremes: [{ field: 'postMoneyValuationUsd', measure: 'POST_MONEY' }],
    companySorts: [{ value: 'LATEST_VALUATION', role: 'company', measure: 'LATEST_POST_MONEY', description: 'The post-money valuation of its latest funding round that reports one; companies with none come last.' }],
  },
  inputs: {
    record: 'A funding round to record. Same id again overwrites it with the same company (idempotent).',
    update: 'Changes to a funding round; omitted fields stay, null clears; leadInvestorIds and sourceIds/sources, when given, replace the lists.',
  },
} as const satisfies FactDefinition;

/** A recorded FUNDING_ROUND, typed from its definition. */
export type FundingRoundFact = RecordOf<typeof FUNDING_ROUND>;
