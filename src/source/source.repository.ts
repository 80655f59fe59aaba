import type { ChangeAuthor } from '../domain/change';
import { changeParam } from '../neo4j/changes/change-param';
import { conflict } from '../domain/errors';
import type { CypherCatalog } from '../neo4j/cypher-catalog';
import type { Database, Tx } from '../neo4j/database';
import { int } from '../neo4j/params';
import { afterParams, phasesAfter, type ListOrder, type ListPosition } from '../neo4j/list-position';
import { sourceCountStatement, sourceListStatement, type SourceListShape } from '../neo4j/source-list-statements';
import type { SourceInput } from '../graphql/source.input';
import { sourceIdFor, sourceRow, toSourceRecord, type SourceRecord } from '../domain/source';
import { findByIds } from '../neo4j/find-by-ids';


/** Sources are listed newest first by their publication day; undated ones after the others (cursors are checked against it). */
export const SOURCE_ORDER: ListOrder = { type: 'date', nullable: true };

/** Every read and write of Source nodes (facts cite theirs in their own write statement). */
export class SourceRepository {
  private readonly q: Record<'byIds' | 'upsert' | 'byUrl' | 'citations' | 'delete', string>;
  /** List and count statements by shape, generated on first use (a closed set). */
  private readonly shapes = new Map<string, string>();

  constructor(
    private readonly db: Database,
    catalog: CypherCatalog,
  ) {
    this.q = {
      byIds: catalog.get('source/find-sources-by-ids'),
      upsert: catalog.get('source/upsert-sources'),
      byUrl: catalog.get('source/find-source-by-url'),
      citations: catalog.get('source/count-source-citations'),
      delete: catalog.get('source/delete-source'),
    };
  }

  findByIds(ids: readonly string[]): Promise<(SourceRecord | null)[]> {
    return findByIds(this.db, this.q.byIds, ids, (row) => toSourceRecord(row.source), (source) => source.id);
  }

  /**
   * One page of sources, newest first, undated ones after the dated, ties by id; read from where the previous page
   * ended (keyset), so sources recorded between pages neither shift nor repeat a page.
   */
  async list(publisher: string | null, after: ListPosition | null, first: number): Promise<{ items: { source: SourceRecord; position: ListPosition }[]; hasMore: boolean }> {
    const items: { source: SourceRecord; position: ListPosition }[] = [];
    for (const phase of phasesAfter(SOURCE_ORDER, after)) {
      const from = after && after.phase === phase ? after : null;
      const shape: SourceListShape = { publisher: publisher !== null, phase, after: from !== null };
      const rows = await this.db.readRows(this.statement(JSON.stringify(shape), () => sourceListStatement(shape)), {
        publisher: publisher?.toLowerCase() ?? null,
        ...(from ? afterParams(SOURCE_ORDER, from) : {}),
        limit: int(first + 1 - items.length),
      });
      for (const row of rows) {
        const source = toSourceRecord(row.source);
        items.push({ source, position: { phase, value: (row.sortValue as string | null) ?? null, id: source.id } });
      }
      if (items.length > first) return { items: items.slice(0, first), hasMore: true };
    }
    return { items, hasMore: false };
  }

  async count(publisher: string | null): Promise<number> {
    const [row] = await this.db.readRows(this.statement(`count:${publisher !== null}`, () => sourceCountStatement(publisher !== null)), { publisher: publisher?.toLowerCase() ?? null });
    return (row?.total as number) ?? 0;
  }

  private statement(key: string, make: () => string): string {
    let text = this.shapes.get(key);
    if (!text) this.shapes.set(key, (text = make()));
    return text;
  }

  /** Creates or updates one source; a URL already held by another source is a CONFLICT. */
  async record(input: SourceInput, author: ChangeAuthor): Promise<SourceRecord> {
    const [id] = await this.db.write((tx) => this.upsert(tx, [input], 'input', author));
    const [source] = await this.findByIds([id]);
    return source as SourceRecord;
  }

  /** Removes a source no fact cites; a cited source is a CONFLICT. Returns false when unknown. */
  async remove(id: string, author: ChangeAuthor): Promise<boolean> {
    return this.db.write(async (tx) => {
      const [row] = await tx.rows(this.q.citations, { id });
      if (!row) return false;
      if ((row.citations as number) > 0) throw conflict(`source "${id}" is cited by ${row.citations} facts; remove or re-source them first`);
      await tx.rows(this.q.delete, { id, ...changeParam(author) });
      return true;
    });
  }

  private async upsert(tx: Tx, inputs: SourceInput[], field: string, author: ChangeAuthor): Promise<string[]> {
    const rows = [];
    const ids: string[] = [];
    for (const [index, input] of inputs.entries()) {
      const [existing] = await tx.rows(this.q.byUrl, { url: input.url });
      const existingId = existing?.id as string | undefined;
      const id = input.id ?? existingId ?? sourceIdFor(input.url);
      if (existingId && existingId !== id) {
        throw conflict(`${field}[${index}].url is already recorded as source "${existingId}"`);
      }
      ids.push(id);
      rows.push(sourceRow(input, id));
    }
    if (rows.length > 0) await tx.rows(this.q.upsert, { sources: rows, ...changeParam(author) });
    return ids;
  }
}
