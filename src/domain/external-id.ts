import { badInput } from './errors';

/** The registries a company's id in another database comes from. */
export enum ExternalIdScheme {
  WIKIDATA = 'WIKIDATA',
  SEC_CIK = 'SEC_CIK',
  LEI = 'LEI',
  DOMAIN = 'DOMAIN',
}

/** A company's id in another database, with the page it was read from. */
export interface ExternalId {
  readonly scheme: ExternalIdScheme;
  readonly value: string;
  readonly source: string;
}

/**
 * Each scheme once: the Company property its value is stored in (one per scheme, so a lookup is one match on a
 * uniquely constrained property), the property holding the page it was read from, how a value is written the one way
 * it is stored and compared, and what a valid one looks like.
 */
interface SchemeRule {
  readonly property: string;
  readonly sourceProperty: string;
  readonly normalize: (value: string) => string;
  /** Why a normalized value is not one of this scheme's; null when it is. */
  readonly problem: (value: string) => string | null;
}

const LEI_PATTERN = /^[0-9A-Z]{18}[0-9]{2}$/;
const DOMAIN_PATTERN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** ISO 7064 mod 97-10 over an LEI (ISO 17442): letters count as 10..35, and the whole number mod 97 must be 1. */
export function leiChecksumHolds(lei: string): boolean {
  let remainder = 0;
  for (const char of lei) {
    const digits = /[0-9]/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** The registrable host of a domain or URL: lower case, no scheme, port, path or leading "www.". */
export function normalizeDomain(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '')
    .replace(/\.$/, '')
    .replace(/^www\./, '');
}

export const EXTERNAL_ID_SCHEMES: Readonly<Record<ExternalIdScheme, SchemeRule>> = {
  [ExternalIdScheme.WIKIDATA]: {
    property: 'wikidataId',
    sourceProperty: 'wikidataIdSource',
    normalize: (value) => value.trim().toUpperCase(),
    problem: (value) => (/^Q[1-9][0-9]*$/.test(value) ? null : 'must be a Wikidata item id such as "Q2283"'),
  },
  [ExternalIdScheme.SEC_CIK]: {
    property: 'secCik',
    sourceProperty: 'secCikSource',
    // EDGAR writes CIKs with and without their leading zeros; stored as its ten-digit form.
    normalize: (value) => (/^\s*[0-9]{1,10}\s*$/.test(value) ? value.trim().padStart(10, '0') : value.trim()),
    problem: (value) => (/^[0-9]{10}$/.test(value) && value !== '0000000000' ? null : 'must be an SEC CIK of at most 10 digits, such as "0000789019"'),
  },
  [ExternalIdScheme.LEI]: {
    property: 'lei',
    sourceProperty: 'leiSource',
    normalize: (value) => value.trim().toUpperCase(),
    problem: (value) =>
      !LEI_PATTERN.test(value) ? 'must be a 20-character LEI (18 letters or digits, then 2 check digits)' : leiChecksumHolds(value) ? null : 'fails the ISO 17442 check digits',
  },
  [ExternalIdScheme.DOMAIN]: {
    property: 'domain',
    sourceProperty: 'domainSource',
    normalize: normalizeDomain,
    problem: (value) => (DOMAIN_PATTERN.test(value) ? null : 'must be a domain name such as "openai.com"'),
  },
};

export const EXTERNAL_ID_SCHEME_NAMES = Object.values(ExternalIdScheme);

/** The stored value of an id, as every write and lookup compares it. */
export function normalizeExternalId(scheme: ExternalIdScheme, value: string): string {
  return EXTERNAL_ID_SCHEMES[scheme].normalize(value);
}

/** Why an id is not valid, or null; the value is normalized first. */
export function externalIdProblem(scheme: ExternalIdScheme, value: string): string | null {
  const rule = EXTERNAL_ID_SCHEMES[scheme];
  if (!rule) return `unknown scheme ${String(scheme)}`;
  return rule.problem(rule.normalize(value));
}

/** Every id checked and normalized; two of one scheme on one company are refused (one is stored per scheme). */
export function checkedExternalIds(company: string, ids: readonly ExternalId[]): ExternalId[] {
  const seen = new Set<ExternalIdScheme>();
  return ids.map((id) => {
    const problem = externalIdProblem(id.scheme, id.value);
    if (problem) throw badInput('externalIds', `company "${company}": ${id.scheme} "${id.value}" ${problem}`);
    if (seen.has(id.scheme)) throw badInput('externalIds', `company "${company}": more than one ${id.scheme} id; a company has at most one per scheme`);
    seen.add(id.scheme);
    return { scheme: id.scheme, value: normalizeExternalId(id.scheme, id.value), source: id.source };
  });
}

/** The stored properties of a company's ids: every scheme's pair, null where it has none (so an update clears it). */
export function externalIdProps(ids: readonly ExternalId[]): Record<string, string | null> {
  const props: Record<string, string | null> = {};
  for (const scheme of EXTERNAL_ID_SCHEME_NAMES) {
    const id = ids.find((candidate) => candidate.scheme === scheme);
    props[EXTERNAL_ID_SCHEMES[scheme].property] = id?.value ?? null;
    props[EXTERNAL_ID_SCHEMES[scheme].sourceProperty] = id?.source ?? null;
  }
  return props;
}

/** A stored company's ids in scheme order. */
export function externalIdsOf(stored: Readonly<Record<string, unknown>>): ExternalId[] {
  return EXTERNAL_ID_SCHEME_NAMES.flatMap((scheme) => {
    const value = stored[EXTERNAL_ID_SCHEMES[scheme].property];
    return typeof value === 'string' ? [{ scheme, value, source: (stored[EXTERNAL_ID_SCHEMES[scheme].sourceProperty] as string | null) ?? '' }] : [];
  });
}

/** Every stored property of the ids, for the statements that read a company. */
export const EXTERNAL_ID_PROPERTIES = EXTERNAL_ID_SCHEME_NAMES.flatMap((scheme) => [EXTERNAL_ID_SCHEMES[scheme].property, EXTERNAL_ID_SCHEMES[scheme].sourceProperty]);
