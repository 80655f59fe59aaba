import type { FactDefinition } from '../facts/fact-definition';
import type { SectionName } from '../seed/dataset';
import type { DatasetRecord } from '../facts/dataset-records';

/** The formats `npm run export` writes. */
export const EXPORT_FORMATS = ['json', 'csv', 'graphml', 'cypher'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A source a fact cites, as GraphML writes it beside the fact. */
export interface Citation {
  readonly id: string;
  readonly url: string;
}

/** One record to write, with the sources a fact cites (facts only). */
export interface ExportItem {
  readonly record: DatasetRecord;
  readonly citations?: readonly Citation[];
}

/** One dataset section as a format writer is handed it: its name, its fact type (fact sections) and its records. */
export interface ExportSection {
  readonly name: SectionName;
  readonly definition?: FactDefinition;
}

/**
 * A format: it is handed the sections in dataset order (sources, companies, then the fact types in registry order),
 * each as pages of records, and writes them as they come (nothing is kept beyond a page).
 */
export interface FormatWriter {
  begin(section: ExportSection): Promise<void>;
  write(section: ExportSection, items: readonly ExportItem[]): Promise<void>;
  end(section: ExportSection): Promise<void>;
  /** Completes the output (files get their final names). */
  close(): Promise<void>;
  /** Removes what an export that failed had written. */
  abort(): void;
}
