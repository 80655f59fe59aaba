/**
 * `@neo4j/graphql` 7 type definitions over our existing graph (see the Cypher under `cypher/`), so the benchmark's
 * peer server reads the very database our server reads. Nothing here changes the data: labels, relationship types
 * and property names are the stored ones.
 *
 * Why it looks the way it does:
 * - Every node type carries `@node` (required in v7 for a type to map to nodes).
 * - `COMPETES_WITH` is stored once per pair (lower id to higher) and means the same both ways, so `competitors`
 *   reads it with `queryDirection: UNDIRECTED`; `direction: OUT` only matters for writes, which this schema has none of.
 * - `extend schema @mutation(operations: [])` drops every generated mutation: the benchmark only reads, and the
 *   schema then carries no create/update/connect inputs a reader could misuse.
 * - Dates are stored as Neo4j DATE holding the first day of the period, with the precision in `<name>Precision`;
 *   the library's `Date` scalar renders the stored day (2023-02-01 where our API says 2023-02).
 * - A fact has exactly one investor, investee, provider and customer, but v7 rejects non-null single
 *   relationships ("Non-list relationship property cannot have non-nullable type"), so those fields are nullable.
 * - The derived INVESTED_IN / SUPPLIES_COMPUTE company-to-company edges (migration 004) are left out: they are an
 *   index for traversals, not facts.
 */
export const PEER_TYPE_DEFS = /* GraphQL */ `
  extend schema @mutation(operations: [])

  enum CompanyKind {
    AI_LAB
    BIG_TECH
    CLOUD
    CHIPMAKER
    NEOCLOUD
    INVESTOR
    OTHER
  }

  enum AmountKind {
    PAID
    COMMITMENT
    UP_TO
    CONTRACT_VALUE
    STAKE_VALUE
  }

  enum InvestmentStatus {
    ANNOUNCED
    COMPLETED
    PLANNED
    LAPSED
  }

  enum Instrument {
    EQUITY
    CONVERTIBLE_NOTE
    CONVERTIBLE_DEBT
    SAFE
    WARRANT
  }

  enum ComputeDealStatus {
    ANNOUNCED
    ACTIVE
    COMPLETED
    LAPSED
  }

  enum ComputeResource {
    CLOUD
    GPU
    TPU
    TRAINIUM
    CUSTOM_ACCELERATOR
    DATA_CENTER
  }

  enum AcquisitionKind {
    ACQUISITION
    ACQUIHIRE_LICENSE
  }

  type Company @node {
    id: ID!
    name: String!
    aliases: [String!]!
    kind: CompanyKind!
    country: String
    founded: Int
    website: String
    description: String
    investmentsMade: [Investment!]! @relationship(type: "MADE", direction: OUT)
    investmentsReceived: [Investment!]! @relationship(type: "INTO", direction: IN)
    computeDealsAsProvider: [ComputeDeal!]! @relationship(type: "SUPPLIES", direction: OUT)
    computeDealsAsCustomer: [ComputeDeal!]! @relationship(type: "TO", direction: IN)
    competitors: [Company!]! @relationship(type: "COMPETES_WITH", direction: OUT, queryDirection: UNDIRECTED, properties: "Rivalry")
    parent: Company @relationship(type: "SUBSIDIARY_OF", direction: OUT, properties: "SubsidiaryLink")
    subsidiaries: [Company!]! @relationship(type: "SUBSIDIARY_OF", direction: IN, properties: "SubsidiaryLink")
    acquired: [Company!]! @relationship(type: "ACQUIRED", direction: OUT, properties: "Acquisition")
    acquiredBy: [Company!]! @relationship(type: "ACQUIRED", direction: IN, properties: "Acquisition")
  }

  type Investment @node {
    id: ID!
    amountUsd: Float
    amountKind: AmountKind
    announcedOn: Date!
    announcedPrecision: String
    closedOn: Date
    round: String
    stakePercent: Float
    valuationUsd: Float
    instrument: Instrument
    status: InvestmentStatus!
    note: String
    investor: Company @relationship(type: "MADE", direction: IN)
    investee: Company @relationship(type: "INTO", direction: OUT)
    sources: [Source!]! @relationship(type: "CITES", direction: OUT)
    computeDeals: [ComputeDeal!]! @relationship(type: "TIED_TO", direction: IN)
  }

  type ComputeDeal @node {
    id: ID!
    valueUsd: Float
    amountKind: AmountKind
    announcedOn: Date!
    announcedPrecision: String
    startsOn: Date
    endsOn: Date
    resource: ComputeResource!
    capacity: String
    status: ComputeDealStatus!
    note: String
    provider: Company @relationship(type: "SUPPLIES", direction: IN)
    customer: Company @relationship(type: "TO", direction: OUT)
    relatedInvestment: Investment @relationship(type: "TIED_TO", direction: OUT)
    sources: [Source!]! @relationship(type: "CITES", direction: OUT)
  }

  type Source @node {
    id: ID!
    url: String!
    publisher: String!
    title: String!
    publishedOn: Date
    investments: [Investment!]! @relationship(type: "CITES", direction: IN)
    computeDeals: [ComputeDeal!]! @relationship(type: "CITES", direction: IN)
  }

  type Rivalry @relationshipProperties {
    id: ID!
    market: String!
    since: Date
    note: String
    sourceIds: [String!]
  }

  type SubsidiaryLink @relationshipProperties {
    id: ID!
    since: Date
    sourceIds: [String!]
  }

  type Acquisition @relationshipProperties {
    id: ID!
    kind: AcquisitionKind!
    amountUsd: Float
    amountKind: AmountKind
    announcedOn: Date!
    note: String
    sourceIds: [String!]
  }
`;
