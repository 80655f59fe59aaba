import { Ctx, Field, FieldResolver, Float, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { PageInfo } from '../graphql/pagination';
import type { AppContext } from '../graphql/context';
import type { CompanyFilter } from './company.args';
import type { CompanyRepository } from './company.repository';
import { Company } from '../graphql/company.type';
import { COUNT_COST } from '../graphql/complexity';

@ObjectType()
export class CompanyEdge {
  @Field()
  cursor!: string;

  @Field(() => Company)
  node!: Company;

  @Field(() => Float, { nullable: true, description: 'What the list is ranked by, for this company, when sorted by a ranking (RAISED_HEADLINE...); null for the other sorts and for a company with no value (no valuation reported).' })
  sortValue?: number | null;
}

@ObjectType()
export class CompanyConnection {
  @Field(() => [CompanyEdge])
  edges!: CompanyEdge[];

  @Field(() => [Company], { description: 'The nodes of `edges`, in the same order.' })
  nodes!: Company[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  /** Kept for totalCount, which is only computed when a client selects it. */
  filter?: CompanyFilter;
}

@ObjectType()
export class CompanySearchHit {
  @Field(() => Company)
  company!: Company;

  @Field(() => Float, { description: 'Relevance; higher is better.' })
  score!: number;
}

@Resolver(() => CompanyConnection)
export class CompanyConnectionResolver {
  constructor(private readonly repo: CompanyRepository) {}

  @FieldResolver(() => Int, { description: 'Companies matching the filter across all pages (one extra query, only when selected).', complexity: COUNT_COST })
  async totalCount(@Root() connection: CompanyConnection, @Ctx() _ctx: AppContext): Promise<number> {
    return this.repo.count(connection.filter);
  }
}
