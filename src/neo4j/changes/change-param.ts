import type { ChangeAuthor } from '../../domain/change';

/** The `$change` parameter every write statement takes: who writes, in which request, through which operation. */
export function changeParam(author: ChangeAuthor): { change: Record<string, string | null> } {
  return { change: { actor: author.actor, requestId: author.requestId, operation: author.operation } };
}
