import DataLoader from 'dataloader';
import type { RequestContext } from './common/context';
import type { CompanyRecord } from './company/company.record';
import type { Repositories } from './repositories';

/** Per-request batch loaders: every nested field of a list costs one query for the whole list, not one per item. */
export function createLoaders(repos: Repositories) {
  return {
    company: new DataLoader<string, CompanyRecord | null>((ids) => repos.companies.findByIds(ids)),
    parent: new DataLoader<string, CompanyRecord | null>(async (ids) => {
      const parents = await repos.companies.parents(ids);
      return ids.map((id) => parents.get(id) ?? null);
    }),
    subsidiaries: new DataLoader<string, CompanyRecord[]>(async (ids) => {
      const subsidiaries = await repos.companies.subsidiaries(ids);
      return ids.map((id) => subsidiaries.get(id) ?? []);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
export type AppContext = RequestContext<Loaders>;
