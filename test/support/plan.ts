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
 * What a plan reads, in the order it reads it: its seeks, scans, expands and joins (depth first, left before right),
 * each with its details and generated names (`anon_12`) blanked. Two plans with the same shape start from the same
 * indexes and walk the same relationships the same way in the same order; where they put a sort, a limit or a
 * projection between those reads does not change what they read.
 */
export function planShape(plan: Plan): string {
  return reads(plan).join(' > ');
}

function reads(plan: Plan): string[] {
  const below = plan.children.flatMap(reads);
  const name = operatorName(plan);
  return READS.test(name) ? [...below, `${name}{${String(plan.arguments.Details ?? '').replace(/\b(anon|UNNAMED)_?\d+/g, '_')}}`] : below;
}
