import { asOfParam } from '../common/as-of';
import { loadPerCompany } from '../common/per-company';
import { dateProps, pick } from '../common/stored-props';
import { SortDirection } from '../common/enums';
import { conflict } from '../common/errors';
import { factId } from '../common/fact-id';
import type { ReferenceChecker } from '../common/reference-checker';
import type { CypherCatalog } from '../neo4j/cypher-catalog';
import type { Database, Tx } from '../neo4j/database';
import { date, int } from '../neo4j/params';
import type { SourceRepository } from '../source/source.repository';
import { InvestmentSortField, type InvestmentFilter, type InvestmentSort } from './investment.args';
import type { RecordInvestmentInput, UpdateInvestmentInput } from './investment.input';
import { toCounterpartyInvestmentRow, toInvestmentRow, type CounterpartyInvestmentRow, type InvestmentRow } from './investment.record';
import { findByIds } from '../common/find-by-ids';

const SCALARS = ['amountUsd', 'amountKind', 'round', 'stakePercent', 'valuationUsd', 'instrument', 'status', 'note'] as const;

function storedProps(input: Partial<RecordInvestmentInput & UpdateInvestmentInput>): Record<string, unknown> {
  return { ...pick(input, SCALARS), ...dateProps('announcedOn', input.announcedOn), ...dateProps('closedOn', input.closedOn) };
}

/** Stored properties of a recorded investment: omitted optional fields are cleared (the bulk import writes the same). */
export function recordedInvestmentProps(input: RecordInvestmentInput): Record<string, unknown> {
  return storedProps({ amountUsd: null, amountKind: null, closedOn: null, round: null, stakePercent: null, valuationUsd: null, instrument: null, note: null, ...input });
}

function filterParams(filter: InvestmentFilter | undefined) {
  return {
    investorId: filter?.investorId ?? null,
    investeeId: filter?.investeeId ?? null,
    from: filter?.from ? date(filter.from.start) : null,
    to: asOfParam(filter?.to),
    minAmountUsd: filter?.minAmountUsd ?? null,
    statuses: filter?.statuses?.length ? filter.statuses : null,
    amountKinds: filter?.amountKinds?.length ? filter.amountKinds : null,
  };
}

/** Every read and write of Investment nodes. */
export class InvestmentRepository {
  private readonly q: Record<'byIds' | 'into' | 'by' | 'list' | 'count' | 'parties' | 'record' | 'update' | 'remove' | 'cite' | 'refresh', string>;

  constructor(
    private readonly db: Database,
    catalog: CypherCatalog,
    private readonly references: ReferenceChecker,
    private readonly sources: SourceRepository,
  ) {
    this.q = {
      byIds: catalog.get('investment/find-investments-by-ids'),
      into: catalog.get('investment/find-investments-into'),
      by: catalog.get('investment/find-investments-by'),
      list: catalog.get('investment/list-investments'),
      count: catalog.get('investment/count-investments'),
      parties: catalog.get('investment/find-investment-parties'),
      record: catalog.get('investment/record-investment'),
      update: catalog.get('investment/update-investment'),
      remove: catalog.get('investment/remove-investment'),
      cite: catalog.get('common/replace-citations'),
      refresh: catalog.get('investment/refresh-invested-in'),
    };
  }

  findByIds(ids: readonly string[]): Promise<(InvestmentRow | null)[]> {
    return findByIds(this.db, this.q.byIds, ids, toInvestmentRow, (row) => row.investment.id);
  }

  /** Investments received, per loader key (asOf|companyId), with their investors; one query per distinct asOf. */
  intoCompanies(keys: readonly string[]): Promise<Map<string, CounterpartyInvestmentRow[]>> {
    return loadPerCompany(this.db, this.q.into, keys, toCounterpartyInvestmentRow);
  }

  /** Investments made, per loader key (asOf|companyId), with their investees. */
  byCompanies(keys: readonly string[]): Promise<Map<string, CounterpartyInvestmentRow[]>> {
    return loadPerCompany(this.db, this.q.by, keys, toCounterpartyInvestmentRow);
  }

  async list(filter: InvestmentFilter | undefined, sort: InvestmentSort | undefined, skip: number, limit: number): Promise<InvestmentRow[]> {
    const rows = await this.db.readRows(this.q.list, {
      ...filterParams(filter),
      sortField: sort?.field ?? InvestmentSortField.ANNOUNCED_ON,
      descending: (sort?.direction ?? SortDirection.DESC) === SortDirection.DESC,
      skip: int(skip),
      limit: int(limit),
    });
    return rows.map(toInvestmentRow);
  }

  async count(filter: InvestmentFilter | undefined): Promise<number> {
    const [row] = await this.db.readRows(this.q.count, filterParams(filter));
    return (row?.total as number) ?? 0;
  }

  /**
   * Records an investment in one transaction: parties and sources are checked, inline sources recorded, then the
   * fact is merged by id. Re-recording an id with other parties is a CONFLICT; with the same parties it overwrites
   * (so retries are idempotent).
   */
  async record(input: RecordInvestmentInput): Promise<InvestmentRow> {
    const id =
      input.id ??
      factId('inv', [input.investorId, input.investeeId], input.announcedOn, [input.amountUsd ?? null, input.amountKind ?? null, input.round ?? null]);
    await this.db.write(async (tx) => {
      await this.references.companies(tx, { investorId: input.investorId, investeeId: input.investeeId });
      await this.assertSameParties(tx, id, input.investorId, input.investeeId);
      const sourceIds = await this.sources.prepare(tx, input);
      await tx.rows(this.q.record, { id, investorId: input.investorId, investeeId: input.investeeId, props: recordedInvestmentProps(input) });
      await tx.rows(this.q.cite, { id, sourceIds });
      await tx.rows(this.q.refresh, { investorId: input.investorId, investeeId: input.investeeId });
    });
    return (await this.findByIds([id]))[0] as InvestmentRow;
  }

  /** Applies changes; returns null when the id is unknown. */
  async update(id: string, input: UpdateInvestmentInput): Promise<InvestmentRow | null> {
    const found = await this.db.write(async (tx) => {
      const [row] = await tx.rows(this.q.update, { id, changes: storedProps(input) });
      if (!row) return false;
      if (input.sourceIds != null || input.sources != null) await tx.rows(this.q.cite, { id, sourceIds: await this.sources.prepare(tx, input) });
      if (input.announcedOn !== undefined) await tx.rows(this.q.refresh, { investorId: row.investorId, investeeId: row.investeeId });
      return true;
    });
    return found ? ((await this.findByIds([id]))[0] as InvestmentRow) : null;
  }

  async remove(id: string): Promise<boolean> {
    return this.db.write(async (tx) => {
      const [row] = await tx.rows(this.q.remove, { id });
      if (!row) return false;
      await tx.rows(this.q.refresh, row);
      return true;
    });
  }

  private async assertSameParties(tx: Tx, id: string, investorId: string, investeeId: string): Promise<void> {
    const [existing] = await tx.rows(this.q.parties, { id });
    if (existing && (existing.investorId !== investorId || existing.investeeId !== investeeId)) {
      throw conflict(`investment "${id}" is already recorded between ${existing.investorId} and ${existing.investeeId}`);
    }
  }

}
