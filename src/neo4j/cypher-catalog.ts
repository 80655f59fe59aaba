import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../common/project-root';

/**
 * Every Cypher statement of the project, read once from `cypher/**.cypher` at start-up. Repositories ask for their
 * statements by name (`company/find-company`) when they are constructed, so a missing file fails at boot, not on
 * the first request that needs it.
 */
export class CypherCatalog {
  private readonly statements: ReadonlyMap<string, string>;

  constructor(readonly root: string = path.join(projectRoot(), 'cypher')) {
    const statements = new Map<string, string>();
    for (const file of listCypherFiles(root)) {
      const name = path.relative(root, file).replace(/\\/g, '/').replace(/\.cypher$/, '');
      statements.set(name, fs.readFileSync(file, 'utf8'));
    }
    this.statements = statements;
  }

  /** The statement stored in `cypher/<name>.cypher`; throws when there is no such file. */
  get(name: string): string {
    const statement = this.statements.get(name);
    if (statement === undefined) throw new Error(`missing Cypher file cypher/${name}.cypher`);
    return statement;
  }

  /** Names of all statements, sorted (e.g. for tests that EXPLAIN every file). */
  names(): string[] {
    return [...this.statements.keys()].sort();
  }
}

function listCypherFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return listCypherFiles(full);
      return entry.isFile() && entry.name.endsWith('.cypher') ? [full] : [];
    })
    .sort();
}
