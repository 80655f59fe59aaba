import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { WRITER } from '../common/auth';
import { notFound } from '../common/errors';
import { DeletePayload } from '../company/company-connection.type';
import { Company } from '../company/company.type';
import { primeCompanies, type AppContext } from '../loaders';
import { Source } from '../source/source.type';
import { AcquisitionsArgs, RecordAcquisitionInput, UpdateAcquisitionInput } from './acquisition.input';
import type { AcquisitionRow } from './acquisition.record';
import type { AcquisitionRepository } from './acquisition.repository';
import { Acquisition } from './acquisition.type';
import { pageCost } from '../common/complexity';

function prime(ctx: AppContext, rows: readonly AcquisitionRow[]): Acquisition[] {
  primeCompanies(ctx, rows.flatMap((row) => [row.acquirer, row.target]));
  return rows.map((row) => row.acquisition as Acquisition);
}

@Resolver(() => Acquisition)
export class AcquisitionResolver {
  constructor(private readonly repo: AcquisitionRepository) {}

  @Query(() => Acquisition, { nullable: true })
  async acquisition(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<Acquisition | null> {
    const [row] = await this.repo.findByIds([id]);
    return row ? prime(ctx, [row])[0] : null;
  }

  @Query(() => [Acquisition], { description: 'Acquisitions and acqui-hire licences, newest first.', complexity: pageCost })
  async acquisitions(@Args() { companyId, kind, asOf, first }: AcquisitionsArgs, @Ctx() ctx: AppContext): Promise<Acquisition[]> {
    return prime(ctx, await this.repo.list({ companyId, kind, asOf }, first));
  }

  @Authorized(WRITER)
  @Mutation(() => Acquisition)
  async recordAcquisition(@Arg('input') input: RecordAcquisitionInput, @Ctx() ctx: AppContext): Promise<Acquisition> {
    return prime(ctx, [await this.repo.record(input)])[0];
  }

  @Authorized(WRITER)
  @Mutation(() => Acquisition)
  async updateAcquisition(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateAcquisitionInput, @Ctx() ctx: AppContext): Promise<Acquisition> {
    const row = await this.repo.update(id, input);
    if (!row) throw notFound('acquisition', id);
    return prime(ctx, [row])[0];
  }

  @Authorized(WRITER)
  @Mutation(() => DeletePayload)
  async removeAcquisition(@Arg('id', () => ID) id: string): Promise<DeletePayload> {
    if (!(await this.repo.remove(id))) throw notFound('acquisition', id);
    return { id, deleted: true };
  }

  @FieldResolver(() => Company)
  async acquirer(@Root() acquisition: Acquisition, @Ctx() ctx: AppContext): Promise<Company> {
    return (await ctx.loaders.company.load(acquisition.acquirerId)) as Company;
  }

  @FieldResolver(() => Company)
  async target(@Root() acquisition: Acquisition, @Ctx() ctx: AppContext): Promise<Company> {
    return (await ctx.loaders.company.load(acquisition.targetId)) as Company;
  }

  @FieldResolver(() => [Source])
  async sources(@Root() acquisition: Acquisition, @Ctx() ctx: AppContext): Promise<Source[]> {
    return (await ctx.loaders.source.loadMany([...acquisition.sourceIds])).filter((s): s is Source => s !== null && !(s instanceof Error));
  }
}
