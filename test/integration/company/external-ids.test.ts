import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importDataset } from '../../../src/import/bulk-import';
import { ImportRejectedError } from '../../../src/import/preflight';
import { DatasetError, readDataset, SEED_FILE, type Dataset } from '../../../src/seed/dataset';
import { toInputs } from '../../../src/seed/to-inputs';
import { startSeededTestApp, type TestApp } from '../../support/test-app';
import { expectRefused, ok } from '../domain/helpers';

// GLEIF's own LEI, as its 2018 annual report (XBRL) states it; the seed holds no LEI, so it is free to use here.
const GLEIF_LEI = '506700GE1G29325QX363';
const BY_ID = 'query($scheme: ExternalIdScheme!, $value: String!) { companyByExternalId(scheme: $scheme, value: $value) { id } }';
const CREATE = 'mutation($input: CreateCompanyInput!) { createCompany(input: $input) { id formerNames externalIds { scheme value source } } }';
const UPDATE = 'mutation($id: ID!, $input: UpdateCompanyInput!) { updateCompany(id: $id, input: $input) { id externalIds { scheme value } } }';

describe('company external ids and former names', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startSeededTestApp();
  }, 180000);
  afterAll(async () => {
    await app.reset();
    await app.close();
  });

  it.each([
    ['SEC_CIK', '789019', 'microsoft'],
    ['SEC_CIK', '0001045810', 'nvidia'],
    ['WIKIDATA', 'q95', 'google'],
    ['DOMAIN', 'https://WWW.Anthropic.com/news', 'anthropic'],
    ['DOMAIN', 'x.ai', 'xai'],
  ])('companyByExternalId(%s, "%s") normalizes the value and finds %s', async (scheme, value, id) => {
    expect((await ok(app, BY_ID, { scheme, value })).companyByExternalId).toEqual({ id });
  });

  it('answers null for an id nobody holds, and for a value no id can be', async () => {
    expect((await ok(app, BY_ID, { scheme: 'SEC_CIK', value: '999999999' })).companyByExternalId).toBeNull();
    expect((await ok(app, BY_ID, { scheme: 'LEI', value: 'not an lei' })).companyByExternalId).toBeNull();
  });

  it('shows a company its former names and its ids with their pages, read only when asked for', async () => {
    const { company } = await ok(app, '{ company(id: "meta") { aliases formerNames externalIds { scheme value source } } }');
    expect(company.formerNames).toEqual(['Facebook', 'Facebook, Inc.']);
    expect(company.aliases).not.toContain('Facebook');
    expect(company.externalIds).toEqual([
      { scheme: 'SEC_CIK', value: '0001326801', source: expect.stringMatching(/^https:\/\/sec\.gov\/Archives\/edgar\/data\/1326801\//) },
      { scheme: 'DOMAIN', value: 'about.meta.com', source: 'https://about.meta.com' },
    ]);
    // The list reads them through one batched statement for every company on the page.
    const { companies } = await ok(app, '{ companies(first: 100) { nodes { id externalIds { scheme } } } }');
    const withIds = new Set(readDataset(SEED_FILE).companies.filter((c) => (c.externalIds ?? []).length > 0).map((c) => c.id));
    const page = companies.nodes as { id: string; externalIds: unknown[] }[];
    expect(page.filter((c) => c.externalIds.length > 0).map((c) => c.id)).toEqual(page.filter((c) => withIds.has(c.id)).map((c) => c.id));
    expect(page.filter((c) => c.externalIds.length > 0).length).toBeGreaterThan(20);
  });

  it('stores ids given to createCompany normalized, and finds the company by them', async () => {
    const { createCompany } = await ok(app, CREATE, {
      input: {
        id: 'gleif',
        name: 'Global Legal Entity Identifier Foundation',
        kind: 'OTHER',
        formerNames: ['GLEIF Stiftung'],
        externalIds: [
          { scheme: 'LEI', value: GLEIF_LEI.toLowerCase(), source: 'https://verify.ink/assets/documents/gleif_annual_report_2018.signed.xhtml' },
          { scheme: 'DOMAIN', value: 'https://WWW.gleif.org/en/', source: 'https://www.gleif.org/en/' },
        ],
      },
    });
    expect(createCompany.externalIds.map((i: { scheme: string; value: string }) => [i.scheme, i.value])).toEqual([
      ['LEI', GLEIF_LEI],
      ['DOMAIN', 'gleif.org'],
    ]);
    expect((await ok(app, BY_ID, { scheme: 'LEI', value: GLEIF_LEI })).companyByExternalId).toEqual({ id: 'gleif' });
    const [match] = (await ok(app, 'query($n: [String!]!) { matchCompanies(names: $n) { candidates { company { id } reason } } }', { n: ['GLEIF Stiftung'] })).matchCompanies;
    expect(match.candidates[0]).toEqual({ company: { id: 'gleif' }, reason: 'FORMER_NAME' });
  });

  it('refuses an LEI whose check digits fail with BAD_USER_INPUT and writes nothing', async () => {
    await expectRefused(
      app,
      CREATE,
      { input: { id: 'bad-lei', name: 'Bad LEI', kind: 'OTHER', externalIds: [{ scheme: 'LEI', value: '506700GE1G29325QX364', source: 'https://example.org' }] } },
      'BAD_USER_INPUT',
      'fails the ISO 17442 check digits',
    );
  });

  it('refuses two ids of one scheme and a malformed one with BAD_USER_INPUT', async () => {
    const two = [
      { scheme: 'DOMAIN', value: 'a-example.com', source: 'https://a-example.com' },
      { scheme: 'DOMAIN', value: 'b-example.com', source: 'https://b-example.com' },
    ];
    await expectRefused(app, CREATE, { input: { id: 'two', name: 'Two', kind: 'OTHER', externalIds: two } }, 'BAD_USER_INPUT', 'DOMAIN twice');
    await expectRefused(app, UPDATE, { id: 'cohere', input: { externalIds: [{ scheme: 'WIKIDATA', value: 'Q0', source: 'https://example.org' }] } }, 'BAD_USER_INPUT', 'Wikidata item id');
  });

  it('refuses an id another company holds with CONFLICT naming it, on create and on update, and writes nothing', async () => {
    const taken = [{ scheme: 'DOMAIN', value: 'https://openai.com/', source: 'https://openai.com' }];
    await expectRefused(app, CREATE, { input: { id: 'copycat', name: 'Copycat', kind: 'OTHER', externalIds: taken } }, 'CONFLICT', 'DOMAIN "openai.com" already belongs to company "openai"');
    await expectRefused(app, UPDATE, { id: 'cohere', input: { externalIds: taken } }, 'CONFLICT', 'already belongs to company "openai"');
  });

  it('replaces a company\'s ids on update; an empty list clears them', async () => {
    const cik = [{ scheme: 'SEC_CIK', value: '1234', source: 'https://example.org/filing' }];
    expect((await ok(app, UPDATE, { id: 'groq', input: { externalIds: cik } })).updateCompany.externalIds).toEqual([{ scheme: 'SEC_CIK', value: '0000001234' }]);
    expect((await ok(app, BY_ID, { scheme: 'DOMAIN', value: 'groq.com' })).companyByExternalId).toBeNull();
    expect((await ok(app, UPDATE, { id: 'groq', input: { externalIds: [] } })).updateCompany.externalIds).toEqual([]);
    expect((await ok(app, BY_ID, { scheme: 'SEC_CIK', value: '1234' })).companyByExternalId).toBeNull();
  });

  describe('loading a dataset checks them the same way', () => {
    const spoiled = (spoil: (d: Dataset) => void): Dataset => {
      const dataset = readDataset(SEED_FILE);
      spoil(dataset);
      return dataset;
    };

    it('a bad check digit is a coded error naming the company', async () => {
      const error = await toInputs(spoiled((d) => (d.companies.find((c) => c.id === 'cohere')!.externalIds = [{ scheme: 'LEI', value: '506700GE1G29325QX364', source: 'https://x.org' }]))).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatasetError);
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/company "cohere": externalIds: .*check digits/) });
    });

    it('one id on two companies of the file is refused, naming both', async () => {
      const error = await toInputs(spoiled((d) => (d.companies.find((c) => c.id === 'cohere')!.externalIds = [{ scheme: 'DOMAIN', value: 'www.openai.com', source: 'https://openai.com' }]))).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/company "(cohere|openai)": externalIds: DOMAIN "openai.com" is already company "(openai|cohere)"'s/) });
    });

    it('the import refuses a file whose company takes an id another company holds in the database, before writing', async () => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aig-ids-')), 'clash.json');
      const dataset = readDataset(SEED_FILE);
      fs.writeFileSync(
        file,
        JSON.stringify({
          ...Object.fromEntries(Object.keys(dataset).map((k) => [k, Array.isArray((dataset as Record<string, unknown>)[k]) ? [] : (dataset as Record<string, unknown>)[k]])),
          companies: [{ id: 'gleif-twin', name: 'GLEIF twin', kind: 'OTHER', externalIds: [{ scheme: 'LEI', value: GLEIF_LEI, source: 'https://example.org' }] }],
        }),
      );
      const before = await app.counts();
      const error = await importDataset(app.db, app.catalog, file, { batchSize: 10, resume: false }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportRejectedError);
      expect((error as Error).message).toContain(`companies: "gleif-twin" has LEI "${GLEIF_LEI}", which company "gleif" already holds in the database`);
      expect(await app.counts()).toEqual(before);
    });
  });
});
