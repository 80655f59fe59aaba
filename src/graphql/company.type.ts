import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CompanyKind } from '../domain/enums';
import type { CompanyRecord } from '../domain/company';
import type { ExternalId } from '../domain/external-id';

@ObjectType({ description: 'A company, lab, cloud, chipmaker or investor in the AI industry.' })
export class Company implements CompanyRecord {
  @Field(() => ID, { description: 'Lowercase kebab-case slug of the common name, e.g. "anthropic".' })
  id!: string;

  @Field()
  name!: string;

  @Field(() => [String], { description: 'Other names it is known by (former names, legal names, brands).' })
  aliases!: string[];

  @Field(() => CompanyKind)
  kind!: CompanyKind;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code of the headquarters.' })
  country!: string | null;

  @Field(() => Int, { nullable: true, description: 'Year founded.' })
  founded!: number | null;

  @Field(() => String, { nullable: true })
  website!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  // Read only where a statement projected them; otherwise the company resolver's fields load them.
  formerNames?: readonly string[];
  externalIds?: readonly ExternalId[];
}
