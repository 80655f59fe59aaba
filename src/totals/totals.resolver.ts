import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Int, Query, Resolver, Root, type ClassType } from 'type-graphql';
import { badInput } from '../domain/errors';
import type { FactDefinition } from '../facts/fact-definition';
import { inScope } from '../facts/fact-lifecycle';
import { kindFilterArg, totalsDimensions, totalsFilters, totalsMeasures } from '../facts/fact-totals';
import { totalsCost, pageCost } from '../graphql/complexity';
import { pageOf } from '../graphql/connection';
import type { AppContext } from '../graphql/context';
import { Company } from '../graphql/company.type';
import { filterKey, method, type Method } from '../graphql/facts/fact-resolvers';
import { toScope, type FactScopeArgs } from '../graphql/lifecycle/fact-scope.args';
import { toMoney } from '../graphql/money.type';
import { MAX_PAGE_SIZE } from '../graphql/pagination';
import { cursorKind, decodeScanCursor, encodeScanCursor } from '../graphql/scan-cursor';
import { connectionNodeFields } from '../graphql/selection';
import { primeFacts } from '../loaders';
import type { GroupFactPosition, TotalsPosition, TotalsQuery, TotalsRepository } from './totals.repository';
import { totalsTypes, type TotalGroup } from './totals.types';

// The totals query of a fact type (`investmentTotals`...) and the fields of its groups: thin, a request made from the
// arguments, one repository call, groups shaped for GraphQL. Built per definition like the fact resolvers.

/** The longest string a cursor may carry (names, ids, labels are at most 200). */
const MAX_STRING = 400;

type TotalsArgs = FactScopeArgs & {
  groupBy: string[];
  filter?: Record<string, unknown> | null;
  having?: Record<string, { min?: number | null; max?: number | null } | null> | null;
  sort?: { field: string; direction: string } | null;
  first: number;
  after?: string | null;
  rollUpSubsidiaries?: boolean;
};

/** The request of a totals query from its arguments; BAD_USER_INPUT for a sort by a dimension not grouped by. */
export function toTotalsQuery(definition: FactDefinition, args: TotalsArgs): TotalsQuery {
  const measures = totalsMeasures(definition);
  const sort = args.sort?.field ?? (measures.some((m) => m.kind === 'money') ? 'HEADLINE' : 'COUNT');
  if (!measures.some((m) => m.value === sort) && !args.groupBy.includes(sort)) throw badInput('sort', `cannot sort by ${sort} without grouping by it`);
  const given = args.filter ?? {};
  const filters = Object.fromEntries(totalsFilters(definition).map((f) => [f.arg, given[f.arg] ?? undefined]));
  const kinds: Record<string, string[]> = {};
  for (const party of definition.parties) {
    const value = given[kindFilterArg(party)] as string[] | null | undefined;
    if (value) kinds[party.role] = [...new Set(value)].sort();
  }
  const having: Record<string, number> = {};
  for (const m of measures) {
    const range = args.having?.[m.key];
    if (range?.min !== undefined && range.min !== null) having[`${m.key}:min`] = range.min;
    if (range?.max !== undefined && range.max !== null) having[`${m.key}:max`] = range.max;
  }
  return { groupBy: [...args.groupBy], filters, kinds, having, sort, descending: (args.sort?.direction ?? 'DESC') === 'DESC', rollUp: args.rollUpSubsidiaries ?? false, scope: toScope(args) };
}

/**
 * The kind tag of a totals answer's cursors: the query, its grouping and order, and a fingerprint of its filter
 * (dates by their period), kinds, having and scope (asOf as given, so a cursor of "today" stays valid while paged).
 */
export function totalsCursorKind(definition: FactDefinition, query: TotalsQuery, asOf: unknown): string {
  const filter = Object.fromEntries(Object.entries(query.filters).map(([arg, value]) => [arg, filterKey(value)]));
  return cursorKind([`${definition.single}Totals`, query.groupBy.join('+'), query.sort, query.descending ? 'DESC' : 'ASC'], {
    filter,
    kinds: query.kinds,
    having: query.having,
    rollUp: query.rollUp,
    scope: { ...query.scope, asOf: asOf ?? null },
  });
}

const isShortString = (value: unknown): value is string => typeof value === 'string' && value.length <= MAX_STRING;

/** Whether a decoded value is a position a page of these groups could have written: [flag, sort value, keys...]. */
function isTotalsPosition(definition: FactDefinition, query: TotalsQuery): (value: unknown) => value is TotalsPosition {
  const byMeasure = totalsMeasures(definition).some((m) => m.value === query.sort);
  return (value): value is TotalsPosition =>
    Array.isArray(value) &&
    value.length === 2 + query.groupBy.length &&
    (value[0] === 0 || value[0] === 1) &&
    (byMeasure ? typeof value[1] === 'number' && Number.isFinite(value[1]) : isShortString(value[1])) &&
    value.slice(2).every(isShortString);
}

function isGroupFactPosition(value: unknown): value is GroupFactPosition {
  return Array.isArray(value) && value.length === 3 && (value[0] === 0 || value[0] === 1) && isShortString(value[1]) && isShortString(value[2]);
}

function namedClass(name: string): ClassType<{ repo: TotalsRepository }> {
  const holder = {
    [name]: class {
      constructor(readonly repo: TotalsRepository) {}
    },
  };
  return holder[name] as ClassType<{ repo: TotalsRepository }>;
}

/** The measures a page of groups shows: every money measure when it shows money, the extremes it names; the count always. */
function shownMeasures(definition: FactDefinition, fields: ReadonlySet<string>): string[] {
  return totalsMeasures(definition)
    .filter((m) => m.kind === 'count' || (m.kind === 'money' ? fields.has('money') : fields.has(m.key)))
    .map((m) => m.value);
}

/** The resolver classes of a fact type's totals: the query and a group's facts; a key's companies. */
export function totalsResolverClasses(definition: FactDefinition): ClassType<{ repo: TotalsRepository }>[] {
  const { args: TotalsArgsType, connection, group, key, factConnection } = totalsTypes(definition);
  const dimensions = totalsDimensions(definition);
  const measures = totalsMeasures(definition);
  const hasMoney = measures.some((m) => m.kind === 'money');

  const resolver = namedClass(`${definition.name}TotalsResolver`);
  method(
    resolver,
    'totals',
    async function (this: { repo: TotalsRepository }, args: TotalsArgs, info: GraphQLResolveInfo) {
      const query = { ...toTotalsQuery(definition, args), measures: shownMeasures(definition, connectionNodeFields(info)) };
      const kind = totalsCursorKind(definition, query, args.asOf);
      const after = decodeScanCursor(kind, args.after, isTotalsPosition(definition, query));
      const page = await this.repo.totals(query, args.first, after);
      const edges = page.items.map((item) => {
        const node: TotalGroup & Record<string, unknown> = {
          key: Object.fromEntries(query.groupBy.map((value, i) => [(dimensions.find((d) => d.value === value) as { key: string }).key, item.keys[i] ?? null])),
          keys: item.keys,
          measures: item.measures,
          query,
          kind,
          count: item.measures.count as number,
          ...Object.fromEntries(measures.filter((m) => m.kind === 'highest' || m.kind === 'latest').map((m) => [m.key, item.measures[m.key] ?? null])),
          ...(hasMoney
            ? {
                money: toMoney({
                  paidUsd: (item.measures.paidUsd as number) ?? 0,
                  committedUsd: (item.measures.committedUsd as number) ?? 0,
                  ceilingUsd: (item.measures.ceilingUsd as number) ?? 0,
                  contractValueUsd: (item.measures.contractValueUsd as number) ?? 0,
                  stakeValueUsd: (item.measures.stakeValueUsd as number) ?? 0,
                  undisclosedCount: (item.measures.undisclosedCount as number) ?? 0,
                }),
              }
            : {}),
        };
        return { cursor: encodeScanCursor(kind, item.position), node };
      });
      return pageOf(edges, page.hasMore, Boolean(args.after));
    } as Method,
    [Args(() => TotalsArgsType), Info()],
    [
      Query(() => connection, {
        name: `${definition.single}Totals`,
        description: `${definition.plural.charAt(0).toUpperCase()}${definition.plural.slice(1)} grouped by one to three dimensions, with their count${hasMoney ? ' and money by kind' : ''}, as they stood on the date (the analytics scope: today, ended, terminated and lapsed facts left out unless asked). Exact; keyset-paged groups.`,
        complexity: totalsCost,
      }) as MethodDecorator,
    ],
  );
  method(
    resolver,
    'facts',
    async function (this: { repo: TotalsRepository }, root: TotalGroup & { key: unknown }, first: number, after: string | null | undefined, ctx: AppContext, info: GraphQLResolveInfo) {
      if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) throw badInput('first', `must be 1-${MAX_PAGE_SIZE}`);
      if (after !== null && after !== undefined && after.length > 1000) throw badInput('after', 'not a cursor returned by this query');
      const kind = cursorKind([root.kind, 'facts'], { group: Object.fromEntries(root.keys.map((key, i) => [String(i), key])) });
      const position = decodeScanCursor(kind, after, isGroupFactPosition);
      const selected = connectionNodeFields(info);
      const withCompanies = definition.parties.some((party) => selected.has(party.role));
      const page = await this.repo.groupFacts(root.query, root.keys, first, position, withCompanies);
      const records = primeFacts(ctx, definition, page.items.map((item) => item.row)).map((record) => inScope(record, root.query.scope));
      return pageOf(page.items.map((item, i) => ({ cursor: encodeScanCursor(kind, item.position), node: records[i] })), page.hasMore, Boolean(after));
    } as Method,
    [
      Root(),
      Arg('first', () => Int, { defaultValue: 20, description: `Page size, 1-${MAX_PAGE_SIZE}.` }),
      Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page of this group.' }),
      Ctx(),
      Info(),
    ],
    [FieldResolver(() => factConnection, { description: `The ${definition.plural} counted in the group, newest first.`, complexity: pageCost }) as MethodDecorator],
  );
  Resolver(() => group)(resolver);

  const keyResolver = namedClass(`${definition.name}TotalKeyResolver`);
  for (const d of dimensions) {
    if (d.kind !== 'party') continue;
    method(
      keyResolver,
      `party_${d.key}`,
      async function (keyValues: Record<string, string | null>, ctx: AppContext) {
        const id = keyValues[d.key];
        return id ? ctx.loaders.company.load(id) : null;
      } as Method,
      [Root(), Ctx()],
      [FieldResolver(() => Company, { name: d.key, nullable: true, description: `${d.description} Null when not grouped by it${d.party.many ? ', or for the facts with none' : ''}.` }) as MethodDecorator],
    );
  }
  Resolver(() => key)(keyResolver);
  return [resolver, keyResolver];
}
