import { ArrayMaxSize, IsInt, IsOptional, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { CompanyKind, SortDirection } from '../domain/enums';
import { COMPANY_RANKINGS } from '../facts/company-rankings';
import { PageArgs } from '../graphql/pagination';

/** Orders by a company's own stored properties (an index serves each). */
export enum CompanyPropertySort {
  NAME = 'NAME',
  FOUNDED = 'FOUNDED',
  ID = 'ID',
}

/** A value of CompanySortField: a property sort or a ranking's value (RAISED_HEADLINE...). */
export type CompanySortField = string;

/** Every order of the company list: its properties, then each ranking the fact definitions declare (COMPANY_RANKINGS). */
export const CompanySortField: Readonly<Record<string, string>> = {
  ...CompanyPropertySort,
  ...Object.fromEntries(COMPANY_RANKINGS.map((ranking) => [ranking.value, ranking.value])),
};
registerEnumType(CompanySortField, {
  name: 'CompanySortField',
  valuesConfig: Object.fromEntries(
    COMPANY_RANKINGS.map((ranking) => [
      ranking.value,
      {
        description: `${ranking.description} As the facts stood on the date (the scope arguments: today, ended, terminated and lapsed facts left out unless asked); the ${ranking.definition.single}Totals measure ${ranking.measure.value} of a group keyed by ${ranking.party.role}. Ties by id.`,
      },
    ]),
  ),
});

@InputType({ description: 'All given conditions must hold.' })
export class CompanyFilter {
  @Field(() => [CompanyKind], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(7)
  kinds?: CompanyKind[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 code such as "US"' })
  country?: string;

  @Field(() => String, { nullable: true, description: 'Case-insensitive prefix of the name.' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(100)
  namePrefix?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1800)
  @Max(2200)
  foundedFrom?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1800)
  @Max(2200)
  foundedTo?: number;
}

@InputType()
export class CompanySort {
  @Field(() => CompanySortField, { defaultValue: CompanyPropertySort.NAME })
  field: CompanySortField = CompanyPropertySort.NAME;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction: SortDirection = SortDirection.ASC;
}

@ArgsType()
export class CompaniesArgs extends PageArgs {
  @Field(() => CompanyFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: CompanyFilter;

  @Field(() => CompanySort, { nullable: true })
  @IsOptional()
  @ValidateNested()
  sort?: CompanySort;
}

@ArgsType()
export class SearchCompaniesArgs {
  @Field({ description: 'Words to look for in names and aliases; tolerates small typos.' })
  @MinLength(1)
  @MaxLength(200)
  @Matches(/[\p{L}\p{N}]/u, { message: 'must contain a letter or digit' })
  text!: string;

  @Field(() => Int, { defaultValue: 10 })
  @Min(1)
  @Max(50)
  first: number = 10;
}

@ArgsType()
export class DeleteCompanyArgs {
  @Field(() => ID)
  @MaxLength(64)
  id!: string;

  @Field({ defaultValue: false, description: 'Also delete every fact it takes part in (investments, compute deals, rivalries, subsidiary links, acquisitions, funding rounds); its sources stay.' })
  cascade: boolean = false;
}
