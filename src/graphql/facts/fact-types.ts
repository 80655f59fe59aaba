import { ArrayMaxSize, ArrayMinSize, IsNumber, IsOptional, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, ObjectType, type ClassType } from 'type-graphql';
import type { FactDefinition, FieldSpec } from '../../facts/fact-definition';
import { SLUG_MESSAGE, SLUG_PATTERN } from '../../domain/validation';
import { DiffersFrom, DistinctPair, NotInFuture, OmittableNotNull, PresentIff } from '../validators';
import { DateScalar } from '../date-scalar';
import { FactSourcesInput } from '../fact-sources.input';
import { FactEventInput } from '../lifecycle/fact-event.types';

// GraphQL types derived from fact definitions: the object type, and the record and update inputs with their
// validation. type-graphql's decorators are plain functions, applied here to classes made per definition.

type Decorator = (prototype: object, property: string) => void;

const FINITE = { allowNaN: false, allowInfinity: false };

/** A class with a given name (what type-graphql and error messages show). */
function namedClass<T extends ClassType>(name: string, base?: T): ClassType {
  const holder = { [name]: base ? class extends base {} : class {} };
  return holder[name] as ClassType;
}

function apply(target: ClassType, property: string, decorators: Decorator[]): void {
  for (const decorate of decorators) decorate(target.prototype, property);
}

/** The GraphQL type of a field's values. */
export function graphqlType(field: FieldSpec): () => object {
  switch (field.kind) {
    case 'text':
      return () => String;
    case 'usd':
    case 'number':
      return () => Float;
    case 'date':
      return () => DateScalar;
    case 'enum':
      return () => field.enumType as object;
    case 'events':
      return () => [FactEventInput];
  }
}

/** A field's own validation (length, pattern, range, dates in the past); presence is decided by the input. */
function valueRules(field: FieldSpec): Decorator[] {
  const rules: Decorator[] = [];
  if (field.maxLength !== undefined) rules.push(MaxLength(field.maxLength));
  if (field.pattern) rules.push(Matches(field.pattern.regex, { message: field.pattern.message }));
  if (field.kind === 'usd' || field.kind === 'number') rules.push(IsNumber(FINITE), Min(field.min ?? 0), Max(field.max ?? Number.MAX_SAFE_INTEGER));
  if (field.notInFuture) rules.push(NotInFuture());
  if (field.kind === 'events') rules.push(ArrayMaxSize(50), ValidateNested({ each: true }));
  return rules;
}

const objectTypes = new Map<string, ClassType>();

/** The object type of a fact type: its id and fields (parties, links and sources are resolved by its resolver). */
export function factObjectType(definition: FactDefinition): ClassType {
  const known = objectTypes.get(definition.name);
  if (known) return known;
  const type = namedClass(definition.name);
  apply(type, 'id', [Field(() => ID) as Decorator]);
  // Events are shown through `history` (with the events a fact's dates imply and the state each left).
  for (const field of definition.fields.filter((f) => f.kind !== 'events')) {
    apply(type, field.name, [Field(graphqlType(field), { nullable: !field.required, description: field.description }) as Decorator]);
  }
  ObjectType(definition.name, { description: definition.description })(type);
  objectTypes.set(definition.name, type);
  return type;
}

/** `Record<Type>Input`: every field, the parties' ids, links, an optional id and the sources cited. */
export function recordInputType(definition: FactDefinition): ClassType {
  const input = namedClass(`Record${definition.name}Input`, FactSourcesInput);
  apply(input, 'id', [
    Field(() => ID, { nullable: true, description: 'Defaults to one derived from the parties, the date and what tells two such facts apart.' }) as Decorator,
    IsOptional(),
    MaxLength(120),
    Matches(SLUG_PATTERN, { message: SLUG_MESSAGE }),
  ]);
  for (const party of definition.parties) {
    if (party.many) {
      apply(input, party.idField, [
        Field(() => [ID], { nullable: true, description: party.description }) as Decorator,
        IsOptional(),
        ArrayMaxSize(20),
        MaxLength(64, { each: true }),
      ]);
      continue;
    }
    if (party.pair) {
      apply(input, party.idField, [
        Field(() => [ID], { description: party.description }) as Decorator,
        ArrayMinSize(2),
        ArrayMaxSize(2),
        MaxLength(64, { each: true }),
        DistinctPair({ message: party.distinctMessage ?? 'give two different company ids' }),
      ]);
      continue;
    }
    apply(input, party.idField, [
      Field(() => ID, { description: party.description }) as Decorator,
      MaxLength(64),
      ...(party.differsFrom ? [DiffersFrom(party.differsFrom.idField, { message: party.differsFrom.message })] : []),
    ]);
  }
  for (const link of definition.links ?? []) {
    apply(input, link.idField, [Field(() => ID, { nullable: true, description: link.description }) as Decorator, IsOptional(), MaxLength(120)]);
  }
  for (const field of definition.fields) {
    const optional = !field.required || field.defaultValue !== undefined;
    const presence: Decorator[] = field.presentWith ? [PresentIff(field.presentWith)] : field.required ? [] : [IsOptional()];
    apply(input, field.name, [
      Field(graphqlType(field), { nullable: optional && field.defaultValue === undefined, defaultValue: field.defaultValue }) as Decorator,
      ...presence,
      ...valueRules(field),
    ]);
  }
  InputType(`Record${definition.name}Input`, { description: definition.inputs?.record })(input);
  return input;
}

/** `Update<Type>Input`: each field optional; a required one may be omitted but not cleared. */
export function updateInputType(definition: FactDefinition): ClassType {
  const input = namedClass(`Update${definition.name}Input`, FactSourcesInput);
  for (const party of definition.parties.filter((p) => p.many)) {
    apply(input, party.idField, [
      Field(() => [ID], { nullable: true, description: `${party.description ?? party.role}; when given, replaces the list.` }) as Decorator,
      IsOptional(),
      ArrayMaxSize(20),
      MaxLength(64, { each: true }),
    ]);
  }
  for (const link of definition.links ?? []) {
    apply(input, link.idField, [Field(() => ID, { nullable: true, description: `${link.description ?? link.field} Null unlinks it.` }) as Decorator, IsOptional(), MaxLength(120)]);
  }
  for (const field of definition.fields) {
    apply(input, field.name, [
      Field(graphqlType(field), { nullable: true }) as Decorator,
      field.required ? (OmittableNotNull() as Decorator) : IsOptional(),
      ...valueRules(field),
    ]);
  }
  InputType(`Update${definition.name}Input`, { description: definition.inputs?.update })(input);
  return input;
}
