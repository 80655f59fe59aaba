import { formatPartialDate, type PartialDate } from '../domain/partial-date';
import { AcquisitionKind } from '../domain/enums';
import { moneyPhrase } from '../domain/money';
import { factMoney, moneyOfFacts } from '../facts/fact-lifecycle';
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
 * The money phrase for some facts in the scope they were read in, each kind named: "$2.75B", "paid $1.25B of up to
 * $4B", "up to $100B (nothing binding)", "an undisclosed amount". A ceiling never reads as money paid.
 */
export function amountPhrase(facts: readonly Readonly<Record<string, unknown>>[]): string {
  return moneyPhrase(moneyOfFacts(facts)) || 'an undisclosed amount';
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
  const phrase = moneyPhrase(moneyOfFacts(deals));
  const amount = phrase && phrase !== 'undisclosed' ? `${phrase}, ` : '';
  return `${provider.name} supplies compute to ${customer.name} (${amount}${count(deals.length, 'deal')}${span(deals.map((d) => d.announcedOn))})`;
}

export function describeRivalry(a: CompanyRecord, b: CompanyRecord, rivalry: RivalryFact): string {
  return `${a.name} competes with ${b.name} in ${rivalry.market}${rivalry.since ? ` (since ${when(rivalry.since)})` : ''}`;
}

export function describeSubsidiary(child: CompanyRecord, parent: CompanyRecord): string {
  return `${child.name} is a subsidiary of ${parent.name}`;
}

export function describeAcquisition(acquirer: CompanyRecord, target: CompanyRecord, acquisition: AcquisitionFact): string {
  const money = factMoney(acquisition);
  const phrase = moneyPhrase(money);
  const amount = phrase && phrase !== 'undisclosed' ? `${phrase}, ` : '';
  const verb =
    acquisition.kind === AcquisitionKind.ACQUIHIRE_LICENSE ? `licensed ${target.name}'s technology and hired its team` : `acquired ${target.name}`;
  return `${acquirer.name} ${verb} (${amount}${when(acquisition.announcedOn)})`;
}
