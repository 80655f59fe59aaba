import { useSeededTestApp } from '../../support/test-app';

const NESTED = `query($first: Int!) {
  companies(first: $first) {
    edges {
      node {
        id
        name
        investmentsReceived { investor { name } }
        investmentsMade { investee { name } }
        competitors { name }
      }
    }
  }
}`;

type Nested = {
  companies: {
    edges: {
      node: {
        id: string;
        name: string;
        investmentsReceived: { investor: { name: string } }[];
        investmentsMade: { investee: { name: string } }[];
        competitors: { name: string }[];
      };
    }[];
  };
};

describe('Nested queries on the seed data: batched, no N+1 round trips', () => {
  const app = useSeededTestApp(180000);

  it('answers 20 companies with investments received / made and competitors in at most 4 round trips', async () => {
    const result = await app().gql<Nested>(NESTED, { first: 20 });
    expect(result.errors).toBeUndefined();
    const companies = result.data!.companies.edges.map((edge) => edge.node);
    expect(companies).toHaveLength(20);
    // The nested data is really there (not empty lists everywhere) and the parties' names are resolved.
    expect(companies.some((c) => c.investmentsReceived.length > 0)).toBe(true);
    expect(companies.some((c) => c.investmentsMade.length > 0)).toBe(true);
    expect(companies.some((c) => c.competitors.length > 0)).toBe(true);
    for (const company of companies) {
      for (const investment of company.investmentsReceived) expect(investment.investor.name).toEqual(expect.any(String));
      for (const investment of company.investmentsMade) expect(investment.investee.name).toEqual(expect.any(String));
    }
    // Measured: 4 round trips (the page of companies, then one batched query each for investments received,
    // investments made and competitors; the investors' and investees' names come with those rows).
    expect(result.roundTrips).toBeLessThanOrEqual(4);
    expect(result.roundTrips).toBe(4);
  });

  it("resolves the company's own side of its investments without a query", async () => {
    const result = await app().gql<{ companies: { edges: { node: { id: string; name: string; investmentsReceived: { investee: object }[]; investmentsMade: { investor: object }[] } }[] } }>(
      '{ companies(first: 20) { edges { node { id name investmentsReceived { investee { id name } } investmentsMade { investor { id name } } } } } }',
    );
    expect(result.errors).toBeUndefined();
    const companies = result.data!.companies.edges.map((edge) => edge.node);
    expect(companies.some((c) => c.investmentsReceived.length > 0 && c.investmentsMade.length > 0)).toBe(true);
    for (const { id, name, investmentsReceived, investmentsMade } of companies) {
      for (const investment of investmentsReceived) expect(investment.investee).toEqual({ id, name });
      for (const investment of investmentsMade) expect(investment.investor).toEqual({ id, name });
    }
    // The page, then investments received and made; the other party comes with each row, this side is the page's.
    expect(result.roundTrips).toBe(3);
  });

  it('does not grow with the page size (5 -> 20 -> 60 companies): no N+1', async () => {
    // 60 rather than every company: a larger page of this nested query exceeds the server's query cost limit.
    const five = await app().gql<Nested>(NESTED, { first: 5 });
    const twenty = await app().gql<Nested>(NESTED, { first: 20 });
    const sixty = await app().gql<Nested>(NESTED, { first: 60 });
    expect(five.errors).toBeUndefined();
    expect(twenty.errors).toBeUndefined();
    expect(sixty.errors).toBeUndefined();
    expect(five.data!.companies.edges).toHaveLength(5);
    expect(twenty.data!.companies.edges).toHaveLength(20);
    expect(sixty.data!.companies.edges).toHaveLength(60);
    // Measured: 4, 4 and 4.
    expect(twenty.roundTrips).toBe(five.roundTrips);
    expect(sixty.roundTrips).toBe(five.roundTrips);
  });

  it('agrees with the per-company answer: batching returns the same data as asking for one company', async () => {
    const page = await app().gql<Nested>(NESTED, { first: 60 });
    expect(page.errors).toBeUndefined();
    const batched = page.data!.companies.edges.map((edge) => edge.node);
    const anthropic = batched.find((company) => company.id === 'anthropic')!;
    const single = await app().gql<{ company: Nested['companies']['edges'][number]['node'] }>(
      '{ company(id: "anthropic") { id name investmentsReceived { investor { name } } investmentsMade { investee { name } } competitors { name } } }',
    );
    expect(single.data!.company).toEqual(anthropic);
    // One company: the company, then the same three batched queries.
    expect(single.roundTrips).toBe(4);
  });

  it('keeps deeper nesting bounded too: AI labs with deals, related investments and sources, 3 vs 12 labs', async () => {
    // Kept to 12 companies: this selection costs about 385 per company against the server's query cost limit of 5000.
    const deep = `query($first: Int!) { companies(first: $first, filter: {kinds: [AI_LAB]}) { edges { node { id
      computeDealsAsCustomer { provider { name } sources { url } relatedInvestment { investor { name } sources { url } } }
      investmentsReceived(asOf: "2024-12-31") { sources { url } }
    } } } }`;
    type Deep = { companies: { edges: { node: { computeDealsAsCustomer: { relatedInvestment: unknown }[] } }[] } };
    const three = await app().gql<Deep>(deep, { first: 3 });
    const twelve = await app().gql<Deep>(deep, { first: 12 });
    expect(three.errors).toBeUndefined();
    expect(twelve.errors).toBeUndefined();
    expect(twelve.data!.companies.edges).toHaveLength(12);
    // The smaller page already exercises every nested loader (anthropic's deals have related investments).
    expect(three.data!.companies.edges.some((edge) => edge.node.computeDealsAsCustomer.some((deal) => deal.relatedInvestment !== null))).toBe(true);
    // At most one batch per loader the selection touches: the page, deals as customer, their providers, deal
    // sources, related investments, their investors, investment sources, investments received and their sources (9).
    // Which of those share a tick depends on when their parents resolve (measured 6-8), so a fixed smaller number
    // would be flaky; an N+1 would add queries per company, which the comparison of 3 and 12 labs catches.
    expect(twelve.roundTrips).toBeLessThanOrEqual(9);
    expect(three.roundTrips).toBeLessThanOrEqual(9);
    expect(twelve.roundTrips - three.roundTrips).toBeLessThanOrEqual(2);
  });
});
