import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Company } from '../graphql/company.type';
import type { CompanyRecord } from '../domain/company';
import type { AppContext } from '../graphql/context';
import { CounterpartyShare, Exposure } from './exposure.type';

/** Companies by id through the request's loader: every company of an exposure answer comes in one query. */
async function companies(ctx: AppContext, ids: readonly string[]): Promise<Company[]> {
  return (await ctx.loaders.company.loadMany(ids)).filter((c): c is CompanyRecord => c !== null && !(c instanceof Error)) as Company[];
}

/** The companies of an exposure answer: its group, and the ones that fund it and sell it compute. */
@Resolver(() => Exposure)
export class ExposureResolver {
  @FieldResolver(() => [Company], { description: 'The company and the subsidiaries counted with it.' })
  async group(@Root() exposure: Exposure, @Ctx() ctx: AppContext): Promise<Company[]> {
    return companies(ctx, exposure.groupIds);
  }

  @FieldResolver(() => [Company], { description: 'Counterparties that both fund it and sell it compute: money that comes back.' })
  async fundersThatSupplyCompute(@Root() exposure: Exposure, @Ctx() ctx: AppContext): Promise<Company[]> {
    return companies(ctx, exposure.fundersThatSupplyComputeIds);
  }
}

/** The counterparty of one share. */
@Resolver(() => CounterpartyShare)
export class CounterpartyShareResolver {
  @FieldResolver(() => Company)
  async counterparty(@Root() share: CounterpartyShare, @Ctx() ctx: AppContext): Promise<Company> {
    return (await ctx.loaders.company.load(share.counterpartyId)) as Company;
  }
}
