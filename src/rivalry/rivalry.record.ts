import { storedDate, type PartialDate } from '../common/date-scalar';
import { toCompanyRecord, type CompanyRecord } from '../company/company.record';

/** A rivalry between two companies in a market; stored once, read from either side. */
export interface RivalryRecord {
  readonly id: string;
  readonly companyIds: readonly [string, string];
  readonly market: string;
  readonly since: PartialDate | null;
  readonly note: string | null;
  readonly sourceIds: readonly string[];
}

export function toRivalryRecord(row: unknown): RivalryRecord {
  const r = row as Record<string, unknown>;
  return {
    id: r.id as string,
    companyIds: r.companyIds as [string, string],
    market: r.market as string,
    since: storedDate(r.since, r.sincePrecision),
    note: (r.note as string | null) ?? null,
    sourceIds: (r.sourceIds as string[] | null) ?? [],
  };
}

/** A rivalry with both companies (they prime the company loader). */
export interface RivalryRow {
  readonly rivalry: RivalryRecord;
  readonly companies: readonly CompanyRecord[];
}

export function toRivalryRow(row: Record<string, unknown>): RivalryRow {
  return { rivalry: toRivalryRecord(row.rivalry), companies: [toCompanyRecord(row.companyA), toCompanyRecord(row.companyB)] };
}

/** One side's view: the rivalry and the competitor on the other side. */
export interface CompetitorRow {
  readonly rivalry: RivalryRecord;
  readonly other: CompanyRecord;
}

export function toCompetitorRow(row: Record<string, unknown>): CompetitorRow {
  return { rivalry: toRivalryRecord(row.rivalry), other: toCompanyRecord(row.other) };
}
