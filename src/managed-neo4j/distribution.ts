import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { projectRoot } from '../platform/project-root';
import { ManagedNeo4jError } from './managed-neo4j-error';
import { requireMaven } from './prerequisites';

/** Where the jars of one Neo4j version are kept, shared by every local instance. */
export function distributionDir(baseDir: string, version: string): string {
  return path.join(baseDir, 'dist', version);
}

/**
 * Resolves the Neo4j Community server jars from Maven Central into `<baseDir>/dist/<version>/lib` the first
 * time, and reuses them afterwards. Maven's own download log is condensed into a running count so a first
 * run (about 125 MB) shows progress without flooding the terminal.
 */
export async function ensureDistribution(baseDir: string, version: string, report: (line: string) => void): Promise<string> {
  const dir = distributionDir(baseDir, version);
  const lib = path.join(dir, 'lib');
  const marker = path.join(dir, '.complete');
  if (fs.existsSync(marker)) return lib;

  requireMaven();
  const staging = path.join(dir, `lib.partial-${process.pid}`);
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  report(`neo4j: resolving Neo4j ${version} Community from Maven Central (first run only)...`);

  const args = [
    '-B',
    '-f',
    path.join(projectRoot(), 'neo4j-local', 'pom.xml'),
    `-Dneo4j.version=${version}`,
    'dependency:copy-dependencies',
    `-DoutputDirectory=${staging}`,
    '-DincludeScope=runtime',
  ];
  const tail: string[] = [];
  let downloaded = 0;
  let kilobytes = 0;
  const exitCode = await new Promise<number>((resolve, reject) => {
    const child = spawn('mvn', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const onLine = (line: string) => {
      tail.push(line);
      if (tail.length > 40) tail.shift();
      const done = /^\[INFO\] Downloaded from [^:]+: (\S+) \(([\d.,]+) (kB|MB|B)/.exec(line);
      if (done) {
        downloaded += 1;
        const size = Number(done[2].replace(/,/g, ''));
        const sizeKb = done[3] === 'MB' ? size * 1024 : done[3] === 'B' ? size / 1024 : size;
        kilobytes += sizeKb;
        if (downloaded % 25 === 0 || (done[1].endsWith('.jar') && sizeKb >= 1024)) {
          report(`neo4j: downloaded ${downloaded} files, ${(kilobytes / 1024).toFixed(1)} MB (latest: ${path.basename(done[1])})`);
        }
      }
    };
    readline.createInterface({ input: child.stdout }).on('line', onLine);
    readline.createInterface({ input: child.stderr }).on('line', onLine);
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  if (exitCode !== 0) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw new ManagedNeo4jError(`Maven could not resolve Neo4j ${version} (exit ${exitCode}). Last lines:\n${tail.join('\n')}`);
  }
  fs.rmSync(lib, { recursive: true, force: true });
  fs.renameSync(staging, lib);
  fs.writeFileSync(marker, `${new Date().toISOString()}\n`);
  const jars = fs.readdirSync(lib).filter((name) => name.endsWith('.jar')).length;
  report(`neo4j: ${jars} jars ready in ${lib} (${downloaded} files downloaded, ${(kilobytes / 1024).toFixed(1)} MB)`);
  return lib;
}
