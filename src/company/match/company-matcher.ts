import { toCompanyRecord } from '../../domain/company';
import { badInput } from '../../domain/errors';
import { ExternalIdScheme } from '../../domain/external-id';
import type { CypherCatalog } from '../../neo4j/cypher-catalog';
import type { Database } from '../../neo4j/database';
import { int } from '../../neo4j/params';
import { slugify } from '../../domain/validation';
import { externalIdReadings, rankCandidates, type NameMatch } from './match-rule';
import { nameKey, nameWords } from './name-key';

/** At most this many names per call (a CSV import batches its rows by it). */
export const MAX_MATCH_NAMES = 1000;
/** A name longer than this is no company's name. */
export const MAX_MATCH_NAME_LENGTH = 300;
/** Full-text hits read per name before the rule ranks them. */
const FULL_TEXT_HITS = 10;

/** Lucene characters with a meaning in query syntax: user text is only ever searched for. */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * The full-text query for a name: its key as one word (so "Open AI" finds "OpenAI"), or any of its words exactly, as
 * a prefix, or within two edits (typos); words of one or two letters only exactly. Null when it has no word.
 */
export function fullTextQuery(name: string): string | null {
  const words = nameWords(name)
    .map((word) => word.replace(LUCENE_SPECIAL, ''))
    .filter((word) => word.length > 0)
    .slice(0, 10);
  if (words.length === 0) return null;
  const key = nameKey(name).replace(LUCENE_SPECIAL, '');
  const clauses = words.map((word) => (word.length <= 2 ? word : `(${word}^2 OR ${word}* OR ${word}~)`));
  return [...(key && words.length > 1 ? [`${key}^4`] : []), ...clauses].join(' OR ');
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
    if (names.length === 0) return [];
    const lookups = names.map((name, index) => {
      const readings = externalIdReadings(name);
      return {
        index: int(index),
        id: slugify(name) || null,
        wikidata: readings[ExternalIdScheme.WIKIDATA] ?? null,
        secCik: readings[ExternalIdScheme.SEC_CIK] ?? null,
        lei: readings[ExternalIdScheme.LEI] ?? null,
        domain: readings[ExternalIdScheme.DOMAIN] ?? null,
        query: fullTextQuery(name),
      };
    });
    const rows = await this.db.readRows(this.statement, { lookups, perName: int(FULL_TEXT_HITS) });
    const found = new Map(rows.map((row) => [row.index as number, (row.companies as unknown[]).map(toCompanyRecord)]));
    return names.map((name, index) => rankCandidates(name, found.get(index) ?? []));
  }
}
