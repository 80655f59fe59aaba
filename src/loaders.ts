import DataLoader from 'dataloader';
import type { RequestContext } from './common/context';
import type { CompanyRecord } from './company/company.record';
import type { ComputeDealRecord, ComputeDealRow } from './compute/compute-deal.record';
import type { CounterpartyInvestmentRow, InvestmentRecord, InvestmentRow } from './investment/investment.record';
import type { Repositories } from './repositories';
import type { CompetitorRow } from './rivalry/rivalry.record';
import type { SourceRecord } from './source/source.record';

/** Loads grouped rows for loader keys, defaulting to an empty list for keys with none. */
function grouped<T>(load: (keys: readonly string[]) => Promise<Map<string, T[]>>) {
  return new DataLoader<string, T[]>(async (keys) => {
    const groups = await load(keys);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

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
    source: new DataLoader<string, SourceRecord | null>((ids) => repos.sources.findByIds(ids)),
    investment: new DataLoader<string, InvestmentRow | null>((ids) => repos.investments.findByIds(ids)),
    investmentsInto: grouped((keys) => repos.investments.intoCompanies(keys)),
    investmentsBy: grouped((keys) => repos.investments.byCompanies(keys)),
    computeDeal: new DataLoader<string, ComputeDealRow | null>((ids) => repos.computeDeals.findByIds(ids)),
    dealsAsCustomer: grouped((keys) => repos.computeDeals.asCustomer(keys)),
    dealsAsProvider: grouped((keys) => repos.computeDeals.asProvider(keys)),
    competitors: grouped<CompetitorRow>((keys) => repos.rivalries.competitorsOf(keys)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
export type AppContext = RequestContext<Loaders>;

/** Primes the company loader with companies a query already returned, so `investor { name }` costs nothing. */
export function primeCompanies(ctx: AppContext, companies: readonly CompanyRecord[]): void {
  for (const company of companies) ctx.loaders.company.prime(company.id, company);
}

export function primeInvestments(ctx: AppContext, rows: readonly InvestmentRow[]): InvestmentRecord[] {
  primeCompanies(ctx, rows.flatMap((row) => [row.investor, row.investee]));
  return rows.map((row) => row.investment);
}

/** For a company's own investments: `company` is one party, each row brings the other. */
export function primeCompanyInvestments(ctx: AppContext, company: CompanyRecord, rows: readonly CounterpartyInvestmentRow[]): InvestmentRecord[] {
  primeCompanies(ctx, [company, ...rows.map((row) => row.counterparty)]);
  return rows.map((row) => row.investment);
}

export function primeDeals(ctx: AppContext, rows: readonly ComputeDealRow[]): ComputeDealRecord[] {
  primeCompanies(ctx, rows.flatMap((row) => [row.provider, row.customer]));
  return rows.map((row) => row.deal);
}
