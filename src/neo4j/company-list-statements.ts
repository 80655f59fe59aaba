// Company list pages with keyset cursors, one statement per shape (which filters are given, the order, the phase,
// whether a cursor is given), built from closed pieces: user values are only ever parameters. Each statement reads
// an index in the list's order (per kind from the (kind, order) indexes when kinds are filtered) and stops at the
// page, so a page costs the same at any depth and any graph size.

/** Filters of the company list, with the condition each adds. */
const CONDITIONS = {
  kinds: 'c.kind IN $kinds',
  country: 'c.country = $country',
  namePrefix: 'c.nameLower STARTS WITH $namePrefix',
  foundedFrom: 'c.founded >= $foundedFrom',
  foundedTo: 'c.founded <= $foundedTo',
} as const;

export type CompanyFilterName = keyof typeof CONDITIONS;
export const COMPANY_FILTERS = Object.keys(CONDITIONS) as CompanyFilterName[];

/** The conditions on company `c` of the given filters. */
export function companyConditions(filters: readonly CompanyFilterName[]): string[] {
  return filters.map((f) => CONDITIONS[f]);
}

/** Stored properties a list can be ordered by (ties by id, in the same direction). */
export type CompanyOrderProperty = 'nameLower' | 'id' | 'founded';

export interface CompanyListShape {
  readonly filters: readonly CompanyFilterName[];
  readonly order: CompanyOrderProperty;
  readonly descending: boolean;
  /** nonNull: companies with a value for the order property, in its order; null: the others (unknown founding year), by id. */
  readonly phase: 'nonNull' | 'null';
  readonly after: boolean;
}

/** Orders a (kind, order) composite index serves (migration 005). */
const KIND_INDEXED: readonly CompanyOrderProperty[] = ['nameLower', 'id'];

function keyset(shape: CompanyListShape): string[] {
  const cmp = shape.descending ? '<' : '>';
  if (shape.order === 'id' || shape.phase === 'null') {
    const out = shape.phase === 'null' ? [`c.${shape.order} IS NULL`, 'c.id IS NOT NULL'] : ['c.id IS NOT NULL'];
    return shape.after ? [...out, `c.id ${cmp} $afterId`] : out;
  }
  const out = [`c.${shape.order} IS NOT NULL`];
  // The first bounds the index seek; the list comparison places the page exactly (ties by id).
  return shape.after ? [...out, `c.${shape.order} ${cmp}= $afterValue`, `[c.${shape.order}, c.id] ${cmp} [$afterValue, $afterId]`] : out;
}

function orderBy(shape: CompanyListShape, prefix = ''): string {
  const direction = shape.descending ? 'DESC' : 'ASC';
  return shape.order === 'id' || shape.phase === 'null' ? `${prefix}c.id ${direction}` : `${prefix}c.${shape.order} ${direction}, ${prefix}c.id ${direction}`;
}

/**
 * One page. Params: the given filters ($kinds, $country, $namePrefix lower case, $foundedFrom, $foundedTo),
 * $afterValue/$afterId with a cursor, $limit. Returns: company (map), sortValue.
 */
export function companyListStatement(shape: CompanyListShape, companyMap: (variable: string) => string): string {
  const index = shape.phase === 'null' ? 'id' : shape.order;
  const conditions = [...keyset(shape), ...shape.filters.filter((f) => f !== 'kinds' || !KIND_INDEXED.includes(index)).map((f) => CONDITIONS[f])];
  const header = `// One page of companies (generated): ${JSON.stringify(shape)}.`;
  const tail = [`RETURN ${companyMap('c')} AS company, c.${shape.order} AS sortValue`, `ORDER BY ${orderBy(shape)}`];
  if (shape.filters.includes('kinds') && KIND_INDEXED.includes(index)) {
    return [
      header,
      'UNWIND $kinds AS k',
      'WITH DISTINCT k AS kind',
      'CALL (kind) {',
      '  MATCH (c:Company)',
      `  USING INDEX c:Company(kind, ${index})`,
      `  WHERE c.kind = kind AND ${conditions.join('\n    AND ')}`,
      '  RETURN c',
      `  ORDER BY c.kind, ${orderBy(shape)}`,
      '  LIMIT $limit',
      '}',
      `WITH c ORDER BY ${orderBy(shape)} LIMIT $limit`,
      ...tail,
    ].join('\n');
  }
  return [header, 'MATCH (c:Company)', `USING INDEX c:Company(${index})`, `WHERE ${conditions.join('\n  AND ')}`, `WITH c ORDER BY ${orderBy(shape)} LIMIT $limit`, ...tail].join('\n');
}

/** How many companies match the given filters (the count store when none). Returns: total. */
export function companyCountStatement(filters: readonly CompanyFilterName[]): string {
  if (filters.length === 0) return '// How many companies there are (count store). Returns: total.\nMATCH (c:Company)\nRETURN count(c) AS total';
  return [`// How many companies match (generated): ${filters.join(', ')}.`, 'MATCH (c:Company)', `WHERE ${filters.map((f) => CONDITIONS[f]).join('\n  AND ')}`, 'RETURN count(c) AS total'].join('\n');
}

/** Every shape, for tests that EXPLAIN them all. */
export function allCompanyListShapes(): CompanyListShape[] {
  const subsets = COMPANY_FILTERS.reduce<CompanyFilterName[][]>((acc, f) => [...acc, ...acc.map((s) => [...s, f])], [[]]);
  const shapes: CompanyListShape[] = [];
  for (const filters of subsets) {
    for (const order of ['nameLower', 'id', 'founded'] as const) {
      for (const descending of [false, true]) {
        for (const phase of order === 'founded' ? (['nonNull', 'null'] as const) : (['nonNull'] as const)) {
          for (const after of [false, true]) shapes.push({ filters, order, descending, phase, after });
        }
      }
    }
  }
  return shapes;
}
