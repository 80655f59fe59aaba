import DataLoader from 'dataloader';
import type { CompanyIdentity, CompanyRecord } from './domain/company';
import type { SourceRecord } from './domain/source';
import type { FactDefinition } from './facts/fact-definition';
import type { FactDetail } from './facts/fact-detail';
import type { FactRecord } from './facts/fact-record';
import { FACTS } from './facts/registry';
import type { FactRepository, FactRow } from './neo4j/facts/fact-repository';

/** Loads grouped rows for loader keys, defaulting to an empty list for keys with none. */
function grouped<T>(load: (keys: readonly string[]) => Promise<Map<string, T[]>>) {
  return new DataLoader<string, T[]>(async (keys) => {
    const groups = await load(keys);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/**
 * A fact type's loaders: by id; per role and detail the facts each company takes part in (keys asOf|companyId); per
 * reverse link the facts pointing at a fact (keys: its id).
 */
export interface FactLoaders {
  readonly byId: DataLoader<string, FactRow | null>;
  readonly byRole: ReadonlyMap<string, (detail: FactDetail) => DataLoader<string, FactRow[]>>;
  readonly linkedTo: ReadonlyMap<string, DataLoader<string, FactRow[]>>;
}

/** The reads the loaders batch, as the repositories offer them (`src/repositories.ts` builds those). */
export interface LoaderReads {
  readonly companies: {
    findByIds(ids: readonly string[]): Promise<(CompanyRecord | null)[]>;
    identities(ids: readonly string[]): Promise<(CompanyIdentity | null)[]>;
    parents(ids: readonly string[]): Promise<Map<string, CompanyRecord>>;
    subsidiaries(ids: readonly string[]): Promise<Map<string, CompanyRecord[]>>;
  };
  readonly sources: { findByIds(ids: readonly string[]): Promise<(SourceRecord | null)[]> };
  /** One repository per fact type, by type name ("Investment"). */
  readonly facts: ReadonlyMap<string, FactRepository>;
}

/** Per-request batch loaders: every nested field of a list costs one query for the whole list, not one per item. */
export function createLoaders(repos: LoaderReads) {
  return {
    company: new DataLoader<string, CompanyRecord | null>((ids) => repos.companies.findByIds(ids)),
    /** Former names and external ids, read only when a request selects them. */
    companyIdentity: new DataLoader<string, CompanyIdentity | null>((ids) => repos.companies.identities(ids)),
    parent: new DataLoader<string, CompanyRecord | null>(async (ids) => {
      const parents = await repos.companies.parents(ids);
      return ids.map((id) => parents.get(id) ?? null);
    }),
    subsidiaries: new DataLoader<string, CompanyRecord[]>(async (ids) => {
      const subsidiaries = await repos.companies.subsidiaries(ids);
      return ids.map((id) => subsidiaries.get(id) ?? []);
    }),
    source: new DataLoader<string, SourceRecord | null>((ids) => repos.sources.findByIds(ids)),
    facts: new Map<string, FactLoaders>(
      FACTS.map((definition) => {
        const repo = repos.facts.get(definition.name);
        if (!repo) throw new Error(`no repository for ${definition.name}`);
        // Per role, one loader per detail asked in the request (equal selections share one).
        const byRole = new Map(
          definition.parties.map((party) => {
            const loaders = new Map<FactDetail, DataLoader<string, FactRow[]>>();
            const forDetail = (detail: FactDetail) => {
              let loader = loaders.get(detail);
              if (!loader) loaders.set(detail, (loader = grouped((keys) => repo.ofCompanies(party, detail, keys))));
              return loader;
            };
            return [party.role, forDetail];
          }),
        );
        const linkedTo = new Map((definition.links ?? []).filter((link) => link.reverse).map((link) => [link.idField, grouped((ids) => repo.linkedTo(link.idField, ids))]));
        const loaders: FactLoaders = { byId: new DataLoader<string, FactRow | null>((ids) => repo.findByIds(ids)), byRole, linkedTo };
        return [definition.name, loaders];
      }),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** A request's context, as far as the loaders need it. */
interface WithLoaders {
  readonly loaders: Loaders;
}

/** Primes the company loader with companies a query already returned, so `investor { name }` costs nothing. */
export function primeCompanies(ctx: WithLoaders, companies: readonly CompanyRecord[]): void {
  for (const company of companies) ctx.loaders.company.prime(company.id, company);
}

/** Primes the company and fact loaders from fact rows, and returns the facts. */
export function primeFacts(ctx: WithLoaders, definition: FactDefinition, rows: readonly FactRow[]): FactRecord[] {
  const byId = ctx.loaders.facts.get(definition.name)?.byId;
  for (const row of rows) {
    primeCompanies(ctx, row.companies);
    // A core row holds only the fields its request selected: only whole rows are cached by id.
    if (row.detail === 'whole') byId?.prime(row.fact.id, row);
  }
  return rows.map((row) => row.fact);
}
