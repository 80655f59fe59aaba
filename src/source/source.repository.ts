import crypto from 'node:crypto';
import { badInput, conflict } from '../common/errors';
import type { ReferenceChecker } from '../common/reference-checker';
import type { CypherCatalog } from '../neo4j/cypher-catalog';
import type { Database, Tx } from '../neo4j/database';
import { int } from '../neo4j/params';
import type { SourceInput } from './source.input';
import { toSourceRecord, type SourceRecord } from './source.record';
import { findByIds } from '../common/find-by-ids';

/** Sources a fact cites: existing ones by id and/or new ones inline. */
export interface CitedSources {
  sourceIds?: string[] | null;
  sources?: SourceInput[] | null;
}

/** Id for a source given without one: stable per URL, so the same article is one source however often it is cited. */
export function sourceIdFor(url: string): string {
  return `src-${crypto.createHash('sha256').update(url).digest('hex').slice(0, 16)}`;
}

/** The stored row of a source, as upsert-sources takes it (the bulk import writes the same). */
export function sourceRow(input: SourceInput, id: string): Record<string, unknown> {
  return {
    id,
    url: input.url,
    publisher: input.publisher.trim(),
    title: input.title.trim(),
    publishedOn: input.publishedOn?.start ?? null,
    publishedPrecision: input.publishedOn?.precision ?? null,
  };
}

/** Every read and write of Source nodes, and the shared step that attaches sources to a fact being written. */
export class SourceRepository {
  private readonly q: Record<'byIds' | 'upsert' | 'byUrl' | 'citations' | 'delete' | 'list', string>;

  constructor(
    private readonly db: Database,
    catalog: CypherCatalog,
    private readonly references: ReferenceChecker,
  ) {
    this.q = {
      byIds: catalog.get('source/find-sources-by-ids'),
      upsert: catalog.get('source/upsert-sources'),
      byUrl: catalog.get('source/find-source-by-url'),
      citations: catalog.get('source/count-source-citations'),
      delete: catalog.get('source/delete-source'),
      list: catalog.get('source/list-sources'),
    };
  }

  findByIds(ids: readonly string[]): Promise<(SourceRecord | null)[]> {
    return findByIds(this.db, this.q.byIds, ids, (row) => toSourceRecord(row.source), (source) => source.id);
  }

  async list(publisher: string | null, skip: number, limit: number): Promise<SourceRecord[]> {
    const rows = await this.db.readRows(this.q.list, { publisher, skip: int(skip), limit: int(limit) });
    return rows.map((row) => toSourceRecord(row.source));
  }

  /** Creates or updates one source; a URL already held by another source is a CONFLICT. */
  async record(input: SourceInput): Promise<SourceRecord> {
    const [id] = await this.db.write((tx) => this.upsert(tx, [input], 'input'));
    const [source] = await this.findByIds([id]);
    return source as SourceRecord;
  }

  /** Removes a source no fact cites; a cited source is a CONFLICT. Returns false when unknown. */
  async remove(id: string): Promise<boolean> {
    return this.db.write(async (tx) => {
      const [row] = await tx.rows(this.q.citations, { id });
      if (!row) return false;
      if ((row.citations as number) > 0) throw conflict(`source "${id}" is cited by ${row.citations} facts; remove or re-source them first`);
      await tx.rows(this.q.delete, { id });
      return true;
    });
  }

  /**
   * Inside a fact's write transaction: upserts inline sources, checks referenced ids, and returns the ids the fact
   * will cite. A fact must cite at least one source.
   */
  async prepare(tx: Tx, cited: CitedSources, required = true): Promise<string[]> {
    const inline = cited.sources?.length ? await this.upsert(tx, cited.sources, 'sources', false) : [];
    const referenced = cited.sourceIds ?? [];
    await this.references.sources(tx, { sourceIds: referenced });
    const ids = [...new Set([...referenced, ...inline])];
    if (required && ids.length === 0) throw badInput('sourceIds', 'a fact needs at least one source (sourceIds or sources)');
    return ids;
  }

  /** With `overwrite` false (sources cited inline by a fact) an already recorded URL is reused as it is. */
  private async upsert(tx: Tx, inputs: SourceInput[], field: string, overwrite = true): Promise<string[]> {
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
      if (existingId && !overwrite) continue;
      rows.push(sourceRow(input, id));
    }
    if (rows.length > 0) await tx.rows(this.q.upsert, { sources: rows });
    return ids;
  }
}
