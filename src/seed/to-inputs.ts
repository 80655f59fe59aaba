import { validate, type ValidationError } from 'class-validator';
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
import { DatasetError, type Dataset } from './dataset';

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

/** Builds an input object and applies the same class-validator rules as the GraphQL mutations. */
async function toInput<T extends object>(type: ClassType<T>, section: string, record: Record<string, unknown>, dateFields: readonly string[]): Promise<T> {
  let instance: T;
  try {
    instance = Object.assign(new type(), withDates(record, dateFields));
  } catch (error) {
    throw new DatasetError(`${section} "${String(record.id)}": ${(error as Error).message}`);
  }
  const errors = await validate(instance, { forbidUnknownValues: false });
  if (errors.length > 0) throw new DatasetError(`${section} "${String(record.id)}": ${describe(errors).join('; ')}`);
  return instance;
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
  const type = recordInputType(definition) as ClassType<Record<string, unknown>>;
  const dates = definition.fields.filter((f) => f.kind === 'date').map((f) => f.name);
  const events = definition.fields.filter((f) => f.kind === 'events').map((f) => f.name);
  // Enum defaults the GraphQL layer would fill in (status ANNOUNCED) are filled here the same way.
  const defaults = Object.fromEntries(definition.fields.filter((f) => f.defaultValue !== undefined).map((f) => [f.name, f.defaultValue]));
  return Promise.all(
    records.map((record) => {
      const withEvents = { ...defaults, ...record };
      for (const field of events) if (Array.isArray(record[field])) withEvents[field] = (record[field] as Record<string, unknown>[]).map(toEventInput);
      return toInput(type, definition.single, withEvents, dates);
    }),
  );
}

export async function toInputs(dataset: Dataset): Promise<DatasetInputs> {
  const facts: Record<string, Record<string, unknown>[]> = {};
  for (const definition of FACTS) facts[definition.name] = await factInputs(definition, ((dataset as unknown as Record<string, unknown>)[definition.section] as Record<string, unknown>[] | undefined) ?? []);
  return {
    sources: await Promise.all(dataset.sources.map((record) => toInput(SourceInput, 'source', record, ['publishedOn']))),
    companies: distinctExternalIds(
      await Promise.all(
        dataset.companies.map((c) =>
          toInput(CreateCompanyInput, 'company', { ...c, aliases: c.aliases ?? [], founded: c.founded ? Number(c.founded) : null, externalIds: c.externalIds?.map((id) => Object.assign(new ExternalIdInput(), id)) }, []),
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
