import { storedDate, type PartialDate } from '../common/date-scalar';
import type { AmountKind, Instrument, InvestmentStatus } from '../common/enums';
import { toCompanyRecord, type CompanyRecord } from '../company/company.record';

/** One investment (one tranche) as plain values. */
export interface InvestmentRecord {
  readonly id: string;
  readonly investorId: string;
  readonly investeeId: string;
  readonly amountUsd: number | null;
  readonly amountKind: AmountKind | null;
  readonly announcedOn: PartialDate;
  readonly closedOn: PartialDate | null;
  readonly round: string | null;
  readonly stakePercent: number | null;
  readonly valuationUsd: number | null;
  readonly instrument: Instrument | null;
  readonly status: InvestmentStatus;
  readonly note: string | null;
  readonly sourceIds: readonly string[];
}

/** An investment with both parties, as the read queries return it (the parties prime the company loader). */
export interface InvestmentRow {
  readonly investment: InvestmentRecord;
  readonly investor: CompanyRecord;
  readonly investee: CompanyRecord;
}

export function toInvestmentRecord(row: unknown): InvestmentRecord {
  const i = row as Record<string, unknown>;
  return {
    id: i.id as string,
    investorId: i.investorId as string,
    investeeId: i.investeeId as string,
    amountUsd: (i.amountUsd as number | null) ?? null,
    amountKind: (i.amountKind as AmountKind | null) ?? null,
    announcedOn: storedDate(i.announcedOn, i.announcedPrecision) as PartialDate,
    closedOn: storedDate(i.closedOn, i.closedPrecision),
    round: (i.round as string | null) ?? null,
    stakePercent: (i.stakePercent as number | null) ?? null,
    valuationUsd: (i.valuationUsd as number | null) ?? null,
    instrument: (i.instrument as Instrument | null) ?? null,
    status: i.status as InvestmentStatus,
    note: (i.note as string | null) ?? null,
    sourceIds: (i.sourceIds as string[] | null) ?? [],
  };
}

/**
 * An investment in a company's own list (received or made): the company is the caller's already, so only the other
 * party comes back with it, to prime the company loader.
 */
export interface CounterpartyInvestmentRow {
  readonly investment: InvestmentRecord;
  readonly counterparty: CompanyRecord;
}

export function toCounterpartyInvestmentRow(row: Record<string, unknown>): CounterpartyInvestmentRow {
  return { investment: toInvestmentRecord(row.investment), counterparty: toCompanyRecord(row.counterparty) };
}

export function toInvestmentRow(row: Record<string, unknown>): InvestmentRow {
  return { investment: toInvestmentRecord(row.investment), investor: toCompanyRecord(row.investor), investee: toCompanyRecord(row.investee) };
}
