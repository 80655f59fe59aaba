import { ArrayMaxSize, IsNumber, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
import { SortDirection } from '../../domain/enums';
import type { FactDefinition, FieldSpec, FilterSpec } from '../../facts/fact-definition';
import { connectionType } from '../connection';
import { MAX_PAGE_SIZE } from '../pagination';
import { factObjectType, graphqlType } from './fact-types';

// A fact type's list: its filter and sort inputs (or flat filter arguments), its arguments and its connection,
// derived from the definition's ListSpec.

type Decorator = (prototype: object, property: string) => void;

function namedClass(name: string): ClassType {
  const holder = { [name]: class {} };
  return holder[name] as ClassType;
}

function apply(target: ClassType, property: string, decorators: Decorator[]): void {
  for (const decorate of decorators) decorate(target.prototype, property);
}

function fieldOf(definition: FactDefinition, name: string): FieldSpec {
  const field = definition.fields.find((f) => f.name === name);
  if (!field) throw new Error(`${definition.name} has no field ${name}`);
  return field;
}

/** A filter's argument: its GraphQL type and validation. */
export function filterDecorators(definition: FactDefinition, filter: FilterSpec): Decorator[] {
  const description = filter.description;
  if (filter.kind === 'party') return [Field(() => ID, { nullable: true, description }) as Decorator, IsOptional(), MaxLength(64)];
  const field = fieldOf(definition, filter.field);
  if (filter.kind === 'oneOf') {
    const values = Object.keys(field.enumType ?? {}).length;
    return [Field(() => [field.enumType], { nullable: true, description }) as Decorator, IsOptional(), ArrayMaxSize(values)];
  }
  const rules: Decorator[] = [IsOptional()];
  if (field.kind === 'usd' || field.kind === 'number') rules.push(IsNumber({ allowNaN: false, allowInfinity: false }), Min(field.min ?? 0), Max(field.max ?? Number.MAX_SAFE_INTEGER));
  if (field.kind === 'text') rules.push(MaxLength(field.maxLength ?? 200));
  return [Field(graphqlType(field), { nullable: true, description }) as Decorator, ...rules];
}

/** The sort-field enum of a fact type: `InvestmentSortField { ANNOUNCED_ON AMOUNT }`. */
function sortFieldEnum(definition: FactDefinition): Record<string, string> {
  const values = Object.fromEntries(definition.list.sorts.map((sort) => [sort.value, sort.value]));
  registerEnumType(values, { name: `${definition.name}SortField` });
  return values;
}

export interface FactListTypes {
  readonly args: ClassType;
  readonly connection: ClassType;
}

const built = new Map<string, FactListTypes>();

/**
 * The list's arguments and connection. `filter` lists take `filter: <Type>Filter` and `sort: <Type>Sort`; `flat`
 * lists take their filters as arguments (kept for lists that had them). Both page with `first` and `after`.
 */
export function factListTypes(definition: FactDefinition): FactListTypes {
  const known = built.get(definition.name);
  if (known) return known;
  const args = namedClass(`${definition.name}ListArgs`);
  const first = definition.list.defaultFirst ?? 20;
  apply(args, 'first', [Field(() => Int, { defaultValue: first, description: `Page size, 1-${MAX_PAGE_SIZE}.` }) as Decorator, Min(1), Max(MAX_PAGE_SIZE)]);
  apply(args, 'after', [Field(() => String, { nullable: true, description: 'endCursor of the previous page.' }) as Decorator, IsOptional(), MaxLength(1000)]);
  if (definition.list.args === 'flat') {
    for (const filter of definition.list.filters) apply(args, filter.arg, filterDecorators(definition, filter));
  } else {
    const filter = namedClass(`${definition.name}Filter`);
    for (const spec of definition.list.filters) apply(filter, spec.arg, filterDecorators(definition, spec));
    InputType(`${definition.name}Filter`, { description: 'All given conditions must hold. Dates are inclusive.' })(filter);
    const fields = sortFieldEnum(definition);
    const sort = namedClass(`${definition.name}Sort`);
    const { sort: defaultField, descending } = definition.list.defaultSort;
    apply(sort, 'field', [Field(() => fields, { defaultValue: defaultField }) as Decorator]);
    apply(sort, 'direction', [Field(() => SortDirection, { defaultValue: descending ? SortDirection.DESC : SortDirection.ASC }) as Decorator]);
    InputType(`${definition.name}Sort`, { description: 'Facts without a value for the field come last; ties are ordered by id in the same direction (the keyset order the cursors follow).' })(sort);
    apply(args, 'filter', [Field(() => filter, { nullable: true }) as Decorator, IsOptional(), ValidateNested()]);
    apply(args, 'sort', [Field(() => sort, { nullable: true }) as Decorator, IsOptional(), ValidateNested()]);
  }
  ArgsType()(args);
  const connection = connectionType(factObjectType(definition) as ClassType<object>, definition.name, definition.list.description);
  const types = { args, connection };
  built.set(definition.name, types);
  return types;
}

// Keeps ObjectType imported for readers of this module's generated types' shape (connections are object types).
void ObjectType;
