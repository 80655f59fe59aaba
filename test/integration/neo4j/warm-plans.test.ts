import type { Driver } from 'neo4j-driver';
import { toolAuthor } from '../../../src/domain/change';
import { AmountKind, InvestmentStatus } from '../../../src/domain/enums';
import { parsePartialDate } from '../../../src/domain/partial-date';
import { FACTS } from '../../../src/facts/registry';
import { defineChangeFragments } from '../../../src/neo4j/changes/change-fragments';
import { CypherCatalog } from '../../../src/neo4j/cypher-catalog';
import { Database } from '../../../src/neo4j/database';
import { defineFactFragments } from '../../../src/neo4j/facts/fact-fragments';
import { FactRepository } from '../../../src/neo4j/facts/fact-repository';
import { plansDropped, suiteDriver } from '../../support/plan-count';
import { startTestApp, type TestApp } from '../../support/test-app';

/**
 * The write statements planned at start (NEO4J_WARM_PLANS): each is run once in a rolled-back transaction, nothing is
 * written, and the plans are the ones real writes then use (Neo4j keys a plan on the statement's text and its
 * parameters' types). Plans are counted, not timed: `db.clearQueryCaches()` says how many it dropped. The counting
 * tests run one repository on a driver of their own, so no background work of an application adds a plan.
 */
describe('planning the write statements at start', () => {
  const author = toolAuthor('warm-plans-test');
  let driver: Driver;
  let repository: FactRepository;

  beforeAll(async () => {
    const app = await startTestApp();
    await app.reset();
    await app.db.writeRows("CREATE (:Company {id: 'warm-a', name: 'A', kind: 'OTHER'}), (:Company {id: 'warm-b', name: 'B', kind: 'OTHER'}), (:Source {id: 'warm-s', url: 'https://example.org/warm'})");
    await app.close();
    driver = suiteDriver();
    const catalog = new CypherCatalog();
    defineFactFragments(catalog);
    defineChangeFragments(catalog);
    const db = new Database(driver, { database: 'neo4j', transactionTimeoutMs: 120000 });
    repository = new FactRepository(db, catalog, FACTS.find((definition) => definition.name === 'Investment') as (typeof FACTS)[number]);
  });
  afterAll(async () => {
    await driver?.executeQuery('MATCH (n) WHERE NOT n:Migration DETACH DELETE n');
    await driver?.close();
  });

  it('runs each of a type\'s three write statements once, and they write nothing', async () => {
    const graph = 'MATCH (n) WHERE NOT n:Migration RETURN count(n) AS nodes, count { ()-[]->() } AS relationships';
    const before = (await driver.executeQuery(graph)).records[0]?.toObject();
    await plansDropped(driver);
    expect(await repository.warmPlans(author)).toEqual(['Investment.record', 'Investment.update', 'Investment.remove']);
    expect(await plansDropped(driver)).toBe(3);
    expect((await driver.executeQuery(graph)).records[0]?.toObject()).toEqual(before);
  });

  it('a real record, update and remove after it reuse its three plans (a fourth would mean other parameter types)', async () => {
    await plansDropped(driver);
    await repository.warmPlans(author);
    const recorded = await repository.record(
      { investorId: 'warm-a', investeeId: 'warm-b', amountUsd: 1e9, amountKind: AmountKind.PAID, announcedOn: parsePartialDate('2024-03-27'), status: InvestmentStatus.COMPLETED, sourceIds: ['warm-s'] },
      author,
    );
    expect(await repository.update(recorded.fact.id, { note: 'planned ahead' }, author)).not.toBeNull();
    expect(await repository.remove(recorded.fact.id, author)).toBe(true);
    expect(await plansDropped(driver)).toBe(3);
  });

  it('an application started with NEO4J_WARM_PLANS plans every type\'s write statements in the background', async () => {
    let app: TestApp | undefined;
    try {
      app = await startTestApp({ NEO4J_WARM_PLANS: 'true' });
      const before = await app.counts();
      const lastChange = await app.lastChange();
      const warmUp = await app.warmUp;
      expect(warmUp?.statements).toEqual(FACTS.flatMap((definition) => ['record', 'update', 'remove'].map((name) => `${definition.name}.${name}`)));
      expect(await app.counts()).toEqual(before);
      expect(await app.lastChange()).toBe(lastChange);
      console.log(`[warm plans] ${warmUp?.statements.length} write statements planned in ${warmUp?.ms} ms`);
    } finally {
      await app?.close();
    }
  });
});
