import type { Logger } from '../platform/logger';
import type { QueryStats } from '../neo4j/query-stats';
import type { Role } from './auth';

/** What every resolver receives for one GraphQL request. */
export interface RequestContext<Loaders = unknown> {
  readonly requestId: string;
  readonly role: Role;
  /** True when the request presented an Authorization header (valid or not). */
  readonly presentedKey: boolean;
  readonly stats: QueryStats;
  readonly logger: Logger;
  /** Per-request batch loaders, so nested fields never issue one query per parent. */
  readonly loaders: Loaders;
}
