import { Arg, Query, Resolver } from 'type-graphql';
import { matchCost } from '../../graphql/complexity';
import { CompanyMatch } from './company-match.type';
import { MAX_MATCH_NAMES, type CompanyMatcher } from './company-matcher';

@Resolver()
export class CompanyMatchResolver {
  constructor(private readonly matcher: CompanyMatcher) {}

  @Query(() => [CompanyMatch], {
    description: `Reconciles names with the companies here: for each name, in the order given, its candidates and why. At most ${MAX_MATCH_NAMES} names.`,
    complexity: matchCost,
  })
  async matchCompanies(@Arg('names', () => [String]) names: string[]): Promise<CompanyMatch[]> {
    return (await this.matcher.match(names)) as CompanyMatch[];
  }
}
