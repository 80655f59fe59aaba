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

/** An operator's name without the runtime suffix Neo4j 5 adds ("NodeIndexSeek@neo4j"). */
export function operatorName(plan: Plan): string {
  return plan.operatorType.replace(/@.*$/, '');
}

/** Operators whose details say where and how the graph is read: which index, which relationships, which way. */
const READS = /Seek|Scan|Expand|Trail|ShortestPath|Join|Optional|VarLength/;

/**
 * A plan as one line, root first, children in brackets: the operators, and for those that read the graph (seeks,
 * scans, expands, joins) their details with generated names (`anon_12`) blanked. Two plans with the same shape read
 * the graph from the same places, the same way, in the same order.
 */
export function planShape(plan: Plan): string {
  const name = operatorName(plan);
  const details = READS.test(name) ? `{${String(plan.arguments.Details ?? '').replace(/\b(anon|UNNAMED)_?\d+/g, '_')}}` : '';
  const children = plan.children.length > 0 ? `(${plan.children.map(planShape).join(', ')})` : '';
  return `${name}${details}${children}`;
}
