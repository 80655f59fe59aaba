import type { CypherCatalog } from '../neo4j/cypher-catalog';
import type { Tx } from '../neo4j/database';
import { badInput } from './errors';

/**
 * Checks, inside the write transaction, that the companies and sources a fact refers to exist, and names the
 * offending input field when one does not. Running it in the same transaction means nothing is written on failure.
 */
export class ReferenceChecker {
  private readonly missingCompanies: string;
  private readonly missingSources: string;

  constructor(catalog: CypherCatalog) {
    this.missingCompanies = catalog.get('common/missing-companies');
    this.missingSources = catalog.get('common/missing-sources');
  }

  /** `fields` maps an input field name to the id(s) it holds, e.g. { investorId: 'amazon' }. */
  async companies(tx: Tx, fields: Record<string, string | readonly string[] | undefined | null>): Promise<void> {
    await this.check(tx, this.missingCompanies, fields, 'no company with id');
  }

  async sources(tx: Tx, fields: Record<string, readonly string[] | undefined | null>): Promise<void> {
    await this.check(tx, this.missingSources, fields, 'no source with id');
  }

  private async check(tx: Tx, statement: string, fields: Record<string, string | readonly string[] | undefined | null>, what: string): Promise<void> {
    const ids = Object.values(fields).flatMap((value) => (value === undefined || value === null ? [] : typeof value === 'string' ? [value] : [...value]));
    if (ids.length === 0) return;
    const [row] = await tx.rows(statement, { ids });
    const missing = new Set((row?.missing as string[] | undefined) ?? []);
    for (const [field, value] of Object.entries(fields)) {
      const values = value === undefined || value === null ? [] : typeof value === 'string' ? [value] : value;
      const unknown = values.find((id) => missing.has(id));
      if (unknown !== undefined) throw badInput(field, `${what} "${unknown}"`);
    }
  }
}
