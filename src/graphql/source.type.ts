import { Field, ID, ObjectType } from 'type-graphql';
import { type PartialDate } from '../domain/partial-date';
import { DateScalar } from './date-scalar';
import { SourceKind, type SourceRecord } from '../domain/source';

@ObjectType({ description: 'A publication that reports a fact.' })
export class Source implements SourceRecord {
  @Field(() => ID)
  id!: string;

  @Field()
  url!: string;

  @Field({ description: 'Outlet, with the original outlet when the page republishes one, e.g. "Reuters (via CNA)".' })
  publisher!: string;

  @Field()
  title!: string;

  @Field(() => DateScalar, { nullable: true })
  publishedOn!: PartialDate | null;

  @Field(() => SourceKind, { description: 'ORIGINAL reporting, a SYNDICATION or COPY of another publisher\'s, a FILING, or a COMPANY_RELEASE by a party.' })
  kind!: SourceKind;

  @Field(() => String, { nullable: true, description: 'For a syndication or copy: whose reporting it repeats.' })
  originalPublisher!: string | null;
}
