import { Field, ObjectType } from 'type-graphql';
import { PageInfo } from '../common/pagination';
import type { ComputeDealFilter } from './compute-deal.args';
import { ComputeDeal } from './compute-deal.type';

@ObjectType()
export class ComputeDealEdge {
  @Field()
  cursor!: string;

  @Field(() => ComputeDeal)
  node!: ComputeDeal;
}

@ObjectType()
export class ComputeDealConnection {
  @Field(() => [ComputeDealEdge])
  edges!: ComputeDealEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  filter?: ComputeDealFilter;
}
