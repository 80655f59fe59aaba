import type { Repositories } from '../repositories';
import { readDataset } from './dataset';
import { toInputs } from './to-inputs';

export interface LoadReport {
  version: string;
  sources: number;
  companies: number;
  investments: number;
  computeDeals: number;
  rivalries: number;
  subsidiaries: number;
  acquisitions: number;
}

/**
 * Loads a dataset through the same validated write path as the API: each record becomes a mutation input, is
 * validated with the same rules, and is written by the same repository method (idempotent by id), so loading twice
 * changes nothing. Invalid records stop the load before anything is written.
 */
export async function loadDataset(repos: Repositories, file?: string, onProgress?: (section: string, done: number, total: number) => void): Promise<LoadReport> {
  const dataset = readDataset(file);
  const inputs = await toInputs(dataset);
  const run = async <T>(section: string, items: T[], write: (item: T) => Promise<unknown>) => {
    for (const [index, item] of items.entries()) {
      await write(item);
      onProgress?.(section, index + 1, items.length);
    }
    return items.length;
  };
  return {
    version: dataset.version,
    sources: await run('sources', inputs.sources, (input) => repos.sources.record(input)),
    companies: await run('companies', inputs.companies, (input) => repos.companies.create(input)),
    investments: await run('investments', inputs.investments, (input) => repos.investments.record(input)),
    computeDeals: await run('computeDeals', inputs.computeDeals, (input) => repos.computeDeals.record(input)),
    rivalries: await run('rivalries', inputs.rivalries, (input) => repos.rivalries.record(input)),
    subsidiaries: await run('subsidiaries', inputs.subsidiaries, (input) => repos.subsidiaryLinks.record(input)),
    acquisitions: await run('acquisitions', inputs.acquisitions, (input) => repos.acquisitions.record(input)),
  };
}
