import { startTestApp, type TestApp } from '../../support/test-app';
import { coreWorld, createCompanies, expectRefused, firstError, ok } from './helpers';

const LINK_FIELDS = 'id parent { id } subsidiary { id } since sources { id }';
const RECORD = `mutation($input: RecordSubsidiaryLinkInput!) { recordSubsidiaryLink(input: $input) { ${LINK_FIELDS} } }`;
const REMOVE = 'mutation($id: ID!) { removeSubsidiaryLink(id: $id) { id deleted } }';
const LIST = `query($companyId: ID, $first: Int! = 100) { subsidiaryLinks(companyId: $companyId, first: $first) { nodes { ${LINK_FIELDS} } } }`;
const FAMILY = 'query($id: ID!) { company(id: $id) { id parent { id name } subsidiaries { id name } } }';

const LINKS = [
  { id: 'sub-aws-amazon', childId: 'aws', parentId: 'amazon', since: '2006', sourceIds: ['src-one'] },
  { id: 'sub-google-deepmind-google', childId: 'google-deepmind', parentId: 'google', since: '2014-01', sourceIds: ['src-one', 'src-two'] },
  { id: 'sub-google-cloud-google', childId: 'google-cloud', parentId: 'google', since: '2008', sourceIds: ['src-two'] },
];

async function familyWorld(app: TestApp, withLinks = true): Promise<void> {
  await coreWorld(app);
  await createCompanies(app, [
    { id: 'google-deepmind', name: 'Google DeepMind', kind: 'AI_LAB' },
    { id: 'google-cloud', name: 'Google Cloud', kind: 'CLOUD' },
    { id: 'annapurna-labs', name: 'Annapurna Labs', kind: 'CHIPMAKER' },
  ]);
  if (withLinks) for (const input of LINKS) await ok(app, RECORD, { input });
}

const linkIds = (links: { id: string }[]) => links.map((link) => link.id);

describe('Subsidiary link API: one parent, no ownership cycle, the subsidiaryLinks list, Company.parent / subsidiaries', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.reset();
    await app.close();
  });

  // What every fact type keeps (read-back, inline sources, defaults, idempotence, CONFLICT, updates, limits including
  // a company as its own parent, removal) is test/integration/facts/fact-contract.test.ts; here only what is the
  // subsidiary link's own: its id, one parent, no ownership cycle, Company.parent / subsidiaries.
  describe('recordSubsidiaryLink', () => {
    beforeEach(() => familyWorld(app, false));

    it('records a link with a default id and shows it on both companies', async () => {
      const link = (await ok(app, RECORD, { input: { childId: 'aws', parentId: 'amazon', since: '2006', sourceIds: ['src-one'] } })).recordSubsidiaryLink;
      expect(link).toEqual({ id: 'sub-aws-amazon', parent: { id: 'amazon' }, subsidiary: { id: 'aws' }, since: '2006', sources: [{ id: 'src-one' }] });
      expect((await ok(app, FAMILY, { id: 'aws' })).company).toEqual({ id: 'aws', parent: { id: 'amazon', name: 'Amazon' }, subsidiaries: [] });
      expect((await ok(app, FAMILY, { id: 'amazon' })).company).toEqual({ id: 'amazon', parent: null, subsidiaries: [{ id: 'aws', name: 'Amazon Web Services' }] });
    });

    it('refuses with CONFLICT a second parent for a subsidiary, and the same pair under another id', async () => {
      await ok(app, RECORD, { input: LINKS[0] });
      const result = await expectRefused(app, RECORD, { input: { childId: 'aws', parentId: 'google', sourceIds: ['src-one'] } }, 'CONFLICT', 'amazon');
      expect(result.errors?.[0].message).toContain('sub-aws-amazon');
      await expectRefused(app, RECORD, { input: { id: 'sub-aws-amazon-2', childId: 'aws', parentId: 'amazon', sourceIds: ['src-one'] } }, 'CONFLICT', 'sub-aws-amazon');
      expect((await ok(app, FAMILY, { id: 'aws' })).company.parent).toEqual({ id: 'amazon', name: 'Amazon' });
    });

    it('refuses a link that would close a cycle with BAD_USER_INPUT naming parentId', async () => {
      await ok(app, RECORD, { input: LINKS[0] });
      await ok(app, RECORD, { input: { childId: 'annapurna-labs', parentId: 'aws', sourceIds: ['src-one'] } });
      // Direct: amazon under aws (aws is under amazon).
      await expectRefused(app, RECORD, { input: { childId: 'amazon', parentId: 'aws', sourceIds: ['src-one'] } }, 'BAD_USER_INPUT', 'parentId');
      // Two levels: amazon under annapurna-labs (annapurna-labs -> aws -> amazon).
      await expectRefused(app, RECORD, { input: { childId: 'amazon', parentId: 'annapurna-labs', sourceIds: ['src-one'] } }, 'BAD_USER_INPUT', 'parentId');
      expect((await ok(app, FAMILY, { id: 'amazon' })).company.parent).toBeNull();
    });
  });

  describe('removeSubsidiaryLink', () => {
    beforeEach(() => familyWorld(app));

    it('removes a link, after which the subsidiary may get another parent; NOT_FOUND the second time', async () => {
      expect(await ok(app, REMOVE, { id: 'sub-aws-amazon' })).toEqual({ removeSubsidiaryLink: { id: 'sub-aws-amazon', deleted: true } });
      expect((await ok(app, FAMILY, { id: 'aws' })).company.parent).toBeNull();
      expect((await ok(app, FAMILY, { id: 'amazon' })).company.subsidiaries).toEqual([]);
      await expectRefused(app, REMOVE, { id: 'sub-aws-amazon' }, 'NOT_FOUND', 'sub-aws-amazon');
      const relinked = (await ok(app, RECORD, { input: { childId: 'aws', parentId: 'google', sourceIds: ['src-one'] } })).recordSubsidiaryLink;
      expect(relinked).toMatchObject({ id: 'sub-aws-google', parent: { id: 'google' } });
    });
  });

  describe('subsidiaryLinks and Company.parent / subsidiaries', () => {
    beforeAll(() => familyWorld(app));

    it('lists links by parent name then subsidiary name, with sources', async () => {
      const links = (await ok(app, LIST)).subsidiaryLinks.nodes;
      expect(linkIds(links)).toEqual(['sub-aws-amazon', 'sub-google-cloud-google', 'sub-google-deepmind-google']);
      expect(links[2]).toMatchObject({ parent: { id: 'google' }, subsidiary: { id: 'google-deepmind' }, since: '2014-01' });
      expect(linkIds(links[2].sources).sort()).toEqual(['src-one', 'src-two']);
    });

    it.each([
      ['a parent', { companyId: 'google' }, ['sub-google-cloud-google', 'sub-google-deepmind-google']],
      ['a subsidiary', { companyId: 'google-cloud' }, ['sub-google-cloud-google']],
      ['a company without links', { companyId: 'anthropic' }, []],
      ['first', { first: 2 }, ['sub-aws-amazon', 'sub-google-cloud-google']],
    ])('filters by %s', async (_label, variables, expected) => {
      expect(linkIds((await ok(app, LIST, variables)).subsidiaryLinks.nodes)).toEqual(expected);
    });

    it('refuses first out of range with BAD_USER_INPUT', async () => {
      expect(firstError(await app.gql(LIST, { first: 0 }))).toEqual({ code: 'BAD_USER_INPUT', message: expect.stringContaining('first') });
      expect(firstError(await app.gql(LIST, { first: 501 }))).toEqual({ code: 'BAD_USER_INPUT', message: expect.stringContaining('first') });
    });

    it('Company.parent and Company.subsidiaries (by name) answer for several companies in one request', async () => {
      const data = await ok(app, `{
        google: company(id: "google") { parent { id } subsidiaries { id name } }
        deepmind: company(id: "google-deepmind") { parent { id name } subsidiaries { id } }
        anthropic: company(id: "anthropic") { parent { id } subsidiaries { id } }
      }`);
      expect(data).toEqual({
        google: { parent: null, subsidiaries: [{ id: 'google-cloud', name: 'Google Cloud' }, { id: 'google-deepmind', name: 'Google DeepMind' }] },
        deepmind: { parent: { id: 'google', name: 'Google' }, subsidiaries: [] },
        anthropic: { parent: null, subsidiaries: [] },
      });
    });
  });
});
