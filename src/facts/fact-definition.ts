import type { CompanyRecord } from '../domain/company';
import type { Money } from '../domain/money';

/**
 * A fact type declared once: what it is called, who takes part in it, what it records, how it is listed and how it
 * shows up between companies. Everything else (GraphQL types and inputs, validation, stored properties, row mappers,
 * the Cypher that reads, writes, lists and counts it, the dataset schema, the bulk import) is derived from this.
 */
export interface FactDefinition {
  /** GraphQL type name and Neo4j label, e.g. "Investment". Every fact node also carries the label `Fact`. */
  readonly name: string;
  readonly description: string;
  /** Prefix of ids derived for facts recorded without one, e.g. "inv". */
  readonly idPrefix: string;
  /** Query names: one by id, and the list. */
  readonly single: string;
  readonly plural: string;
  /** Dataset section (data/seed/*.json) holding these facts. */
  readonly section: string;
  readonly parties: readonly PartySpec[];
  readonly fields: readonly FieldSpec[];
  /** References to other facts, e.g. a compute deal's investment. */
  readonly links?: readonly LinkSpec[];
  /** The date `asOf` is compared with: when the fact became known. */
  readonly dateField: string;
  /** The id of a fact recorded without one, from its party ids (in role order, a pair sorted) and its fields. */
  readonly deriveId: (partyIds: readonly string[], fields: Readonly<Record<string, unknown>>) => string;
  /** The company-to-company relationship traversals walk, kept in step with these facts (none for some types). */
  readonly derived?: DerivedEdgeSpec;
  /** Domain rules beyond the fields' own, as Cypher fragments under cypher/facts/rules/ (closed names). */
  readonly rules?: readonly string[];
  readonly list: ListSpec;
  /** What its totals measure beyond a count and money by kind (src/facts/fact-totals.ts derives the rest). */
  readonly totals?: TotalsSpec;
  /** Mutation descriptions. */
  readonly verbs?: { readonly record?: string; readonly update?: string; readonly remove?: string };
  /** Input descriptions. */
  readonly inputs?: { readonly record?: string; readonly update?: string };
}

/** A company taking part in a fact, in one role. */
export interface PartySpec {
  /** Role, and the field of the object type that resolves the company: "investor". */
  readonly role: string;
  /** Input field holding the company id (ids, for a pair): "investorId". */
  readonly idField: string;
  /** Relationship between the company and the fact node, and which way it points. */
  readonly rel: string;
  readonly direction: 'toFact' | 'fromFact';
  /** A symmetric pair (a rivalry's two companies): one role, two companies, stored sorted by id. */
  readonly pair?: boolean;
  /** A pair's message when both ids are the same company. */
  readonly distinctMessage?: string;
  /** Any number of companies in this role, none included (a round's lead investors): ids given as a list. */
  readonly many?: boolean;
  readonly description?: string;
  /** This party must differ from another (no self-investment): the other's idField, and the message. */
  readonly differsFrom?: { readonly idField: string; readonly message: string };
  /** A Company field listing the facts it takes part in this role: `investmentsReceived(asOf)`. */
  readonly companyField?: { readonly name: string; readonly description: string };
}

/** `events`: the fact's dated, sourced life (agreed, tranches funded, closed, ended...), one per fact type. */
export type FieldKind = 'text' | 'usd' | 'number' | 'date' | 'enum' | 'events';

/** One recorded property of a fact. */
export interface FieldSpec {
  readonly name: string;
  readonly kind: FieldKind;
  readonly description?: string;
  /** Given when recording, never null (e.g. announcedOn); otherwise optional and nullable. */
  readonly required?: boolean;
  /** Enum fields: the TypeScript enum, and the value a record takes when the field is omitted. */
  readonly enumType?: Readonly<Record<string, string>>;
  readonly defaultValue?: string;
  readonly maxLength?: number;
  readonly pattern?: { readonly regex: RegExp; readonly message: string };
  readonly min?: number;
  readonly max?: number;
  /** Dates that are reported after the fact: they cannot lie in the future. */
  readonly notInFuture?: boolean;
  /** Given exactly when that other field is (an amount and its kind). */
  readonly presentWith?: string;
}

/** Another fact this one may point at, e.g. the investment a compute deal came with. */
export interface LinkSpec {
  /** Input field with the other fact's id, and the object field that resolves it. */
  readonly idField: string;
  readonly field: string;
  readonly rel: string;
  readonly target: string;
  readonly description?: string;
  /** A list field on the target type of the facts that point at it (a round's investments). */
  readonly reverse?: { readonly field: string; readonly description: string };
}

/**
 * The relationship between the parties that traversals use (`connection` walks it, `neighborhood` draws it): its
 * type is a relation kind, and everything traversals say about it comes from here (src/facts/relation-kinds.ts lists
 * the kinds). A symmetric relation is one whose ends are the same pair party (a rivalry's `companies`).
 */
export interface DerivedEdgeSpec {
  readonly type: string;
  /** The roles at the start and end of the relationship (a pair's first and second company for a symmetric fact). */
  readonly from: string;
  readonly to: string;
  /**
   * perPair: one relationship per pair of companies summarising all their facts (factIds, firstOn); perFact: one
   * per fact, carrying its id and the listed properties.
   */
  readonly grouping: 'perPair' | 'perFact';
  readonly properties?: readonly string[];
  /** What the relation means, start to end ("investor to investee"), or between the two for a symmetric one. */
  readonly description: string;
  /** How money flows along it in a money loop; absent: a loop never steps along it. */
  readonly moneyFlow?: MoneyFlowSpec;
  /** A neighbourhood edge's label (its date is appended), from the facts of the edge that count. */
  readonly label: (edge: EdgeSummary) => string;
  /**
   * A path step's sentence, from the facts of the relation that count (in the answer's scope, oldest first): the
   * relation's start and end companies, or, for a symmetric relation, the step's two companies in its order.
   */
  readonly sentence: (start: CompanyRecord, end: CompanyRecord, facts: readonly Readonly<Record<string, unknown>>[]) => string;
}

/** How money moves along a relation in a money loop. */
export interface MoneyFlowSpec {
  /** INVESTMENT: an investor pays; COMPUTE: a customer pays for compute; OWNERSHIP: takings count for the parent. */
  readonly kind: 'INVESTMENT' | 'COMPUTE' | 'OWNERSHIP';
  /** Who pays: the relationship's start ('from'), or its end ('to': the loop walks it against its direction). */
  readonly payer: 'from' | 'to';
}

/** What a neighbourhood edge's label is made from. */
export interface EdgeSummary {
  /** Money by kind of its facts that count (none for a type without an amount). */
  readonly money: Money;
  /** How many of its facts count. */
  readonly facts: number;
  /** The properties a per-fact relationship copies from its fact (`properties` above); none for a per-pair one. */
  readonly properties: Readonly<Record<string, unknown>>;
}

/** How a fact type is listed: its filters, sorts and the shape of the list's arguments. */
export interface ListSpec {
  readonly description: string;
  /** `filter`: `list(filter: {...}, sort: {...})`; `flat`: the filters as arguments (kept for existing lists). */
  readonly args: 'filter' | 'flat';
  readonly filters: readonly FilterSpec[];
  readonly sorts: readonly SortSpec[];
  /** The order when the client gives none. */
  readonly defaultSort: { readonly sort: string; readonly descending: boolean };
  /** Page size when the client gives none (20 unless said). */
  readonly defaultFirst?: number;
}

/** One list filter, and how it is applied. */
export type FilterSpec =
  /** Facts a company takes part in, in one role, or in any ("*"). */
  | { readonly arg: string; readonly kind: 'party'; readonly role: string; readonly description?: string }
  /** A field at or after / at or before a value; dates compare with the start / end of their period. */
  | { readonly arg: string; readonly kind: 'atLeast' | 'atMost'; readonly field: string; readonly description?: string; readonly undatedPasses?: boolean }
  /** A field equal to the value, or one of the values. */
  | { readonly arg: string; readonly kind: 'equals' | 'oneOf'; readonly field: string; readonly description?: string };

/** One order a list can be read in: by a field, ties by id; facts without a value come last. */
export interface SortSpec {
  readonly value: string;
  readonly field: string;
}

/** Measures a fact type's totals take beyond a count and money by kind. */
export interface TotalsSpec {
  /**
   * Amount fields measured per group by their highest value and their latest (the value of the group's fact with the
   * latest main date that has one): `{ field: 'postMoneyValuationUsd', measure: 'POST_MONEY' }` gives the measures
   * HIGHEST_POST_MONEY and LATEST_POST_MONEY (fields highestPostMoneyUsd, latestPostMoneyUsd).
   */
  readonly extremes?: readonly { readonly field: string; readonly measure: string }[];
  /**
   * Orders of the `companies` list by one totals measure of the facts a company takes part in, in one role, as they
   * stood on the scope's date: `{ value: 'RAISED_HEADLINE', role: 'investee', measure: 'HEADLINE' }` ranks companies
   * by the headline of the investments they received (src/facts/company-rankings.ts).
   */
  readonly companySorts?: readonly { readonly value: string; readonly role: string; readonly measure: string; readonly description: string }[];
}
