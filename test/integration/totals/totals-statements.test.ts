import { FACTS } from '../../../src/facts/registry';
import { totalsDimensions, totalsFilters, totalsMeasures } from '../../../src/facts/fact-totals';
import { groupFactsStatement, totalsStatement } from '../../../src/neo4j/facts/totals-statements';
import { COMPANY_RANKINGS } from '../../../src/facts/company-rankings';
import { allCompanyRankingShapes, companyRankingStatement } from '../../../src/neo4j/company-ranking-statements';
import { companyMap } from '../../../src/neo4j/facts/cypher-text';
import { startTestApp, type TestApp } from '../../support/test-app';

/** Parameters named in a statement, so EXPLAIN can be given a value for each. */
function parameterNames(statement: string): string[] {
  return [...new Set([...statement.replace(/\/\/.*$/gm, '').matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1]))];
}

/**
 * Totals statements are generated per request shape: every dimension and every measure of every fact type, with
 * every start (a party's company, the main date's range, the label, a group's company), compiles.
 */
describe('totals statements', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('compile for every dimension, measure and start of every fact type', async () => {
    const statements: string[] = [];
    for (const definition of FACTS) {
      const filters = totalsFilters(definition);
      const all = filters.map((f) => f.arg);
      const ranges = filters.filter((f) => f.kind === 'atLeast' || f.kind === 'atMost').map((f) => f.arg);
      const roles = definition.parties.map((p) => p.role);
      const measures = totalsMeasures(definition);
      const having = measures.flatMap((m) => [`${m.key}:min`, `${m.key}:max`]);
      const dimensions = totalsDimensions(definition);
      // Every dimension in some grouping of three, every measure in some sort, each start and null key in turn.
      for (let i = 0; i < dimensions.length; i += 3) {
        const groupBy = dimensions.slice(i, i + 3).map((d) => d.value);
        const turn = i / 3;
        const sort = turn % 2 === 0 ? groupBy[0]! : measures[turn % measures.length]!.value;
        const full = turn % 2 === 0;
        // Rolled up and not, each with and without kind filters (a rolled-up kind filter reads the parent's kind).
        for (const rollUp of [false, true]) {
          statements.push(totalsStatement(definition, { filters: full ? all : ranges, kindFilters: full ? roles : [], groupBy, sort, descending: full, having: full ? having : [], after: full, rollUp }));
          statements.push(groupFactsStatement(definition, { filters: full ? [] : all, kindFilters: full ? [] : roles, groupBy, nullKeys: full ? [0] : [], after: !full, companies: full, rollUp }));
          statements.push(groupFactsStatement(definition, { filters: [], kindFilters: roles, groupBy, nullKeys: [], after: false, companies: true, rollUp }));
        }
      }
      for (const m of measures.slice(1)) statements.push(totalsStatement(definition, { filters: [], kindFilters: [], groupBy: [dimensions[0]!.value], sort: m.value, descending: true, having: [], after: true, rollUp: false }));
    }
    const failures: string[] = [];
    for (const text of statements) {
      try {
        await app.db.readRows(`EXPLAIN ${text}`, Object.fromEntries(parameterNames(text).map((param) => [param, null])));
      } catch (error) {
        failures.push(`${text.split('\n')[0]}: ${(error as Error).message.split('\n')[0]}`);
      }
    }
    expect(statements.length).toBeGreaterThan(50);
    expect(failures).toEqual([]);
  }, 300_000);

  it('companies ranked by each ranking compile, in every shape', async () => {
    const failures: string[] = [];
    const shapes = allCompanyRankingShapes();
    for (const shape of shapes) {
      const text = companyRankingStatement(shape, companyMap);
      try {
        await app.db.readRows(`EXPLAIN ${text}`, Object.fromEntries(parameterNames(text).map((param) => [param, null])));
      } catch (error) {
        failures.push(`${JSON.stringify(shape)}: ${(error as Error).message.split('\n')[0]}`);
      }
    }
    expect(shapes.length).toBeGreaterThanOrEqual(COMPANY_RANKINGS.length * 8);
    expect(failures).toEqual([]);
  });
});
