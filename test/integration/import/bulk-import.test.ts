import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { rankingsBackfillEntry } from '../../../src/neo4j/facts/backfill-rankings';
import { importDataset } from '../../../src/import/bulk-import';
import { ImportRejectedError } from '../../../src/import/preflight';
import { FACTS, type FactSection } from '../../../src/facts/registry';
import { DATASET_SECTIONS, readDataset, SEED_FILE, type Dataset } from '../../../src/seed/dataset';
import { startSeededTestApp, type TestApp } from '../../support/test-app';

/**
 * The bulk import must leave exactly what the API's one-fact-at-a-time path leaves, be safe to re-run and to resume,
 * write nothing for a bad file, and never leave half a batch.
 */
/**
 * Every node and relationship of the graph with its properties, minus the write timestamps, in a stable order. The
 * change log is left out: the API path logs one change per record, the import one per batch.
 */
async function dump(app: TestApp): Promise<string[]> {
  const nodes = await app.db.readRows("MATCH (n) WHERE NOT n:Migration AND NOT n:Meta RETURN labels(n)[0] + ':' + n.id AS key, properties(n) AS props");
  const rels = await app.db.readRows("MATCH (a)-[r]->(b) WHERE NOT a:Meta AND NOT b:Meta RETURN type(r) + ':' + a.id + '>' + b.id AS key, properties(r) AS props");
  return [...nodes, ...rels]
    .map((row) => {
      const props = Object.entries(row.props as Record<string, unknown>).filter(([k]) => k !== 'createdAt' && k !== 'updatedAt');
      return `${String(row.key)} ${JSON.stringify(props.sort(([a], [b]) => a.localeCompare(b)))}`;
    })
    .sort();
}

/** Whether the stored rankings' backfill is recorded as done (an import forgets it until it has recomputed them). */
async function rankingsRecorded(app: TestApp): Promise<boolean> {
  const rows = await app.db.readRows('MATCH (m:Migration {name: $name}) RETURN m.checksum AS checksum', { name: rankingsBackfillEntry().name });
  return rows[0]?.checksum === rankingsBackfillEntry().checksum;
}

function writeTemp(name: string, dataset: Dataset): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aig-import-')), name);
  fs.writeFileSync(file, JSON.stringify(dataset));
  return file;
}

describe('bulk import', () => {
  let app: TestApp;
  let apiDump: string[];
  const seed = readDataset(SEED_FILE);
  const factCount = FACTS.reduce((n, definition) => n + seed[definition.section as FactSection].length, 0);
  /** Sections in the order the import writes them: sources, companies, then the fact types in registry order. */
  const sectionSizes = DATASET_SECTIONS.map((section) => seed[section].length);

  beforeAll(async () => {
    app = await startSeededTestApp();
    apiDump = await dump(app);
  });
  afterAll(async () => {
    await app?.close();
  });
  beforeEach(async () => {
    await app.reset();
    // As a start leaves it (an interrupted import in another test forgets it).
    await app.db.writeRows(app.catalog.get('system/record-migration'), rankingsBackfillEntry());
  });

  it('leaves exactly what the API path leaves, whatever the batch size', async () => {
    expect(apiDump.length).toBeGreaterThan(900);
    for (const batchSize of [1, 7, 5000]) {
      await app.reset();
      const report = await importDataset(app.db, app.catalog, SEED_FILE, { batchSize, resume: false });
      expect(report.records).toBe(seed.sources.length + seed.companies.length + factCount);
      expect(report.facts).toBe(factCount);
      // Where the time went: every section timed once, within the writing; the pre-flight within the validation.
      expect(Object.keys(report.sectionMs).sort()).toEqual(Object.keys(report.perSection).sort());
      expect(Object.values(report.sectionMs).reduce((sum, ms) => sum + ms, 0) + report.rankingsMs).toBeLessThanOrEqual(report.writeMs);
      expect(report.preflightMs).toBeLessThanOrEqual(report.validateMs);
      expect(await dump(app)).toEqual(apiDump);
      // The stored rankings were recomputed after the last batch: the database is no longer marked for a recompute.
      expect(await rankingsRecorded(app)).toBe(true);
    }
  });

  it('changes nothing when run again, not even updatedAt, and logs one change per batch the first time only', async () => {
    const report = await importDataset(app.db, app.catalog, SEED_FILE, { batchSize: 50 });
    const stamps = async () => (await app.db.readRows('MATCH (i:Investment) RETURN i.id AS id, toString(i.updatedAt) AS at ORDER BY id')).map((r) => `${r.id}@${r.at}`);
    const before = await stamps();
    const counts = await app.counts();
    const logged = await app.lastChange();
    expect(logged).toBe(report.batches);
    const [batch] = await app.db.readRows("MATCH (c:Change {seq: 1}) RETURN c.entityType AS type, size(c.entityIds) AS ids, c.revertible AS revertible, c.operation AS operation");
    expect(batch).toEqual({ type: 'Source', ids: 50, revertible: false, operation: 'import' });
    await importDataset(app.db, app.catalog, SEED_FILE, { batchSize: 50 });
    expect(await app.lastChange()).toBe(logged);
    expect(await app.counts()).toEqual(counts);
    expect(await stamps()).toEqual(before);
    expect(await dump(app)).toEqual(apiDump);
  });

  it('resumes after an interruption from the last committed batch and ends with the same graph', async () => {
    const file = writeTemp('seed.json', seed);
    // Stop once the sources are all in and the companies' first batch is committed, so the resume crosses a section
    // boundary whatever the seed's size.
    const sourceBatches = Math.ceil(seed.sources.length / 20);
    const stopAfter = sourceBatches + 1;
    expect(seed.companies.length).toBeGreaterThan(20);
    let batches = 0;
    await expect(
      importDataset(app.db, app.catalog, file, {
        batchSize: 20,
        onBatch: () => {
          batches += 1;
          if (batches === stopAfter) throw new Error('interrupted');
        },
      }),
    ).rejects.toThrow('interrupted');
    // Stopped half way: the stored rankings are marked for a recompute on the next start.
    expect(await rankingsRecorded(app)).toBe(false);
    const state = JSON.parse(fs.readFileSync(`${file}.import-state.json`, 'utf8'));
    expect(state.committed).toEqual({ sources: sourceBatches, companies: 1 });
    let resumedBatches = 0;
    const report = await importDataset(app.db, app.catalog, file, { batchSize: 20, onBatch: () => {
      resumedBatches += 1;
    } });
    expect(report.resumedFromCheckpoint).toBe(true);
    expect(resumedBatches).toBe(report.batches);
    expect(report.batches).toBe(sectionSizes.reduce((n, size) => n + Math.ceil(size / 20), 0) - stopAfter);
    expect(fs.existsSync(`${file}.import-state.json`)).toBe(false);
    expect(await dump(app)).toEqual(apiDump);
  });

  it('ignores a checkpoint made for another database or another file', async () => {
    const file = writeTemp('seed.json', seed);
    fs.writeFileSync(`${file}.import-state.json`, JSON.stringify({ fileSha256: 'other', batchSize: 20, databaseId: 'x', committed: { sources: 7, companies: 4 } }));
    const report = await importDataset(app.db, app.catalog, file, { batchSize: 20 });
    expect(report.resumedFromCheckpoint).toBe(false);
    expect(await dump(app)).toEqual(apiDump);
  });

  describe('a bad file writes nothing', () => {
    const cases: [string, (d: Dataset) => void, RegExp][] = [
      ['unknown company', (d) => (d.investments[5]!.investeeId = 'no-such-co'), /no company with id "no-such-co"/],
      ['unknown source', (d) => (d.computeDeals[2]!.sourceIds = ['src-nowhere']), /no source with id "src-nowhere"/],
      ['unknown related investment', (d) => (d.computeDeals[0]!.relatedInvestmentId = 'inv-nowhere'), /no investment with id "inv-nowhere" in the file or the database/],
      ['duplicate id', (d) => d.investments.push({ ...d.investments[3]!, amountUsd: 1 }), /investments: id ".*" appears more than once/],
      ['duplicate rivalry', (d) => d.rivalries.push({ ...d.rivalries[0]!, id: 'riv-again' }), /rivalries: "riv-again" repeats/],
      ['two parents', (d) => d.subsidiaries.push({ ...d.subsidiaries[0]!, id: 'sub-second', parentId: 'microsoft' }), /given two parents/],
      ['ownership loop', (d) => d.subsidiaries.push({ id: 'sub-loop', childId: 'amazon', parentId: 'aws', sourceIds: d.subsidiaries[0]!.sourceIds }), /ownership loop/],
      ['an API rule (self-investment)', (d) => (d.investments[0]!.investeeId = d.investments[0]!.investorId as string), /cannot invest in itself/],
    ];
    it.each(cases)('%s', async (_name, spoil, message) => {
      const dataset: Dataset = JSON.parse(JSON.stringify(seed));
      spoil(dataset);
      const file = writeTemp('bad.json', dataset);
      await expect(importDataset(app.db, app.catalog, file, { batchSize: 20 })).rejects.toThrow(message);
      expect(await app.counts()).toEqual({ nodes: 0, relationships: 0 });
      expect(fs.existsSync(`${file}.import-state.json`)).toBe(false);
    });

    it('a record that clashes with the database (same id, other parties)', async () => {
      await importDataset(app.db, app.catalog, SEED_FILE, { batchSize: 5000 });
      const counts = await app.counts();
      const dataset: Dataset = JSON.parse(JSON.stringify(seed));
      const victim = dataset.investments.find((i) => i.investorId === 'amazon' && i.investeeId === 'anthropic')!;
      victim.investorId = 'nvidia';
      const file = writeTemp('clash.json', dataset);
      const error = await importDataset(app.db, app.catalog, file, { batchSize: 20 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportRejectedError);
      expect((error as ImportRejectedError).problems.join('\n')).toContain(`investments: "${victim.id}" is already recorded between amazon and anthropic`);
      expect(await app.counts()).toEqual(counts);
    });
  });

  it('never leaves half a batch: a batch whose company vanished mid-import is rolled back whole', async () => {
    const file = writeTemp('seed.json', seed);
    // Funding rounds are the first fact section (investments link to them); its first batch names this company.
    expect(FACTS[0]!.section).toBe('fundingRounds');
    const investee = seed.fundingRounds[0]!.companyId as string;
    const error = await importDataset(app.db, app.catalog, file, {
      batchSize: 10,
      onBatch: (section) => {
        if (section === 'companies') return app.db.writeRows('MATCH (c:Company {id: $id}) DETACH DELETE c', { id: investee });
        return undefined;
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRejectedError);
    expect((error as Error).message).toMatch(/fundingRounds: only \d+ of 10 records in a batch found their companies; the batch was rolled back/);
    // The first rounds batch held the fact with the deleted company: none of its ten facts may exist.
    const firstBatch = seed.fundingRounds.slice(0, 10).map((r) => r.id);
    const [row] = await app.db.readRows('MATCH (r:FundingRound) WHERE r.id IN $ids RETURN count(r) AS n', { ids: firstBatch });
    expect(row!.n).toBe(0);
  });
});
