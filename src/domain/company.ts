import type { CompanyKind } from './enums';
import { EXTERNAL_ID_PROPERTIES, externalIdsOf, type ExternalId } from './external-id';

/** A company as the repository returns it: plain values, no Neo4j types. */
export interface CompanyRecord {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  /** Names it went by before (Facebook for Meta; absent where the statement did not read them). */
  readonly formerNames?: readonly string[];
  readonly kind: CompanyKind;
  readonly country: string | null;
  readonly founded: number | null;
  readonly website: string | null;
  readonly description: string | null;
  /** Its ids in other databases (Wikidata, SEC, GLEIF, its domain), at most one per scheme; absent where the statement did not read them. */
  readonly externalIds?: readonly ExternalId[];
}

/** The stored properties a company is read with, in every statement that returns companies. */
export const COMPANY_PROPERTIES = ['id', 'name', 'aliases', 'kind', 'country', 'founded', 'website', 'description'] as const;

/**
 * What identifies a company beyond its name, read only where it is asked for (the company's own fields, the export,
 * matching): kept out of the map every statement projects, so lists and traversals read no more than before.
 */
export const COMPANY_IDENTITY_PROPERTIES = ['formerNames', ...EXTERNAL_ID_PROPERTIES] as const;

/** Maps a stored node map to a record, tolerating absent optional properties. */
export function toCompanyRecord(row: unknown): CompanyRecord {
  const c = row as Record<string, unknown>;
  return {
    id: c.id as string,
    name: c.name as string,
    aliases: (c.aliases as string[] | null) ?? [],
    kind: c.kind as CompanyKind,
    country: (c.country as string | null) ?? null,
    founded: (c.founded as number | null) ?? null,
    website: (c.website as string | null) ?? null,
    description: (c.description as string | null) ?? null,
    ...('formerNames' in c || 'wikidataId' in c ? identityOf(c) : {}),
  };
}

/** What identifies a company beyond its name and aliases. */
export interface CompanyIdentity {
  readonly formerNames: readonly string[];
  readonly externalIds: readonly ExternalId[];
}

/** A company's former names and external ids from a map that read COMPANY_IDENTITY_PROPERTIES. */
export function identityOf(c: Readonly<Record<string, unknown>>): CompanyIdentity {
  return { formerNames: (c.formerNames as string[] | null) ?? [], externalIds: externalIdsOf(c) };
}
