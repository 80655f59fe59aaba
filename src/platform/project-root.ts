import fs from 'node:fs';
import path from 'node:path';

let cached: string | undefined;

/**
 * The folder holding this project's package.json. Code runs both from `src/` (tests) and `dist/src/` (built),
 * so paths to `cypher/`, `data/` and `neo4j-local/` are resolved from here rather than from __dirname.
 */
export function projectRoot(): string {
  if (cached) return cached;
  let dir = __dirname;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'ai-industry-graph') {
      cached = dir;
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the ai-industry-graph package.json above ' + __dirname);
    dir = parent;
  }
}
