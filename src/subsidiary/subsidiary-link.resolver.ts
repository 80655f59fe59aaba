import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { WRITER } from '../common/auth';
import { notFound } from '../common/errors';
import { DeletePayload } from '../company/company-connection.type';
import { Company } from '../company/company.type';
import { primeCompanies, type AppContext } from '../loaders';
import { Source } from '../source/source.type';
import { RecordSubsidiaryLinkInput, UpdateSubsidiaryLinkInput } from './subsidiary-link.input';
import type { SubsidiaryLinkRow } from './subsidiary-link.record';
import type { SubsidiaryLinkRepository } from './subsidiary-link.repository';
import { SubsidiaryLink } from './subsidiary-link.type';
import { pageCost } from '../common/complexity';

@ArgsType()
class SubsidiaryLinksArgs {
  @Field(() => ID, { nullable: true, description: 'Only links where this company is the parent or the subsidiary.' })
  @IsOptional()
  @MaxLength(64)
  companyId?: string;

  @Field(() => Int, { defaultValue: 100 })
  @Min(1)
  @Max(100)
  first: number = 100;
}

function prime(ctx: AppContext, rows: readonly SubsidiaryLinkRow[]): SubsidiaryLink[] {
  primeCompanies(ctx, rows.flatMap((row) => [row.child, row.parent]));
  return rows.map((row) => row.link as SubsidiaryLink);
}

@Resolver(() => SubsidiaryLink)
export class SubsidiaryLinkResolver {
  constructor(private readonly repo: SubsidiaryLinkRepository) {}

  @Query(() => [SubsidiaryLink], { description: 'Parent/subsidiary links, by parent then subsidiary name.', complexity: pageCost })
  async subsidiaryLinks(@Args() { companyId, first }: SubsidiaryLinksArgs, @Ctx() ctx: AppContext): Promise<SubsidiaryLink[]> {
    return prime(ctx, await this.repo.list(companyId ?? null, first));
  }

  @Authorized(WRITER)
  @Mutation(() => SubsidiaryLink)
  async recordSubsidiaryLink(@Arg('input') input: RecordSubsidiaryLinkInput, @Ctx() ctx: AppContext): Promise<SubsidiaryLink> {
    return prime(ctx, [await this.repo.record(input)])[0];
  }

  @Authorized(WRITER)
  @Mutation(() => SubsidiaryLink)
  async updateSubsidiaryLink(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateSubsidiaryLinkInput, @Ctx() ctx: AppContext): Promise<SubsidiaryLink> {
    const row = await this.repo.update(id, input);
    if (!row) throw notFound('subsidiary link', id);
    return prime(ctx, [row])[0];
  }

  @Authorized(WRITER)
  @Mutation(() => DeletePayload)
  async removeSubsidiaryLink(@Arg('id', () => ID) id: string): Promise<DeletePayload> {
    if (!(await this.repo.remove(id))) throw notFound('subsidiary link', id);
    return { id, deleted: true };
  }

  @FieldResolver(() => Company)
  async parent(@Root() link: SubsidiaryLink, @Ctx() ctx: AppContext): Promise<Company> {
    return (await ctx.loaders.company.load(link.parentId)) as Company;
  }

  @FieldResolver(() => Company)
  async subsidiary(@Root() link: SubsidiaryLink, @Ctx() ctx: AppContext): Promise<Company> {
    return (await ctx.loaders.company.load(link.childId)) as Company;
  }

  @FieldResolver(() => [Source])
  async sources(@Root() link: SubsidiaryLink, @Ctx() ctx: AppContext): Promise<Source[]> {
    return (await ctx.loaders.source.loadMany([...link.sourceIds])).filter((s): s is Source => s !== null && !(s instanceof Error));
  }
}
