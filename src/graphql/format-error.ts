import crypto from 'node:crypto';
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from '../platform/logger';
import { DomainError, ErrorCode } from '../domain/errors';
import { QUERY_LIMIT_EXCEEDED, parseLimitError } from './limits';

/** Codes whose messages may reach the client: ours, and Apollo's for requests it refused. */
const PUBLIC_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  QUERY_LIMIT_EXCEEDED,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

interface ValidationIssue {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationIssue[];
}

/** Flattens class-validator issues into "input.amountUsd: must not be less than 0" lines. */
function describeValidation(issues: ValidationIssue[], prefix: string): string[] {
  return issues.flatMap((issue) => {
    const field = prefix ? `${prefix}.${issue.property}` : issue.property;
    const own = Object.values(issue.constraints ?? {}).map((message) => `${field}: ${message}`);
    return [...own, ...describeValidation(issue.children ?? [], field)];
  });
}

/** The argument or input field a rejected literal was written for: the `name:` just before it in the query text. */
function literalFieldName(error: unknown): string | undefined {
  const { nodes, source } = error as { nodes?: readonly { loc?: { start: number } }[]; source?: { body: string } };
  const start = nodes?.[0]?.loc?.start;
  if (start === undefined || !source) return undefined;
  return /([_A-Za-z][_0-9A-Za-z]*)\s*:\s*$/.exec(source.body.slice(Math.max(0, start - 200), start))?.[1];
}

/**
 * Apollo `formatError`: coded errors keep their message; class-validator failures become BAD_USER_INPUT naming
 * each field; everything else is masked to INTERNAL_SERVER_ERROR with a correlation id that the log carries with
 * the full error. Stack traces, Cypher and host names never reach the client.
 */
export function createFormatError(logger: Logger) {
  return (formattedError: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    let formatted = formattedError;
    const thrown = unwrapResolverError(error);
    // A domain failure (not found, conflict, bad input a rule caught): its code and details, as it was meant.
    if (thrown instanceof DomainError) {
      return { message: thrown.message, locations: formatted.locations, path: formatted.path, extensions: { code: thrown.code, ...thrown.details } };
    }
    const original = thrown as { extensions?: Record<string, unknown>; message?: string; originalError?: { extensions?: Record<string, unknown> } } | undefined;
    let code = formatted.extensions?.code ?? original?.extensions?.code;
    // A literal our scalars reject (e.g. Date "2024-02-30") is bad input, and a shape past a limit is a refused
    // shape, not a malformed query: keep the code the rule or scalar chose.
    const chosen = original?.originalError?.extensions?.code ?? (formatted.extensions?.limit ? QUERY_LIMIT_EXCEEDED : undefined);
    if (code === 'GRAPHQL_VALIDATION_FAILED' && (chosen === 'BAD_USER_INPUT' || chosen === QUERY_LIMIT_EXCEEDED)) {
      code = chosen;
      const field = chosen === 'BAD_USER_INPUT' ? literalFieldName(error) : undefined;
      const message = field ? `${field}: ${String(original?.originalError && (original.originalError as { message?: string }).message)}` : formatted.message;
      formatted = { ...formatted, message, extensions: { ...formatted.extensions, code, ...(field ? { field } : {}) } };
    }
    // The parser stopped at a limit: a refused shape, not a syntax error.
    const refused = code === 'GRAPHQL_PARSE_FAILED' ? parseLimitError(formatted.message) : undefined;
    if (refused) return { message: refused.message, extensions: { code: QUERY_LIMIT_EXCEEDED, limit: refused.extensions.limit } };
    // Apollo's own refusals of a malformed request (an unsupported persisted-query version, a hash that does not match
    // the query) carry a 4xx status but no code; they are the client's mistake, not ours.
    const status = (original as { extensions?: { http?: { status?: number } } } | undefined)?.extensions?.http?.status;
    if (code === 'INTERNAL_SERVER_ERROR' && status !== undefined && status >= 400 && status < 500) {
      return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } };
    }
    const validationErrors = (original?.extensions?.validationErrors ?? formatted.extensions?.validationErrors) as ValidationIssue[] | undefined;
    if (Array.isArray(validationErrors) && validationErrors.length > 0) {
      const lines = describeValidation(validationErrors, '');
      return {
        message: `Invalid input: ${lines.join('; ')}`,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'BAD_USER_INPUT', fields: lines.map((line) => line.split(':')[0]) },
      };
    }
    if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
      const { stacktrace: _omit, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
      void _omit;
      return { ...formatted, extensions };
    }
    const correlationId = crypto.randomUUID();
    logger.error({ correlationId, err: original ?? error, path: formatted.path }, 'unexpected error while resolving a request');
    return {
      message: `Internal server error (correlation id ${correlationId})`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId },
    };
  };
}
