import type { Logger } from '../platform/logger';
import type { Repositories } from '../repositories';
import { loadDataset } from './load-dataset';

/** Loads the seed dataset when the database holds no company. */
export async function seedIfEmpty(repos: Repositories, logger: Logger): Promise<void> {
  const count = await repos.companies.count(undefined);
  if (count > 0) {
    logger.info({ companies: count }, 'database already has data; seed skipped');
    return;
  }
  const started = Date.now();
  const report = await loadDataset(repos);
  logger.info({ ...report, ms: Date.now() - started }, 'seed dataset loaded');
}
