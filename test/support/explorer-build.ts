import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const outDir = path.join(root, 'dist/explorer');
const stampFile = path.join(outDir, '.source-hash');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test' ? [] : filesUnder(full);
    return [full];
  });
}

/** Hash of everything the explorer build reads: its sources, its config and the locked package versions. */
function sourceHash(): string {
  const hash = crypto.createHash('sha256');
  // The GraphiQL page also bundles the example operations, which live with the server.
  const files = [...filesUnder(path.join(root, 'explorer')), path.join(root, 'src/graphql/example-operations.ts'), path.join(root, 'package-lock.json')].sort();
  for (const file of files) hash.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file));
  return hash.digest('hex');
}

/**
 * Builds the explorer and GraphiQL pages with Vite unless dist/explorer was built from these very sources, so browser
 * tests always load what the source says (a new machine has no build; a stale one would test yesterday's page).
 */
export function ensureExplorerBuilt(): void {
  const hash = sourceHash();
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === hash) return;
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'explorer/vite.config.ts'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  fs.writeFileSync(stampFile, hash);
}
