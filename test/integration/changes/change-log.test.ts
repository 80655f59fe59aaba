import { ChangeLogRetention } from '../../../src/changes/change-retention';
import { startTestApp, type TestApp } from '../../support/test-app';
import { AS_WRITER, createCompanies, expectRefused, firstError, graphFingerprint as fingerprint, ok, recordSources } from '../domain/helpers';

// The change log end to end: every committed write logs its changes in its own transaction (refused and repeated
// writes log nothing), the feed pages and filters, actors are named for callers with a key, and a revert puts back
// exactly what a write took away (a cascade delete reverts to the same graph).

const NAMED_KEY = 'analyst-desk:0123456789abcdef0123';
const CHANGE_FIELDS = 'seq group actor requestId operation entityType entityId entityIds kind companyIds before after summary revertible';
const CHANGES = `query($filter: ChangeFilterInput, $first: Int, $after: String, $newestFirst: Boolean) {
  changes(filter: $filter, first: $first, after: $after, newestFirst: $newestFirst) { edges { cursor node { ${CHANGE_FIELDS} } } pageInfo { hasNextPage endCursor } }
}`;
const RECORD_INVESTMENT = `mutation($input: RecordInvestmentInput!) { recordInvestment(input: $input) { id } }`;
const UPDATE_INVESTMENT = `mutation($id: ID!, $input: UpdateInvestmentInput!) { updateInvestment(id: $id, input: $input) { id } }`;
const DELETE_COMPANY = 'mutation($id: ID!) { deleteCompany(id: $id, cascade: true) { deleted } }';
const REVERT = 'mutation($seq: Int!, $force: Boolean) { revertChange(seq: $seq, force: $force) { lastSeq reverted { seq entityType entityId kind } } }';

interface ChangeNode {
  seq: number;
  group: number;
  actor: string | null;
  operation: string;
  entityType: string;
  entityId: string | null;
  kind: string;
  companyIds: string[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  summary: string;
  revertible: boolean;
}

async function changes(app: TestApp, variables: Record<string, unknown> = {}, key: string | null = AS_WRITER.key): Promise<ChangeNode[]> {
  const result = await app.gql<{ changes: { edges: { node: ChangeNode }[] } }>(CHANGES, { first: 100, ...variables }, key === null ? {} : { key });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return (result.data as { changes: { edges: { node: ChangeNode }[] } }).changes.edges.map((edge) => edge.node);
}

const INVESTMENT = { investorId: 'amazon', investeeId: 'anthropic', amountUsd: 1.25e9, amountKind: 'PAID', announcedOn: '2023-09-25', status: 'COMPLETED', sourceIds: ['src-1'] };

describe('change log', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ API_KEYS: `test-writer-key,${NAMED_KEY}` });
  });
  beforeEach(async () => {
    await app.reset();
    await createCompanies(app, [
      { id: 'amazon', name: 'Amazon', kind: 'BIG_TECH' },
      { id: 'anthropic', name: 'Anthropic', kind: 'AI_LAB' },
      { id: 'google', name: 'Google', kind: 'BIG_TECH' },
    ]);
    await recordSources(app, [{ id: 'src-1', url: 'https://example.com/a' }]);
  });
  afterAll(async () => app.close());

  it('logs each write once, in order and without gaps, with its author; a repeated identical write logs nothing', async () => {
    const start = await app.lastChange();
    const id = (await ok(app, RECORD_INVESTMENT, { input: INVESTMENT }, { key: NAMED_KEY.split(':')[1] })).recordInvestment.id;
    await ok(app, RECORD_INVESTMENT, { input: INVESTMENT }, { key: NAMED_KEY.split(':')[1] });
    expect(await app.lastChange()).toBe(start + 1);
    const all = await changes(app);
    expect(all.map((c) => c.seq)).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
    const last = all[all.length - 1] as ChangeNode;
    expect(last).toMatchObject({ seq: start + 1, actor: 'analyst-desk', operation: 'recordInvestment', entityType: 'Investment', entityId: id, kind: 'CREATED', before: null, revertible: true });
    expect(last.after).toMatchObject({ id, investorId: 'amazon', investeeId: 'anthropic', amountUsd: 1.25e9, announcedOn: '2023-09-25', sourceIds: ['src-1'] });
    expect(last.companyIds.sort()).toEqual(['amazon', 'anthropic']);
    expect(last.summary).toContain('analyst-desk recorded investment');
    // The whole-text form of a named key still works and is the same caller.
    await ok(app, `mutation { updateCompany(id: "google", input: {country: "US"}) { id } }`, {}, { key: NAMED_KEY });
    expect((await changes(app, { newestFirst: true, first: 1 }))[0]).toMatchObject({ actor: 'analyst-desk', entityId: 'google', kind: 'UPDATED', before: { country: null }, after: { country: 'US' } });
    // Anonymous callers see no actor names.
    expect((await changes(app, { newestFirst: true, first: 1 }, null))[0]?.actor).toBeNull();
    // Unnamed keys get a name that says nothing of the key.
    await ok(app, `mutation { updateCompany(id: "google", input: {country: "IE"}) { id } }`);
    expect((await changes(app, { newestFirst: true, first: 1 }))[0]?.actor).toBe('writer-1');
  });

  it('logs an update as the fields it changed, and nothing for a refused write', async () => {
    const id = (await ok(app, RECORD_INVESTMENT, { input: INVESTMENT })).recordInvestment.id;
    await ok(app, UPDATE_INVESTMENT, { id, input: { amountUsd: 4e9 } });
    const [update] = await changes(app, { newestFirst: true, first: 1 });
    expect(update).toMatchObject({ kind: 'UPDATED', operation: 'updateInvestment', before: { amountUsd: 1.25e9 }, after: { amountUsd: 4e9 } });
    expect(Object.keys(update?.after ?? {})).not.toContain('investorId');
    await expectRefused(app, UPDATE_INVESTMENT, { id, input: { sourceIds: ['no-such-source'] } }, 'BAD_USER_INPUT', 'sourceIds');
    await expectRefused(app, RECORD_INVESTMENT, { input: { ...INVESTMENT, investorId: 'nobody' } }, 'BAD_USER_INPUT', 'investorId');
  });

  it('filters by company (its facts included), entity type and kind, and pages by seq', async () => {
    await ok(app, RECORD_INVESTMENT, { input: INVESTMENT });
    await ok(app, RECORD_INVESTMENT, { input: { ...INVESTMENT, investorId: 'google', amountUsd: 2e9 } });
    const amazon = await changes(app, { filter: { companyId: 'amazon' } });
    expect(amazon.map((c) => [c.entityType, c.kind])).toEqual([
      ['Company', 'CREATED'],
      ['Investment', 'CREATED'],
    ]);
    const investments = await changes(app, { filter: { entityTypes: ['Investment'], kinds: ['CREATED'] } });
    expect(investments).toHaveLength(2);
    const firstPage = await app.gql<{ changes: { edges: { cursor: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(CHANGES, { first: 2 }, AS_WRITER);
    const page = firstPage.data?.changes;
    expect(page?.pageInfo.hasNextPage).toBe(true);
    const rest = await changes(app, { after: page?.pageInfo.endCursor });
    expect(rest[0]?.seq).toBe(Number(page?.pageInfo.endCursor) + 1);
    expect(firstError(await app.gql(CHANGES, { after: 'not-a-seq' }))?.code).toBe('BAD_USER_INPUT');
    const company = await ok(app, '{ company(id: "anthropic") { changes(first: 10) { nodes { entityType } } investmentsReceived { changes { nodes { kind operation } } } } }');
    expect(company.company.changes.nodes.map((n: { entityType: string }) => n.entityType)).toEqual(['Company', 'Investment', 'Investment']);
    expect(company.company.investmentsReceived[0].changes.nodes).toEqual([{ kind: 'CREATED', operation: 'recordInvestment' }]);
  });

  it('logs every fact a cascade delete removes, and reverting it restores the identical graph', async () => {
    await ok(app, RECORD_INVESTMENT, { input: INVESTMENT });
    await ok(app, RECORD_INVESTMENT, { input: { ...INVESTMENT, investorId: 'google', amountUsd: 2e9 } });
    await ok(app, 'mutation { recordRivalry(input: {companyIds: ["anthropic", "google"], market: "frontier-models", since: "2023", sourceIds: ["src-1"]}) { id } }');
    const before = await fingerprint(app);
    await ok(app, DELETE_COMPANY, { id: 'anthropic' });
    const removed = await changes(app, { newestFirst: true, first: 4 });
    // The facts first (by id), then the company.
    expect(removed[0]).toMatchObject({ entityType: 'Company', kind: 'REMOVED', entityId: 'anthropic' });
    expect(removed.slice(1).map((c) => `${c.entityType} ${c.kind}`).sort()).toEqual(['Investment REMOVED', 'Investment REMOVED', 'Rivalry REMOVED']);
    expect(removed.slice(1).map((c) => c.entityId)).toEqual(removed.slice(1).map((c) => c.entityId).sort().reverse());
    expect(new Set(removed.map((c) => c.group)).size).toBe(1);
    expect(removed.find((c) => c.entityType === 'Rivalry')?.before).toMatchObject({ market: 'frontier-models', sourceIds: ['src-1'] });
    expect(await fingerprint(app)).not.toBe(before);
    const reverted = await ok(app, REVERT, { seq: removed[2]?.seq });
    expect(reverted.revertChange.reverted).toHaveLength(4);
    expect(await fingerprint(app)).toBe(before);
    const after = await changes(app, { newestFirst: true, first: 4 });
    expect(after.every((c) => c.operation === 'revertChange' && c.kind === 'CREATED')).toBe(true);
  });

  it('refuses with CONFLICT a revert of an entity changed since, unless forced', async () => {
    const id = (await ok(app, RECORD_INVESTMENT, { input: INVESTMENT })).recordInvestment.id;
    await ok(app, UPDATE_INVESTMENT, { id, input: { amountUsd: 4e9 } });
    const [first] = await changes(app, { newestFirst: true, first: 1 });
    await ok(app, UPDATE_INVESTMENT, { id, input: { amountUsd: 5e9 } });
    const [second] = await changes(app, { newestFirst: true, first: 1 });
    const last = await app.lastChange();
    const refused = await app.gql(REVERT, { seq: first?.seq }, AS_WRITER);
    expect(firstError(refused)).toEqual({ code: 'CONFLICT', message: expect.stringContaining(`change ${second?.seq}`) });
    expect(await app.lastChange()).toBe(last);
    await ok(app, REVERT, { seq: first?.seq, force: true });
    expect((await ok(app, `{ investment(id: "${id}") { amountUsd } }`)).investment.amountUsd).toBe(1.25e9);
    expect(firstError(await app.gql(REVERT, { seq: 1 }, { key: 'test-reader-key' }))?.code).toBe('FORBIDDEN');
    expect(firstError(await app.gql(REVERT, { seq: 999999 }, AS_WRITER))?.code).toBe('NOT_FOUND');
  });

  it('redacts an entity\'s images from the log (a takedown), logged, and no longer revertible', async () => {
    const id = (await ok(app, RECORD_INVESTMENT, { input: INVESTMENT })).recordInvestment.id;
    await ok(app, UPDATE_INVESTMENT, { id, input: { amountUsd: 4e9 } });
    const redaction = await ok(app, 'mutation($id: ID!) { redactChanges(entityId: $id) { redacted redactedBy } }', { id });
    expect(redaction.redactChanges.redacted).toBe(2);
    const own = await ok(app, `{ investment(id: "${id}") { changes { nodes { seq entityType kind before after revertible redactedBy summary } } } }`);
    // The fact's own changes lost their images; the redaction itself is listed with them, last.
    expect(own.investment.changes.nodes.map((c: { entityType: string }) => c.entityType)).toEqual(['Investment', 'Investment', 'ChangeLog']);
    for (const change of own.investment.changes.nodes.slice(0, 2)) {
      expect(change).toMatchObject({ before: null, after: null, revertible: false, redactedBy: redaction.redactChanges.redactedBy });
      expect(change.summary).toContain('redacted');
    }
    const [logged] = await changes(app, { newestFirst: true, first: 1 });
    expect(logged).toMatchObject({ seq: redaction.redactChanges.redactedBy, operation: 'redactChanges', entityType: 'ChangeLog', entityId: id, kind: 'UPDATED', revertible: false });
    expect(firstError(await app.gql(REVERT, { seq: own.investment.changes.nodes[0].seq }, AS_WRITER))?.code).toBe('BAD_USER_INPUT');
    expect(firstError(await app.gql('mutation { redactChanges(entityId: "nothing-here") { redacted } }', {}, AS_WRITER))?.code).toBe('NOT_FOUND');
  });

  it('retention removes old changes and refuses a cursor older than what it kept', async () => {
    await ok(app, RECORD_INVESTMENT, { input: INVESTMENT });
    const head = await app.lastChange();
    const inTwoDays = new Date(Date.now() + 2 * 24 * 3600 * 1000);
    await new ChangeLogRetention(app.repos.changes, 1).prune(inTwoDays);
    expect(await changes(app)).toEqual([]);
    const refused = await app.gql(CHANGES, { after: '1' }, AS_WRITER);
    expect(firstError(refused)?.code).toBe('CURSOR_EXPIRED');
    await ok(app, 'mutation { updateCompany(id: "google", input: {country: "US"}) { id } }');
    const resumed = await changes(app, { after: String(head) });
    expect(resumed.map((c) => c.seq)).toEqual([head + 1]);
  });
});
