import { Arg, Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import { asOfKey } from '../common/as-of';
import { DateScalar, type PartialDate } from '../common/date-scalar';
import { AmountKind } from '../common/enums';
import { Company } from '../company/company.type';
import { primeCompanyInvestments, type AppContext } from '../loaders';
import { Investment } from './investment.type';
import { listCost } from '../common/complexity';

const AS_OF = { nullable: true, description: 'Only facts announced on or before this date (end of the period for YYYY-MM / YYYY).' };
const RAISED_KINDS = [AmountKind.PAID, AmountKind.COMMITMENT, AmountKind.UP_TO];

/** Company fields about money in and out, batched per request by (company, asOf). */
@Resolver(() => Company)
export class CompanyInvestmentsResolver {
  @FieldResolver(() => [Investment], { description: 'Investments received, oldest first.', complexity: listCost })
  async investmentsReceived(@Root() company: Company, @Arg('asOf', () => DateScalar, AS_OF) asOf: PartialDate | null, @Ctx() ctx: AppContext): Promise<Investment[]> {
    return primeCompanyInvestments(ctx, company, await ctx.loaders.investmentsInto.load(asOfKey(company.id, asOf))) as Investment[];
  }

  @FieldResolver(() => [Investment], { description: 'Investments made, oldest first.', complexity: listCost })
  async investmentsMade(@Root() company: Company, @Arg('asOf', () => DateScalar, AS_OF) asOf: PartialDate | null, @Ctx() ctx: AppContext): Promise<Investment[]> {
    return primeCompanyInvestments(ctx, company, await ctx.loaders.investmentsBy.load(asOfKey(company.id, asOf))) as Investment[];
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
    const rows = await ctx.loaders.investmentsInto.load(asOfKey(company.id, asOf));
    return rows.reduce((sum, { investment }) => (investment.amountUsd !== null && investment.amountKind && kinds.has(investment.amountKind) ? sum + investment.amountUsd : sum), 0);
  }
}
