import fs from 'node:fs';
import path from 'node:path';
import { csvRow } from '../formats/csv';
import { sectionColumns } from '../dataset-records';
import type { ExportItem, ExportSection, FormatWriter } from '../format-writer';
import { TextSink } from '../text-sink';

/**
 * One CSV file per dataset section in a folder (sources.csv, companies.csv, investments.csv, ...), a header row of the
 * section's properties as the dataset schema declares them, dates at their precision, lists (aliases, sourceIds,
 * events) as JSON text.
 */
export class CsvWriter implements FormatWriter {
  private readonly sinks = new Map<string, TextSink>();

  constructor(private readonly folder: string) {
    if (fs.existsSync(folder) && !fs.statSync(folder).isDirectory()) throw new Error(`--out ${folder} is a file; csv writes a folder`);
  }

  /** The file a section is written to. */
  static fileOf(folder: string, section: string): string {
    return path.join(folder, `${section}.csv`);
  }

  async begin(section: ExportSection): Promise<void> {
    const sink = TextSink.open(CsvWriter.fileOf(this.folder, section.name));
    this.sinks.set(section.name, sink);
    await sink.write(csvRow(sectionColumns(section.name).map((column) => column.name)));
  }

  async write(section: ExportSection, items: readonly ExportItem[]): Promise<void> {
    const sink = this.sinks.get(section.name) as TextSink;
    const columns = sectionColumns(section.name).map((column) => column.name);
    for (const { record } of items) await sink.write(csvRow(columns.map((column) => record[column])));
  }

  async end(section: ExportSection): Promise<void> {
    await this.sinks.get(section.name)?.finish();
  }

  /** The files get their names together, once every section is written. */
  async close(): Promise<void> {
    for (const sink of this.sinks.values()) sink.commit();
  }

  abort(): void {
    for (const sink of this.sinks.values()) sink.abort();
  }
}
