import type { CompanyKind } from './enums';

/** A company as the repository returns it: plain values, no Neo4j types. */
export interface CompanyRecord {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly kind: CompanyKind;
  readonly country: string | null;
  readonly founded: number | null;
  readonly website: string | null;
  readonly description: string | null;
}

/** The stored properties a company is read with, in every statement that returns companies. */
export const COMPANY_PROPERTIES = ['id', 'name', 'aliases', 'kind', 'country', 'founded', 'website', 'description'] as const;

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
  };
}
