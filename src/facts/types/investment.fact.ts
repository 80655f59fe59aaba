import { factId } from '../../domain/fact-id';
import { Instrument, InvestmentStatus } from '../../domain/enums';
import type { PartialDate } from '../../domain/partial-date';
import type { FactDefinition } from '../fact-definition';
import type { RecordOf } from '../fact-record';
import type { CompanyRecord } from '../../domain/company';
import { amount, announcedOn, lifecycleFields, note } from '../fields';
import { amountPhrase, count, edgeAmount, factCount, span } from '../relation-phrases';

/** One investment (one tranche) of an investor into a company. */
export const INVESTMENT = {
  name: 'Investment',
  description: 'One investment (one tranche) of an investor into a company.',
  idPrefix: 'inv',
  single: 'investment',
  plural: 'investments',
  section: 'investments',
  parties: [
    { role: 'investor', idField: 'investorId', rel: 'MADE', direction: 'toFact', companyField: { name: 'investmentsMade', description: 'Investments made.' } },
    {
      role: 'investee',
      idField: 'investeeId',
      rel: 'INTO',
      direction: 'fromFact',
      differsFrom: { idField: 'investorId', message: 'a company cannot invest in itself' },
      companyField: { name: 'investmentsReceived', description: 'Investments received.' },
    },
  ],
  fields: [
    ...amount('amountUsd', "The investor's own amount in USD; null when undisclosed."),
    announcedOn,
    { name: 'closedOn', kind: 'date', notInFuture: true },
    { name: 'round', kind: 'text', maxLength: 200, description: 'Round or deal name, e.g. "Series E ($3.5B round, led)".' },
    { name: 'stakePercent', kind: 'number', min: 0, max: 100 },
    { name: 'valuationUsd', kind: 'usd', min: 0, max: 1e13, description: 'Post-money valuation in USD.' },
    { name: 'instrument', kind: 'enum', enumType: Instrument, description: 'What the money bought, where reported. DEBT (a loan or a bond): its amount is a contract value, never raised headline money.' },
    { name: 'status', kind: 'enum', enumType: InvestmentStatus, required: true, defaultValue: InvestmentStatus.ANNOUNCED },
    note,
    ...lifecycleFields,
  ],
  links: [
    {
      idField: 'fundingRoundId',
      field: 'fundingRound',
      rel: 'PART_OF',
      target: 'FundingRound',
      description: 'The funding round this investment was made in, when known.',
      reverse: { field: 'investments', description: 'Investments recorded as made in this round, oldest first.' },
    },
  ],
  dateField: 'announcedOn',
  deriveId: (parties, f) => factId('inv', [...parties], f.announcedOn as PartialDate, [f.amountUsd ?? null, f.amountKind ?? null, f.round ?? null]),
  derived: {
    type: 'INVESTED_IN',
    from: 'investor',
    to: 'investee',
    grouping: 'perPair',
    description: 'investor to investee',
    moneyFlow: { kind: 'INVESTMENT', payer: 'from' },
    label: ({ money, facts }) => `invested ${edgeAmount(money)}${factCount(facts)}`,
    sentence: investmentsSentence,
  },
  totals: {
    companySorts: [
      { value: 'RAISED_HEADLINE', role: 'investee', measure: 'HEADLINE', description: 'Headline money (paid + committed) of the investments it received: what totalRaisedUsd and exposure.raisedUsd say.' },
      { value: 'INVESTED_HEADLINE', role: 'investor', measure: 'HEADLINE', description: 'Headline money (paid + committed) of the investments it made.' },
      { value: 'INVESTMENTS_MADE', role: 'investor', measure: 'COUNT', description: 'How many investments it made that count on the date.' },
    ],
  },
  list: {
    description: 'Investments, filtered, sorted (newest first by default) and paged.',
    args: 'filter',
    filters: [
      { arg: 'investorId', kind: 'party', role: 'investor' },
      { arg: 'investeeId', kind: 'party', role: 'investee' },
      { arg: 'from', kind: 'atLeast', field: 'announcedOn', description: 'Announced on or after (start of the period).' },
      { arg: 'to', kind: 'atMost', field: 'announcedOn', description: 'Announced on or before (end of the period).' },
      { arg: 'minAmountUsd', kind: 'atLeast', field: 'amountUsd' },
      { arg: 'statuses', kind: 'oneOf', field: 'status' },
      { arg: 'amountKinds', kind: 'oneOf', field: 'amountKind' },
    ],
    sorts: [
      { value: 'ANNOUNCED_ON', field: 'announcedOn' },
      { value: 'AMOUNT', field: 'amountUsd' },
    ],
    defaultSort: { sort: 'ANNOUNCED_ON', descending: true },
  },
  verbs: { record: 'Records one investment (one tranche). Same id again: overwritten, never duplicated.' },
  inputs: {
    record: 'An investment to record. Recording the same id again overwrites it with the same parties (idempotent).',
    update: 'Changes to an investment; omitted fields stay, null clears. sourceIds/sources, when given, replace the citations.',
  },
} as const satisfies FactDefinition;

/** A recorded INVESTMENT, typed from its definition. */
export type InvestmentFact = RecordOf<typeof INVESTMENT>;

/** "Amazon invested $2.75B in Anthropic (2024-03)"; several tranches are summed and counted. */
function investmentsSentence(investor: CompanyRecord, investee: CompanyRecord, facts: readonly Readonly<Record<string, unknown>>[]): string {
  const investments = facts as readonly InvestmentFact[];
  return `${investor.name} invested ${amountPhrase(investments)} in ${investee.name} (${count(investments.length, 'investment')}${span(investments.map((i) => i.announcedOn))})`;
}
