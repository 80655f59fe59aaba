import { factId } from '../../domain/fact-id';
import { ComputeDealStatus, ComputeResource } from '../../domain/enums';
import type { PartialDate } from '../../domain/partial-date';
import type { FactDefinition } from '../fact-definition';
import type { RecordOf } from '../fact-record';
import type { CompanyRecord } from '../../domain/company';
import { formatUsd, headlineUsd } from '../../domain/money';
import { moneyOfFacts } from '../fact-lifecycle';
import { amount, announcedOn, lifecycleFields, note } from '../fields';
import { count, disclosedPrefix, edgeAmount, factCount, span } from '../relation-phrases';

/** A compute-supply agreement: a provider sells cloud, chips or data-centre capacity to a customer. */
export const COMPUTE_DEAL = {
  name: 'ComputeDeal',
  description: 'A compute-supply agreement: a provider sells cloud, chips or data-centre capacity to a customer.',
  idPrefix: 'cd',
  single: 'computeDeal',
  plural: 'computeDeals',
  section: 'computeDeals',
  parties: [
    { role: 'provider', idField: 'providerId', rel: 'SUPPLIES', direction: 'toFact', companyField: { name: 'computeDealsAsProvider', description: 'Compute deals where it supplies.' } },
    {
      role: 'customer',
      idField: 'customerId',
      rel: 'TO',
      direction: 'fromFact',
      differsFrom: { idField: 'providerId', message: 'a company cannot supply compute to itself' },
      companyField: { name: 'computeDealsAsCustomer', description: 'Compute deals where it buys.' },
    },
  ],
  fields: [
    ...amount('valueUsd', 'Value in USD; null when undisclosed.'),
    announcedOn,
    { name: 'startsOn', kind: 'date' },
    { name: 'endsOn', kind: 'date' },
    { name: 'resource', kind: 'enum', enumType: ComputeResource, required: true },
    { name: 'capacity', kind: 'text', maxLength: 200, description: 'Capacity as reported, e.g. "4.5 GW".' },
    { name: 'status', kind: 'enum', enumType: ComputeDealStatus, required: true, defaultValue: ComputeDealStatus.ANNOUNCED },
    note,
    ...lifecycleFields,
  ],
  links: [{ idField: 'relatedInvestmentId', field: 'relatedInvestment', rel: 'TIED_TO', target: 'Investment', description: 'The investment this deal came with (e.g. a cloud commitment tied to a stake).' }],
  dateField: 'announcedOn',
  deriveId: (parties, f) => factId('cd', [...parties], f.announcedOn as PartialDate, [f.valueUsd ?? null, f.resource, f.capacity ?? null]),
  derived: {
    type: 'SUPPLIES_COMPUTE',
    from: 'provider',
    to: 'customer',
    grouping: 'perPair',
    description: 'provider to customer',
    // The customer pays the provider: a loop walks the relationship against its direction.
    moneyFlow: { kind: 'COMPUTE', payer: 'to' },
    label: ({ money, facts }) =>
      `supplies compute${headlineUsd(money) > 0 ? ` ${edgeAmount(money)}` : money.contractValueUsd > 0 ? ` ${formatUsd(money.contractValueUsd)} contract` : ''}${factCount(facts)}`,
    sentence: dealsSentence,
  },
  totals: {
    companySorts: [
      { value: 'COMPUTE_BOUGHT', role: 'customer', measure: 'HEADLINE', description: 'Headline money (paid + committed) of the compute deals it is the customer of: what exposure.computeBoughtUsd says.' },
      { value: 'COMPUTE_CONTRACTED', role: 'customer', measure: 'CONTRACT_VALUE', description: 'Contract values of the compute deals it is the customer of (how most compute is priced).' },
    ],
  },
  list: {
    description: 'Compute deals, filtered, sorted (newest first by default) and paged.',
    args: 'filter',
    filters: [
      { arg: 'providerId', kind: 'party', role: 'provider' },
      { arg: 'customerId', kind: 'party', role: 'customer' },
      { arg: 'from', kind: 'atLeast', field: 'announcedOn' },
      { arg: 'to', kind: 'atMost', field: 'announcedOn' },
      { arg: 'minValueUsd', kind: 'atLeast', field: 'valueUsd' },
      { arg: 'statuses', kind: 'oneOf', field: 'status' },
      { arg: 'resources', kind: 'oneOf', field: 'resource' },
    ],
    sorts: [
      { value: 'ANNOUNCED_ON', field: 'announcedOn' },
      { value: 'VALUE', field: 'valueUsd' },
    ],
    defaultSort: { sort: 'ANNOUNCED_ON', descending: true },
  },
  inputs: {
    record: 'A compute deal to record. Recording the same id again overwrites it with the same parties (idempotent).',
    update: 'Changes to a compute deal; omitted fields stay, null clears. sourceIds/sources, when given, replace the citations.',
  },
} as const satisfies FactDefinition;

/** A recorded COMPUTE_DEAL, typed from its definition. */
export type ComputeDealFact = RecordOf<typeof COMPUTE_DEAL>;

/** "AWS supplies compute to Anthropic ($11B, 2025-10)". */
function dealsSentence(provider: CompanyRecord, customer: CompanyRecord, facts: readonly Readonly<Record<string, unknown>>[]): string {
  const deals = facts as readonly ComputeDealFact[];
  return `${provider.name} supplies compute to ${customer.name} (${disclosedPrefix(moneyOfFacts(deals))}${count(deals.length, 'deal')}${span(deals.map((d) => d.announcedOn))})`;
}
