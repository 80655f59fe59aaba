import { startTestApp, type TestApp } from '../../support/test-app';
import { coreWorld, expectRefused, firstError, long, ok, recordSources } from './helpers';

const SOURCE_FIELDS = 'id url publisher title publishedOn';
const RECORD = `mutation($input: SourceInput!) { recordSource(input: $input) { ${SOURCE_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: SourceInput!) { updateSource(id: $id, input: $input) { ${SOURCE_FIELDS} } }`;
const REMOVE = 'mutation($id: ID!) { removeSource(id: $id) { id deleted } }';
const GET = `query($id: ID!) { source(id: $id) { ${SOURCE_FIELDS} } }`;
const LIST = `query($publisher: String, $first: Int! = 20) { sources(publisher: $publisher, first: $first) { nodes { ${SOURCE_FIELDS} } } }`;

const ids = (list: { id: string }[]) => list.map((item) => item.id);

/** One fact of each kind citing src-cited, recorded through the API. */
const CITING_FACTS: [string, string, string][] = [
  ['an investment', 'mutation { recordInvestment(input: {id: "inv-x", investorId: "amazon", investeeId: "anthropic", announcedOn: "2024-01", sourceIds: ["src-cited"]}) { id } }', 'mutation { removeInvestment(id: "inv-x") { id } }'],
  ['a compute deal', 'mutation { recordComputeDeal(input: {id: "cd-x", providerId: "aws", customerId: "anthropic", announcedOn: "2024-01", resource: CLOUD, sourceIds: ["src-cited"]}) { id } }', 'mutation { removeComputeDeal(id: "cd-x") { id } }'],
  ['a rivalry', 'mutation { recordRivalry(input: {id: "riv-x", companyIds: ["anthropic", "openai"], market: "frontier-models", sourceIds: ["src-cited"]}) { id } }', 'mutation { removeRivalry(id: "riv-x") { id } }'],
  ['a subsidiary link', 'mutation { recordSubsidiaryLink(input: {id: "sub-x", childId: "aws", parentId: "amazon", sourceIds: ["src-cited"]}) { id } }', 'mutation { removeSubsidiaryLink(id: "sub-x") { id } }'],
  ['an acquisition', 'mutation { recordAcquisition(input: {id: "acq-x", acquirerId: "google", targetId: "mistral", announcedOn: "2024-01", sourceIds: ["src-cited"]}) { id } }', 'mutation { removeAcquisition(id: "acq-x") { id } }'],
];

describe('Source API (recordSource, updateSource, removeSource, source, sources)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.reset();
    await app.close();
  });

  describe('recordSource, updateSource and source', () => {
    beforeEach(() => app.reset());

    it('records a source with an id, trimming publisher and title, and reads it back', async () => {
      const recorded = (await ok(app, RECORD, { input: { id: 'src-reuters-1', url: 'https://www.reuters.com/a', publisher: ' Reuters (via CNA) ', title: ' Amazon invests ', publishedOn: '2023-09-25' } })).recordSource;
      const expected = { id: 'src-reuters-1', url: 'https://www.reuters.com/a', publisher: 'Reuters (via CNA)', title: 'Amazon invests', publishedOn: '2023-09-25' };
      expect(recorded).toEqual(expected);
      expect((await ok(app, GET, { id: 'src-reuters-1' })).source).toEqual(expected);
      expect(await app.counts()).toEqual({ nodes: 1, relationships: 0 });
    });

    it('derives a stable id from the url: recording the same url twice gives one source', async () => {
      const input = { url: 'https://techcrunch.com/b', publisher: 'TechCrunch', title: 'B', publishedOn: '2024-03' };
      const first = (await ok(app, RECORD, { input })).recordSource;
      expect(first).toEqual({ ...input, id: expect.stringMatching(/^src-[0-9a-f]{16}$/) });
      expect((await ok(app, RECORD, { input })).recordSource).toEqual(first);
      expect(await app.counts()).toEqual({ nodes: 1, relationships: 0 });
    });

    it('returns null for an unknown source', async () => {
      expect(await ok(app, GET, { id: 'src-unknown' })).toEqual({ source: null });
    });

    it('re-recording an id overwrites its details', async () => {
      await ok(app, RECORD, { input: { id: 'src-a', url: 'https://news.example.com/a', publisher: 'P', title: 'Old', publishedOn: '2024' } });
      const updated = (await ok(app, RECORD, { input: { id: 'src-a', url: 'https://news.example.com/a2', publisher: 'Q', title: 'New' } })).recordSource;
      expect(updated).toEqual({ id: 'src-a', url: 'https://news.example.com/a2', publisher: 'Q', title: 'New', publishedOn: null });
      expect(await app.counts()).toEqual({ nodes: 1, relationships: 0 });
    });

    it('refuses with CONFLICT a url already held by another source', async () => {
      await ok(app, RECORD, { input: { id: 'src-a', url: 'https://news.example.com/a', publisher: 'P', title: 'A' } });
      await expectRefused(app, RECORD, { input: { id: 'src-b', url: 'https://news.example.com/a', publisher: 'P', title: 'B' } }, 'CONFLICT', 'src-a');
      expect((await ok(app, GET, { id: 'src-a' })).source.title).toBe('A');
    });

    it('updateSource replaces the details of an existing source', async () => {
      await ok(app, RECORD, { input: { id: 'src-a', url: 'https://news.example.com/a', publisher: 'P', title: 'A', publishedOn: '2024-01-01' } });
      const updated = (await ok(app, UPDATE, { id: 'src-a', input: { url: 'https://news.example.com/a-moved', publisher: 'Reuters', title: 'A, corrected', publishedOn: '2024-01' } })).updateSource;
      const expected = { id: 'src-a', url: 'https://news.example.com/a-moved', publisher: 'Reuters', title: 'A, corrected', publishedOn: '2024-01' };
      expect(updated).toEqual(expected);
      expect((await ok(app, GET, { id: 'src-a' })).source).toEqual(expected);
      expect(await app.counts()).toEqual({ nodes: 1, relationships: 0 });
    });

    it('updateSource answers NOT_FOUND for an unknown id and creates nothing', async () => {
      await expectRefused(app, UPDATE, { id: 'src-unknown', input: { url: 'https://news.example.com/u', publisher: 'P', title: 'T' } }, 'NOT_FOUND', 'src-unknown');
      expect(await app.counts()).toEqual({ nodes: 0, relationships: 0 });
    });

    it('updateSource refuses with CONFLICT a url held by another source', async () => {
      await recordSources(app, [
        { id: 'src-a', url: 'https://news.example.com/a' },
        { id: 'src-b', url: 'https://news.example.com/b' },
      ]);
      await expectRefused(app, UPDATE, { id: 'src-b', input: { url: 'https://news.example.com/a', publisher: 'P', title: 'T' } }, 'CONFLICT', 'src-a');
      expect((await ok(app, GET, { id: 'src-b' })).source.url).toBe('https://news.example.com/b');
    });
  });

  describe('sources', () => {
    beforeAll(async () => {
      await app.reset();
      await recordSources(app, [
        { id: 'src-a', url: 'https://news.example.com/a', publisher: 'Reuters', publishedOn: '2025-01-10' },
        { id: 'src-b', url: 'https://news.example.com/b', publisher: 'TechCrunch', publishedOn: '2024-06' },
        { id: 'src-c', url: 'https://news.example.com/c', publisher: 'Reuters (via CNA)', publishedOn: '2023' },
        { id: 'src-d', url: 'https://news.example.com/d', publisher: 'Bloomberg', publishedOn: '2024-06-15' },
      ]);
    });

    it.each([
      ['nothing (newest first)', {}, ['src-a', 'src-d', 'src-b', 'src-c']],
      ['publisher, case-insensitive part of the name', { publisher: 'reuTERS' }, ['src-a', 'src-c']],
      ['publisher with no match', { publisher: 'Financial Times' }, []],
      ['first', { first: 2 }, ['src-a', 'src-d']],
    ])('lists by %s', async (_label, variables, expected) => {
      expect(ids((await ok(app, LIST, variables)).sources.nodes)).toEqual(expected);
    });

    it('returns every field in the list', async () => {
      expect((await ok(app, LIST, { first: 1 })).sources.nodes).toEqual([{ id: 'src-a', url: 'https://news.example.com/a', publisher: 'Reuters', title: 'Report src-a', publishedOn: '2025-01-10' }]);
    });

    it('pages newest first with keyset cursors and counts every match', async () => {
      const PAGE = 'query($after: String) { sources(first: 3, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }';
      const first = (await ok(app, PAGE)).sources;
      expect(first.totalCount).toBe(4);
      expect(first.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(['src-a', 'src-d', 'src-b']);
      expect(first.pageInfo).toEqual({ hasNextPage: true, endCursor: first.edges[2].cursor });
      const second = (await ok(app, PAGE, { after: first.pageInfo.endCursor })).sources;
      expect(second.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(['src-c']);
      expect(second.pageInfo.hasNextPage).toBe(false);
      expect(firstError(await app.gql(PAGE, { after: 'not-a-cursor' }))).toEqual({ code: 'BAD_USER_INPUT', message: expect.stringContaining('after') });
    });

    it.each([
      ['first: 0', { first: 0 }, 'first'],
      ['first: 101', { first: 101 }, 'first'],
      ['a publisher over 200 characters', { publisher: long(201) }, 'publisher'],
    ])('refuses %s with BAD_USER_INPUT', async (_label, variables, field) => {
      expect(firstError(await app.gql(LIST, variables))).toEqual({ code: 'BAD_USER_INPUT', message: expect.stringContaining(field) });
    });
  });

  describe('removeSource', () => {
    beforeEach(async () => {
      await coreWorld(app);
      await recordSources(app, [{ id: 'src-cited', url: 'https://news.example.com/cited' }]);
    });

    it('removes a source no fact cites; NOT_FOUND the second time', async () => {
      const before = await app.counts();
      expect(await ok(app, REMOVE, { id: 'src-cited' })).toEqual({ removeSource: { id: 'src-cited', deleted: true } });
      expect(await ok(app, GET, { id: 'src-cited' })).toEqual({ source: null });
      expect((await app.counts()).nodes).toBe(before.nodes - 1);
      await expectRefused(app, REMOVE, { id: 'src-cited' }, 'NOT_FOUND', 'src-cited');
    });

    it.each(CITING_FACTS)('refuses with CONFLICT a source cited by %s, deleting nothing; once the fact is gone it can be removed', async (_label, record, removeFact) => {
      await ok(app, record);
      const result = await expectRefused(app, REMOVE, { id: 'src-cited' }, 'CONFLICT', 'src-cited');
      expect(result.errors?.[0].message).toMatch(/cited by 1 fact/);
      expect((await ok(app, GET, { id: 'src-cited' })).source.id).toBe('src-cited');
      await ok(app, removeFact);
      expect(await ok(app, REMOVE, { id: 'src-cited' })).toEqual({ removeSource: { id: 'src-cited', deleted: true } });
    });
  });

  describe('validation: BAD_USER_INPUT naming the field, nothing written', () => {
    beforeAll(async () => {
      await app.reset();
      await recordSources(app, [{ id: 'src-a', url: 'https://news.example.com/a' }]);
    });
    const valid = { url: 'https://news.example.com/new', publisher: 'Reuters', title: 'A title' };

    it.each([
      ['a malformed url', { url: 'not a url' }, 'url'],
      ['a url without a scheme', { url: 'news.example.com/x' }, 'url'],
      ['an ftp url', { url: 'ftp://news.example.com/x' }, 'url'],
      ['a url over 2000 characters', { url: `https://news.example.com/${long(2000)}` }, 'url'],
      ['an empty publisher', { publisher: '' }, 'publisher'],
      ['a blank publisher', { publisher: '   ' }, 'publisher'],
      ['a publisher over 200 characters', { publisher: long(201) }, 'publisher'],
      ['an empty title', { title: '' }, 'title'],
      ['a blank title', { title: '\t ' }, 'title'],
      ['a title over 500 characters', { title: long(501) }, 'title'],
      ['an id that is not a slug', { id: 'Src A' }, 'id'],
      ['an id over 80 characters', { id: `s${'-x'.repeat(40)}` }, 'id'],
      ['an impossible publishedOn (variable)', { publishedOn: '2024-02-30' }, 'publishedOn'],
      ['an impossible month (variable)', { publishedOn: '2023-13' }, 'publishedOn'],
    ])('recordSource with %s', async (_label, change, field) => {
      await expectRefused(app, RECORD, { input: { ...valid, ...change } }, 'BAD_USER_INPUT', field);
    });

    it.each([
      ['a malformed url', { url: 'https//broken' }, 'url'],
      ['a blank publisher', { publisher: ' ' }, 'publisher'],
      ['a title over 500 characters', { title: long(501) }, 'title'],
    ])('updateSource with %s changes nothing', async (_label, change, field) => {
      await expectRefused(app, UPDATE, { id: 'src-a', input: { ...valid, ...change } }, 'BAD_USER_INPUT', field);
      expect((await ok(app, GET, { id: 'src-a' })).source).toMatchObject({ url: 'https://news.example.com/a', title: 'Report src-a' });
    });

    it('recordSource with an impossible date as an inline literal', async () => {
      await expectRefused(app, 'mutation { recordSource(input: {url: "https://news.example.com/z", publisher: "P", title: "T", publishedOn: "2024-02-30"}) { id } }', undefined, 'BAD_USER_INPUT', 'publishedOn');
    });
  });
});
