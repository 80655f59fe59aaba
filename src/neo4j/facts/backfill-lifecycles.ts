import type { FactDefinition } from '../../facts/fact-definition';
import { lifecycleProps } from '../../facts/fact-lifecycle';
import { toFactRecord } from '../../facts/fact-record';
import type { Logger } from '../../platform/logger';
import type { Database } from '../database';
import { int } from '../params';
import { copiedProperties, refreshPair } from './derived-edges';
import { factProjection, identifier } from './cypher-text';

const BATCH = 2000;

// Facts written before they had a stored timeline (an older database) get one on start: the timeline is derived in
// TypeScript from the fact's own fields (src/domain/lifecycle.ts), so no Cypher copy of those rules can drift from it.
// Then the derived relationships are refreshed so traversals see the same scope properties. Idempotent: only facts
// and relationships without the properties are read, in batches of BATCH.

/** Adds the stored timeline (and the relationships' scope properties) where an older database lacks them. */
export async function backfillLifecycles(db: Database, definitions: readonly FactDefinition[], logger?: Logger): Promise<number> {
  let total = 0;
  for (const definition of definitions) {
    const { read, write } = backfillStatements(definition);
    for (;;) {
      const rows = await db.maintainRows(read, { batch: int(BATCH) });
      if (rows.length === 0) break;
      const updates = rows.map((row) => {
        const record = toFactRecord(definition, row.fact);
        return { id: record.id, props: lifecycleProps(definition, record) };
      });
      await db.maintainRows(write, { rows: updates });
      total += updates.length;
    }
    await refreshEdges(db, definition);
  }
  if (total > 0) logger?.info({ facts: total }, 'stored timelines added to facts of an older database');
  return total;
}

/** The statements of the backfill, generated from a definition's names (identifiers only, values as parameters). */
function backfillStatements(definition: FactDefinition): { read: string; write: string; edges: string | null } {
  const label = identifier(definition.name);
  const derived = definition.derived;
  const type = derived ? identifier(derived.type) : '';
  const sets = copiedProperties(definition).map((p) => `e.${identifier(p)} = f.${identifier(p)}`).join(', ');
  return {
    read: `MATCH (f:${label}) WHERE f.tlFrom IS NULL WITH f LIMIT $batch RETURN ${factProjection(definition, 'f')} AS fact`,
    write: `UNWIND $rows AS row MATCH (f:${label} {id: row.id}) SET f += row.props`,
    edges: !derived
      ? null
      : derived.grouping === 'perFact'
        ? `MATCH ()-[e:${type}]->() WHERE e.knownOn IS NULL MATCH (f:Fact {id: e.id}) SET ${sets} RETURN 0 AS pairs`
        : `MATCH (a:Company)-[e:${type}]->(b:Company) WHERE e.knownOn IS NULL WITH DISTINCT a, b LIMIT $batch\n${refreshPair(definition)}\nRETURN count(*) AS pairs`,
  };
}

async function refreshEdges(db: Database, definition: FactDefinition): Promise<void> {
  const statement = backfillStatements(definition).edges;
  if (!statement) return;
  for (;;) {
    const [row] = await db.maintainRows(statement, { batch: int(BATCH) });
    if (!row || (row.pairs as number) === 0) break;
  }
}
