import type { Logger } from '../platform/logger';
import type { QueryStats } from '../neo4j/query-stats';
import type { Loaders } from '../loaders';

/** Who the caller is, from the API key it presented (`roleFromHeader` in auth.ts). */
export type Role = 'anonymous' | 'reader' | 'writer';

/** What every resolver receives for one GraphQL request. */
export interface RequestContext<L = unknown> {
  /** The request's id: the caller's `x-request-id` when acceptable, else a new UUID; echoed in the answer's header. */
  readonly requestId: string;
  readonly role: Role;
  /** The name of the API key presented (`name:key` in API_KEYS, else `writer-1`...); null for anonymous callers. */
  readonly keyName: string | null;
  /** True when the request presented an Authorization header (valid or not). */
  readonly presentedKey: boolean;
  readonly stats: QueryStats;
  /** Writes lines that carry `requestId`. */
  readonly logger: Logger;
  /** Per-request batch loaders, so nested fields never issue one query per parent. */
  readonly loaders: L;
  /**
   * The operation Apollo resolved for this request (its name, null when anonymous), set once parsing and validation
   * passed, so metrics can label the request with it; unset for a request that never got that far. A holder object,
   * because Apollo hands plugins and resolvers a shallow copy of the context.
   */
  readonly operation: { resolved?: { readonly name: string | null } };
  /**
   * Set only for a subscription (over WebSocket or SSE): follows the change log after a position, with a filter.
   * The transport supplies it with the process's feed and a way to close itself when the subscriber falls behind.
   */
  readonly follow?: (after: number | null, filter: object) => AsyncIterable<unknown>;
}

/** The context this application's resolvers receive: the request's own loaders. */
export type AppContext = RequestContext<Loaders>;
