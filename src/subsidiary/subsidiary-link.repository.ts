import { badInput, conflict, notFound } from '../common/errors';
import type { ReferenceChecker } from '../common/reference-checker';
import { dateProps } from '../common/stored-props';
import type { CypherCatalog } from '../neo4j/cypher-catalog';
import type { Database } from '../neo4j/database';
import { int } from '../neo4j/params';
import type { SourceRepository } from '../source/source.repository';
import type { RecordSubsidiaryLinkInput, UpdateSubsidiaryLinkInput } from './subsidiary-link.input';
import { toSubsidiaryLinkRow, type SubsidiaryLinkRow } from './subsidiary-link.record';
import { findByIds } from '../common/find-by-ids';

/** Stored properties of a recorded subsidiary link (the bulk import writes the same). */
export function subsidiaryLinkProps(input: RecordSubsidiaryLinkInput, sourceIds: string[]): Record<string, unknown> {
  return { ...dateProps('since', input.since ?? null), sourceIds };
}

/** Every read and write of SUBSIDIARY_OF relationships. */
export class SubsidiaryLinkRepository {
  private readonly q: Record<'byIds' | 'parentLink' | 'cycle' | 'record' | 'update' | 'remove' | 'list', string>;

  constructor(
    private readonly db: Database,
    catalog: CypherCatalog,
    private readonly references: ReferenceChecker,
    private readonly sources: SourceRepository,
  ) {
    this.q = {
      byIds: catalog.get('subsidiary/find-links-by-ids'),
      parentLink: catalog.get('subsidiary/find-parent-link'),
      cycle: catalog.get('subsidiary/would-create-cycle'),
      record: catalog.get('subsidiary/record-link'),
      update: catalog.get('subsidiary/update-link'),
      remove: catalog.get('subsidiary/remove-link'),
      list: catalog.get('subsidiary/list-links'),
    };
  }

  findByIds(ids: readonly string[]): Promise<(SubsidiaryLinkRow | null)[]> {
    return findByIds(this.db, this.q.byIds, ids, toSubsidiaryLinkRow, (row) => row.link.id);
  }

  async list(companyId: string | null, limit: number): Promise<SubsidiaryLinkRow[]> {
    return (await this.db.readRows(this.q.list, { companyId, limit: int(limit) })).map(toSubsidiaryLinkRow);
  }

  /**
   * Records a link. A company with another parent already is a CONFLICT (unlink first), and a link that would make
   * a company its own ancestor is BAD_USER_INPUT; both checks share the write transaction.
   */
  async record(input: RecordSubsidiaryLinkInput): Promise<SubsidiaryLinkRow> {
    const id = input.id ?? `sub-${input.childId}-${input.parentId}`.slice(0, 120);
    await this.db.write(async (tx) => {
      await this.references.companies(tx, { childId: input.childId, parentId: input.parentId });
      const [current] = await tx.rows(this.q.parentLink, { childId: input.childId });
      if (current && (current.id !== id || current.parentId !== input.parentId)) {
        throw conflict(`${input.childId} is already a subsidiary of ${current.parentId} (link "${current.id}"); remove that link first`);
      }
      const [cycle] = await tx.rows(this.q.cycle, { childId: input.childId, parentId: input.parentId });
      if (cycle?.cycle) throw badInput('parentId', `${input.parentId} is itself below ${input.childId}; the link would create a cycle`);
      const sourceIds = await this.sources.prepare(tx, input);
      await tx.rows(this.q.record, { id, childId: input.childId, parentId: input.parentId, props: subsidiaryLinkProps(input, sourceIds) });
    });
    return (await this.findByIds([id]))[0] as SubsidiaryLinkRow;
  }

  async update(id: string, input: UpdateSubsidiaryLinkInput): Promise<SubsidiaryLinkRow | null> {
    const found = await this.db.write(async (tx) => {
      const changes: Record<string, unknown> = dateProps('since', input.since);
      if (input.sourceIds != null || input.sources != null) changes.sourceIds = await this.sources.prepare(tx, input);
      const [row] = await tx.rows(this.q.update, { id, changes });
      // Thrown, not returned: the sources prepared above must roll back with the update that found nothing.
      if (row === undefined) throw notFound('subsidiary link', id);
      return true;
    });
    return found ? ((await this.findByIds([id]))[0] as SubsidiaryLinkRow) : null;
  }

  async remove(id: string): Promise<boolean> {
    const [row] = await this.db.writeRows(this.q.remove, { id });
    return row !== undefined;
  }
}
