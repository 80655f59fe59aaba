import fs from 'node:fs';
import path from 'node:path';
import type { ProfiledPlan } from 'neo4j-driver';
import type { RecordedStatement } from '../../../src/neo4j/query-stats';
import { recordStatements } from '../../../src/record-statements';
import { startSeededTestApp, type TestApp } from '../../support/test-app';

/**
 * A regression guard that does not depend on timing: every analytics query (and the two hot reads) runs on the seed
 * data, each statement it sent is PROFILEd, and the summed database hits must stay within the budget recorded in
 * db-hits-budget.json. A plan that starts scanning labels or expands the whole graph multiplies db hits long before
 * it shows in wall-clock time on a 400-fact graph. After a deliberate change, re-record with
 * `UPDATE_DB_HITS_BUDGET=1 npx jest test/integration/performance` and commit the file.
 */
const BUDGET_FILE = path.join(__dirname, 'db-hits-budget.json');
/** Planner statistics shift between runs on identical data; a quarter of headroom absorbs that, not a new scan. */
const HEADROOM = 1.25;

const OPERATIONS: Record<string, string> = {
  company: '{ company(id: "anthropic") { id name kind parent { id } totalRaisedUsd competitors { id name } } }',
  nestedList: '{ companies(first: 20) { edges { node { id name investmentsReceived { id amountUsd investor { id name } } competitors { id name } } } } }',
  backersOfCompetitors: '{ backersOfCompetitors(companyId: "anthropic") { competitor { id } backer { id } throughSubsidiaries { id } investments { id } totalUsd alsoBacksTarget explanation } }',
  backersOfCompetitorsNoRollUp: '{ backersOfCompetitors(companyId: "anthropic", rollUpSubsidiaries: false) { competitor { id } backer { id } totalUsd } }',
  backersOfCompetitorsAsOf: '{ backersOfCompetitors(companyId: "anthropic", asOf: "2024-03-31") { competitor { id } backer { id } totalUsd } }',
  twoSidedBackers: '{ twoSidedBackers { nodes { backer { id } sideA { id } sideB { id } market totalUsdA totalUsdB } } }',
  twoSidedBackersInMarket: '{ twoSidedBackers(market: "frontier-models") { nodes { backer { id } sideA { id } sideB { id } } } }',
  moneyLoopsOfCompany: '{ moneyLoops(companyId: "anthropic", maxLength: 4) { nodes { length totalUsd explanation } } }',
  moneyLoopsAll: '{ moneyLoops(maxLength: 4) { nodes { length totalUsd } } }',
  connection: '{ connection(fromId: "mistral", toId: "microsoft") { length steps { description } } }',
  neighborhood: '{ neighborhood(companyId: "anthropic", depth: 2) { truncated nodes { id } edges { id kind } } }',
  exposure: '{ exposure(companyId: "anthropic") { funders { counterparty { id } share } computeSuppliers { counterparty { id } } fundersThatSupplyCompute { id } funderConcentration } }',
};

function totalDbHits(plan: ProfiledPlan): number {
  return plan.dbHits + plan.children.reduce((sum, child) => sum + totalDbHits(child), 0);
}

describe('database hits per query on the seed data', () => {
  let app: TestApp;
  const measured: Record<string, number> = {};
  const budget: Record<string, number> = fs.existsSync(BUDGET_FILE) ? JSON.parse(fs.readFileSync(BUDGET_FILE, 'utf8')) : {};
  const updating = process.env.UPDATE_DB_HITS_BUDGET === '1';

  async function profile(statement: RecordedStatement): Promise<number> {
    const session = app.driver.session();
    try {
      const summary = await session.executeRead(async (tx) => (await tx.run(`PROFILE ${statement.text}`, statement.params)).summary);
      if (!summary.profile) throw new Error('no profile returned');
      return totalDbHits(summary.profile);
    } finally {
      await session.close();
    }
  }

  beforeAll(async () => {
    app = await startSeededTestApp();
  });
  afterAll(async () => {
    if (updating) {
      const recorded = Object.fromEntries(Object.entries(measured).map(([name, hits]) => [name, Math.ceil(hits * HEADROOM)]));
      fs.writeFileSync(BUDGET_FILE, `${JSON.stringify(recorded, null, 2)}\n`);
    }
    await app?.close();
  });

  it.each(Object.keys(OPERATIONS))('%s stays within its recorded budget', async (name) => {
    const statements = await recordStatements(app.apollo, app.deps, OPERATIONS[name] as string);
    expect(statements.length).toBeGreaterThan(0);
    let hits = 0;
    for (const statement of statements) hits += await profile(statement);
    measured[name] = hits;
    if (updating) return;
    expect(budget[name]).toBeDefined();
    if (hits > (budget[name] as number)) {
      throw new Error(`${name}: ${hits} db hits, budget ${budget[name]}; PROFILE its statements to see which operator grew:\n${statements.map((s) => s.text.split('\n')[0]).join('\n')}`);
    }
  });

  it('has a budget for every operation and no stale ones', () => {
    if (updating) return;
    expect(Object.keys(budget).sort()).toEqual(Object.keys(OPERATIONS).sort());
  });
});
