import crypto from 'node:crypto';
import type { Logger } from '../common/logger';
import type { CypherCatalog } from './cypher-catalog';
import type { Database } from './database';

/** Splits a migration file into statements: `;` at a line end separates them; `//` lines are comments. */
export function splitStatements(text: string): string[] {
  return text
    .split(/;\s*$/m)
    .map((chunk) =>
      chunk
        .split('\n')
        .filter((line) => !line.trim().startsWith('//'))
        .join('\n')
        .trim(),
    )
    .filter((statement) => statement.length > 0);
}

/**
 * Applies `cypher/migrations/NNN-*.cypher` in order. Every statement is idempotent (IF NOT EXISTS), so all of them
 * run at each start; the Migration node records which ran and warns when a file changed after it was applied.
 * Schema changes cannot share a transaction with data writes, hence one transaction per statement.
 */
export async function applyMigrations(db: Database, catalog: CypherCatalog, logger?: Logger): Promise<string[]> {
  const names = catalog.names().filter((name) => name.startsWith('migrations/'));
  const record = catalog.get('system/record-migration');
  for (const name of names) {
    const text = catalog.get(name);
    for (const statement of splitStatements(text)) await db.writeRows(statement);
    const checksum = crypto.createHash('sha256').update(text).digest('hex');
    const [row] = await db.writeRows(record, { name, checksum });
    const previous = row?.previousChecksum;
    if (previous && previous !== checksum) logger?.warn({ migration: name }, 'migration file changed since it was first applied');
  }
  await db.readRows(catalog.get('system/await-indexes'), { timeoutSeconds: 300 });
  logger?.info({ migrations: names.length }, 'migrations applied');
  return names;
}
