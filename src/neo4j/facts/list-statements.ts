import type { FactDefinition, FilterSpec } from '../../facts/fact-definition';
import type { FactDetail } from '../../facts/fact-detail';
import { factProjection, factsOfCompany, identifier, partyCompanies, partyRelTypes } from './cypher-text';

/**
 * The shape of a list request: which filters are given, the order, and which part of the order the page reads.
 * Statements are chosen per shape from closed pieces (the definition's names only), so each starts where the
 * planner can seek: the company of a party filter, else the index that serves the order.
 */
export interface ListShape {
  /** Args of the filters given, in definition order. */
  readonly filters: readonly string[];
  readonly sortField: string;
  readonly descending: boolean;
  /** nonNull: the facts with a value for the sort field, in its order; null: those without one, by id. */
  readonly phase: 'nonNull' | 'null';
  readonly after: boolean;
  /** Whether the page returns its parties' companies (to prime the loader) or leaves them to the loader. */
  readonly companies: boolean;
  /** How much of each fact the page projects (see FactDetail). */
  readonly detail: FactDetail;
}

/** The parameter carrying a filter's value. */
export function filterParam(arg: string): string {
  return `filter_${identifier(arg)}`;
}

/** The condition a given list filter puts on fact `f` (its value in $filter_<arg>). */
export function condition(definition: FactDefinition, filter: FilterSpec): string {
  const param = `$${filterParam(filter.arg)}`;
  switch (filter.kind) {
    case 'party':
      return filter.role === '*'
        ? `EXISTS { (f)-[:${partyRelTypes(definition)}]-(:Company {id: ${param}}) }`
        : `EXISTS { ${partyPatternFor(definition, filter.role, param)} }`;
    case 'atLeast':
      return `f.${identifier(filter.field)} >= ${param}`;
    case 'atMost':
      return filter.undatedPasses ? `(f.${identifier(filter.field)} IS NULL OR f.${identifier(filter.field)} <= ${param})` : `f.${identifier(filter.field)} <= ${param}`;
    case 'equals':
      return `f.${identifier(filter.field)} = ${param}`;
    case 'oneOf':
      return `f.${identifier(filter.field)} IN ${param}`;
  }
}

function partyPatternFor(definition: FactDefinition, role: string, param: string): string {
  const party = definition.parties.find((p) => p.role === role);
  if (!party) throw new Error(`${definition.name} has no party ${role}`);
  const rel = `[:${identifier(party.rel)}]`;
  return party.direction === 'toFact' ? `(f)<-${rel}-(:Company {id: ${param}})` : `(f)-${rel}->(:Company {id: ${param}})`;
}

/** The party filter a list starts from, if any: the first given, in definition order. */
function anchorOf(definition: FactDefinition, shape: ListShape): FilterSpec | undefined {
  return definition.list.filters.find((filter) => filter.kind === 'party' && shape.filters.includes(filter.arg));
}

/** Where the list starts reading: a company (then its facts), or the sort field's index, or the id index. */
function start(definition: FactDefinition, shape: ListShape, anchor: FilterSpec | undefined): string[] {
  const label = identifier(definition.name);
  if (anchor && anchor.kind === 'party') {
    const param = `$${filterParam(anchor.arg)}`;
    const facts =
      anchor.role === '*'
        ? `(c)-[:${partyRelTypes(definition)}]-(f:${label})`
        : factsOfCompany(
            definition,
            definition.parties.find((p) => p.role === anchor.role) as never,
            'c',
            'f',
          );
    return [`MATCH (c:Company {id: ${param}})`, 'USING INDEX c:Company(id)', `MATCH ${facts}`];
  }
  const sort = identifier(shape.sortField);
  if (shape.phase === 'null' || sort === 'id') return [`MATCH (f:${label})`, `USING INDEX f:${label}(id)`];
  return [`MATCH (f:${label})`, `USING INDEX f:${label}(${sort})`];
}

/** The conditions of a page: filters (the anchor's is implied), the phase, and the position after the cursor. */
function conditions(definition: FactDefinition, shape: ListShape, anchor: FilterSpec | undefined): string[] {
  const sort = identifier(shape.sortField);
  const out = definition.list.filters.filter((filter) => shape.filters.includes(filter.arg) && filter !== anchor).map((filter) => condition(definition, filter));
  const before = shape.descending ? '<' : '>';
  if (sort === 'id') {
    out.unshift('f.id IS NOT NULL');
    if (shape.after) out.push(`f.id ${before} $afterId`);
  } else if (shape.phase === 'null') {
    out.unshift(`f.${sort} IS NULL`, 'f.id IS NOT NULL');
    if (shape.after) out.push(`f.id ${before} $afterId`);
  } else {
    out.unshift(`f.${sort} IS NOT NULL`);
    // The first condition bounds the index seek; the list comparison places the page exactly (ties by id).
    if (shape.after) out.push(`f.${sort} ${before}= $afterValue`, `[f.${sort}, f.id] ${before} [$afterValue, $afterId]`);
  }
  return out;
}

function orderBy(shape: ListShape): string {
  const direction = shape.descending ? 'DESC' : 'ASC';
  const sort = identifier(shape.sortField);
  return sort === 'id' || shape.phase === 'null' ? `f.id ${direction}` : `f.${sort} ${direction}, f.id ${direction}`;
}

/**
 * One page of a list shape: LIMIT before the facts are projected. Params: the given filters ($filter_<arg>),
 * $afterValue/$afterId with a cursor, $limit. Returns: fact, companies, sortValue.
 */
export function listStatement(definition: FactDefinition, shape: ListShape): string {
  const anchor = anchorOf(definition, shape);
  const sort = identifier(shape.sortField);
  return [
    `// One page of ${definition.plural} (generated): ${JSON.stringify(shape)}.`,
    ...start(definition, shape, anchor),
    `WHERE ${conditions(definition, shape, anchor).join('\n  AND ')}`,
    `WITH f ORDER BY ${orderBy(shape)} LIMIT $limit`,
    `RETURN ${factProjection(definition, 'f', shape.detail)} AS fact, ${shape.companies ? partyCompanies(definition, 'f', shape.detail) : '[]'} AS companies, f.${sort} AS sortValue`,
    `ORDER BY ${orderBy(shape)}`,
  ].join('\n');
}

/**
 * How many facts match the filters of a shape: from the anchor's company, or from the count store when nothing is
 * filtered. Params: the given filters. Returns: total.
 */
export function countStatement(definition: FactDefinition, filters: readonly string[]): string {
  const label = identifier(definition.name);
  const shape: ListShape = { filters, sortField: 'id', descending: false, phase: 'nonNull', after: false, companies: false, detail: 'core:' };
  const anchor = anchorOf(definition, shape);
  if (!anchor && filters.length === 0) return `// How many ${definition.plural} there are (count store). Returns: total.\nMATCH (f:${label})\nRETURN count(f) AS total`;
  const others = definition.list.filters.filter((filter) => filters.includes(filter.arg) && filter !== anchor).map((filter) => condition(definition, filter));
  const head = anchor ? start(definition, shape, anchor) : [`MATCH (f:${label})`];
  return [`// How many ${definition.plural} match (generated): ${filters.join(', ')}.`, ...head, ...(others.length > 0 ? [`WHERE ${others.join('\n  AND ')}`] : []), 'RETURN count(DISTINCT f) AS total'].join('\n');
}
