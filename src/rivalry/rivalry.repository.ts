import { asOfParam } from '../common/as-of';
import type { PartialDate } from '../common/date-scalar';
import { conflict } from '../common/errors';
import { loadPerCompany } from '../common/per-company';
import type { ReferenceChecker } from '../common/reference-checker';
import { dateProps, pick } from '../common/stored-props';
import type { CypherCatalog } from '../neo4j/cypher-catalog';
import type { Database } from '../neo4j/database';
import { int } from '../neo4j/params';
import type { SourceRepository } from '../source/source.repository';
import type { RecordRivalryInput, UpdateRivalryInput } from './rivalry.input';
import { toCompetitorRow, toRivalryRow, type CompetitorRow, type RivalryRow } from './rivalry.record';
import { findByIds } from '../common/find-by-ids';

export interface RivalryFilter {
  companyId?: string;
  market?: string;
  asOf?: PartialDate;
}

function filterParams(filter: RivalryFilter) {
  return { companyId: filter.companyId ?? null, market: filter.market ?? null, asOf: asOfParam(filter.asOf) };
}

/** Stored properties of a recorded rivalry (the bulk import writes the same). */
export function rivalryProps(input: RecordRivalryInput, sourceIds: string[]): Record<string, unknown> {
  return { note: null, ...pick(input, ['market', 'note']), ...dateProps('since', input.since ?? null), sourceIds };
}

/** Every read and write of COMPETES_WITH relationships. */
export class RivalryRepository {
  private readonly q: Record<'byIds' | 'between' | 'record' | 'update' | 'remove' | 'of' | 'list' | 'count', string>;

  constructor(
    private readonly db: Database,
    catalog: CypherCatalog,
    private readonly references: ReferenceChecker,
    private readonly sources: SourceRepository,
  ) {
    this.q = {
      byIds: catalog.get('rivalry/find-rivalries-by-ids'),
      between: catalog.get('rivalry/find-rivalry-between'),
      record: catalog.get('rivalry/record-rivalry'),
      update: catalog.get('rivalry/update-rivalry'),
      remove: catalog.get('rivalry/remove-rivalry'),
      of: catalog.get('rivalry/find-rivalries-of'),
      list: catalog.get('rivalry/list-rivalries'),
      count: catalog.get('rivalry/count-rivalries'),
    };
  }

  findByIds(ids: readonly string[]): Promise<(RivalryRow | null)[]> {
    return findByIds(this.db, this.q.byIds, ids, toRivalryRow, (row) => row.rivalry.id);
  }

  /** Competitors with their rivalry, per loader key (asOf|companyId). */
  competitorsOf(keys: readonly string[]): Promise<Map<string, CompetitorRow[]>> {
    return loadPerCompany(this.db, this.q.of, keys, toCompetitorRow);
  }

  async list(filter: RivalryFilter, skip: number, limit: number): Promise<RivalryRow[]> {
    const rows = await this.db.readRows(this.q.list, { ...filterParams(filter), skip: int(skip), limit: int(limit) });
    return rows.map(toRivalryRow);
  }

  async count(filter: RivalryFilter): Promise<number> {
    const [row] = await this.db.readRows(this.q.count, filterParams(filter));
    return (row?.total as number) ?? 0;
  }

  /**
   * Records a rivalry, stored once from the lower company id to the higher. The same pair and market under another
   * id is a CONFLICT (it would be the same fact twice); re-recording the same id is idempotent.
   */
  async record(input: RecordRivalryInput): Promise<RivalryRow> {
    const [aId, bId] = [...input.companyIds].sort();
    const id = input.id ?? `riv-${aId}-${bId}-${input.market}`.slice(0, 120);
    await this.db.write(async (tx) => {
      await this.references.companies(tx, { companyIds: input.companyIds });
      const existing = await tx.rows(this.q.between, { aId, bId, market: input.market });
      const other = existing.find((row) => row.id !== id);
      if (other) throw conflict(`${aId} and ${bId} are already recorded as rivals in ${input.market} (rivalry "${other.id}")`);
      const [byId] = await this.findByIdsIn(tx, id);
      if (byId && (byId.rivalry.companyIds[0] !== aId || byId.rivalry.companyIds[1] !== bId)) {
        throw conflict(`rivalry "${id}" is already recorded between ${byId.rivalry.companyIds.join(' and ')}`);
      }
      const sourceIds = await this.sources.prepare(tx, input);
      await tx.rows(this.q.record, { id, aId, bId, props: rivalryProps(input, sourceIds) });
    });
    return (await this.findByIds([id]))[0] as RivalryRow;
  }

  async update(id: string, input: UpdateRivalryInput): Promise<RivalryRow | null> {
    const found = await this.db.write(async (tx) => {
      const [current] = await this.findByIdsIn(tx, id);
      if (!current) return false;
      if (input.market !== undefined && input.market !== current.rivalry.market) {
        const [aId, bId] = current.rivalry.companyIds;
        const clash = (await tx.rows(this.q.between, { aId, bId, market: input.market })).find((row) => row.id !== id);
        if (clash) throw conflict(`${aId} and ${bId} are already recorded as rivals in ${input.market} (rivalry "${clash.id}")`);
      }
      const changes: Record<string, unknown> = { ...pick(input, ['market', 'note']), ...dateProps('since', input.since) };
      if (input.sourceIds != null || input.sources != null) changes.sourceIds = await this.sources.prepare(tx, input);
      const [row] = await tx.rows(this.q.update, { id, changes });
      return row !== undefined;
    });
    return found ? ((await this.findByIds([id]))[0] as RivalryRow) : null;
  }

  async remove(id: string): Promise<boolean> {
    const [row] = await this.db.writeRows(this.q.remove, { id });
    return row !== undefined;
  }

  private async findByIdsIn(tx: { rows: Database['readRows'] }, id: string): Promise<RivalryRow[]> {
    return (await tx.rows(this.q.byIds, { ids: [id] })).map(toRivalryRow);
  }
}
