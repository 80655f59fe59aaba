import { Arg, Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import type { CompanyRecord } from '../domain/company';
import { AmountKind } from '../domain/enums';
import type { PartialDate } from '../domain/partial-date';
import { INVESTMENT, type InvestmentFact } from '../facts/types/investment.fact';
import { RIVALRY, type RivalryFact } from '../facts/types/rivalry.fact';
import { listCost } from '../graphql/complexity';
import { DateScalar } from '../graphql/date-scalar';
import { companyFacts } from '../graphql/facts/company-fact-fields';
import type { AppContext } from '../loaders';
import { Company } from './company.type';

const AS_OF = { nullable: true, description: 'Only facts known on or before this date (end of the period for YYYY-MM / YYYY).' };
const RAISED_KINDS = [AmountKind.PAID, AmountKind.COMMITMENT, AmountKind.UP_TO];

/** Company fields computed from its facts: its competitors, and the money it raised. */
@Resolver(() => Company)
export class CompanyFactsResolver {
  @FieldResolver(() => [Company], { description: 'Companies it competes with (either side of a rivalry), by name.', complexity: listCost })
  async competitors(@Root() company: Company, @Arg('asOf', () => DateScalar, AS_OF) asOf: PartialDate | null, @Ctx() ctx: AppContext): Promise<Company[]> {
    const rivalries = (await companyFacts(ctx, RIVALRY, RIVALRY.parties[0], company.id, asOf)) as RivalryFact[];
    const others = [...new Set(rivalries.flatMap((rivalry) => rivalry.companyIds).filter((id) => id !== company.id))];
    const loaded = (await ctx.loaders.company.loadMany(others)).filter((c): c is CompanyRecord => c !== null && !(c instanceof Error));
    return loaded.sort((a, b) => a.name.localeCompare(b.name)) as Company[];
  }

  @FieldResolver(() => Float, {
    description:
      'Sum of disclosed investments received, in USD. By default cash paid, commitments and "up to" ceilings count; stake values never do. Undisclosed amounts add nothing.',
  })
  async totalRaisedUsd(
    @Root() company: Company,
    @Arg('asOf', () => DateScalar, AS_OF) asOf: PartialDate | null,
    @Arg('amountKinds', () => [AmountKind], { defaultValue: RAISED_KINDS }) amountKinds: AmountKind[],
    @Ctx() ctx: AppContext,
  ): Promise<number> {
    const kinds = new Set<AmountKind>(amountKinds.filter((kind) => kind !== AmountKind.STAKE_VALUE));
    const investee = INVESTMENT.parties.find((party) => party.role === 'investee');
    const received = (await companyFacts(ctx, INVESTMENT, investee as never, company.id, asOf)) as InvestmentFact[];
    return received.reduce((sum, investment) => (investment.amountUsd !== null && investment.amountKind && kinds.has(investment.amountKind) ? sum + investment.amountUsd : sum), 0);
  }
}
