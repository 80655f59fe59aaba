import { startTestApp, type TestApp } from '../../support/test-app';
import { coreWorld, createCompanies, expectRefused, firstError, futureDay, long, ok } from './helpers';

const ACQUISITION_FIELDS = 'id acquirer { id } target { id } kind announcedOn amountUsd amountKind note sources { id }';
const RECORD = `mutation($input: RecordAcquisitionInput!) { recordAcquisition(input: $input) { ${ACQUISITION_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateAcquisitionInput!) { updateAcquisition(id: $id, input: $input) { ${ACQUISITION_FIELDS} } }`;
const REMOVE = 'mutation($id: ID!) { removeAcquisition(id: $id) { id deleted } }';
const GET = `query($id: ID!) { acquisition(id: $id) { ${ACQUISITION_FIELDS} } }`;
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

describe('Acquisition API (recordAcquisition, updateAcquisition, removeAcquisition, acquisition, acquisitions)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.reset();
    await app.close();
  });

  describe('recordAcquisition and acquisition', () => {
    beforeEach(() => acquisitionWorld(app, false));

    it('records every field and reads it back by id', async () => {
      const input = { ...ACQUISITIONS[1], note: 'Licence fee plus waiver.', sources: [{ id: 'src-info', url: 'https://news.example.com/info', publisher: 'The Information', title: 'Inflection deal' }] };
      const expected = {
        id: 'acq-microsoft-inflection',
        acquirer: { id: 'microsoft' },
        target: { id: 'inflection' },
        kind: 'ACQUIHIRE_LICENSE',
        announcedOn: '2024-03-19',
        amountUsd: 6.5e8,
        amountKind: 'PAID',
        note: 'Licence fee plus waiver.',
      };
      const recorded = (await ok(app, RECORD, { input })).recordAcquisition;
      expect(recorded).toMatchObject(expected);
      expect(ids(recorded.sources).sort()).toEqual(['src-info', 'src-two']);
      const read = (await ok(app, GET, { id: 'acq-microsoft-inflection' })).acquisition;
      expect(read).toMatchObject(expected);
      expect(ids(read.sources).sort()).toEqual(['src-info', 'src-two']);
    });

    it('defaults kind to ACQUISITION, the amount to null and derives the id', async () => {
      const recorded = (await ok(app, RECORD, { input: { acquirerId: 'google', targetId: 'google-deepmind', announcedOn: '2014-01', sourceIds: ['src-one'] } })).recordAcquisition;
      expect(recorded).toMatchObject({ kind: 'ACQUISITION', amountUsd: null, amountKind: null, note: null, announcedOn: '2014-01' });
      expect(recorded.id).toMatch(/^acq-google-google-deepmind-2014-01-[0-9a-f]{8}$/);
    });

    it('returns null for an unknown acquisition', async () => {
      expect(await ok(app, GET, { id: 'acq-unknown' })).toEqual({ acquisition: null });
    });

    it('is idempotent per id and overwrites details on re-record', async () => {
      const first = await ok(app, RECORD, { input: ACQUISITIONS[0] });
      const before = await app.counts();
      expect(await ok(app, RECORD, { input: ACQUISITIONS[0] })).toEqual(first);
      expect(await app.counts()).toEqual(before);
      const changed = (await ok(app, RECORD, { input: { ...ACQUISITIONS[0], amountUsd: 5e8, amountKind: 'PAID' } })).recordAcquisition;
      expect(changed).toMatchObject({ id: 'acq-google-deepmind', amountUsd: 5e8, amountKind: 'PAID' });
      expect(await app.counts()).toEqual(before);
    });

    it('refuses with CONFLICT the same id for other parties', async () => {
      await ok(app, RECORD, { input: ACQUISITIONS[0] });
      await expectRefused(app, RECORD, { input: { ...ACQUISITIONS[0], acquirerId: 'microsoft' } }, 'CONFLICT', 'acq-google-deepmind');
      await expectRefused(app, RECORD, { input: { ...ACQUISITIONS[0], targetId: 'windsurf' } }, 'CONFLICT', 'acq-google-deepmind');
      expect((await ok(app, GET, { id: 'acq-google-deepmind' })).acquisition).toMatchObject({ acquirer: { id: 'google' }, target: { id: 'google-deepmind' } });
    });
  });

  describe('updateAcquisition and removeAcquisition', () => {
    beforeEach(() => acquisitionWorld(app));

    it('changes given fields, keeps omitted ones, clears nulls and replaces the sources', async () => {
      const updated = (await ok(app, UPDATE, { id: 'acq-google-windsurf', input: { amountUsd: 2.5e9, note: 'revised', kind: 'ACQUISITION', announcedOn: '2025-07', sourceIds: ['src-two'] } })).updateAcquisition;
      const expected = {
        id: 'acq-google-windsurf',
        acquirer: { id: 'google' },
        target: { id: 'windsurf' },
        kind: 'ACQUISITION',
        announcedOn: '2025-07',
        amountUsd: 2.5e9,
        amountKind: 'PAID',
        note: 'revised',
        sources: [{ id: 'src-two' }],
      };
      expect(updated).toEqual(expected);
      expect((await ok(app, GET, { id: 'acq-google-windsurf' })).acquisition).toEqual(expected);
      expect((await ok(app, UPDATE, { id: 'acq-google-windsurf', input: { note: null } })).updateAcquisition).toMatchObject({ note: null, amountUsd: 2.5e9 });
    });

    it('answers NOT_FOUND for an unknown id', async () => {
      await expectRefused(app, UPDATE, { id: 'acq-unknown', input: { note: 'x' } }, 'NOT_FOUND', 'acq-unknown');
    });

    it.each([
      ['a negative amount', { amountUsd: -1 }, 'amountUsd'],
      ['a future announcedOn', { announcedOn: futureDay() }, 'announcedOn'],
      ['an unknown source id', { sourceIds: ['src-missing'] }, 'sourceIds'],
      ['a note over 1000 characters', { note: long(1001) }, 'note'],
      ['kind: null (kind is required)', { kind: null }, 'kind'],
      ['announcedOn: null (announcedOn is required)', { announcedOn: null }, 'announcedOn'],
    ])('refuses %s with BAD_USER_INPUT and changes nothing', async (_label, input, field) => {
      const before = await ok(app, GET, { id: 'acq-google-windsurf' });
      await expectRefused(app, UPDATE, { id: 'acq-google-windsurf', input: { note: 'must not be saved', ...input } }, 'BAD_USER_INPUT', field);
      expect(await app.gql(GET, { id: 'acq-google-windsurf' })).toMatchObject({ data: before });
    });

    it('removes an acquisition (companies stay) and answers NOT_FOUND the second time', async () => {
      const before = await app.counts();
      // The fact node goes with its party and citation relationships, and the derived ACQUIRED edge (its only fact).
      const [held] = await app.db.readRows("MATCH (f:Acquisition {id: 'acq-google-windsurf'}) RETURN COUNT { (f)--() } AS n");
      expect(await ok(app, REMOVE, { id: 'acq-google-windsurf' })).toEqual({ removeAcquisition: { id: 'acq-google-windsurf', deleted: true } });
      expect(await ok(app, GET, { id: 'acq-google-windsurf' })).toEqual({ acquisition: null });
      expect(held!.n).toBe(4);
      expect(await app.counts()).toEqual({ nodes: before.nodes - 1, relationships: before.relationships - 4 - 1 });
      expect(ids((await ok(app, LIST, { companyId: 'windsurf' })).acquisitions.nodes)).toEqual([]);
      await expectRefused(app, REMOVE, { id: 'acq-google-windsurf' }, 'NOT_FOUND', 'acq-google-windsurf');
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

  describe('recordAcquisition validation: BAD_USER_INPUT naming the field, nothing written', () => {
    beforeAll(() => acquisitionWorld(app, false));
    const valid = { acquirerId: 'microsoft', targetId: 'inflection', kind: 'ACQUIHIRE_LICENSE', announcedOn: '2024-03-19', amountUsd: 6.5e8, amountKind: 'PAID', sourceIds: ['src-one'] };

    it('the valid base input is accepted', async () => {
      expect((await ok(app, RECORD, { input: valid })).recordAcquisition.target.id).toBe('inflection');
    });

    it.each([
      ['an unknown acquirerId', { acquirerId: 'no-such-acquirer' }, 'acquirerId'],
      ['an unknown targetId', { targetId: 'no-such-target' }, 'targetId'],
      ['a company acquiring itself', { targetId: 'microsoft' }, 'targetId'],
      ['a negative amount', { amountUsd: -1 }, 'amountUsd'],
      ['a too large amount', { amountUsd: 1e15 }, 'amountUsd'],
      ['amountKind without amountUsd', { amountUsd: null }, 'amountKind'],
      ['a future announcedOn', { announcedOn: futureDay() }, 'announcedOn'],
      ['an impossible announcedOn (variable)', { announcedOn: '2024-02-30' }, 'announcedOn'],
      ['an impossible month (variable)', { announcedOn: '2023-13' }, 'announcedOn'],
      ['an unknown source id', { sourceIds: ['src-missing'] }, 'sourceIds'],
      ['no source at all', { sourceIds: null }, 'sourceIds'],
      ['a note over 1000 characters', { note: long(1001) }, 'note'],
      ['an id that is not a slug', { id: 'acq_1' }, 'id'],
    ])('%s', async (_label, change, field) => {
      await expectRefused(app, RECORD, { input: { ...valid, ...change } }, 'BAD_USER_INPUT', field);
    });

    it('amountUsd without amountKind', async () => {
      await expectRefused(app, RECORD, { input: { ...valid, amountKind: null } }, 'BAD_USER_INPUT', 'amountKind');
    });

    it('an impossible date as an inline literal', async () => {
      await expectRefused(
        app,
        'mutation { recordAcquisition(input: {acquirerId: "google", targetId: "windsurf", announcedOn: "2024-02-30", sourceIds: ["src-one"]}) { id } }',
        undefined,
        'BAD_USER_INPUT',
        'announcedOn',
      );
    });
  });
});
