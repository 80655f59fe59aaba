import { storedDate, type PartialDate } from '../common/date-scalar';
import type { AcquisitionKind, AmountKind } from '../common/enums';
import { toCompanyRecord, type CompanyRecord } from '../company/company.record';

/** An acquisition, or an acqui-hire licence deal, of a target by an acquirer. */
export interface AcquisitionRecord {
  readonly id: string;
  readonly acquirerId: string;
  readonly targetId: string;
  readonly kind: AcquisitionKind;
  readonly announcedOn: PartialDate;
  readonly amountUsd: number | null;
  readonly amountKind: AmountKind | null;
  readonly note: string | null;
  readonly sourceIds: readonly string[];
}

export interface AcquisitionRow {
  readonly acquisition: AcquisitionRecord;
  readonly acquirer: CompanyRecord;
  readonly target: CompanyRecord;
}

export function toAcquisitionRow(row: Record<string, unknown>): AcquisitionRow {
  const r = row.acquisition as Record<string, unknown>;
  return {
    acquisition: {
      id: r.id as string,
      acquirerId: r.acquirerId as string,
      targetId: r.targetId as string,
      kind: r.kind as AcquisitionKind,
      announcedOn: storedDate(r.announcedOn, r.announcedPrecision) as PartialDate,
      amountUsd: (r.amountUsd as number | null) ?? null,
      amountKind: (r.amountKind as AmountKind | null) ?? null,
      note: (r.note as string | null) ?? null,
      sourceIds: (r.sourceIds as string[] | null) ?? [],
    },
    acquirer: toCompanyRecord(row.acquirer),
    target: toCompanyRecord(row.target),
  };
}
