import type { Logger } from '../../platform/logger';
import { toolAuthor } from '../../domain/change';
import type { FactRepository } from './fact-repository';

/** What warming the plans did: the statements planned, and how long it took. */
export interface WarmUp {
  readonly statements: string[];
  readonly ms: number;
}

/**
 * Plans every fact type's write statements, one at a time (so it takes at most one of Neo4j's cores), each in a
 * rolled-back transaction. A write statement takes 1-2.5 s to plan on an idle machine and up to 16 s under load at
 * 100k companies: without this, the first client to record, update or remove each type after a start waits for it.
 */
export async function warmWritePlans(facts: Iterable<FactRepository>, logger: Logger, stopped: () => boolean): Promise<WarmUp> {
  const started = Date.now();
  const statements: string[] = [];
  try {
    for (const repository of facts) {
      if (stopped()) break;
      statements.push(...(await repository.warmPlans(toolAuthor('plan-warm-up'))));
    }
  } catch (error) {
    // Closing the application ends the driver under a rehearsal; anything else only means writes plan on first use.
    if (!stopped()) logger.warn({ err: error }, 'planning the write statements ahead failed; each plans on its first write');
  }
  const ms = Date.now() - started;
  logger.info({ statements: statements.length, ms }, 'write statements planned ahead');
  return { statements, ms };
}
