import type { ChangeAuthor } from '../domain/change';
import type { RequestContext } from './context';

/** The author a mutation's changes are logged under: the caller's key name, the request's id, the mutation. */
export function authorOf(ctx: RequestContext, operation: string): ChangeAuthor {
  return { actor: ctx.keyName, requestId: ctx.requestId, operation };
}
