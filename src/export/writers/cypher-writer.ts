import { parsePartialDate } from '../../domain/partial-date';
import type { FactDefinition } from '../../facts/fact-definition';
import { FACTS } from '../../facts/registry';
import { importSections, rankedCompanyIds, type ImportSection } from '../../import/import-sections';
import type { CypherCatalog } from '../../neo4j/cypher-catalog';
import { factIndexStatements } from '../../neo4j/facts/fact-indexes';
import { rankingIndexStatements, refreshCompaniesStatement } from '../../neo4j/facts/ranking-upkeep';
import { splitStatements } from '../../neo4j/migrate';
import type { DatasetInputs } from '../../seed/to-inputs';
import { withLiterals } from '../formats/cypher-literal';
import type { DatasetRecord } from '../../facts/dataset-records';
import type { ExportItem, ExportSection, FormatWriter } from '../format-writer';
import { TextSink } from '../text-sink';

/**
 * Records per statement. Neo4j 5.26 parses and plans every literal statement afresh (no plan is reused: the literals
 * differ) and its cost grows faster than the number of literals: 10 fact rows load at about 17 facts/s, 100 at 25-45,
 * and 250 (about 500 KB of text) ran a 1 GB heap out of memory.
 */
const RECORDS_PER_STATEMENT = 100;

/** Schema statements replayed in migration order: a later migration may drop what an earlier one made. */
const SCHEMA_STATEMENT = /^(CREATE\s+(CONSTRAINT|(\w+\s+)?INDEX)|DROP\s+(CONSTRAINT|INDEX))\b/i;

/** The project's constraints and indexes (migration files and fact definitions), each a no-op where it exists. */
export function schemaStatements(catalog: CypherCatalog, definitions: readonly FactDefinition[] = FACTS): string[] {
  const fromMigrations = catalog
    .names()
    .filter((name) => name.startsWith('migrations/'))
    .flatMap((name) => splitStatements(catalog.get(name)))
    .filter((statement) => SCHEMA_STATEMENT.test(statement));
  return [...fromMigrations, ...definitions.flatMap(factIndexStatements), ...rankingIndexStatements()];
}

/** A dataset record as the mutation input the import builds its rows from (dates parsed; the export's records are valid). */
function asInput(record: DatasetRecord, dates: readonly string[], events: readonly string[]): Record<string, unknown> {
  const input: Record<string, unknown> = { ...record };
  for (const field of dates) if (typeof input[field] === 'string') input[field] = parsePartialDate(input[field]);
  for (const field of events) {
    input[field] = ((input[field] as Record<string, unknown>[] | undefined) ?? []).map((event) => ({
      ...event,
      on: parsePartialDate(event.on),
      deadline: typeof event.deadline === 'string' ? parsePartialDate(event.deadline) : null,
    }));
  }
  return input;
}

/** The records of one section as the bulk import's inputs (the other sections empty). */
function inputsOf(section: ExportSection, records: readonly DatasetRecord[]): DatasetInputs {
  const inputs: DatasetInputs = { sources: [], companies: [], facts: {} };
  if (section.name === 'sources') inputs.sources = records.map((r) => asInput(r, ['publishedOn'], [])) as unknown as DatasetInputs['sources'];
  else if (section.name === 'companies') inputs.companies = records.map((r) => ({ aliases: [], ...r, founded: r.founded ? Number(r.founded) : null })) as unknown as DatasetInputs['companies'];
  else if (section.definition) {
    const { definition } = section;
    const dates = definition.fields.filter((f) => f.kind === 'date').map((f) => f.name);
    const events = definition.fields.filter((f) => f.kind === 'events').map((f) => f.name);
    inputs.facts[definition.name] = records.map((r) => asInput(r, dates, events));
  }
  return inputs;
}

/**
 * A Cypher script that recreates the graph in an empty Neo4j 5.26 database with `cypher-shell -f`: the project's
 * constraints and indexes, then the bulk import's own statements (the same MERGEs and derived-relationship refreshes
 * `npm run import` runs) with each batch's rows written in as literals, one statement per batch ending with `;`.
 * The result is what importing the JSON export gives: the same nodes, relationships and properties (write timestamps
 * are those of the load). Loading is slow at scale (every statement is planned anew, see RECORDS_PER_STATEMENT): for
 * a large graph the JSON export and `npm run import` are the fast way.
 */
export class CypherWriter implements FormatWriter {
  private readonly sink: TextSink;
  private started = false;
  private readonly ranked = new Set<string>();

  constructor(
    out: string,
    private readonly catalog: CypherCatalog,
    private readonly title: string,
  ) {
    this.sink = TextSink.open(out);
  }

  private async statement(text: string): Promise<void> {
    // Scripts are split at a ';' that ends a line; literals hold no raw line break, so none ends one inside a statement.
    if (/;\s*$/m.test(text)) throw new Error('a generated statement has a line ending in ";"');
    await this.sink.write(`${text};\n`);
  }

  async begin(section: ExportSection): Promise<void> {
    if (!this.started) {
      this.started = true;
      await this.sink.write(
        `// ${this.title}\n// Recreates the graph in an empty Neo4j 5.26 database: cypher-shell -a bolt://HOST:7687 -u neo4j -p PASSWORD -f FILE\n` +
          '// Each statement commits on its own; every one is idempotent (MERGE by id), so an interrupted load can be run again.\n' +
          "// The project's constraints and indexes first (no-ops where they exist): the MERGEs below look records up by id.\n",
      );
      for (const statement of schemaStatements(this.catalog)) await this.statement(statement);
      await this.statement('CALL db.awaitIndexes(300)');
    }
    await this.sink.write(`// ${section.name}\n`);
  }

  async write(section: ExportSection, items: readonly ExportItem[]): Promise<void> {
    for (let start = 0; start < items.length; start += RECORDS_PER_STATEMENT) {
      const records = items.slice(start, start + RECORDS_PER_STATEMENT).map((item) => item.record);
      const built = importSections(inputsOf(section, records), this.catalog).find((s) => s.name === section.name) as ImportSection;
      await this.statement(withLiterals(built.merge, built.params(built.rows)));
      if (built.refresh) await this.statement(withLiterals(built.refresh.statement, built.refresh.params(built.rows)));
      for (const id of rankedCompanyIds([built])) this.ranked.add(id);
    }
  }

  async end(): Promise<void> {}

  /** Last, as the import does after its last batch: the stored rankings of the companies the facts name. */
  async close(): Promise<void> {
    if (this.ranked.size > 0) {
      await this.sink.write('// the stored company rankings (src/neo4j/facts/ranking-upkeep.ts), as the import recomputes them last\n');
      const ids = [...this.ranked].sort();
      for (let start = 0; start < ids.length; start += RECORDS_PER_STATEMENT) await this.statement(withLiterals(refreshCompaniesStatement(), { ids: ids.slice(start, start + RECORDS_PER_STATEMENT) }));
    }
    await this.sink.close();
  }

  abort(): void {
    this.sink.abort();
  }
}
