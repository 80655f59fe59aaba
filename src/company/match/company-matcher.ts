import { toCompanyRecord, type CompanyRecord } from '../../domain/company';
import { badInput } from '../../domain/errors';
import { ExternalIdScheme } from '../../domain/external-id';
import type { CypherCatalog } from '../../neo4j/cypher-catalog';
import type { Database } from '../../neo4j/database';
import { int } from '../../neo4j/params';
import { slugify } from '../../domain/validation';
import { CERTAIN_SCORE, externalIdReadings, rankCandidates, type NameMatch } from './match-rule';
import { nameKey, nameWords } from './name-key';

/** At most this many names per call (a CSV import batches its rows by it). */
export const MAX_MATCH_NAMES = 1000;
/** A name longer than this is no company's name. */
export const MAX_MATCH_NAME_LENGTH = 300;
/**
 * Names per statement: each name's full-text query costs about a millisecond or two on the server, so a long list is
 * sent in parts that each stay far inside the transaction timeout.
 */
const NAMES_PER_STATEMENT = 250;
/** Full-text hits read per name before the rule ranks them. */
const FULL_TEXT_HITS = 10;

/** Lucene characters with a meaning in query syntax: user text is only ever searched for. */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** The words of a name as Lucene terms (query syntax removed), at most ten. */
function queryWords(name: string): string[] {
  return nameWords(name)
    .map((word) => word.replace(LUCENE_SPECIAL, ''))
    .filter((word) => word.length > 0)
    .slice(0, 10);
}

/**
 * The first, cheap full-text query for a name: its key as one word (so "Open AI" finds "OpenAI") or any of its words
 * exactly. Enough for every name that is some company's name, alias or former name. Null when it has no word.
 */
export function exactTextQuery(name: string): string | null {
  const words = queryWords(name);
  if (words.length === 0) return null;
  const key = nameKey(name).replace(LUCENE_SPECIAL, '');
  return [...(key && words.length > 1 ? [`${key}^4`] : []), ...words].join(' OR ');
}

/**
 * The second query, for names the first left without an exact match: each word also as a prefix and within one edit
 * (a transposition counts as one: "antrhopic"); words of one or two letters only exactly. One edit, not two: a
 * two-edit automaton costs about seven times as much per name, and the rule scores such a distant name low anyway.
 */
export function fuzzyTextQuery(name: string): string | null {
  const words = queryWords(name);
  if (words.length === 0) return null;
  const key = nameKey(name).replace(LUCENE_SPECIAL, '');
  const clauses = words.map((word) => (word.length <= 2 ? word : word.length <= 3 ? `(${word}^2 OR ${word}*)` : `(${word}^2 OR ${word}* OR ${word}~1)`));
  return [...(key && words.length > 1 ? [`${key}^4`, `${key}~1`] : []), ...clauses].join(' OR ');
}

/** Names ranked between two turns of the event loop. */
const RANK_CHUNK = 25;

/**
 * Each name's candidates ranked, giving the event loop back every RANK_CHUNK names: ranking is synchronous (edit
 * distances), and 1,000 names held the loop for 0.5-2.9 s at once (the fuzzer found it).
 */
async function rankAll(names: readonly string[], found: ReadonlyMap<string, CompanyRecord[]>): Promise<Map<string, NameMatch>> {
  const ranked = new Map<string, NameMatch>();
  for (let from = 0; from < names.length; from += RANK_CHUNK) {
    for (const name of names.slice(from, from + RANK_CHUNK)) ranked.set(name, rankCandidates(name, found.get(name) ?? []));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return ranked;
}

/**
 * Reconciles names with the companies in the graph: for each name its candidates, best first, and why each matched
 * (the rule is src/company/match/match-rule.ts). Plain TypeScript over the database, so an import can call it
 * without GraphQL; one statement per call.
 */
export class CompanyMatcher {
  private readonly statement: string;

  constructor(
    private readonly db: Database,
    catalog: CypherCatalog,
  ) {
    this.statement = catalog.get('company/match-candidates');
  }

  async match(names: readonly string[]): Promise<NameMatch[]> {
    if (names.length > MAX_MATCH_NAMES) throw badInput('names', `at most ${MAX_MATCH_NAMES} names per call, got ${names.length}`);
    const long = names.findIndex((name) => name.length > MAX_MATCH_NAME_LENGTH);
    if (long >= 0) throw badInput('names', `name ${long + 1} is longer than ${MAX_MATCH_NAME_LENGTH} characters`);
    // A list read from a file repeats names; each distinct one is looked up once.
    const distinct = [...new Set(names.map((name) => name.trim()))];
    const found = new Map<string, CompanyRecord[]>(distinct.map((name) => [name, []]));
    await this.lookUp(distinct, exactTextQuery, found, true);
    const ranked = await rankAll(distinct, found);
    // Only names with no exact match pay for the fuzzy query (and are ranked again).
    const unresolved = distinct.filter((name) => !(ranked.get(name) as NameMatch).candidates.some((c) => c.score >= CERTAIN_SCORE));
    await this.lookUp(unresolved, fuzzyTextQuery, found, false);
    for (const [name, match] of await rankAll(unresolved, found)) ranked.set(name, match);
    return names.map((name) => ({ ...(ranked.get(name.trim()) as NameMatch), name }));
  }

  /** Adds each name's candidates to `found`: by id and external id (first pass only) and by the full-text query. */
  private async lookUp(names: readonly string[], textQuery: (name: string) => string | null, found: Map<string, CompanyRecord[]>, byIds: boolean): Promise<void> {
    for (let from = 0; from < names.length; from += NAMES_PER_STATEMENT) {
      const batch = names.slice(from, from + NAMES_PER_STATEMENT);
      const lookups = batch.map((name, index) => {
        const readings = byIds ? externalIdReadings(name) : {};
        return {
          index: int(index),
          id: byIds ? slugify(name) || null : null,
          wikidata: readings[ExternalIdScheme.WIKIDATA] ?? null,
          secCik: readings[ExternalIdScheme.SEC_CIK] ?? null,
          lei: readings[ExternalIdScheme.LEI] ?? null,
          domain: readings[ExternalIdScheme.DOMAIN] ?? null,
          query: textQuery(name),
        };
      });
      const rows = await this.db.readRows(this.statement, { lookups, perName: int(FULL_TEXT_HITS) });
      for (const row of rows) {
        const name = batch[row.index as number] as string;
        found.get(name)?.push(...(row.companies as unknown[]).map(toCompanyRecord));
      }
    }
  }
}
