import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Company } from '../graphql/company.type';
import { notFound } from '../domain/errors';
import type { PartialDate } from '../domain/partial-date';
import { valuationHistory, type InvestmentTerms, type RoundTerms } from '../domain/valuation-history';
import type { FactDefinition, PartySpec } from '../facts/fact-definition';
import { FUNDING_ROUND } from '../facts/types/funding-round.fact';
import { INVESTMENT } from '../facts/types/investment.fact';
import { listCost } from '../graphql/complexity';
import { companyFacts } from '../graphql/facts/company-fact-fields';
import type { AppContext } from '../graphql/context';
import { InvestorValuations, ValuationHistory, ValuationHistoryArgs } from './valuation-history.type';

const role = (definition: FactDefinition, name: string) => definition.parties.find((party) => party.role === name) as PartySpec;

/** A company's rounds and the investments it received, through the request's loaders (two batched reads). */
@Resolver(() => ValuationHistory)
export class ValuationHistoryResolver {
  @Query(() => ValuationHistory, {
    description: "A company's reported valuations in date order (each round with its sources and the change from the previous), and for each investor the valuation each of its investments was made at, where known.",
    complexity: listCost,
  })
  async valuationHistory(@Args() { companyId, asOf }: ValuationHistoryArgs, @Ctx() ctx: AppContext): Promise<ValuationHistory> {
    const company = await ctx.loaders.company.load(companyId);
    if (!company) throw notFound('company', companyId);
    const [rounds, investments] = await Promise.all([
      companyFacts(ctx, FUNDING_ROUND, role(FUNDING_ROUND, 'company'), companyId, { asOf: asOf as PartialDate | null, includeImprecise: false }),
      companyFacts(ctx, INVESTMENT, role(INVESTMENT, 'investee'), companyId, { asOf: asOf as PartialDate | null, includeImprecise: false }),
    ]);
    const history = valuationHistory(rounds as unknown as RoundTerms[], investments as unknown as InvestmentTerms[]);
    return { company: company as Company, valuations: history.points, investors: history.investors } as unknown as ValuationHistory;
  }
}

@Resolver(() => InvestorValuations)
export class InvestorValuationsResolver {
  @FieldResolver(() => Company)
  async investor(@Root() entry: InvestorValuations, @Ctx() ctx: AppContext): Promise<Company> {
    return (await ctx.loaders.company.load(entry.investorId)) as Company;
  }
}
