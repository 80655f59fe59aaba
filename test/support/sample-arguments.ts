import {
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLScalarType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';

/** A syntactically valid GraphQL literal for a type: enough to reach a resolver (auth runs before validation). */
function literal(type: GraphQLInputType): string {
  if (type instanceof GraphQLNonNull) return literal(type.ofType);
  if (type instanceof GraphQLList) return `[${literal(type.ofType)}]`;
  if (type instanceof GraphQLEnumType) return type.getValues()[0].name;
  if (type instanceof GraphQLInputObjectType) {
    const fields = Object.values(type.getFields()).filter((field) => field.type instanceof GraphQLNonNull);
    return `{ ${fields.map((field) => `${field.name}: ${literal(field.type)}`).join(', ')} }`;
  }
  const scalar = type as GraphQLScalarType;
  switch (scalar.name) {
    case 'Int':
    case 'Float':
      return '1';
    case 'Boolean':
      return 'false';
    case 'Date':
      return '"2020"';
    default:
      return '"sample"';
  }
}

/** `name(arg: value, ...)` with every required argument filled in, and `__typename` selected. */
export function sampleCall(field: GraphQLField<unknown, unknown>): string {
  const args = field.args.filter((arg) => arg.type instanceof GraphQLNonNull);
  const argText = args.length ? `(${args.map((arg) => `${arg.name}: ${literal(arg.type)}`).join(', ')})` : '';
  return `${field.name}${argText} { __typename }`;
}
