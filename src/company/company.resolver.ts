import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { authorOf } from '../graphql/change-author';
import { WRITER } from '../graphql/auth';
import type { AppContext } from '../graphql/context';
import { notFound } from '../domain/errors';
import { pageOf } from '../graphql/connection';
import { decodeListCursor, encodeListCursor, listCursorKind } from '../graphql/list-cursor';
import { CompaniesArgs, CompanyPropertySort, DeleteCompanyArgs, SearchCompaniesArgs } from './company.args';
import { companyRanking } from '../facts/company-rankings';
import { FactScopeArgs, toScope } from '../graphql/lifecycle/fact-scope.args';
import { SortDirection } from '../domain/enums';
import { CompanyConnection, CompanySearchHit } from './company-connection.type';
import { CreateCompanyInput, UpdateCompanyInput } from './company.input';
import { companyOrder, normalizedCompanyFilter, type CompanyRepository } from './company.repository';
import { Company } from '../graphql/company.type';
import { listCost, pageCost } from '../graphql/complexity';
import { DeletePayload, MUTATION_RESULT } from '../graphql/mutation-result';
import { ExternalId } from '../graphql/external-id.type';
import { ExternalIdScheme } from '../domain/external-id';
import type { CompanyIdentity } from '../domain/company';

@Resolver(() => Company)
export class CompanyResolver {
  constructor(private readonly repo: CompanyRepository) {}

  @Query(() => Company, { nullable: true, description: 'One company by id; null when unknown.' })
  async company(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<Company | null> {
    return ctx.loaders.company.load(id) as Promise<Company | null>;
  }

  @Query(() => Company, {
    nullable: true,
    description: 'The company holding an id in another database; the value is normalized as stored ("q95", "1652044", "https://www.openai.com/" all find theirs). Null when none holds it.',
  })
  async companyByExternalId(@Arg('scheme', () => ExternalIdScheme) scheme: ExternalIdScheme, @Arg('value') value: string, @Ctx() ctx: AppContext): Promise<Company | null> {
    const company = value.length > 300 ? null : await this.repo.byExternalIdValue(scheme, value);
    if (company) ctx.loaders.companyIdentity.prime(company.id, company as CompanyIdentity);
    return company as Company | null;
  }

  @Query(() => CompanyConnection, {
    description:
      'Companies, filtered, sorted and paged (Relay connection). Sorted by a ranking (RAISED_HEADLINE, LATEST_VALUATION...), each company is measured from its facts as they stood in the scope the scope arguments give (today, ended, terminated and lapsed facts left out unless asked); they change nothing for the other sorts.',
    complexity: pageCost,
  })
  async companies(@Args() args: CompaniesArgs, @Args() scopeArgs: FactScopeArgs, @Ctx() ctx: AppContext): Promise<CompanyConnection> {
    const field = args.sort?.field ?? CompanyPropertySort.NAME;
    const ranked = companyRanking(field) !== undefined;
    const scope = toScope(scopeArgs);
    // A ranking's cursor belongs to its scope too (asOf as given, so a cursor of "today" stays valid while paged).
    const fingerprint = ranked ? { filter: normalizedCompanyFilter(args.filter), scope: { ...scope, asOf: scopeArgs.asOf ?? null } } : normalizedCompanyFilter(args.filter);
    const kind = listCursorKind('companies', field, args.sort?.direction === SortDirection.DESC, fingerprint);
    const after = decodeListCursor(kind, companyOrder(field), args.after);
    const page = await this.repo.list(args.filter, args.sort, after, args.first, scope);
    for (const { company } of page.items) ctx.loaders.company.prime(company.id, company);
    const edges = page.items.map((item) => ({ cursor: encodeListCursor(kind, item.position), node: item.company as Company, sortValue: ranked ? ((item.position.value as number | null) ?? null) : null }));
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

  @FieldResolver(() => [String], { description: 'Names it went by before (Facebook for Meta).' })
  async formerNames(@Root() company: Company, @Ctx() ctx: AppContext): Promise<readonly string[]> {
    return company.formerNames ?? (await ctx.loaders.companyIdentity.load(company.id))?.formerNames ?? [];
  }

  @FieldResolver(() => [ExternalId], { description: 'Its ids in other databases (Wikidata, SEC CIK, LEI, domain), each with the page it was read from; docs/external-ids.md.' })
  async externalIds(@Root() company: Company, @Ctx() ctx: AppContext): Promise<readonly ExternalId[]> {
    return company.externalIds ?? (await ctx.loaders.companyIdentity.load(company.id))?.externalIds ?? [];
  }
}
