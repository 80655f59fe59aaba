import { formatUsd } from '../domain/money';
import { changedFields, type ChangeImage, type ChangeRecord } from '../domain/change';
import { companyDatasetRecord, factDatasetRecord, sourceDatasetRecord } from '../facts/dataset-records';
import { toFactRecord } from '../facts/fact-record';
import { humanName } from '../facts/human-name';
import { FACTS } from '../facts/registry';

/** An image as the dataset file would hold the record (dates at their precision, parties by id, sources cited). */
export function presentImage(entityType: string, image: ChangeImage | null): Record<string, unknown> | null {
  if (image === null) return null;
  if (image.ids !== undefined && image.id === undefined) return { ids: image.ids };
  if (entityType === 'Company') return { ...companyDatasetRecord(image) };
  if (entityType === 'Source') return { ...sourceDatasetRecord(image) };
  const definition = FACTS.find((d) => d.name === entityType);
  return definition ? { ...factDatasetRecord(definition, toFactRecord(definition, image, false)) } : { ...image };
}

/** A change's before and after as clients see them: whole records for a creation or removal, else the fields that changed. */
export function presentChange(change: ChangeRecord): { before: Record<string, unknown> | null; after: Record<string, unknown> | null } {
  const before = presentImage(change.entityType, change.before);
  const after = presentImage(change.entityType, change.after);
  return changedFields(before, after, []) as { before: Record<string, unknown> | null; after: Record<string, unknown> | null };
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(describe).join(', ');
  if (typeof value === 'number' && value >= 1e6) return formatUsd(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The entity in words: "investment amazon-anthropic-2024-03 (amazon, anthropic)". */
function entityWords(change: ChangeRecord): string {
  const what = humanName(change.entityType);
  const companies = change.companyIds.length > 0 && change.entityType !== 'Company' ? ` (${change.companyIds.join(', ')})` : '';
  return `${what} ${change.entityId}${companies}`;
}

/** One English line for a change, naming who made it when the caller may see that (`actor` null otherwise). */
export function summarize(change: ChangeRecord, actor: string | null): string {
  const who = actor ?? 'a writer';
  if (change.entityId === null) {
    return `${who} imported ${change.entityIds.length} ${humanName(change.entityType)} records (${change.entityIds.slice(0, 3).join(', ')}${change.entityIds.length > 3 ? ', ...' : ''})`;
  }
  if (change.redactedBy !== null) return `${who} ${change.kind === 'CREATED' ? 'recorded' : change.kind === 'REMOVED' ? 'removed' : 'changed'} ${entityWords(change)} (details redacted by change ${change.redactedBy})`;
  if (change.kind === 'CREATED') return `${who} recorded ${entityWords(change)}`;
  if (change.kind === 'REMOVED') return `${who} removed ${entityWords(change)}`;
  const { before, after } = presentChange(change);
  const fields = Object.keys(after ?? {});
  const shown = fields.slice(0, 3).map((field) => `${field} from ${describe(before?.[field])} to ${describe(after?.[field])}`);
  return `${who} changed ${shown.join('; ')}${fields.length > 3 ? ` and ${fields.length - 3} more fields` : ''} on ${entityWords(change)}`;
}

/** A change as it is shown to a caller (the GraphQL `Change`, a webhook's payload): plain values, images presented. */
export interface ChangeView {
  seq: number;
  group: number;
  at: string;
  actor: string | null;
  requestId: string | null;
  operation: string;
  entityType: string;
  entityId: string | null;
  entityIds: string[];
  kind: ChangeRecord['kind'];
  companyIds: string[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  summary: string;
  revertible: boolean;
  redactedBy: number | null;
}

/**
 * A change as shown to someone who may (actor given) or may not (null) see who made it: images as dataset records
 * (none once redacted) and its summary. The `changes` query, subscription and webhooks all show it this way.
 */
export function changeView(record: ChangeRecord, actor: string | null): ChangeView {
  const { before, after } = record.redactedBy === null ? presentChange(record) : { before: null, after: null };
  return {
    seq: record.seq,
    group: record.group,
    at: record.at,
    actor,
    requestId: record.requestId,
    operation: record.operation,
    entityType: record.entityType,
    entityId: record.entityId,
    entityIds: [...record.entityIds],
    kind: record.kind,
    companyIds: [...record.companyIds],
    before,
    after,
    summary: summarize(record, actor),
    revertible: record.revertible && record.redactedBy === null,
    redactedBy: record.redactedBy,
  };
}
