import { asOfParam } from '../common/as-of';
import { SortDirection } from '../common/enums';
import { badInput, conflict } from '../common/errors';
import { factId } from '../common/fact-id';
import { loadPerCompany } from '../common/per-company';
import type { ReferenceChecker } from '../common/reference-checker';
import { dateProps, pick } from '../common/stored-props';
import type { CypherCatalog } from '../neo4j/cypher-catalog';
import type { Database, Tx } from '../neo4j/database';
import { date, int } from '../neo4j/params';
import type { SourceRepository } from '../source/source.repository';
import { ComputeDealSortField, type ComputeDealFilter, type ComputeDealSort } from './compute-deal.args';
import type { RecordComputeDealInput, UpdateComputeDealInput } from './compute-deal.input';
import { toComputeDealRow, type ComputeDealRow } from './compute-deal.record';
import { findByIds } from '../common/find-by-ids';

const SCALARS = ['valueUsd', 'amountKind', 'resource', 'capacity', 'status', 'note'] as const;

/** Stored properties of a recorded compute deal: omitted optional fields are cleared (the bulk import writes the same). */
export function recordedComputeDealProps(input: RecordComputeDealInput): Record<string, unknown> {
  return storedProps({ valueUsd: null, amountKind: null, startsOn: null, endsOn: null, capacity: null, note: null, ...input });
}

function storedProps(input: Partial<RecordComputeDealInput & UpdateComputeDealInput>): Record<string, unknown> {
  return {
    ...pick(input, SCALARS),
    ...dateProps('announcedOn', input.announcedOn),
    ...dateProps('startsOn', input.startsOn),
    ...dateProps('endsOn', input.endsOn),
  };
}

function filterParams(filter: ComputeDealFilter | undefined) {
  return {
    providerId: filter?.providerId ?? null,
    customerId: filter?.customerId ?? null,
    from: filter?.from ? date(filter.from.start) : null,
    to: asOfParam(filter?.to),
    minValueUsd: filter?.minValueUsd ?? null,
    statuses: filter?.statuses?.length ? filter.statuses : null,
    resources: filter?.resources?.length ? filter.resources : null,
  };
}

/** Every read and write of ComputeDeal nodes. */
export class ComputeDealRepository {
  private readonly q: Record<'byIds' | 'asCustomer' | 'asProvider' | 'list' | 'count' | 'parties' | 'record' | 'update' | 'remove' | 'cite' | 'tie' | 'missingInvestment' | 'refresh', string>;

  constructor(
    private readonly db: Database,
    catalog: CypherCatalog,
    private readonly references: ReferenceChecker,
    private readonly sources: SourceRepository,
  ) {
    this.q = {
      byIds: catalog.get('compute/find-compute-deals-by-ids'),
      asCustomer: catalog.get('compute/find-deals-as-customer'),
      asProvider: catalog.get('compute/find-deals-as-provider'),
      list: catalog.get('compute/list-compute-deals'),
      count: catalog.get('compute/count-compute-deals'),
      parties: catalog.get('compute/find-deal-parties'),
      record: catalog.get('compute/record-compute-deal'),
      update: catalog.get('compute/update-compute-deal'),
      remove: catalog.get('compute/remove-compute-deal'),
      cite: catalog.get('common/replace-citations'),
      tie: catalog.get('compute/tie-deal-to-investment'),
      missingInvestment: catalog.get('compute/missing-investment'),
      refresh: catalog.get('compute/refresh-supplies-compute'),
    };
  }

  findByIds(ids: readonly string[]): Promise<(ComputeDealRow | null)[]> {
    return findByIds(this.db, this.q.byIds, ids, toComputeDealRow, (row) => row.deal.id);
  }

  /** Deals where the company buys, per loader key (asOf|companyId). */
  asCustomer(keys: readonly string[]): Promise<Map<string, ComputeDealRow[]>> {
    return loadPerCompany(this.db, this.q.asCustomer, keys, toComputeDealRow);
  }

  /** Deals where the company supplies, per loader key (asOf|companyId). */
  asProvider(keys: readonly string[]): Promise<Map<string, ComputeDealRow[]>> {
    return loadPerCompany(this.db, this.q.asProvider, keys, toComputeDealRow);
  }

  async list(filter: ComputeDealFilter | undefined, sort: ComputeDealSort | undefined, skip: number, limit: number): Promise<ComputeDealRow[]> {
    const rows = await this.db.readRows(this.q.list, {
      ...filterParams(filter),
      sortField: sort?.field ?? ComputeDealSortField.ANNOUNCED_ON,
      descending: (sort?.direction ?? SortDirection.DESC) === SortDirection.DESC,
      skip: int(skip),
      limit: int(limit),
    });
    return rows.map(toComputeDealRow);
  }

  async count(filter: ComputeDealFilter | undefined): Promise<number> {
    const [row] = await this.db.readRows(this.q.count, filterParams(filter));
    return (row?.total as number) ?? 0;
  }

  /** Records a deal in one transaction (parties, sources and the tied investment checked first); idempotent per id. */
  async record(input: RecordComputeDealInput): Promise<ComputeDealRow> {
    const id = input.id ?? factId('cd', [input.providerId, input.customerId], input.announcedOn, [input.valueUsd ?? null, input.resource, input.capacity ?? null]);
    await this.db.write(async (tx) => {
      await this.references.companies(tx, { providerId: input.providerId, customerId: input.customerId });
      await this.assertRelatedInvestment(tx, input.relatedInvestmentId);
      const [existing] = await tx.rows(this.q.parties, { id });
      if (existing && (existing.providerId !== input.providerId || existing.customerId !== input.customerId)) {
        throw conflict(`compute deal "${id}" is already recorded between ${existing.providerId} and ${existing.customerId}`);
      }
      const sourceIds = await this.sources.prepare(tx, input);
      await tx.rows(this.q.record, { id, providerId: input.providerId, customerId: input.customerId, props: recordedComputeDealProps(input) });
      await tx.rows(this.q.cite, { id, sourceIds });
      await tx.rows(this.q.tie, { id, investmentId: input.relatedInvestmentId ?? null });
      await tx.rows(this.q.refresh, { providerId: input.providerId, customerId: input.customerId });
    });
    return (await this.findByIds([id]))[0] as ComputeDealRow;
  }

  async update(id: string, input: UpdateComputeDealInput): Promise<ComputeDealRow | null> {
    const found = await this.db.write(async (tx) => {
      const [row] = await tx.rows(this.q.update, { id, changes: storedProps(input) });
      if (!row) return false;
      if (input.sourceIds != null || input.sources != null) await tx.rows(this.q.cite, { id, sourceIds: await this.sources.prepare(tx, input) });
      if (input.announcedOn !== undefined) await tx.rows(this.q.refresh, { providerId: row.providerId, customerId: row.customerId });
      return true;
    });
    return found ? ((await this.findByIds([id]))[0] as ComputeDealRow) : null;
  }

  async remove(id: string): Promise<boolean> {
    return this.db.write(async (tx) => {
      const [row] = await tx.rows(this.q.remove, { id });
      if (!row) return false;
      await tx.rows(this.q.refresh, row);
      return true;
    });
  }

  private async assertRelatedInvestment(tx: Tx, investmentId: string | null | undefined): Promise<void> {
    if (!investmentId) return;
    const [row] = await tx.rows(this.q.missingInvestment, { id: investmentId });
    if (row?.missing) throw badInput('relatedInvestmentId', `no investment with id "${investmentId}"`);
  }
}
