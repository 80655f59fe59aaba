import type { FactDefinition } from '../fact-definition';
import type { RecordOf } from '../fact-record';
import type { CompanyRecord } from '../../domain/company';
import { lifecycleFields, note } from '../fields';
import { when } from '../relation-phrases';

const MARKET = { regex: /^[a-z0-9]+(?:-[a-z0-9]+)*$/, message: 'must be a lowercase kebab-case label such as "frontier-models"' };

/** Two companies competing in a market: symmetric, stored once, listed for both. */
export const RIVALRY = {
  name: 'Rivalry',
  description: 'Two companies competing in a market. Symmetric: it is listed for both.',
  idPrefix: 'riv',
  single: 'rivalry',
  plural: 'rivalries',
  section: 'rivalries',
  parties: [
    {
      role: 'companies',
      idField: 'companyIds',
      rel: 'COMPETES_IN',
      direction: 'toFact',
      pair: true,
      distinctMessage: 'a company cannot compete with itself: give two different company ids',
      description: 'The two competing companies.',
      companyField: { name: 'rivalries', description: 'Its rivalries (either side).' },
    },
  ],
  fields: [
    { name: 'market', kind: 'text', required: true, maxLength: 60, pattern: MARKET, description: 'Market label, e.g. "frontier-models", "cloud-infrastructure", "ai-accelerators".' },
    { name: 'since', kind: 'date', notInFuture: true, description: 'Since when the rivalry is documented.' },
    note,
    ...lifecycleFields,
  ],
  dateField: 'since',
  deriveId: ([a, b], f) => `riv-${a}-${b}-${String(f.market)}`.slice(0, 120),
  derived: {
    type: 'COMPETES_WITH',
    from: 'companies',
    to: 'companies',
    grouping: 'perFact',
    properties: ['market', 'since'],
    description: 'rivals in a market',
    label: ({ properties }) => `rivals: ${(properties.market as string | null | undefined) ?? 'unspecified'}`,
    sentence: rivalrySentence,
  },
  rules: ['rivalry-pair-unique'],
  list: {
    description: 'Rivalries by market, then id, optionally for one company, market or date.',
    args: 'flat',
    filters: [
      { arg: 'companyId', kind: 'party', role: 'companies', description: 'Only rivalries involving this company.' },
      { arg: 'market', kind: 'equals', field: 'market' },
      { arg: 'asOf', kind: 'atMost', field: 'since', undatedPasses: true, description: 'Only rivalries documented on or before this date (undated ones always).' },
    ],
    sorts: [{ value: 'MARKET', field: 'market' }],
    defaultSort: { sort: 'MARKET', descending: false },
  },
  verbs: { record: 'Records that two companies compete in a market.' },
  inputs: {
    record: 'A rivalry to record; the pair is unordered. Same id again overwrites it (idempotent).',
    update: 'Changes to a rivalry; sourceIds/sources, when given, replace the citations.',
  },
} as const satisfies FactDefinition;

/** A recorded RIVALRY, typed from its definition. */
export type RivalryFact = RecordOf<typeof RIVALRY>;

/** "Anthropic competes with OpenAI in frontier-models (since 2021)". */
function rivalrySentence(a: CompanyRecord, b: CompanyRecord, facts: readonly Readonly<Record<string, unknown>>[]): string {
  const [rivalry] = facts as readonly RivalryFact[];
  return `${a.name} competes with ${b.name} in ${rivalry?.market}${rivalry?.since ? ` (since ${when(rivalry.since)})` : ''}`;
}
