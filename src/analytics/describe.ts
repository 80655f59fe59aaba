import { formatPartialDate, type PartialDate } from '../common/date-scalar';
import { AcquisitionKind, AmountKind } from '../common/enums';
import { disclosedTotal, formatUsd } from '../common/money';
import type { AcquisitionRecord } from '../acquisition/acquisition.record';
import type { CompanyRecord } from '../company/company.record';
import type { ComputeDealRecord } from '../compute/compute-deal.record';
import type { InvestmentRecord } from '../investment/investment.record';
import type { RivalryRecord } from '../rivalry/rivalry.record';

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
export function describeInvestments(investor: CompanyRecord, investee: CompanyRecord, investments: readonly InvestmentRecord[]): string {
  return `${investor.name} invested ${amountPhrase(investments)} in ${investee.name} (${count(investments.length, 'investment')}${span(investments.map((i) => i.announcedOn))})`;
}

/** "AWS supplies compute to Anthropic ($11B, 2025-10)". */
export function describeDeals(provider: CompanyRecord, customer: CompanyRecord, deals: readonly ComputeDealRecord[]): string {
  const value = deals.map((d) => ({ amountUsd: d.valueUsd, amountKind: d.amountKind }));
  const amount = disclosedTotal(value) > 0 ? `${amountPhrase(value)}, ` : '';
  return `${provider.name} supplies compute to ${customer.name} (${amount}${count(deals.length, 'deal')}${span(deals.map((d) => d.announcedOn))})`;
}

export function describeRivalry(a: CompanyRecord, b: CompanyRecord, rivalry: RivalryRecord): string {
  return `${a.name} competes with ${b.name} in ${rivalry.market}${rivalry.since ? ` (since ${when(rivalry.since)})` : ''}`;
}

export function describeSubsidiary(child: CompanyRecord, parent: CompanyRecord): string {
  return `${child.name} is a subsidiary of ${parent.name}`;
}

export function describeAcquisition(acquirer: CompanyRecord, target: CompanyRecord, acquisition: AcquisitionRecord): string {
  const amount = acquisition.amountUsd !== null ? `${formatUsd(acquisition.amountUsd)}, ` : '';
  const verb =
    acquisition.kind === AcquisitionKind.ACQUIHIRE_LICENSE ? `licensed ${target.name}'s technology and hired its team` : `acquired ${target.name}`;
  return `${acquirer.name} ${verb} (${amount}${when(acquisition.announcedOn)})`;
}
