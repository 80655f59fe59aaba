import { formatPartialDate, type PartialDate } from '../domain/partial-date';
import { AcquisitionKind, AmountKind } from '../domain/enums';
import { disclosedTotal, formatUsd } from '../domain/money';
import type { CompanyRecord } from '../domain/company';
import type { AcquisitionFact } from '../facts/types/acquisition.fact';
import type { ComputeDealFact } from '../facts/types/compute-deal.fact';
import type { InvestmentFact } from '../facts/types/investment.fact';
import type { RivalryFact } from '../facts/types/rivalry.fact';

/** "2024-03" style dates for prose: month precision at most, as analysts quote deals. */
function when(date: PartialDate | null): string {
  if (!date) return 'undated';
  return formatPartialDate(date.precision === 'DAY' ? { start: date.start, precision: 'MONTH' } : date);
}

function span(dates: (PartialDate | null)[]): string {
  const known = dates.filter((date): date is PartialDate => date !== null).sort((a, b) => a.start.localeCompare(b.start));
  if (known.length === 0) return 'undated';
  const first = when(known[0]);
  const last = when(known[known.length - 1]);
  return first === last ? first : `${first} to ${last}`;
}

/**
 * The amount phrase for some facts: "$2.75B", "up to $10B", "$100M plus up to $100B", "an undisclosed amount".
 * Ceilings are kept apart from firm money so a letter of intent never reads as money paid.
 */
export function amountPhrase(facts: readonly { amountUsd: number | null; amountKind: string | null }[]): string {
  const firm = disclosedTotal(facts.filter((fact) => fact.amountKind !== AmountKind.UP_TO));
  const ceilings = disclosedTotal(facts.filter((fact) => fact.amountKind === AmountKind.UP_TO));
  if (firm === 0 && ceilings === 0) return 'an undisclosed amount';
  if (ceilings === 0) return formatUsd(firm);
  return firm === 0 ? `up to ${formatUsd(ceilings)}` : `${formatUsd(firm)} plus up to ${formatUsd(ceilings)}`;
}

function count(n: number, noun: string): string {
  return n === 1 ? '' : `${n} ${noun}s, `;
}

/** "Amazon invested $2.75B in Anthropic (2024-03)"; several tranches are summed and counted. */
export function describeInvestments(investor: CompanyRecord, investee: CompanyRecord, investments: readonly InvestmentFact[]): string {
  return `${investor.name} invested ${amountPhrase(investments)} in ${investee.name} (${count(investments.length, 'investment')}${span(investments.map((i) => i.announcedOn))})`;
}

/** "AWS supplies compute to Anthropic ($11B, 2025-10)". */
export function describeDeals(provider: CompanyRecord, customer: CompanyRecord, deals: readonly ComputeDealFact[]): string {
  const value = deals.map((d) => ({ amountUsd: d.valueUsd, amountKind: d.amountKind }));
  const amount = disclosedTotal(value) > 0 ? `${amountPhrase(value)}, ` : '';
  return `${provider.name} supplies compute to ${customer.name} (${amount}${count(deals.length, 'deal')}${span(deals.map((d) => d.announcedOn))})`;
}

export function describeRivalry(a: CompanyRecord, b: CompanyRecord, rivalry: RivalryFact): string {
  return `${a.name} competes with ${b.name} in ${rivalry.market}${rivalry.since ? ` (since ${when(rivalry.since)})` : ''}`;
}

export function describeSubsidiary(child: CompanyRecord, parent: CompanyRecord): string {
  return `${child.name} is a subsidiary of ${parent.name}`;
}

export function describeAcquisition(acquirer: CompanyRecord, target: CompanyRecord, acquisition: AcquisitionFact): string {
  const amount = acquisition.amountUsd !== null ? `${formatUsd(acquisition.amountUsd)}, ` : '';
  const verb =
    acquisition.kind === AcquisitionKind.ACQUIHIRE_LICENSE ? `licensed ${target.name}'s technology and hired its team` : `acquired ${target.name}`;
  return `${acquirer.name} ${verb} (${amount}${when(acquisition.announcedOn)})`;
}
