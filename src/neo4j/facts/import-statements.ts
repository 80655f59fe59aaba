import type { DerivedEdgeSpec, FactDefinition } from '../../facts/fact-definition';
import { identifier } from './cypher-text';
import { copyOntoEdge, refreshPair } from './derived-edges';

// Bulk-import statements derived from a fact definition: the batched form of a record (one transaction per batch),
// the refresh of the derived relationships of the batch's pairs, and the pre-flight clash check.

/** The parties' companies matched at the top, so a row whose company is missing drops out of `written`. */
function matchParties(definition: FactDefinition): { match: string[]; slots: { variable: string; rel: string; direction: 'toFact' | 'fromFact' }[] } {
  const match: string[] = [];
  const slots: { variable: string; rel: string; direction: 'toFact' | 'fromFact' }[] = [];
  definition.parties.forEach((party, p) => {
    if (party.many) return;
    const ids = party.pair ? [`row.parties.${identifier(party.role)}[0]`, `row.parties.${identifier(party.role)}[1]`] : [`row.parties.${identifier(party.role)}`];
    ids.forEach((id, i) => {
      const variable = `c${p}_${i}`;
      match.push(`MATCH (${variable}:Company {id: ${id}})`);
      slots.push({ variable, rel: identifier(party.rel), direction: party.direction });
    });
  });
  return { match, slots };
}

/**
 * Creates or overwrites a batch of facts by id with their parties, citations and links; a per-fact derived
 * relationship is written with its fact. Facts new in the batch get their relationships by CREATE: MERGE would look
 * for each among a busy company's relationships created earlier in the same transaction, which grows with the batch.
 * Params: $rows ({id, parties, props, sourceIds, links}). Returns: written (rows whose parties exist).
 */
export function importMergeStatement(definition: FactDefinition): string {
  const label = identifier(definition.name);
  const { match, slots } = matchParties(definition);
  const carried = ['f', 'row', 'created', ...slots.map((s) => s.variable)].join(', ');
  const edge = (s: (typeof slots)[number]) => (s.direction === 'toFact' ? `(${s.variable})-[:${s.rel}]->(f)` : `(f)-[:${s.rel}]->(${s.variable})`);
  const links = (definition.links ?? []).map(
    (link) => `CALL (f, row) {
  OPTIONAL MATCH (f)-[old:${identifier(link.rel)}]->()
  DELETE old
}
CALL (f, row) {
  MATCH (t:${identifier(link.target)} {id: row.links.${identifier(link.idField)}})
  MERGE (f)-[:${identifier(link.rel)}]->(t)
}`,
  );
  const derived = definition.derived?.grouping === 'perFact' ? perFactDerived(definition, slots.map((s) => s.variable)) : '';
  // Lists of companies (a round's leads) are linked after the fact: a row may name none.
  const lists = definition.parties
    .filter((party) => party.many)
    .map(
      (party) => `CALL (f, row) {
  UNWIND row.parties.${identifier(party.role)} AS companyId
  MATCH (c:Company {id: companyId})
  MERGE ${party.direction === 'toFact' ? `(c)-[:${identifier(party.rel)}]->(f)` : `(f)-[:${identifier(party.rel)}]->(c)`}
}`,
    );
  return `// Bulk import of ${label} facts (generated from the definition). Params: $rows. Returns: written.
UNWIND $rows AS row
${match.join('\n')}
MERGE (f:Fact {id: row.id})
ON CREATE SET f:${label}, f.createdAt = datetime()
WITH *, properties(f) AS before
SET f += row.props
SET f.updatedAt = CASE WHEN properties(f) = before AND before.updatedAt IS NOT NULL THEN before.updatedAt ELSE datetime() END
WITH ${slots.map((s) => s.variable).join(', ')}, f, row, before.updatedAt IS NULL AS created
CALL (${carried}) {
  WITH * WHERE created
  CREATE ${slots.map(edge).join(', ')}
  WITH f, row
  UNWIND row.sourceIds AS sourceId
  MATCH (s:Source {id: sourceId})
  CREATE (f)-[:CITES]->(s)
}
CALL (${carried}) {
  WITH * WHERE NOT created
${slots.map((s) => `  MERGE ${edge(s)}`).join('\n')}
  WITH f, row
  CALL (f, row) {
    MATCH (f)-[old:CITES]->(s:Source)
    WHERE NOT s.id IN row.sourceIds
    DELETE old
  }
  UNWIND row.sourceIds AS sourceId
  MATCH (s:Source {id: sourceId})
  MERGE (f)-[:CITES]->(s)
}
${lists.join('\n')}
${links.join('\n')}
${derived}
RETURN count(*) AS written`;
}

/** The per-fact derived relationship of an imported fact (its parties matched as c<party>_<slot>). */
function perFactDerived(definition: FactDefinition, variables: string[]): string {
  const derived = definition.derived as DerivedEdgeSpec;
  const index = (role: string) => definition.parties.findIndex((p) => p.role === role);
  const from = definition.parties[index(derived.from)];
  const fromVar = from?.pair ? `CASE WHEN c${index(derived.from)}_0.id < c${index(derived.from)}_1.id THEN c${index(derived.from)}_0 ELSE c${index(derived.from)}_1 END` : `c${index(derived.from)}_0`;
  const toVar = from?.pair ? `CASE WHEN c${index(derived.to)}_0.id < c${index(derived.to)}_1.id THEN c${index(derived.to)}_1 ELSE c${index(derived.to)}_0 END` : `c${index(derived.to)}_0`;
  return `CALL (f, ${variables.join(', ')}) {
  OPTIONAL MATCH ()-[old:${identifier(derived.type)} {id: f.id}]->()
  DELETE old
  WITH DISTINCT f, ${variables.join(', ')}
  WITH f, ${fromVar} AS a, ${toVar} AS b
  CREATE (a)-[e:${identifier(derived.type)} {id: f.id}]->(b)
  ${copyOntoEdge(definition)}
}`;
}

/**
 * Re-derives the per-pair relationship of each pair a batch touched, from all the facts between them.
 * Params: $pairs ([fromId, toId] in the derived relationship's direction). Returns: pairs.
 */
export function importRefreshStatement(definition: FactDefinition): string | undefined {
  const { derived } = definition;
  if (!derived || derived.grouping !== 'perPair') return undefined;
  return `// Refreshes the derived ${derived.type} relationship of each pair of a ${definition.name} import batch (generated).
// Params: $pairs. Returns: pairs.
UNWIND $pairs AS pair
MATCH (a:Company {id: pair[0]})
MATCH (b:Company {id: pair[1]})
${refreshPair(definition)}
RETURN count(*) AS pairs`;
}

/**
 * Pre-flight: rows whose id is already recorded as another type or between other companies. Params: $rows ({id,
 * parties}). Returns: id, existing (the recorded parties or type); at most 20.
 */
export function importClashStatement(definition: FactDefinition): string {
  const label = identifier(definition.name);
  const idsOf = (party: FactDefinition['parties'][number]) =>
    `[(f)${party.direction === 'toFact' ? `<-[:${identifier(party.rel)}]-` : `-[:${identifier(party.rel)}]->`}(p:Company) | p.id]`;
  const same = definition.parties
    .map((party) => (party.pair || party.many ? `all(id IN ${idsOf(party)} WHERE id IN row.parties.${identifier(party.role)})` : `head(${idsOf(party)}) = row.parties.${identifier(party.role)}`))
    .join(' AND ');
  // The recorded parties in the definition's role order, so the message reads "between amazon and anthropic".
  const recorded = definition.parties.map(idsOf).join(' + ');
  return `// Pre-flight of a ${label} import: ids recorded before as another type or between other companies (generated).
// Params: $rows. Returns: id, existing ("as a ComputeDeal" or "between a and b"); at most 20.
UNWIND $rows AS row
MATCH (f:Fact {id: row.id})
WITH f, row
WHERE NOT f:${label} OR NOT (${same})
WITH row, f, ${recorded} AS parties
// toString: the planner types a concatenation of pattern comprehensions loosely and refuses a bare + on its items.
RETURN row.id AS id,
  CASE WHEN f:${label} THEN 'between ' + reduce(s = '', id IN parties | s + CASE s WHEN '' THEN '' ELSE ' and ' END + toString(id))
  ELSE 'as a ' + [l IN labels(f) WHERE l <> 'Fact'][0] END AS existing
LIMIT 20`;
}

/** After a batch is written (same transaction): the type's rules over its facts. Params: $ids. Returns: problems. */
export function importRulesStatement(definition: FactDefinition, ruleFragment: (name: string) => string): string | undefined {
  const rules = definition.rules ?? [];
  if (rules.length === 0) return undefined;
  return `// After an import batch of ${definition.name} facts: the type's rules over each (generated). Params: $ids.
// Returns: problems (messages, at most 20).
UNWIND $ids AS id
MATCH (f:Fact {id: id})
${rules.map((name, i) => `CALL (f) {\n${ruleFragment(name)}\n}\nWITH f, ${rules.slice(0, i).map((_, j) => `rule${j}, `).join('')}problem AS rule${i}`).join('\n')}
WITH [p IN [${rules.map((_, i) => `rule${i}`).join(', ')}] WHERE p IS NOT NULL | p.message] AS found
UNWIND found AS message
RETURN collect(message)[..20] AS problems`;
}

