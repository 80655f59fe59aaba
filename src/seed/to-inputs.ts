import { validate, type ValidationError } from 'class-validator';
import { RecordAcquisitionInput } from '../acquisition/acquisition.input';
import { CreateCompanyInput } from '../company/company.input';
import { parsePartialDate } from '../common/date-scalar';
import { RecordComputeDealInput } from '../compute/compute-deal.input';
import { RecordInvestmentInput } from '../investment/investment.input';
import { RecordRivalryInput } from '../rivalry/rivalry.input';
import { SourceInput } from '../source/source.input';
import { RecordSubsidiaryLinkInput } from '../subsidiary/subsidiary-link.input';
import { DatasetError, type Dataset } from './dataset';

/** Fields of dataset records that hold partial dates. */
const DATE_FIELDS = ['announcedOn', 'closedOn', 'startsOn', 'endsOn', 'since', 'publishedOn'];

function withDates(record: Record<string, unknown>): Record<string, unknown> {
  const out = { ...record };
  for (const field of DATE_FIELDS) {
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
async function toInput<T extends object>(type: new () => T, section: string, record: Record<string, unknown>): Promise<T> {
  let instance: T;
  try {
    instance = Object.assign(new type(), withDates(record));
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
  investments: RecordInvestmentInput[];
  computeDeals: RecordComputeDealInput[];
  rivalries: RecordRivalryInput[];
  subsidiaries: RecordSubsidiaryLinkInput[];
  acquisitions: RecordAcquisitionInput[];
}

export async function toInputs(dataset: Dataset): Promise<DatasetInputs> {
  const all = <T extends object>(type: new () => T, section: string, records: Record<string, unknown>[]) =>
    Promise.all(records.map((record) => toInput(type, section, record)));
  return {
    sources: await all(SourceInput, 'source', dataset.sources),
    companies: await all(
      CreateCompanyInput,
      'company',
      dataset.companies.map((c) => ({ ...c, aliases: c.aliases ?? [], founded: c.founded ? Number(c.founded) : null })),
    ),
    investments: await all(RecordInvestmentInput, 'investment', dataset.investments),
    computeDeals: await all(RecordComputeDealInput, 'computeDeal', dataset.computeDeals),
    rivalries: await all(RecordRivalryInput, 'rivalry', dataset.rivalries),
    subsidiaries: await all(RecordSubsidiaryLinkInput, 'subsidiary', dataset.subsidiaries),
    acquisitions: await all(RecordAcquisitionInput, 'acquisition', dataset.acquisitions),
  };
}
