import { storedDate, type PartialDate } from '../common/date-scalar';
import type { AmountKind, ComputeDealStatus, ComputeResource } from '../common/enums';
import { toCompanyRecord, type CompanyRecord } from '../company/company.record';

/** One compute-supply agreement as plain values. */
export interface ComputeDealRecord {
  readonly id: string;
  readonly providerId: string;
  readonly customerId: string;
  readonly valueUsd: number | null;
  readonly amountKind: AmountKind | null;
  readonly announcedOn: PartialDate;
  readonly startsOn: PartialDate | null;
  readonly endsOn: PartialDate | null;
  readonly resource: ComputeResource;
  readonly capacity: string | null;
  readonly status: ComputeDealStatus;
  readonly note: string | null;
  readonly relatedInvestmentId: string | null;
  readonly sourceIds: readonly string[];
}

export interface ComputeDealRow {
  readonly deal: ComputeDealRecord;
  readonly provider: CompanyRecord;
  readonly customer: CompanyRecord;
}

export function toComputeDealRecord(row: unknown): ComputeDealRecord {
  const d = row as Record<string, unknown>;
  return {
    id: d.id as string,
    providerId: d.providerId as string,
    customerId: d.customerId as string,
    valueUsd: (d.valueUsd as number | null) ?? null,
    amountKind: (d.amountKind as AmountKind | null) ?? null,
    announcedOn: storedDate(d.announcedOn, d.announcedPrecision) as PartialDate,
    startsOn: storedDate(d.startsOn, d.startsPrecision),
    endsOn: storedDate(d.endsOn, d.endsPrecision),
    resource: d.resource as ComputeResource,
    capacity: (d.capacity as string | null) ?? null,
    status: d.status as ComputeDealStatus,
    note: (d.note as string | null) ?? null,
    relatedInvestmentId: (d.relatedInvestmentId as string | null) ?? null,
    sourceIds: (d.sourceIds as string[] | null) ?? [],
  };
}

export function toComputeDealRow(row: Record<string, unknown>): ComputeDealRow {
  return { deal: toComputeDealRecord(row.deal), provider: toCompanyRecord(row.provider), customer: toCompanyRecord(row.customer) };
}
