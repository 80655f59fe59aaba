import type { CompanyRecord } from '../../domain/company';
import { AmountKind } from '../../domain/enums';
import { factId } from '../../domain/fact-id';
import type { PartialDate } from '../../domain/partial-date';
import type { FactDefinition } from '../fact-definition';
import { factMoney } from '../fact-lifecycle';
import type { RecordOf } from '../fact-record';
import { amount, announcedOn, lifecycleFields, note } from '../fields';
import { disclosedPrefix, when } from '../relation-phrases';

/** What two partners agreed to do together (GraphQL: PartnershipKind). */
export const PartnershipKind = {
  /** One sells or hosts the other's product (a lab's models on a cloud's marketplace). */
  DISTRIBUTION: 'DISTRIBUTION',
  /** One builds the other's product into its own (a chatbot inside an operating system). */
  INTEGRATION: 'INTEGRATION',
  /** One resells the other's product to its own customers. */
  RESELLING: 'RESELLING',
  /** They develop products or research together. */
  CO_DEVELOPMENT: 'CO_DEVELOPMENT',
} as const;

/**
 * An agreement between two companies to distribute, integrate, resell or co-develop: symmetric like a rivalry, stored
 * once, listed for both, walked by connection and drawn by neighborhood (PARTNERS_WITH). Not money: its disclosed value
 * is a contract value, never headline money, and money loops, exposure and backers do not read it.
 */
export const PARTNERSHIP = {
  name: 'Partnership',
  description: 'An agreement between two companies to distribute, integrate, resell or co-develop. Symmetric: it is listed for both.',
  idPrefix: 'ptn',
  single: 'partnership',
  plural: 'partnerships',
  section: 'partnerships',
  parties: [
    {
      role: 'companies',
      idField: 'companyIds',
      rel: 'PARTNER_IN',
      direction: 'toFact',
      pair: true,
      distinctMessage: 'a company cannot partner with itself: give two different company ids',
      description: 'The two partners.',
      companyField: { name: 'partnerships', description: 'Its partnerships (either side).' },
    },
  ],
  fields: [
    {
      name: 'kind',
      kind: 'enum',
      enumType: PartnershipKind,
      required: true,
      description: 'DISTRIBUTION: one sells or hosts the other\'s product; INTEGRATION: one builds it into its own; RESELLING; CO_DEVELOPMENT: they develop together.',
    },
    announcedOn,
    { name: 'coverage', kind: 'text', maxLength: 300, description: 'What it covers, e.g. "Claude models on Amazon Bedrock".' },
    { name: 'endsOn', kind: 'date', description: 'When it ends or ended, where known.' },
    ...amount('valueUsd', 'Disclosed value of the agreement in USD, a contract value; null when undisclosed.', { CONTRACT_VALUE: AmountKind.CONTRACT_VALUE }),
    note,
    ...lifecycleFields,
  ],
  dateField: 'announcedOn',
  deriveId: (parties, f) => factId('ptn', [...parties], f.announcedOn as PartialDate, [f.kind]),
  derived: {
    type: 'PARTNERS_WITH',
    from: 'companies',
    to: 'companies',
    grouping: 'perFact',
    properties: ['kind', 'announcedOn'],
    description: 'partners in distribution, integration, reselling or co-development',
    label: ({ properties }) => `partners: ${String(properties.kind ?? 'unspecified').toLowerCase().replace(/_/g, '-')}`,
    sentence: partnershipSentence,
  },
  list: {
    description: 'Partnerships, filtered, sorted (newest first by default) and paged.',
    args: 'filter',
    filters: [
      { arg: 'companyId', kind: 'party', role: 'companies', description: 'Only partnerships involving this company.' },
      { arg: 'kinds', kind: 'oneOf', field: 'kind' },
      { arg: 'from', kind: 'atLeast', field: 'announcedOn', description: 'Announced on or after (start of the period).' },
      { arg: 'to', kind: 'atMost', field: 'announcedOn', description: 'Announced on or before (end of the period).' },
    ],
    sorts: [{ value: 'ANNOUNCED_ON', field: 'announcedOn' }],
    defaultSort: { sort: 'ANNOUNCED_ON', descending: true },
  },
  verbs: { record: 'Records that two companies partner to distribute, integrate, resell or co-develop.' },
  inputs: {
    record: 'A partnership to record; the pair is unordered. Recording the same id again overwrites it (idempotent).',
    update: 'Changes to a partnership; omitted fields stay, null clears. sourceIds/sources, when given, replace the citations.',
  },
} as const satisfies FactDefinition;

/** A recorded PARTNERSHIP, typed from its definition. */
export type PartnershipFact = RecordOf<typeof PARTNERSHIP>;

/** "Apple partners with OpenAI (integration, 2024-06)"; a disclosed value is named as a contract value. */
function partnershipSentence(a: CompanyRecord, b: CompanyRecord, facts: readonly Readonly<Record<string, unknown>>[]): string {
  const [partnership] = facts as readonly PartnershipFact[];
  if (!partnership) return `${a.name} partners with ${b.name}`;
  const kind = partnership.kind.toLowerCase().replace(/_/g, '-');
  return `${a.name} partners with ${b.name} (${kind}, ${disclosedPrefix(factMoney(partnership))}${when(partnership.announcedOn)})`;
}
