/**
 * Cursors are checked against the query, sort and filter they came from, before any Cypher runs: a position whose
 * value does not fit the sort (a string on an amount sort, an impossible date, a value in the phase of rows without
 * one), a cursor issued under another filter or other arguments, or one from another list is BAD_USER_INPUT, never
 * INTERNAL_SERVER_ERROR and never a page. Genuine cursors still page, whatever the page size.
 */
import { FACTS } from '../../../src/facts/registry';
import type { FactDefinition } from '../../../src/facts/fact-definition';
import { useSeededTestApp, type GraphQLResult } from '../../support/test-app';

const app = useSeededTestApp();

type Cursor = [kind: string, position: unknown];

/** A cursor's content, read the way the server writes it (base64url JSON of [kind, position]). */
function open(cursor: string): Cursor {
  return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor;
}

function seal(content: unknown): string {
  return Buffer.from(JSON.stringify(content), 'utf8').toString('base64url');
}

/** A genuine cursor with its position replaced: the server's own format and kind tag, a forged position. */
function forge(cursor: string, change: (position: Record<string, unknown>) => Record<string, unknown>): string {
  const [kind, position] = open(cursor);
  return seal([kind, change(position as Record<string, unknown>)]);
}

async function data<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await app().gql<T>(query, variables);
  if (result.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.data as T;
}

/** A refusal: BAD_USER_INPUT naming `after`, no data for the field, and not one statement run for it. */
function expectRefused(result: GraphQLResult<unknown>, label = ''): void {
  const codes = (result.errors ?? []).map((error) => error.extensions?.code);
  expect({ label, codes, message: result.errors?.[0]?.message }).toEqual({ label, codes: ['BAD_USER_INPUT'], message: expect.stringContaining('after') });
  expect({ label, roundTrips: result.roundTrips }).toEqual({ label, roundTrips: 0 });
}

async function refused(query: string, variables: Record<string, unknown>, label = ''): Promise<void> {
  expectRefused(await app().gql(query, variables), label);
}

/** The list's query with its sort (filter-style lists) and `after`, selecting ids and the end cursor. */
function listQuery(definition: FactDefinition, sortArg: string): string {
  const sortVar = definition.list.args === 'filter' ? `, $sort: ${definition.name}Sort` : '';
  return `query($after: String, $first: Int${sortVar}) { ${definition.plural}(first: $first, after: $after${sortArg}) { nodes { id } pageInfo { endCursor hasNextPage } } }`;
}

/** Every order of every fact list, with the kind of the field it sorts by. */
const ORDERS = FACTS.flatMap((definition) => {
  const sorts = definition.list.args === 'filter' ? definition.list.sorts : definition.list.sorts.filter((s) => s.value === definition.list.defaultSort.sort);
  return sorts.flatMap((sort) =>
    [false, true].filter((descending) => definition.list.args === 'filter' || descending === definition.list.defaultSort.descending).map((descending) => {
      const field = definition.fields.find((f) => f.name === sort.field);
      return {
        label: `${definition.plural} by ${sort.value} ${descending ? 'DESC' : 'ASC'}`,
        definition,
        sort: definition.list.args === 'filter' ? { field: sort.value, direction: descending ? 'DESC' : 'ASC' } : undefined,
        kind: sort.field === 'id' ? 'id' : (field?.kind as string),
        nullable: sort.field !== 'id' && !field?.required,
      };
    }),
  );
});

/** Values that do not fit a sort of this field kind (in the phase of rows with a value). */
function misfits(kind: string): unknown[] {
  switch (kind) {
    case 'date':
      return ['x', '', '2024-13-01', '2024-02-30', '2024-03', '2024', '2024-03-01T00:00:00Z', ' 2024-03-01', 20240301, null];
    case 'usd':
    case 'number':
      return ['x', '1000', '', null];
    default:
      return [5, 0, null];
  }
}

describe('list cursors whose position does not fit the sort', () => {
  it('refuses the sources cursor from issue 20 (a string that is no date)', async () => {
    const result = await app().gql('{ sources(after: "WyJzb3VyY2VzOlBVQkxJU0hFRF9PTjpERVNDIix7InBoYXNlIjoibnVsbCIsInZhbHVlIjoieCIsImlkIjoieCJ9XQ") { totalCount } }');
    expectRefused(result);
    expect(result.data).toBeNull();
  });

  it.each(ORDERS.map((order) => [order.label, order] as const))('%s: refuses forged values of the wrong type, and a value in the phase of rows without one', async (label, order) => {
    const query = listQuery(order.definition, order.sort ? ', sort: $sort' : '');
    const page = (await data(query, { first: 1, sort: order.sort }))[order.definition.plural];
    expect(page.pageInfo.hasNextPage).toBe(true);
    const genuine = page.pageInfo.endCursor as string;
    // The genuine cursor pages on.
    expect((await data(query, { first: 1, sort: order.sort, after: genuine }))[order.definition.plural].nodes).toHaveLength(1);

    for (const value of misfits(order.kind)) {
      await refused(query, { first: 1, sort: order.sort, after: forge(genuine, (p) => ({ ...p, phase: 'nonNull', value })) }, `${label} value ${JSON.stringify(value)}`);
    }
    // Rows without a value are read after the others by id: their phase carries no value, and exists only when the
    // sort field may be missing.
    await refused(query, { first: 1, sort: order.sort, after: forge(genuine, (p) => ({ ...p, phase: 'null' })) }, `${label} null phase with a value`);
    if (!order.nullable) await refused(query, { first: 1, sort: order.sort, after: forge(genuine, (p) => ({ ...p, phase: 'null', value: null })) }, `${label} null phase of a required field`);
    else expect((await data(query, { first: 1, sort: order.sort, after: forge(genuine, (p) => ({ ...p, phase: 'null', value: null })) }))[order.definition.plural].nodes.length).toBeLessThanOrEqual(1);
    // Not a position at all.
    await refused(query, { first: 1, sort: order.sort, after: forge(genuine, (p) => ({ ...p, id: 7 })) }, `${label} numeric id`);
    await refused(query, { first: 1, sort: order.sort, after: seal([open(genuine)[0], [1, 2]]) }, `${label} an array`);
  });

  it('refuses a string position on an amount sort (it used to answer a page)', async () => {
    const query = 'query($after: String) { investments(first: 2, after: $after, sort: { field: AMOUNT, direction: DESC }) { nodes { id } pageInfo { endCursor } } }';
    const genuine = (await data(query)).investments.pageInfo.endCursor as string;
    await refused(query, { after: forge(genuine, (p) => ({ ...p, value: 'x' })) });
    await refused(query, { after: forge(genuine, (p) => ({ ...p, value: '5000000000' })) });
  });

  it('refuses a forged date on every date-sorted list with a date that is not a day of the calendar', async () => {
    for (const [plural, sortArg] of [
      ['investments', ''],
      ['fundingRounds', ''],
      ['computeDeals', ''],
      ['acquisitions', ''],
    ] as const) {
      const query = `query($after: String) { ${plural}(first: 2, after: $after${sortArg}) { nodes { id } pageInfo { endCursor } } }`;
      const genuine = (await data(query))[plural].pageInfo.endCursor as string;
      expect(open(genuine)[1]).toMatchObject({ phase: 'nonNull', value: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
      await refused(query, { after: forge(genuine, (p) => ({ ...p, value: 'x' })) }, plural);
      await refused(query, { after: forge(genuine, (p) => ({ ...p, value: '2025-02-29' })) }, plural);
      await refused(query, { after: forge(genuine, (p) => ({ ...p, value: '2025-1-5' })) }, plural);
    }
  });

  it('refuses forged values on sources and companies, for each of their orders', async () => {
    const sources = 'query($after: String) { sources(first: 2, after: $after) { nodes { id } pageInfo { endCursor } } }';
    const source = (await data(sources)).sources.pageInfo.endCursor as string;
    expect((await data(sources, { after: source })).sources.nodes).toHaveLength(2);
    for (const value of ['x', '2024-13-01', 2024, null]) await refused(sources, { after: forge(source, (p) => ({ ...p, value })) }, `sources ${JSON.stringify(value)}`);
    await refused(sources, { after: forge(source, (p) => ({ ...p, phase: 'null' })) }, 'sources null phase with a value');

    const companies = 'query($after: String, $sort: CompanySort) { companies(first: 2, after: $after, sort: $sort) { nodes { id } pageInfo { endCursor } } }';
    for (const [field, bad] of [
      ['NAME', [5, null]],
      ['ID', [5, null]],
      ['FOUNDED', ['x', '1999', 1999.5, null]],
    ] as const) {
      for (const direction of ['ASC', 'DESC']) {
        const sort = { field, direction };
        const genuine = (await data(companies, { sort })).companies.pageInfo.endCursor as string;
        expect((await data(companies, { sort, after: genuine })).companies.nodes).toHaveLength(2);
        for (const value of bad) await refused(companies, { sort, after: forge(genuine, (p) => ({ ...p, value })) }, `companies ${field} ${JSON.stringify(value)}`);
        if (field !== 'FOUNDED') await refused(companies, { sort, after: forge(genuine, (p) => ({ ...p, phase: 'null', value: null })) }, `companies ${field} null phase`);
      }
    }
  });
});

describe('list cursors used with another filter, sort or list', () => {
  it('refuses a fact list cursor under a different filter, and accepts it under the same one however written', async () => {
    const query = 'query($after: String, $filter: InvestmentFilter, $first: Int) { investments(first: $first, after: $after, filter: $filter) { nodes { id } pageInfo { endCursor } } }';
    const filter = { investeeId: 'openai', statuses: ['ANNOUNCED', 'COMPLETED'] };
    const genuine = (await data(query, { filter, first: 2 })).investments.pageInfo.endCursor as string;
    // The same filter, its list in another order and with a repeat, and another page size: the same query.
    expect((await data(query, { filter, first: 3, after: genuine })).investments.nodes.length).toBeGreaterThan(0);
    expect((await data(query, { filter: { statuses: ['COMPLETED', 'ANNOUNCED', 'COMPLETED'], investeeId: 'openai' }, after: genuine })).investments.nodes.length).toBeGreaterThan(0);
    for (const other of [{ investeeId: 'anthropic', statuses: ['ANNOUNCED', 'COMPLETED'] }, { investeeId: 'openai' }, { investeeId: 'openai', statuses: ['ANNOUNCED'] }, { ...filter, from: '2023' }, {}, null]) {
      await refused(query, { filter: other, after: genuine }, JSON.stringify(other));
    }
    // And a cursor of the whole list under a filter.
    const whole = (await data(query, { first: 2 })).investments.pageInfo.endCursor as string;
    await refused(query, { filter, after: whole });
  });

  it('refuses a cursor under a different filter on flat lists, companies and sources', async () => {
    const acquisitions = 'query($after: String, $companyId: ID) { acquisitions(first: 1, after: $after, companyId: $companyId) { nodes { id } pageInfo { endCursor } } }';
    const acquisition = (await data(acquisitions)).acquisitions.pageInfo.endCursor as string;
    await refused(acquisitions, { after: acquisition, companyId: 'microsoft' });

    const rivalries = 'query($after: String, $market: String) { rivalries(first: 1, after: $after, market: $market) { nodes { id } pageInfo { endCursor } } }';
    const rivalry = (await data(rivalries, { market: 'frontier-models' })).rivalries.pageInfo.endCursor as string;
    expect((await data(rivalries, { market: 'frontier-models', after: rivalry })).rivalries.nodes).toHaveLength(1);
    await refused(rivalries, { after: rivalry, market: 'ai-search' });
    await refused(rivalries, { after: rivalry });

    const companies = 'query($after: String, $filter: CompanyFilter) { companies(first: 2, after: $after, filter: $filter) { nodes { id } pageInfo { endCursor } } }';
    const company = (await data(companies, { filter: { kinds: ['AI_LAB', 'BIG_TECH'] } })).companies.pageInfo.endCursor as string;
    expect((await data(companies, { filter: { kinds: ['BIG_TECH', 'AI_LAB'] }, after: company })).companies.nodes).toHaveLength(2);
    await refused(companies, { filter: { kinds: ['AI_LAB'] }, after: company });
    await refused(companies, { filter: { kinds: ['AI_LAB', 'BIG_TECH'], country: 'US' }, after: company });
    await refused(companies, { after: company });

    const sources = 'query($after: String, $publisher: String) { sources(first: 1, after: $after, publisher: $publisher) { nodes { id } pageInfo { endCursor } } }';
    const source = (await data(sources, { publisher: 'Anthropic' })).sources.pageInfo.endCursor as string;
    // The publisher matches case-insensitively: the same filter.
    expect((await data(sources, { publisher: 'anthropic', after: source })).sources.nodes).toHaveLength(1);
    await refused(sources, { publisher: 'OpenAI', after: source });
    await refused(sources, { after: source });
  });

  it('refuses a cursor of another sort or direction', async () => {
    const query = 'query($after: String, $sort: InvestmentSort) { investments(first: 2, after: $after, sort: $sort) { nodes { id } pageInfo { endCursor } } }';
    const genuine = (await data(query, { sort: { field: 'ANNOUNCED_ON', direction: 'DESC' } })).investments.pageInfo.endCursor as string;
    await refused(query, { sort: { field: 'ANNOUNCED_ON', direction: 'ASC' }, after: genuine });
    await refused(query, { sort: { field: 'AMOUNT', direction: 'DESC' }, after: genuine });
  });

  it('refuses a cursor from a different list', async () => {
    const cursors: Record<string, string> = {};
    const lists = [...FACTS.map((definition) => definition.plural), 'companies', 'sources'];
    for (const list of lists) cursors[list] = (await data(`{ ${list}(first: 1) { pageInfo { endCursor } } }`))[list].pageInfo.endCursor as string;
    for (const list of lists) {
      for (const other of lists.filter((name) => name !== list)) {
        await refused(`query($after: String) { ${list}(first: 1, after: $after) { nodes { id } } }`, { after: cursors[other] }, `${other} cursor on ${list}`);
      }
    }
    await refused('query($after: String) { moneyLoops(first: 1, after: $after) { nodes { length } } }', { after: cursors.investments });
  });
});

describe('scan cursors used with other arguments', () => {
  const LOOPS = `query($after: String, $companyId: ID, $maxLength: Int, $asOf: Date, $minConfidence: Confidence, $includeEnded: Boolean, $statuses: [FactStatus!], $first: Int) {
    moneyLoops(first: $first, after: $after, companyId: $companyId, maxLength: $maxLength, asOf: $asOf, minConfidence: $minConfidence, includeEnded: $includeEnded, statuses: $statuses) { nodes { length } pageInfo { endCursor hasNextPage } } }`;
  const BACKERS = `query($after: String, $market: String, $rollUpSubsidiaries: Boolean, $asOf: Date, $includeEnded: Boolean, $first: Int) {
    twoSidedBackers(first: $first, after: $after, market: $market, rollUpSubsidiaries: $rollUpSubsidiaries, asOf: $asOf, includeEnded: $includeEnded) { nodes { backer { id } } pageInfo { endCursor hasNextPage } } }`;

  /** Pages on from a cursor to the end, with each page's arguments; the number of nodes read. */
  async function pagesToEnd(query: string, field: string, cursor: string, argsOf: (page: number) => Record<string, unknown>): Promise<number> {
    let nodes = 0;
    let after: string | null = cursor;
    for (let page = 0; after !== null; page++) {
      if (page === 100) throw new Error('paging did not end');
      const next: { nodes: unknown[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } = (await data(query, { ...argsOf(page), after }))[field];
      nodes += next.nodes.length;
      after = next.pageInfo.hasNextPage ? next.pageInfo.endCursor : null;
    }
    return nodes;
  }

  it('moneyLoops: a cursor pages on under the same arguments and is refused under others', async () => {
    const args = { maxLength: 3, asOf: '2025-12-31' };
    const first = (await data(LOOPS, { ...args, first: 1 })).moneyLoops;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const genuine = first.pageInfo.endCursor as string;
    expect(await pagesToEnd(LOOPS, 'moneyLoops', genuine, (page) => ({ ...args, first: page + 1 }))).toBeGreaterThan(0);
    for (const other of [
      { maxLength: 4, asOf: '2025-12-31' },
      { maxLength: 3 },
      { maxLength: 3, asOf: '2024-12-31' },
      { ...args, companyId: 'openai' },
      { ...args, minConfidence: 'CONFIRMED' },
      { ...args, includeEnded: true },
      { ...args, statuses: ['PLANNED'] },
    ]) {
      await refused(LOOPS, { ...other, first: 1, after: genuine }, JSON.stringify(other));
    }
    await refused(BACKERS, { first: 1, after: genuine }, 'a loops cursor on twoSidedBackers');
  });

  it('moneyLoops: statuses are a set, and includeEnded is the same as naming the ended statuses', async () => {
    const all = ['PLANNED', 'ANNOUNCED', 'AGREED', 'ACTIVE', 'COMPLETED', 'ENDED', 'TERMINATED', 'LAPSED'];
    const first = (await data(LOOPS, { first: 1, statuses: all })).moneyLoops;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const genuine = first.pageInfo.endCursor as string;
    expect((await app().gql(LOOPS, { first: 1, statuses: [...all].reverse(), after: genuine })).errors).toBeUndefined();
    expect((await app().gql(LOOPS, { first: 1, includeEnded: true, statuses: ['PLANNED', 'ANNOUNCED', 'AGREED', 'ACTIVE', 'COMPLETED'], after: genuine })).errors).toBeUndefined();
    await refused(LOOPS, { first: 1, statuses: all.slice(1), after: genuine });
  });

  it('twoSidedBackers: a cursor pages on under the same arguments and is refused under others', async () => {
    const first = (await data(BACKERS, { first: 1 })).twoSidedBackers;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const genuine = first.pageInfo.endCursor as string;
    // The same arguments (rollUpSubsidiaries given as its default, another page size): the scan goes on to the end.
    expect(await pagesToEnd(BACKERS, 'twoSidedBackers', genuine, (page) => (page % 2 === 0 ? { first: 3, rollUpSubsidiaries: true } : { first: 2 }))).toBeGreaterThan(0);
    for (const other of [{ market: 'frontier-models' }, { rollUpSubsidiaries: false }, { asOf: '2024-06-30' }, { includeEnded: true }]) {
      await refused(BACKERS, { ...other, first: 1, after: genuine }, JSON.stringify(other));
    }
    await refused(LOOPS, { first: 1, after: genuine }, 'a backers cursor on moneyLoops');
  });

  it('refuses forged scan positions', async () => {
    const args = { maxLength: 3, asOf: '2025-12-31' };
    const loops = (await data(LOOPS, { ...args, first: 1 })).moneyLoops.pageInfo.endCursor as string;
    const [kind] = open(loops);
    // A length past the page's maxLength (3) is no position of it.
    for (const position of [{ length: 'x', ids: [] }, { length: 4, ids: ['a'] }, { length: 99, ids: ['a'] }, { length: 3, ids: [1, 2] }, [3, ['a']], null, 'x']) {
      await refused(LOOPS, { ...args, first: 1, after: seal([kind, position]) }, JSON.stringify(position));
    }
    const backers = (await data(BACKERS, { first: 1 })).twoSidedBackers.pageInfo.endCursor as string;
    for (const position of [[1, 2, 3], ['a', 'b', 'c', 'd'], ['a', 'b'], { a: 1 }]) {
      await refused(BACKERS, { first: 1, after: seal([open(backers)[0], position]) }, JSON.stringify(position));
    }
  });
});
