import type { FactDefinition, FilterSpec, PartySpec } from '../../facts/fact-definition';
import { precisionProperty } from '../../facts/fact-record';
import { totalsDimensions, totalsFilters, totalsMeasures, type TotalsDimension, type TotalsMeasure } from '../../facts/fact-totals';
import { AS_OF_PROPERTIES } from '../../domain/as-of';
import { factCountsAt, factMoneyAt, known, stateIndex } from './as-of-cypher';
import { factProjection, factsOfCompany, identifier, partyCompanies, partyPattern, partyRelTypes } from './cypher-text';
import { condition, filterParam } from './list-statements';
import { groupMembers, topParent } from './roll-up';

// Totals of one fact type, generated from its definition per request shape (a closed set: the definition's filters,
// parties, dimensions and measures; values are parameters). One statement per page: it starts from the most selective
// given filter (a party's company, then the main date's index), keeps the facts that count in the scope (the one
// date rule's fragments), groups them once, and cuts the page of groups with a keyset and LIMIT.

/** The shape of a totals request: what is given, grouped, sorted and bounded. */
export interface TotalsShape {
  /** Args of the list filters given (totalsFilters), in definition order. */
  readonly filters: readonly string[];
  /** Roles with a kind filter given. */
  readonly kindFilters: readonly string[];
  /** Dimension values, in the request's order. */
  readonly groupBy: readonly string[];
  /** A measure or a grouped dimension's value. */
  readonly sort: string;
  readonly descending: boolean;
  /** `having` bounds given, as `<measure key>:min` / `<measure key>:max`. */
  readonly having: readonly string[];
  readonly after: boolean;
  /** Groups named by the top-level parent of each grouped party's company (the roll-up rule, src/neo4j/facts/roll-up.ts). */
  readonly rollUp: boolean;
  /**
   * Only the groups of the companies in $keys (grouped by one party): the page the stored rankings found best first,
   * measured here like any group.
   */
  readonly keyed?: boolean;
  /**
   * Which facts count (default inScope): by their state on the date (status, confidence); or, when the scope counts
   * every known fact (countsEveryKnownFact) and only counts are computed, every `known` one, which reads one date
   * instead of the timeline; or `all`, when every fact of the type is known on the date (lastKnownStatement).
   */
  readonly counted?: FactsCounted;
  /**
   * The measures computed (values); none given: all. The count always is; the sort's and the having bounds' measures
   * must be among them. A page that shows no money reads no fact's money.
   */
  readonly measures?: readonly string[];
}

/** Which facts a totals statement counts: see TotalsShape.counted. */
export type FactsCounted = 'inScope' | 'known' | 'all';

/**
 * The latest day a fact of the type becomes known (its first state date, imprecise dates taken from the start of
 * their period or not), from that date's index: on or after it, every fact is known. Returns `last` (no row: no facts).
 */
export function lastKnownStatement(definition: FactDefinition, includeImprecise: boolean): string {
  const first = identifier(AS_OF_PROPERTIES[includeImprecise ? 'imprecise' : 'precise'].first);
  return `MATCH (f:${identifier(definition.name)}) WHERE f.${first} IS NOT NULL RETURN f.${first} AS last ORDER BY last DESC LIMIT 1`;
}

/** The shape of a page of one group's facts: the totals request's filters and groups, and which key values are null. */
export interface GroupFactsShape {
  readonly filters: readonly string[];
  readonly kindFilters: readonly string[];
  readonly groupBy: readonly string[];
  readonly nullKeys: readonly number[];
  readonly after: boolean;
  readonly companies: boolean;
  readonly rollUp: boolean;
}

/** The parameter of a kind filter on a party. */
export function kindsParam(role: string): string {
  return `kinds_${identifier(role)}`;
}

/** The parameter of a `having` bound. */
export function havingParam(bound: string): string {
  const [key, side] = bound.split(':');
  return `having_${identifier(key as string)}_${side === 'max' ? 'max' : 'min'}`;
}

function dimension(definition: FactDefinition, value: string): TotalsDimension {
  const found = totalsDimensions(definition).find((d) => d.value === value);
  if (!found) throw new Error(`${definition.name} totals have no dimension ${value}`);
  return found;
}

function measure(definition: FactDefinition, value: string): TotalsMeasure | undefined {
  return totalsMeasures(definition).find((m) => m.value === value);
}

/** The variable bound to a party's company in a group (one per role, whichever of its dimensions are grouped). */
const partyVar = (party: PartySpec) => `g_${identifier(party.role)}`;

/** A dimension's value for fact `f` (and its party's company): what its groups are keyed by. */
function keyExpression(definition: FactDefinition, d: TotalsDimension): string {
  switch (d.kind) {
    case 'party':
      return `${partyVar(d.party)}.id`;
    case 'partyKind':
      return `${partyVar(d.party)}.kind`;
    case 'partyCountry':
      return `${partyVar(d.party)}.country`;
    case 'field':
      return `f.${identifier(d.field.name)}`;
    case 'period': {
      const day = `f.${identifier(definition.dateField)}`;
      const year = `substring(toString(${day}), 0, 4)`;
      if (d.bucket === 'YEAR') return year;
      const yearOnly = `f.${identifier(precisionProperty(definition.dateField))} = 'YEAR'`;
      const known = d.bucket === 'QUARTER' ? `${year} + '-Q' + toString(${day}.quarter)` : `substring(toString(${day}), 0, 7)`;
      return `CASE WHEN ${day} IS NULL THEN null WHEN ${yearOnly} THEN ${year} + '${d.bucket === 'QUARTER' ? '-Q?' : '-??'}' ELSE ${known} END`;
    }
  }
}

/**
 * A dimension's value per fact row, and its key made from that value once grouped: a year is grouped as its number
 * (per fact, the text of a date costs more than the count itself) and written as four digits, as the text would be.
 */
function groupedKey(definition: FactDefinition, d: TotalsDimension): { row: string; key: (value: string) => string } {
  if (d.kind === 'period' && d.bucket === 'YEAR') return { row: `f.${identifier(definition.dateField)}.year`, key: (value) => `right('000' + toString(${value}), 4)` };
  return { row: keyExpression(definition, d), key: (value) => value };
}

/** The party filter a statement starts from, if any: the first given, in definition order. */
function anchorOf(definition: FactDefinition, filters: readonly string[]): FilterSpec | undefined {
  return totalsFilters(definition).find((filter) => filter.kind === 'party' && filters.includes(filter.arg));
}

/** The range filter on the main date a statement starts from when no party is given. */
function dateRangeOf(definition: FactDefinition, filters: readonly string[]): FilterSpec | undefined {
  return totalsFilters(definition).find((filter) => (filter.kind === 'atLeast' || filter.kind === 'atMost') && filter.field === definition.dateField && filters.includes(filter.arg));
}

/**
 * Whether a fact may come in several rows with one key: a grouped role of several companies (two rivals of one kind),
 * or a start from a company in any role.
 */
function repeats(definition: FactDefinition, shape: { filters: readonly string[]; groupBy: readonly string[] }): boolean {
  const anchor = anchorOf(definition, shape.filters);
  return groupedParties(definition, shape.groupBy).some((party) => party.pair || party.many) || (anchor?.kind === 'party' && anchor.role === '*');
}

/** Roles whose company a group is keyed by. */
function groupedParties(definition: FactDefinition, groupBy: readonly string[]): PartySpec[] {
  const roles = new Set(groupBy.map((value) => dimension(definition, value)).flatMap((d) => (d.kind === 'party' || d.kind === 'partyKind' || d.kind === 'partyCountry' ? [d.party.role] : [])));
  return definition.parties.filter((party) => roles.has(party.role));
}

/**
 * The facts that count in the scope and pass the filters, one row per fact and grouped party company: the start (a
 * party's company, a key's company, the main date's index or the label), the conditions, and a MATCH per grouped
 * party (OPTIONAL for a role of any number of companies, so a fact with none is in the group without one).
 * `keyed`: the index of the grouped party dimension whose company is given ($key_<i>), to start from it.
 */
function factRows(
  definition: FactDefinition,
  filters: readonly string[],
  kindFilters: readonly string[],
  groupBy: readonly string[],
  keyed: { index: number; party: PartySpec; list?: boolean } | null,
  rollUp: boolean,
  counted: FactsCounted = 'inScope',
): string[] {
  const label = identifier(definition.name);
  const anchor = keyed ? undefined : anchorOf(definition, filters);
  const range = keyed || anchor ? undefined : dateRangeOf(definition, filters);
  const grouped = groupedParties(definition, groupBy);
  // A start from a company in the role a group is keyed by is that group's company: no need to walk back to it.
  const anchorParty = anchor?.kind === 'party' && !rollUp ? grouped.find((party) => party.role === anchor.role && !party.many && !party.pair) : undefined;
  const lines: string[] = [];
  if (keyed) {
    const g = partyVar(keyed.party);
    if (keyed.list) lines.push('UNWIND $keys AS key', `MATCH (${g}:Company {id: key})`, `USING INDEX ${g}:Company(id)`);
    else lines.push(`MATCH (${g}:Company {id: $key_${keyed.index}})`, `USING INDEX ${g}:Company(id)`);
    if (rollUp) {
      // The group's companies: those below its key whose top-level parent it is.
      const [member, top] = [`${g}_member`, `${g}_top`];
      lines.push(groupMembers(g, member), topParent(member, top), `WITH * WHERE ${top} = ${g}`, `MATCH ${factsOfCompany(definition, keyed.party, member, 'f')}`);
    } else {
      lines.push(`MATCH ${factsOfCompany(definition, keyed.party, g, 'f')}`);
    }
  } else if (anchor && anchor.kind === 'party') {
    const param = `$${filterParam(anchor.arg)}`;
    const party = definition.parties.find((p) => p.role === anchor.role);
    const c = anchorParty ? partyVar(anchorParty) : 'c';
    const facts = anchor.role === '*' || !party ? `(${c})-[:${partyRelTypes(definition)}]-(f:${label})` : factsOfCompany(definition, party, c, 'f');
    lines.push(`MATCH (${c}:Company {id: ${param}})`, `USING INDEX ${c}:Company(id)`, `MATCH ${facts}`);
  } else if (range && range.kind !== 'party') {
    lines.push(`MATCH (f:${label})`, `USING INDEX f:${label}(${identifier(range.field)})`);
  } else {
    lines.push(`MATCH (f:${label})`);
  }
  // A range filter the start seeks on comes first, so the index hint has its predicate at hand.
  const given = totalsFilters(definition).filter((filter) => filters.includes(filter.arg) && filter !== anchor);
  const conditions = [...given.filter((filter) => filter === range), ...given.filter((filter) => filter !== range)].map((filter) => condition(definition, filter));
  for (const party of definition.parties) {
    if (!kindFilters.includes(party.role) || grouped.includes(party)) continue;
    conditions.push(`EXISTS { MATCH ${partyPattern(party, 'f', 'k')} WHERE k.kind IN $${kindsParam(party.role)} }`);
  }
  if (keyed && kindFilters.includes(keyed.party.role)) conditions.push(`${partyVar(keyed.party)}.kind IN $${kindsParam(keyed.party.role)}`);
  if (conditions.length > 0) lines.push(`WHERE ${conditions.join('\n  AND ')}`);
  // The fact's state on the date, read once: whether it counts here, its money later.
  const bound = keyed ? keyed.party : anchorParty;
  const carried = ['f', ...(bound ? [partyVar(bound)] : []), ...(counted === 'inScope' ? [`${stateIndex('f')} AS ${STATE}`] : [])].join(', ');
  const kept = [
    ...(counted === 'inScope' ? [factCountsAt('f', STATE)] : counted === 'known' ? [known('f')] : []),
    ...(anchorParty && kindFilters.includes(anchorParty.role) ? [`${partyVar(anchorParty)}.kind IN $${kindsParam(anchorParty.role)}`] : []),
  ];
  lines.push(`WITH ${carried}`, ...(kept.length > 0 ? [`WHERE ${kept.join('\nAND ')}`] : []));
  for (const party of grouped) {
    if (party === bound) continue;
    const g = partyVar(party);
    const kinds = kindFilters.includes(party.role);
    if (!rollUp) {
      if (kinds) lines.push(`MATCH ${partyPattern(party, 'f', g)}`, `WHERE ${g}.kind IN $${kindsParam(party.role)}`);
      else lines.push(`${party.many ? 'OPTIONAL MATCH' : 'MATCH'} ${partyPattern(party, 'f', g)}`);
      continue;
    }
    // Rolled up, the group is the company's top-level parent, and a kind filter asks for the parent's kind.
    const member = `${g}_member`;
    lines.push(`${party.many && !kinds ? 'OPTIONAL MATCH' : 'MATCH'} ${partyPattern(party, 'f', member)}`, `${party.many && !kinds ? 'OPTIONAL ' : ''}${topParent(member, g)}`);
    if (kinds) lines.push(`WITH * WHERE ${g}.kind IN $${kindsParam(party.role)}`);
  }
  return lines;
}

/** The variable holding a fact's state index on the date (see stateIndex in src/domain/as-of.ts). */
const STATE = 'fState';

/** The value a measure is held in after grouping. */
const measureVar = (m: TotalsMeasure) => `m_${identifier(m.key)}`;

/**
 * The aggregates over rows of fact `f` (and its money by kind `m` as of the date) that the measures are read from:
 * the count, a sum per money slot the measures add up, and per extreme its highest value or its latest [day, id, value].
 */
export function aggregatesOf(definition: FactDefinition, measures: readonly TotalsMeasure[]): string[] {
  const slots = [...new Set(measures.flatMap((m) => (m.kind === 'money' ? m.slots : [])))].sort((a, b) => a - b);
  return [
    ...(measures.some((m) => m.kind === 'count') ? ['count(f) AS m_count'] : []),
    ...slots.map((slot) => `sum(m[${slot}]) AS money${slot}`),
    ...measures.flatMap((m) => {
      const field = m.kind === 'highest' || m.kind === 'latest' ? `f.${identifier(m.field)}` : '';
      if (m.kind === 'highest') return [`max(${field}) AS ${measureVar(m)}`];
      if (m.kind === 'latest') return [`max(CASE WHEN ${field} IS NOT NULL THEN [coalesce(toString(f.${identifier(definition.dateField)}), ''), f.id, ${field}] END) AS ${measureVar(m)}_at`];
      return [];
    }),
  ];
}

/** A measure's value from its aggregates (aggregatesOf): money of a kind is the sum of its slots (headline: paid + committed). */
export function valueOf(m: TotalsMeasure): string {
  if (m.kind === 'money') return m.slots.map((slot) => `money${slot}`).join(' + ');
  if (m.kind === 'latest') return `${measureVar(m)}_at[2]`;
  return measureVar(m);
}

/**
 * One totals measure of the facts company variable `company` takes part in, in one role, as they stood on the scope's
 * date: a CALL subquery returning `into` (0 for a count or money over no facts, null for an extreme none reports).
 * The pieces of a totals group keyed by that party, so `companies` ranked by it says what `<type>Totals` grouped by
 * it says. Params: the scope's.
 */
export function companyMeasureSubquery(definition: FactDefinition, party: PartySpec, measureValue: string, company: string, into: string): string[] {
  const m = measure(definition, measureValue);
  if (!m) throw new Error(`${definition.name} totals have no measure ${measureValue}`);
  return [
    `CALL (${identifier(company)}) {`,
    `  MATCH ${factsOfCompany(definition, party, identifier(company), 'f')}`,
    `  WITH f, ${stateIndex('f')} AS ${STATE}`,
    `  WHERE ${factCountsAt('f', STATE)}`,
    ...(m.kind === 'money' ? [`  WITH f, ${factMoneyAt('f', STATE)} AS m`] : []),
    `  WITH ${aggregatesOf(definition, [m]).join(', ')}`,
    `  RETURN ${valueOf(m)} AS ${identifier(into)}`,
    '}',
  ];
}

/**
 * One page of groups. Params: the given filters ($filter_<arg>), kind filters ($kinds_<role>), the scope's
 * ($asOfDay, $includeImprecise, $statuses, $minConfidenceRank), having bounds ($having_<measure>_min/max), $after
 * (a position) with a cursor, $limit. Returns: groupKeys (one per dimension: a company id, a kind, a country, an enum
 * value, a bucket), measures (by measure key), position (the keyset: [null flag, sort value, keys...]).
 */
export function totalsStatement(definition: FactDefinition, shape: TotalsShape): string {
  const dims = shape.groupBy.map((value) => dimension(definition, value));
  const measures = totalsMeasures(definition).filter((m) => !shape.measures || m.kind === 'count' || shape.measures.includes(m.value));
  const money = measures.some((m) => m.kind === 'money');
  const counted = shape.counted ?? 'inScope';
  if (counted !== 'inScope' && measures.some((m) => m.kind !== 'count')) throw new Error(`${definition.name} totals read money, so count the facts in scope by their state`);
  const sortMeasure = measure(definition, shape.sort);
  if (sortMeasure && !measures.some((m) => m.value === sortMeasure.value)) throw new Error(`${definition.name} totals sorted by ${shape.sort} must compute it`);
  const sortIndex = sortMeasure ? -1 : shape.groupBy.indexOf(shape.sort);
  if (!sortMeasure && sortIndex < 0) throw new Error(`${definition.name} totals cannot be sorted by ${shape.sort} when not grouped by it`);
  const sortDim = sortIndex >= 0 ? dims[sortIndex] : undefined;
  const keys = dims.map((_, i) => `k${i}`);
  // A party dimension sorts by its company's name (ties by the keys, ids among them).
  const sortName = sortDim?.kind === 'party' ? `${partyVar(sortDim.party)}.name` : null;
  const grouped = dims.map((d) => groupedKey(definition, d));
  const rows = [...grouped.map((g, i) => `${g.row} AS ${keys[i]}`), ...(sortName ? [`${sortName} AS sortName`] : [])];
  const aggregates = aggregatesOf(definition, measures);
  const values = measures.map((m) => `${valueOf(m)} AS ${measureVar(m)}`);
  const having = shape.having.map((bound) => {
    const [key, side] = bound.split(':');
    const m = measures.find((x) => x.key === key);
    if (!m) throw new Error(`${definition.name} totals have no measure ${key}`);
    return `${measureVar(m)} ${side === 'max' ? '<=' : '>='} $${havingParam(bound)}`;
  });
  const sortValue = sortMeasure ? measureVar(sortMeasure) : (sortName ? 'sortName' : keys[sortIndex]) as string;
  const [valued, missing] = shape.descending ? [1, 0] : [0, 1];
  const position = `[CASE WHEN ${sortValue} IS NULL THEN ${missing} ELSE ${valued} END, coalesce(${sortValue}, ${sortMeasure ? '0' : "''"}), ${keys.map((k) => `coalesce(${k}, '')`).join(', ')}]`;
  const direction = shape.descending ? 'DESC' : 'ASC';
  return [
    `// Totals of ${definition.plural} (generated): ${JSON.stringify(shape)}.`,
    ...factRows(definition, shape.filters, shape.kindFilters, shape.groupBy, keyedList(definition, shape), shape.rollUp, counted),
    // A fact is in a group once, however many of its companies share the group's key (two rivals of one kind).
    `WITH ${repeats(definition, shape) ? 'DISTINCT ' : ''}f, ${counted === 'inScope' ? `${STATE}, ` : ''}${rows.join(', ')}`,
    ...(money ? [`WITH f, ${[...keys, ...(sortName ? ['sortName'] : [])].join(', ')}, ${factMoneyAt('f', STATE)} AS m`] : []),
    `WITH ${[...keys, ...(sortName ? ['sortName'] : []), ...aggregates].join(', ')}`,
    `WITH ${[...keys.map((k, i) => (grouped[i]!.key(k) === k ? k : `${grouped[i]!.key(k)} AS ${k}`)), ...(sortName ? ['sortName'] : []), ...values].join(', ')}`,
    ...(having.length > 0 ? [`WHERE ${having.join(' AND ')}`] : []),
    `WITH *, ${position} AS position`,
    ...(shape.after ? [`WHERE position ${shape.descending ? '<' : '>'} $after`] : []),
    `RETURN [${keys.join(', ')}] AS groupKeys, {${measures.map((m) => `${identifier(m.key)}: ${measureVar(m)}`).join(', ')}} AS measures, position`,
    `ORDER BY position ${direction}`,
    'LIMIT $limit',
  ].join('\n');
}

/** The start of a totals page of given companies' groups (shape.keyed): the one grouped party, from $keys. */
function keyedList(definition: FactDefinition, shape: TotalsShape): { index: number; party: PartySpec; list: true } | null {
  if (!shape.keyed) return null;
  const [only] = shape.groupBy.map((value) => dimension(definition, value));
  if (shape.groupBy.length !== 1 || only?.kind !== 'party' || shape.rollUp) throw new Error(`${definition.name} totals keyed by companies group by one party, not rolled up`);
  return { index: 0, party: only.party, list: true };
}

/**
 * One page of one group's facts, newest first (by the main date, undated last, ties by id): the facts of the totals
 * request whose keys are the group's ($key_<i>; null keys by the shape). Starts from the group's company when it is
 * keyed by one. Params: the totals request's, $key_<i>, $after ([dated flag, day, id]) with a cursor, $limit.
 * Returns: fact, companies, position.
 */
export function groupFactsStatement(definition: FactDefinition, shape: GroupFactsShape): string {
  const dims = shape.groupBy.map((value) => dimension(definition, value));
  const keyedIndex = dims.findIndex((d, i) => d.kind === 'party' && !shape.nullKeys.includes(i));
  const keyedDim = dims[keyedIndex];
  const keyed = keyedDim?.kind === 'party' ? { index: keyedIndex, party: keyedDim.party } : null;
  const checks = dims.flatMap((d, i) => {
    if (keyed && i === keyed.index) return [];
    if (d.kind === 'party' && shape.nullKeys.includes(i)) return [`${partyVar(d.party)} IS NULL`];
    return [shape.nullKeys.includes(i) ? `${keyExpression(definition, d)} IS NULL` : `${keyExpression(definition, d)} = $key_${i}`];
  });
  const day = `f.${identifier(definition.dateField)}`;
  const position = `[CASE WHEN ${day} IS NULL THEN 0 ELSE 1 END, coalesce(toString(${day}), ''), f.id]`;
  return [
    `// One page of a group's ${definition.plural} (generated): ${JSON.stringify(shape)}.`,
    ...factRows(definition, shape.filters, shape.kindFilters, shape.groupBy, keyed, shape.rollUp),
    ...(checks.length > 0 ? ['WITH *', `WHERE ${checks.join(' AND ')}`] : []),
    `WITH DISTINCT f`,
    `WITH f, ${position} AS position`,
    ...(shape.after ? ['WHERE position < $after'] : []),
    'WITH f, position ORDER BY position DESC LIMIT $limit',
    `RETURN ${factProjection(definition, 'f')} AS fact, ${shape.companies ? partyCompanies(definition, 'f') : '[]'} AS companies, position`,
    'ORDER BY position DESC',
  ].join('\n');
}
