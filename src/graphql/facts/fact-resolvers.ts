import type { GraphQLResolveInfo } from 'graphql';
import { authorOf } from '../change-author';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root, type ClassType } from 'type-graphql';
import { notFound } from '../../domain/errors';
import type { FactDefinition } from '../../facts/fact-definition';
import { FACTS, factType } from '../../facts/registry';
import type { FactRecord } from '../../facts/fact-record';
import type { FactInput, FactRepository, ListQuery } from '../../neo4j/facts/fact-repository';
import { factListOrder } from '../../neo4j/list-position';
import { Company } from '../company.type';
import { Source } from '../source.type';
import { primeFacts } from '../../loaders';
import type { AppContext } from '../context';
import { WRITER } from '../auth';
import { COUNT_COST, listCost, pageCost } from '../complexity';
import { pageOf } from '../connection';
import { decodeListCursor, encodeListCursor, listCursorKind } from '../list-cursor';
import { factListTypes } from './fact-list-types';
import { factObjectType, recordInputType, updateInputType } from './fact-types';
import { humanName } from '../../facts/human-name';
import { DeletePayload, MUTATION_RESULT } from '../mutation-result';
import { connectionNodeFields } from '../selection';
import { detailFor } from '../../facts/fact-detail';
import { DateScalar } from '../date-scalar';
import type { PartialDate } from '../../domain/partial-date';
import { FactEventType, FactStateType } from '../lifecycle/fact-event.types';
import { historyOf, stateOf } from '../lifecycle/fact-life';

// The resolvers of a fact type, made per definition: one by id, the list, record / update / remove, and the fields
// that resolve its parties, links and sources through the request's loaders. Each class is built with type-graphql's
// decorators applied as functions, so a definition is all a new fact type needs.

export type Method = (...args: never[]) => unknown;

/** Defines a method on a class and applies decorators to it and its parameters (parameter decorators first). */
export function method(target: ClassType, name: string, body: Method, params: ((proto: object, name: string, index: number) => void)[], decorators: MethodDecorator[]): void {
  Object.defineProperty(target.prototype, name, { value: body, writable: true, configurable: true });
  params.forEach((decorate, index) => decorate(target.prototype, name, index));
  const descriptor = Object.getOwnPropertyDescriptor(target.prototype, name) as PropertyDescriptor;
  for (const decorate of decorators) decorate(target.prototype, name, descriptor);
}

function namedClass(name: string): ClassType<{ repo: FactRepository }> {
  const holder = {
    [name]: class {
      constructor(readonly repo: FactRepository) {}
    },
  };
  return holder[name] as ClassType<{ repo: FactRepository }>;
}

/**
 * A filter value as the statement compares it, for the cursor's fingerprint: a date by its period (2024-03 and
 * 2024-03-01 differ as a bound), anything else as given.
 */
export function filterKey(value: unknown): unknown {
  const date = value as Partial<PartialDate> | null;
  return date !== null && typeof date === 'object' && typeof date.start === 'string' && typeof date.precision === 'string' ? `${date.start}/${date.precision}` : value;
}

/** The list's filters, sort and page from its arguments; the cursor is checked against the list, order and filter. */
function toListQuery(definition: FactDefinition, args: Record<string, unknown>, info: GraphQLResolveInfo): ListQuery & { kind: string } {
  const filterValues = definition.list.args === 'filter' ? ((args.filter as Record<string, unknown> | undefined) ?? {}) : args;
  const filters = Object.fromEntries(definition.list.filters.map((f) => [f.arg, filterValues[f.arg]]));
  const given = args.sort as { field: string; direction: string } | undefined;
  const sort = given?.field ?? definition.list.defaultSort.sort;
  const descending = given ? given.direction === 'DESC' : definition.list.defaultSort.descending;
  const kind = listCursorKind(definition.plural, sort, descending, Object.fromEntries(Object.entries(filters).map(([arg, value]) => [arg, filterKey(value)])));
  const after = decodeListCursor(kind, factListOrder(definition, sort), args.after as string | null | undefined);
  // Companies come with the page only when a party field is selected: a page of ids reads no company.
  const selected = connectionNodeFields(info);
  const withCompanies = definition.parties.some((party) => selected.has(party.role));
  return { filters, sort, descending, first: args.first as number, after, kind, withCompanies, detail: detailFor(definition, selected) };
}

/** The resolver classes of one fact type: the type's own, and its connection's (totalCount). */
export function factResolverClasses(definition: FactDefinition): ClassType<{ repo: FactRepository }>[] {
  const type = factObjectType(definition);
  const { args: ListArgs, connection: Connection } = factListTypes(definition);
  const RecordInput = recordInputType(definition);
  const UpdateInput = updateInputType(definition);
  const what = humanName(definition.single);
  const aWhat = `${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what}`;
  const verbs = {
    record: definition.verbs?.record ?? `Records ${aWhat}. Same id again: overwritten, never duplicated.`,
    update: definition.verbs?.update ?? `Changes the given fields of ${aWhat}; omitted fields stay, null clears. NOT_FOUND for an unknown id.`,
    remove: definition.verbs?.remove ?? `Removes ${aWhat} and its citations (sources stay). NOT_FOUND for an unknown id.`,
  };

  const resolver = namedClass(`${definition.name}Resolver`);
  method(
    resolver,
    'one',
    async function (this: { repo: FactRepository }, id: string, ctx: AppContext) {
      const row = await ctx.loaders.facts.get(definition.name)?.byId.load(id);
      return row ? primeFacts(ctx, definition, [row])[0] : null;
    } as Method,
    [Arg('id', () => ID), Ctx()],
    [Query(() => type, { name: definition.single, nullable: true }) as MethodDecorator],
  );
  method(
    resolver,
    'list',
    async function (this: { repo: FactRepository }, args: Record<string, unknown>, ctx: AppContext, info: GraphQLResolveInfo) {
      const query = toListQuery(definition, args, info);
      const page = await this.repo.list(query);
      const records = primeFacts(ctx, definition, page.items.map((item) => item.row));
      const edges = page.items.map((item, i) => ({ cursor: encodeListCursor(query.kind, item.position), node: records[i] as FactRecord }));
      return { ...pageOf(edges, page.hasMore, query.after !== null), filterValues: query.filters };
    } as Method,
    [Args(() => ListArgs), Ctx(), Info()],
    [Query(() => Connection, { name: definition.plural, description: definition.list.description, complexity: pageCost }) as MethodDecorator],
  );
  method(
    resolver,
    'record',
    async function (this: { repo: FactRepository }, input: FactInput, ctx: AppContext) {
      return primeFacts(ctx, definition, [await this.repo.record(input, authorOf(ctx, `record${definition.name}`))])[0];
    } as Method,
    [Arg('input', () => RecordInput), Ctx()],
    [Authorized(WRITER) as MethodDecorator, Mutation(() => type, { ...MUTATION_RESULT, name: `record${definition.name}`, description: verbs.record }) as MethodDecorator],
  );
  method(
    resolver,
    'update',
    async function (this: { repo: FactRepository }, id: string, input: FactInput, ctx: AppContext) {
      const row = await this.repo.update(id, input, authorOf(ctx, `update${definition.name}`));
      if (!row) throw notFound(what, id);
      return primeFacts(ctx, definition, [row])[0];
    } as Method,
    [Arg('id', () => ID), Arg('input', () => UpdateInput), Ctx()],
    [Authorized(WRITER) as MethodDecorator, Mutation(() => type, { ...MUTATION_RESULT, name: `update${definition.name}`, description: verbs.update }) as MethodDecorator],
  );
  method(
    resolver,
    'remove',
    async function (this: { repo: FactRepository }, id: string, ctx: AppContext) {
      if (!(await this.repo.remove(id, authorOf(ctx, `remove${definition.name}`)))) throw notFound(what, id);
      return { id, deleted: true };
    } as Method,
    [Arg('id', () => ID), Ctx()],
    [Authorized(WRITER) as MethodDecorator, Mutation(() => DeletePayload, { ...MUTATION_RESULT, name: `remove${definition.name}`, description: verbs.remove }) as MethodDecorator],
  );
  for (const party of definition.parties) {
    method(
      resolver,
      `party_${party.role}`,
      async function (fact: FactRecord, ctx: AppContext) {
        if (party.pair || party.many) return (await ctx.loaders.company.loadMany([...(fact[party.idField] as string[])])).filter((c) => c !== null && !(c instanceof Error));
        return ctx.loaders.company.load(fact[party.idField] as string);
      } as Method,
      [Root(), Ctx()],
      [FieldResolver(() => (party.pair || party.many ? [Company] : Company), { name: party.role, description: party.description }) as MethodDecorator],
    );
  }
  for (const link of definition.links ?? []) {
    method(
      resolver,
      `link_${link.field}`,
      async function (fact: FactRecord, ctx: AppContext) {
        const id = fact[link.idField] as string | null;
        if (!id) return null;
        const row = await ctx.loaders.facts.get(link.target)?.byId.load(id);
        return row ? row.fact : null;
      } as Method,
      [Root(), Ctx()],
      [FieldResolver(() => factObjectType(factType(link.target)), { name: link.field, nullable: true, description: link.description }) as MethodDecorator],
    );
  }
  // Facts of other types that point at this one (a round's investments), through a loader per link.
  for (const source of FACTS) {
    for (const link of source.links ?? []) {
      if (link.target !== definition.name || !link.reverse) continue;
      const reverse = link.reverse;
      method(
        resolver,
        `reverse_${reverse.field}`,
        async function (fact: FactRecord, ctx: AppContext) {
          const rows = (await ctx.loaders.facts.get(source.name)?.linkedTo.get(link.idField)?.load(fact.id)) ?? [];
          return primeFacts(ctx, source, rows);
        } as Method,
        [Root(), Ctx()],
        [FieldResolver(() => [factObjectType(source)], { name: reverse.field, description: reverse.description, complexity: listCost }) as MethodDecorator],
      );
    }
  }
  method(
    resolver,
    'sources',
    async function (fact: FactRecord, ctx: AppContext) {
      return (await ctx.loaders.source.loadMany([...fact.sourceIds])).filter((s) => s !== null && !(s instanceof Error));
    } as Method,
    [Root(), Ctx()],
    [FieldResolver(() => [Source], { description: 'Publications that report it.', complexity: listCost }) as MethodDecorator],
  );
  method(
    resolver,
    'history',
    function (fact: FactRecord) {
      return historyOf(definition, fact);
    } as Method,
    [Root()],
    [FieldResolver(() => [FactEventType], { description: 'Its life, oldest first: its events and those its own dates imply, each with the status and money it left.' }) as MethodDecorator],
  );
  method(
    resolver,
    'state',
    function (fact: FactRecord, asOf: PartialDate | null | undefined, includeImprecise: boolean | null | undefined) {
      return stateOf(definition, fact, asOf, includeImprecise);
    } as Method,
    [
      Root(),
      Arg('asOf', () => DateScalar, { nullable: true, description: 'Defaults to the date of the answer the fact came in, else today.' }),
      Arg('includeImprecise', () => Boolean, { nullable: true, description: 'Count a month- or year-dated event from the start of its period.' }),
    ],
    [FieldResolver(() => FactStateType, { description: 'Status, money by kind and whether it is in force, on a date.' }) as MethodDecorator],
  );
  Resolver(() => type)(resolver);

  const connectionResolver = namedClass(`${definition.name}ConnectionResolver`);
  method(
    connectionResolver,
    'totalCount',
    async function (this: { repo: FactRepository }, connection: { filterValues: Record<string, unknown> }) {
      return this.repo.count(connection.filterValues);
    } as Method,
    [Root()],
    [FieldResolver(() => Int, { description: 'Matching facts across all pages (one extra query, only when selected).', complexity: COUNT_COST }) as MethodDecorator],
  );
  Resolver(() => Connection)(connectionResolver);
  return [resolver, connectionResolver];
}
