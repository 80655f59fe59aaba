import { Field, ObjectType } from 'type-graphql';
import { PageInfo } from '../common/pagination';
import type { RivalryFilter } from './rivalry.repository';
import { Rivalry } from './rivalry.type';

@ObjectType()
export class RivalryEdge {
  @Field()
  cursor!: string;

  @Field(() => Rivalry)
  node!: Rivalry;
}

@ObjectType()
export class RivalryConnection {
  @Field(() => [RivalryEdge])
  edges!: RivalryEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  filter?: RivalryFilter;
}
