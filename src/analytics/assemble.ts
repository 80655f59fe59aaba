import { formatPartialDate } from '../domain/partial-date';
import { emptyMoney, headlineUsd, sumMoney, type Money as MoneyValue } from '../domain/money';
import { AmountKind } from '../domain/enums';
import { relationKind } from '../facts/relation-kinds';
import { amountPhrase } from '../facts/relation-phrases';
import { toMoney } from '../graphql/money.type';
import type { CompanyRecord } from '../domain/company';
import type { Company } from '../graphql/company.type';
import type { BackingRow, ExposureFact, ExposureRow, InvestmentRow, NeighborhoodRow, PathRow, TwoSidedRow } from './analytics.repository';
import { investedMoney } from './analytics.repository';
import type { ExplainedRelation, ExplainedStep } from './path-steps';
import type { CompetitorBacking } from './competitor-backing.type';
import { EXPOSURE_LIST_CAP, type CounterpartyShare, type Exposure } from './exposure.type';
import { LOOP_STEP_KINDS, type GraphPath, type LoopStep, type MoneyLoop, type PathStep } from './path-step.type';
import { MoneyFlowKind } from './relation-kind';
import type { Subgraph, SubgraphEdge } from './subgraph.type';
import type { TwoSidedBacker } from './two-sided-backer.type';
import { appendTo } from '../platform/append-to';

const investments = (rows: readonly InvestmentRow[]) => rows.map((row) => row.investment);
const companies = (records: readonly CompanyRecord[]) => records as Company[];

/** Every company a set of investment rows mentions (to prime the company loader). */
export function partiesOf(rows: readonly InvestmentRow[]): CompanyRecord[] {
  return rows.flatMap((row) => [row.investor, row.investee]);
}

export function toCompetitorBacking(target: CompanyRecord, row: BackingRow): CompetitorBacking {
  const money = investedMoney(row.investments);
  // Subsidiaries on every side the answer runs through: the backer's investing ones, the competitor's funded ones,
  // and the target's own that hold the rivalry.
  const through = new Map<string, CompanyRecord>();
  for (const investment of row.investments) {
    if (investment.investee.id !== row.competitor.id) through.set(investment.investee.id, investment.investee);
    if (investment.investor.id !== row.backer.id) through.set(investment.investor.id, investment.investor);
  }
  const viaTarget = [...new Map(row.rivalries.filter((r) => r.member.id !== target.id).map((r) => [r.member.id, r.member])).values()];
  for (const member of viaTarget) through.set(member.id, member);
  const backerVia = [...through.values()].filter((company) => !viaTarget.includes(company));
  const amount = amountPhrase(investments(row.investments));
  const markets = [...new Set(row.rivalries.map((r) => r.rivalry.market))].join(', ');
  const via = backerVia.length > 0 ? ` (through ${backerVia.map((c) => c.name).join(', ')})` : '';
  const targetVia = viaTarget.length > 0 ? ` through its subsidiary ${viaTarget.map((c) => c.name).join(', ')}` : '';
  const hedge = row.hedges.length > 0 ? `; ${row.backer.name} also invested ${amountPhrase(investments(row.hedges))} in ${target.name} itself` : '';
  return {
    competitor: row.competitor as Company,
    backer: row.backer as Company,
    investments: investments(row.investments),
    totalUsd: headlineUsd(money),
    money: toMoney(money),
    alsoBacksTarget: row.hedges.length > 0,
    targetInvestments: investments(row.hedges),
    rivalries: [...new Map(row.rivalries.map((r) => [r.rivalry.id, r.rivalry])).values()],
    throughSubsidiaries: [...through.values()] as Company[],
    explanation: `${row.backer.name} invested ${amount} in ${row.competitor.name}${via} (${row.investments.length} investment${row.investments.length === 1 ? '' : 's'}), which competes with ${target.name}${targetVia} in ${markets}${hedge}.`,
  };
}

export function toTwoSidedBacker(row: TwoSidedRow): TwoSidedBacker {
  const moneyA = investedMoney(row.investmentsA);
  const moneyB = investedMoney(row.investmentsB);
  return {
    backer: row.backer as Company,
    sideA: row.sideA as Company,
    sideB: row.sideB as Company,
    market: row.rivalry.market,
    rivalry: row.rivalry,
    totalUsdA: headlineUsd(moneyA),
    totalUsdB: headlineUsd(moneyB),
    moneyA: toMoney(moneyA),
    moneyB: toMoney(moneyB),
    investmentsA: investments(row.investmentsA),
    investmentsB: investments(row.investmentsB),
    explanation: `${row.backer.name} backs both ${row.sideA.name} (${amountPhrase(investments(row.investmentsA))}) and ${row.sideB.name} (${amountPhrase(investments(row.investmentsB))}), rivals in ${row.rivalry.market}.`,
  };
}

function toPathRelation(relation: ExplainedRelation) {
  return { ...relation, money: toMoney(relation.money) };
}

function toPathStep(step: ExplainedStep): PathStep {
  return { ...toPathRelation(step), from: step.from as Company, to: step.to as Company, relations: step.relations.map(toPathRelation) } as PathStep;
}

export function toGraphPath(row: PathRow): GraphPath {
  return { nodes: companies(row.companies), steps: row.steps.map(toPathStep), length: row.steps.length, ties: row.ties };
}

/** How money flows along a loop step's relation (loops step only along kinds with a money flow). */
const flowOf = (step: ExplainedStep) => (relationKind(step.kind).moneyFlow?.kind ?? MoneyFlowKind.OWNERSHIP) as MoneyFlowKind;

export function toMoneyLoop(row: PathRow): MoneyLoop {
  const moneys: MoneyValue[] = [];
  const steps: LoopStep[] = row.steps.map((step) => {
    const kind = flowOf(step);
    const description =
      kind === MoneyFlowKind.COMPUTE
        ? `${step.from.name} pays ${step.to.name} for compute: ${step.description}`
        : kind === MoneyFlowKind.OWNERSHIP
          ? `${step.from.name}'s takings count for its parent ${step.to.name}`
          : step.description;
    const money = kind === MoneyFlowKind.OWNERSHIP ? emptyMoney() : step.money;
    moneys.push(money);
    return {
      // The step's facts under their kind's field (investments, computeDeals), as on a path step.
      ...Object.fromEntries(LOOP_STEP_KINDS.map((spec) => [spec.field, step[spec.field]])),
      from: step.from as Company,
      to: step.to as Company,
      kind,
      money: toMoney(money),
      amountUsd: kind === MoneyFlowKind.OWNERSHIP ? null : step.amountUsd,
      description,
    };
  });
  const total = sumMoney(moneys);
  return {
    companies: companies(row.companies),
    steps,
    totalUsd: headlineUsd(total),
    money: toMoney(total),
    length: steps.length,
    explanation: `${row.companies.map((c) => c.name).join(' → ')}: ${steps.map((s) => s.description).join('; ')}.`,
  };
}

export function toSubgraph(center: CompanyRecord, row: NeighborhoodRow): Subgraph {
  const edges = row.edges.map((edge): SubgraphEdge => {
    const spec = relationKind(edge.kind);
    // Only the facts that count in the scope (the Cypher lists one money per such fact); a type without an amount
    // (rivalries, subsidiary links) carries none.
    const money = spec.carriesMoney ? sumMoney(edge.moneys) : emptyMoney();
    const total = headlineUsd(money);
    const facts = edge.moneys.length;
    const label = spec.derived.label({ money, facts, properties: edge.properties ?? {} });
    return {
      id: edge.relId ?? `${edge.kind}:${edge.fromId}:${edge.toId}`,
      from: edge.fromId,
      to: edge.toId,
      kind: edge.kind,
      amountUsd: total > 0 ? total : null,
      amountKind: soleKind(money),
      money: toMoney(money),
      facts,
      date: edge.date,
      label: label + (edge.date ? ` ${formatPartialDate(edge.date)}` : ''),
    };
  });
  return {
    center: center as Company,
    nodes: companies(row.nodes),
    edges,
    truncated: row.omittedNodes > 0 || row.omittedEdges > 0,
    omittedNodes: row.omittedNodes,
    omittedEdges: row.omittedEdges,
  };
}

/** The one kind of money an edge holds, when it holds exactly one (else null). */
function soleKind(money: MoneyValue): AmountKind | null {
  const kinds: [number, AmountKind][] = [
    [money.paidUsd, AmountKind.PAID],
    [money.committedUsd, AmountKind.COMMITMENT],
    [money.ceilingUsd, AmountKind.UP_TO],
    [money.contractValueUsd, AmountKind.CONTRACT_VALUE],
    [money.stakeValueUsd, AmountKind.STAKE_VALUE],
  ];
  const present = kinds.filter(([amount]) => amount > 0);
  return present.length === 1 ? (present[0] as [number, AmountKind])[1] : null;
}

/**
 * Every counterparty of some facts (rolled up to its top-level parent), with its money by kind, largest headline
 * first. Shares are of the headline (paid + committed); ceilings, contract and stake values are shown, never added.
 */
function shares(entries: readonly ExposureFact[], tops: ReadonlyMap<string, string>): CounterpartyShare[] {
  const groups = new Map<string, ExposureFact[]>();
  for (const entry of entries) {
    const id = tops.get(entry.otherId) ?? entry.otherId;
    appendTo(groups, id, entry);
  }
  const totals = [...groups].map(([id, facts]) => {
    const money = sumMoney(facts.map((fact) => fact.money));
    return { id, facts, money, amountUsd: headlineUsd(money) };
  });
  const grand = totals.reduce((sum, group) => sum + group.amountUsd, 0);
  const contracts = totals.reduce((sum, group) => sum + group.money.contractValueUsd, 0);
  return totals
    .map((group) => ({
      counterpartyId: group.id,
      amountUsd: group.amountUsd,
      money: toMoney(group.money),
      share: grand > 0 ? group.amountUsd / grand : null,
      contractValueShare: contracts > 0 ? group.money.contractValueUsd / contracts : null,
      facts: group.facts.length,
      undisclosedFacts: group.money.undisclosedCount,
    }))
    .sort((a, b) => b.amountUsd - a.amountUsd || b.money.maximumUsd - a.money.maximumUsd || a.counterpartyId.localeCompare(b.counterpartyId));
}

/**
 * Herfindahl-Hirschman index over headline shares (0-1): 1 means a single counterparty. Compute is often priced only
 * as contract values: with no headline money at all, the index is over contract-value shares instead (never a mix).
 */
function concentration(list: readonly CounterpartyShare[]): number | null {
  const key = list.some((entry) => entry.share !== null) ? 'share' : 'contractValueShare';
  if (list.every((entry) => entry[key] === null)) return null;
  return list.reduce((sum, entry) => sum + (entry[key] ?? 0) ** 2, 0);
}

export function toExposure(row: ExposureRow): Exposure {
  const funders = shares(row.fundedBy, row.tops);
  const investees = shares(row.invested, row.tops);
  const computeSuppliers = shares(row.bought, row.tops);
  const computeCustomers = shares(row.sold, row.tops);
  const supplierIds = new Set(computeSuppliers.map((s) => s.counterpartyId));
  const total = (list: readonly CounterpartyShare[]) => list.reduce((sum, entry) => sum + entry.amountUsd, 0);
  const money = (list: readonly ExposureFact[]) => toMoney(sumMoney(list.map((fact) => fact.money)));
  const shown = (list: CounterpartyShare[]) => list.slice(0, EXPOSURE_LIST_CAP);
  return {
    company: row.company as Company,
    groupIds: row.groupIds,
    raisedUsd: total(funders),
    investedUsd: total(investees),
    computeBoughtUsd: total(computeSuppliers),
    computeSoldUsd: total(computeCustomers),
    raised: money(row.fundedBy),
    invested: money(row.invested),
    computeBought: money(row.bought),
    computeSold: money(row.sold),
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
