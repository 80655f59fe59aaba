import { loadDataset } from '../../../src/seed/load-dataset';
import { CERTAIN_SCORE, MatchReason } from '../../../src/company/match/match-rule';
import { startTestApp, type TestApp } from '../../support/test-app';
import { firstError, ok } from '../domain/helpers';

interface Candidate {
  company: { id: string };
  score: number;
  reason: MatchReason;
}
interface Match {
  name: string;
  candidates: Candidate[];
  certain: boolean;
}

const MATCH = 'query($names: [String!]!) { matchCompanies(names: $names) { name certain candidates { company { id } score reason } } }';

/**
 * Names as a spreadsheet or another database spells them (spaces, case, legal forms, typos, former names, domains,
 * external ids), each with the company it means and why it should match. Run against the seed.
 */
const NAMES: readonly { name: string; id: string; reason: MatchReason }[] = [
  { name: 'Open AI', id: 'openai', reason: MatchReason.NAME },
  { name: 'Antrhopic', id: 'anthropic', reason: MatchReason.FULL_TEXT },
  { name: 'Facebook', id: 'meta', reason: MatchReason.FORMER_NAME },
  { name: 'Google DeepMind', id: 'google-deepmind', reason: MatchReason.NAME },
  { name: 'amazon web services', id: 'aws', reason: MatchReason.NAME },
  { name: 'mistral', id: 'mistral', reason: MatchReason.ID },
  { name: 'X.AI', id: 'xai', reason: MatchReason.NAME },
  { name: 'Microsoft Corp.', id: 'microsoft', reason: MatchReason.NAME },
  { name: 'Nvdia', id: 'nvidia', reason: MatchReason.FULL_TEXT },
  { name: 'Twitter', id: 'x-corp', reason: MatchReason.FORMER_NAME },
  { name: 'Codeium', id: 'windsurf', reason: MatchReason.FORMER_NAME },
  { name: 'https://www.coreweave.com/about', id: 'coreweave', reason: MatchReason.DOMAIN },
  { name: 'a16z', id: 'andreessen-horowitz', reason: MatchReason.ALIAS },
  { name: 'Andreesen Horowitz', id: 'andreessen-horowitz', reason: MatchReason.FULL_TEXT },
  { name: 'Perplexity', id: 'perplexity', reason: MatchReason.ALIAS },
  { name: 'Mistral AI SAS', id: 'mistral', reason: MatchReason.NAME },
  { name: 'Q95', id: 'google', reason: MatchReason.ID },
  { name: '1045810', id: 'nvidia', reason: MatchReason.ID },
  { name: 'Iris Energy', id: 'iren', reason: MatchReason.FORMER_NAME },
  { name: 'Cohere Inc', id: 'cohere', reason: MatchReason.NAME },
  { name: 'Sequoia Capitol', id: 'sequoia-capital', reason: MatchReason.FULL_TEXT },
  { name: 'Soft Bank Group Corp', id: 'softbank', reason: MatchReason.NAME },
  { name: 'Mistal', id: 'mistral', reason: MatchReason.FULL_TEXT },
];

describe('matchCompanies on the seed', () => {
  let app: TestApp;
  let matches: Match[];
  beforeAll(async () => {
    app = await startTestApp();
    await app.reset();
    await loadDataset(app.repos);
    matches = (await ok<{ matchCompanies: Match[] }>(app, MATCH, { names: NAMES.map((n) => n.name) })).matchCompanies;
    // The table the docs and the report quote: name -> top candidate, score, reason.
    if (process.env.PRINT_MATCHES === '1') {
      console.log(matches.map((m) => `| ${m.name} | ${m.candidates[0]?.company.id ?? '-'} | ${m.candidates[0]?.score ?? '-'} | ${m.candidates[0]?.reason ?? '-'} | ${m.certain} |`).join('\n'));
    }
  }, 180000);
  afterAll(async () => {
    await app.reset();
    await app.close();
  });

  it.each(NAMES.map((n, index) => [n.name, n, index] as const))('"%s" finds its company first, for the expected reason', (_name, expected, index) => {
    const match = matches[index] as Match;
    expect(match.name).toBe(expected.name);
    expect({ id: match.candidates[0]?.company.id, reason: match.candidates[0]?.reason }).toEqual({ id: expected.id, reason: expected.reason });
  });

  it('calls a match certain exactly when its best candidate matched exactly and no other scored as high', () => {
    for (const match of matches) {
      const [best, next] = match.candidates;
      expect(match.certain).toBe(best !== undefined && best.score >= CERTAIN_SCORE && (next?.score ?? 0) < best.score);
      expect(match.candidates.every((c) => (c.reason === MatchReason.FULL_TEXT) === c.score < CERTAIN_SCORE)).toBe(true);
    }
  });

  it('ranks best first with ties broken by reason then id, the same way on every call', async () => {
    const again = (await ok<{ matchCompanies: Match[] }>(app, MATCH, { names: NAMES.map((n) => n.name) })).matchCompanies;
    expect(again).toEqual(matches);
    for (const match of matches) {
      const scores = match.candidates.map((c) => c.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
    // "Amazon" is Amazon's name and a word of AWS's: the name wins, AWS may follow below the certain score.
    const [amazon] = (await ok<{ matchCompanies: Match[] }>(app, MATCH, { names: ['Amazon'] })).matchCompanies;
    expect(amazon?.candidates[0]).toMatchObject({ company: { id: 'amazon' }, score: 1, reason: MatchReason.NAME });
    expect(amazon?.certain).toBe(true);
  });

  it('answers every name in the order given, an unknown one with no candidate', async () => {
    const names = ['Qwxz Zzyzx', ' OpenAI ', 'Qwxz Zzyzx'];
    const result = (await ok<{ matchCompanies: Match[] }>(app, MATCH, { names })).matchCompanies;
    expect(result.map((m) => m.name)).toEqual(names);
    expect(result[0]?.candidates).toEqual([]);
    expect(result[1]?.candidates[0]?.company.id).toBe('openai');
    expect(result[2]).toEqual(result[0]);
  });

  it('keeps "Open AI" certain for OpenAI although the OpenAI Foundation\'s alias "OpenAI, Inc." matches it too', () => {
    const open = matches[0] as Match;
    expect(open.candidates.slice(0, 2).map((c) => [c.company.id, c.reason])).toEqual([
      ['openai', MatchReason.NAME],
      ['openai-foundation', MatchReason.ALIAS],
    ]);
    expect(open.certain).toBe(true);
  });

  it('refuses more than 1,000 names with BAD_USER_INPUT', async () => {
    const result = await app.gql(MATCH, { names: Array.from({ length: 1001 }, (_, i) => `name ${i}`) });
    expect(firstError(result)).toEqual({ code: 'BAD_USER_INPUT', message: expect.stringContaining('at most 1000 names') });
  });

  it('takes 1,000 names in one call', async () => {
    // Every other name distinct and exact for no company: the fuzzy pass runs for 500 names.
    const names = Array.from({ length: 1000 }, (_, i) => (i % 2 === 0 ? `Anthropic ${i}` : 'Nvidia'));
    const result = (await ok<{ matchCompanies: Match[] }>(app, MATCH, { names })).matchCompanies;
    expect(result).toHaveLength(1000);
    expect(result[1]?.candidates[0]?.company.id).toBe('nvidia');
    expect(result[998]?.candidates[0]?.company.id).toBe('anthropic');
  });
});
