import { storedDate, type PartialDate } from '../common/date-scalar';
import { toCompanyRecord, type CompanyRecord } from '../company/company.record';

/** "child is a subsidiary of parent", so questions can roll up to parents. */
export interface SubsidiaryLinkRecord {
  readonly id: string;
  readonly childId: string;
  readonly parentId: string;
  readonly since: PartialDate | null;
  readonly sourceIds: readonly string[];
}

export interface SubsidiaryLinkRow {
  readonly link: SubsidiaryLinkRecord;
  readonly child: CompanyRecord;
  readonly parent: CompanyRecord;
}

export function toSubsidiaryLinkRow(row: Record<string, unknown>): SubsidiaryLinkRow {
  const r = row.link as Record<string, unknown>;
  return {
    link: {
      id: r.id as string,
      childId: r.childId as string,
      parentId: r.parentId as string,
      since: storedDate(r.since, r.sincePrecision),
      sourceIds: (r.sourceIds as string[] | null) ?? [],
    },
    child: toCompanyRecord(row.child),
    parent: toCompanyRecord(row.parent),
  };
}
