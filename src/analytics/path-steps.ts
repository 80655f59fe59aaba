import type { CompanyRecord } from '../domain/company';
import { disclosedTotal } from '../domain/money';
import { toFactRecord } from '../facts/fact-record';
import { ACQUISITION, type AcquisitionFact } from '../facts/types/acquisition.fact';
import { COMPUTE_DEAL, type ComputeDealFact } from '../facts/types/compute-deal.fact';
import { INVESTMENT, type InvestmentFact } from '../facts/types/investment.fact';
import { RIVALRY, type RivalryFact } from '../facts/types/rivalry.fact';
import { SUBSIDIARY_LINK, type SubsidiaryLinkFact } from '../facts/types/subsidiary-link.fact';
import { describeAcquisition, describeDeals, describeInvestments, describeRivalry, describeSubsidiary } from './describe';
import { RelationKind } from './relation-kind';

/** A step as the analytics Cypher returns it (cypher/analytics/fragments/path-steps). */
interface RawStep {
  kind: RelationKind;
  fromId: string;
  toId: string;
  forward: boolean;
  investments: Record<string, unknown>[];
  deals: Record<string, unknown>[];
  /** The fact behind a rivalry, subsidiary or acquisition step. */
  fact: Record<string, unknown> | null;
}

/** A step with its facts as records, its money and its sentence. */
export interface ExplainedStep {
  from: CompanyRecord;
  to: CompanyRecord;
  kind: RelationKind;
  forward: boolean;
  investments: InvestmentFact[];
  computeDeals: ComputeDealFact[];
  rivalry: RivalryFact | null;
  subsidiaryLink: SubsidiaryLinkFact | null;
  acquisition: AcquisitionFact | null;
  amountUsd: number | null;
  description: string;
}

/** Disclosed money, or null when no amount is disclosed (unknown is not zero). */
function disclosedOrNull(facts: readonly { amountUsd: number | null; amountKind: string | null }[]): number | null {
  return facts.some((fact) => fact.amountUsd !== null) ? disclosedTotal(facts) : null;
}

const byDate = <T extends { id: string; announcedOn: { start: string } }>(a: T, b: T) => a.announcedOn.start.localeCompare(b.announcedOn.start) || a.id.localeCompare(b.id);

/** Turns raw steps into explained steps; `companies` must hold every company on the path. */
export function explainSteps(raw: readonly RawStep[], companies: ReadonlyMap<string, CompanyRecord>): ExplainedStep[] {
  return raw.map((step) => {
    const from = companies.get(step.fromId) as CompanyRecord;
    const to = companies.get(step.toId) as CompanyRecord;
    const [start, end] = step.forward ? [from, to] : [to, from];
    const investments = step.investments.map((row) => toFactRecord(INVESTMENT, row) as InvestmentFact).sort(byDate);
    const computeDeals = step.deals.map((row) => toFactRecord(COMPUTE_DEAL, row) as ComputeDealFact).sort(byDate);
    const base = { from, to, kind: step.kind, forward: step.forward, investments, computeDeals, rivalry: null, subsidiaryLink: null, acquisition: null };
    switch (step.kind) {
      case RelationKind.INVESTED_IN:
        return { ...base, amountUsd: disclosedOrNull(investments), description: describeInvestments(start, end, investments) };
      case RelationKind.SUPPLIES_COMPUTE: {
        const amounts = computeDeals.map((d) => ({ amountUsd: d.valueUsd, amountKind: d.amountKind }));
        return { ...base, amountUsd: disclosedOrNull(amounts), description: describeDeals(start, end, computeDeals) };
      }
      case RelationKind.COMPETES_WITH: {
        const rivalry = toFactRecord(RIVALRY, step.fact) as RivalryFact;
        return { ...base, rivalry, amountUsd: null, description: describeRivalry(from, to, rivalry) };
      }
      case RelationKind.SUBSIDIARY_OF: {
        const subsidiaryLink = toFactRecord(SUBSIDIARY_LINK, step.fact) as SubsidiaryLinkFact;
        return { ...base, subsidiaryLink, amountUsd: null, description: describeSubsidiary(start, end) };
      }
      case RelationKind.ACQUIRED: {
        const acquisition = toFactRecord(ACQUISITION, step.fact) as AcquisitionFact;
        return { ...base, acquisition, amountUsd: null, description: describeAcquisition(start, end, acquisition) };
      }
    }
  });
}
