import type { FactDefinition } from '../facts/fact-definition';
import { toFactRecord, type FactRecord } from '../facts/fact-record';
import type { CypherCatalog } from '../neo4j/cypher-catalog';
import type { Database } from '../neo4j/database';
import { int } from '../neo4j/params';
import { factAsOf } from './as-of';
import { companyDatasetRecord, factDatasetRecord, sourceDatasetRecord } from '../facts/dataset-records';
import { factPageStatement } from './export-statements';
import type { Citation, ExportItem } from './format-writer';

// The graph read page by page in id order (keyset: each page a short read transaction that seeks past the last id of
// the one before), so an export of any size holds one page at a time.

/** What to read: pages of this many records, and the as-of day (an ISO day; null: everything as it stands). */
export interface ReadOptions {
  readonly pageSize: number;
  readonly asOfDay: string | null;
}

/** A page of facts, and how many of them were kept whole by the as-of rule (see factAsOf). */
export interface FactPage {
  readonly items: ExportItem[];
  readonly keptWhole: number;
}

/**
 * Pages of rows in id order. The next page is asked for before this one is handed on, so the database reads while the
 * caller writes (two pages in memory at most).
 */
async function* pages(db: Database, statement: string, column: string, options: ReadOptions): AsyncGenerator<Record<string, unknown>[]> {
  const read = (after: string) => {
    const rows = db.readRows(statement, { after, limit: int(options.pageSize), asOfDay: options.asOfDay, includeImprecise: false });
    // A caller that stops early never awaits the page read ahead: its failure must not surface as unhandled.
    rows.catch(() => undefined);
    return rows;
  };
  let next = read('');
  for (;;) {
    const rows = await next;
    if (rows.length === 0) return;
    const more = rows.length === options.pageSize;
    if (more) next = read((rows[rows.length - 1]?.[column] as { id: string }).id);
    yield rows;
    if (!more) return;
  }
}

/** Companies in id order, as dataset records. */
export async function* companyPages(db: Database, catalog: CypherCatalog, options: ReadOptions): AsyncGenerator<ExportItem[]> {
  for await (const rows of pages(db, catalog.get('export/companies-page'), 'company', options)) yield rows.map((row) => ({ record: companyDatasetRecord(row.company) }));
}

/** Sources in id order, as dataset records; with `only`, those it holds (the sources an as-of export cites). */
export async function* sourcePages(db: Database, catalog: CypherCatalog, options: ReadOptions, only?: ReadonlySet<string>): AsyncGenerator<ExportItem[]> {
  for await (const rows of pages(db, catalog.get('export/sources-page'), 'source', options)) {
    const items = rows.map((row) => ({ record: sourceDatasetRecord(row.source) })).filter((item) => !only || only.has(item.record.id));
    if (items.length > 0) yield items;
  }
}

/** Of the facts a page links to, those not yet known on the as-of day (their links are left out). */
async function unknownLinks(db: Database, catalog: CypherCatalog, definition: FactDefinition, facts: readonly FactRecord[], asOfDay: string): Promise<Set<string>> {
  const ids = [...new Set(facts.flatMap((fact) => (definition.links ?? []).map((link) => fact[link.idField] as string | null)).filter((id): id is string => !!id))];
  if (ids.length === 0) return new Set();
  const [row] = await db.readRows(catalog.get('export/known-facts'), { ids, asOfDay, includeImprecise: false });
  const known = new Set((row?.known as string[]) ?? []);
  return new Set(ids.filter((id) => !known.has(id)));
}

/**
 * Facts of one type in id order, as dataset records with the sources they cite. As of a day: only the facts known
 * then, each as it stood (factAsOf), links to facts not yet known left out.
 */
export async function* factPages(db: Database, catalog: CypherCatalog, definition: FactDefinition, options: ReadOptions): AsyncGenerator<FactPage> {
  for await (const rows of pages(db, factPageStatement(definition), 'fact', options)) {
    let facts = rows.map((row) => toFactRecord(definition, row.fact, false));
    let keptWhole = 0;
    if (options.asOfDay !== null) {
      const day = options.asOfDay;
      const unknown = await unknownLinks(db, catalog, definition, facts, day);
      facts = facts.flatMap((fact) => {
        const asOf = factAsOf(definition, fact, day);
        if (!asOf) return [];
        if (asOf.keptWhole) keptWhole += 1;
        const links = Object.fromEntries((definition.links ?? []).filter((link) => unknown.has(asOf.fact[link.idField] as string)).map((link) => [link.idField, null]));
        return [{ ...asOf.fact, ...links } as FactRecord];
      });
    }
    const citations = new Map(rows.map((row) => [(row.fact as { id: string }).id, row.citations as Citation[]]));
    yield { items: facts.map((fact) => ({ record: factDatasetRecord(definition, fact), citations: citations.get(fact.id) })), keptWhole };
  }
}
