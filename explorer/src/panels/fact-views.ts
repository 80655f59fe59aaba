// Each fact type as the side panel lists it: a title, its own fields, and the shared state, events and sources.
// Pure, so the mapping is tested without a browser.

import type { AcquisitionFact, AmountKind, ComputeDealFact, FactCommon, FactEvent, FactState, InvestmentFact, RivalryFact, Source, SubsidiaryLinkFact } from '../api/types';
import { formatDate, happenedBy } from '../format/dates';
import { formatUsd } from '../format/money';

export interface Field {
  label: string;
  value: string;
}

export interface FactView {
  id: string;
  title: string;
  fields: Field[];
  state: FactState;
  /** Events on or before the date, oldest first. */
  events: FactEvent[];
  /** Events after the date (not shown: the picture is as of the date). */
  laterEvents: number;
  sources: Source[];
  note: string | null;
}

const AMOUNT_KIND_WORDS: Readonly<Record<AmountKind, string>> = {
  PAID: 'paid',
  COMMITMENT: 'commitment',
  UP_TO: 'up to (ceiling)',
  CONTRACT_VALUE: 'contract value',
  STAKE_VALUE: 'stake value',
};

/** An amount as recorded on the fact, with its nature; "undisclosed" when the fact has none. */
export function recordedAmount(amountUsd: number | null, amountKind: AmountKind | null): string {
  if (amountUsd === null) return 'undisclosed';
  return amountKind ? `${formatUsd(amountUsd)} (${AMOUNT_KIND_WORDS[amountKind]})` : formatUsd(amountUsd);
}

function field(label: string, value: string | number | null | undefined): Field[] {
  return value === null || value === undefined || value === '' ? [] : [{ label, value: String(value) }];
}

/** The shared part: state on the date, events split at the date, sources, note. */
function common(fact: FactCommon, asOf: string, title: string, fields: Field[]): FactView {
  const events = fact.history.filter((event) => happenedBy(event.on, asOf));
  return {
    id: fact.id,
    title,
    fields: [
      ...fields,
      ...field('Status on the date', fact.state.status ?? 'not yet known'),
      ...field('In force', fact.state.inForce ? 'yes' : 'no'),
      ...field('Option open until', fact.state.optionOpenUntil ? formatDate(fact.state.optionOpenUntil) : null),
      ...field('Confidence', fact.state.confidence),
      ...field('Date precision', fact.state.datePrecision.toLowerCase()),
    ],
    state: fact.state,
    events,
    laterEvents: fact.history.length - events.length,
    sources: fact.sources,
    note: fact.note ?? null,
  };
}

export function investmentView(fact: InvestmentFact, asOf: string): FactView {
  return common(fact, asOf, fact.round ?? 'Investment', [
    ...field('Amount recorded', recordedAmount(fact.amountUsd, fact.amountKind)),
    ...field('Announced', formatDate(fact.announcedOn)),
    ...field('Closed', fact.closedOn ? formatDate(fact.closedOn) : null),
    ...field('Instrument', fact.instrument),
    ...field('Stake', fact.stakePercent === null ? null : `${fact.stakePercent}%`),
  ]);
}

export function computeDealView(fact: ComputeDealFact, asOf: string): FactView {
  return common(fact, asOf, `${fact.resource.toLowerCase().replace(/_/g, ' ')} deal`, [
    ...field('Value recorded', recordedAmount(fact.valueUsd, fact.amountKind)),
    ...field('Capacity', fact.capacity),
    ...field('Announced', formatDate(fact.announcedOn)),
    ...field('Starts', fact.startsOn ? formatDate(fact.startsOn) : null),
    ...field('Ends', fact.endsOn ? formatDate(fact.endsOn) : null),
  ]);
}

export function rivalryView(fact: RivalryFact, asOf: string): FactView {
  return common(fact, asOf, `Rivalry: ${fact.market}`, [
    ...field('Companies', fact.companies.map((company) => company.name).join(' and ')),
    ...field('Since', fact.since ? formatDate(fact.since) : 'undated'),
  ]);
}

export function subsidiaryLinkView(fact: SubsidiaryLinkFact, asOf: string): FactView {
  return common(fact, asOf, `${fact.subsidiary.name} is a subsidiary of ${fact.parent.name}`, [...field('Since', fact.since ? formatDate(fact.since) : 'undated')]);
}

export function acquisitionView(fact: AcquisitionFact, asOf: string): FactView {
  return common(fact, asOf, `${fact.acquirer.name} ${fact.kind === 'ACQUIHIRE_LICENSE' ? 'licensed and hired from' : 'acquired'} ${fact.target.name}`, [
    ...field('Price recorded', recordedAmount(fact.amountUsd, fact.amountKind)),
    ...field('Announced', formatDate(fact.announcedOn)),
  ]);
}

/** "TRANCHE_FUNDED 2023-09-25: $1.25B" and the like, for an event line. */
export function describeEvent(event: FactEvent): string {
  const amounts = [event.amountUsd === null ? '' : formatUsd(event.amountUsd), event.ceilingUsd === null ? '' : `ceiling ${formatUsd(event.ceilingUsd)}`].filter(Boolean).join(', ');
  return `${formatDate(event.on)} ${event.kind.toLowerCase().replace(/_/g, ' ')}${amounts ? `: ${amounts}` : ''}${event.derived ? ' (from its dates)' : ''}`;
}
