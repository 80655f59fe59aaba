import { Arg, Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import type { CompanyRecord } from '../domain/company';
import { AmountKind } from '../domain/enums';
import type { PartialDate } from '../domain/partial-date';
import { INVESTMENT, type InvestmentFact } from '../facts/types/investment.fact';
import { RIVALRY, type RivalryFact } from '../facts/types/rivalry.fact';
import { listCost } from '../graphql/complexity';
import { DateScalar } from '../graphql/date-scalar';
import { AS_OF, companyFacts } from '../graphql/facts/company-fact-fields';
import type { AppContext } from '../graphql/context';
import { Company } from '../graphql/company.type';
import { sumMoney, type Money as MoneyValue } from '../domain/money';
import { factState, scopeOfRecord } from '../facts/fact-lifecycle';
import { Money, toMoney } from '../graphql/money.type';
import { detailFor } from '../facts/fact-detail';

const RAISED_KINDS = [AmountKind.PAID, AmountKind.COMMITMENT];

/** Company fields computed from its facts: its competitors, and the money it raised. */
@Resolver(() => Company)
export class CompanyFactsResolver {
  @FieldResolver(() => [Company], { description: 'Companies it competes with (either side of a rivalry), by name.', complexity: listCost })
  async competitors(@Root() company: Company, @Arg('asOf', () => DateScalar, AS_OF) asOf: PartialDate | null, @Ctx() ctx: AppContext): Promise<Company[]> {
    // Only the rivalries' companies are read.
    const rivalries = (await companyFacts(ctx, RIVALRY, RIVALRY.parties[0], company.id, { asOf, includeImprecise: false }, detailFor(RIVALRY, [RIVALRY.parties[0].role]))) as RivalryFact[];
    const others = [...new Set(rivalries.flatMap((rivalry) => rivalry.companyIds).filter((id) => id !== company.id))];
    const loaded = (await ctx.loaders.company.loadMany(others)).filter((c): c is CompanyRecord => c !== null && !(c instanceof Error));
    return loaded.sort((a, b) => a.name.localeCompare(b.name)) as Company[];
  }

  @FieldResolver(() => Float, {
    description:
      'Money received as investments, in USD, as of the date: by default the headline (paid + committed); amountKinds picks the kinds summed (UP_TO: open ceilings; CONTRACT_VALUE). Stake values never count (see raised). Ended, terminated and lapsed investments and undisclosed amounts add nothing.',
  })
  async totalRaisedUsd(
    @Root() company: Company,
    @Arg('asOf', () => DateScalar, AS_OF) asOf: PartialDate | null,
    @Arg('amountKinds', () => [AmountKind], { defaultValue: RAISED_KINDS }) amountKinds: AmountKind[],
    @Ctx() ctx: AppContext,
  ): Promise<number> {
    const money = await this.received(company, asOf, ctx);
    const byKind: Record<AmountKind, number> = {
      [AmountKind.PAID]: money.paidUsd,
      [AmountKind.COMMITMENT]: money.committedUsd,
      [AmountKind.UP_TO]: money.ceilingUsd,
      [AmountKind.CONTRACT_VALUE]: money.contractValueUsd,
      // A stake's value is not money raised, whichever kinds are asked for (it is in `raised`).
      [AmountKind.STAKE_VALUE]: 0,
    };
    return [...new Set(amountKinds)].reduce((sum, kind) => sum + byKind[kind], 0);
  }

  @FieldResolver(() => Money, { description: 'Money received as investments, by kind, as of the date (today when omitted).' })
  async raised(@Root() company: Company, @Arg('asOf', () => DateScalar, AS_OF) asOf: PartialDate | null, @Ctx() ctx: AppContext): Promise<Money> {
    return toMoney(await this.received(company, asOf, ctx));
  }

  private async received(company: Company, asOf: PartialDate | null, ctx: AppContext): Promise<MoneyValue> {
    const investee = INVESTMENT.parties.find((party) => party.role === 'investee');
    // Listed as known on the date, each carrying that scope; what counts as raised is what counts in it (not ended).
    const received = (await companyFacts(ctx, INVESTMENT, investee as never, company.id, { asOf, includeImprecise: false })) as InvestmentFact[];
    return sumMoney(received.map((investment) => factState(investment, scopeOfRecord(investment))).filter((state) => state.counts).map((state) => state.money));
  }
}
