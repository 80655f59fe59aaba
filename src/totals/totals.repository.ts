import { countsEveryKnownFact, scopeDay, type FactScope } from '../domain/as-of';
import type { FactDefinition } from '../facts/fact-definition';
import { totalsDimensions, totalsFilters, totalsMeasures } from '../facts/fact-totals';
import type { PartialDate } from '../domain/partial-date';
import { scopeParams } from '../neo4j/as-of';
import type { Database, Row, Tx } from '../neo4j/database';
import { listFilterParams, toFactRow, type FactRow } from '../neo4j/facts/fact-repository';
import { groupFactsStatement, havingParam, kindsParam, lastKnownStatement, totalsStatement, type FactsCounted, type GroupFactsShape, type TotalsShape } from '../neo4j/facts/totals-statements';
import { int } from '../neo4j/params';
import { rankingOfGroups, readsStoredRankings } from '../facts/company-rankings';
import { storedRankingBatchStatement } from '../neo4j/company-ranking-statements';
import { companyMap } from '../neo4j/facts/cypher-text';
import { storedRankingPage } from '../neo4j/stored-ranking-page';

/** A totals request: how to group, which facts (filters, kinds of parties, the scope), which groups, in what order. */
export interface TotalsQuery {
  /** Dimension values, 1 to MAX_GROUP_BY, none twice. */
  readonly groupBy: readonly string[];
  /** Values of the totals filters by arg (as the list takes them: PartialDates, numbers, strings, lists). */
  readonly filters: Readonly<Record<string, unknown>>;
  /** Company kinds by party role (a party kind filter). */
  readonly kinds: Readonly<Record<string, readonly string[]>>;
  /** `having` bounds: `<measure key>:min` / `<measure key>:max` -> value. */
  readonly having: Readonly<Record<string, number>>;
  /** A measure or a grouped dimension's value. */
  readonly sort: string;
  readonly descending: boolean;
  /** Groups of a party named by its company's top-level parent. */
  readonly rollUp: boolean;
  readonly scope: FactScope;
  /** The measures the answer shows (values); none given: all. The sort's and the having bounds' are added. */
  readonly measures?: readonly string[];
}

/** A position in the keyset of groups: [null flag, sort value, key...] (see totalsStatement). */
export type TotalsPosition = readonly unknown[];

/** One group: its keys (one per dimension, in groupBy order) and its measures by key. */
export interface TotalsGroup {
  readonly keys: readonly (string | null)[];
  readonly measures: Readonly<Record<string, number | null>>;
  readonly position: TotalsPosition;
}

/** A position in a group's facts: [dated flag, day, id]. */
export type GroupFactPosition = readonly [number, string, string];

/**
 * Totals of one fact type: a page of groups in one statement, and a page of one group's facts. Statements are made
 * per request shape from the definition (src/neo4j/facts/totals-statements.ts) and kept.
 */
export class TotalsRepository {
  private readonly shapes = new Map<string, string>();

  constructor(
    private readonly db: Database,
    readonly definition: FactDefinition,
  ) {}

  /** One page of groups after `after`, at most `first`, and whether more follow. */
  async totals(query: TotalsQuery, first: number, after: TotalsPosition | null): Promise<{ items: TotalsGroup[]; hasMore: boolean }> {
    // One group at most: its order is any sort's, so a first page sorts by a key and computes no measure for it.
    if (after === null && this.singleGroup(query) && totalsMeasures(this.definition).some((m) => m.value === query.sort)) {
      query = { ...query, sort: query.groupBy[0]!, descending: false };
    }
    const measures = this.computed(query);
    const shape: TotalsShape = { ...this.given(query), sort: query.sort, descending: query.descending, having: Object.keys(query.having).sort(), after: after !== null, measures };
    const countsKnown = this.mayCountKnown(query.scope, measures);
    const keys = countsKnown ? null : await this.bestFirst(query, shape, first + 1, after);
    const params = {
      ...this.params(query),
      ...Object.fromEntries(Object.entries(query.having).map(([bound, value]) => [havingParam(bound), value])),
      ...(after && !keys ? { after: [...after] } : {}),
      ...(keys ? { keys } : {}),
      limit: int(first + 1),
    };
    // The latest known date and the page in one transaction: a second would cost more than the statement.
    const rows = await this.db.read(async (tx) => {
      const counted = countsKnown ? await this.knownOrAll(tx, query.scope) : 'inScope';
      const pageShape: TotalsShape = keys ? { ...shape, after: false, keyed: true } : counted === 'inScope' ? shape : { ...shape, counted };
      return tx.rows(this.statement(`totals:${JSON.stringify(pageShape)}`, () => totalsStatement(this.definition, pageShape)), params);
    });
    const integers = new Set(totalsMeasures(this.definition).filter((m) => m.kind === 'count' || (m.kind === 'money' && m.integer)).map((m) => m.key));
    const items = rows.map((row) => ({
      keys: (row.groupKeys as (string | null)[]).map((key) => key ?? null),
      measures: Object.fromEntries(Object.entries(row.measures as Record<string, number | null>).map(([key, value]) => [key, value === null || value === undefined ? null : integers.has(key) ? Math.round(value) : value])),
      position: row.position as unknown[],
    }));
    return { items: items.slice(0, first), hasMore: items.length > first };
  }

  /**
   * The companies of the next page when the stored rankings know its order (grouped by one party, ranked by a measure
   * a ranking keeps, best first, nothing filtered, in the scope they are kept in); null to read the page the other way.
   */
  private async bestFirst(query: TotalsQuery, shape: TotalsShape, limit: number, after: TotalsPosition | null): Promise<string[] | null> {
    const ranking = rankingOfGroups(this.definition, shape.groupBy, shape.sort);
    const plain = shape.filters.length === 0 && shape.kindFilters.length === 0 && shape.having.length === 0 && !shape.rollUp;
    if (!ranking || !plain || !shape.descending || !readsStoredRankings(query.scope)) return null;
    // A position is [1 for a value, value, company id] best first; one without a value lies past what rankings place.
    if (after && (after[0] !== 1 || typeof after[1] !== 'number' || typeof after[2] !== 'string')) return null;
    const statement = this.statement(`ranked:${ranking.value}`, () => storedRankingBatchStatement({ ranking: ranking.value, filters: [] }, companyMap));
    const cursor = after ? { value: after[1] as number, id: after[2] as string } : null;
    const page = await storedRankingPage(this.db, statement, scopeParams(query.scope), cursor, limit);
    return page ? page.map((row) => (row.company as { id: string }).id) : null;
  }

  /** One page of a group's facts (newest first), the group named by its keys (in the query's groupBy order). */
  async groupFacts(query: TotalsQuery, keys: readonly (string | null)[], first: number, after: GroupFactPosition | null, withCompanies: boolean): Promise<{ items: { row: FactRow; position: GroupFactPosition }[]; hasMore: boolean }> {
    const nullKeys = keys.flatMap((key, i) => (key === null ? [i] : []));
    const shape: GroupFactsShape = { ...this.given(query), nullKeys, after: after !== null, companies: withCompanies };
    const rows = await this.db.readRows(this.statement(`facts:${JSON.stringify(shape)}`, () => groupFactsStatement(this.definition, shape)), {
      ...this.params(query),
      ...Object.fromEntries(keys.flatMap((key, i) => (key === null ? [] : [[`key_${i}`, key]]))),
      ...(after ? { after: [int(after[0]), after[1], after[2]] } : {}),
      limit: int(first + 1),
    });
    const items = rows.map((row: Row) => ({
      row: toFactRow(this.definition, row),
      position: row.position as unknown as GroupFactPosition,
    }));
    return { items: items.slice(0, first), hasMore: items.length > first };
  }

  /**
   * Which facts a page that may count known facts counts (see TotalsShape.counted): all of them when the latest known
   * date of the type is on or before the scope's day, else the known ones.
   */
  private async knownOrAll(tx: Tx, scope: FactScope): Promise<FactsCounted> {
    const [row] = await tx.rows(this.statement(`lastKnown:${scope.includeImprecise}`, () => lastKnownStatement(this.definition, scope.includeImprecise)));
    return row === undefined || (row.last as string) <= scopeDay(scope) ? 'all' : 'known';
  }

  /** Whether a page only counts, in a scope that counts every known fact (see knownOrAll). */
  private mayCountKnown(scope: FactScope, measures: readonly string[] | undefined): boolean {
    return measures !== undefined && countsEveryKnownFact(scope) && totalsMeasures(this.definition).every((m) => m.kind === 'count' || !measures.includes(m.value));
  }

  /**
   * Whether the filters leave at most one group: every dimension is a party of one company the filters name (not
   * rolled up), or the year of the main date when the date range lies within one year.
   */
  private singleGroup(query: TotalsQuery): boolean {
    const filters = this.givenFilters(query);
    const yearOf = (kind: string) => {
      const filter = filters.find((f) => f.kind === kind && f.kind !== 'party' && f.field === this.definition.dateField);
      return filter ? (query.filters[filter.arg] as PartialDate).start.slice(0, 4) : null;
    };
    return query.groupBy.every((value) => {
      const dimension = totalsDimensions(this.definition).find((d) => d.value === value);
      if (dimension?.kind === 'party') return !query.rollUp && !dimension.party.many && !dimension.party.pair && filters.some((f) => f.kind === 'party' && f.role === dimension.party.role);
      if (dimension?.kind === 'period' && dimension.bucket === 'YEAR') return yearOf('atLeast') !== null && yearOf('atLeast') === yearOf('atMost');
      return false;
    });
  }

  /** The measures a page computes: those shown, the sort's and the having bounds' (all when the query names none). */
  private computed(query: TotalsQuery): string[] | undefined {
    if (!query.measures) return undefined;
    const all = totalsMeasures(this.definition);
    const bounded = Object.keys(query.having).map((bound) => all.find((m) => m.key === bound.split(':')[0])?.value);
    const wanted = new Set([...query.measures, query.sort, ...bounded]);
    return all.filter((m) => wanted.has(m.value)).map((m) => m.value);
  }

  /** The totals filters a query gives a value. */
  private givenFilters(query: TotalsQuery) {
    return totalsFilters(this.definition).filter((f) => query.filters[f.arg] !== undefined && query.filters[f.arg] !== null);
  }

  /** What of a query decides its statement's shape, besides order and page. */
  private given(query: TotalsQuery) {
    return {
      filters: this.givenFilters(query).map((f) => f.arg),
      kindFilters: this.definition.parties.filter((p) => query.kinds[p.role] !== undefined).map((p) => p.role),
      groupBy: [...query.groupBy],
      rollUp: query.rollUp,
    };
  }

  private params(query: TotalsQuery): Record<string, unknown> {
    const filters = Object.fromEntries(totalsFilters(this.definition).map((f) => [f.arg, query.filters[f.arg]]));
    return {
      ...listFilterParams(this.definition, filters),
      ...Object.fromEntries(Object.entries(query.kinds).map(([role, kinds]) => [kindsParam(role), [...kinds]])),
      ...scopeParams(query.scope),
      rollUp: query.rollUp,
    };
  }

  private statement(key: string, make: () => string): string {
    let statement = this.shapes.get(key);
    if (!statement) this.shapes.set(key, (statement = make()));
    return statement;
  }
}
