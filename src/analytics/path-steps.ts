import type { AcquisitionRecord } from '../acquisition/acquisition.record';
import { storedDate, type PartialDate } from '../common/date-scalar';
import type { AcquisitionKind, AmountKind } from '../common/enums';
import { disclosedTotal } from '../common/money';
import type { CompanyRecord } from '../company/company.record';
import { toComputeDealRecord, type ComputeDealRecord } from '../compute/compute-deal.record';
import { toInvestmentRecord, type InvestmentRecord } from '../investment/investment.record';
import { toRivalryRecord, type RivalryRecord } from '../rivalry/rivalry.record';
import type { SubsidiaryLinkRecord } from '../subsidiary/subsidiary-link.record';
import { describeAcquisition, describeDeals, describeInvestments, describeRivalry, describeSubsidiary } from './describe';
import { RelationKind } from './relation-kind';

/** A step as the analytics Cypher returns it (see the shared steps subquery in cypher/analytics/*.cypher). */
interface RawStep {
  kind: RelationKind;
  fromId: string;
  toId: string;
  forward: boolean;
  investments: Record<string, unknown>[];
  deals: Record<string, unknown>[];
  relationship: (Record<string, unknown> & { startId: string; endId: string }) | null;
}

/** A step with its facts as records, its money and its sentence. */
export interface ExplainedStep {
  from: CompanyRecord;
  to: CompanyRecord;
  kind: RelationKind;
  forward: boolean;
  investments: InvestmentRecord[];
  computeDeals: ComputeDealRecord[];
  rivalry: RivalryRecord | null;
  subsidiaryLink: SubsidiaryLinkRecord | null;
  acquisition: AcquisitionRecord | null;
  amountUsd: number | null;
  description: string;
}

/** Disclosed money, or null when no amount is disclosed (unknown is not zero). */
function disclosedOrNull(facts: readonly { amountUsd: number | null; amountKind: string | null }[]): number | null {
  return facts.some((fact) => fact.amountUsd !== null) ? disclosedTotal(facts) : null;
}

/** Turns raw steps into explained steps; `companies` must hold every company on the path. */
export function explainSteps(raw: readonly RawStep[], companies: ReadonlyMap<string, CompanyRecord>): ExplainedStep[] {
  return raw.map((step) => {
    const from = companies.get(step.fromId) as CompanyRecord;
    const to = companies.get(step.toId) as CompanyRecord;
    const [start, end] = step.forward ? [from, to] : [to, from];
    const byDate = <T extends { id: string; announcedOn: PartialDate }>(a: T, b: T) => a.announcedOn.start.localeCompare(b.announcedOn.start) || a.id.localeCompare(b.id);
    const investments = step.investments.map(toInvestmentRecord).sort(byDate);
    const computeDeals = step.deals.map(toComputeDealRecord).sort(byDate);
    const rel = step.relationship;
    const base = { from, to, kind: step.kind, forward: step.forward, investments, computeDeals, rivalry: null, subsidiaryLink: null, acquisition: null };
    switch (step.kind) {
      case RelationKind.INVESTED_IN:
        return { ...base, amountUsd: disclosedOrNull(investments), description: describeInvestments(start, end, investments) };
      case RelationKind.SUPPLIES_COMPUTE: {
        const amounts = computeDeals.map((d) => ({ amountUsd: d.valueUsd, amountKind: d.amountKind }));
        return { ...base, amountUsd: disclosedOrNull(amounts), description: describeDeals(start, end, computeDeals) };
      }
      case RelationKind.COMPETES_WITH: {
        const rivalry = toRivalryRecord({ ...rel, companyIds: [rel?.startId, rel?.endId] });
        return { ...base, rivalry, amountUsd: null, description: describeRivalry(from, to, rivalry) };
      }
      case RelationKind.SUBSIDIARY_OF: {
        const subsidiaryLink: SubsidiaryLinkRecord = {
          id: rel?.id as string,
          childId: start.id,
          parentId: end.id,
          since: storedDate(rel?.since, rel?.sincePrecision),
          sourceIds: (rel?.sourceIds as string[]) ?? [],
        };
        return { ...base, subsidiaryLink, amountUsd: null, description: describeSubsidiary(start, end) };
      }
      case RelationKind.ACQUIRED: {
        const acquisition: AcquisitionRecord = {
          id: rel?.id as string,
          acquirerId: start.id,
          targetId: end.id,
          kind: rel?.kind as AcquisitionKind,
          announcedOn: storedDate(rel?.announcedOn, rel?.announcedPrecision) as PartialDate,
          amountUsd: (rel?.amountUsd as number | null) ?? null,
          amountKind: (rel?.amountKind as AmountKind | null) ?? null,
          note: (rel?.note as string | null) ?? null,
          sourceIds: (rel?.sourceIds as string[]) ?? [],
        };
        return { ...base, acquisition, amountUsd: null, description: describeAcquisition(start, end, acquisition) };
      }
    }
  });
}
