import { LRUCache } from 'lru-cache';
import { afterParams, factListOrder, phasesAfter, type ListPosition } from '../list-position';
import { toCompanyRecord, type CompanyRecord } from '../../domain/company';
import { badInput, conflict, DomainError, ErrorCode } from '../../domain/errors';
import { endOfPeriod, type PartialDate } from '../../domain/partial-date';
import { sourceIdFor, sourceRow, type SourceFields } from '../../domain/source';
import type { FactDefinition, PartySpec } from '../../facts/fact-definition';
import { coreFields, detailFor, type FactDetail } from '../../facts/fact-detail';
import { partiesParam, partyIds, storedProps, toFactRecord, type FactRecord } from '../../facts/fact-record';
import { citedSourceIds, lifecycleInputFields, lifecycleProps } from '../../facts/fact-lifecycle';
import type { CypherCatalog } from '../cypher-catalog';
import type { Database, Row } from '../database';
import { findByIds } from '../find-by-ids';
import { date, int } from '../params';
import { loadPerCompany } from '../per-company';
import { countStatement, filterParam, listStatement, type ListShape } from './list-statements';
import { findByIdsStatement, linkedToStatement, ofCompaniesStatement } from './read-statements';
import { recordStatement, removeStatement, updateStatement } from './write-statements';
import { humanName } from '../../facts/human-name';
import { changeParam } from '../changes/change-param';
import type { ChangeAuthor } from '../../domain/change';
import { appendTo } from '../../platform/append-to';

/** A fact with the companies of its parties (they prime the company loader). */
export interface FactRow {
  readonly fact: FactRecord;
  readonly companies: readonly CompanyRecord[];
  /** How much of the fact was read: a core row holds only the fields its detail names, so no loader may cache it by id. */
  readonly detail: FactDetail;
}

/** What a write of any fact type takes: its fields, party ids, link ids, and the sources it cites. */
export type FactInput = Readonly<Record<string, unknown>> & {
  readonly id?: string | null;
  readonly sourceIds?: readonly string[] | null;
  readonly sources?: readonly SourceFields[] | null;
};

export type { ListPosition } from '../list-position';

/** One page request of a list: filter values by arg (PartialDates, numbers, strings, lists), order, size, position. */
export interface ListQuery {
  readonly filters: Readonly<Record<string, unknown>>;
  readonly sort: string;
  readonly descending: boolean;
  readonly first: number;
  readonly after: ListPosition | null;
  /** Read the parties' companies with the page (when a party field is selected); else they are left to the loader. */
  readonly withCompanies: boolean;
  /** How much of each fact to read (from the fields selected on the page's facts). */
  readonly detail: FactDetail;
}

/** A page of facts, each with its position, and whether more follow. */
export interface ListPage {
  readonly items: { readonly row: FactRow; readonly position: ListPosition }[];
  readonly hasMore: boolean;
}

/** A fact row as a statement returns it (`fact`, `companies`), read to `detail`. */
export function toFactRow(definition: FactDefinition, row: Row, detail: FactDetail = 'whole'): FactRow {
  return { fact: toFactRecord(definition, row.fact, detail === 'whole'), companies: ((row.companies as unknown[]) ?? []).map(toCompanyRecord), detail };
}

/** Generated statements a repository keeps per cache. */
const STATEMENT_CACHE_SIZE = 500;

/** A statement generated once per key and kept in a bounded cache. */
function generated(cache: LRUCache<string, string>, key: string, make: () => string): string {
  let statement = cache.get(key);
  if (statement === undefined) cache.set(key, (statement = make()));
  return statement;
}

/**
 * Every read and write of one fact type, with statements generated from its definition. A write is one statement
 * in one transaction: one database round trip, nothing left behind when it is refused.
 */
export class FactRepository {
  private readonly q: { byIds: string; record: string; update: string; remove: string; linkedTo: Map<string, string> };
  /**
   * Statements generated on first use: per role and detail the facts each company takes part in; list and count
   * statements by shape (filters x sorts x phases x details). A detail names the fields a request selected, so a
   * client could ask for many: the caches are bounded (a statement evicted is generated again, a few microseconds).
   */
  private readonly ofCompaniesShapes = new LRUCache<string, string>({ max: STATEMENT_CACHE_SIZE });
  private readonly shapes = new LRUCache<string, string>({ max: STATEMENT_CACHE_SIZE });

  constructor(
    private readonly db: Database,
    catalog: CypherCatalog,
    readonly definition: FactDefinition,
  ) {
    this.q = {
      byIds: findByIdsStatement(definition),
      record: recordStatement(definition, catalog),
      update: updateStatement(definition, catalog),
      remove: removeStatement(definition),
      linkedTo: new Map((definition.links ?? []).filter((link) => link.reverse).map((link) => [link.idField, linkedToStatement(definition, link)])),
    };
  }

  /** Every statement this repository runs, by name (tests EXPLAIN them all). */
  statements(): Record<string, string> {
    return {
      byIds: this.q.byIds,
      record: this.q.record,
      update: this.q.update,
      remove: this.q.remove,
      ...Object.fromEntries(
        this.definition.parties.flatMap((party) => [
          [`of-${party.role}`, this.ofCompaniesText(party, 'whole')],
          [`of-${party.role}-core`, this.ofCompaniesText(party, detailFor(this.definition, coreFields(this.definition)))],
        ]),
      ),
      ...Object.fromEntries([...this.q.linkedTo].map(([field, text]) => [`linked-${field}`, text])),
    };
  }

  findByIds(ids: readonly string[]): Promise<(FactRow | null)[]> {
    return findByIds(this.db, this.q.byIds, ids, (row) => toFactRow(this.definition, row), (row) => row.fact.id);
  }

  /** The facts each company takes part in, in one role, per loader key (asOf|companyId), oldest first, read to `detail`. */
  ofCompanies(party: PartySpec, detail: FactDetail, keys: readonly string[]): Promise<Map<string, FactRow[]>> {
    return loadPerCompany(this.db, this.ofCompaniesText(party, detail), keys, (row) => toFactRow(this.definition, row, detail));
  }

  private ofCompaniesText(party: PartySpec, detail: FactDetail): string {
    return generated(this.ofCompaniesShapes, `${party.role}|${detail}`, () => ofCompaniesStatement(this.definition, party, detail));
  }

  /**
   * One page in the requested order, ties by id; facts without a value for the sort field come after the others.
   * Each page is read from where the previous one ended (keyset), so inserts and deletes between pages neither skip
   * nor repeat a fact.
   */
  async list(query: ListQuery): Promise<ListPage> {
    const order = factListOrder(this.definition, query.sort);
    const filters = this.definition.list.filters.filter((f) => query.filters[f.arg] !== undefined && query.filters[f.arg] !== null).map((f) => f.arg);
    const params = this.filterParams(query.filters);
    const items: ListPage['items'][number][] = [];
    for (const phase of phasesAfter(order, query.after)) {
      const after = query.after && query.after.phase === phase ? query.after : null;
      const shape: ListShape = { filters, sortField: order.field, descending: query.descending, phase, after: after !== null, companies: query.withCompanies, detail: query.detail };
      const rows = await this.db.readRows(this.statementFor(shape), {
        ...params,
        ...(after ? afterParams(order, after) : {}),
        limit: int(query.first + 1 - items.length),
      });
      for (const row of rows) items.push({ row: toFactRow(this.definition, row, query.detail), position: { phase, value: row.sortValue ?? null, id: (row.fact as Row).id as string } });
      if (items.length > query.first) return { items: items.slice(0, query.first), hasMore: true };
    }
    return { items, hasMore: false };
  }

  /** How many facts match the filters (from the count store when nothing is filtered). */
  async count(filterValues: Readonly<Record<string, unknown>>): Promise<number> {
    const filters = this.definition.list.filters.filter((f) => filterValues[f.arg] !== undefined && filterValues[f.arg] !== null).map((f) => f.arg);
    const statement = generated(this.shapes, `count:${filters.join(',')}`, () => countStatement(this.definition, filters));
    const [row] = await this.db.readRows(statement, this.filterParams(filterValues));
    return (row?.total as number) ?? 0;
  }

  private statementFor(shape: ListShape): string {
    return generated(this.shapes, JSON.stringify(shape), () => listStatement(this.definition, shape));
  }

  private filterParams(values: Readonly<Record<string, unknown>>): Record<string, unknown> {
    return listFilterParams(this.definition, values);
  }

  /** The facts of this type linked to each of the given facts (by the link with `idField`), grouped by target id. */
  async linkedTo(idField: string, ids: readonly string[]): Promise<Map<string, FactRow[]>> {
    const statement = this.q.linkedTo.get(idField);
    if (!statement) throw new Error(`${this.definition.name} has no reverse link ${idField}`);
    const out = new Map<string, FactRow[]>();
    for (const row of await this.db.readRows(statement, { ids: [...new Set(ids)] })) {
      appendTo(out, row.id as string, toFactRow(this.definition, row));
    }
    return out;
  }

  /** Records a fact (same id, same parties: overwritten, never duplicated). */
  async record(input: FactInput, author: ChangeAuthor): Promise<FactRow> {
    const params = this.recordParams(input, author);
    return this.db.write(async (tx) => {
      const [row] = await tx.rows(this.q.record, params);
      this.throwProblems(row as Row, input);
      const existing = (row as Row).existing as { type: string; parties: Record<string, unknown> } | null;
      if (!(row as Row).fact && existing) throw this.recordedElsewhere(params.id, existing);
      return toFactRow(this.definition, row as Row);
    });
  }

  private recordParams(input: FactInput, author: ChangeAuthor): Record<string, unknown> & { id: string } {
    const parties = partyIds(this.definition, input);
    return {
      id: input.id ?? this.definition.deriveId(parties, input),
      parties: partiesParam(this.definition, input),
      companyIds: parties,
      props: withDates(this.definition, storedProps(this.definition, input, 'record')),
      links: this.links(input),
      replaceLinks: this.linkFlags(() => true),
      ...citations({ ...input, sourceIds: citedSourceIds(input, input.sourceIds ?? []) }, true),
      ...changeParam(author),
    };
  }

  /** Changes some fields (omitted stay, null clears); null when there is no such fact. */
  async update(id: string, input: FactInput, author: ChangeAuthor): Promise<FactRow | null> {
    const touchesLife = lifecycleInputFields(this.definition).some((field) => input[field] !== undefined);
    return this.db.write(async (tx) => {
      // A change to a fact's life re-derives its stored timeline from the merged values: read them first (the same
      // transaction, so nothing can change in between).
      let changes = storedProps(this.definition, input, 'update');
      let given = input;
      if (touchesLife) {
        const [current] = await tx.rows(this.q.byIds, { ids: [id] });
        if (!current) return null;
        const record = toFactRecord(this.definition, (current as Row).fact);
        const merged = { ...record, ...Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) };
        changes = { ...changes, ...lifecycleProps(this.definition, merged) };
        if (input.events != null) given = { ...input, sourceIds: citedSourceIds(input, input.sourceIds ?? (input.sources == null ? record.sourceIds : [])) };
      }
      const [row] = await tx.rows(this.q.update, this.updateParams(id, input, given, changes, author));
      if (!(row as Row).found) return null;
      this.throwProblems(row as Row, input);
      return toFactRow(this.definition, row as Row);
    });
  }

  /** The update statement's parameters: the stored changes, and what `given` (the input, citations merged) replaces. */
  private updateParams(id: string, input: FactInput, given: FactInput, changes: Record<string, unknown>, author: ChangeAuthor): Record<string, unknown> {
    // Only a role of any number of companies can change on update: the others are what the fact is about.
    const parties = Object.fromEntries(this.definition.parties.filter((party) => party.many).map((party) => [party.role, input[party.idField] == null ? null : [...new Set(input[party.idField] as string[])].sort()]));
    const replaceCitations = given.sourceIds != null || given.sources != null;
    return {
      id,
      changes: withDates(this.definition, changes),
      parties,
      companyIds: Object.values(parties).flatMap((ids) => ids ?? []),
      links: this.links(input),
      replaceLinks: this.linkFlags((idField) => input[idField] !== undefined),
      replaceCitations,
      ...(replaceCitations ? citations(given, true) : { sourceIds: [], newSources: [] }),
      ...changeParam(author),
    };
  }

  /** Removes a fact; false when there is no such fact. Its sources stay. */
  async remove(id: string, author: ChangeAuthor): Promise<boolean> {
    const [row] = await this.db.writeRows(this.q.remove, this.removeParams(id, author));
    return row !== undefined;
  }

  private removeParams(id: string, author: ChangeAuthor): Record<string, unknown> {
    return { id, ...changeParam(author) };
  }

  /**
   * Plans the three write statements before a client needs them, each run in a transaction that is rolled back, with
   * parameters built as the writes build them (Neo4j caches a plan per statement text and parameter types): a record
   * citing one known source, an update of plain fields, a removal. Nothing is written; a missing company refuses the
   * record and no fact has the id. Returns the statements it ran, by name.
   */
  async warmPlans(author: ChangeAuthor): Promise<string[]> {
    const id = 'plan-warm-up';
    const sample: FactInput = {
      id,
      sourceIds: [id],
      ...Object.fromEntries(this.definition.parties.map((party) => [party.idField, party.pair ? [id, `${id}-2`] : party.many ? [id] : id])),
    };
    const rehearsals: [string, string, Record<string, unknown>][] = [
      ['record', this.q.record, this.recordParams(sample, author)],
      ['update', this.q.update, this.updateParams(id, {}, {}, {}, author)],
      ['remove', this.q.remove, this.removeParams(id, author)],
    ];
    for (const [, statement, params] of rehearsals) await this.db.rehearse((tx) => tx.rows(statement, params));
    return rehearsals.map(([name]) => `${this.definition.name}.${name}`);
  }

  /** Per link, whether this write sets it (a record sets all; an update those it names, null unlinking). */
  private linkFlags(sets: (idField: string) => boolean): Record<string, boolean> {
    return Object.fromEntries((this.definition.links ?? []).map((link) => [link.idField, sets(link.idField)]));
  }

  private links(input: FactInput): Record<string, unknown> {
    return Object.fromEntries((this.definition.links ?? []).map((link) => [link.idField, input[link.idField] ?? null]));
  }

  /** Turns the statement's checks and the type's rules into the first error a client can act on. */
  private throwProblems(row: Row, input: FactInput): void {
    const missingCompanies = (row.missingCompanies as string[]) ?? [];
    for (const party of this.definition.parties) {
      const ids = party.pair || party.many ? ((input[party.idField] as string[]) ?? []) : [input[party.idField] as string];
      const missing = ids.find((id) => missingCompanies.includes(id));
      if (missing !== undefined) throw badInput(party.idField, `no company with id "${missing}"`);
    }
    const missingSource = ((row.missingSources as string[]) ?? [])[0];
    if (missingSource !== undefined) throw badInput('sourceIds', `no source with id "${missingSource}"`);
    const taken = ((row.takenUrls as { field: string; holder: string }[]) ?? [])[0];
    if (taken) throw conflict(`${taken.field} is already recorded as source "${taken.holder}"`);
    (this.definition.links ?? []).forEach((link, i) => {
      const missing = ((row[`missingLink${i}`] as string[]) ?? [])[0];
      if (missing !== undefined) throw badInput(link.idField, `no ${humanName(link.target)} with id "${missing}"`);
    });
    const problem = ((row.problems as { code: string; message: string; field?: string }[]) ?? [])[0];
    if (problem) throw new DomainError(problem.code as ErrorCode, problem.message, problem.field ? { field: problem.field } : {});
  }

  private recordedElsewhere(id: string, existing: { type: string; parties: Record<string, unknown> }): DomainError {
    if (existing.type !== this.definition.name) return conflict(`id "${id}" is already recorded as a ${existing.type}`);
    const between = Object.values(existing.parties).flat().join(' and ');
    return conflict(`${humanName(this.definition.single)} "${id}" is already recorded between ${between}`);
  }
}

/** List filter values as parameters: dates compare with the start (at least) or the end (at most) of their period. */
export function listFilterParams(definition: FactDefinition, values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const filter of definition.list.filters) {
    const value = values[filter.arg];
    if (value === undefined || value === null) continue;
    const field = filter.kind === 'party' ? undefined : definition.fields.find((f) => f.name === filter.field);
    if (field?.kind === 'date') {
      const period = value as PartialDate;
      params[filterParam(filter.arg)] = date(filter.kind === 'atMost' ? endOfPeriod(period) : period.start);
    } else {
      params[filterParam(filter.arg)] = value;
    }
  }
  return params;
}

/** Date fields as Neo4j DATEs (the stored form holds ISO days). */
function withDates(definition: FactDefinition, props: Record<string, unknown>): Record<string, unknown> {
  const out = { ...props };
  for (const field of definition.fields) {
    if (field.kind === 'date' && typeof out[field.name] === 'string') out[field.name] = date(out[field.name] as string);
  }
  return out;
}

/** The sources a write cites, split into existing ids and inline sources to create (or reuse by url). */
function citations(input: FactInput, required: boolean): { sourceIds: string[]; newSources: Record<string, unknown>[] } {
  const sourceIds = [...new Set(input.sourceIds ?? [])];
  const newSources = (input.sources ?? []).map((source, index) => {
    const row = sourceRow(source, source.id ?? sourceIdFor(source.url));
    return { url: source.url, givenId: source.id ?? null, field: `sources[${index}].url`, props: { ...row, publishedOn: row.publishedOn ? date(row.publishedOn as string) : null } };
  });
  if (required && sourceIds.length === 0 && newSources.length === 0) throw badInput('sourceIds', 'a fact needs at least one source (sourceIds or sources)');
  return { sourceIds, newSources };
}
