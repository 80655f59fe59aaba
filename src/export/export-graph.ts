import path from 'node:path';
import { endOfPeriod, formatPartialDate, type PartialDate } from '../domain/partial-date';
import { FACTS } from '../facts/registry';
import type { CypherCatalog } from '../neo4j/cypher-catalog';
import type { Database } from '../neo4j/database';
import { projectRoot } from '../platform/project-root';
import type { SectionName } from '../seed/dataset';
import { factCountsStatement } from './export-statements';
import type { ExportFormat, ExportItem, ExportSection, FormatWriter } from './format-writer';
import { companyPages, factPages, sourcePages, type ReadOptions } from './read-graph';
import { CsvWriter } from './writers/csv-writer';
import { CypherWriter } from './writers/cypher-writer';
import { GraphmlWriter } from './writers/graphml-writer';
import { JsonWriter } from './writers/json-writer';

export interface ExportOptions {
  readonly format: ExportFormat;
  /** A file (a folder for csv); "-" writes to standard output (not csv). */
  readonly out: string;
  /** Only what was known then, as it stood (see factAsOf); a month or a year means its last day. */
  readonly asOf?: PartialDate | null;
  /** Records read per transaction. */
  readonly pageSize?: number;
  /** Before the first record: how many records the export writes. */
  readonly onStart?: (total: number) => void;
  /** After each page written. */
  readonly onProgress?: (section: SectionName, records: number) => void;
  /** While an as-of export first reads the facts to count them and find the sources they cite. */
  readonly onCounting?: (section: SectionName, records: number) => void;
}

export interface ExportReport {
  readonly records: number;
  readonly perSection: Record<SectionName, number>;
  /** As-of exports: facts kept whole because leaving out their later events would change how they stood then. */
  readonly keptWhole: number;
  readonly out: string;
}

const FILE_EXTENSION: Record<ExportFormat, string> = { json: '.json', csv: '', graphml: '.graphml', cypher: '.cypher' };

/** Where an export goes unless told: data/exports/ai-industry-graph[-as-of-DATE].<format> (a folder for csv). */
export function defaultExportPath(format: ExportFormat, asOf: PartialDate | null | undefined): string {
  const name = `ai-industry-graph${asOf ? `-as-of-${formatPartialDate(asOf)}` : ''}${format === 'csv' ? '-csv' : FILE_EXTENSION[format]}`;
  return path.join(projectRoot(), 'data', 'exports', name);
}

const SECTIONS: readonly ExportSection[] = [{ name: 'sources' }, { name: 'companies' }, ...FACTS.map((definition) => ({ name: definition.section as SectionName, definition }))];

function writerFor(options: ExportOptions, catalog: CypherCatalog, title: string): FormatWriter {
  switch (options.format) {
    case 'json': {
      const now = new Date();
      return new JsonWriter(options.out, { version: `${now.getUTCFullYear()}.${now.getUTCMonth() + 1}.${now.getUTCDate()}`, description: title });
    }
    case 'csv':
      return new CsvWriter(options.out);
    case 'graphml':
      return new GraphmlWriter(options.out);
    case 'cypher':
      return new CypherWriter(options.out, catalog, title);
  }
}

/** How many records each section will write, and (as of a day) which sources the exported facts cite. */
async function plan(db: Database, catalog: CypherCatalog, read: ReadOptions, options: ExportOptions): Promise<{ counts: Map<SectionName, number>; cited?: Set<string> }> {
  const counts = new Map<SectionName, number>();
  const [companiesAndSources] = await db.readRows(catalog.get('export/count-records'));
  counts.set('companies', Number(companiesAndSources?.companies ?? 0));
  if (read.asOfDay === null) {
    const [facts] = await db.readRows(factCountsStatement());
    counts.set('sources', Number(companiesAndSources?.sources ?? 0));
    for (const definition of FACTS) counts.set(definition.section as SectionName, Number(facts?.[definition.name] ?? 0));
    return { counts };
  }
  // As of a day, a fact's sources depend on which of its events count then: read the facts once to know them.
  const cited = new Set<string>();
  for (const definition of FACTS) {
    let count = 0;
    for await (const page of factPages(db, catalog, definition, read)) {
      count += page.items.length;
      for (const { record } of page.items) for (const id of record.sourceIds as string[]) cited.add(id);
      options.onCounting?.(definition.section as SectionName, count);
    }
    counts.set(definition.section as SectionName, count);
  }
  counts.set('sources', cited.size);
  return { counts, cited };
}

/**
 * Exports the graph in one of four formats, reading it page by page and writing each page as it comes (with the
 * stream's backpressure), so memory stays flat at any size. Sections come in dataset order: sources, companies, then
 * each fact type. A failed export removes what it had written.
 */
export async function exportGraph(db: Database, catalog: CypherCatalog, options: ExportOptions): Promise<ExportReport> {
  const asOfDay = options.asOf ? endOfPeriod(options.asOf) : null;
  const read: ReadOptions = { pageSize: options.pageSize ?? 2000, asOfDay };
  const { counts, cited } = await plan(db, catalog, read, options);
  options.onStart?.([...counts.values()].reduce((sum, n) => sum + n, 0));
  const title = `ai-industry-graph export of ${new Date().toISOString()}${options.asOf ? `, as of ${formatPartialDate(options.asOf)}` : ''} (npm run export)`;
  const writer = writerFor(options, catalog, title);
  const perSection = {} as Record<SectionName, number>;
  let keptWhole = 0;
  try {
    for (const section of SECTIONS) {
      await writer.begin(section);
      let written = 0;
      const emit = async (items: readonly ExportItem[]) => {
        await writer.write(section, items);
        written += items.length;
        options.onProgress?.(section.name, items.length);
      };
      if (section.name === 'sources') for await (const items of sourcePages(db, catalog, read, cited)) await emit(items);
      else if (section.name === 'companies') for await (const items of companyPages(db, catalog, read)) await emit(items);
      else if (section.definition) {
        for await (const page of factPages(db, catalog, section.definition, read)) {
          keptWhole += page.keptWhole;
          await emit(page.items);
        }
      }
      await writer.end(section);
      perSection[section.name] = written;
    }
    await writer.close();
  } catch (error) {
    writer.abort();
    throw error;
  }
  return { records: Object.values(perSection).reduce((sum, n) => sum + n, 0), perSection, keptWhole, out: options.out };
}
