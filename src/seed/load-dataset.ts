import type { Repositories } from '../repositories';
import { toolAuthor } from '../domain/change';
import { readDataset } from './dataset';
import { toInputs } from './to-inputs';
import { FACTS } from '../facts/registry';
import type { FactRepository } from '../neo4j/facts/fact-repository';

export interface LoadReport {
  readonly version: string;
  /** Records written per section. */
  readonly sections: Record<string, number>;
}

/**
 * Loads a dataset through the same validated write path as the API: each record becomes a mutation input, is
 * validated with the same rules, and is written by the same repository method (idempotent by id), so loading twice
 * changes nothing. Invalid records stop the load before anything is written.
 */
export async function loadDataset(repos: Repositories, file?: string, onProgress?: (section: string, done: number, total: number) => void): Promise<LoadReport> {
  const dataset = readDataset(file);
  const inputs = await toInputs(dataset);
  const author = toolAuthor('seed');
  const run = async <T>(section: string, items: readonly T[], write: (item: T) => Promise<unknown>) => {
    for (const [index, item] of items.entries()) {
      await write(item);
      onProgress?.(section, index + 1, items.length);
    }
    return items.length;
  };
  const sections: Record<string, number> = {
    sources: await run('sources', inputs.sources, (input) => repos.sources.record(input, author)),
    companies: await run('companies', inputs.companies, (input) => repos.companies.create(input, author)),
  };
  for (const definition of FACTS) {
    const repo = repos.facts.get(definition.name) as FactRepository;
    sections[definition.section] = await run(definition.section, inputs.facts[definition.name] ?? [], (input) => repo.record(input, author));
  }
  return { version: dataset.version, sections };
}
