import { edgeCounts } from './as-of-cypher';

// The roll-up rule, one place for every statement that rolls companies up to their parents (exposure, backers of
// competitors, two-sided backers through the catalog's `{{> group-members c m}}` and `{{> top-parent c top}}`; totals
// through these functions): a company's group is itself and the companies below it along ownership chains of at most
// MAX_OWNERSHIP_LINKS links, each link counting in the scope (`edge-counts`: known by the date, not ended, confident
// enough); its top-level parent is the far end of its longest such chain up, itself when it has none. With $rollUp
// false every company is its own group and its own top. Params: $rollUp and the scope's.

/** The longest ownership chain a roll-up follows. */
export const MAX_OWNERSHIP_LINKS = 5;

/** A MATCH binding `member` to each company of `company`'s group (`company` itself among them). */
export function groupMembers(company: string, member: string): string {
  return [
    `MATCH (${member}:Company)-[links:SUBSIDIARY_OF*0..${MAX_OWNERSHIP_LINKS}]->(${company})`,
    `WHERE ($rollUp OR size(links) = 0)`,
    `  AND all(l IN links WHERE ${edgeCounts('l')})`,
  ].join('\n');
}

/** A CALL binding `top` to `company`'s top-level parent as of the scope (`company` itself when it has none). */
export function topParent(company: string, top: string): string {
  return [
    `CALL (${company}) {`,
    `  MATCH up = (${company})-[links:SUBSIDIARY_OF*0..${MAX_OWNERSHIP_LINKS}]->(${top}:Company)`,
    `  WHERE ($rollUp OR size(links) = 0)`,
    `    AND all(l IN links WHERE ${edgeCounts('l')})`,
    `  RETURN ${top}`,
    '  ORDER BY length(up) DESC',
    '  LIMIT 1',
    '}',
  ].join('\n');
}
