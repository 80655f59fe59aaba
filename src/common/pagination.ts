import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import { IsOptional, Max, Min, MaxLength } from 'class-validator';
import { badInput } from './errors';

/** Largest page a client may ask for. */
export const MAX_PAGE_SIZE = 100;

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: `Page size, 1-${MAX_PAGE_SIZE}.` })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = 20;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of the previous page.' })
  @IsOptional()
  @MaxLength(200)
  after?: string | null;
}

/** Cursors are opaque to clients; they encode the position in the sorted result. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`, 'utf8').toString('base64url');
}

/** Reads a cursor back; a forged or garbled cursor is BAD_USER_INPUT, not a server error. */
export function decodeCursor(cursor: string | null | undefined): number {
  if (cursor === null || cursor === undefined) return 0;
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw badInput('after', 'not a cursor returned by this API');
  return Number(match[1]) + 1;
}

/** Builds edges and page info from rows fetched with one extra row to detect a next page. */
export function toPage<T>(rows: T[], offset: number, first: number): { edges: { cursor: string; node: T }[]; pageInfo: PageInfo } {
  const page = rows.slice(0, first);
  const edges = page.map((node, index) => ({ cursor: encodeCursor(offset + index), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
