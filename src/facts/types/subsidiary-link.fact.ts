import type { FactDefinition } from '../fact-definition';
import type { RecordOf } from '../fact-record';
import { lifecycleFields } from '../fields';

/** A parent/subsidiary link (AWS of Amazon, Google DeepMind of Google). */
export const SUBSIDIARY_LINK = {
  name: 'SubsidiaryLink',
  description: 'A parent/subsidiary link (AWS of Amazon, Google DeepMind of Google).',
  idPrefix: 'sub',
  single: 'subsidiaryLink',
  plural: 'subsidiaryLinks',
  section: 'subsidiaries',
  parties: [
    { role: 'subsidiary', idField: 'childId', rel: 'HELD', direction: 'toFact', description: 'The subsidiary.' },
    { role: 'parent', idField: 'parentId', rel: 'BY', direction: 'fromFact', description: 'Its parent.', differsFrom: { idField: 'childId', message: 'a company cannot be its own parent' } },
  ],
  fields: [{ name: 'since', kind: 'date', notInFuture: true }, ...lifecycleFields],
  dateField: 'since',
  deriveId: ([child, parent]) => `sub-${child}-${parent}`.slice(0, 120),
  derived: {
    type: 'SUBSIDIARY_OF',
    from: 'subsidiary',
    to: 'parent',
    grouping: 'perFact',
    properties: ['since'],
    description: 'subsidiary to parent',
    // A subsidiary's takings count for its parent.
    moneyFlow: { kind: 'OWNERSHIP', payer: 'from' },
    label: () => 'subsidiary of',
    sentence: (child, parent) => `${child.name} is a subsidiary of ${parent.name}`,
  },
  rules: ['one-parent', 'no-ownership-cycle'],
  list: {
    description: 'Parent/subsidiary links, by id, optionally those touching one company.',
    args: 'flat',
    filters: [{ arg: 'companyId', kind: 'party', role: '*', description: 'Only links where this company is the parent or the subsidiary.' }],
    sorts: [{ value: 'ID', field: 'id' }],
    defaultFirst: 100,
    defaultSort: { sort: 'ID', descending: false },
  },
  inputs: { record: 'Makes a company the subsidiary of another. A company has at most one parent.' },
} as const satisfies FactDefinition;

/** A recorded SUBSIDIARY_LINK, typed from its definition. */
export type SubsidiaryLinkFact = RecordOf<typeof SUBSIDIARY_LINK>;
