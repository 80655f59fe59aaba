import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { authorOf } from '../graphql/change-author';
import { WRITER } from '../graphql/auth';
import type { AppContext } from '../graphql/context';
import { notFound } from '../domain/errors';
import { pageOf } from '../graphql/connection';
import { decodeListCursor, encodeListCursor, listCursorKind } from '../graphql/list-cursor';
import { CompaniesArgs, CompanySortField, DeleteCompanyArgs, SearchCompaniesArgs } from './company.args';
import { SortDirection } from '../domain/enums';
import { CompanyConnection, CompanySearchHit } from './company-connection.type';
import { CreateCompanyInput, UpdateCompanyInput } from './company.input';
import { COMPANY_ORDERS, normalizedCompanyFilter, type CompanyRepository } from './company.repository';
import { Company } from '../graphql/company.type';
import { listCost, pageCost } from '../graphql/complexity';
import { DeletePayload, MUTATION_RESULT } from '../graphql/mutation-result';

@Resolver(() => Company)
export class CompanyResolver {
  constructor(private readonly repo: CompanyRepository) {}

  @Query(() => Company, { nullable: true, description: 'One company by id; null when unknown.' })
  async company(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<Company | null> {
    return ctx.loaders.company.load(id) as Promise<Company | null>;
  }

  @Query(() => CompanyConnection, { description: 'Companies, filtered, sorted and paged (Relay connection).', complexity: pageCost })
  async companies(@Args() args: CompaniesArgs, @Ctx() ctx: AppContext): Promise<CompanyConnection> {
    const field = args.sort?.field ?? CompanySortField.NAME;
    const kind = listCursorKind('companies', field, args.sort?.direction === SortDirection.DESC, normalizedCompanyFilter(args.filter));
    const after = decodeListCursor(kind, COMPANY_ORDERS[field], args.after);
    const page = await this.repo.list(args.filter, args.sort, after, args.first);
    for (const { company } of page.items) ctx.loaders.company.prime(company.id, company);
    const edges = page.items.map((item) => ({ cursor: encodeListCursor(kind, item.position), node: item.company as Company }));
    return { ...pageOf(edges, page.hasMore, after !== null), filter: args.filter };
  }

  @Query(() => [CompanySearchHit], { description: 'Full-text search over names and aliases, best match first.', complexity: pageCost })
  async searchCompanies(@Args() { text, first }: SearchCompaniesArgs): Promise<CompanySearchHit[]> {
    return (await this.repo.search(text, first)) as CompanySearchHit[];
  }

  @Authorized(WRITER)
  @Mutation(() => Company, { ...MUTATION_RESULT, description: 'Creates a company; repeating the same create is a no-op, a different one with the same id is a CONFLICT.' })
  async createCompany(@Arg('input') input: CreateCompanyInput, @Ctx() ctx: AppContext): Promise<Company> {
    return (await this.repo.create(input, authorOf(ctx, 'createCompany'))).company as Company;
  }

  @Authorized(WRITER)
  @Mutation(() => Company, MUTATION_RESULT)
  async updateCompany(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateCompanyInput, @Ctx() ctx: AppContext): Promise<Company> {
    const company = await this.repo.update(id, input, authorOf(ctx, 'updateCompany'));
    if (!company) throw notFound('company', id);
    return company as Company;
  }

  @Authorized(WRITER)
  @Mutation(() => DeletePayload, { ...MUTATION_RESULT, description: 'Deletes a company; refused with CONFLICT while facts involve it, unless cascade is true.' })
  async deleteCompany(@Args() { id, cascade }: DeleteCompanyArgs, @Ctx() ctx: AppContext): Promise<DeletePayload> {
    const deleted = await this.repo.delete(id, cascade, authorOf(ctx, 'deleteCompany'));
    if (!deleted) throw notFound('company', id);
    return { id, deleted };
  }

  @FieldResolver(() => Company, { nullable: true, description: 'The direct parent company, if this is a subsidiary.' })
  async parent(@Root() company: Company, @Ctx() ctx: AppContext): Promise<Company | null> {
    return ((await ctx.loaders.parent.load(company.id)) ?? null) as Company | null;
  }

  @FieldResolver(() => [Company], { description: 'Direct subsidiaries.', complexity: listCost })
  async subsidiaries(@Root() company: Company, @Ctx() ctx: AppContext): Promise<Company[]> {
    return (await ctx.loaders.subsidiaries.load(company.id)) as Company[];
  }
}
