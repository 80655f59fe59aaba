import type { PartialDate } from '../domain/partial-date';
import type { FactDefinition, FieldSpec, FilterSpec, PartySpec } from './fact-definition';
import { amountField } from './fact-lifecycle';
import { HEADLINE_SLOTS } from '../domain/lifecycle';

// What a fact type's totals group by and measure, derived from its definition (no list per type): its parties, each
// party's kind and country, its enum fields and buckets of its main date; a count, money by kind when it has an
// amount, and the extremes its `totals` spec names. src/neo4j/facts/totals-statements.ts turns them into Cypher and
// src/totals/ into GraphQL.

/** A date bucket of a fact's main date. */
export type PeriodBucket = 'YEAR' | 'QUARTER' | 'MONTH';
export const PERIOD_BUCKETS: readonly PeriodBucket[] = ['YEAR', 'QUARTER', 'MONTH'];

/** One way a fact type's totals can be grouped: `value` in the GraphQL enum, `key` the field of a group's key. */
export type TotalsDimension = { readonly value: string; readonly key: string; readonly description: string } & (
  | { readonly kind: 'party' | 'partyKind' | 'partyCountry'; readonly party: PartySpec }
  | { readonly kind: 'field'; readonly field: FieldSpec }
  | { readonly kind: 'period'; readonly bucket: PeriodBucket }
);

/** One thing a group measures: `value` in the sort enum, `key` the field of a group (and of `having`). */
export type TotalsMeasure = { readonly value: string; readonly key: string; readonly description: string } & (
  | { readonly kind: 'count' }
  /** Money of one kind as of the date: its slot in the fact-money list ([paid, committed, ceiling, contract, stake, undisclosed]); headline: paid + committed. */
  | { readonly kind: 'money'; readonly slots: readonly number[]; readonly integer: boolean }
  | { readonly kind: 'highest' | 'latest'; readonly field: string }
);

/** FOO_BAR from fooBar. */
function constantCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/** The name of one company of a party's role: a pair's or a list's role names several (companies: company, leadInvestors: leadInvestor). */
export function memberName(party: PartySpec): string {
  if (!party.pair && !party.many) return party.role;
  return party.role.replace(/ies$/, 'y').replace(/s$/, '');
}

/** The argument of the kind filter on a party: investorKinds, companyKinds. */
export function kindFilterArg(party: PartySpec): string {
  return `${memberName(party)}Kinds`;
}

const dimensionsOf = new Map<string, readonly TotalsDimension[]>();

/** The dimensions a fact type's totals may be grouped by, in definition order: parties (with kind and country), enum fields, date buckets. */
export function totalsDimensions(definition: FactDefinition): readonly TotalsDimension[] {
  const known = dimensionsOf.get(definition.name);
  if (known) return known;
  const out: TotalsDimension[] = [];
  for (const party of definition.parties) {
    const key = memberName(party);
    const several = party.pair || party.many ? ` (a ${definition.name} counts once in the group of each of its ${party.role})` : '';
    out.push({ value: constantCase(key), key, kind: 'party', party, description: `By ${key}${several}.` });
    out.push({ value: `${constantCase(key)}_KIND`, key: `${key}Kind`, kind: 'partyKind', party, description: `By the kind of the ${key}${several}.` });
    out.push({ value: `${constantCase(key)}_COUNTRY`, key: `${key}Country`, kind: 'partyCountry', party, description: `By the country of the ${key}${several}.` });
  }
  for (const field of definition.fields.filter((f) => f.kind === 'enum')) {
    out.push({ value: constantCase(field.name), key: field.name, kind: 'field', field, description: `By ${field.name} as recorded.` });
  }
  const date = definition.fields.find((f) => f.name === definition.dateField);
  if (date?.kind === 'date') {
    for (const bucket of PERIOD_BUCKETS) {
      const unknown = bucket === 'YEAR' ? '' : ` A fact dated only to a year is in its year's own bucket ("2024-${bucket === 'QUARTER' ? 'Q?' : '??'}": ${bucket.toLowerCase()} unknown), never guessed into one.`;
      out.push({ value: bucket, key: bucket.toLowerCase(), kind: 'period', bucket, description: `By the ${bucket.toLowerCase()} of ${definition.dateField}.${unknown}` });
    }
  }
  for (const [i, dimension] of out.entries()) {
    if (out.findIndex((other) => other.value === dimension.value || other.key === dimension.key) !== i) throw new Error(`${definition.name}: two totals dimensions named ${dimension.value}`);
  }
  dimensionsOf.set(definition.name, out);
  return out;
}

const MONEY_MEASURES: readonly TotalsMeasure[] = [
  { value: 'HEADLINE', key: 'headlineUsd', kind: 'money', slots: HEADLINE_SLOTS, integer: false, description: 'Paid plus committed.' },
  { value: 'PAID', key: 'paidUsd', kind: 'money', slots: [0], integer: false, description: 'Cash paid.' },
  { value: 'COMMITTED', key: 'committedUsd', kind: 'money', slots: [1], integer: false, description: 'Binding, not yet paid.' },
  { value: 'CEILING', key: 'ceilingUsd', kind: 'money', slots: [2], integer: false, description: 'Ceilings beyond the headline.' },
  { value: 'CONTRACT_VALUE', key: 'contractValueUsd', kind: 'money', slots: [3], integer: false, description: 'Contract values.' },
  { value: 'STAKE_VALUE', key: 'stakeValueUsd', kind: 'money', slots: [4], integer: false, description: 'Stake values.' },
  { value: 'UNDISCLOSED', key: 'undisclosedCount', kind: 'money', slots: [5], integer: true, description: 'Facts whose amount is undisclosed.' },
];

/** What a fact type's groups measure: the count, money by kind (when it has an amount), its extremes. */
export function totalsMeasures(definition: FactDefinition): readonly TotalsMeasure[] {
  const out: TotalsMeasure[] = [{ value: 'COUNT', key: 'count', kind: 'count', description: 'Facts in the group.' }];
  if (amountField(definition)) out.push(...MONEY_MEASURES);
  for (const extreme of definition.totals?.extremes ?? []) {
    const field = definition.fields.find((f) => f.name === extreme.field);
    if (field?.kind !== 'usd') throw new Error(`${definition.name}: totals extreme ${extreme.field} is not an amount field`);
    const name = extreme.measure.toLowerCase().replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
    const Name = name.charAt(0).toUpperCase() + name.slice(1);
    out.push(
      { value: `HIGHEST_${extreme.measure}`, key: `highest${Name}Usd`, kind: 'highest', field: extreme.field, description: `Highest ${extreme.field} in the group; null when none is reported.` },
      {
        value: `LATEST_${extreme.measure}`,
        key: `latest${Name}Usd`,
        kind: 'latest',
        field: extreme.field,
        description: `${extreme.field} of the group's latest fact (by ${definition.dateField}, then id) that reports one; null when none does.`,
      },
    );
  }
  return out;
}

/** A list filter totals take too: all but the status filter (totals read status as of the date) and any named like a scope argument. */
export function totalsFilters(definition: FactDefinition): readonly FilterSpec[] {
  return definition.list.filters.filter((filter) => !(filter.kind !== 'party' && filter.field === 'status') && filter.arg !== 'asOf');
}

/** The bucket of a date: "2024", "2024-Q1" or "2024-03"; a date known only to its year is "2024-Q?" / "2024-??"; none: null. */
export function periodBucket(date: PartialDate | null | undefined, bucket: PeriodBucket): string | null {
  if (!date) return null;
  const year = date.start.slice(0, 4);
  if (bucket === 'YEAR') return year;
  if (date.precision === 'YEAR') return bucket === 'QUARTER' ? `${year}-Q?` : `${year}-??`;
  return bucket === 'QUARTER' ? `${year}-Q${Math.ceil(Number(date.start.slice(5, 7)) / 3)}` : date.start.slice(0, 7);
}

/** Most dimensions one totals request may group by. */
export const MAX_GROUP_BY = 3;
