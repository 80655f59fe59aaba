import { validateSync, type ValidationError } from 'class-validator';
import type { ClassType } from 'type-graphql';
import { CreateCompanyInput } from '../company/company.input';
import { ExternalIdInput } from '../company/external-id.input';
import { normalizeExternalId } from '../domain/external-id';
import { parsePartialDate } from '../domain/partial-date';
import type { FactDefinition } from '../facts/fact-definition';
import { FACTS } from '../facts/registry';
import { recordInputType } from '../graphql/facts/fact-types';
import { SourceInput } from '../graphql/source.input';
import { FactEventInput } from '../graphql/lifecycle/fact-event.types';
import { DatasetError, type Dataset, type RecordProblem, type SectionName } from './dataset';

/** Date fields of a record: a fact type's dates, or a source's publishedOn. */
function withDates(record: Record<string, unknown>, dateFields: readonly string[]): Record<string, unknown> {
  const out = { ...record };
  for (const field of dateFields) {
    if (typeof out[field] === 'string') out[field] = parsePartialDate(out[field]);
  }
  return out;
}

function describe(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => [
    ...Object.values(error.constraints ?? {}).map((message) => `${prefix}${error.property}: ${message}`),
    ...describe(error.children ?? [], `${prefix}${error.property}.`),
  ]);
}

/** Where a record is in the dataset and how its messages name it ("investment \"inv-1\""). */
interface RecordAt {
  readonly section: SectionName;
  readonly index: number;
  readonly label: string;
}

/** A record that fails the mutations' rules, carried until every record of the dataset has been checked. */
class RecordRefused extends Error {
  constructor(readonly problem: RecordProblem) {
    super(problem.message);
  }
}

/**
 * Builds an input object and applies the same class-validator rules as the GraphQL mutations. Synchronously: every rule
 * is synchronous (src/graphql/validators.ts), and a million pending validations at once kept the import's heap busy
 * collecting garbage for half of its validation time.
 */
function toInput<T extends object>(type: ClassType<T>, at: RecordAt, record: Record<string, unknown>, dateFields: readonly string[]): T {
  const refuse = (fields: string[], why: string) =>
    new RecordRefused({ section: at.section, index: at.index, fields, message: `${at.label} "${String(record.id)}": ${why}` });
  let instance: T;
  try {
    instance = Object.assign(new type(), withDates(record, dateFields));
  } catch (error) {
    throw refuse(dateFields.filter((field) => typeof record[field] === 'string'), (error as Error).message);
  }
  const errors = validateSync(instance, { forbidUnknownValues: false });
  if (errors.length > 0) throw refuse(errors.map((error) => error.property), describe(errors).join('; '));
  return instance;
}

/**
 * Records checked between two turns of the event loop: a check of a large file never holds it for minutes (the
 * driver's idle connections would time out).
 */
const CHECKS_PER_TURN = 2000;

/**
 * Every record checked, one after the other; the refused ones (all of them, in dataset order) thrown together as one
 * DatasetError.
 */
async function allOrRefused<R, T>(records: readonly R[], check: (record: R, index: number) => T): Promise<T[]> {
  const out: T[] = [];
  const problems: RecordProblem[] = [];
  for (let index = 0; index < records.length; index += 1) {
    if (index > 0 && index % CHECKS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
    try {
      out.push(check(records[index] as R, index));
    } catch (error) {
      if (!(error instanceof RecordRefused)) throw error;
      problems.push(error.problem);
    }
  }
  if (problems.length === 0) return out;
  throw new DatasetError(problems.map((problem) => problem.message).join('\n'), problems);
}

/** Every record of a dataset as validated mutation inputs, in dependency order. */
export interface DatasetInputs {
  sources: SourceInput[];
  companies: CreateCompanyInput[];
  /** Record inputs per fact type name. */
  facts: Record<string, Record<string, unknown>[]>;
}

/** A dataset event as the input the mutations take (dates parsed, an instance so its own rules are checked). */
function toEventInput(event: Record<string, unknown>): FactEventInput {
  return Object.assign(new FactEventInput(), withDates(event, ['on', 'deadline']));
}

function factInputs(definition: FactDefinition, records: Record<string, unknown>[]): Promise<Record<string, unknown>[]> {
  const section = definition.section as SectionName;
  const type = recordInputType(definition) as ClassType<Record<string, unknown>>;
  const dates = definition.fields.filter((f) => f.kind === 'date').map((f) => f.name);
  const events = definition.fields.filter((f) => f.kind === 'events').map((f) => f.name);
  // Enum defaults the GraphQL layer would fill in (status ANNOUNCED) are filled here the same way.
  const defaults = Object.fromEntries(definition.fields.filter((f) => f.defaultValue !== undefined).map((f) => [f.name, f.defaultValue]));
  return allOrRefused(records, (record, index) => {
    const at = { section, index, label: definition.single };
    const withEvents = { ...defaults, ...record };
    for (const field of events) {
      try {
        if (Array.isArray(record[field])) withEvents[field] = (record[field] as Record<string, unknown>[]).map(toEventInput);
      } catch (error) {
        throw new RecordRefused({ section, index, fields: [field], message: `${at.label} "${String(record.id)}": ${(error as Error).message}` });
      }
    }
    return toInput(type, at, withEvents, dates);
  });
}

/** Every record of a dataset as validated mutation inputs. */
export async function toInputs(dataset: Dataset): Promise<DatasetInputs> {
  const facts: Record<string, Record<string, unknown>[]> = {};
  for (const definition of FACTS) facts[definition.name] = await factInputs(definition, ((dataset as unknown as Record<string, unknown>)[definition.section] as Record<string, unknown>[] | undefined) ?? []);
  return {
    sources: await allOrRefused(dataset.sources, (record, index) => toInput(SourceInput, { section: 'sources', index, label: 'source' }, record, ['publishedOn'])),
    companies: distinctExternalIds(
      await allOrRefused(dataset.companies, (c, index) =>
        toInput(
          CreateCompanyInput,
          { section: 'companies', index, label: 'company' },
          { ...c, aliases: c.aliases ?? [], founded: c.founded ? Number(c.founded) : null, externalIds: c.externalIds?.map((id) => Object.assign(new ExternalIdInput(), id)) },
          [],
        ),
      ),
    ),
    facts,
  };
}

/** No external id on two companies of the file (the database refuses it too, but only once the import is under way). */
function distinctExternalIds(companies: CreateCompanyInput[]): CreateCompanyInput[] {
  const holders = new Map<string, string>();
  for (const company of companies) {
    for (const id of company.externalIds ?? []) {
      const key = `${id.scheme} "${normalizeExternalId(id.scheme, id.value)}"`;
      const holder = holders.get(key);
      if (holder !== undefined) throw new DatasetError(`company "${company.id}": externalIds: ${key} is already company "${holder}"'s`);
      holders.set(key, company.id as string);
    }
  }
  return companies;
}
