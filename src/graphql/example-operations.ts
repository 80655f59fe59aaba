/**
 * The example operations of docs/api.md, docs/analytics.md and docs/totals.md (the README shows two), shown by both in-browser IDEs:
 * Apollo Sandbox (the landing page at /graphql) gets them as one document, the bundled GraphiQL (/graphiql) as one tab
 * each. They are defined here only: the docs show the same text, and test/integration/http/example-operations.test.ts
 * fails when they differ or when an operation no longer validates against schema/schema.graphql. Plain data, no imports: the Vite build of GraphiQL
 * bundles this file too.
 */
export const EXAMPLE_OPERATIONS: readonly string[] = [
  `query AmazonTranchesInAnthropic {
  company(id: "anthropic") {
    investmentsReceived(asOf: "2024-03-31") { investor { id } amountUsd amountKind announcedOn sources { url } }
  }
}
`,
  `mutation RecordTranche {   # header: Authorization: Bearer <writer key>
  recordInvestment(input: {
    investorId: "amazon", investeeId: "anthropic", amountUsd: 2750000000, amountKind: PAID,
    announcedOn: "2024-03-27", status: COMPLETED, round: "Strategic (tranche 2)",
    sources: [{ url: "https://example.org/article", publisher: "Example News", title: "Amazon completes $4B", publishedOn: "2024-03-27" }]
  }) { id investor { name } amountUsd sources { id } }
}
`,
  `query BackersOfAnthropicsCompetitors {
  backersOfCompetitors(companyId: "anthropic", asOf: "2025-12-31") {
    competitor { name } backer { name } totalUsd alsoBacksTarget explanation
    investments { amountUsd amountKind announcedOn sources { url } }
  }
}
`,
  `query TwoSidedBets {
  twoSidedBackers(market: "frontier-models") { nodes { backer { name } sideA { name } sideB { name } totalUsdA totalUsdB explanation } }
}
`,
  `query AnthropicMoneyLoops {
  moneyLoops(companyId: "anthropic", maxLength: 4) {
    nodes {
      length totalUsd explanation
      steps { kind from { name } to { name } amountUsd description }
    }
  }
}
`,
  `query AmazonToMicrosoft {
  connection(fromId: "amazon", toId: "microsoft", maxHops: 4) {
    length ties nodes { name }
    steps { kind forward description investments { announcedOn sources { url } } rivalry { market } }
  }
}
`,
  `query AroundAnthropic {
  neighborhood(companyId: "anthropic", depth: 2, kinds: [INVESTED_IN, SUPPLIES_COMPUTE], minAmountUsd: 1e9, maxNodes: 500) {
    truncated omittedNodes omittedEdges nodes { id name kind } edges { id from to kind amountUsd date label }
  }
}
`,
  `query AnthropicExposure {
  exposure(companyId: "anthropic", asOf: "2024-12-31") {
    raisedUsd raised { paidUsd committedUsd ceilingUsd description } computeBoughtUsd funderConcentration
    funders { counterparty { name } amountUsd share money { description } }
    computeSuppliers { counterparty { name } share undisclosedFacts }
    fundersThatSupplyCompute { name }
  }
}
`,
  `query TopInvestorsInLabs2025 {
  investmentTotals(groupBy: [INVESTOR], filter: {from: "2025-01-01", to: "2025-12-31", investeeKinds: [AI_LAB]}, sort: {field: HEADLINE, direction: DESC}, first: 10) {
    nodes { key { investor { id name } } count money { headlineUsd paidUsd committedUsd ceilingUsd undisclosedCount } }
  }
}
`,
  `query ComputeByProviderAndQuarter {
  computeDealTotals(groupBy: [PROVIDER, QUARTER]) {
    nodes { key { provider { id name } quarter } count money { headlineUsd contractValueUsd undisclosedCount } }
    pageInfo { hasNextPage endCursor }
  }
}
`,
  `query LabsByLatestValuation {
  fundingRoundTotals(groupBy: [COMPANY], sort: {field: LATEST_POST_MONEY, direction: DESC}) {
    nodes { key { company { id name } } count highestPostMoneyUsd latestPostMoneyUsd money { headlineUsd } }
  }
}
`,
];

/** A comment `# header: Name: value` in an operation names a request header it needs, such as the writer key. */
const HEADER_COMMENT = /#\s*header:\s*([A-Za-z0-9-]+):\s*(.+?)\s*$/gm;

/** The request headers an example operation asks for in its comments (the mutation's `Authorization`). */
export function exampleHeaders(document: string): Record<string, string> {
  return Object.fromEntries([...document.matchAll(HEADER_COMMENT)].map((match) => [match[1] as string, match[2] as string]));
}

/** Every example as one document (Sandbox takes one), with the headers any of them asks for. */
export function examplesAsOneDocument(): { document: string; headers: Record<string, string> } {
  return { document: EXAMPLE_OPERATIONS.join('\n'), headers: Object.assign({}, ...EXAMPLE_OPERATIONS.map(exampleHeaders)) as Record<string, string> };
}
