import { Field, ObjectType } from 'type-graphql';
import { PageInfo } from '../common/pagination';
import type { InvestmentFilter } from './investment.args';
import { Investment } from './investment.type';

@ObjectType()
export class InvestmentEdge {
  @Field()
  cursor!: string;

  @Field(() => Investment)
  node!: Investment;
}

@ObjectType()
export class InvestmentConnection {
  @Field(() => [InvestmentEdge])
  edges!: InvestmentEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  filter?: InvestmentFilter;
}
