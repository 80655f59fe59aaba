// Shapes of the public API's answers, as the explorer's documents (./documents.ts) select them.

/** A relation kind's name ("INVESTED_IN"): the API lists them (relationKinds), the explorer keeps no list of its own. */
export type RelationKind = string;

/** A relation kind as the API lists it (query relationKinds), in the order the legend shows and colours them. */
export interface RelationKindInfo {
  kind: RelationKind;
  /** "investor to investee", or what a symmetric kind means ("rivals in a market"). */
  description: string;
  symmetric: boolean;
  /** One relation per pair standing for all their facts of the type (its money drawn as the edge's width). */
  perPair: boolean;
  factType: string;
  carriesMoney: boolean;
  moneyFlow: MoneyFlowKind | null;
}

export const COMPANY_KINDS = ['AI_LAB', 'BIG_TECH', 'CLOUD', 'NEOCLOUD', 'CHIPMAKER', 'INVESTOR', 'OTHER'] as const;
export type CompanyKind = (typeof COMPANY_KINDS)[number];

export type AmountKind = 'PAID' | 'COMMITMENT' | 'UP_TO' | 'CONTRACT_VALUE' | 'STAKE_VALUE';

export interface CompanyRef {
  id: string;
  name: string;
  kind: CompanyKind;
}

/** Money by its nature; the headline (paid + committed) is what totals use. */
export interface Money {
  paidUsd: number;
  committedUsd: number;
  ceilingUsd: number;
  contractValueUsd: number;
  stakeValueUsd: number;
  headlineUsd: number;
  undisclosedCount: number;
  description: string;
}

export interface GraphCompany extends CompanyRef {
  country: string | null;
}

export interface SubgraphEdge {
  id: string;
  from: string;
  to: string;
  kind: RelationKind;
  amountUsd: number | null;
  amountKind: AmountKind | null;
  facts: number;
  date: string | null;
  label: string;
  money: Money;
}

export interface Subgraph {
  truncated: boolean;
  /** Companies the API left out for the node cap (at least). */
  omittedNodes: number;
  /** Relations among those drawn the API left out for the edge cap. */
  omittedEdges: number;
  center: CompanyRef;
  nodes: GraphCompany[];
  edges: SubgraphEdge[];
}

export interface SearchHit {
  score: number;
  company: CompanyRef & { aliases: string[] };
}

export interface Source {
  url: string;
  title: string;
  publisher: string;
  kind: 'ORIGINAL' | 'SYNDICATION' | 'COPY' | 'FILING' | 'COMPANY_RELEASE';
  originalPublisher: string | null;
  publishedOn: string | null;
}

/** A source as a link: what the changes panel shows of a fact's sources. */
export interface SourceLink {
  id: string;
  url: string;
  title: string;
  publisher: string;
}

export interface FactState {
  status: string | null;
  inForce: boolean;
  known: boolean;
  datePrecision: string;
  optionOpenUntil: string | null;
  confidence: string;
  money: Money;
}

export interface FactEvent {
  kind: string;
  on: string;
  derived: boolean;
  amountUsd: number | null;
  ceilingUsd: number | null;
  note: string | null;
}

/** The fields every fact type shares, as the side panel reads them. */
export interface FactCommon {
  id: string;
  /** Subsidiary links have none. */
  note?: string | null;
  state: FactState;
  history: FactEvent[];
  sources: Source[];
}

export interface InvestmentFact extends FactCommon {
  round: string | null;
  amountUsd: number | null;
  amountKind: AmountKind | null;
  announcedOn: string;
  closedOn: string | null;
  status: string;
  instrument: string | null;
  stakePercent: number | null;
}

export interface ComputeDealFact extends FactCommon {
  resource: string;
  capacity: string | null;
  valueUsd: number | null;
  amountKind: AmountKind | null;
  announcedOn: string;
  startsOn: string | null;
  endsOn: string | null;
  status: string;
}

export interface RivalryFact extends FactCommon {
  market: string;
  since: string | null;
  companies: CompanyRef[];
}

export interface SubsidiaryLinkFact extends FactCommon {
  since: string | null;
  parent: CompanyRef;
  subsidiary: CompanyRef;
}

export interface AcquisitionFact extends FactCommon {
  kind: string;
  amountUsd: number | null;
  amountKind: AmountKind | null;
  announcedOn: string;
  acquirer: CompanyRef;
  target: CompanyRef;
}

export interface CompanyDetails extends CompanyRef {
  aliases: string[];
  country: string | null;
  founded: number | null;
  website: string | null;
  description: string | null;
  parent: CompanyRef | null;
  subsidiaries: CompanyRef[];
  raised: Money;
}

export interface CompetitorBacking {
  competitor: CompanyRef;
  backer: CompanyRef;
  totalUsd: number;
  money: { description: string };
  alsoBacksTarget: boolean;
  explanation: string;
  investments: { investor: { id: string }; investee: { id: string } }[];
  rivalries: { id: string }[];
  throughSubsidiaries: CompanyRef[];
}

export interface TwoSidedBacker {
  backer: CompanyRef;
  sideA: CompanyRef;
  sideB: CompanyRef;
  market: string;
  totalUsdA: number;
  totalUsdB: number;
  explanation: string;
  rivalry: { id: string };
}

export type MoneyFlowKind = 'INVESTMENT' | 'COMPUTE' | 'OWNERSHIP';

export interface LoopStep {
  kind: MoneyFlowKind;
  from: CompanyRef;
  to: CompanyRef;
  amountUsd: number | null;
  description: string;
}

export interface MoneyLoop {
  length: number;
  totalUsd: number;
  explanation: string;
  money: { description: string };
  steps: LoopStep[];
}

export interface PathStep {
  kind: RelationKind;
  forward: boolean;
  description: string;
  from: CompanyRef;
  to: CompanyRef;
  rivalry: { id: string } | null;
  subsidiaryLink: { id: string } | null;
  acquisition: { id: string } | null;
}

export interface GraphPath {
  length: number;
  ties: number;
  nodes: CompanyRef[];
  steps: PathStep[];
}

export interface CounterpartyShare {
  counterparty: CompanyRef;
  amountUsd: number;
  share: number | null;
  contractValueShare: number | null;
  facts: number;
  undisclosedFacts: number;
  money: Money;
}

export interface Exposure {
  company: CompanyRef;
  group: CompanyRef[];
  raisedUsd: number;
  raised: { description: string };
  computeBoughtUsd: number;
  computeBought: { description: string; contractValueUsd: number };
  funderConcentration: number | null;
  supplierConcentration: number | null;
  funderCount: number;
  computeSupplierCount: number;
  funders: CounterpartyShare[];
  computeSuppliers: CounterpartyShare[];
  fundersThatSupplyCompute: CompanyRef[];
}

/** What a change did to its entity. */
export type ChangeKind = 'CREATED' | 'UPDATED' | 'REMOVED';

/** An entity's record as the dataset file holds it (a fact's parties by id, its `sourceIds`); only the changed fields for an update. */
export type ChangeImage = Record<string, unknown>;

/** One entry of the change log (query changes, subscription changes). */
export interface Change {
  seq: number;
  group: number;
  /** When the write committed: an ISO date-time, UTC. */
  at: string;
  /** The writer's key name; the API shows it only to callers with a key, so null on this page. */
  actor: string | null;
  operation: string;
  /** Company, Source or a fact type (Investment...). */
  entityType: string;
  /** Null for an import batch (see entityIds). */
  entityId: string | null;
  entityIds: string[];
  kind: ChangeKind;
  /** The company itself, or the parties of a fact (before and after). */
  companyIds: string[];
  before: ChangeImage | null;
  after: ChangeImage | null;
  /** One English line saying what changed. */
  summary: string;
  redactedBy: number | null;
}

/**
 * A group of a totals answer (`investmentTotals`...), as the explorer's totals documents select it: the key's fields
 * named for the dimensions grouped by hold a value, the others null.
 */
export interface TotalsGroup {
  /** `investor`: a company; `investorKind`, `investorCountry`, `quarter` ("2024-Q3", "2024-Q?"): text. */
  key: Record<string, CompanyRef | string | null>;
  count: number;
  money: Money;
  /** The fields of a type's extremes (latestPostMoneyUsd...), null when no fact of the group reports one. */
  [extreme: string]: unknown;
}

export interface TotalsPage {
  groups: TotalsGroup[];
  endCursor: string | null;
  more: boolean;
}
