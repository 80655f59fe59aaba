import { startTestApp, type TestApp } from '../../support/test-app';
import { createCompanies, expectRefused, firstError, long, ok, recordSources, AS_WRITER } from './helpers';

const COMPANY_FIELDS = 'id name aliases kind country founded website description';
const CREATE = `mutation($input: CreateCompanyInput!) { createCompany(input: $input) { ${COMPANY_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateCompanyInput!) { updateCompany(id: $id, input: $input) { ${COMPANY_FIELDS} } }`;
const DELETE = 'mutation($id: ID!, $cascade: Boolean! = false) { deleteCompany(id: $id, cascade: $cascade) { id deleted } }';
const GET = `query($id: ID!) { company(id: $id) { ${COMPANY_FIELDS} } }`;
const LIST = `query($filter: CompanyFilter, $sort: CompanySort, $first: Int! = 20, $after: String) {
  companies(filter: $filter, sort: $sort, first: $first, after: $after) {
    totalCount
    edges { cursor node { id } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

type Connection = {
  companies: {
    totalCount: number;
    edges: { cursor: string; node: { id: string } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  };
};

const THIS_YEAR = new Date().getUTCFullYear();

/** Companies for the list tests: distinct kinds, countries and founding years (all known, so sorting is unambiguous). */
const LIST_COMPANIES = [
  { id: 'anthropic', name: 'Anthropic', kind: 'AI_LAB', country: 'US', founded: 2021, aliases: ['Anthropic PBC'] },
  { id: 'openai', name: 'OpenAI', kind: 'AI_LAB', country: 'US', founded: 2015 },
  { id: 'mistral', name: 'Mistral AI', kind: 'AI_LAB', country: 'FR', founded: 2023 },
  { id: 'microsoft', name: 'Microsoft', kind: 'BIG_TECH', country: 'US', founded: 1975 },
  { id: 'meta', name: 'Meta', kind: 'BIG_TECH', country: 'US', founded: 2004 },
  { id: 'nvidia', name: 'Nvidia', kind: 'CHIPMAKER', country: 'US', founded: 1993 },
  { id: 'aws', name: 'Amazon Web Services', kind: 'CLOUD', country: 'US', founded: 2006, aliases: ['AWS'] },
  { id: 'coreweave', name: 'CoreWeave', kind: 'NEOCLOUD', country: 'US', founded: 2017 },
  { id: 'sequoia', name: 'Sequoia Capital', kind: 'INVESTOR', country: 'US', founded: 1972 },
];

describe('Company API (createCompany, updateCompany, deleteCompany, company, companies, searchCompanies)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.reset();
    await app.close();
  });

  describe('createCompany and company', () => {
    beforeEach(() => app.reset());

    it('creates a company with every field, derives the id from the name, trims the name, and reads it back by id', async () => {
      const created = await ok(app, CREATE, {
        input: {
          name: '  Google DeepMind ',
          kind: 'AI_LAB',
          aliases: ['DeepMind', 'DeepMind Technologies'],
          country: 'GB',
          founded: 2010,
          website: 'https://deepmind.google',
          description: 'Research lab of Google.',
        },
      });
      const expected = {
        id: 'google-deepmind',
        name: 'Google DeepMind',
        aliases: ['DeepMind', 'DeepMind Technologies'],
        kind: 'AI_LAB',
        country: 'GB',
        founded: 2010,
        website: 'https://deepmind.google',
        description: 'Research lab of Google.',
      };
      expect(created.createCompany).toEqual(expected);
      expect((await ok(app, GET, { id: 'google-deepmind' })).company).toEqual(expected);
      expect(await app.counts()).toEqual({ nodes: 1, relationships: 0 });
    });

    it('uses an explicit id and defaults optional fields to null / []', async () => {
      const created = await ok(app, CREATE, { input: { id: 'xai', name: 'xAI Corp', kind: 'AI_LAB' } });
      expect(created.createCompany).toEqual({ id: 'xai', name: 'xAI Corp', aliases: [], kind: 'AI_LAB', country: null, founded: null, website: null, description: null });
    });

    it('returns null for an unknown company', async () => {
      expect(await ok(app, GET, { id: 'no-such-company' })).toEqual({ company: null });
    });

    it('is idempotent: the identical create twice gives the same result and one node', async () => {
      const input = { name: 'Anthropic', kind: 'AI_LAB', aliases: ['Anthropic PBC'], country: 'US', founded: 2021 };
      const first = await ok(app, CREATE, { input });
      const second = await ok(app, CREATE, { input });
      expect(second).toEqual(first);
      expect(first.createCompany.id).toBe('anthropic');
      expect(await app.counts()).toEqual({ nodes: 1, relationships: 0 });
    });

    it('refuses with CONFLICT a create with an existing id but different details, keeping the stored company', async () => {
      await ok(app, CREATE, { input: { name: 'Anthropic', kind: 'AI_LAB', founded: 2021 } });
      await expectRefused(app, CREATE, { input: { name: 'Anthropic', kind: 'BIG_TECH', founded: 2021 } }, 'CONFLICT', 'anthropic');
      await expectRefused(app, CREATE, { input: { id: 'anthropic', name: 'Other Lab', kind: 'AI_LAB', founded: 2021 } }, 'CONFLICT', 'anthropic');
      expect((await ok(app, GET, { id: 'anthropic' })).company).toMatchObject({ name: 'Anthropic', kind: 'AI_LAB', founded: 2021 });
    });
  });

  describe('updateCompany', () => {
    beforeEach(async () => {
      await app.reset();
      await createCompanies(app, [{ id: 'anthropic', name: 'Anthropic', kind: 'AI_LAB', country: 'US', founded: 2021, website: 'https://www.anthropic.com', aliases: ['Anthropic PBC'] }]);
    });

    it('changes given fields, keeps omitted ones, clears optional fields set to null', async () => {
      const updated = await ok(app, UPDATE, { id: 'anthropic', input: { name: 'Anthropic PBC', description: 'Maker of Claude', website: null, aliases: ['Claude maker'] } });
      const expected = {
        id: 'anthropic',
        name: 'Anthropic PBC',
        aliases: ['Claude maker'],
        kind: 'AI_LAB',
        country: 'US',
        founded: 2021,
        website: null,
        description: 'Maker of Claude',
      };
      expect(updated.updateCompany).toEqual(expected);
      expect((await ok(app, GET, { id: 'anthropic' })).company).toEqual(expected);
      // The case-insensitive name filter follows the new name.
      const byPrefix = await ok<Connection>(app, LIST, { filter: { namePrefix: 'anthropic p' } });
      expect(byPrefix.companies.edges.map((e) => e.node.id)).toEqual(['anthropic']);
    });

    it('answers NOT_FOUND for an unknown id and writes nothing', async () => {
      await expectRefused(app, UPDATE, { id: 'no-such-company', input: { name: 'Ghost' } }, 'NOT_FOUND', 'no-such-company');
    });

    it.each([
      ['name: null (name is required)', { name: null }, 'name'],
      ['kind: null (kind is required)', { kind: null }, 'kind'],
    ])('refuses %s with BAD_USER_INPUT and leaves the company intact', async (_label, input, field) => {
      await expectRefused(app, UPDATE, { id: 'anthropic', input }, 'BAD_USER_INPUT', field);
      expect((await app.gql(GET, { id: 'anthropic' })).data?.company).toMatchObject({ name: 'Anthropic', kind: 'AI_LAB' });
    });
  });

  describe('deleteCompany', () => {
    const facts = async () => {
      await app.reset();
      await createCompanies(app, [
        { id: 'amazon', name: 'Amazon', kind: 'BIG_TECH' },
        { id: 'aws', name: 'Amazon Web Services', kind: 'CLOUD' },
        { id: 'anthropic', name: 'Anthropic', kind: 'AI_LAB' },
        { id: 'openai', name: 'OpenAI', kind: 'AI_LAB' },
        { id: 'lonely', name: 'Lonely Startup', kind: 'OTHER' },
      ]);
      await recordSources(app, [{ id: 'src-a', url: 'https://news.example.com/a' }]);
      await ok(
        app,
        `mutation {
          inv: recordInvestment(input: {id: "inv-amazon-anthropic", investorId: "amazon", investeeId: "anthropic", announcedOn: "2023-09-25", amountUsd: 1.25e9, amountKind: PAID, sourceIds: ["src-a"]}) { id }
          deal: recordComputeDeal(input: {id: "cd-aws-anthropic", providerId: "aws", customerId: "anthropic", announcedOn: "2023-09-25", resource: CLOUD, sourceIds: ["src-a"]}) { id }
          riv: recordRivalry(input: {id: "riv-anthropic-openai", companyIds: ["anthropic", "openai"], market: "frontier-models", sourceIds: ["src-a"]}) { id }
          sub: recordSubsidiaryLink(input: {id: "sub-aws-amazon", childId: "aws", parentId: "amazon", sourceIds: ["src-a"]}) { id }
        }`,
      );
    };

    it('deletes a company without facts', async () => {
      await facts();
      const before = await app.counts();
      expect(await ok(app, DELETE, { id: 'lonely' })).toEqual({ deleteCompany: { id: 'lonely', deleted: true } });
      expect(await ok(app, GET, { id: 'lonely' })).toEqual({ company: null });
      expect(await app.counts()).toEqual({ nodes: before.nodes - 1, relationships: before.relationships });
    });

    it('refuses with CONFLICT while facts involve the company and deletes nothing', async () => {
      await facts();
      const result = await expectRefused(app, DELETE, { id: 'anthropic' }, 'CONFLICT', 'anthropic');
      expect(result.errors?.[0].message).toMatch(/cascade/);
      expect((await ok(app, GET, { id: 'anthropic' })).company.id).toBe('anthropic');
      expect((await ok(app, '{ investment(id: "inv-amazon-anthropic") { id } }')).investment).toEqual({ id: 'inv-amazon-anthropic' });
      // Relationships (a rivalry only) also block the delete.
      await expectRefused(app, DELETE, { id: 'openai' }, 'CONFLICT', 'openai');
    });

    it('with cascade: true deletes the company, its investments, compute deals and relationships; others and sources stay', async () => {
      await facts();
      expect(await ok(app, DELETE, { id: 'anthropic', cascade: true })).toEqual({ deleteCompany: { id: 'anthropic', deleted: true } });
      const after = await ok(
        app,
        `{
          company(id: "anthropic") { id }
          investment(id: "inv-amazon-anthropic") { id }
          computeDeal(id: "cd-aws-anthropic") { id }
          rivalry(id: "riv-anthropic-openai") { id }
          amazon: company(id: "amazon") { id investmentsMade { id } subsidiaries { id } }
          aws: company(id: "aws") { id computeDealsAsProvider { id } parent { id } }
          openai: company(id: "openai") { id competitors { id } }
          source(id: "src-a") { id }
        }`,
      );
      expect(after).toEqual({
        company: null,
        investment: null,
        computeDeal: null,
        rivalry: null,
        amazon: { id: 'amazon', investmentsMade: [], subsidiaries: [{ id: 'aws' }] },
        aws: { id: 'aws', computeDealsAsProvider: [], parent: { id: 'amazon' } },
        openai: { id: 'openai', competitors: [] },
        source: { id: 'src-a' },
      });
      // Left: amazon, aws, openai, lonely, src-a and the aws/amazon subsidiary-link fact; its two party
      // relationships, its citation of src-a and the derived aws -[:SUBSIDIARY_OF]-> amazon.
      expect(await app.counts()).toEqual({ nodes: 6, relationships: 4 });
    });

    it('answers NOT_FOUND for an unknown id', async () => {
      await app.reset();
      await expectRefused(app, DELETE, { id: 'no-such-company' }, 'NOT_FOUND', 'no-such-company');
      await expectRefused(app, DELETE, { id: 'no-such-company', cascade: true }, 'NOT_FOUND', 'no-such-company');
    });
  });

  describe('companies', () => {
    // Read-only tests: one data set for all of them.
    beforeAll(async () => {
      await app.reset();
      await createCompanies(app, LIST_COMPANIES);
    });
    const ids = (data: Connection) => data.companies.edges.map((edge) => edge.node.id);

    it('lists by name ascending by default, with totalCount and pageInfo', async () => {
      const data = await ok<Connection>(app, LIST);
      expect(ids(data)).toEqual(['aws', 'anthropic', 'coreweave', 'meta', 'microsoft', 'mistral', 'nvidia', 'openai', 'sequoia']);
      expect(data.companies.totalCount).toBe(9);
      expect(data.companies.pageInfo).toEqual({
        hasNextPage: false,
        hasPreviousPage: false,
        startCursor: data.companies.edges[0].cursor,
        endCursor: data.companies.edges[8].cursor,
      });
    });

    it.each([
      ['kinds', { kinds: ['AI_LAB'] }, ['anthropic', 'mistral', 'openai']],
      ['several kinds', { kinds: ['CLOUD', 'NEOCLOUD'] }, ['aws', 'coreweave']],
      ['country', { country: 'FR' }, ['mistral']],
      ['namePrefix, case-insensitive', { namePrefix: 'mI' }, ['microsoft', 'mistral']],
      ['founded range (inclusive)', { foundedFrom: 2004, foundedTo: 2017 }, ['aws', 'coreweave', 'meta', 'openai']],
      ['foundedFrom alone', { foundedFrom: 2021 }, ['anthropic', 'mistral']],
      ['all conditions together', { kinds: ['AI_LAB', 'BIG_TECH'], country: 'US', namePrefix: 'm', foundedTo: 2010 }, ['meta', 'microsoft']],
      ['a filter nothing matches', { country: 'JP' }, []],
    ])('filters by %s', async (_label, filter, expected) => {
      const data = await ok<Connection>(app, LIST, { filter });
      expect(ids(data)).toEqual(expected);
      expect(data.companies.totalCount).toBe(expected.length);
    });

    it.each([
      [{ field: 'NAME', direction: 'DESC' }, ['sequoia', 'openai', 'nvidia', 'mistral', 'microsoft', 'meta', 'coreweave', 'anthropic', 'aws']],
      [{ field: 'FOUNDED', direction: 'ASC' }, ['sequoia', 'microsoft', 'nvidia', 'meta', 'aws', 'openai', 'coreweave', 'anthropic', 'mistral']],
      [{ field: 'FOUNDED', direction: 'DESC' }, ['mistral', 'anthropic', 'coreweave', 'openai', 'aws', 'meta', 'nvidia', 'microsoft', 'sequoia']],
      [{ field: 'ID', direction: 'ASC' }, ['anthropic', 'aws', 'coreweave', 'meta', 'microsoft', 'mistral', 'nvidia', 'openai', 'sequoia']],
      [{ field: 'ID', direction: 'DESC' }, ['sequoia', 'openai', 'nvidia', 'mistral', 'microsoft', 'meta', 'coreweave', 'aws', 'anthropic']],
    ])('sorts by %j', async (sort, expected) => {
      expect(ids(await ok<Connection>(app, LIST, { sort }))).toEqual(expected);
    });

    it('pages with first/after: pages join up without gaps or repeats, and pageInfo tells where it is', async () => {
      const sort = { field: 'ID', direction: 'ASC' };
      const page1 = await ok<Connection>(app, LIST, { sort, first: 4 });
      expect(ids(page1)).toEqual(['anthropic', 'aws', 'coreweave', 'meta']);
      expect(page1.companies.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      expect(page1.companies.totalCount).toBe(9);

      const page2 = await ok<Connection>(app, LIST, { sort, first: 4, after: page1.companies.pageInfo.endCursor });
      expect(ids(page2)).toEqual(['microsoft', 'mistral', 'nvidia', 'openai']);
      expect(page2.companies.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
      expect(page2.companies.pageInfo.startCursor).toBe(page2.companies.edges[0].cursor);
      expect(page2.companies.totalCount).toBe(9);

      const page3 = await ok<Connection>(app, LIST, { sort, first: 4, after: page2.companies.pageInfo.endCursor });
      expect(ids(page3)).toEqual(['sequoia']);
      expect(page3.companies.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

      // Paging a filtered list: totalCount counts the whole filtered set, not the page.
      const filtered = await ok<Connection>(app, LIST, { filter: { kinds: ['AI_LAB'] }, first: 2 });
      expect(ids(filtered)).toEqual(['anthropic', 'mistral']);
      expect(filtered.companies.totalCount).toBe(3);
      expect(filtered.companies.pageInfo.hasNextPage).toBe(true);
    });

    // Filtered by kinds, each kind is read from its own index in order and the kinds merged: pages must interleave
    // kinds correctly, a repeated kind must not repeat companies, and the other filters still apply.
    it.each([
      ['id', { field: 'ID', direction: 'ASC' }, ['anthropic', 'meta', 'microsoft', 'mistral', 'openai']],
      ['name', undefined, ['anthropic', 'meta', 'microsoft', 'mistral', 'openai']],
    ])('pages companies of several kinds by %s across the kinds', async (_label, sort, expected) => {
      const filter = { kinds: ['BIG_TECH', 'AI_LAB', 'BIG_TECH'] };
      const seen: string[] = [];
      let after: string | undefined;
      for (let page = 0; page < 3; page++) {
        const data = await ok<Connection>(app, LIST, { filter, sort, first: 2, after });
        seen.push(...ids(data));
        expect(data.companies.totalCount).toBe(5);
        after = data.companies.pageInfo.endCursor ?? undefined;
      }
      expect(seen).toEqual(expected);
      expect(ids(await ok<Connection>(app, LIST, { filter: { ...filter, country: 'US', foundedFrom: 2000 }, sort }))).toEqual(['anthropic', 'meta', 'openai']);
    });

    it.each([
      ['first: 0', { first: 0 }, 'first'],
      ['first: 101', { first: 101 }, 'first'],
      ['a forged cursor', { after: 'not-a-cursor' }, 'after'],
      ['a lower-case country', { filter: { country: 'us' } }, 'country'],
      ['an empty namePrefix', { filter: { namePrefix: '' } }, 'namePrefix'],
      ['foundedFrom out of range', { filter: { foundedFrom: 1500 } }, 'foundedFrom'],
    ])('refuses %s with BAD_USER_INPUT naming the argument', async (_label, variables, field) => {
      const result = await app.gql(LIST, variables);
      expect(firstError(result)).toEqual({ code: 'BAD_USER_INPUT', message: expect.stringContaining(field) });
    });
  });

  describe('searchCompanies', () => {
    beforeAll(async () => {
      await app.reset();
      await createCompanies(app, [...LIST_COMPANIES, { id: 'black-and-decker', name: 'Black AND Decker', kind: 'OTHER' }]);
    });
    const SEARCH = 'query($text: String!, $first: Int! = 10) { searchCompanies(text: $text, first: $first) { score company { id name } } }';

    it('finds anthropic from the typo "antropic", best match first', async () => {
      const data = await ok(app, SEARCH, { text: 'antropic' });
      expect(data.searchCompanies[0].company).toEqual({ id: 'anthropic', name: 'Anthropic' });
      expect(data.searchCompanies[0].score).toBeGreaterThan(0);
      const scores = data.searchCompanies.map((hit: { score: number }) => hit.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    });

    it('matches aliases and prefixes, and honours first', async () => {
      expect((await ok(app, SEARCH, { text: 'AWS' })).searchCompanies[0].company.id).toBe('aws');
      expect((await ok(app, SEARCH, { text: 'sequo' })).searchCompanies.map((hit: { company: { id: string } }) => hit.company.id)).toEqual(['sequoia']);
      expect((await ok(app, SEARCH, { text: 'm', first: 2 })).searchCompanies).toHaveLength(2);
    });

    it('treats Lucene syntax characters as plain text and finds nothing for unrelated words', async () => {
      expect((await ok(app, SEARCH, { text: 'anthropic*:("' })).searchCompanies.map((hit: { company: { id: string } }) => hit.company.id)).toEqual(['anthropic']);
      expect((await ok(app, SEARCH, { text: 'zzzzqqqq' })).searchCompanies).toEqual([]);
    });

    it('searches for the words AND / OR / NOT in a name instead of failing on them as Lucene operators', async () => {
      const result = await app.gql<{ searchCompanies: { company: { id: string } }[] }>(SEARCH, { text: 'Black AND Decker' });
      expect(result.errors).toBeUndefined();
      expect(result.data?.searchCompanies[0].company.id).toBe('black-and-decker');
      for (const text of ['OR', 'anthropic NOT']) {
        expect(firstError(await app.gql(SEARCH, { text }))).toBeUndefined();
      }
    });

    it.each([
      ['empty text', { text: '' }, 'text'],
      ['punctuation only', { text: '!!!' }, 'text'],
      ['text over 200 characters', { text: long(201) }, 'text'],
      ['first: 51', { text: 'anthropic', first: 51 }, 'first'],
    ])('refuses %s with BAD_USER_INPUT', async (_label, variables, field) => {
      expect(firstError(await app.gql(SEARCH, variables))).toEqual({ code: 'BAD_USER_INPUT', message: expect.stringContaining(field) });
    });
  });

  describe('validation: refused with BAD_USER_INPUT naming the field, nothing written', () => {
    beforeAll(async () => {
      await app.reset();
      await createCompanies(app, [{ id: 'anthropic', name: 'Anthropic', kind: 'AI_LAB' }]);
    });
    const valid = { name: 'New Lab', kind: 'AI_LAB' };

    it.each([
      ['an empty name', { name: '' }, 'name'],
      ['a blank name', { name: '   ' }, 'name'],
      ['a name over 200 characters', { name: long(201) }, 'name'],
      ['an id that is not a slug (upper case, spaces)', { id: 'New Lab' }, 'id'],
      ['an id with underscores', { id: 'new_lab' }, 'id'],
      ['an id over 64 characters', { id: `a${'-b'.repeat(40)}` }, 'id'],
      ['a malformed website', { website: 'not a url' }, 'website'],
      ['a website without http(s)', { website: 'ftp://example.com' }, 'website'],
      ['a country that is not ISO alpha-2', { country: 'USA' }, 'country'],
      ['a founding year before 1800', { founded: 1700 }, 'founded'],
      ['a founding year in the future', { founded: THIS_YEAR + 1 }, 'founded'],
      ['an empty alias', { aliases: ['ok', ''] }, 'aliases'],
      ['an alias over 200 characters', { aliases: [long(201)] }, 'aliases'],
      ['a description over 2000 characters', { description: long(2001) }, 'description'],
    ])('createCompany with %s', async (_label, change, field) => {
      await expectRefused(app, CREATE, { input: { ...valid, ...change } }, 'BAD_USER_INPUT', field);
    });

    it.each([
      ['a blank name', { name: ' ' }, 'name'],
      ['a name over 200 characters', { name: long(201) }, 'name'],
      ['a malformed website', { website: 'www.example.com' }, 'website'],
      ['a country that is not ISO alpha-2', { country: 'us' }, 'country'],
      ['a founding year in the future', { founded: THIS_YEAR + 1 }, 'founded'],
    ])('updateCompany with %s leaves the company unchanged', async (_label, input, field) => {
      await expectRefused(app, UPDATE, { id: 'anthropic', input }, 'BAD_USER_INPUT', field);
      expect((await ok(app, GET, { id: 'anthropic' })).company).toMatchObject({ name: 'Anthropic', website: null, country: null, founded: null });
    });

    it('createCompany with an unknown kind literal is a GraphQL validation error and writes nothing', async () => {
      const before = await app.counts();
      const result = await app.gql('mutation { createCompany(input: {name: "X", kind: SPACESHIP}) { id } }', undefined, AS_WRITER);
      expect(result.errors?.[0].message).toMatch(/SPACESHIP/);
      expect(await app.counts()).toEqual(before);
    });
  });

  describe('companies under concurrent writes (keyset cursors)', () => {
    it.each([
      ['name', { field: 'NAME', direction: 'ASC' }],
      ['id, descending', { field: 'ID', direction: 'DESC' }],
    ])('by %s: rows inserted on both sides of the cursor and a seen row deleted between pages are neither skipped nor repeated', async (_label, sort) => {
      await app.reset();
      const id = (i: number) => `keyset-${String(i).padStart(2, '0')}`;
      await createCompanies(app, Array.from({ length: 12 }, (_, i) => ({ id: id(i * 2), name: `Keyset ${String(i * 2).padStart(2, '0')}`, kind: 'OTHER' })));
      const PAGE = 'query($sort: CompanySort, $after: String) { companies(sort: $sort, first: 5, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }';
      const first = (await ok(app, PAGE, { sort })).companies;
      const seen: string[] = first.edges.map((edge: { node: { id: string } }) => edge.node.id);
      // Between the requests: one row before the cursor, one after it, and a row of the first page deleted.
      const ascending = sort.direction === 'ASC';
      const before = ascending ? 1 : 21;
      const later = ascending ? 15 : 5;
      await createCompanies(app, [before, later].map((i) => ({ id: id(i), name: `Keyset ${String(i).padStart(2, '0')}`, kind: 'OTHER' })));
      await ok(app, 'mutation($id: ID!) { deleteCompany(id: $id) { deleted } }', { id: seen[1] });
      let after = first.pageInfo.endCursor;
      for (let page = 0; page < 5 && after; page++) {
        const next = (await ok(app, PAGE, { sort, after })).companies;
        seen.push(...next.edges.map((edge: { node: { id: string } }) => edge.node.id));
        after = next.pageInfo.hasNextPage ? next.pageInfo.endCursor : undefined;
      }
      const original = Array.from({ length: 12 }, (_, i) => id(i * 2));
      const expected = [...original, id(later)].sort();
      if (!ascending) expected.reverse();
      // Every row that existed throughout once, in order; the row inserted behind the cursor is not read back.
      expect(seen).toEqual(expected);
      expect(seen).not.toContain(id(before));
    });
  });
});

