import type { ChangeAuthor } from '../domain/change';
import { changeParam } from '../neo4j/changes/change-param';
import { badInput, conflict, DomainError, ErrorCode } from '../domain/errors';
import type { CypherCatalog } from '../neo4j/cypher-catalog';
import type { Database } from '../neo4j/database';
import type { CompanyFilter, CompanySort } from './company.args';
import { CompanyPropertySort } from './company.args';
import type { CreateCompanyInput, UpdateCompanyInput } from './company.input';
import { identityOf, toCompanyRecord, type CompanyIdentity, type CompanyRecord } from '../domain/company';
import { SortDirection } from '../domain/enums';
import { slugify } from '../domain/validation';
import { checkedExternalIds, EXTERNAL_ID_SCHEME_NAMES, externalIdProps, normalizeExternalId, type ExternalId, type ExternalIdScheme } from '../domain/external-id';
import { companyByExternalIdStatement } from '../neo4j/company-external-id-statements';
import { int, intOrNull } from '../neo4j/params';
import { findByIds } from '../neo4j/find-by-ids';
import { companyCountStatement, companyListStatement, COMPANY_FILTERS, type CompanyOrderProperty } from '../neo4j/company-list-statements';
import { companyRankingStatement, storedRankingBatchStatement } from '../neo4j/company-ranking-statements';
import { companyRanking, readsStoredRankings } from '../facts/company-rankings';
import { storedRankingPage } from '../neo4j/stored-ranking-page';
import type { FactScope } from '../domain/as-of';
import { scopeParams } from '../neo4j/as-of';
import { companyMap } from '../neo4j/facts/cypher-text';
import { afterParams, phasesAfter, type ListOrder, type ListPosition } from '../neo4j/list-position';
import { PARTY_RELS } from '../facts/registry';
import { appendTo } from '../platform/append-to';

/**
 * What each sort field reads: the stored property (names compare case-insensitively), its values' type and whether a
 * company may lack one (no founding year: read after the others). Cursors are checked against it.
 */
export const COMPANY_ORDERS: Readonly<Record<CompanyPropertySort, ListOrder & { readonly property: CompanyOrderProperty }>> = {
  [CompanyPropertySort.NAME]: { property: 'nameLower', type: 'string', nullable: false },
  [CompanyPropertySort.ID]: { property: 'id', type: 'string', nullable: false },
  [CompanyPropertySort.FOUNDED]: { property: 'founded', type: 'integer', nullable: true },
};

/** What a sort field orders by: a stored property, or a ranking's measure (a number; missing only for an extreme). */
export function companyOrder(field: string): ListOrder {
  const ranking = companyRanking(field);
  if (ranking) return { type: 'number', nullable: ranking.nullable };
  const order = COMPANY_ORDERS[field as CompanyPropertySort];
  if (!order) throw badInput('sort', `companies cannot be sorted by ${field}`);
  return order;
}

/** Lucene characters with a meaning in query syntax; user text is escaped so it is only ever searched for. */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** A filter as the plain values its statement compares with: what a cursor's fingerprint is taken of. */
export function normalizedCompanyFilter(filter: CompanyFilter | undefined): Record<'kinds' | 'country' | 'namePrefix' | 'foundedFrom' | 'foundedTo', unknown> {
  return {
    kinds: filter?.kinds?.length ? filter.kinds : null,
    country: filter?.country ?? null,
    namePrefix: filter?.namePrefix ? filter.namePrefix.toLowerCase() : null,
    foundedFrom: filter?.foundedFrom ?? null,
    foundedTo: filter?.foundedTo ?? null,
  };
}

function filterParams(filter: CompanyFilter | undefined): Record<'kinds' | 'country' | 'namePrefix' | 'foundedFrom' | 'foundedTo', unknown> {
  const values = normalizedCompanyFilter(filter);
  return { ...values, foundedFrom: intOrNull(values.foundedFrom as number | null), foundedTo: intOrNull(values.foundedTo as number | null) };
}

/** Stored properties of a company; `nameLower` backs case-insensitive prefix filtering. */
export function storedCompanyProps(input: Partial<CreateCompanyInput & UpdateCompanyInput>): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const key of ['name', 'aliases', 'formerNames', 'kind', 'country', 'founded', 'website', 'description'] as const) {
    if (input[key] !== undefined) props[key] = input[key];
  }
  // One property per scheme, normalized, each uniquely constrained; a list given replaces them all.
  if (input.externalIds) Object.assign(props, externalIdProps(checkedExternalIds(input.id ?? input.name ?? '', input.externalIds)));
  if (typeof input.founded === 'number') props.founded = int(input.founded);
  if (typeof input.name === 'string') {
    props.name = input.name.trim();
    props.nameLower = input.name.trim().toLowerCase();
  }
  return props;
}

/** The relationship types that link a company to the facts it takes part in, from every fact definition. */

/** Every read and write of Company nodes. */
export class CompanyRepository {
  /** List and count statements by shape, generated on first use (a closed set). */
  private readonly shapes = new Map<string, string>();
  private readonly q: Record<'byIds' | 'identities' | 'search' | 'create' | 'update' | 'facts' | 'delete' | 'parents' | 'subsidiaries', string>;
  private readonly byExternalId = new Map(EXTERNAL_ID_SCHEME_NAMES.map((scheme) => [scheme, companyByExternalIdStatement(scheme)]));

  constructor(
    private readonly db: Database,
    catalog: CypherCatalog,
  ) {
    this.q = {
      byIds: catalog.get('company/find-companies-by-ids'),
      identities: catalog.get('company/find-company-identities'),
      search: catalog.get('company/search-companies'),
      create: catalog.get('company/create-company'),
      update: catalog.get('company/update-company'),
      facts: catalog.get('company/count-company-facts'),
      delete: catalog.get('company/delete-company'),
      parents: catalog.get('company/find-parents'),
      subsidiaries: catalog.get('company/find-subsidiaries'),
    };
  }

  /** Companies in the order of `ids`; null where an id is unknown. */
  findByIds(ids: readonly string[]): Promise<(CompanyRecord | null)[]> {
    return findByIds(this.db, this.q.byIds, ids, (row) => toCompanyRecord(row.company), (company) => company.id);
  }

  /** Former names and external ids in the order of `ids`; null where an id is unknown. */
  identities(ids: readonly string[]): Promise<(CompanyIdentity | null)[]> {
    return findByIds(this.db, this.q.identities, ids, (row) => ({ id: (row.company as { id: string }).id, ...identityOf(row.company as Record<string, unknown>) }), (company) => company.id);
  }

  /** The company holding an id (normalized by its scheme's rule first), or null. */
  async byExternalIdValue(scheme: ExternalIdScheme, value: string): Promise<CompanyRecord | null> {
    const [row] = await this.db.readRows(this.byExternalId.get(scheme) as string, { value: normalizeExternalId(scheme, value) });
    return row ? toCompanyRecord(row.company) : null;
  }

  /**
   * One page in the requested order, ties by id in the same direction; companies with no founding year (or, ranked by
   * an extreme, none reported) come after the others. Read from where the previous page ended (keyset), so inserts and
   * deletes between pages neither skip nor repeat a company. A ranking reads its facts as they stood in `scope`.
   */
  async list(
    filter: CompanyFilter | undefined,
    sort: CompanySort | undefined,
    after: ListPosition | null,
    first: number,
    scope: FactScope,
  ): Promise<{ items: { company: CompanyRecord; position: ListPosition }[]; hasMore: boolean }> {
    const field = sort?.field ?? CompanyPropertySort.NAME;
    const ranking = companyRanking(field);
    const listOrder = companyOrder(field);
    const descending = sort?.direction === SortDirection.DESC;
    const params = { ...filterParams(filter), ...(ranking ? scopeParams(scope) : {}) };
    const filters = COMPANY_FILTERS.filter((name) => params[name] !== null);
    const items: { company: CompanyRecord; position: ListPosition }[] = [];
    for (const phase of phasesAfter(listOrder, after)) {
      const from = after && after.phase === phase ? after : null;
      // Best first in the scope the rankings are kept in: read from them, top of the index first.
      if (ranking && phase === 'nonNull' && descending && readsStoredRankings(scope)) {
        const cursor = from ? { value: from.value as number, id: from.id } : null;
        const stored = this.statement({ ranking: ranking.value, filters }, storedRankingBatchStatement);
        const rows = await storedRankingPage(this.db, stored, params, cursor, first + 1 - items.length);
        if (rows) {
          for (const row of rows) {
            const company = toCompanyRecord(row.company);
            items.push({ company, position: { phase, value: row.sortValue, id: company.id } });
          }
          if (items.length > first) return { items: items.slice(0, first), hasMore: true };
          continue;
        }
      }
      const statement = ranking
        ? this.statement({ ranking: ranking.value, filters, descending, phase, after: from !== null }, companyRankingStatement)
        : this.statement({ filters, order: (COMPANY_ORDERS[field as CompanyPropertySort] as { property: CompanyOrderProperty }).property, descending, phase, after: from !== null }, companyListStatement);
      const rows = await this.db.readRows(statement, {
        ...params,
        ...(from ? afterParams(listOrder, from) : {}),
        limit: int(first + 1 - items.length),
      });
      for (const row of rows) {
        const company = toCompanyRecord(row.company);
        items.push({ company, position: { phase, value: (row.sortValue as string | number | null) ?? null, id: company.id } });
      }
      if (items.length > first) return { items: items.slice(0, first), hasMore: true };
    }
    return { items, hasMore: false };
  }

  private statement<S>(shape: S, make: (shape: S, map: typeof companyMap) => string): string {
    const key = JSON.stringify(shape);
    let statement = this.shapes.get(key);
    if (!statement) this.shapes.set(key, (statement = make(shape, companyMap)));
    return statement;
  }

  async count(filter: CompanyFilter | undefined): Promise<number> {
    const params = filterParams(filter);
    const filters = COMPANY_FILTERS.filter((name) => params[name] !== null);
    const key = `count:${filters.join(',')}`;
    let statement = this.shapes.get(key);
    if (!statement) this.shapes.set(key, (statement = companyCountStatement(filters)));
    const [row] = await this.db.readRows(statement, params);
    return (row?.total as number) ?? 0;
  }

  /** Full-text search: each word matches exactly, as a prefix, or within one or two edits (typos). */
  async search(text: string, limit: number): Promise<{ company: CompanyRecord; score: number }[]> {
    // Lower case: AND / OR / NOT in capitals are Lucene operators, and the index is lower-cased anyway.
    const words = text
      .toLowerCase()
      .replace(LUCENE_SPECIAL, ' ')
      .split(/\s+/)
      .filter((word) => /[\p{L}\p{N}]/u.test(word))
      .slice(0, 10);
    if (words.length === 0) return [];
    const query = words.map((word) => `(${word}^3 OR ${word}* OR ${word}~)`).join(' AND ');
    const rows = await this.db.readRows(this.q.search, { query, limit: int(limit) });
    return rows.map((row) => ({ company: toCompanyRecord(row.company), score: row.score as number }));
  }

  /**
   * Creates a company. Creating one that exists with identical properties is a no-op (idempotent retries);
   * with different properties it is a CONFLICT, so a create never silently overwrites.
   */
  async create(input: CreateCompanyInput, author: ChangeAuthor): Promise<{ company: CompanyRecord; created: boolean }> {
    const id = input.id ?? slugify(input.name);
    // A name of only punctuation or symbols ("+++") has no slug; storing "" would make every such name one company.
    if (id === '') throw badInput('name', `"${input.name}" gives no id (no letters or digits); pass an id`);
    const props = storedCompanyProps({ aliases: [], formerNames: [], externalIds: [], ...input, id });
    const [row] = await this.withIdConflictsNamed(id, input.externalIds, () => this.db.writeRows(this.q.create, { id, props, ...changeParam(author) }));
    const company = toCompanyRecord(row.company);
    const expected = toCompanyRecord({ ...props, founded: input.founded ?? null, id });
    if (!row.created && !sameCompany(company, expected)) {
      throw conflict(`company "${id}" already exists with different details; use updateCompany to change it`);
    }
    return { company, created: row.created as boolean };
  }

  async update(id: string, input: UpdateCompanyInput, author: ChangeAuthor): Promise<CompanyRecord | null> {
    const changes = storedCompanyProps({ ...input, id });
    const [row] = await this.withIdConflictsNamed(id, input.externalIds, () => this.db.writeRows(this.q.update, { id, changes, ...changeParam(author) }));
    return row ? toCompanyRecord(row.company) : null;
  }

  /**
   * Runs a write that stores external ids; when a uniqueness constraint refuses it (nothing was written), the CONFLICT
   * names the id and the company that holds it.
   */
  private async withIdConflictsNamed<T>(id: string, ids: readonly ExternalId[] | undefined, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== ErrorCode.CONFLICT || !ids?.length) throw error;
      for (const wanted of ids) {
        const holder = await this.byExternalIdValue(wanted.scheme, wanted.value);
        if (holder && holder.id !== id) throw conflict(`company "${id}": ${wanted.scheme} "${normalizeExternalId(wanted.scheme, wanted.value)}" already belongs to company "${holder.id}"`);
      }
      throw error;
    }
  }

  /**
   * Deletes a company. Without `cascade`, a company that still takes part in facts is kept and CONFLICT explains
   * why; the check and the delete share one transaction so no fact can slip in between.
   */
  async delete(id: string, cascade: boolean, author: ChangeAuthor): Promise<boolean> {
    return this.db.write(async (tx) => {
      const [row] = await tx.rows(this.q.facts, { id, partyRels: [...PARTY_RELS] });
      if (!row) return false;
      const facts = row.facts as number;
      if (facts > 0 && !cascade) throw conflict(`company "${id}" still takes part in ${facts} facts; pass cascade: true to delete them too`);
      const [deleted] = await tx.rows(this.q.delete, { id, partyRels: [...PARTY_RELS], ...changeParam(author) });
      return deleted?.deleted === 1;
    });
  }

  /** Direct parent per company id. */
  async parents(ids: readonly string[]): Promise<Map<string, CompanyRecord>> {
    const rows = await this.db.readRows(this.q.parents, { ids: [...ids] });
    return new Map(rows.map((row) => [row.id as string, toCompanyRecord(row.parent)]));
  }

  /** Direct subsidiaries per company id. */
  async subsidiaries(ids: readonly string[]): Promise<Map<string, CompanyRecord[]>> {
    const rows = await this.db.readRows(this.q.subsidiaries, { ids: [...ids] });
    const out = new Map<string, CompanyRecord[]>();
    for (const row of rows) appendTo(out, row.id as string, toCompanyRecord(row.subsidiary));
    return out;
  }
}

function sameCompany(a: CompanyRecord, b: CompanyRecord): boolean {
  const norm = (c: CompanyRecord) =>
    JSON.stringify([c.id, c.name, [...(c.aliases ?? [])], [...(c.formerNames ?? [])], c.kind, c.country ?? null, c.founded ?? null, c.website ?? null, c.description ?? null, c.externalIds ?? []]);
  return norm(a) === norm(b);
}
