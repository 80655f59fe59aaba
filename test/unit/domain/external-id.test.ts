import { checkedExternalIds, externalIdProblem, ExternalIdScheme, leiChecksumHolds, normalizeExternalId } from '../../../src/domain/external-id';
import { nameKey } from '../../../src/company/match/name-key';
import { matchOne, MatchReason, rankCandidates } from '../../../src/company/match/match-rule';
import type { CompanyRecord } from '../../../src/domain/company';
import { CompanyKind } from '../../../src/domain/enums';

// GLEIF's own LEI, as its 2018 annual report (XBRL) states it.
const GLEIF_LEI = '506700GE1G29325QX363';

describe('external id rules', () => {
  it('accepts a real LEI and refuses it with a check digit or a character changed', () => {
    expect(leiChecksumHolds(GLEIF_LEI)).toBe(true);
    expect(externalIdProblem(ExternalIdScheme.LEI, GLEIF_LEI.toLowerCase())).toBeNull();
    expect(externalIdProblem(ExternalIdScheme.LEI, '506700GE1G29325QX364')).toMatch(/check digits/);
    expect(externalIdProblem(ExternalIdScheme.LEI, '506700GE1G29325QY363')).toMatch(/check digits/);
    expect(externalIdProblem(ExternalIdScheme.LEI, '506700GE1G29325QX36')).toMatch(/20-character/);
  });

  it('takes Wikidata item ids only, upper-cased', () => {
    expect(normalizeExternalId(ExternalIdScheme.WIKIDATA, ' q95 ')).toBe('Q95');
    for (const bad of ['Q0', 'Q012', 'P31', '95', 'Q95a']) expect(externalIdProblem(ExternalIdScheme.WIKIDATA, bad)).not.toBeNull();
  });

  it('stores a CIK as ten digits and refuses anything else', () => {
    expect(normalizeExternalId(ExternalIdScheme.SEC_CIK, '789019')).toBe('0000789019');
    expect(externalIdProblem(ExternalIdScheme.SEC_CIK, '0000789019')).toBeNull();
    for (const bad of ['12345678901', 'CIK789019', '0', '']) expect(externalIdProblem(ExternalIdScheme.SEC_CIK, bad)).not.toBeNull();
  });

  it('reduces a URL or host to its domain: lower case, no scheme, port, path or www.', () => {
    expect(normalizeExternalId(ExternalIdScheme.DOMAIN, 'https://WWW.Anthropic.com:443/news?x=1')).toBe('anthropic.com');
    expect(normalizeExternalId(ExternalIdScheme.DOMAIN, 'x.ai.')).toBe('x.ai');
    for (const bad of ['anthropic', 'http://', 'a b.com', '-bad.com']) expect(externalIdProblem(ExternalIdScheme.DOMAIN, bad)).not.toBeNull();
  });

  it('refuses two ids of one scheme on a company and names the company', () => {
    expect(() =>
      checkedExternalIds('openai', [
        { scheme: ExternalIdScheme.DOMAIN, value: 'openai.com', source: 'https://openai.com' },
        { scheme: ExternalIdScheme.DOMAIN, value: 'chatgpt.com', source: 'https://chatgpt.com' },
      ]),
    ).toThrow(/company "openai": more than one DOMAIN/);
    expect(() => checkedExternalIds('acme', [{ scheme: ExternalIdScheme.LEI, value: '506700GE1G29325QX364', source: 'https://x.org' }])).toThrow(/company "acme"/);
  });
});

describe('the matching rule', () => {
  const company = (id: string, name: string, extra: Partial<CompanyRecord> = {}): CompanyRecord => ({
    id,
    name,
    aliases: [],
    formerNames: [],
    kind: CompanyKind.AI_LAB,
    country: null,
    founded: null,
    website: null,
    description: null,
    externalIds: [],
    ...extra,
  });

  it('compares names without case, spaces, punctuation or trailing legal forms', () => {
    expect(nameKey('Open AI')).toBe('openai');
    expect(nameKey('OpenAI, Inc.')).toBe('openai');
    expect(nameKey('X.AI Corp.')).toBe('xai');
    expect(nameKey('The Stargate Project')).toBe('stargateproject');
    expect(nameKey('Inc')).toBe('inc');
  });

  it('gives each reason its score, exact ones above every similarity', () => {
    const meta = company('meta', 'Meta Platforms', { aliases: ['Meta'], formerNames: ['Facebook'], externalIds: [{ scheme: ExternalIdScheme.DOMAIN, value: 'meta.com', source: 'https://meta.com' }] });
    expect(matchOne('meta', meta)).toEqual({ score: 1, reason: MatchReason.ID });
    expect(matchOne('META PLATFORMS INC', meta)).toEqual({ score: 1, reason: MatchReason.NAME });
    expect(matchOne('https://www.meta.com/', meta)).toEqual({ score: 0.98, reason: MatchReason.DOMAIN });
    // An id matches as written; "Meta" is then its alias.
    expect(matchOne('Meta', meta)?.reason).toBe(MatchReason.ALIAS);
    expect(matchOne('Meta Inc', meta)).toEqual({ score: 0.95, reason: MatchReason.ALIAS });
    expect(matchOne('Facebook', meta)).toEqual({ score: 0.9, reason: MatchReason.FORMER_NAME });
    expect(matchOne('Facebok', meta)).toMatchObject({ reason: MatchReason.FULL_TEXT });
    expect((matchOne('Facebok', meta)?.score ?? 1) < 0.9).toBe(true);
    expect(matchOne('Qwxz', meta)).toBeNull();
  });

  it('breaks ties by reason, then by company id', () => {
    const ranked = rankCandidates('Acme', [company('b-acme', 'Acme'), company('a-acme', 'Other', { aliases: ['Acme'] }), company('c-acme', 'Acme')]);
    expect(ranked.candidates.map((c) => c.company.id)).toEqual(['b-acme', 'c-acme', 'a-acme']);
    expect(ranked.certain).toBe(false);
  });
});
