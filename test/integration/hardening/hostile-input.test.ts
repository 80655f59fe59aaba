import fc from 'fast-check';
import type { GraphQLSchema } from 'graphql';
import { ANALYTICS_OPERATIONS } from '../../../scripts/analytics-operations';
import { WRITER_KEY, useSeededTestApp } from '../../support/test-app';

/** Strings an attacker or a broken client sends. */
const hostileString = fc.oneof(
  fc.constantFrom(
    '"}) DETACH DELETE n //',
    "' OR 1=1 --",
    '$companyId',
    '\\u0000',
    '`; MATCH (n) DETACH DELETE n; //`',
    'anthropic\n',
    '💥'.repeat(300),
    'a'.repeat(10000),
    '',
    ' ',
    '../../etc/passwd',
    '<script>alert(1)</script>',
  ),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
const hostileNumber = fc.oneof(fc.constantFrom(-1, 0, 1e300, -1e300, Number.MAX_SAFE_INTEGER, 1e13 + 1, 0.1), fc.double({ noNaN: true, noDefaultInfinity: true }));
const hostileDate = fc.oneof(fc.constantFrom('2024-02-30', '2023', '2099-01-01', '0000-01-01', '2024-13', 'x', '2024-01-01T00:00:00Z'), hostileString);
const hostileInt = fc.oneof(fc.constantFrom(-1, 0, 7, 101, 2147483647, -2147483648), fc.integer());

/** Operations with a variable for every argument a client controls. */
const OPERATIONS: { name: string; query: string; vars: fc.Arbitrary<Record<string, unknown>>; write: boolean }[] = [
  {
    name: 'createCompany',
    write: true,
    query: 'mutation ($id: ID, $name: String!, $country: String, $website: String, $founded: Int, $aliases: [String!]) { createCompany(input: { id: $id, name: $name, kind: AI_LAB, country: $country, website: $website, founded: $founded, aliases: $aliases }) { id } }',
    vars: fc.record({ id: hostileString, name: hostileString, country: hostileString, website: hostileString, founded: hostileInt, aliases: fc.array(hostileString, { maxLength: 3 }) }),
  },
  {
    name: 'updateCompany',
    write: true,
    query: 'mutation ($id: ID!, $name: String, $description: String) { updateCompany(id: $id, input: { name: $name, description: $description }) { id } }',
    vars: fc.record({ id: hostileString, name: hostileString, description: hostileString }),
  },
  { name: 'deleteCompany', write: true, query: 'mutation ($id: ID!) { deleteCompany(id: $id) { deleted } }', vars: fc.record({ id: hostileString }) },
  {
    name: 'recordInvestment',
    write: true,
    query: 'mutation ($i: ID!, $e: ID!, $a: Float, $on: Date!, $round: String, $src: [ID!]) { recordInvestment(input: { investorId: $i, investeeId: $e, amountUsd: $a, amountKind: PAID, announcedOn: $on, round: $round, sourceIds: $src }) { id } }',
    vars: fc.record({ i: hostileString, e: hostileString, a: hostileNumber, on: fc.constantFrom('2024-02-30', '2023', '2099-01-01', 'x'), round: hostileString, src: fc.array(hostileString, { maxLength: 2 }) }),
  },
  {
    name: 'recordComputeDeal',
    write: true,
    query: 'mutation ($p: ID!, $c: ID!, $v: Float, $cap: String, $url: String!) { recordComputeDeal(input: { providerId: $p, customerId: $c, valueUsd: $v, amountKind: CONTRACT_VALUE, announcedOn: "2024", resource: GPU, capacity: $cap, sources: [{ url: $url, publisher: "p", title: "t" }] }) { id } }',
    vars: fc.record({ p: hostileString, c: hostileString, v: hostileNumber, cap: hostileString, url: hostileString }),
  },
  {
    name: 'recordRivalry',
    write: true,
    query: 'mutation ($a: ID!, $b: ID!, $m: String!) { recordRivalry(input: { companyIds: [$a, $b], market: $m, sourceIds: ["src-x"] }) { id } }',
    vars: fc.record({ a: hostileString, b: hostileString, m: hostileString }),
  },
  {
    name: 'recordSource',
    write: true,
    query: 'mutation ($url: String!, $p: String!, $t: String!) { recordSource(input: { url: $url, publisher: $p, title: $t }) { id } }',
    vars: fc.record({ url: hostileString, p: hostileString, t: hostileString }),
  },
  {
    name: 'recordSubsidiaryLink',
    write: true,
    query: 'mutation ($c: ID!, $p: ID!, $since: Date, $src: [ID!]) { recordSubsidiaryLink(input: { childId: $c, parentId: $p, since: $since, sourceIds: $src }) { id } }',
    vars: fc.record({ c: fc.oneof(hostileString, fc.constant('aws')), p: fc.oneof(hostileString, fc.constant('aws')), since: hostileDate, src: fc.array(hostileString, { maxLength: 2 }) }),
  },
  {
    name: 'recordAcquisition',
    write: true,
    query: 'mutation ($a: ID!, $t: ID!, $usd: Float, $on: Date!, $note: String, $url: String!) { recordAcquisition(input: { acquirerId: $a, targetId: $t, amountUsd: $usd, amountKind: PAID, announcedOn: $on, note: $note, sources: [{ url: $url, publisher: "p", title: "t" }] }) { id } }',
    vars: fc.record({ a: fc.oneof(hostileString, fc.constant('google')), t: hostileString, usd: hostileNumber, on: hostileDate, note: hostileString, url: hostileString }),
  },
  {
    name: 'updateInvestment',
    write: true,
    query: 'mutation ($id: ID!, $usd: Float, $stake: Float, $on: Date, $round: String, $note: String) { updateInvestment(id: $id, input: { amountUsd: $usd, stakePercent: $stake, announcedOn: $on, round: $round, note: $note }) { id } }',
    vars: fc.record({ id: fc.oneof(hostileString, fc.constant('inv-nvidia-openai-2024-10')), usd: hostileNumber, stake: hostileNumber, on: hostileDate, round: hostileString, note: hostileString }),
  },
  {
    name: 'updateComputeDeal',
    write: true,
    query: 'mutation ($id: ID!, $v: Float, $cap: String, $starts: Date, $ends: Date) { updateComputeDeal(id: $id, input: { valueUsd: $v, capacity: $cap, startsOn: $starts, endsOn: $ends }) { id } }',
    vars: fc.record({ id: fc.oneof(hostileString, fc.constant('cd-azure-openai-2019-07')), v: hostileNumber, cap: hostileString, starts: hostileDate, ends: hostileDate }),
  },
  {
    name: 'updateRivalry',
    write: true,
    query: 'mutation ($id: ID!, $m: String, $since: Date, $note: String) { updateRivalry(id: $id, input: { market: $m, since: $since, note: $note }) { id } }',
    vars: fc.record({ id: fc.oneof(hostileString, fc.constant('riv-anthropic-openai')), m: hostileString, since: hostileDate, note: hostileString }),
  },
  {
    name: 'updateSource',
    write: true,
    query: 'mutation ($id: ID!, $url: String!, $p: String!, $t: String!, $on: Date) { updateSource(id: $id, input: { url: $url, publisher: $p, title: $t, publishedOn: $on }) { id } }',
    vars: fc.record({ id: fc.oneof(hostileString, fc.constant('src-zdnet-msft-openai-2023')), url: hostileString, p: hostileString, t: hostileString, on: hostileDate }),
  },
  {
    name: 'updateSubsidiaryLink',
    write: true,
    query: 'mutation ($id: ID!, $since: Date, $src: [ID!]) { updateSubsidiaryLink(id: $id, input: { since: $since, sourceIds: $src }) { id } }',
    vars: fc.record({ id: fc.oneof(hostileString, fc.constant('sub-aws-amazon')), since: hostileDate, src: fc.array(hostileString, { maxLength: 2 }) }),
  },
  {
    name: 'updateAcquisition',
    write: true,
    query: 'mutation ($id: ID!, $usd: Float, $on: Date, $note: String) { updateAcquisition(id: $id, input: { amountUsd: $usd, announcedOn: $on, note: $note }) { id } }',
    vars: fc.record({ id: fc.oneof(hostileString, fc.constant('acq-microsoft-inflection-2024')), usd: hostileNumber, on: hostileDate, note: hostileString }),
  },
  {
    name: 'recordPartnership',
    write: true,
    query: 'mutation ($a: ID!, $b: ID!, $on: Date!, $coverage: String, $usd: Float) { recordPartnership(input: { companyIds: [$a, $b], kind: DISTRIBUTION, announcedOn: $on, coverage: $coverage, valueUsd: $usd, amountKind: CONTRACT_VALUE, sourceIds: ["src-x"] }) { id } }',
    vars: fc.record({ a: fc.oneof(hostileString, fc.constant('aws')), b: fc.oneof(hostileString, fc.constant('mistral')), on: hostileDate, coverage: hostileString, usd: hostileNumber }),
  },
  {
    name: 'updatePartnership',
    write: true,
    query: 'mutation ($id: ID!, $on: Date, $ends: Date, $coverage: String, $note: String) { updatePartnership(id: $id, input: { announcedOn: $on, endsOn: $ends, coverage: $coverage, note: $note }) { id } }',
    vars: fc.record({ id: fc.oneof(hostileString, fc.constant('ptn-aws-mistral-2024-02')), on: hostileDate, ends: hostileDate, coverage: hostileString, note: hostileString }),
  },
  {
    name: 'recordFundingRound',
    write: true,
    query: 'mutation ($c: ID!, $name: String!, $on: Date!, $usd: Float, $pre: Float, $post: Float, $leads: [ID!], $url: String!) { recordFundingRound(input: { companyId: $c, name: $name, announcedOn: $on, amountUsd: $usd, amountKind: PAID, preMoneyValuationUsd: $pre, postMoneyValuationUsd: $post, leadInvestorIds: $leads, sources: [{ url: $url, publisher: "p", title: "t" }] }) { id } }',
    vars: fc.record({ c: fc.oneof(hostileString, fc.constant('anthropic')), name: hostileString, on: hostileDate, usd: hostileNumber, pre: hostileNumber, post: hostileNumber, leads: fc.array(fc.oneof(hostileString, fc.constant('amazon')), { maxLength: 3 }), url: hostileString }),
  },
  {
    name: 'updateFundingRound',
    write: true,
    query: 'mutation ($id: ID!, $name: String, $usd: Float, $post: Float, $on: Date, $closed: Date, $leads: [ID!]) { updateFundingRound(id: $id, input: { name: $name, amountUsd: $usd, postMoneyValuationUsd: $post, announcedOn: $on, closedOn: $closed, leadInvestorIds: $leads }) { id } }',
    vars: fc.record({ id: fc.oneof(hostileString, fc.constant('round-anthropic-series-f-2025')), name: hostileString, usd: hostileNumber, post: hostileNumber, on: hostileDate, closed: hostileDate, leads: fc.array(hostileString, { maxLength: 2 }) }),
  },
  {
    name: 'removeInvestment, removeComputeDeal, removeRivalry, removeSource, removeSubsidiaryLink, removeAcquisition, removeFundingRound, removePartnership',
    write: true,
    query:
      'mutation ($id: ID!) { a: removeInvestment(id: $id) { deleted } b: removeComputeDeal(id: $id) { deleted } c: removeRivalry(id: $id) { deleted } d: removeSource(id: $id) { deleted } e: removeSubsidiaryLink(id: $id) { deleted } f: removeAcquisition(id: $id) { deleted } g: removeFundingRound(id: $id) { deleted } h: removePartnership(id: $id) { deleted } }',
    vars: fc.record({ id: hostileString }),
  },
  {
    // Seqs the seeded log does not hold (a real one would undo a seed write for the next runs).
    name: 'revertChange',
    write: true,
    query: 'mutation ($seq: Int!, $force: Boolean) { revertChange(seq: $seq, force: $force) { lastSeq } }',
    vars: fc.record({ seq: fc.oneof(fc.integer({ min: -(2 ** 31), max: 0 }), fc.integer({ min: 10_000_000, max: 2 ** 31 - 1 })), force: fc.boolean() }),
  },
  {
    name: 'createWatch',
    write: true,
    query: 'mutation ($name: String!, $c: ID!, $m: String!, $n: Int) { a: createWatch(name: $name, question: { exposure: { companyId: $c } }) { id } b: createWatch(name: $name, question: { twoSidedBackers: { market: $m }, moneyLoops: { companyId: $c, maxLength: $n } }) { id } }',
    vars: fc.record({ name: hostileString, c: hostileString, m: hostileString, n: hostileInt }),
  },
  { name: 'removeWatch', write: true, query: 'mutation ($id: ID!) { removeWatch(id: $id) { deleted } }', vars: fc.record({ id: hostileString }) },
  { name: 'redactChanges', write: true, query: 'mutation ($id: ID!) { redactChanges(entityId: $id) { redacted } }', vars: fc.record({ id: hostileString }) },
  {
    // Hostile strings and URLs to places a webhook must never reach (private, loopback, metadata, other schemes).
    name: 'createWebhookEndpoint',
    write: true,
    query: 'mutation ($url: String!, $d: String, $c: ID, $since: String, $types: [String!]) { createWebhookEndpoint(input: { url: $url, description: $d, filter: { companyId: $c, since: $since, entityTypes: $types } }) { secret } }',
    vars: fc.record({
      url: fc.oneof(hostileString, fc.constantFrom('http://10.0.0.1/', 'http://127.0.0.1:1/hook', 'http://[::1]/', 'http://169.254.169.254/latest/meta-data', 'http://localhost/', 'file:///etc/passwd', 'https://u:p@10.0.0.1/', 'gopher://127.0.0.1:25/')),
      d: hostileString,
      c: hostileString,
      since: hostileString,
      types: fc.array(hostileString, { maxLength: 3 }),
    }),
  },
  {
    name: 'rotateWebhookSecret',
    write: true,
    query: 'mutation ($id: ID!, $h: Int) { rotateWebhookSecret(id: $id, keepOldForHours: $h) { secret } }',
    vars: fc.record({ id: hostileString, h: hostileInt }),
  },
  {
    name: 'removeWebhookEndpoint, redeliverWebhook',
    write: true,
    query: 'mutation ($id: ID!) { a: removeWebhookEndpoint(id: $id) { deleted } b: redeliverWebhook(deliveryId: $id) { id } }',
    vars: fc.record({ id: hostileString }),
  },
  {
    name: 'webhookDeliveries',
    write: false,
    query: 'query ($id: ID!, $first: Int, $after: String) { webhookDeliveries(endpointId: $id, first: $first, after: $after) { nodes { id } } }',
    vars: fc.record({ id: hostileString, first: hostileInt, after: hostileString }),
  },
  {
    name: 'changes',
    write: false,
    query: 'query ($after: String, $first: Int, $types: [String!], $c: ID, $a: String, $since: String, $until: String) { changes(after: $after, first: $first, filter: { entityTypes: $types, companyId: $c, actor: $a, since: $since, until: $until }) { nodes { seq summary } } }',
    vars: fc.record({ after: hostileString, first: hostileInt, types: fc.array(hostileString, { maxLength: 3 }), c: hostileString, a: hostileString, since: hostileString, until: hostileString }),
  },
  { name: 'searchCompanies', write: false, query: 'query ($t: String!) { searchCompanies(text: $t) { company { id } } }', vars: fc.record({ t: hostileString }) },
  {
    name: 'companies',
    write: false,
    query: 'query ($p: String, $c: String, $after: String, $first: Int) { companies(filter: { namePrefix: $p, country: $c }, first: $first, after: $after) { edges { node { id } } } }',
    vars: fc.record({ p: hostileString, c: hostileString, after: hostileString, first: hostileInt }),
  },
  {
    name: 'companies ranked by an aggregate',
    write: false,
    query: 'query ($asOf: Date, $after: String, $first: Int, $c: String) { companies(sort: {field: LATEST_VALUATION, direction: DESC}, filter: { country: $c }, asOf: $asOf, first: $first, after: $after) { edges { sortValue node { id } } } }',
    vars: fc.record({ asOf: hostileDate, after: hostileString, first: hostileInt, c: hostileString }),
  },
  // Every analytics query, from its declaration.
  ...ANALYTICS_OPERATIONS.map(({ field, hostile }) => ({
    name: field,
    write: false,
    query: hostile.query,
    vars: fc.record(Object.fromEntries(Object.entries(hostile.variables).map(([name, kind]) => [name, kind === 'int' ? hostileInt : hostileString]))),
  })),
];

/** A correct answer, or a client error that says what was wrong; never a server error. */
const ACCEPTABLE = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT']);

/** Every Mutation field and every analytics query must have a hostile-input property above. */
function uncovered(schema: GraphQLSchema): string[] {
  const covered = OPERATIONS.map((op) => op.query).join(' ');
  const analytics = ANALYTICS_OPERATIONS.map((operation) => operation.field);
  const names = [...Object.keys(schema.getMutationType()!.getFields()), ...analytics.filter((name) => schema.getQueryType()!.getFields()[name])];
  return names.filter((name) => !new RegExp(`\\b${name}\\(`).test(covered));
}

describe('hostile input', () => {
  const app = useSeededTestApp();

  it('covers every mutation and every analytics query', () => {
    expect(uncovered(app().schema)).toEqual([]);
  });

  it.each(OPERATIONS.map((op) => [op.name, op] as const))('%s: only correct answers or client errors, and rejected writes change nothing', async (_name, op) => {
    await fc.assert(
      fc.asyncProperty(op.vars, async (vars) => {
        const before = op.write ? await app().counts() : undefined;
        const result = await app().gql(op.query, vars, { key: WRITER_KEY });
        const codes = (result.errors ?? []).map((e) => String(e.extensions?.code));
        const bad = codes.filter((code) => !ACCEPTABLE.has(code));
        if (bad.length > 0) throw new Error(`${JSON.stringify(vars).slice(0, 300)} -> ${JSON.stringify(result.errors).slice(0, 500)}`);
        if (op.write && codes.length > 0) expect(await app().counts()).toEqual(before);
      }),
      { numRuns: 40, seed: 20261124 },
    );
  });

  it('the seed data survived every injection attempt', async () => {
    const { data } = await app().gql<{ company: { name: string } }>('{ company(id: "anthropic") { name } }');
    expect(data!.company.name).toBe('Anthropic');
    const [row] = await app().db.readRows('RETURN COUNT { (:Company) } AS companies');
    expect(row.companies as number).toBeGreaterThanOrEqual(62);
  });
});
