import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportGraph } from '../../../src/export/export-graph';
import { importDataset } from '../../../src/import/bulk-import';
import { CsvRejectedError, type CsvProblem } from '../../../src/import/csv/csv-problem';
import { ImportRejectedError } from '../../../src/import/preflight';
import { DATASET_SECTIONS } from '../../../src/seed/dataset';
import { startSeededTestApp, type TestApp } from '../../support/test-app';
import { factsFingerprint, graphFacts } from '../domain/helpers';

/**
 * Issue 24 item 4: a folder of CSV files, as the CSV export writes it or as an analyst assembles it in a spreadsheet,
 * goes through the JSON import's own checks, pre-flight and all-or-nothing batches; every problem names its file, row
 * and column, and company cells may hold names that the company matcher resolves when it is certain.
 */

const folder = (files: Record<string, string | Buffer>): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aig-csv-import-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
};
const lines = (...rows: string[]) => `${rows.join('\r\n')}\r\n`;

const SOURCES = lines('id,url,publisher,title,publishedOn', 'src-analyst-1,https://example.com/analyst/1,Analyst Notes,"Deal memo, first",2025-03-01');

/** The problems of a rejected CSV import (every one placed), or the error when it was something else. */
async function rejection(app: TestApp, dir: string): Promise<readonly CsvProblem[] | unknown> {
  const error = await importDataset(app.db, app.catalog, dir, { batchSize: 50, resume: false }).catch((e: unknown) => e);
  return error instanceof CsvRejectedError ? error.located : error;
}

describe('npm run import of a CSV folder', () => {
  let app: TestApp;
  let seeded: string[];

  beforeAll(async () => {
    app = await startSeededTestApp();
    seeded = await graphFacts(app);
  }, 300000);
  afterAll(async () => {
    await app?.reset();
    await app?.close();
  });
  /** The seeded graph again, where a test changed it. */
  const reseed = async () => {
    await app.reset();
    await importDataset(app.db, app.catalog, path.join(__dirname, '../../../data/seed/ai-industry.json'), { batchSize: 5000, resume: false });
    expect(await graphFacts(app)).toEqual(seeded);
  };

  it('round trip: the CSV export of the seed, imported into an empty database, gives the same facts, and logs one change per batch', async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aig-csv-roundtrip-')), 'csv');
    const exported = await exportGraph(app.db, app.catalog, { format: 'csv', out: dir, pageSize: 50 });
    expect(fs.readdirSync(dir).sort()).toEqual(DATASET_SECTIONS.map((s) => `${s}.csv`).sort());
    const before = await factsFingerprint(app);

    await app.reset();
    expect(await app.counts()).toEqual({ nodes: 0, relationships: 0 });
    const report = await importDataset(app.db, app.catalog, dir, { batchSize: 100, resume: false });
    expect(report.records).toBe(exported.records);
    expect(report.resolvedNames).toEqual([]);
    expect(await factsFingerprint(app)).toBe(before);
    expect(await graphFacts(app)).toEqual(seeded);
    // The change log: one change per batch, as for a JSON import.
    expect(await app.lastChange()).toBe(report.batches);
    const [first] = await app.db.readRows("MATCH (c:Change {seq: 1}) RETURN c.entityType AS type, size(c.entityIds) AS ids, c.operation AS operation");
    expect(first).toEqual({ type: 'Source', ids: 100, operation: 'import' });
    // Again: nothing changes, nothing is logged.
    await importDataset(app.db, app.catalog, dir, { batchSize: 100, resume: false });
    expect(await app.lastChange()).toBe(report.batches);
    expect(await factsFingerprint(app)).toBe(before);
  });

  it('reads a semicolon file with a byte-order mark, columns in any order and some left out, ids with leading zeros kept', async () => {
    await reseed();
    const dir = folder({
      'sources.csv': SOURCES,
      'companies.csv': Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(lines('name;id;kind;aliases;country;founded', '"Zero; Labs";007-labs;AI_LAB;"[""007 Labs"",""Double-O""]";GB;1999', 'Plain Co;plain-co;OTHER;[];;'), 'utf8'),
      ]),
      'investments.csv': lines(
        'id;investorId;investeeId;amountUsd;amountKind;announcedOn;sourceIds;note',
        'inv-analyst-1;microsoft;007-labs;1234567.5;COMMITMENT;2025-03;"[""src-analyst-1""]";"Rounded, ""as reported"""',
      ),
    });
    const report = await importDataset(app.db, app.catalog, dir, { batchSize: 50, resume: false });
    expect(report.perSection).toMatchObject({ sources: 1, companies: 2, investments: 1 });
    const [company] = await app.db.readRows("MATCH (c:Company {id: '007-labs'}) RETURN c.name AS name, c.aliases AS aliases, c.country AS country, c.founded AS founded");
    expect(company).toEqual({ name: 'Zero; Labs', aliases: ['007 Labs', 'Double-O'], country: 'GB', founded: 1999 });
    const [investment] = await app.db.readRows(
      "MATCH (:Company {id: 'microsoft'})-[:MADE]->(i:Investment {id: 'inv-analyst-1'})-[:INTO]->(:Company {id: '007-labs'}) RETURN i.amountUsd AS amount, i.amountKind AS kind, i.note AS note, toString(i.announcedOn) AS on, [(i)-[:CITES]->(s) | s.id] AS sources",
    );
    expect(investment).toEqual({ amount: 1234567.5, kind: 'COMMITMENT', note: 'Rounded, "as reported"', on: '2025-03-01', sources: ['src-analyst-1'] });
  });

  it('keeps a quoted field with commas, doubled quotes and line breaks exactly as written', async () => {
    await reseed();
    const note = 'First line, with a comma\r\nsecond "quoted" line\nthird; last';
    const dir = folder({
      'sources.csv': SOURCES,
      'investments.csv': lines('id,investorId,investeeId,announcedOn,sourceIds,note', `inv-analyst-2,nvidia,openai,2025-03-01,"[""src-analyst-1""]","${note.replace(/"/g, '""')}"`),
    });
    await importDataset(app.db, app.catalog, dir, { batchSize: 50, resume: false });
    const [row] = await app.db.readRows("MATCH (i:Investment {id: 'inv-analyst-2'}) RETURN i.note AS note");
    expect(row?.note).toBe(note);
  });

  describe('a bad folder writes nothing, and every problem names its file, row and column', () => {
    beforeAll(reseed);
    const unchanged = async () => {
      expect(await graphFacts(app)).toEqual(seeded);
    };

    it('cells the layout or the rules refuse, each placed', async () => {
      const log = await app.lastChange();
      const dir = folder({
        'sources.csv': SOURCES,
        'investments.csv': lines(
          'id,investorId,investeeId,amountUsd,announcedOn,sourceIds,status',
          'inv-ok,nvidia,openai,5,2025-03-01,"[""src-analyst-1""]",',
          'inv-bad-number,nvidia,openai,"1.234,5",2025-03-01,"[""src-analyst-1""]",',
          'inv-bad-date,nvidia,openai,5,01/03/2025,"[""src-analyst-1""]",',
          'inv-bad-list,nvidia,openai,5,2025-03-01,src-analyst-1,',
          'inv-bad-enum,nvidia,openai,5,2025-03-01,"[""src-analyst-1""]",DONE',
        ),
      });
      expect(await rejection(app, dir)).toEqual([
        expect.objectContaining({ file: 'investments.csv', row: 3, column: 'amountUsd', code: 'BAD_NUMBER' }),
        expect.objectContaining({ file: 'investments.csv', row: 5, column: 'sourceIds', code: 'BAD_LIST' }),
      ]);
      // Once the cells read, the schema's own checks, placed the same way.
      const fixed = folder({
        'sources.csv': SOURCES,
        'investments.csv': lines(
          'id,investorId,investeeId,amountUsd,announcedOn,sourceIds,status',
          'inv-bad-date,nvidia,openai,5,01/03/2025,"[""src-analyst-1""]",',
          'inv-bad-enum,nvidia,openai,5,2025-03-01,"[""src-analyst-1""]",DONE',
        ),
      });
      const problems = (await rejection(app, fixed)) as CsvProblem[];
      expect(problems).toEqual([
        { file: 'investments.csv', row: 2, line: 2, column: 'announcedOn', code: 'INVALID_VALUE', message: '"01/03/2025": is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)' },
        expect.objectContaining({ file: 'investments.csv', row: 3, column: 'status', code: 'INVALID_VALUE', message: expect.stringMatching(/^"DONE": must be equal to one of the allowed values \(ANNOUNCED, /) }),
      ]);
      expect(await app.lastChange()).toBe(log);
      await unchanged();
    });

    it("the mutations' rules and the pre-flight, placed by file, row and column, and the printed report", async () => {
      const dir = folder({
        'sources.csv': SOURCES,
        'investments.csv': lines(
          'id,investorId,investeeId,announcedOn,sourceIds',
          // A record that spans two lines: the row is still the spreadsheet's row 2, the next one starts on line 4.
          'inv-self,nvidia,nvidia,2025-03-01,"[""src-analyst-1"",',
          '""src-analyst-1""]"',
          'inv-nowhere,nvidia,openai,2025-03-01,"[""src-nowhere""]"',
        ),
      });
      const error = await importDataset(app.db, app.catalog, dir, { batchSize: 50, resume: false }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CsvRejectedError);
      expect((error as CsvRejectedError).located).toEqual([
        expect.objectContaining({ file: 'investments.csv', row: 2, column: expect.stringContaining('investeeId'), code: 'INVALID_RECORD', message: expect.stringMatching(/cannot invest in itself/) }),
      ]);
      expect((error as Error).message).toMatch(/investments\.csv row 2, column [a-zA-Z, ]*investeeId[a-zA-Z, ]*: INVALID_RECORD: investment "inv-self": .*cannot invest in itself/);

      const unknownSource = folder({ 'sources.csv': SOURCES, 'investments.csv': lines('id,investorId,investeeId,announcedOn,sourceIds', 'inv-a,nvidia,openai,2025-03-01,"[""src-analyst-1""]"', 'inv-nowhere,nvidia,openai,2025-03-01,"[""src-nowhere""]"') });
      const preflight = await importDataset(app.db, app.catalog, unknownSource, { batchSize: 50, resume: false }).catch((e: unknown) => e);
      expect(preflight).toBeInstanceOf(ImportRejectedError);
      expect((preflight as ImportRejectedError).problems).toEqual(['investments.csv row 3, column sourceIds: UNKNOWN_REFERENCE: no source with id "src-nowhere" in the file or the database']);
      await unchanged();
    });

    it('a layout it cannot read: an unknown file or column, a quote left open, text that is not UTF-8', async () => {
      expect(await rejection(app, folder({ 'investment.csv': 'id\r\n', 'companies.csv': lines('id,name,kind,ceo', 'x,X,STARTUP,Someone') }))).toEqual([
        expect.objectContaining({ file: 'investment.csv', code: 'UNKNOWN_FILE' }),
        expect.objectContaining({ file: 'companies.csv', row: 1, column: 'ceo', code: 'UNKNOWN_COLUMN' }),
      ]);
      expect(await rejection(app, folder({ 'companies.csv': lines('id,name,kind', 'x,"X,STARTUP', 'y,Y,STARTUP') }))).toEqual([
        { file: 'companies.csv', line: 2, code: 'CSV_SYNTAX', message: 'a quoted field is never closed (character 3)' },
      ]);
      expect(await rejection(app, folder({ 'companies.csv': Buffer.from('id,name,kind\r\nx,Soci\xe9t\xe9,STARTUP\r\n', 'latin1') }))).toEqual([
        expect.objectContaining({ file: 'companies.csv', line: 2, code: 'NOT_UTF8' }),
      ]);
      expect(await rejection(app, folder({ 'companies.csv': lines('id,name,kind', 'x,X,STARTUP,extra') }))).toEqual([
        expect.objectContaining({ file: 'companies.csv', row: 2, code: 'CELL_COUNT' }),
      ]);
      await unchanged();
    });
  });

  describe('company cells holding names', () => {
    beforeAll(async () => {
      await reseed();
      // "Nova Labs" is one company's name and the other's alias (the name wins); "Nova" is an alias of both (neither does).
      await importDataset(
        app.db,
        app.catalog,
        folder({ 'companies.csv': lines('id,name,kind,aliases', 'nova-labs,Nova Labs,AI_LAB,"[""Nova""]"', 'nova-research,Nova Research,AI_LAB,"[""Nova Labs Inc"",""Nova""]"') }),
        { batchSize: 50, resume: false },
      );
    });

    it('stops on an ambiguous or an unknown name, listing each with its place and candidates; writes nothing', async () => {
      const before = await factsFingerprint(app);
      const log = await app.lastChange();
      const dir = folder({
        'sources.csv': SOURCES,
        'investments.csv': lines(
          'id,investorId,investeeId,announcedOn,sourceIds',
          'inv-n1,Open AI Inc.,nova-labs,2025-03-01,"[""src-analyst-1""]"',
          'inv-n2,nvidia,Nova,2025-03-01,"[""src-analyst-1""]"',
          'inv-n3,Zyxwvut Quantum Holdings,openai,2025-03-01,"[""src-analyst-1""]"',
        ),
      });
      const error = await importDataset(app.db, app.catalog, dir, { batchSize: 50, resume: false }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CsvRejectedError);
      const located = (error as CsvRejectedError).located;
      // "Open AI Inc." is OpenAI's name (certain) though the OpenAI Foundation has "OpenAI, Inc." as an alias: not
      // reported. "Nova" is an alias of two companies, both exact, so neither is certain.
      expect(located).toEqual([
        expect.objectContaining({
          file: 'investments.csv',
          row: 3,
          column: 'investeeId',
          code: 'AMBIGUOUS_COMPANY',
          candidates: [expect.objectContaining({ id: 'nova-labs', reason: 'ALIAS', score: 0.95 }), expect.objectContaining({ id: 'nova-research', reason: 'ALIAS', score: 0.95 }), ...(located[0]?.candidates ?? []).slice(2)],
        }),
        expect.objectContaining({ file: 'investments.csv', row: 4, column: 'investorId', code: 'UNKNOWN_COMPANY' }),
      ]);
      // An unknown name's candidates, if any, are only look-alikes, below the certain score.
      expect((located[1]?.candidates ?? []).every((candidate) => candidate.score < 0.9 && candidate.reason === 'FULL_TEXT')).toBe(true);
      // The report as `npm run import` prints it (the CLI writes the message after "import: ").
      expect((error as Error).message).toContain('investments.csv row 3, column investeeId: AMBIGUOUS_COMPANY: "Nova"');
      expect((error as Error).message).toContain('candidate: nova-labs (Nova Labs, ALIAS, score 0.95)');
      expect(await factsFingerprint(app)).toBe(before);
      expect(await app.lastChange()).toBe(log);
    });

    it('resolves a name written otherwise (case, an alias with its legal form) when one company is its certain match, and reports it', async () => {
      const dir = folder({
        'sources.csv': SOURCES,
        'investments.csv': lines('id,investorId,investeeId,announcedOn,sourceIds', 'inv-n1,nvidia,ANTHROPIC PBC,2025-03-01,"[""src-analyst-1""]"', 'inv-n2,Microsoft Corp,nova-labs,2025-03-01,"[""src-analyst-1""]"'),
      });
      const report = await importDataset(app.db, app.catalog, dir, { batchSize: 50, resume: false });
      expect(report.resolvedNames).toEqual([
        expect.objectContaining({ file: 'investments.csv', row: 2, column: 'investeeId', name: 'ANTHROPIC PBC', id: 'anthropic' }),
        expect.objectContaining({ file: 'investments.csv', row: 3, column: 'investorId', name: 'Microsoft Corp', id: 'microsoft' }),
      ]);
      const rows = await app.db.readRows("MATCH (a:Company)-[:MADE]->(i:Investment)-[:INTO]->(b:Company) WHERE i.id IN ['inv-n1', 'inv-n2'] RETURN i.id AS id, a.id AS investor, b.id AS investee ORDER BY id");
      expect(rows).toEqual([
        { id: 'inv-n1', investor: 'nvidia', investee: 'anthropic' },
        { id: 'inv-n2', investor: 'microsoft', investee: 'nova-labs' },
      ]);
    });
  });
});
