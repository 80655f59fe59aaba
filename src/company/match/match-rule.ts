import type { CompanyRecord } from '../../domain/company';
import { EXTERNAL_ID_SCHEMES, ExternalIdScheme } from '../../domain/external-id';
import { keySimilarity, nameKey } from './name-key';

/** Why a company is a candidate for a name, strongest first (the order ties are broken in). */
export enum MatchReason {
  ID = 'ID',
  NAME = 'NAME',
  DOMAIN = 'DOMAIN',
  ALIAS = 'ALIAS',
  FORMER_NAME = 'FORMER_NAME',
  FULL_TEXT = 'FULL_TEXT',
}

const REASON_ORDER = Object.values(MatchReason);

/** The score of each exact reason; a full-text hit scores FULL_TEXT_CEILING times its similarity, always below them. */
export const REASON_SCORES: Readonly<Record<Exclude<MatchReason, MatchReason.FULL_TEXT>, number>> = {
  [MatchReason.ID]: 1,
  [MatchReason.NAME]: 1,
  [MatchReason.DOMAIN]: 0.98,
  [MatchReason.ALIAS]: 0.95,
  [MatchReason.FORMER_NAME]: 0.9,
};
export const FULL_TEXT_CEILING = 0.85;

/**
 * A candidate at or above this score matched exactly (its id, name, domain, an alias or a former name); below it,
 * only by similarity. A name is resolved with certainty when its best candidate reaches it and no other candidate
 * scores as high ("Open AI" is OpenAI's name and an alias of the OpenAI Foundation, "OpenAI, Inc.": the name wins).
 */
export const CERTAIN_SCORE = 0.9;

/** Full-text hits less alike than this are not offered. */
export const MIN_FULL_TEXT_SIMILARITY = 0.5;

/** At most this many candidates per name. */
export const MAX_CANDIDATES = 5;

export interface MatchCandidate {
  readonly company: CompanyRecord;
  readonly score: number;
  readonly reason: MatchReason;
}

export interface NameMatch {
  readonly name: string;
  /** Best first: score, then reason (in MatchReason order), then company id. */
  readonly candidates: readonly MatchCandidate[];
  /** The best candidate reached CERTAIN_SCORE and no other scored as high. */
  readonly certain: boolean;
}

/** What a name is looked up by in the graph: each lookup an index serves. */
export interface MatchLookup {
  /** The name as a company id would be (slug), for the id constraint. */
  readonly id: string;
  /** The name as an external id of each scheme it could be, for that scheme's constraint. */
  readonly externalIds: Readonly<Partial<Record<ExternalIdScheme, string>>>;
  readonly key: string;
}

/** The external ids a text could be, normalized: only the schemes whose rule it passes. */
export function externalIdReadings(text: string): Partial<Record<ExternalIdScheme, string>> {
  const readings: Partial<Record<ExternalIdScheme, string>> = {};
  for (const scheme of Object.values(ExternalIdScheme)) {
    const rule = EXTERNAL_ID_SCHEMES[scheme];
    const value = rule.normalize(text);
    // A bare word ("mistral") is a valid-looking domain label only with a dot; a domain needs one.
    if (rule.problem(value) === null && (scheme !== ExternalIdScheme.DOMAIN || text.includes('.'))) readings[scheme] = value;
  }
  return readings;
}

/** How one company matches one name: its strongest reason, or null when it does not. */
export function matchOne(name: string, company: CompanyRecord): { score: number; reason: MatchReason } | null {
  const text = name.trim();
  const key = nameKey(text);
  const readings = externalIdReadings(text);
  const ids = company.externalIds ?? [];
  if (text === company.id || ids.some((id) => id.scheme !== ExternalIdScheme.DOMAIN && readings[id.scheme] === id.value)) return { score: REASON_SCORES.ID, reason: MatchReason.ID };
  if (key !== '' && nameKey(company.name) === key) return { score: REASON_SCORES.NAME, reason: MatchReason.NAME };
  if (ids.some((id) => id.scheme === ExternalIdScheme.DOMAIN && readings.DOMAIN === id.value)) return { score: REASON_SCORES.DOMAIN, reason: MatchReason.DOMAIN };
  if (key !== '' && company.aliases.some((alias) => nameKey(alias) === key)) return { score: REASON_SCORES.ALIAS, reason: MatchReason.ALIAS };
  if (key !== '' && (company.formerNames ?? []).some((former) => nameKey(former) === key)) return { score: REASON_SCORES.FORMER_NAME, reason: MatchReason.FORMER_NAME };
  const similarity = Math.max(0, ...[company.name, ...company.aliases, ...(company.formerNames ?? [])].map((other) => keySimilarity(key, nameKey(other))));
  if (similarity < MIN_FULL_TEXT_SIMILARITY) return null;
  return { score: Math.round(FULL_TEXT_CEILING * similarity * 1000) / 1000, reason: MatchReason.FULL_TEXT };
}

/** Best first, deterministically: score, then the stronger reason, then the company id. */
export function compareCandidates(a: MatchCandidate, b: MatchCandidate): number {
  return b.score - a.score || REASON_ORDER.indexOf(a.reason) - REASON_ORDER.indexOf(b.reason) || (a.company.id < b.company.id ? -1 : a.company.id > b.company.id ? 1 : 0);
}

/** The ranked candidates of a name among the companies the lookups found (found ones that do not match are dropped). */
export function rankCandidates(name: string, found: readonly CompanyRecord[]): NameMatch {
  const unique = new Map(found.map((company) => [company.id, company]));
  const candidates = [...unique.values()]
    .flatMap((company) => {
      const match = matchOne(name, company);
      return match ? [{ company, ...match }] : [];
    })
    .sort(compareCandidates)
    .slice(0, MAX_CANDIDATES);
  const best = candidates[0]?.score ?? 0;
  const certain = best >= CERTAIN_SCORE && (candidates[1]?.score ?? 0) < best;
  return { name, candidates, certain };
}
