import { Query, Resolver } from 'type-graphql';
import { RelationKindInfo, relationKindInfos } from './relation-kind';

/** The relation kinds traversals walk, served so a client (the explorer's legend) needs no list of its own. */
@Resolver()
export class RelationKindsResolver {
  @Query(() => [RelationKindInfo], {
    description: 'The relation kinds connection and neighborhood walk (every one when `kinds` is omitted), one per fact type with a derived relationship, in a stable order: what each means, whether it is symmetric, one per pair or per fact, and how money flows along it in a money loop.',
  })
  relationKinds(): RelationKindInfo[] {
    return relationKindInfos();
  }
}
