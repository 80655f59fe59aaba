import type { FactDefinition, PartySpec } from '../../facts/fact-definition';
import { RETIRED_FACT_PROPERTIES } from '../../facts/fact-record';
import type { CypherCatalog } from '../cypher-catalog';
import { copyOntoEdge, refreshPair } from './derived-edges';
import { factProjection, identifier, partyCompanies, partyPattern } from './cypher-text';
import { rankedCompanies, refreshRankingsOf } from './ranking-upkeep';
import { appendChanges, factChange, factImage, imageCompanies, linkChanges, linkedBy } from '../changes/change-log-cypher';

// A write is one statement in one transaction: it checks what the fact refers to, writes the fact, its parties,
// citations, links and the derived company-to-company relationship, checks the type's rules on the result, and
// returns what it wrote with every problem found. The repository throws on any problem, which rolls the whole
// transaction back, so a refused write leaves nothing behind. A write that went through appends its changes to the
// change log in the same statement: the fact's image before and after, and each source it created.

const indent = (text: string, by = '  ') => text.split('\n').map((line) => (line ? by + line : line)).join('\n');

/** The parties' companies bound to their role names, for the derived relationship (a pair sorted by id). */
function bindParties(definition: FactDefinition, fact: string): string {
  return definition.parties
    .map((party) => {
      if (party.pair) return `MATCH (${party.role}A:Company)-[:${identifier(party.rel)}]->(${fact})<-[:${identifier(party.rel)}]-(${party.role}B:Company)\nWHERE ${party.role}A.id < ${party.role}B.id`;
      return `MATCH ${partyPattern(party, fact, identifier(party.role))}`;
    })
    .join('\n');
}

/** The variable of a derived edge's end: a role, or the first / second company of a pair. */
function endOf(definition: FactDefinition, role: string, which: 'A' | 'B'): string {
  const party = definition.parties.find((p) => p.role === role) as PartySpec;
  return party.pair ? `${role}${which}` : identifier(role);
}

/** Derived relationship upkeep after the fact `f` was written. */
function refreshAfterWrite(definition: FactDefinition): string {
  const { derived } = definition;
  if (!derived) return '';
  const a = endOf(definition, derived.from, 'A');
  const b = endOf(definition, derived.to, 'B');
  if (derived.grouping === 'perPair') {
    return `CALL (f) {\n${indent(bindParties(definition, 'f'))}\n  WITH ${a} AS a, ${b} AS b\n${indent(refreshPair(definition))}\n}`;
  }
  return `CALL (f) {
  OPTIONAL MATCH ()-[old:${identifier(derived.type)} {id: f.id}]->()
  DELETE old
}
CALL (f) {
${indent(bindParties(definition, 'f'))}
  CREATE (${a})-[e:${identifier(derived.type)} {id: f.id}]->(${b})
  ${copyOntoEdge(definition)}
}`;
}

/** Stored rankings upkeep after the fact `f` was written: its ranked companies' rankings of this type, recomputed. */
function rankingsAfterWrite(definition: FactDefinition): string {
  const companies = rankedCompanies(definition, 'f');
  return companies ? refreshRankingsOf(companies, ['f'], definition) : '';
}

/** A subquery returning, as `out`, the ids in `list` that no `label` node holds (one row). */
function missingIds(list: string, label: string, out: string): string {
  return `CALL () {
  UNWIND ${list} AS wanted
  OPTIONAL MATCH (n:${label} {id: wanted})
  WITH wanted, n WHERE n IS NULL
  RETURN collect(DISTINCT wanted) AS ${out}
}`;
}

/** Subqueries binding what a write refers to but cannot find; each returns one row. */
function referenceChecks(definition: FactDefinition): string {
  const links = (definition.links ?? []).map((link, i) =>
    missingIds(`[x IN [$links.${identifier(link.idField)}] WHERE x IS NOT NULL]`, identifier(link.target), `missingLink${i}`),
  );
  return [
    missingIds('$companyIds', 'Company', 'missingCompanies'),
    missingIds('$sourceIds', 'Source', 'missingSources'),
    `CALL () {
  UNWIND $newSources AS source
  OPTIONAL MATCH (s:Source {url: source.url})
  WITH source, s WHERE s IS NOT NULL AND source.givenId IS NOT NULL AND s.id <> source.givenId
  RETURN collect({field: source.field, holder: s.id}) AS takenUrls
}`,
    ...links,
    `CALL () {
  UNWIND $newSources AS source
  OPTIONAL MATCH (s:Source {url: source.url})
  WITH source, s WHERE s IS NULL
  RETURN collect(DISTINCT source.url) AS createdUrls
}`,
  ].join('\n');
}

function checkColumns(definition: FactDefinition): string[] {
  return ['missingCompanies', 'missingSources', 'takenUrls', ...(definition.links ?? []).map((_, i) => `missingLink${i}`)];
}

/** Every check list empty. */
function allClear(definition: FactDefinition): string {
  return checkColumns(definition)
    .map((column) => `size(${column}) = 0`)
    .join(' AND ');
}

/** Cites exactly the given sources: inline ones are created (an existing url is reused as it is), then linked. */
const citeSources = `CALL (f) {
  OPTIONAL MATCH (f)-[old:CITES]->()
  DELETE old
}
CALL (f) {
  UNWIND $newSources AS source
  MERGE (s:Source {url: source.url})
  ON CREATE SET s += source.props, s.createdAt = datetime(), s.updatedAt = datetime()
  MERGE (f)-[:CITES]->(s)
}
CALL (f) {
  UNWIND $sourceIds AS sourceId
  MATCH (s:Source {id: sourceId})
  MERGE (f)-[:CITES]->(s)
}`;

function writeLinks(definition: FactDefinition): string {
  return (definition.links ?? [])
    .map(
      (link) => `CALL (f) {
  WITH f WHERE $replaceLinks.${identifier(link.idField)}
  OPTIONAL MATCH (f)-[old:${identifier(link.rel)}]->()
  DELETE old
}
CALL (f) {
  MATCH (t:${identifier(link.target)} {id: $links.${identifier(link.idField)}})
  MERGE (f)-[:${identifier(link.rel)}]->(t)
}`,
    )
    .join('\n');
}

function writeParties(definition: FactDefinition): string {
  return definition.parties
    .map((party) => {
      const rel = `[:${identifier(party.rel)}]`;
      const merge = party.direction === 'toFact' ? `MERGE (c)-${rel}->(f)` : `MERGE (f)-${rel}->(c)`;
      const companies = party.pair || party.many ? `UNWIND $parties.${identifier(party.role)} AS companyId` : `WITH f, $parties.${identifier(party.role)} AS companyId`;
      return `CALL (f) {\n  ${companies}\n  MATCH (c:Company {id: companyId})\n  ${merge}\n}`;
    })
    .join('\n');
}

/** An update's new list for a role of any number of companies (lead investors), when given: replaces the old one. */
function replaceManyParties(definition: FactDefinition): string {
  return definition.parties
    .filter((party) => party.many)
    .map((party) => {
      const role = identifier(party.role);
      const rel = `[:${identifier(party.rel)}]`;
      const old = party.direction === 'toFact' ? `(:Company)-[old:${identifier(party.rel)}]->(f)` : `(f)-[old:${identifier(party.rel)}]->(:Company)`;
      const merge = party.direction === 'toFact' ? `MERGE (c)-${rel}->(f)` : `MERGE (f)-${rel}->(c)`;
      return `CALL (f) {
  WITH f WHERE $parties.${role} IS NOT NULL
  OPTIONAL MATCH ${old}
  DELETE old
}
CALL (f) {
  UNWIND coalesce($parties.${role}, []) AS companyId
  MATCH (c:Company {id: companyId})
  ${merge}
}`;
    })
    .join('\n');
}

/**
 * The type's rules, run on the written fact: each a catalog fragment (cypher/facts/fragments/rule-<name>) returning
 * `problem`, null when the rule holds.
 */
function rules(definition: FactDefinition, catalog: CypherCatalog): { text: string; columns: string[] } {
  const names = definition.rules ?? [];
  const text = names
    .map((name, i) => `OPTIONAL CALL (f) {\n  WITH f WHERE f IS NOT NULL\n  CALL (f) {\n${indent(catalog.get(`facts/fragments/rule-${name}`), '    ')}\n  }\n  RETURN problem AS rule${i}\n}`)
    .join('\n');
  return { text, columns: names.map((_, i) => `rule${i}`) };
}

/**
 * What every write returns: the problems (empty lists, nulls) and the fact as written, with its parties. A write
 * that went through (the fact is there, no problem) first logs its changes: each source it created, then the fact
 * (`beforeImage` is the fact's image before the write, null for a new one).
 */
function answer(definition: FactDefinition, extraColumns: string[], ruleColumns: string[]): string {
  const problems = ruleColumns.length > 0 ? `[p IN [${ruleColumns.join(', ')}] WHERE p IS NOT NULL]` : '[]';
  const sourceChanges = `COLLECT { MATCH (s:Source) WHERE s.url IN createdUrls RETURN {entityType: 'Source', entityId: s.id, before: null, after: properties(s), companyIds: []} AS created ORDER BY s.id }`;
  return `WITH *, ${problems} AS problems
WITH *, CASE WHEN f IS NULL OR size(problems) > 0 THEN [] ELSE ${sourceChanges} + [${factChange(definition, 'f.id', 'beforeImage', factImage(definition, 'f'))}] END AS changes
${appendChanges('changes')}
RETURN ${[...checkColumns(definition), ...extraColumns].join(', ')}, problems,
       CASE WHEN f IS NULL THEN null ELSE ${factProjection(definition, 'f')} END AS fact,
       CASE WHEN f IS NULL THEN [] ELSE ${partyCompanies(definition, 'f')} END AS companies`;
}

/** The parties of an existing fact as `{role: id, ...}` (a pair as its ids). */
function existingParties(definition: FactDefinition, fact: string): string {
  return `{${definition.parties
    .map((party) => {
      const ids = `[${partyPattern(party, fact, 'p')} | p.id]`;
      return `${identifier(party.role)}: ${party.pair || party.many ? ids : `head(${ids})`}`;
    })
    .join(', ')}}`;
}

/** The existing fact's parties are the ones given (a pair in any order). */
function sameParties(definition: FactDefinition): string {
  return definition.parties
    .map((party) => {
      const role = identifier(party.role);
      return party.pair || party.many
        ? `(size(existing.parties.${role}) = size($parties.${role}) AND all(id IN existing.parties.${role} WHERE id IN $parties.${role}))`
        : `existing.parties.${role} = $parties.${role}`;
    })
    .join(' AND ');
}

/**
 * Records a fact by id (creating it, or overwriting it with the same parties: idempotent). Params: $id, $parties,
 * $companyIds, $props, $sourceIds, $newSources, $links. Returns the checks (missing companies, sources and links,
 * urls taken by another source id), existing ({type, parties} when the id was recorded before), problems (rules),
 * fact and companies.
 */
export function recordStatement(definition: FactDefinition, catalog: CypherCatalog): string {
  const label = identifier(definition.name);
  const rule = rules(definition, catalog);
  return `// Records a ${label} (generated from its definition). Params: $id, $parties, $companyIds, $props, $sourceIds, $newSources, $links.
${referenceChecks(definition)}
CALL () {
  OPTIONAL MATCH (f:Fact {id: $id})
  RETURN CASE WHEN f IS NULL THEN null ELSE {type: [l IN labels(f) WHERE l <> 'Fact'][0], parties: ${existingParties(definition, 'f')}} END AS existing,
         CASE WHEN f IS NULL THEN null ELSE ${factImage(definition, 'f')} END AS beforeImage
}
WITH *, ${allClear(definition)} AND (existing IS NULL OR (existing.type = '${label}' AND ${sameParties(definition)})) AS ok
OPTIONAL CALL (ok) {
  WITH ok
  WHERE ok
  MERGE (f:Fact {id: $id})
  ON CREATE SET f:${label}, f.createdAt = datetime()
  WITH f, properties(f) AS before
  SET f += $props
  SET f.updatedAt = CASE WHEN properties(f) = before AND before.updatedAt IS NOT NULL THEN before.updatedAt ELSE datetime() END
  WITH f
${indent(writeParties(definition))}
${indent(citeSources)}
${indent(writeLinks(definition))}
${indent(refreshAfterWrite(definition))}
${indent(rankingsAfterWrite(definition))}
  RETURN f
}
${rule.text}
${answer(definition, ['existing'], rule.columns)}`;
}

/**
 * Changes some fields of a fact; citations are replaced when $replaceCitations, links when given, the
 * companies of a many-company role when given. Params: $id, $changes, $parties, $companyIds, $sourceIds, $newSources, $links, $replaceCitations, $replaceLinks. Returns found and
 * the same columns as a record.
 */
export function updateStatement(definition: FactDefinition, catalog: CypherCatalog): string {
  const label = identifier(definition.name);
  const rule = rules(definition, catalog);
  return `// Updates a ${label} (generated from its definition). Params: $id, $changes, $parties, $companyIds, $sourceIds, $newSources, $links, $replaceCitations, $replaceLinks.
${referenceChecks(definition)}
OPTIONAL MATCH (target:Fact {id: $id})
WHERE target:${label}
WITH *, target IS NOT NULL AS found, CASE WHEN target IS NULL THEN null ELSE ${factImage(definition, 'target')} END AS beforeImage
WITH *, found AND ${allClear(definition)} AS ok
OPTIONAL CALL (ok, target) {
  WITH target AS f, ok
  WHERE ok
  SET f += $changes, f.updatedAt = datetime()
  WITH f
  CALL (f) {
    WITH f WHERE $replaceCitations
${indent(citeSources, '    ')}
  }
${indent(replaceManyParties(definition))}
${indent(writeLinks(definition))}
${indent(refreshAfterWrite(definition))}
${indent(rankingsAfterWrite(definition))}
  RETURN f
}
${rule.text}
${answer(definition, ['found'], rule.columns)}`;
}

/** Removes a fact (its sources stay), keeps the derived relationship in step and logs the removal with the fact's
 * whole image, after the facts that lose their link to it (logged first, so a revert puts the fact back before
 * their links). Params: $id, $change. Returns: removed. */
export function removeStatement(definition: FactDefinition): string {
  const label = identifier(definition.name);
  const { derived } = definition;
  const ranked = rankedCompanies(definition, 'f');
  const head = `MATCH (f:Fact {id: $id})
WHERE f:${label}
WITH f, ${factImage(definition, 'f')} AS beforeImage, ${linkedBy('[f]', [definition.name])} AS linkedBy, ${ranked ?? '[]'} AS ranked`;
  // The companies whose rankings the fact counted in, read before it goes and refreshed after.
  const log = `${ranked ? `${refreshRankingsOf('ranked', ['ranked'], definition)}\n` : ''}WITH ${linkChanges('linkedBy', [definition.name])} + [${factChange(definition, '$id', 'beforeImage', 'null')}] AS changes
${appendChanges('changes')}
RETURN 1 AS removed`;
  if (!derived) {
    return `// Removes a ${label} (generated). Params: $id, $change. Returns: removed.
${head}
DETACH DELETE f
WITH beforeImage, linkedBy, ranked
${log}`;
  }
  if (derived.grouping === 'perFact') {
    return `// Removes a ${label} with its derived ${derived.type} relationship (generated). Params: $id, $change. Returns: removed.
${head}
OPTIONAL MATCH ()-[e:${identifier(derived.type)} {id: $id}]->()
DELETE e
DETACH DELETE f
WITH DISTINCT beforeImage, linkedBy, ranked
${log}`;
  }
  return `// Removes a ${label} and refreshes the derived ${derived.type} relationship of its pair (generated). Params: $id,
// $change. Returns: removed.
${head}
${bindParties(definition, 'f')}
WITH f, beforeImage, linkedBy, ranked, ${endOf(definition, derived.from, 'A')} AS a, ${endOf(definition, derived.to, 'B')} AS b
DETACH DELETE f
WITH a, b, beforeImage, linkedBy, ranked
${refreshPair(definition)}
${log}`;
}

/**
 * Puts a fact back as a change image holds it (the `side` image, BEFORE or AFTER, of change $seq): its input
 * properties and clock exactly as they were with $derived (what derives from them, which images leave out), its
 * parties, citations and links, its derived relationship; logged as a change like any write. Params: $seq, $side,
 * $derived, $change. Returns: found (the image exists), missingCompanies, missingSources (what the image names that
 * is gone: nothing is written then), written.
 */
export function restoreStatement(definition: FactDefinition): string {
  const label = identifier(definition.name);
  const keysOutsideNode = [...definition.parties.map((party) => party.idField), ...(definition.links ?? []).map((link) => link.idField), 'sourceIds', ...RETIRED_FACT_PROPERTIES].map(identifier);
  const parties = definition.parties
    .map((party) => {
      const rel = `[:${identifier(party.rel)}]`;
      const merge = party.direction === 'toFact' ? `MERGE (c)-${rel}->(f)` : `MERGE (f)-${rel}->(c)`;
      const ids = party.pair || party.many ? `coalesce(image.${identifier(party.idField)}, [])` : `[image.${identifier(party.idField)}]`;
      return `CALL (f, image) {\n  UNWIND ${ids} AS companyId\n  MATCH (c:Company {id: companyId})\n  ${merge}\n}`;
    })
    .join('\n');
  const links = (definition.links ?? [])
    .map((link) => `CALL (f) {\n  OPTIONAL MATCH (f)-[old:${identifier(link.rel)}]->()\n  DELETE old\n}\nCALL (f, image) {\n  MATCH (t:${identifier(link.target)} {id: image.${identifier(link.idField)}})\n  MERGE (f)-[:${identifier(link.rel)}]->(t)\n}`)
    .join('\n');
  return `// Restores a ${label} from a change image (generated from its definition). Params: $seq, $side, $derived, $change.
MATCH (:Change {seq: $seq})-[side]->(img:ChangeImage)
WHERE type(side) = $side
WITH properties(img) AS image
CALL (image) {
  UNWIND ${imageCompaniesOf(definition)} AS wanted
  OPTIONAL MATCH (n:Company {id: wanted})
  WITH wanted, n WHERE n IS NULL
  RETURN collect(DISTINCT wanted) AS missingCompanies
}
CALL (image) {
  UNWIND coalesce(image.sourceIds, []) AS wanted
  OPTIONAL MATCH (n:Source {id: wanted})
  WITH wanted, n WHERE n IS NULL
  RETURN collect(DISTINCT wanted) AS missingSources
}
CALL (image) {
  OPTIONAL MATCH (f:Fact {id: image.id})
  RETURN CASE WHEN f IS NULL THEN null ELSE ${factImage(definition, 'f')} END AS beforeImage
}
OPTIONAL CALL (image, missingCompanies, missingSources) {
  WITH image WHERE size(missingCompanies) = 0 AND size(missingSources) = 0
  MERGE (f:Fact {id: image.id})
  ON CREATE SET f:${label}
  SET f = image
  SET f += $derived
  REMOVE ${keysOutsideNode.map((key) => `f.${key}`).join(', ')}
  WITH f, image
  CALL (f) {
    OPTIONAL MATCH (f)-[old:${[...new Set(definition.parties.map((party) => identifier(party.rel)))].join('|')}]-(:Company)
    DELETE old
  }
${indent(parties)}
  CALL (f) {
    OPTIONAL MATCH (f)-[old:CITES]->()
    DELETE old
  }
  CALL (f, image) {
    UNWIND coalesce(image.sourceIds, []) AS sourceId
    MATCH (s:Source {id: sourceId})
    MERGE (f)-[:CITES]->(s)
  }
${indent(links)}
${indent(refreshAfterWrite(definition))}
${indent(rankingsAfterWrite(definition))}
  RETURN f
}
WITH *, CASE WHEN f IS NULL THEN [] ELSE [${factChange(definition, 'f.id', 'beforeImage', factImage(definition, 'f'))}] END AS changes
${appendChanges('changes')}
RETURN true AS found, missingCompanies, missingSources, f IS NOT NULL AS written`;
}

function imageCompaniesOf(definition: FactDefinition): string {
  return imageCompanies(definition, 'image');
}
