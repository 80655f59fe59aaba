import type { CompanyRecord } from '../domain/company';
import type { FactScope } from '../domain/as-of';
import { emptyMoney, headlineUsd, type Money } from '../domain/money';
import type { PartialDate } from '../domain/partial-date';
import { inScope, moneyOfFacts } from '../facts/fact-lifecycle';
import { toFactRecord, type FactRecord } from '../facts/fact-record';
import { RELATION_KINDS, relationKind, type RelationKindSpec } from '../facts/relation-kinds';
import type { RelationKind } from './relation-kind';

/** One relation between a step's two companies, as cypher/analytics/fragments/path-steps returns it. */
interface RawRelation {
  kind: RelationKind;
  forward: boolean;
  /** The facts of the relation that count in the scope, oldest first, each as its type's map. */
  facts: Record<string, unknown>[];
}

/** A step: its two companies and every relation between them, its own first. */
interface RawStep {
  fromId: string;
  toId: string;
  relations: RawRelation[];
}

/**
 * A relation with its facts as records (in the answer's scope), its money and its sentence. Its facts are also under
 * each kind's own field (`investments`, `rivalry`...: see RelationKindSpec.field), the other kinds' fields empty.
 */
export interface ExplainedRelation {
  kind: RelationKind;
  forward: boolean;
  facts: FactRecord[];
  money: Money;
  amountUsd: number | null;
  description: string;
  readonly [field: string]: unknown;
}

/** A step: the relation the path follows, and every relation between the same two companies. */
export interface ExplainedStep extends ExplainedRelation {
  from: CompanyRecord;
  to: CompanyRecord;
  relations: ExplainedRelation[];
}

/** Headline money, or null when no amount is disclosed (unknown is not zero). */
function headlineOrNull(money: Money, facts: number): number | null {
  return facts > 0 && money.undisclosedCount === facts ? null : headlineUsd(money);
}

/** Oldest first by the type's date, then by id. */
function byDate(dateField: string): (a: FactRecord, b: FactRecord) => number {
  const start = (fact: FactRecord) => (fact[dateField] as PartialDate | null)?.start ?? '';
  return (a, b) => start(a).localeCompare(start(b)) || a.id.localeCompare(b.id);
}

/** Every kind's field of a relation: its own facts under its kind's field, nothing under the others'. */
function kindFields(spec: RelationKindSpec, facts: FactRecord[]): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const other of RELATION_KINDS) fields[other.field] = other.perPair ? [] : null;
  fields[spec.field] = spec.perPair ? facts : (facts[0] ?? null);
  return fields;
}

function explainRelation(raw: RawRelation, from: CompanyRecord, to: CompanyRecord, scope: FactScope): ExplainedRelation {
  const spec = relationKind(raw.kind);
  const facts = raw.facts.map((row) => inScope(toFactRecord(spec.definition, row), scope)).sort(byDate(spec.definition.dateField));
  // A symmetric relation reads in the step's order; a directed one from its start to its end.
  const [start, end] = spec.symmetric || raw.forward ? [from, to] : [to, from];
  const money = spec.carriesMoney ? moneyOfFacts(facts) : emptyMoney();
  return {
    ...kindFields(spec, facts),
    kind: raw.kind,
    forward: raw.forward,
    facts,
    money,
    amountUsd: spec.carriesMoney ? headlineOrNull(money, facts.length) : null,
    description: spec.derived.sentence(start, end, facts),
  };
}

/**
 * Turns raw steps into explained steps; `companies` must hold every company on the path. A relation holds in the
 * scope when one of its facts counts by itself (the statement lists only those): null when a step the path follows
 * has none (the path does not exist then), and the other relations of a step that have none are left out.
 */
export function explainSteps(raw: readonly RawStep[], companies: ReadonlyMap<string, CompanyRecord>, scope: FactScope): ExplainedStep[] | null {
  const steps: ExplainedStep[] = [];
  for (const step of raw) {
    const from = companies.get(step.fromId) as CompanyRecord;
    const to = companies.get(step.toId) as CompanyRecord;
    if (!step.relations[0] || step.relations[0].facts.length === 0) return null;
    const relations = step.relations.filter((relation) => relation.facts.length > 0).map((relation) => explainRelation(relation, from, to, scope));
    steps.push({ ...(relations[0] as ExplainedRelation), from, to, relations });
  }
  return steps;
}
