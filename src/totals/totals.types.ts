import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsInt, IsNumber, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, Float, InputType, Int, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
import { CompanyKind, SortDirection } from '../domain/enums';
import { MAX_AMOUNT_USD } from '../domain/validation';
import type { FactDefinition } from '../facts/fact-definition';
import { kindFilterArg, MAX_GROUP_BY, totalsDimensions, totalsFilters, totalsMeasures } from '../facts/fact-totals';
import { connectionType } from '../graphql/connection';
import { factObjectType, graphqlType } from '../graphql/facts/fact-types';
import { filterDecorators } from '../graphql/facts/fact-list-types';
import { FactScopeArgs } from '../graphql/lifecycle/fact-scope.args';
import { Money } from '../graphql/money.type';
import { MAX_PAGE_SIZE } from '../graphql/pagination';
import type { TotalsQuery } from './totals.repository';

// The GraphQL side of a fact type's totals, made from its definition: `<type>Totals(groupBy, filter, having, sort,
// first, after, scope...)` answering a connection of `<Type>Total` groups, each with its key, count, money and facts.

type Decorator = (prototype: object, property: string) => void;

function namedClass(name: string, base?: ClassType): ClassType {
  const holder = { [name]: base ? class extends base {} : class {} };
  return holder[name] as ClassType;
}

function apply(target: ClassType, property: string, decorators: Decorator[]): void {
  for (const decorate of decorators) decorate(target.prototype, property);
}

@InputType({ description: 'Bounds on a count, both inclusive; either may be omitted.' })
export class CountRange {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  min?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  max?: number;
}

@InputType({ description: 'Bounds on an amount in USD, both inclusive; either may be omitted.' })
export class AmountRange {
  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_AMOUNT_USD * 1e6)
  min?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_AMOUNT_USD * 1e6)
  max?: number;
}

/** A group as resolvers hand it on: its key's raw values, measures, and the request it belongs to (for its facts). */
export interface TotalGroup {
  readonly key: Readonly<Record<string, string | null>>;
  readonly keys: readonly (string | null)[];
  readonly measures: Readonly<Record<string, number | null>>;
  readonly query: TotalsQuery;
  /** The cursor kind of the totals answer, which a group's fact cursors extend. */
  readonly kind: string;
}

export interface TotalsTypes {
  readonly args: ClassType;
  readonly connection: ClassType;
  readonly group: ClassType;
  readonly key: ClassType;
  readonly factConnection: ClassType;
}

const built = new Map<string, TotalsTypes>();

/** `<Type>TotalsDimension`, `<Type>TotalsSortField`: enums of values with descriptions. */
function describedEnum(name: string, description: string, values: readonly { value: string; description: string }[]): Record<string, string> {
  const enumObject = Object.fromEntries(values.map((v) => [v.value, v.value]));
  registerEnumType(enumObject, { name, description, valuesConfig: Object.fromEntries(values.map((v) => [v.value, { description: v.description }])) });
  return enumObject;
}

/** The GraphQL types of a fact type's totals. */
export function totalsTypes(definition: FactDefinition): TotalsTypes {
  const known = built.get(definition.name);
  if (known) return known;
  const name = definition.name;
  const dimensions = totalsDimensions(definition);
  const measures = totalsMeasures(definition);
  const hasMoney = measures.some((m) => m.kind === 'money');

  const Dimension = describedEnum(`${name}TotalsDimension`, `What ${definition.plural} can be grouped by.`, dimensions);
  const SortField = describedEnum(`${name}TotalsSortField`, 'A measure, or one of the dimensions grouped by (a company by its name).', [
    ...measures,
    ...dimensions.map((d) => ({ value: d.value, description: `The ${d.key} of the group (only when grouped by it).` })),
  ]);

  const filter = namedClass(`${name}TotalsFilter`);
  for (const spec of totalsFilters(definition)) apply(filter, spec.arg, filterDecorators(definition, spec));
  for (const party of definition.parties) {
    apply(filter, kindFilterArg(party), [
      Field(() => [CompanyKind], { nullable: true, description: `Only facts whose ${party.role} is of these kinds (grouped by the ${party.role}: only groups of these kinds).` }) as Decorator,
      IsOptional(),
      ArrayMinSize(1),
      ArrayMaxSize(Object.keys(CompanyKind).length),
    ]);
  }
  InputType(`${name}TotalsFilter`, { description: `The ${definition.plural} list's filters (its status filter aside: totals read each fact's status on the date) and a kind filter on each party. All given conditions must hold; dates are inclusive.` })(filter);

  const having = namedClass(`${name}TotalsHaving`);
  for (const m of measures) {
    const integer = m.kind === 'count' || (m.kind === 'money' && m.integer);
    apply(having, m.key, [Field(() => (integer ? CountRange : AmountRange), { nullable: true, description: m.description }) as Decorator, IsOptional(), ValidateNested()]);
  }
  InputType(`${name}TotalsHaving`, { description: 'Only groups whose measures lie within these bounds.' })(having);

  const sort = namedClass(`${name}TotalsSort`);
  apply(sort, 'field', [Field(() => SortField, { defaultValue: hasMoney ? 'HEADLINE' : 'COUNT' }) as Decorator]);
  apply(sort, 'direction', [Field(() => SortDirection, { defaultValue: SortDirection.DESC }) as Decorator]);
  InputType(`${name}TotalsSort`, { description: 'Groups without a value for the field come last; ties are ordered by the key (in groupBy order, companies by id) in the same direction: the keyset order cursors follow.' })(sort);

  const args = namedClass(`${name}TotalsArgs`, FactScopeArgs);
  apply(args, 'groupBy', [
    Field(() => [Dimension], { description: `1 to ${MAX_GROUP_BY} dimensions, none twice.` }) as Decorator,
    ArrayMinSize(1),
    ArrayMaxSize(MAX_GROUP_BY),
    ArrayUnique(),
  ]);
  apply(args, 'filter', [Field(() => filter, { nullable: true }) as Decorator, IsOptional(), ValidateNested()]);
  apply(args, 'having', [Field(() => having, { nullable: true }) as Decorator, IsOptional(), ValidateNested()]);
  apply(args, 'sort', [Field(() => sort, { nullable: true, description: `By ${hasMoney ? 'headline money' : 'count'}, largest first, when omitted.` }) as Decorator, IsOptional(), ValidateNested()]);
  apply(args, 'rollUpSubsidiaries', [
    Field(() => Boolean, {
      defaultValue: false,
      description:
        'Name each group of a party by the top-level parent of its company as of asOf (ownership links that count then, at most 5 up), so a subsidiary\'s facts count under its parent, and a party kind or country is the parent\'s. Party filters still name one company.',
    }) as Decorator,
  ]);
  apply(args, 'first', [Field(() => Int, { defaultValue: 20, description: `Groups per page, 1-${MAX_PAGE_SIZE}.` }) as Decorator, Min(1), Max(MAX_PAGE_SIZE)]);
  apply(args, 'after', [Field(() => String, { nullable: true, description: 'endCursor of the previous page (of the same groupBy, filter, having, sort, roll-up and scope).' }) as Decorator, IsOptional(), MaxLength(1000)]);
  ArgsType()(args);

  const key = namedClass(`${name}TotalKey`);
  for (const d of dimensions) {
    // Party fields are resolved from the company id by the key's resolver (src/totals/totals.resolver.ts).
    if (d.kind === 'party') continue;
    const type = d.kind === 'partyKind' ? () => CompanyKind : d.kind === 'field' ? graphqlType(d.field) : () => String;
    apply(key, d.key, [Field(type, { nullable: true, description: `${d.description} Null when not grouped by it${d.kind === 'period' ? ' or undated' : ''}.` }) as Decorator]);
  }
  ObjectType(`${name}TotalKey`, { description: 'What a group shares: one field per dimension grouped by, the others null.' })(key);

  const group = namedClass(`${name}Total`);
  apply(group, 'key', [Field(() => key) as Decorator]);
  apply(group, 'count', [Field(() => Int, { description: `How many of its ${definition.plural} count in the scope.` }) as Decorator]);
  if (hasMoney) apply(group, 'money', [Field(() => Money, { description: 'Their money by kind as it stood on the date (headline: paid + committed).' }) as Decorator]);
  for (const m of measures.filter((x) => x.kind === 'highest' || x.kind === 'latest')) {
    apply(group, m.key, [Field(() => Float, { nullable: true, description: m.description }) as Decorator]);
  }
  ObjectType(`${name}Total`, {
    description: `A group of ${definition.plural}: its key and measures. A fact whose party holds several companies (a pair, a list) counts once in the group of each.`,
  })(group);

  const connection = connectionType(group as ClassType<object>, `${name}Total`, `Groups of ${definition.plural}, in the requested order.`);
  const factConnection = connectionType(factObjectType(definition) as ClassType<object>, `${name}TotalFact`, `The ${definition.plural} of a group, newest first (undated last, ties by id).`);
  const types = { args, connection, group, key, factConnection };
  built.set(definition.name, types);
  return types;
}
