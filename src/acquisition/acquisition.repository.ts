import { asOfParam } from '../common/as-of';
import type { AcquisitionKind } from '../common/enums';
import type { PartialDate } from '../common/date-scalar';
import { conflict, notFound } from '../common/errors';
import { factId } from '../common/fact-id';
import type { ReferenceChecker } from '../common/reference-checker';
import { dateProps, pick } from '../common/stored-props';
import type { CypherCatalog } from '../neo4j/cypher-catalog';
import type { Database } from '../neo4j/database';
import { int } from '../neo4j/params';
import type { SourceRepository } from '../source/source.repository';
import type { RecordAcquisitionInput, UpdateAcquisitionInput } from './acquisition.input';
import { toAcquisitionRow, type AcquisitionRow } from './acquisition.record';
import { findByIds } from '../common/find-by-ids';

/** Stored properties of a recorded acquisition (the bulk import writes the same). */
export function acquisitionProps(input: RecordAcquisitionInput, sourceIds: string[]): Record<string, unknown> {
  return {
    amountUsd: null,
    amountKind: null,
    note: null,
    ...pick(input, ['kind', 'amountUsd', 'amountKind', 'note']),
    ...dateProps('announcedOn', input.announcedOn),
    sourceIds,
  };
}

/** Every read and write of ACQUIRED relationships. */
export class AcquisitionRepository {
  private readonly q: Record<'byIds' | 'parties' | 'record' | 'update' | 'remove' | 'list', string>;

  constructor(
    private readonly db: Database,
    catalog: CypherCatalog,
    private readonly references: ReferenceChecker,
    private readonly sources: SourceRepository,
  ) {
    this.q = {
      byIds: catalog.get('acquisition/find-acquisitions-by-ids'),
      parties: catalog.get('acquisition/find-acquisition-parties'),
      record: catalog.get('acquisition/record-acquisition'),
      update: catalog.get('acquisition/update-acquisition'),
      remove: catalog.get('acquisition/remove-acquisition'),
      list: catalog.get('acquisition/list-acquisitions'),
    };
  }

  findByIds(ids: readonly string[]): Promise<(AcquisitionRow | null)[]> {
    return findByIds(this.db, this.q.byIds, ids, toAcquisitionRow, (row) => row.acquisition.id);
  }

  async list(filter: { companyId?: string; kind?: AcquisitionKind; asOf?: PartialDate }, limit: number): Promise<AcquisitionRow[]> {
    const rows = await this.db.readRows(this.q.list, {
      companyId: filter.companyId ?? null,
      kind: filter.kind ?? null,
      asOf: asOfParam(filter.asOf),
      limit: int(limit),
    });
    return rows.map(toAcquisitionRow);
  }

  async record(input: RecordAcquisitionInput): Promise<AcquisitionRow> {
    const id = input.id ?? factId('acq', [input.acquirerId, input.targetId], input.announcedOn, [input.kind]);
    await this.db.write(async (tx) => {
      await this.references.companies(tx, { acquirerId: input.acquirerId, targetId: input.targetId });
      const [existing] = await tx.rows(this.q.parties, { id });
      if (existing && (existing.acquirerId !== input.acquirerId || existing.targetId !== input.targetId)) {
        throw conflict(`acquisition "${id}" is already recorded between ${existing.acquirerId} and ${existing.targetId}`);
      }
      const sourceIds = await this.sources.prepare(tx, input);
      await tx.rows(this.q.record, { id, acquirerId: input.acquirerId, targetId: input.targetId, props: acquisitionProps(input, sourceIds) });
    });
    return (await this.findByIds([id]))[0] as AcquisitionRow;
  }

  async update(id: string, input: UpdateAcquisitionInput): Promise<AcquisitionRow | null> {
    const found = await this.db.write(async (tx) => {
      const changes: Record<string, unknown> = { ...pick(input, ['kind', 'amountUsd', 'amountKind', 'note']), ...dateProps('announcedOn', input.announcedOn) };
      if (input.sourceIds != null || input.sources != null) changes.sourceIds = await this.sources.prepare(tx, input);
      const [row] = await tx.rows(this.q.update, { id, changes });
      // Thrown, not returned: the sources prepared above must roll back with the update that found nothing.
      if (row === undefined) throw notFound('acquisition', id);
      return true;
    });
    return found ? ((await this.findByIds([id]))[0] as AcquisitionRow) : null;
  }

  async remove(id: string): Promise<boolean> {
    const [row] = await this.db.writeRows(this.q.remove, { id });
    return row !== undefined;
  }
}
