import { Field, ObjectType } from 'type-graphql';
import { ExternalIdScheme } from '../domain/external-id';

@ObjectType({ description: "A company's id in another database (docs/external-ids.md)." })
export class ExternalId {
  @Field(() => ExternalIdScheme)
  scheme!: ExternalIdScheme;

  @Field({ description: 'As stored: Wikidata "Q..." upper case, a CIK in ten digits, an LEI upper case, a domain lower case without "www.".' })
  value!: string;

  @Field({ description: 'The page the id was read from.' })
  source!: string;
}
