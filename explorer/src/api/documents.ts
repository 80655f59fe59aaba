// Every GraphQL document the explorer sends. Each stays within the API's default shape limits (1,000 tokens,
// cost 5,000, depth 12): explorer/test/documents.test.ts checks them against the real schema and limits.

import { SOURCE_BATCH_SIZE } from './source-batch';

const MONEY = /* GraphQL */ `
fragment MoneyFields on Money {
  paidUsd committedUsd ceilingUsd contractValueUsd stakeValueUsd headlineUsd undisclosedCount description
}`;

const COMPANY = /* GraphQL */ `
fragment CompanyRef on Company { id name kind }`;

/** What the side panel shows of any fact: its state on the date, its life and its sources. */
const FACT_STATE = /* GraphQL */ `
fragment StateFields on FactState {
  status inForce known datePrecision optionOpenUntil confidence money { ...MoneyFields }
}
fragment EventFields on FactEvent { kind on derived amountUsd ceilingUsd note }
fragment SourceFields on Source { url title publisher kind originalPublisher publishedOn }`;

/** A document with the fragments it uses appended (GraphQL refuses unused fragments, so each lists its own). */
function document(operation: string, ...fragments: string[]): string {
  return [operation, ...fragments].join('\n');
}

/** The relation kinds the API walks and draws: the legend, colours and line styles are made from them. */
export const RELATION_KINDS = `query RelationKinds {
  relationKinds { kind description symmetric perPair factType carriesMoney moneyFlow }
}`;

/** The relations of one kind between two companies, explained: the side panel's view of a kind it has no form for. */
export const RELATION_BETWEEN = document(
  `query RelationBetween($fromId: ID!, $toId: ID!, $kinds: [RelationKind!], $asOf: Date) {
  connection(fromId: $fromId, toId: $toId, maxHops: 1, kinds: $kinds, asOf: $asOf) {
    steps { relations { kind forward description money { ...MoneyFields } } }
  }
}`,
  MONEY,
);

export const SEARCH_COMPANIES = document(
  `query SearchCompanies($text: String!, $first: Int!) {
  searchCompanies(text: $text, first: $first) { score company { ...CompanyRef aliases } }
}`,
  COMPANY,
);

export const NEIGHBORHOOD = document(
  `query Neighborhood($companyId: ID!, $depth: Int!, $asOf: Date, $kinds: [RelationKind!], $minAmountUsd: Float, $maxNodes: Int!) {
  neighborhood(companyId: $companyId, depth: $depth, asOf: $asOf, kinds: $kinds, minAmountUsd: $minAmountUsd, maxNodes: $maxNodes) {
    truncated
    omittedNodes
    omittedEdges
    center { ...CompanyRef }
    nodes { ...CompanyRef country }
    edges { id from to kind amountUsd amountKind facts date label money { ...MoneyFields } }
  }
}`,
  COMPANY,
  MONEY,
);

export const COMPANY_DETAILS = document(
  `query CompanyDetails($id: ID!, $asOf: Date) {
  company(id: $id) {
    ...CompanyRef aliases country founded website description
    parent { ...CompanyRef }
    subsidiaries { ...CompanyRef }
    raised(asOf: $asOf) { ...MoneyFields }
  }
}`,
  COMPANY,
  MONEY,
);

/** Investments of one investor in one investee: the facts behind an INVESTED_IN edge. */
export const EDGE_INVESTMENTS = document(
  `query EdgeInvestments($from: ID!, $to: ID!, $asOf: Date) {
  investments(filter: { investorId: $from, investeeId: $to }, sort: { field: ANNOUNCED_ON, direction: ASC }, first: 20) {
    pageInfo { hasNextPage }
    nodes {
      id note round amountUsd amountKind announcedOn closedOn status instrument stakePercent
      state(asOf: $asOf) { ...StateFields }
      history { ...EventFields }
      sources { ...SourceFields }
    }
  }
}`,
  FACT_STATE,
  MONEY,
);

/** Compute deals of one provider with one customer: the facts behind a SUPPLIES_COMPUTE edge. */
export const EDGE_COMPUTE_DEALS = document(
  `query EdgeComputeDeals($from: ID!, $to: ID!, $asOf: Date) {
  computeDeals(filter: { providerId: $from, customerId: $to }, sort: { field: ANNOUNCED_ON, direction: ASC }, first: 20) {
    pageInfo { hasNextPage }
    nodes {
      id note resource capacity valueUsd amountKind announcedOn startsOn endsOn status
      state(asOf: $asOf) { ...StateFields }
      history { ...EventFields }
      sources { ...SourceFields }
    }
  }
}`,
  FACT_STATE,
  MONEY,
);

export const EDGE_RIVALRY = document(
  `query EdgeRivalry($id: ID!, $asOf: Date) {
  rivalry(id: $id) {
    id note market since companies { ...CompanyRef }
    state(asOf: $asOf) { ...StateFields }
    history { ...EventFields }
    sources { ...SourceFields }
  }
}`,
  COMPANY,
  FACT_STATE,
  MONEY,
);

export const EDGE_SUBSIDIARY_LINK = document(
  `query EdgeSubsidiaryLink($id: ID!, $asOf: Date) {
  subsidiaryLink(id: $id) {
    id since parent { ...CompanyRef } subsidiary { ...CompanyRef }
    state(asOf: $asOf) { ...StateFields }
    history { ...EventFields }
    sources { ...SourceFields }
  }
}`,
  COMPANY,
  FACT_STATE,
  MONEY,
);

export const EDGE_ACQUISITION = document(
  `query EdgeAcquisition($id: ID!, $asOf: Date) {
  acquisition(id: $id) {
    id note kind amountUsd amountKind announcedOn acquirer { ...CompanyRef } target { ...CompanyRef }
    state(asOf: $asOf) { ...StateFields }
    history { ...EventFields }
    sources { ...SourceFields }
  }
}`,
  COMPANY,
  FACT_STATE,
  MONEY,
);

export const BACKERS_OF_COMPETITORS = document(
  `query BackersOfCompetitors($companyId: ID!, $asOf: Date) {
  backersOfCompetitors(companyId: $companyId, asOf: $asOf) {
    competitor { ...CompanyRef } backer { ...CompanyRef } totalUsd money { description } alsoBacksTarget explanation
    investments { investor { id } investee { id } }
    rivalries { id }
    throughSubsidiaries { ...CompanyRef }
  }
}`,
  COMPANY,
);

export const TWO_SIDED_BACKERS = document(
  `query TwoSidedBackers($asOf: Date) {
  twoSidedBackers(asOf: $asOf, first: 500) {
    nodes {
      backer { ...CompanyRef } sideA { ...CompanyRef } sideB { ...CompanyRef }
      market totalUsdA totalUsdB explanation rivalry { id }
    }
  }
}`,
  COMPANY,
);

export const MONEY_LOOPS = document(
  `query MoneyLoops($companyId: ID!, $asOf: Date) {
  moneyLoops(companyId: $companyId, asOf: $asOf, maxLength: 4, first: 100) {
    nodes {
      length totalUsd explanation money { description }
      steps { kind from { ...CompanyRef } to { ...CompanyRef } amountUsd description }
    }
  }
}`,
  COMPANY,
);

export const CONNECTION = document(
  `query Connection($fromId: ID!, $toId: ID!, $asOf: Date) {
  connection(fromId: $fromId, toId: $toId, asOf: $asOf, maxHops: 4) {
    length ties nodes { ...CompanyRef }
    steps {
      kind forward description from { ...CompanyRef } to { ...CompanyRef }
      rivalry { id } subsidiaryLink { id } acquisition { id }
    }
  }
}`,
  COMPANY,
);

const SHARE = /* GraphQL */ `
fragment ShareFields on CounterpartyShare {
  counterparty { ...CompanyRef } amountUsd share contractValueShare facts undisclosedFacts money { ...MoneyFields }
}`;

export const EXPOSURE = document(
  `query Exposure($companyId: ID!, $asOf: Date) {
  exposure(companyId: $companyId, asOf: $asOf) {
    company { ...CompanyRef } group { ...CompanyRef }
    raisedUsd raised { description } computeBoughtUsd computeBought { description contractValueUsd }
    funderConcentration supplierConcentration funderCount computeSupplierCount
    funders { ...ShareFields }
    computeSuppliers { ...ShareFields }
    fundersThatSupplyCompute { ...CompanyRef }
  }
}`,
  SHARE,
  COMPANY,
  MONEY,
);

/** A change as the changes panel lists it: who, when, through which operation, what, and the records around it. */
const CHANGE = /* GraphQL */ `
fragment ChangeFields on Change {
  seq group at actor operation entityType entityId entityIds kind companyIds before after summary redactedBy
}`;

/** The changes since a day, newest first, a page at a time (after: the oldest seq shown, for the page before it). */
export const CHANGES = document(
  `query Changes($since: String!, $after: String, $first: Int!) {
  changes(filter: { since: $since }, newestFirst: true, after: $after, first: $first) {
    pageInfo { hasNextPage }
    nodes { ...ChangeFields }
  }
}`,
  CHANGE,
);

/** The log's last seq, whatever it concerns: read before a page, it is where the live feed may start. */
export const CHANGE_HEAD = `query ChangeHead {
  changes(newestFirst: true, first: 1) { nodes { seq } }
}`;

/** The live feed (over WebSocket): every change after the given seq, replayed from the log, then each as it commits. */
export const CHANGE_FEED = document(
  `subscription ChangeFeed($after: String) {
  changes(after: $after) { ...ChangeFields }
}`,
  CHANGE,
);

const SLOTS = Array.from({ length: SOURCE_BATCH_SIZE }, (_, i) => `s${i}`);

/** SOURCE_BATCH_SIZE sources by id in one request (./source-batch.ts fills the slots); an unknown id answers null. */
export const SOURCES_BY_ID = document(
  `query SourcesById(${SLOTS.map((slot) => `$${slot}: ID!`).join(', ')}) {
${SLOTS.map((slot) => `  ${slot}: source(id: $${slot}) { ...SourceLink }`).join('\n')}
}`,
  /* GraphQL */ `
fragment SourceLink on Source { id url title publisher }`,
);
