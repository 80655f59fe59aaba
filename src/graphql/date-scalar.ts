import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DomainError } from '../domain/errors';
import { formatPartialDate, parsePartialDate, type PartialDate } from '../domain/partial-date';

export type { PartialDate };

/** A date the domain refused, as the GraphQL error graphql-js reports for a variable or literal. */
function parse(value: unknown): PartialDate {
  try {
    return parsePartialDate(value);
  } catch (error) {
    if (error instanceof DomainError) throw new GraphQLError(error.message, { extensions: { code: error.code, ...error.details } });
    throw error;
  }
}

/** `scalar Date`: ISO-8601 calendar date at day, month or year precision. */
export const DateScalar = new GraphQLScalarType<PartialDate, string>({
  name: 'Date',
  description: 'ISO-8601 calendar date: YYYY-MM-DD, or YYYY-MM / YYYY when only the month or year is known.',
  serialize: (value) => formatPartialDate(typeof value === 'string' ? parse(value) : (value as PartialDate)),
  parseValue: parse,
  // graphql-js drops the location of a GraphQLError thrown here, so literals fail with a plain error carrying our
  // code; it is wrapped with the literal's location, and formatError names the field from there.
  parseLiteral: (ast) => {
    try {
      if (ast.kind !== Kind.STRING) throw new GraphQLError(`Date: not a string (got ${JSON.stringify(ast.kind)}); expected YYYY-MM-DD, YYYY-MM or YYYY`);
      return parse(ast.value);
    } catch (error) {
      throw Object.assign(new Error((error as Error).message), { extensions: { code: 'BAD_USER_INPUT' } });
    }
  },
});
