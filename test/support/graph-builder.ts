import { toolAuthor } from '../../src/domain/change';
import { parsePartialDate } from '../../src/domain/partial-date';
import { AmountKind, CompanyKind, ComputeResource, ComputeDealStatus, InvestmentStatus } from '../../src/domain/enums';
import type { Repositories } from '../../src/repositories';

/** A tiny graph described in a line each, written through the repositories (the validated write path). */
export interface GraphSpec {
  companies: string[];
  /** [investor, investee, amountUsd | null, date] */
  investments?: [string, string, number | null, string][];
  /** [provider, customer, valueUsd | null, date, amountKind (CONTRACT_VALUE when omitted)] */
  deals?: [string, string, number | null, string, AmountKind?][];
  /** [a, b, market, since] */
  rivalries?: [string, string, string, string][];
  /** [child, parent, since] */
  subsidiaries?: [string, string, string][];
}

/** The author the builder's writes are logged under. */
const BUILDER = toolAuthor('test-builder');

const SOURCE = { url: 'https://example.org/test-source', publisher: 'Test', title: 'Test fixture' };

/** Builds the graph; each fact cites one shared test source. */
export async function buildGraph(repos: Repositories, spec: GraphSpec): Promise<void> {
  const source = await repos.sources.record({ ...SOURCE, id: 'src-test' } as never, BUILDER);
  const cite = { sourceIds: [source.id] };
  for (const id of spec.companies) {
    await repos.companies.create({ id, name: id.toUpperCase(), kind: CompanyKind.OTHER } as never, BUILDER);
  }
  for (const [investorId, investeeId, amountUsd, date] of spec.investments ?? []) {
    await repos.facts.get('Investment')!.record({
      investorId,
      investeeId,
      amountUsd,
      amountKind: amountUsd === null ? null : AmountKind.PAID,
      announcedOn: parsePartialDate(date),
      status: InvestmentStatus.COMPLETED,
      ...cite,
    } as never, BUILDER);
  }
  for (const [providerId, customerId, valueUsd, date, kind] of spec.deals ?? []) {
    await repos.facts.get('ComputeDeal')!.record({
      providerId,
      customerId,
      valueUsd,
      amountKind: valueUsd === null ? null : (kind ?? AmountKind.CONTRACT_VALUE),
      announcedOn: parsePartialDate(date),
      resource: ComputeResource.CLOUD,
      status: ComputeDealStatus.ACTIVE,
      ...cite,
    } as never, BUILDER);
  }
  for (const [a, b, market, since] of spec.rivalries ?? []) {
    await repos.facts.get('Rivalry')!.record({ companyIds: [a, b], market, since: parsePartialDate(since), ...cite } as never, BUILDER);
  }
  for (const [childId, parentId, since] of spec.subsidiaries ?? []) {
    await repos.facts.get('SubsidiaryLink')!.record({ childId, parentId, since: parsePartialDate(since), ...cite } as never, BUILDER);
  }
}
