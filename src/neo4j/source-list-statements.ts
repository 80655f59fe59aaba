import { SOURCE_PROPERTIES } from '../domain/source';

// Source list pages, newest first (ties by id, newest-first too), undated sources after the dated ones by id, with
// keyset cursors. One statement per shape, from closed pieces; the publisher text is only ever a parameter.

export interface SourceListShape {
  readonly publisher: boolean;
  readonly phase: 'nonNull' | 'null';
  readonly after: boolean;
}

const projection = `s {${SOURCE_PROPERTIES.map((p) => `.${p}`).join(', ')}}`;

/** One page. Params: $publisher (lower case), $afterValue (a DATE)/$afterId with a cursor, $limit. Returns: source, sortValue. */
export function sourceListStatement(shape: SourceListShape): string {
  const dated = shape.phase === 'nonNull';
  const conditions = dated
    ? ['s.publishedOn IS NOT NULL', ...(shape.after ? ['s.publishedOn <= $afterValue', '[s.publishedOn, s.id] < [$afterValue, $afterId]'] : [])]
    : ['s.publishedOn IS NULL', 's.id IS NOT NULL', ...(shape.after ? ['s.id < $afterId'] : [])];
  if (shape.publisher) conditions.push('toLower(s.publisher) CONTAINS $publisher');
  const order = dated ? 's.publishedOn DESC, s.id DESC' : 's.id DESC';
  return [
    `// One page of sources (generated): ${JSON.stringify(shape)}.`,
    'MATCH (s:Source)',
    `USING INDEX s:Source(${dated ? 'publishedOn' : 'id'})`,
    `WHERE ${conditions.join('\n  AND ')}`,
    `WITH s ORDER BY ${order} LIMIT $limit`,
    `RETURN ${projection} AS source, s.publishedOn AS sortValue`,
    `ORDER BY ${order}`,
  ].join('\n');
}

/** How many sources match. Params: $publisher. Returns: total. */
export function sourceCountStatement(publisher: boolean): string {
  return publisher
    ? '// How many sources a publisher filter matches (generated). Returns: total.\nMATCH (s:Source)\nWHERE toLower(s.publisher) CONTAINS $publisher\nRETURN count(s) AS total'
    : '// How many sources there are (count store). Returns: total.\nMATCH (s:Source)\nRETURN count(s) AS total';
}

export const ALL_SOURCE_LIST_SHAPES: SourceListShape[] = [false, true].flatMap((publisher) =>
  (['nonNull', 'null'] as const).flatMap((phase) => [false, true].map((after) => ({ publisher, phase, after }))),
);
