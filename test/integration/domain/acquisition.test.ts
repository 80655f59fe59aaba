import { startTestApp, type TestApp } from '../../support/test-app';
import { coreWorld, createCompanies, firstError, ok } from './helpers';

const ACQUISITION_FIELDS = 'id acquirer { id } target { id } kind announcedOn amountUsd amountKind note sources { id }';
const RECORD = `mutation($input: RecordAcquisitionInput!) { recordAcquisition(input: $input) { ${ACQUISITION_FIELDS} } }`;
const LIST = 'query($companyId: ID, $kind: AcquisitionKind, $asOf: Date, $first: Int! = 100) { acquisitions(companyId: $companyId, kind: $kind, asOf: $asOf, first: $first) { nodes { id } } }';

const ACQUISITIONS = [
  { id: 'acq-google-deepmind', acquirerId: 'google', targetId: 'google-deepmind', kind: 'ACQUISITION', announcedOn: '2014-01', sourceIds: ['src-one'] },
  { id: 'acq-microsoft-inflection', acquirerId: 'microsoft', targetId: 'inflection', kind: 'ACQUIHIRE_LICENSE', announcedOn: '2024-03-19', amountUsd: 6.5e8, amountKind: 'PAID', sourceIds: ['src-two'] },
  { id: 'acq-google-character-ai', acquirerId: 'google', targetId: 'character-ai', kind: 'ACQUIHIRE_LICENSE', announcedOn: '2024-08-02', amountUsd: 2.7e9, amountKind: 'PAID', sourceIds: ['src-one'] },
  { id: 'acq-google-windsurf', acquirerId: 'google', targetId: 'windsurf', kind: 'ACQUIHIRE_LICENSE', announcedOn: '2025-07-11', amountUsd: 2.4e9, amountKind: 'PAID', sourceIds: ['src-one', 'src-two'] },
];

async function acquisitionWorld(app: TestApp, withAcquisitions = true): Promise<void> {
  await coreWorld(app);
  await createCompanies(app, [
    { id: 'google-deepmind', name: 'Google DeepMind', kind: 'AI_LAB' },
    { id: 'inflection', name: 'Inflection AI', kind: 'AI_LAB' },
    { id: 'character-ai', name: 'Character.AI', kind: 'AI_LAB' },
    { id: 'windsurf', name: 'Windsurf', kind: 'OTHER' },
  ]);
  if (withAcquisitions) for (const input of ACQUISITIONS) await ok(app, RECORD, { input });
}

const ids = (list: { id: string }[]) => list.map((item) => item.id);

describe('Acquisition API: derived ids, the acquisitions list', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.reset();
    await app.close();
  });

  // What every fact type keeps (read-back, inline sources, defaults, idempotence, CONFLICT, updates, limits, removal)
  // is test/integration/facts/fact-contract.test.ts; here only what is the acquisition's own.
  describe('recordAcquisition', () => {
    beforeEach(() => acquisitionWorld(app, false));

    it('derives the id from the parties and the date', async () => {
      const recorded = (await ok(app, RECORD, { input: { acquirerId: 'google', targetId: 'google-deepmind', announcedOn: '2014-01', sourceIds: ['src-one'] } })).recordAcquisition;
      expect(recorded.id).toMatch(/^acq-google-google-deepmind-2014-01-[0-9a-f]{8}$/);
    });
  });

  describe('acquisitions', () => {
    beforeAll(() => acquisitionWorld(app));

    it.each([
      ['nothing (newest first)', {}, ['acq-google-windsurf', 'acq-google-character-ai', 'acq-microsoft-inflection', 'acq-google-deepmind']],
      ['acquirer', { companyId: 'google' }, ['acq-google-windsurf', 'acq-google-character-ai', 'acq-google-deepmind']],
      ['target', { companyId: 'inflection' }, ['acq-microsoft-inflection']],
      ['kind ACQUISITION', { kind: 'ACQUISITION' }, ['acq-google-deepmind']],
      ['kind ACQUIHIRE_LICENSE', { kind: 'ACQUIHIRE_LICENSE' }, ['acq-google-windsurf', 'acq-google-character-ai', 'acq-microsoft-inflection']],
      ['asOf a month (its last day)', { asOf: '2024-07' }, ['acq-microsoft-inflection', 'acq-google-deepmind']],
      ['asOf a day', { asOf: '2024-08-02' }, ['acq-google-character-ai', 'acq-microsoft-inflection', 'acq-google-deepmind']],
      ['company, kind and asOf together', { companyId: 'google', kind: 'ACQUIHIRE_LICENSE', asOf: '2025' }, ['acq-google-windsurf', 'acq-google-character-ai']],
      ['first', { first: 2 }, ['acq-google-windsurf', 'acq-google-character-ai']],
      ['a company without acquisitions', { companyId: 'anthropic' }, []],
    ])('filters by %s', async (_label, variables, expected) => {
      expect(ids((await ok(app, LIST, variables)).acquisitions.nodes)).toEqual(expected);
    });

    it('returns acquirer, target, amount and sources in the list', async () => {
      const [first] = (await ok(app, `{ acquisitions(first: 1) { nodes { ${ACQUISITION_FIELDS} } } }`)).acquisitions.nodes;
      expect(first).toMatchObject({ id: 'acq-google-windsurf', acquirer: { id: 'google' }, target: { id: 'windsurf' }, amountUsd: 2.4e9, amountKind: 'PAID', kind: 'ACQUIHIRE_LICENSE' });
      expect(ids(first.sources).sort()).toEqual(['src-one', 'src-two']);
    });

    it('refuses first out of range and an impossible asOf with BAD_USER_INPUT', async () => {
      expect(firstError(await app.gql(LIST, { first: 501 }))).toEqual({ code: 'BAD_USER_INPUT', message: expect.stringContaining('first') });
      expect(firstError(await app.gql(LIST, { asOf: '2023-02-29' }))).toEqual({ code: 'BAD_USER_INPUT', message: expect.stringContaining('asOf') });
    });
  });
});
