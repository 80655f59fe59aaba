import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { endOfPeriod, parsePartialDate } from '../../../src/domain/partial-date';
import { sectionColumns } from '../../../src/export/dataset-records';
import type { DatasetRecord } from '../../../src/facts/dataset-records';
import { exportGraph, type ExportOptions, type ExportReport } from '../../../src/export/export-graph';
import { factEdgeEnds } from '../../../src/export/writers/graphml-writer';
import { CsvWriter } from '../../../src/export/writers/csv-writer';
import { FACTS, type FactSection } from '../../../src/facts/registry';
import { importDataset } from '../../../src/import/bulk-import';
import { DATASET_SECTIONS, readDataset, type Dataset, type SectionName } from '../../../src/seed/dataset';
import { loadDataset } from '../../../src/seed/load-dataset';
import { launchBrowser } from '../../support/browser';
import { buildServer } from '../../support/server-process';
import { startSeededTestApp, type TestApp } from '../../support/test-app';
import { graphFacts as fingerprint } from '../domain/helpers';

/**
 * The export of issue 14: every format written from the seed (plus records made of awkward text), the JSON and Cypher
 * outputs loaded into an emptied database giving the same graph, CSV and GraphML read back by real parsers, and an
 * as-of export holding only what was known then, standing as it stood.
 */

const ROOT = path.resolve(__dirname, '../../..');
const AS_OF = '2024-06-30';

/** Text that breaks naive writers: separators, quotes, markup, line breaks, controls, a formula, non-ASCII. */
const AWKWARD: Partial<Dataset> = {
  sources: [
    {
      id: 'src-awkward',
      url: 'https://example.com/a?b=1&c="2"#x',
      publisher: 'Pub, "Inc" <x>',
      title: "Line one\nline two\r\nit's; done;",
      publishedOn: '2024-05',
      kind: 'ORIGINAL',
    },
  ],
  companies: [
    {
      id: 'awkward-co',
      name: 'Q&A "Labs" <AI> — Société 🤖',
      aliases: ['=HYPERLINK("http://x")', "it's, fine"],
      kind: 'INVESTOR',
      description: 'multi\nline, with "quotes", a \\ backslash, $rows, // not a comment;\nand a control \u0001 character',
    },
  ],
  investments: [
    {
      id: 'inv-awkward',
      investorId: 'awkward-co',
      investeeId: 'openai',
      announcedOn: '2024-05',
      amountUsd: 1234.5,
      amountKind: 'PAID',
      note: 'ends with a semicolon;\n-- and a dash line\t(tab)',
      events: [{ kind: 'TRANCHE_FUNDED', on: '2024-06-01', amountUsd: 1234.5, note: '@later, "quoted"', sourceIds: ['src-awkward'] }],
      sourceIds: ['src-awkward'],
    },
  ],
};

/** Runs a Cypher export script statement by statement, as cypher-shell does (each one commits on its own). */
async function runScript(app: TestApp, file: string): Promise<number> {
  const statements = fs
    .readFileSync(file, 'utf8')
    .split(/;\n/)
    .map((chunk) => chunk.split('\n').filter((line) => !line.startsWith('//')).join('\n').trim())
    .filter((statement) => statement.length > 0);
  for (const statement of statements) await app.db.writeRows(statement);
  return statements.length;
}

/** RFC 4180 read back field by field (quoted fields may hold commas, quotes doubled, CR and LF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  if (field !== '' || row.length > 0) throw new Error('the CSV does not end with CRLF');
  return rows;
}

/** A CSV cell back as the dataset value its column holds (lists from their JSON, numbers from their text). */
function cellValue(cell: string, schema: Readonly<Record<string, unknown>>): unknown {
  if (cell === '') return undefined;
  const types = [schema.type, ...((schema.anyOf as { type?: unknown }[] | undefined) ?? []).map((s) => s.type)].flat();
  if (types.includes('array')) return JSON.parse(cell);
  if (types.includes('number')) return Number(cell);
  return cell;
}

/** The part of the browser's XML DOM the GraphML test reads. */
interface XmlElement {
  readonly localName: string;
  readonly namespaceURI: string | null;
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
  getElementsByTagName(name: string): ArrayLike<XmlElement> & Iterable<XmlElement>;
}
interface XmlDocument {
  readonly documentElement: XmlElement;
  getElementsByTagName(name: string): ArrayLike<XmlElement> & Iterable<XmlElement>;
}

const strip = (record: Record<string, unknown>) => JSON.parse(JSON.stringify(record)) as Record<string, unknown>;
const temp = (name: string) => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aig-export-')), name);

describe('npm run export', () => {
  let app: TestApp;
  let original: string[];
  let full: Dataset;
  let fullFile: string;

  const exportTo = (options: Omit<ExportOptions, 'out'>, name: string): Promise<ExportReport & { file: string }> => {
    const file = temp(name);
    return exportGraph(app.db, app.catalog, { pageSize: 37, ...options, out: file }).then((report) => ({ ...report, file }));
  };
  /** The database back to the seed plus the awkward records (through the import, which the JSON test proves exact). */
  const restore = async () => {
    await app.reset();
    await importDataset(app.db, app.catalog, fullFile, { batchSize: 500, resume: false });
  };

  beforeAll(async () => {
    app = await startSeededTestApp();
    const awkward = temp('awkward.json');
    fs.writeFileSync(awkward, JSON.stringify({ version: '2026.1.0', ...Object.fromEntries(DATASET_SECTIONS.map((s) => [s, []])), ...AWKWARD }));
    await loadDataset(app.repos, awkward);
    original = await fingerprint(app);
    const report = await exportTo({ format: 'json' }, 'full.json');
    fullFile = report.file;
    full = readDataset(fullFile);
  });
  afterAll(async () => {
    await app?.reset();
    await app?.close();
  });

  it('JSON: the dataset format, every record, and importing it into an empty database gives the same graph', async () => {
    expect(original.length).toBeGreaterThan(1500);
    const [counts] = await app.db.readRows('MATCH (c:Company) WITH count(c) AS companies MATCH (s:Source) WITH companies, count(s) AS sources MATCH (f:Fact) RETURN companies, sources, count(f) AS facts');
    expect(full.companies).toHaveLength(Number(counts?.companies));
    expect(full.sources).toHaveLength(Number(counts?.sources));
    expect(FACTS.reduce((n, d) => n + full[d.section as FactSection].length, 0)).toBe(Number(counts?.facts));
    // The awkward text survives as it was written.
    expect(full.companies.find((c) => c.id === 'awkward-co')).toEqual({ ...AWKWARD.companies?.[0] });
    expect(full.investments.find((i) => i.id === 'inv-awkward')).toEqual({ ...AWKWARD.investments?.[0], status: 'ANNOUNCED', confidence: 'REPORTED' });

    await app.reset();
    expect((await app.counts()).nodes).toBe(0);
    await importDataset(app.db, app.catalog, fullFile, { batchSize: 100, resume: false });
    expect(await fingerprint(app)).toEqual(original);
  });

  it('Cypher: the script loaded statement by statement into an emptied database gives the same graph', async () => {
    const report = await exportTo({ format: 'cypher' }, 'graph.cypher');
    expect(report.records).toBe(DATASET_SECTIONS.reduce((n, s) => n + full[s].length, 0));
    const text = fs.readFileSync(report.file, 'utf8');
    // Parameter-free: no $name outside the string literals.
    const code = text.split('\n').filter((line) => !line.startsWith('//')).join('\n');
    expect(code.replace(/'(?:[^'\\]|\\.)*'/g, "''")).not.toMatch(/\$[A-Za-z_]/);
    await app.reset();
    const statements = await runScript(app, report.file);
    expect(statements).toBeGreaterThan(40);
    expect(await fingerprint(app)).toEqual(original);
    // Loading it again changes nothing (every statement merges by id).
    await runScript(app, report.file);
    expect(await fingerprint(app)).toEqual(original);
  });

  it('CSV: one file per section, columns from the definitions, read back by an RFC 4180 parser into the same records', async () => {
    const report = await exportTo({ format: 'csv' }, 'csv');
    expect(fs.readdirSync(report.file).sort()).toEqual(DATASET_SECTIONS.map((s) => `${s}.csv`).sort());
    for (const section of DATASET_SECTIONS) {
      const columns = sectionColumns(section);
      const [header, ...rows] = parseCsv(fs.readFileSync(CsvWriter.fileOf(report.file, section), 'utf8'));
      expect(header).toEqual(columns.map((c) => c.name));
      const records = rows.map((row) => {
        expect(row).toHaveLength(columns.length);
        return strip(Object.fromEntries(columns.map((column, i) => [column.name, cellValue(row[i] as string, column.schema)])));
      });
      expect(records).toEqual(full[section as SectionName].map((record) => strip(record as Record<string, unknown>)));
    }
  });

  describe('GraphML', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('is well-formed GraphML a real XML parser reads: companies as nodes, every fact as typed edges with its properties', async () => {
      const report = await exportTo({ format: 'graphml' }, 'graph.graphml');
      const page = await browser.newPage();
      const graph = await page.evaluate((text) => {
        // The browser's own XML parser (the suite's TypeScript has no DOM library: the few types used are named here).
        const { DOMParser } = globalThis as unknown as { DOMParser: new () => { parseFromString(text: string, type: string): XmlDocument } };
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        const error = doc.getElementsByTagName('parsererror')[0];
        const data = (el: XmlElement) => Object.fromEntries([...el.getElementsByTagName('data')].map((d) => [d.getAttribute('key'), d.textContent]));
        return {
          error: error ? error.textContent : null,
          root: `${doc.documentElement.namespaceURI} ${doc.documentElement.localName}`,
          edgedefault: doc.getElementsByTagName('graph')[0]?.getAttribute('edgedefault'),
          keys: [...doc.getElementsByTagName('key')].map((k) => ({ id: k.getAttribute('id'), for: k.getAttribute('for'), name: k.getAttribute('attr.name'), type: k.getAttribute('attr.type') })),
          nodes: [...doc.getElementsByTagName('node')].map((n) => ({ id: n.getAttribute('id'), data: data(n), keyFor: 'node' })),
          edges: [...doc.getElementsByTagName('edge')].map((e) => ({ id: e.getAttribute('id'), source: e.getAttribute('source'), target: e.getAttribute('target'), data: data(e) })),
        };
      }, fs.readFileSync(report.file, 'utf8'));
      await page.close();

      expect(graph.error).toBeNull();
      expect(graph.root).toBe('http://graphml.graphdrawing.org/xmlns graphml');
      expect(graph.edgedefault).toBe('directed');
      const keys = new Map(graph.keys.map((k) => [k.id, k]));
      for (const node of graph.nodes) for (const key of Object.keys(node.data)) expect(keys.get(key)?.for).toBe('node');
      for (const edge of graph.edges) for (const key of Object.keys(edge.data)) expect(keys.get(key)?.for).toBe('edge');
      for (const element of [...graph.nodes, ...graph.edges]) {
        for (const [key, value] of Object.entries(element.data)) if (keys.get(key)?.type === 'double') expect(Number.isFinite(Number(value))).toBe(true);
      }

      expect(graph.nodes.map((n) => n.id).sort()).toEqual(full.companies.map((c) => c.id).sort());
      const expectedEdges = FACTS.flatMap((definition) => full[definition.section as FactSection].flatMap((record) => factEdgeEnds(definition, record as DatasetRecord).map(([s, t]) => `${s}>${t}`)));
      expect(graph.edges.map((e) => `${e.source}>${e.target}`).sort()).toEqual(expectedEdges.sort());
      expect(new Set(graph.edges.map((e) => e.id)).size).toBe(graph.edges.length);

      const awkward = graph.nodes.find((n) => n.id === 'awkward-co');
      expect(awkward?.data.n_name).toBe(AWKWARD.companies?.[0]?.name);
      expect(awkward?.data.n_label).toBe(AWKWARD.companies?.[0]?.name);
      // XML 1.0 cannot carry U+0001 even escaped: it is the one character dropped.
      expect(awkward?.data.n_description).toBe(AWKWARD.companies?.[0]?.description?.replace('\u0001', ''));
      expect(JSON.parse(awkward?.data.n_aliases as string)).toEqual(AWKWARD.companies?.[0]?.aliases);
      const edge = graph.edges.find((e) => e.id === 'inv-awkward');
      expect(edge).toMatchObject({ source: 'awkward-co', target: 'openai' });
      expect(edge?.data).toMatchObject({ e_factType: 'Investment', e_amountUsd: '1234.5', e_note: AWKWARD.investments?.[0]?.note, e_announcedOn: '2024-05' });
      expect(JSON.parse(edge?.data.e_sourceUrls as string)).toEqual(['https://example.com/a?b=1&c="2"#x']);
      expect(JSON.parse(edge?.data.e_events as string)).toEqual(AWKWARD.investments?.[0]?.events);
    });
  });

  it('--as-of: only the facts known then, standing as they stood; imported alone, they answer that day as the database does', async () => {
    const day = endOfPeriod(parsePartialDate(AS_OF));
    const stateQuery = `MATCH (f:Fact) WHERE f.knownOn <= $day
      WITH f, size([d IN f.tlKnown WHERE d <= $day]) AS k
      RETURN f.id AS id, f.tlStatus[k] AS status, f.tlMoney[(k * 6)..((k + 1) * 6)] AS money, f.confidenceRank AS confidence ORDER BY id`;
    const exposure = `{ ${['anthropic', 'openai', 'microsoft', 'amazon', 'nvidia', 'awkward-co']
      .map((id, i) => `e${i}: exposure(companyId: "${id}", asOf: "${AS_OF}") { raisedUsd investedUsd computeBoughtUsd computeSoldUsd funderCount investeeCount funderConcentration supplierConcentration raised { paidUsd committedUsd ceilingUsd contractValueUsd stakeValueUsd } invested { paidUsd committedUsd ceilingUsd } }`)
      .join(' ')} }`;
    const statesThen = await app.db.readRows(stateQuery, { day });
    const answersThen = await app.gql(exposure);
    expect(answersThen.errors).toBeUndefined();
    const [later] = await app.db.readRows('MATCH (f:Fact) WHERE f.knownOn > $day RETURN count(f) AS n', { day });
    expect(Number(later?.n)).toBeGreaterThan(20);

    const report = await exportTo({ format: 'json', asOf: parsePartialDate(AS_OF) }, 'as-of.json');
    const asOf = readDataset(report.file);
    const facts = FACTS.flatMap((definition) => asOf[definition.section as FactSection].map((record) => ({ definition, record })));
    expect(facts.map((f) => f.record.id).sort()).toEqual(statesThen.map((row) => row.id as string).sort());
    // A kept fact has no event, and no date reported after the fact, beyond the day, unless it was kept whole.
    const later_ = facts.filter(({ definition, record }) => {
      const events = (record.events as { on: string }[] | undefined) ?? [];
      const dates = definition.fields.filter((f) => f.kind === 'date' && f.notInFuture && f.name !== definition.dateField).map((f) => record[f.name] as string | undefined);
      return [...events.map((e) => e.on), ...dates].some((on) => on !== undefined && endOfPeriod(parsePartialDate(on)) > day);
    });
    expect(later_.length).toBe(report.keptWhole);
    expect(facts.some(({ record }) => record.id === 'inv-awkward')).toBe(true);
    // Sources: exactly those the kept facts cite; links only to kept facts.
    const cited = new Set(facts.flatMap(({ record }) => record.sourceIds));
    expect(asOf.sources.map((s) => s.id).sort()).toEqual([...cited].sort());
    const ids = new Set(facts.map(({ record }) => record.id));
    for (const { definition, record } of facts) for (const link of definition.links ?? []) if (record[link.idField]) expect(ids.has(record[link.idField] as string)).toBe(true);
    expect(asOf.companies).toHaveLength(full.companies.length);

    await app.reset();
    await importDataset(app.db, app.catalog, report.file, { batchSize: 100, resume: false });
    expect(await app.db.readRows(stateQuery, { day })).toEqual(statesThen);
    expect(await app.gql(exposure)).toEqual(answersThen);
    await restore();
    expect(await fingerprint(app)).toEqual(original);
  });

  it('--as-of before anything was known: companies only, every section present and importable', async () => {
    const report = await exportTo({ format: 'json', asOf: parsePartialDate('1900') }, 'empty.json');
    const dataset = readDataset(report.file);
    expect(dataset.companies).toHaveLength(full.companies.length);
    expect(DATASET_SECTIONS.filter((s) => s !== 'companies').map((s) => dataset[s].length)).toEqual(DATASET_SECTIONS.slice(1).map(() => 0));
  });

  it('the command: bad arguments exit 2 with the reason; a run writes the JSON to stdout with its progress on stderr', () => {
    buildServer();
    const cli = (args: string[]) =>
      spawnSync(process.execPath, [path.join(ROOT, 'dist/src/cli/export.js'), ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 1 << 28,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          LOG_LEVEL: 'warn',
          NEO4J_URI: process.env.NEO4J_TEST_URI ?? '',
          NEO4J_USER: process.env.NEO4J_TEST_USER ?? '',
          NEO4J_PASSWORD: process.env.NEO4J_TEST_PASSWORD ?? '',
        },
      });
    for (const [args, message] of [
      [['--format', 'xml'], '--format must be one of json, csv, graphml, cypher'],
      [['--format', 'json', '--as-of', '2024-02-30'], '--as-of: '],
      [['--out', 'x'], '--format is required'],
    ] as const) {
      const result = cli([...args]);
      expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 2, stderr: expect.stringContaining(message) });
      expect(result.stderr).toContain('usage: npm run export');
    }
    const run = cli(['--format', 'json', '--out', '-']);
    expect(run.stderr).toMatch(/exported \d+ records/);
    expect(run.status).toBe(0);
    const written = JSON.parse(run.stdout) as Dataset;
    expect(DATASET_SECTIONS.map((s) => written[s].length)).toEqual(DATASET_SECTIONS.map((s) => full[s].length));
  });
});
