import type { Logger } from '../common/logger';
import type { Repositories } from '../repositories';

/** Loads the seed dataset when the database holds no company. */
export async function seedIfEmpty(repos: Repositories, logger: Logger): Promise<void> {
  const count = await repos.companies.count(undefined);
  if (count > 0) {
    logger.info({ companies: count }, 'database already has data; seed skipped');
    return;
  }
  logger.info('database is empty; the seed dataset loader arrives with the domain model');
}
