import type { AuthCheckerFn } from 'type-graphql';
import { DomainError, ErrorCode } from '../domain/errors';
import type { RequestContext, Role } from './context';
import { identifyCaller, parseApiKeys } from './api-keys';

/** The role mutations require. */
export const WRITER = 'writer';

/**
 * Resolves the caller's role from `Authorization: Bearer <key>` (see identifyCaller: constant-time comparison of
 * SHA-256 digests). Callers that need the key's name use identifyCaller with keys parsed once.
 */
export function roleFromHeader(header: string | undefined, writerKeys: readonly string[], readerKeys: readonly string[]): Role {
  return identifyCaller(header, parseApiKeys(writerKeys, readerKeys)).role;
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
