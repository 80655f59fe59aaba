import { badInput, conflict } from '../common/errors';
import type { CypherCatalog } from '../neo4j/cypher-catalog';
import type { Database } from '../neo4j/database';
import type { CompanyFilter, CompanySort } from './company.args';
import { CompanySortField } from './company.args';
import type { CreateCompanyInput, UpdateCompanyInput } from './company.input';
import { toCompanyRecord, type CompanyRecord } from './company.record';
import { SortDirection } from '../common/enums';
import { slugify } from '../common/validation';
import { int, intOrNull } from '../neo4j/params';
import { findByIds } from '../common/find-by-ids';

/** Lucene characters with a meaning in query syntax; user text is escaped so it is only ever searched for. */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

function filterParams(filter: CompanyFilter | undefined) {
  return {
    kinds: filter?.kinds?.length ? filter.kinds : null,
    country: filter?.country ?? null,
    namePrefix: filter?.namePrefix ? filter.namePrefix.toLowerCase() : null,
    foundedFrom: intOrNull(filter?.foundedFrom),
    foundedTo: intOrNull(filter?.foundedTo),
  };
}

/** Stored properties of a company; `nameLower` backs case-insensitive prefix filtering. */
export function storedCompanyProps(input: Partial<CreateCompanyInput & UpdateCompanyInput>): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const key of ['name', 'aliases', 'kind', 'country', 'founded', 'website', 'description'] as const) {
    if (input[key] !== undefined) props[key] = input[key];
  }
  if (typeof input.founded === 'number') props.founded = int(input.founded);
  if (typeof input.name === 'string') {
    props.name = input.name.trim();
    props.nameLower = input.name.trim().toLowerCase();
  }
  return props;
}

/** Every read and write of Company nodes. */
export class CompanyRepository {
  private readonly q: Record<'byIds' | 'list' | 'listById' | 'listByName' | 'listOfKindsById' | 'listOfKindsByName' | 'count' | 'search' | 'create' | 'update' | 'facts' | 'delete' | 'parents' | 'subsidiaries', string>;

  constructor(
    private readonly db: Database,
    catalog: CypherCatalog,
  ) {
    this.q = {
      byIds: catalog.get('company/find-companies-by-ids'),
      list: catalog.get('company/list-companies'),
      listById: catalog.get('company/list-companies-by-id'),
      listByName: catalog.get('company/list-companies-by-name'),
      listOfKindsById: catalog.get('company/list-companies-of-kinds-by-id'),
      listOfKindsByName: catalog.get('company/list-companies-of-kinds-by-name'),
      count: catalog.get('company/count-companies'),
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

  /** One page, fetching `limit` rows from `skip`. */
  async list(filter: CompanyFilter | undefined, sort: CompanySort | undefined, skip: number, limit: number): Promise<CompanyRecord[]> {
    const field = sort?.field ?? CompanySortField.NAME;
    const descending = sort?.direction === SortDirection.DESC;
    const params = filterParams(filter);
    const rows = await this.db.readRows(this.listStatement(field, descending, params.kinds !== null), {
      ...params,
      sortField: field,
      descending,
      skip: int(skip),
      limit: int(limit),
    });
    return rows.map((row) => toCompanyRecord(row.company));
  }

  /**
   * The two common orders have statements that read an index in order and stop at the page, per kind when kinds
   * are filtered (their own composite index); descending and founding-year orders use the generic statement.
   */
  private listStatement(field: CompanySortField, descending: boolean, byKind: boolean): string {
    if (descending) return this.q.list;
    if (field === CompanySortField.ID) return byKind ? this.q.listOfKindsById : this.q.listById;
    if (field === CompanySortField.NAME) return byKind ? this.q.listOfKindsByName : this.q.listByName;
    return this.q.list;
  }

  async count(filter: CompanyFilter | undefined): Promise<number> {
    const [row] = await this.db.readRows(this.q.count, filterParams(filter));
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
  async create(input: CreateCompanyInput): Promise<{ company: CompanyRecord; created: boolean }> {
    const id = input.id ?? slugify(input.name);
    // A name of only punctuation or symbols ("+++") has no slug; storing "" would make every such name one company.
    if (id === '') throw badInput('name', `"${input.name}" gives no id (no letters or digits); pass an id`);
    const props = storedCompanyProps({ aliases: [], ...input });
    const [row] = await this.db.writeRows(this.q.create, { id, props });
    const company = toCompanyRecord(row.company);
    const expected = toCompanyRecord({ ...input, id, name: input.name.trim(), aliases: input.aliases ?? [] });
    if (!row.created && !sameCompany(company, expected)) {
      throw conflict(`company "${id}" already exists with different details; use updateCompany to change it`);
    }
    return { company, created: row.created as boolean };
  }

  async update(id: string, input: UpdateCompanyInput): Promise<CompanyRecord | null> {
    const [row] = await this.db.writeRows(this.q.update, { id, changes: storedCompanyProps(input) });
    return row ? toCompanyRecord(row.company) : null;
  }

  /**
   * Deletes a company. Without `cascade`, a company that still takes part in facts is kept and CONFLICT explains
   * why; the check and the delete share one transaction so no fact can slip in between.
   */
  async delete(id: string, cascade: boolean): Promise<boolean> {
    return this.db.write(async (tx) => {
      const [facts] = await tx.rows(this.q.facts, { id });
      if (!facts) return false;
      const total = (facts.investments as number) + (facts.computeDeals as number) + (facts.relationships as number);
      if (total > 0 && !cascade) {
        throw conflict(
          `company "${id}" still has ${facts.investments} investments, ${facts.computeDeals} compute deals and ${facts.relationships} relationships; pass cascade: true to delete them too`,
        );
      }
      const [row] = await tx.rows(this.q.delete, { id });
      return row?.deleted === 1;
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
    for (const row of rows) out.set(row.id as string, [...(out.get(row.id as string) ?? []), toCompanyRecord(row.subsidiary)]);
    return out;
  }
}

function sameCompany(a: CompanyRecord, b: CompanyRecord): boolean {
  const norm = (c: CompanyRecord) =>
    JSON.stringify([c.id, c.name, [...(c.aliases ?? [])], c.kind, c.country ?? null, c.founded ?? null, c.website ?? null, c.description ?? null]);
  return norm(a) === norm(b);
}
