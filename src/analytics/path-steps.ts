import type { CompanyRecord } from '../domain/company';
import type { FactScope } from '../domain/as-of';
import { headlineUsd, type Money } from '../domain/money';
import { factState, inScope, moneyOfFacts } from '../facts/fact-lifecycle';
import { toFactRecord } from '../facts/fact-record';
import { ACQUISITION, type AcquisitionFact } from '../facts/types/acquisition.fact';
import { COMPUTE_DEAL, type ComputeDealFact } from '../facts/types/compute-deal.fact';
import { INVESTMENT, type InvestmentFact } from '../facts/types/investment.fact';
import { RIVALRY, type RivalryFact } from '../facts/types/rivalry.fact';
import { SUBSIDIARY_LINK, type SubsidiaryLinkFact } from '../facts/types/subsidiary-link.fact';
import { describeAcquisition, describeDeals, describeInvestments, describeRivalry, describeSubsidiary } from './describe';
import { RelationKind } from './relation-kind';

/** One relation between a step's two companies, as cypher/analytics/fragments/path-steps returns it. */
interface RawRelation {
  kind: RelationKind;
  forward: boolean;
  investments: Record<string, unknown>[];
  deals: Record<string, unknown>[];
  /** The fact behind a rivalry, subsidiary or acquisition relation. */
  fact: Record<string, unknown> | null;
}

/** A step: its two companies and every relation between them, its own first. */
interface RawStep {
  fromId: string;
  toId: string;
  relations: RawRelation[];
}

/** A relation with its facts as records (in the answer's scope), its money and its sentence. */
export interface ExplainedRelation {
  kind: RelationKind;
  forward: boolean;
  investments: InvestmentFact[];
  computeDeals: ComputeDealFact[];
  rivalry: RivalryFact | null;
  subsidiaryLink: SubsidiaryLinkFact | null;
  acquisition: AcquisitionFact | null;
  money: Money;
  amountUsd: number | null;
  description: string;
}

/** A step: the relation the path follows, and every relation between the same two companies. */
export interface ExplainedStep extends ExplainedRelation {
  from: CompanyRecord;
  to: CompanyRecord;
  relations: ExplainedRelation[];
}

/** Headline money, or null when no amount is disclosed (unknown is not zero). */
function headlineOrNull(money: Money, facts: number): number | null {
  return facts > 0 && money.undisclosedCount === facts ? null : headlineUsd(money);
}

const byDate = <T extends { id: string; announcedOn: { start: string } }>(a: T, b: T) => a.announcedOn.start.localeCompare(b.announcedOn.start) || a.id.localeCompare(b.id);

function explainRelation(raw: RawRelation, from: CompanyRecord, to: CompanyRecord, scope: FactScope): ExplainedRelation {
  const [start, end] = raw.forward ? [from, to] : [to, from];
  const investments = raw.investments.map((row) => inScope(toFactRecord(INVESTMENT, row), scope) as InvestmentFact).sort(byDate);
  const computeDeals = raw.deals.map((row) => inScope(toFactRecord(COMPUTE_DEAL, row), scope) as ComputeDealFact).sort(byDate);
  const base = { kind: raw.kind, forward: raw.forward, investments, computeDeals, rivalry: null, subsidiaryLink: null, acquisition: null };
  const none = { money: moneyOfFacts([]), amountUsd: null };
  switch (raw.kind) {
    case RelationKind.INVESTED_IN: {
      const money = moneyOfFacts(investments);
      return { ...base, money, amountUsd: headlineOrNull(money, investments.length), description: describeInvestments(start, end, investments) };
    }
    case RelationKind.SUPPLIES_COMPUTE: {
      const money = moneyOfFacts(computeDeals);
      return { ...base, money, amountUsd: headlineOrNull(money, computeDeals.length), description: describeDeals(start, end, computeDeals) };
    }
    case RelationKind.COMPETES_WITH: {
      const rivalry = inScope(toFactRecord(RIVALRY, raw.fact), scope) as RivalryFact;
      return { ...base, ...none, rivalry, description: describeRivalry(from, to, rivalry) };
    }
    case RelationKind.SUBSIDIARY_OF: {
      const subsidiaryLink = inScope(toFactRecord(SUBSIDIARY_LINK, raw.fact), scope) as SubsidiaryLinkFact;
      return { ...base, ...none, subsidiaryLink, description: describeSubsidiary(start, end) };
    }
    case RelationKind.ACQUIRED: {
      const acquisition = inScope(toFactRecord(ACQUISITION, raw.fact), scope) as AcquisitionFact;
      const money = moneyOfFacts([acquisition]);
      return { ...base, money, amountUsd: headlineOrNull(money, 1), acquisition, description: describeAcquisition(start, end, acquisition) };
    }
  }
}

/**
 * A relation that does not hold in the scope: a money relation none of whose facts count (its summary relationship
 * passed, its facts did not), or a rivalry, subsidiary link or acquisition whose fact does not count then.
 */
function empty(relation: ExplainedRelation, scope: FactScope): boolean {
  if (relation.kind === RelationKind.INVESTED_IN) return relation.investments.length === 0;
  if (relation.kind === RelationKind.SUPPLIES_COMPUTE) return relation.computeDeals.length === 0;
  const fact = relation.rivalry ?? relation.subsidiaryLink ?? relation.acquisition;
  return fact !== null && !factState(fact, scope).counts;
}

/**
 * Turns raw steps into explained steps; `companies` must hold every company on the path. Null when a step the path
 * follows has no fact that counts in the scope: the path does not exist then.
 */
export function explainSteps(raw: readonly RawStep[], companies: ReadonlyMap<string, CompanyRecord>, scope: FactScope): ExplainedStep[] | null {
  const steps: ExplainedStep[] = [];
  for (const step of raw) {
    const from = companies.get(step.fromId) as CompanyRecord;
    const to = companies.get(step.toId) as CompanyRecord;
    const relations = step.relations.map((relation) => explainRelation(relation, from, to, scope));
    const [own] = relations;
    if (!own || empty(own, scope)) return null;
    steps.push({ ...own, from, to, relations: relations.filter((relation) => !empty(relation, scope)) });
  }
  return steps;
}
