import { parseArgs } from 'node:util';
import { readDataset, SEED_FILE, type Dataset } from '../src/seed/dataset';
import { FACTS } from '../src/facts/registry';
import { SECONDHAND_KINDS, type SourceKind } from '../src/domain/source';

/**
 * `npm run dataset:stats [-- FILE] [--json]`: the counts an audit of a dataset file reports before and after its
 * changes (companies, facts by type and by year of their main date, sources by kind, and the facts that rest only
 * on syndications or copies), read from the file itself so they need no database. Sections and date fields come
 * from the fact definitions, so a new fact type is counted without touching this script.
 */
export interface DatasetStats {
  readonly version: string;
  readonly companies: number;
  readonly sources: number;
  readonly sourcesByKind: Record<string, number>;
  readonly facts: number;
  readonly factsByType: Record<string, number>;
  /** Fact type -> year of its main date ("undated" when it has none) -> count. */
  readonly factsByTypeAndYear: Record<string, Record<string, number>>;
  readonly factsOnlyOnSecondhand: number;
  readonly factsOnlyOnSecondhandIds: readonly string[];
}

export function datasetStats(dataset: Dataset): DatasetStats {
  const kindOf = new Map(dataset.sources.map((source) => [source.id, source.kind ?? 'ORIGINAL']));
  const sourcesByKind: Record<string, number> = {};
  for (const source of dataset.sources) sourcesByKind[source.kind ?? 'ORIGINAL'] = (sourcesByKind[source.kind ?? 'ORIGINAL'] ?? 0) + 1;
  const factsByType: Record<string, number> = {};
  const factsByTypeAndYear: Record<string, Record<string, number>> = {};
  const onlySecondhand: string[] = [];
  for (const definition of FACTS) {
    const records = dataset[definition.section as keyof Dataset] as unknown as (Record<string, unknown> & { id: string; sourceIds: string[] })[];
    factsByType[definition.name] = records.length;
    const years: Record<string, number> = {};
    for (const record of records) {
      const date = record[definition.dateField];
      const year = typeof date === 'string' && date.length >= 4 ? date.slice(0, 4) : 'undated';
      years[year] = (years[year] ?? 0) + 1;
      if (record.sourceIds.every((id) => SECONDHAND_KINDS.includes(kindOf.get(id) as SourceKind))) onlySecondhand.push(record.id);
    }
    factsByTypeAndYear[definition.name] = Object.fromEntries(Object.entries(years).sort(([a], [b]) => a.localeCompare(b)));
  }
  return {
    version: dataset.version,
    companies: dataset.companies.length,
    sources: dataset.sources.length,
    sourcesByKind,
    facts: Object.values(factsByType).reduce((sum, count) => sum + count, 0),
    factsByType,
    factsByTypeAndYear,
    factsOnlyOnSecondhand: onlySecondhand.length,
    factsOnlyOnSecondhandIds: onlySecondhand,
  };
}

function printText(stats: DatasetStats): void {
  const lines = [
    `dataset ${stats.version}: ${stats.companies} companies, ${stats.facts} facts, ${stats.sources} sources`,
    `sources by kind: ${Object.entries(stats.sourcesByKind).map(([kind, count]) => `${kind} ${count}`).join(', ')}`,
    `facts resting only on syndications or copies: ${stats.factsOnlyOnSecondhand} of ${stats.facts}`,
    'facts by type and year:',
    ...Object.entries(stats.factsByTypeAndYear).map(
      ([type, years]) => `  ${type} (${stats.factsByType[type]}): ${Object.entries(years).map(([year, count]) => `${year} ${count}`).join(', ')}`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (require.main === module) {
  const { values, positionals } = parseArgs({ options: { json: { type: 'boolean', default: false } }, allowPositionals: true });
  const stats = datasetStats(readDataset(positionals[0] ?? SEED_FILE));
  if (values.json) process.stdout.write(`${JSON.stringify(stats, null, 2)}\n`);
  else printText(stats);
}
