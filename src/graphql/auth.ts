import crypto from 'node:crypto';
import type { AuthCheckerFn } from 'type-graphql';
import { DomainError, ErrorCode } from '../domain/errors';
import type { RequestContext, Role } from './context';

/** The role mutations require. */
export const WRITER = 'writer';

function digest(value: string): Buffer {
  return crypto.createHash('sha256').update(value).digest();
}

/**
 * Resolves the caller's role from `Authorization: Bearer <key>`. Keys are compared as SHA-256 digests with
 * `timingSafeEqual`, so neither the key's content nor its length leaks through timing.
 */
export function roleFromHeader(header: string | undefined, writerKeys: readonly string[], readerKeys: readonly string[]): Role {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) return 'anonymous';
  const presented = digest(match[1]);
  const matches = (keys: readonly string[]) => keys.reduce((found, key) => crypto.timingSafeEqual(presented, digest(key)) || found, false);
  if (matches(writerKeys)) return 'writer';
  if (matches(readerKeys)) return 'reader';
  return 'anonymous';
}

/** type-graphql auth checker: anonymous callers get UNAUTHENTICATED, callers without the role FORBIDDEN. */
export const authChecker: AuthCheckerFn<RequestContext> = ({ context }, roles) => {
  if (roles.length === 0 || roles.includes(context.role)) return true;
  if (context.role === 'anonymous') {
    throw new DomainError(
      ErrorCode.UNAUTHENTICATED,
      context.presentedKey ? 'The API key is not valid' : 'This operation needs an API key: send Authorization: Bearer <key>',
    );
  }
  throw new DomainError(ErrorCode.FORBIDDEN, 'This API key may not perform this operation');
};
