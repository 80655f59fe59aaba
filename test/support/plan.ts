import type { TestApp } from './test-app';

/** An EXPLAIN plan operator, as the driver returns it. */
export interface Plan {
  operatorType: string;
  identifiers: string[];
  arguments: Record<string, unknown>;
  children: Plan[];
}

/** The plan Neo4j would run for a catalogued statement with these parameters (nothing is executed). */
export async function explain(app: TestApp, statement: string, params: Record<string, unknown>): Promise<Plan> {
  const { summary } = await app.driver.executeQuery(`EXPLAIN ${app.catalog.get(statement)}`, params);
  return summary.plan as unknown as Plan;
}

/** Leaf operators of a plan: where the query starts reading the graph. */
export function leaves(plan: Plan): Plan[] {
  return plan.children.length === 0 ? [plan] : plan.children.flatMap(leaves);
}

/** Every operator of a plan, root first. */
export function operators(plan: Plan): Plan[] {
  return [plan, ...plan.children.flatMap(operators)];
}
