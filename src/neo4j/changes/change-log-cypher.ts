import type { FactDefinition } from '../../facts/fact-definition';
import { inputProperties } from '../../facts/fact-record';
import { FACTS } from '../../facts/registry';
import { identifier, partyPattern } from '../facts/cypher-text';

// The change log's Cypher side. Every write statement ends with `appendChanges`, so a change commits or rolls back
// with the write it describes (an outbox in the same transaction) and costs no extra round trip.

/** Labels every change-log node carries besides its own: the graph's facts, exports and counts leave `Meta` out. */
export const META_LABEL = 'Meta';

/** Properties an image comparison ignores: a write that changes nothing but the clock records no change. */
const CLOCK_PROPERTIES = ['updatedAt'];

/** What a fact stores besides its input: its id and clock, then what derives from the input (LIFECYCLE_PROPERTIES). */
const IMAGE_BOOKKEEPING = ['id', 'createdAt', 'updatedAt'];

/**
 * A fact as a change image: its id, clock and input properties, its parties' ids under their input fields, its
 * links' ids and the ids of the sources it cites (a superset of what `toFactRecord` reads). Not the properties derived
 * from the input (the timeline's arrays and the confidence rank): a restore derives them again
 * (`ChangeReverter`), and leaving them out halved what a change stores and what a page of the log reads.
 */
export function factImage(definition: FactDefinition, fact: string): string {
  const parts = [
    ...[...IMAGE_BOOKKEEPING, ...inputProperties(definition)].map((property) => `.${identifier(property)}`),
    // Lists sorted: a write that re-links the same parties and sources must give the same image.
    ...definition.parties.map((party) => {
      const ids = `COLLECT { MATCH ${partyPattern(party, fact, 'p')} RETURN p.id ORDER BY p.id }`;
      return `${identifier(party.idField)}: ${party.pair || party.many ? ids : `head(${ids})`}`;
    }),
    ...(definition.links ?? []).map((link) => `${identifier(link.idField)}: head([(${fact})-[:${identifier(link.rel)}]->(t:${identifier(link.target)}) | t.id])`),
    `sourceIds: COLLECT { MATCH (${fact})-[:CITES]->(s:Source) RETURN s.id ORDER BY s.id }`,
  ];
  return `${identifier(fact)} {${parts.join(', ')}}`;
}

/** The company ids an image of this fact type names (its parties), as a Cypher list expression. */
export function imageCompanies(definition: FactDefinition, image: string): string {
  const ids = definition.parties.map((party) => (party.pair || party.many ? `coalesce(${image}.${identifier(party.idField)}, [])` : `[${image}.${identifier(party.idField)}]`));
  return `[x IN ${ids.join(' + ')} WHERE x IS NOT NULL]`;
}

/**
 * One change entry for a fact written or removed: `{entityType, entityId, before, after, companyIds}`, the images
 * given as Cypher expressions (null for none). Each image is evaluated once and bound (a one-item list
 * comprehension) before the entry uses it twice: written out where it was used, an after image's four COLLECT
 * subqueries ran and were planned three times, which made planning a record statement take seconds.
 */
export function factChange(definition: FactDefinition, id: string, before: string, after: string): string {
  const companies = `${imageCompanies(definition, 'coalesce(changeBefore, {})')} + ${imageCompanies(definition, 'coalesce(changeAfter, {})')}`;
  const entry = `{entityType: '${identifier(definition.name)}', entityId: ${id}, before: changeBefore, after: changeAfter, companyIds: ${companies}}`;
  return `head([changeBefore IN [${before}] | head([changeAfter IN [${after}] | ${entry}])])`;
}

/** The fact types holding a link to a fact of one of `targets` (null: of any type), with the links' types. */
function linkHolders(targets: readonly string[] | null): { holders: FactDefinition[]; rels: string[] } {
  const holders = FACTS.filter((definition) => (definition.links ?? []).some((link) => targets === null || targets.includes(link.target)));
  const rels = holders.flatMap((definition) => (definition.links ?? []).filter((link) => targets === null || targets.includes(link.target)).map((link) => identifier(link.rel)));
  return { holders, rels: [...new Set(rels)] };
}

/** A CASE over the fact types `holders`: for the fact `node`, the expression `of` gives for its type. */
function byType(holders: readonly FactDefinition[], node: string, of: (definition: FactDefinition) => string): string {
  return `CASE ${holders.map((definition) => `WHEN ${node}:${identifier(definition.name)} THEN ${of(definition)}`).join(' ')} END`;
}

/**
 * The facts outside the list `removed` that link to a fact in it (a compute deal's investment, an investment's
 * round), each as {node, before: its image}, read before the removal: removing a fact takes their link away, so they
 * change too and are logged with it (`linkChanges`), and a revert of the removal puts the link back. `targets`: the
 * types `removed` may hold (null: any).
 */
export function linkedBy(removed: string, targets: readonly string[] | null): string {
  const { holders, rels } = linkHolders(targets);
  if (holders.length === 0) return '[]';
  return `COLLECT { UNWIND ${removed} AS t MATCH (o:Fact)-[:${rels.join('|')}]->(t) WHERE NOT o IN ${removed} WITH DISTINCT o ORDER BY o.id RETURN {node: o, before: ${byType(holders, 'o', (definition) => factImage(definition, 'o'))}} }`;
}

/** The change entries of the facts `linkedBy` read, once the removal took their link (their after images). */
export function linkChanges(linked: string, targets: readonly string[] | null): string {
  const { holders } = linkHolders(targets);
  if (holders.length === 0) return '[]';
  return `COLLECT { UNWIND ${linked} AS x WITH x.node AS o, x.before AS before RETURN ${byType(holders, 'o', (definition) => factChange(definition, 'o.id', 'before', factImage(definition, 'o')))} }`;
}

/** Whether two images (maps, or null) differ in anything but the clock. */
function differs(before: string, after: string): string {
  const same = `all(k IN keys(${before}) + keys(${after}) WHERE k IN [${CLOCK_PROPERTIES.map((p) => `'${p}'`).join(', ')}] OR coalesce(${before}[k] = ${after}[k], ${before}[k] IS NULL AND ${after}[k] IS NULL))`;
  return `(${before} IS NULL) <> (${after} IS NULL) OR (${before} IS NOT NULL AND NOT ${same})`;
}

/**
 * Appends the entries of the list variable `list` that change something, in order, each with the next sequence
 * number. The head node is locked by the increment until the transaction ends, so numbers are given in commit order
 * and a rolled-back write gives its numbers back: the log has no gaps and never shows n+1 before n. One write's
 * entries share `group` (its first number), which a revert undoes together. A unit subquery: the outer rows pass
 * through unchanged, and a write that changes nothing takes no lock. Params: $change {actor, requestId, operation}.
 */
export function appendChanges(list: string): string {
  const x = 'entry';
  return `CALL (${identifier(list)}) {
  WITH [${x} IN ${list} WHERE ${x} IS NOT NULL AND (${differs(`${x}.before`, `${x}.after`)})] AS pending
  WHERE size(pending) > 0
  MERGE (head:ChangeLog:${META_LABEL} {id: 'head'})
  SET head.seq = coalesce(head.seq, 0) + size(pending)
  WITH head.seq - size(pending) AS base, pending
  UNWIND range(0, size(pending) - 1) AS i
  WITH base, base + i + 1 AS seq, pending[i] AS ${x}
  WITH base, seq, ${x}, reduce(seen = [], id IN coalesce(${x}.companyIds, []) | CASE WHEN id IS NULL OR id IN seen THEN seen ELSE seen + id END) AS touched
  CREATE (c:Change:${META_LABEL} {
    seq: seq, group: base + 1, at: datetime.transaction(),
    actor: $change.actor, requestId: $change.requestId, operation: $change.operation,
    entityType: ${x}.entityType, entityId: ${x}.entityId, entityIds: ${x}.entityIds,
    kind: coalesce(${x}.kind, CASE WHEN ${x}.before IS NULL THEN 'CREATED' WHEN ${x}.after IS NULL THEN 'REMOVED' ELSE 'UPDATED' END),
    companyIds: touched,
    revertible: coalesce(${x}.revertible, true)
  })
  FOREACH (image IN CASE WHEN ${x}.before IS NULL THEN [] ELSE [${x}.before] END | CREATE (c)-[:BEFORE]->(b:ChangeImage:${META_LABEL}) SET b = image)
  FOREACH (image IN CASE WHEN ${x}.after IS NULL THEN [] ELSE [${x}.after] END | CREATE (c)-[:AFTER]->(a:ChangeImage:${META_LABEL}) SET a = image)
  FOREACH (companyId IN touched | CREATE (:ChangeTouch:${META_LABEL} {companyId: companyId, seq: seq}))
}`;
}
