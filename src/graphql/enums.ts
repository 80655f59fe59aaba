import { registerEnumType } from 'type-graphql';
import { Confidence, FactEventKind, FactStatus } from '../domain/lifecycle';
import { SourceKind } from '../domain/source';
import { AcquisitionKind, AmountKind, CompanyKind, ComputeDealStatus, ComputeResource, Instrument, InvestmentStatus, SortDirection } from '../domain/enums';
import { FACTS } from '../facts/registry';
import { ChangeKind } from '../domain/change';
import { ExternalIdScheme } from '../domain/external-id';

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

register(ExternalIdScheme, {
  name: 'ExternalIdScheme',
  description: 'A database a company has an id in: WIKIDATA (item id, "Q2283"), SEC_CIK (SEC EDGAR, ten digits), LEI (ISO 17442 legal entity identifier), DOMAIN (its web domain, "openai.com").',
});
register(CompanyKind, { name: 'CompanyKind', description: 'What a company mainly is in the AI industry.' });
register(AmountKind, {
  name: 'AmountKind',
  description: 'The nature of an amount: cash paid, a commitment over time, a ceiling, a contract value, or the value of a held stake.',
});
register(InvestmentStatus, { name: 'InvestmentStatus', description: 'PLANNED covers letters of intent and conditional tranches.' });
register(Instrument, {
  name: 'Instrument',
  description: 'What the money bought: EQUITY, a convertible (note or debt, which converts to equity), a SAFE, a WARRANT, or DEBT (a loan or a bond, owed back: its amount is a contract value, never raised headline money nor a valuation).',
});
register(ComputeDealStatus, { name: 'ComputeDealStatus' });
register(ComputeResource, { name: 'ComputeResource' });
register(AcquisitionKind, { name: 'AcquisitionKind', description: 'A full acquisition, or a licence deal that hires the team (acqui-hire).' });
register(SortDirection, { name: 'SortDirection' });
register(FactEventKind, {
  name: 'FactEventKind',
  description: 'What happened to a fact: ANNOUNCED, STARTED, CLOSED and ENDED also come from its own dates; OPTION_EXPIRED is the day after an unexercised option\'s deadline.',
});
register(FactStatus, { name: 'FactStatus', description: 'Where a fact stands on a date. ENDED, TERMINATED and LAPSED facts are left out of analytics unless asked for.' });
register(Confidence, { name: 'Confidence', description: 'CONFIRMED: by a party or a filing; REPORTED: by an original publisher; RUMOURED: by unnamed sources.' });
register(SourceKind, { name: 'SourceKind', description: "ORIGINAL reporting, a SYNDICATION or COPY of another publisher's, a FILING, or a COMPANY_RELEASE by a party." });

// A fact field whose values are a subset of a domain enum (amount(..., kinds): a partnership's CONTRACT_VALUE alone) is
// its own GraphQL enum, named after its type and field: PartnershipAmountKind.
for (const definition of FACTS) {
  for (const field of definition.fields) {
    if (field.kind !== 'enum' || !field.enumType || names.has(field.enumType)) continue;
    const name = `${definition.name}${field.name.charAt(0).toUpperCase()}${field.name.slice(1)}`;
    register(field.enumType, { name, description: field.description });
  }
}
register(ChangeKind, { name: 'ChangeKind', description: 'What a change did: the entity is new, changed, or gone.' });
