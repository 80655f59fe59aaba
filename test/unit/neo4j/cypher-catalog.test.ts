import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CypherCatalog } from '../../../src/neo4j/cypher-catalog';
import { splitStatements } from '../../../src/neo4j/migrate';

describe('CypherCatalog', () => {
  it('loads every .cypher file under cypher/ by relative name', () => {
    const catalog = new CypherCatalog();
    expect(catalog.names()).toEqual(expect.arrayContaining(['company/find-companies-by-ids', 'migrations/001-constraints', 'system/ping']));
    expect(catalog.get('system/ping')).toContain('RETURN 1 AS ok');
  });

  it('fails loudly for a statement that has no file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cypher-'));
    fs.mkdirSync(path.join(dir, 'a'));
    fs.writeFileSync(path.join(dir, 'a', 'b.cypher'), 'RETURN 1');
    const catalog = new CypherCatalog(dir);
    expect(catalog.names()).toEqual(['a/b']);
    expect(() => catalog.get('a/missing')).toThrow('missing Cypher file cypher/a/missing.cypher');
  });

  it('inserts partials and fills slots only with the values a template declares', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cypher-'));
    fs.mkdirSync(path.join(dir, 'q', 'fragments'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'q', 'fragments', 'hop.cypher'), '// @slot hops: 1 2\nMATCH (a)-[*{{hops}}]->(b)');
    fs.writeFileSync(path.join(dir, 'q', 'walk.cypher'), '{{> q/fragments/hop}}\nRETURN b');
    const catalog = new CypherCatalog(dir);
    expect(catalog.names()).toEqual(['q/walk']);
    expect(catalog.render('q/walk', { hops: 2 })).toContain('MATCH (a)-[*2]->(b)\nRETURN b');
    expect(() => catalog.render('q/walk', { hops: 3 })).toThrow(/slot hops cannot be 3/);
    expect(() => catalog.render('q/walk', { hops: '1}]->() DETACH DELETE n //' })).toThrow(/cannot be/);
    expect(() => catalog.render('q/walk', {})).toThrow(/slot hops not given/);
    expect(() => catalog.get('q/walk')).toThrow(/has slots/);
    expect(catalog.variants('q/walk').map((variant) => variant.slots)).toEqual([{ hops: '1' }, { hops: '2' }]);
  });

  it('splits migration files on statement-ending semicolons and drops comments', () => {
    expect(splitStatements('// header\nCREATE A;\nCREATE B\n  ON x;\n\n')).toEqual(['CREATE A', 'CREATE B\n  ON x']);
  });

  it('never interpolates into Cypher: no template literal reaches run() in src/', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.ts') && /\b(run|rows|readRows|writeRows|executeQuery)\(\s*`[^`]*\$\{/.test(fs.readFileSync(full, 'utf8'))) offenders.push(full);
      }
    };
    walk(path.join(__dirname, '../../../src'));
    expect(offenders).toEqual([]);
  });
});
