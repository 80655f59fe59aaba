import { Field, ObjectType, type ClassType } from 'type-graphql';
import { PageInfo } from './pagination';

/** One page of a Relay connection as resolvers return it. */
export interface Page<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
}

/**
 * A Relay connection type for `nodeType`, named `<name>Connection` with `<name>Edge` edges. `nodes` is the edges'
 * nodes without cursors, for clients that only page forward with `pageInfo.endCursor`.
 */
export function connectionType<T extends object>(nodeType: ClassType<T>, name: string, description?: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field()
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description })
  class Connection implements Page<T> {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => [nodeType], { description: 'The nodes of `edges`, in the same order.' })
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return Connection;
}

/**
 * A page from items already in the documented order, each with its cursor. `hasNextPage` is the caller's: a fetch of
 * one row more than the page, or a scan that stopped at its bound. `endCursor` may continue past the last edge when a
 * bounded scan found nothing more (`resumeCursor`).
 */
export function pageOf<T>(items: readonly { cursor: string; node: T }[], hasNextPage: boolean, hadCursor: boolean, resumeCursor?: string): Page<T> {
  const edges = [...items];
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: {
      hasNextPage,
      hasPreviousPage: hadCursor,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: resumeCursor ?? edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
