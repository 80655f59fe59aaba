import { formatPartialDate } from '../domain/partial-date';
import { disclosedTotal, formatUsd } from '../domain/money';
import { amountPhrase } from './describe';
import type { CompanyRecord } from '../domain/company';
import type { Company } from '../company/company.type';
import type { BackingRow, ExposureFact, ExposureRow, InvestmentRow, NeighborhoodRow, PathRow, TwoSidedRow } from './analytics.repository';
import { RESULT_LIMITS, investedTotal } from './analytics.repository';
import type { CompetitorBacking } from './competitor-backing.type';
import { EXPOSURE_LIST_CAP, type CounterpartyShare, type Exposure } from './exposure.type';
import type { GraphPath, LoopStep, MoneyLoop, PathStep } from './path-step.type';
import { MoneyFlowKind, RelationKind } from './relation-kind';
import type { Subgraph, SubgraphEdge } from './subgraph.type';
import type { TwoSidedBacker } from './two-sided-backer.type';

const investments = (rows: readonly InvestmentRow[]) => rows.map((row) => row.investment);
const companies = (records: readonly CompanyRecord[]) => records as Company[];

/** Every company a set of investment rows mentions (to prime the company loader). */
export function partiesOf(rows: readonly InvestmentRow[]): CompanyRecord[] {
  return rows.flatMap((row) => [row.investor, row.investee]);
}

export function toCompetitorBacking(target: CompanyRecord, row: BackingRow): CompetitorBacking {
  const totalUsd = investedTotal(row.investments);
  const through = new Map<string, CompanyRecord>();
  for (const investment of row.investments) {
    if (investment.investee.id !== row.competitor.id) through.set(investment.investee.id, investment.investee);
    if (investment.investor.id !== row.backer.id) through.set(investment.investor.id, investment.investor);
  }
  const members = new Set(row.rivalries.map((r) => r.memberId).filter((id) => id !== target.id));
  const viaTarget = [...members];
  const amount = amountPhrase(investments(row.investments));
  const markets = [...new Set(row.rivalries.map((r) => r.rivalry.market))].join(', ');
  const via = through.size > 0 ? ` (through ${[...through.values()].map((c) => c.name).join(', ')})` : '';
  const targetVia = viaTarget.length > 0 ? ` through its subsidiary ${viaTarget.join(', ')}` : '';
  const hedge = row.hedges.length > 0 ? `; ${row.backer.name} also invested ${amountPhrase(investments(row.hedges))} in ${target.name} itself` : '';
  return {
    competitor: row.competitor as Company,
    backer: row.backer as Company,
    investments: investments(row.investments),
    totalUsd,
    alsoBacksTarget: row.hedges.length > 0,
    targetInvestments: investments(row.hedges),
    rivalries: [...new Map(row.rivalries.map((r) => [r.rivalry.id, r.rivalry])).values()],
    throughSubsidiaries: [...through.values()] as Company[],
    explanation: `${row.backer.name} invested ${amount} in ${row.competitor.name}${via} (${row.investments.length} investment${row.investments.length === 1 ? '' : 's'}), which competes with ${target.name}${targetVia} in ${markets}${hedge}.`,
  };
}

export function toTwoSidedBacker(row: TwoSidedRow): TwoSidedBacker {
  const totalUsdA = investedTotal(row.investmentsA);
  const totalUsdB = investedTotal(row.investmentsB);
  return {
    backer: row.backer as Company,
    sideA: row.sideA as Company,
    sideB: row.sideB as Company,
    market: row.rivalry.market,
    rivalry: row.rivalry,
    totalUsdA,
    totalUsdB,
    investmentsA: investments(row.investmentsA),
    investmentsB: investments(row.investmentsB),
    explanation: `${row.backer.name} backs both ${row.sideA.name} (${amountPhrase(investments(row.investmentsA))}) and ${row.sideB.name} (${amountPhrase(investments(row.investmentsB))}), rivals in ${row.rivalry.market}.`,
  };
}

export function toGraphPath(row: PathRow): GraphPath {
  return { nodes: companies(row.companies), steps: row.steps as unknown as PathStep[], length: row.steps.length, ties: row.ties };
}

const FLOW: Record<RelationKind, MoneyFlowKind> = {
  [RelationKind.INVESTED_IN]: MoneyFlowKind.INVESTMENT,
  [RelationKind.SUPPLIES_COMPUTE]: MoneyFlowKind.COMPUTE,
  [RelationKind.SUBSIDIARY_OF]: MoneyFlowKind.OWNERSHIP,
  [RelationKind.COMPETES_WITH]: MoneyFlowKind.OWNERSHIP,
  [RelationKind.ACQUIRED]: MoneyFlowKind.OWNERSHIP,
};

export function toMoneyLoop(row: PathRow): MoneyLoop {
  const steps: LoopStep[] = row.steps.map((step) => {
    const kind = FLOW[step.kind];
    const description =
      kind === MoneyFlowKind.COMPUTE
        ? `${step.from.name} pays ${step.to.name} for compute: ${step.description}`
        : kind === MoneyFlowKind.OWNERSHIP
          ? `${step.from.name}'s takings count for its parent ${step.to.name}`
          : step.description;
    return {
      from: step.from as Company,
      to: step.to as Company,
      kind,
      investments: step.investments,
      computeDeals: step.computeDeals,
      amountUsd: kind === MoneyFlowKind.OWNERSHIP ? null : step.amountUsd,
      description,
    };
  });
  const totalUsd = steps.reduce((sum, step) => sum + (step.amountUsd ?? 0), 0);
  return {
    companies: companies(row.companies),
    steps,
    totalUsd,
    length: steps.length,
    explanation: `${row.companies.map((c) => c.name).join(' → ')}: ${steps.map((s) => s.description).join('; ')}.`,
  };
}

export function toSubgraph(center: CompanyRecord, row: NeighborhoodRow): Subgraph {
  const edges = row.edges.slice(0, RESULT_LIMITS.neighborhoodEdges).map((edge): SubgraphEdge => {
    const money = edge.kind === RelationKind.INVESTED_IN || edge.kind === RelationKind.SUPPLIES_COMPUTE;
    const amounts = money ? edge.amounts : edge.amountUsd !== null ? [{ amountUsd: edge.amountUsd, amountKind: edge.amountKind }] : [];
    const total = disclosedTotal(amounts);
    const kinds = new Set(amounts.map((a) => a.amountKind));
    // Counted from the facts as of the date (the Cypher filters them), not from the edge's list of every fact ever.
    const facts = money ? edge.amounts.length : 1;
    const amountText = total > 0 ? formatUsd(total) : 'undisclosed';
    const labels: Record<RelationKind, string> = {
      [RelationKind.INVESTED_IN]: `invested ${amountText}${facts > 1 ? ` (${facts})` : ''}`,
      [RelationKind.SUPPLIES_COMPUTE]: `supplies compute${total > 0 ? ` ${amountText}` : ''}${facts > 1 ? ` (${facts})` : ''}`,
      [RelationKind.COMPETES_WITH]: `rivals: ${edge.market ?? 'unspecified'}`,
      [RelationKind.SUBSIDIARY_OF]: 'subsidiary of',
      [RelationKind.ACQUIRED]: edge.relKind === 'ACQUIHIRE_LICENSE' ? 'licence + hires' : 'acquired',
    };
    return {
      id: edge.relId ?? `${edge.kind}:${edge.fromId}:${edge.toId}`,
      from: edge.fromId,
      to: edge.toId,
      kind: edge.kind,
      amountUsd: total > 0 ? total : null,
      amountKind: kinds.size === 1 && total > 0 ? ([...kinds][0] ?? null) : null,
      facts,
      date: edge.date,
      label: labels[edge.kind] + (edge.date ? ` ${formatPartialDate(edge.date)}` : ''),
    };
  });
  return {
    center: center as Company,
    nodes: companies(row.nodes),
    edges,
    truncated: row.nodesTruncated || row.edges.length > RESULT_LIMITS.neighborhoodEdges,
  };
}

/** Every counterparty of some facts (rolled up to its top-level parent), with its disclosed money, largest first. */
function shares(entries: readonly ExposureFact[], tops: ReadonlyMap<string, string>): CounterpartyShare[] {
  const groups = new Map<string, ExposureFact[]>();
  for (const entry of entries) {
    const id = tops.get(entry.otherId) ?? entry.otherId;
    groups.set(id, [...(groups.get(id) ?? []), entry]);
  }
  const totals = [...groups].map(([id, facts]) => ({ id, facts, amountUsd: disclosedTotal(facts) }));
  const grand = totals.reduce((sum, group) => sum + group.amountUsd, 0);
  return totals
    .map((group) => ({
      counterpartyId: group.id,
      amountUsd: group.amountUsd,
      share: grand > 0 ? group.amountUsd / grand : null,
      facts: group.facts.length,
      undisclosedFacts: group.facts.filter((fact) => fact.amountUsd === null).length,
    }))
    .sort((a, b) => b.amountUsd - a.amountUsd || a.counterpartyId.localeCompare(b.counterpartyId));
}

/** Herfindahl-Hirschman index over shares (0-1): 1 means a single counterparty. */
function concentration(list: readonly CounterpartyShare[]): number | null {
  if (list.every((entry) => entry.share === null)) return null;
  return list.reduce((sum, entry) => sum + (entry.share ?? 0) ** 2, 0);
}

export function toExposure(row: ExposureRow): Exposure {
  const funders = shares(row.fundedBy, row.tops);
  const investees = shares(row.invested, row.tops);
  const computeSuppliers = shares(row.bought, row.tops);
  const computeCustomers = shares(row.sold, row.tops);
  const supplierIds = new Set(computeSuppliers.map((s) => s.counterpartyId));
  const total = (list: readonly CounterpartyShare[]) => list.reduce((sum, entry) => sum + entry.amountUsd, 0);
  const shown = (list: CounterpartyShare[]) => list.slice(0, EXPOSURE_LIST_CAP);
  return {
    company: row.company as Company,
    groupIds: row.groupIds,
    raisedUsd: total(funders),
    investedUsd: total(investees),
    computeBoughtUsd: total(computeSuppliers),
    computeSoldUsd: total(computeCustomers),
    funders: shown(funders),
    funderCount: funders.length,
    investees: shown(investees),
    investeeCount: investees.length,
    computeSuppliers: shown(computeSuppliers),
    computeSupplierCount: computeSuppliers.length,
    computeCustomers: shown(computeCustomers),
    computeCustomerCount: computeCustomers.length,
    funderConcentration: concentration(funders),
    supplierConcentration: concentration(computeSuppliers),
    fundersThatSupplyComputeIds: funders.filter((f) => supplierIds.has(f.counterpartyId)).map((f) => f.counterpartyId),
  };
}
