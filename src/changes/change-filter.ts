import type { ChangeRecord } from '../domain/change';
import type { ChangeFilter } from './change.repository';

/**
 * Whether a change passes a filter: the same rule as cypher/changes/fragments/change-filter.cypher (plus the company
 * and entity scopes the page statements start from), for changes a live feed already holds. A property test runs
 * both on drawn changes and filters.
 */
export function matchesFilter(change: ChangeRecord, filter: ChangeFilter): boolean {
  if (filter.entityId && change.entityId !== filter.entityId) return false;
  if (filter.companyId && !change.companyIds.includes(filter.companyId)) return false;
  if (filter.entityTypes && filter.entityTypes.length > 0 && !filter.entityTypes.includes(change.entityType)) return false;
  if (filter.actor && change.actor !== filter.actor) return false;
  if (filter.kinds && filter.kinds.length > 0 && !filter.kinds.includes(change.kind)) return false;
  const at = Date.parse(change.at);
  if (filter.since && !(at >= Date.parse(filter.since))) return false;
  if (filter.until && !(at < Date.parse(filter.until))) return false;
  return true;
}
