import { conflict, badInput, DomainError, ErrorCode, notFound } from '../domain/errors';
import type { ChangeAuthor, ChangeRecord } from '../domain/change';
import { lifecycleProps } from '../facts/fact-lifecycle';
import { toFactRecord } from '../facts/fact-record';
import { factType, FACTS, PARTY_RELS } from '../facts/registry';
import type { CypherCatalog } from '../neo4j/cypher-catalog';
import type { Database, Tx } from '../neo4j/database';
import { changeParam } from '../neo4j/changes/change-param';
import { removeStatement, restoreStatement } from '../neo4j/facts/write-statements';
import { int } from '../neo4j/params';
import type { ChangeRepository } from './change.repository';

/** What a revert did: the changes it undid (one write's, in sequence order) and the last sequence number it wrote. */
export interface RevertResult {
  readonly reverted: readonly ChangeRecord[];
  readonly lastSeq: number;
}

/**
 * Undoes one write: every change of its group (a cascade delete's company and facts together), newest first, each
 * entity put back as its before image held it (or removed, when the change created it), in one transaction and
 * logged like any write. A later change to any of those entities (a recreated id included) is a CONFLICT naming it,
 * unless forced.
 */
export class ChangeReverter {
  private readonly statements: {
    restoreFact: Map<string, string>;
    removeFact: Map<string, string>;
    restoreCompany: string;
    restoreSource: string;
    deleteCompany: string;
    deleteSource: string;
    laterChange: string;
    head: string;
    companyFacts: string;
    sourceCitations: string;
  };

  constructor(
    private readonly db: Database,
    catalog: CypherCatalog,
    private readonly changes: ChangeRepository,
  ) {
    this.statements = {
      restoreFact: new Map(FACTS.map((definition) => [definition.name, restoreStatement(definition)])),
      removeFact: new Map(FACTS.map((definition) => [definition.name, removeStatement(definition)])),
      restoreCompany: catalog.get('changes/restore-company'),
      restoreSource: catalog.get('changes/restore-source'),
      deleteCompany: catalog.get('company/delete-company'),
      deleteSource: catalog.get('source/delete-source'),
      laterChange: catalog.get('changes/later-change'),
      head: catalog.get('changes/head'),
      companyFacts: catalog.get('company/count-company-facts'),
      sourceCitations: catalog.get('source/count-source-citations'),
    };
  }

  /** Every statement a revert may run, by name (tests EXPLAIN them all). */
  allStatements(): Record<string, string> {
    return Object.fromEntries([...this.statements.restoreFact].map(([type, text]) => [`restore-${type}`, text]));
  }

  async revert(seq: number, force: boolean, author: ChangeAuthor): Promise<RevertResult> {
    const [target] = (await this.changes.page({ filter: {}, after: seq - 1, first: 1, newestFirst: false })).items;
    if (!target || target.seq !== seq) throw notFound('change', String(seq));
    const group = await this.changes.group(target.group);
    const refused = group.find((change) => !change.revertible);
    if (refused) throw badInput('seq', `change ${refused.seq} (${refused.operation}) keeps no before images and cannot be reverted`);
    const redacted = group.find((change) => change.redactedBy !== null);
    if (redacted) throw badInput('seq', `change ${redacted.seq} was redacted by change ${redacted.redactedBy}; its images are gone`);
    const last = group[group.length - 1] as ChangeRecord;
    return this.db.write(async (tx) => {
      if (!force) {
        const [later] = await tx.rows(this.statements.laterChange, { seq: int(last.seq), entityIds: group.map((change) => change.entityId) });
        if (later) {
          throw new DomainError(
            ErrorCode.CONFLICT,
            `${later.entityType} "${later.entityId}" changed again in change ${later.seq} (${later.operation}); revert that first, or pass force: true`,
            { laterSeq: later.seq },
          );
        }
      }
      for (const change of [...group].reverse()) await this.undo(tx, change, author);
      const [head] = await tx.rows(this.statements.head);
      return { reverted: group, lastSeq: (head?.seq as number) ?? 0 };
    });
  }

  private async undo(tx: Tx, change: ChangeRecord, author: ChangeAuthor): Promise<void> {
    const params = { seq: int(change.seq), side: 'BEFORE', ...changeParam(author) };
    const id = change.entityId as string;
    if (change.entityType === 'Company') {
      if (change.kind === 'CREATED') {
        // Facts recorded since name the company; taking it away would take them too.
        const [row] = await tx.rows(this.statements.companyFacts, { id, partyRels: [...PARTY_RELS] });
        if (Number(row?.facts ?? 0) > 0) throw conflict(`company "${id}" takes part in ${row?.facts} facts recorded since; remove them first`);
        await tx.rows(this.statements.deleteCompany, { id, partyRels: [...PARTY_RELS], ...changeParam(author) });
      } else await tx.rows(this.statements.restoreCompany, params);
      return;
    }
    if (change.entityType === 'Source') {
      if (change.kind === 'CREATED') {
        const [row] = await tx.rows(this.statements.sourceCitations, { id });
        if (Number(row?.citations ?? 0) > 0) throw conflict(`source "${id}" is cited by ${row?.citations} facts recorded since; remove them first`);
        await tx.rows(this.statements.deleteSource, { id, ...changeParam(author) });
      } else await tx.rows(this.statements.restoreSource, params);
      return;
    }
    const definition = factType(change.entityType);
    if (change.kind === 'CREATED') {
      await tx.rows(this.statements.removeFact.get(definition.name) as string, { id, ...changeParam(author) });
      return;
    }
    // Images keep a fact's input; what derives from it (its timeline) is derived again, as recording it did.
    const derived = lifecycleProps(definition, toFactRecord(definition, change.before, false));
    const [row] = await tx.rows(this.statements.restoreFact.get(definition.name) as string, { ...params, derived });
    const missingCompanies = (row?.missingCompanies as string[] | undefined) ?? [];
    const missingSources = (row?.missingSources as string[] | undefined) ?? [];
    if (missingCompanies.length > 0 || missingSources.length > 0) {
      const what = [...missingCompanies.map((c) => `company "${c}"`), ...missingSources.map((s) => `source "${s}"`)].join(', ');
      throw conflict(`${definition.name} "${id}" cannot be put back: ${what} no longer exists`);
    }
  }
}
