import { EXTERNAL_ID_SCHEMES, type ExternalIdScheme } from '../domain/external-id';
import { companyIdentityMap, identifier } from './facts/cypher-text';

/**
 * The company holding an id of a scheme, one statement per scheme: a property named by a parameter would be read on
 * every company, while a property named in the text is a seek on its uniqueness constraint. Params: $value
 * (normalized). Returns: company (with what identifies it); no row when none holds it.
 */
export function companyByExternalIdStatement(scheme: ExternalIdScheme): string {
  return `MATCH (c:Company {${identifier(EXTERNAL_ID_SCHEMES[scheme].property)}: $value})\nRETURN ${companyIdentityMap('c')} AS company`;
}

/**
 * Import pre-flight: which companies of a file would take an id of the scheme another company already holds (the
 * uniqueness constraint would stop the import half-way). Params: $rows (list of {id, value}). Returns: id, existing.
 */
export function externalIdClashStatement(scheme: ExternalIdScheme): string {
  return `UNWIND $rows AS row\nMATCH (c:Company {${identifier(EXTERNAL_ID_SCHEMES[scheme].property)}: row.value})\nWHERE c.id <> row.id\nRETURN row.id AS id, c.id AS existing`;
}
