import type { ChangeAuthor, ChangeImage, ChangeKind, ChangeRecord } from '../domain/change';
import { changeParam } from '../neo4j/changes/change-param';
import type { CypherCatalog } from '../neo4j/cypher-catalog';
import type { Database, Row } from '../neo4j/database';
import { int } from '../neo4j/params';
import { fromCypherUtcText } from '../neo4j/to-plain';

/** What a page of the log may be narrowed to; every part optional. */
export interface ChangeFilter {
  readonly entityTypes?: readonly string[] | null;
  readonly companyId?: string | null;
  readonly entityId?: string | null;
  readonly actor?: string | null;
  readonly kinds?: readonly ChangeKind[] | null;
  /** ISO date-times: changes at or after `since`, before `until`. */
  readonly since?: string | null;
  readonly until?: string | null;
}

export interface ChangePageQuery {
  readonly filter: ChangeFilter;
  /** The last sequence number already seen (null: from the start, or from the end when newest first). */
  readonly after: number | null;
  readonly first: number;
  readonly newestFirst: boolean;
}

/** Beyond any sequence number the log will hold, for a newest-first page with no cursor. */
const PAST_THE_END = Number.MAX_SAFE_INTEGER;

/**
 * An image as the row fragment sends it (cypher/changes/fragments/image-entries): `[key, value]` entries, a UTC
 * date-time as Cypher's text with `true` after it. Sending times as text rather than values halved the Node time of
 * a page: the driver builds every DateTime and Date with Integer arithmetic.
 */
function imageOf(entries: unknown): ChangeImage | null {
  if (!Array.isArray(entries)) return null;
  const image: Record<string, unknown> = {};
  for (const [key, value, utcText] of entries as [string, unknown, boolean?][]) image[key] = utcText ? fromCypherUtcText(value as string) : value;
  return image as ChangeImage;
}

export function toChangeRecord(row: unknown): ChangeRecord {
  const c = row as Row;
  return {
    seq: c.seq as number,
    group: c.group as number,
    at: fromCypherUtcText(String(c.at)),
    actor: (c.actor as string | null) ?? null,
    requestId: (c.requestId as string | null) ?? null,
    operation: c.operation as string,
    entityType: c.entityType as string,
    entityId: (c.entityId as string | null) ?? null,
    entityIds: (c.entityIds as string[] | null) ?? [],
    kind: c.kind as ChangeKind,
    companyIds: (c.companyIds as string[] | null) ?? [],
    before: imageOf(c.before),
    after: imageOf(c.after),
    revertible: c.revertible !== false,
    redactedBy: (c.redactedBy as number | null) ?? null,
  };
}

/** Reads of the change log: pages in sequence order (all, by company, by entity), one write's changes, the head. */
export class ChangeRepository {
  constructor(
    private readonly db: Database,
    private readonly catalog: CypherCatalog,
  ) {}

  /** One page, and whether more follow; the statement is chosen by the most selective filter given. */
  async page(query: ChangePageQuery): Promise<{ items: ChangeRecord[]; hasMore: boolean }> {
    const { filter } = query;
    const scope = filter.entityId ? 'entity' : filter.companyId ? 'company' : 'all';
    const statement = this.catalog.render(`changes/page-${scope}`, { order: query.newestFirst ? 'DESC' : 'ASC', beyond: query.newestFirst ? '<' : '>' });
    const rows = await this.db.readRows(statement, {
      after: int(query.after ?? (query.newestFirst ? PAST_THE_END : -1)),
      limit: int(query.first + 1),
      entityId: filter.entityId ?? null,
      companyId: filter.companyId ?? null,
      entityTypes: filter.entityTypes && filter.entityTypes.length > 0 ? [...filter.entityTypes] : null,
      actor: filter.actor ?? null,
      kinds: filter.kinds && filter.kinds.length > 0 ? [...filter.kinds] : null,
      since: filter.since ?? null,
      until: filter.until ?? null,
    });
    const items = rows.map((row) => toChangeRecord(row.change));
    return { items: items.slice(0, query.first), hasMore: items.length > query.first };
  }

  /** Every change of the write `group` names, in order. */
  async group(group: number): Promise<ChangeRecord[]> {
    return (await this.db.readRows(this.catalog.get('changes/group'), { group: int(group) })).map((row) => toChangeRecord(row.change));
  }

  /** Takes the images of every change to an entity out of the log (a takedown), logged itself; 0 when it had none. */
  async redact(entityId: string, author: ChangeAuthor): Promise<{ redacted: number; redactedBy: number | null }> {
    const [row] = await this.db.writeRows(this.catalog.get('changes/redact'), { entityId, ...changeParam(author) });
    return { redacted: (row?.redacted as number) ?? 0, redactedBy: (row?.redactedBy as number | null) ?? null };
  }

  /** Removes changes older than `before` in batches; returns how many went and the last seq removed so far. */
  async prune(before: Date, batch = 10000): Promise<{ removed: number; prunedThrough: number }> {
    let removed = 0;
    let prunedThrough = 0;
    for (;;) {
      const [row] = await this.db.writeRows(this.catalog.get('changes/prune'), { before: before.toISOString(), batch: int(batch) });
      const now = (row?.removed as number) ?? 0;
      removed += now;
      prunedThrough = (row?.prunedThrough as number) ?? prunedThrough;
      if (now < batch) return { removed, prunedThrough };
    }
  }

  /** The log's last sequence number and the last one retention removed. */
  async head(): Promise<{ seq: number; prunedThrough: number }> {
    const [row] = await this.db.readRows(this.catalog.get('changes/head'));
    return { seq: (row?.seq as number) ?? 0, prunedThrough: (row?.prunedThrough as number) ?? 0 };
  }
}
