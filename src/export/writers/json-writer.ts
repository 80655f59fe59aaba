import type { ExportItem, ExportSection, FormatWriter } from '../format-writer';
import { TextSink } from '../text-sink';
import { DATASET_SECTIONS } from '../../seed/dataset';

/**
 * The dataset format (data/seed/dataset.schema.json) that `npm run import` and `npm run seed` read, one record per
 * line as `npm run generate` writes it. The importer reads a file whole (it validates and hashes it before writing
 * anything), so a file the export streams out, the import holds in memory (it runs node with an 8 GB heap).
 */
export class JsonWriter implements FormatWriter {
  private readonly sink: TextSink;
  private first = true;
  private started = false;

  constructor(
    out: string,
    private readonly header: { readonly version: string; readonly description: string },
  ) {
    this.sink = TextSink.open(out);
  }

  async begin(section: ExportSection): Promise<void> {
    if (!this.started) await this.sink.write(`{\n  "version": ${JSON.stringify(this.header.version)},\n  "description": ${JSON.stringify(this.header.description)},\n`);
    this.started = true;
    this.first = true;
    await this.sink.write(`  ${JSON.stringify(section.name)}: [`);
  }

  async write(_section: ExportSection, items: readonly ExportItem[]): Promise<void> {
    for (const { record } of items) {
      await this.sink.write(`${this.first ? '\n' : ',\n'}    ${JSON.stringify(record)}`);
      this.first = false;
    }
  }

  async end(section: ExportSection): Promise<void> {
    const last = section.name === DATASET_SECTIONS[DATASET_SECTIONS.length - 1];
    await this.sink.write(`${this.first ? '' : '\n  '}]${last ? '' : ','}\n`);
  }

  async close(): Promise<void> {
    await this.sink.write('}\n');
    await this.sink.close();
  }

  abort(): void {
    this.sink.abort();
  }
}
