import { registerEnumType } from 'type-graphql';
import { AcquisitionKind, AmountKind, CompanyKind, ComputeDealStatus, ComputeResource, Instrument, InvestmentStatus, SortDirection } from '../domain/enums';

// The domain's enums as GraphQL enums, registered once when the schema is built.
const names = new Map<object, string>();
function register<E extends object>(enumObject: E, options: { name: string; description?: string }): void {
  names.set(enumObject, options.name);
  registerEnumType(enumObject, options);
}

/** The GraphQL name of a domain enum (for schemas derived elsewhere, e.g. the benchmark's peer). */
export function graphqlEnumName(enumObject: object): string {
  const name = names.get(enumObject);
  if (!name) throw new Error('enum not registered as a GraphQL enum');
  return name;
}

register(CompanyKind, { name: 'CompanyKind', description: 'What a company mainly is in the AI industry.' });
register(AmountKind, {
  name: 'AmountKind',
  description: 'The nature of an amount: cash paid, a commitment over time, a ceiling, a contract value, or the value of a held stake.',
});
register(InvestmentStatus, { name: 'InvestmentStatus', description: 'PLANNED covers letters of intent and conditional tranches.' });
register(Instrument, { name: 'Instrument' });
register(ComputeDealStatus, { name: 'ComputeDealStatus' });
register(ComputeResource, { name: 'ComputeResource' });
register(AcquisitionKind, { name: 'AcquisitionKind', description: 'A full acquisition, or a licence deal that hires the team (acqui-hire).' });
register(SortDirection, { name: 'SortDirection' });
