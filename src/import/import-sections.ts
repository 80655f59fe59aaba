import { storedCompanyProps } from '../company/company.repository';
import { sourceIdFor, sourceRow } from '../domain/source';
import type { FactDefinition } from '../facts/fact-definition';
import { partiesParam, partyIds, storedProps } from '../facts/fact-record';
import { citedSourceIds } from '../facts/fact-lifecycle';
import { FACTS } from '../facts/registry';
import type { CypherCatalog } from '../neo4j/cypher-catalog';
import { rankedParties } from '../neo4j/facts/ranking-upkeep';
import { importClashStatement, importMergeStatement, importRefreshStatement, importRulesStatement } from '../neo4j/facts/import-statements';
import { date } from '../neo4j/params';
import type { SectionName } from '../seed/dataset';
import type { DatasetInputs } from '../seed/to-inputs';

/** One record ready for a batched write: the same stored properties the API's writes store. */
export interface ImportRow {
  readonly id: string;
  readonly [key: string]: unknown;
}

/** How one section of a dataset is written, batch by batch, and what the pre-flight checks for it. */
export interface ImportSection {
  readonly name: SectionName;
  /** The fact type of a fact section. */
  readonly definition?: FactDefinition;
  readonly rows: ImportRow[];
  /** The batched MERGE; takes `$rows` (or `$sources`) and returns `written` (sources: one row each). */
  readonly merge: string;
  readonly params: (batch: ImportRow[]) => Record<string, unknown>;
  /** Re-derives the per-pair company-to-company relationships of the batch's pairs, in the same transaction. */
  readonly refresh?: { readonly statement: string; readonly params: (batch: ImportRow[]) => Record<string, unknown> };
  /** The type's rules over the batch's facts, after writing them in the same transaction ($ids). */
  readonly rules?: string;
  /** Pre-flight: rows whose id is already recorded as another type or between other companies ($rows). */
  readonly clashes?: string;
}

/** Dates of a fact's stored properties as Neo4j DATEs. */
function withDates(definition: FactDefinition, props: Record<string, unknown>): Record<string, unknown> {
  const out = { ...props };
  for (const field of definition.fields) if (field.kind === 'date' && typeof out[field.name] === 'string') out[field.name] = date(out[field.name] as string);
  return out;
}

/** A fact input as an import row: id (given or derived as the API derives it), parties, stored properties, citations. */
function factRow(definition: FactDefinition, input: Record<string, unknown>): ImportRow {
  const parties = partyIds(definition, input);
  return {
    id: (input.id as string | undefined) ?? definition.deriveId(parties, input),
    parties: partiesParam(definition, input),
    props: withDates(definition, storedProps(definition, input, 'record')),
    sourceIds: citedSourceIds(input, (input.sourceIds as string[] | undefined) ?? []),
    links: Object.fromEntries((definition.links ?? []).map((link) => [link.idField, input[link.idField] ?? null])),
  };
}

/** The company-pair of a row in its derived relationship's direction. */
function derivedPair(definition: FactDefinition, row: ImportRow): [string, string] {
  const parties = row.parties as Record<string, string | string[]>;
  const derived = definition.derived as NonNullable<FactDefinition['derived']>;
  return [parties[derived.from] as string, parties[derived.to] as string];
}

/** The sections of a dataset in dependency order (sources and companies before the facts that cite them). */
export function importSections(inputs: DatasetInputs, catalog: CypherCatalog): ImportSection[] {
  const facts = FACTS.map((definition): ImportSection => {
    const refresh = importRefreshStatement(definition);
    return {
      name: definition.section as SectionName,
      definition,
      rows: (inputs.facts[definition.name] ?? []).map((input) => factRow(definition, input as Record<string, unknown>)),
      merge: importMergeStatement(definition),
      params: (batch) => ({ rows: batch }),
      refresh: refresh
        ? { statement: refresh, params: (batch) => ({ pairs: [...new Map(batch.map((row) => derivedPair(definition, row)).map((pair) => [pair.join('|'), pair])).values()] }) }
        : undefined,
      rules: importRulesStatement(definition, (name) => catalog.get(`facts/fragments/rule-${name}`)),
      clashes: importClashStatement(definition),
    };
  });
  return [
    {
      name: 'sources',
      rows: inputs.sources.map((s) => sourceRow(s, s.id ?? sourceIdFor(s.url)) as ImportRow),
      merge: catalog.get('import/merge-sources'),
      params: (batch) => ({ sources: batch }),
    },
    {
      name: 'companies',
      rows: inputs.companies.map((c) => ({ id: c.id as string, props: storedCompanyProps({ aliases: [], ...c }) })),
      merge: catalog.get('import/merge-companies'),
      params: (batch) => ({ rows: batch }),
    },
    ...facts,
  ];
}

/** The companies in a role some ranking reads, of every fact of the dataset. */
export function rankedCompanyIds(sections: readonly ImportSection[]): string[] {
  const ids = new Set<string>();
  for (const section of sections) {
    const parties = section.definition ? rankedParties(section.definition) : [];
    for (const row of parties.length > 0 ? section.rows : []) {
      for (const party of parties) for (const id of [(row.parties as Record<string, string | string[]>)[party.role] ?? []].flat()) ids.add(id);
    }
  }
  return [...ids];
}
