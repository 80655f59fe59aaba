import { factId } from '../../domain/fact-id';
import { AcquisitionKind } from '../../domain/enums';
import type { PartialDate } from '../../domain/partial-date';
import type { FactDefinition } from '../fact-definition';
import type { RecordOf } from '../fact-record';
import type { CompanyRecord } from '../../domain/company';
import { factMoney } from '../fact-lifecycle';
import { amount, announcedOn, lifecycleFields, note } from '../fields';
import { disclosedPrefix, when } from '../relation-phrases';

/** An acquisition, or a licence deal that hires the team (acqui-hire). */
export const ACQUISITION = {
  name: 'Acquisition',
  description: 'An acquisition, or a licence deal that hires the team (acqui-hire).',
  idPrefix: 'acq',
  single: 'acquisition',
  plural: 'acquisitions',
  section: 'acquisitions',
  parties: [
    { role: 'acquirer', idField: 'acquirerId', rel: 'ACQUIRES', direction: 'toFact' },
    { role: 'target', idField: 'targetId', rel: 'OF', direction: 'fromFact', differsFrom: { idField: 'acquirerId', message: 'a company cannot acquire itself' } },
  ],
  fields: [
    { name: 'kind', kind: 'enum', enumType: AcquisitionKind, required: true, defaultValue: AcquisitionKind.ACQUISITION },
    announcedOn,
    ...amount('amountUsd', 'Price in USD; null when undisclosed.'),
    note,
    ...lifecycleFields,
  ],
  dateField: 'announcedOn',
  deriveId: (parties, f) => factId('acq', [...parties], f.announcedOn as PartialDate, [f.kind]),
  derived: {
    type: 'ACQUIRED',
    from: 'acquirer',
    to: 'target',
    grouping: 'perFact',
    properties: ['kind', 'announcedOn', 'amountUsd', 'amountKind'],
    description: 'acquirer to target',
    label: ({ properties }) => (properties.kind === AcquisitionKind.ACQUIHIRE_LICENSE ? 'licence + hires' : 'acquired'),
    sentence: acquisitionSentence,
  },
  list: {
    description: 'Acquisitions and acqui-hire licences, newest first.',
    args: 'flat',
    filters: [
      { arg: 'companyId', kind: 'party', role: '*', description: 'Only acquisitions where this company is acquirer or target.' },
      { arg: 'kind', kind: 'equals', field: 'kind' },
      { arg: 'asOf', kind: 'atMost', field: 'announcedOn' },
    ],
    sorts: [{ value: 'ANNOUNCED_ON', field: 'announcedOn' }],
    defaultFirst: 100,
    defaultSort: { sort: 'ANNOUNCED_ON', descending: true },
  },
  inputs: { record: 'An acquisition or acqui-hire licence to record. Same id again overwrites it (idempotent).' },
} as const satisfies FactDefinition;

/** A recorded ACQUISITION, typed from its definition. */
export type AcquisitionFact = RecordOf<typeof ACQUISITION>;

/** "Microsoft licensed Inflection's technology and hired its team ($650M, 2024-03)". */
function acquisitionSentence(acquirer: CompanyRecord, target: CompanyRecord, facts: readonly Readonly<Record<string, unknown>>[]): string {
  const [acquisition] = facts as readonly AcquisitionFact[];
  if (!acquisition) return `${acquirer.name} acquired ${target.name}`;
  const verb = acquisition.kind === AcquisitionKind.ACQUIHIRE_LICENSE ? `licensed ${target.name}'s technology and hired its team` : `acquired ${target.name}`;
  return `${acquirer.name} ${verb} (${disclosedPrefix(factMoney(acquisition))}${when(acquisition.announcedOn)})`;
}
