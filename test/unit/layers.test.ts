/**
 * Layers know only the layers below them (ARCHITECTURE.md): platform < domain < facts < neo4j, and none of these
 * reaches GraphQL. Every relative import of a file in a layer is resolved and checked against what the layer may use.
 */
import fs from 'node:fs';
import path from 'node:path';

const SRC = path.join(__dirname, '..', '..', 'src');
const BELOW: Record<string, string[]> = {
  platform: [],
  domain: ['platform'],
  facts: ['domain', 'platform'],
  neo4j: ['facts', 'domain', 'platform', 'config.ts'],
};
const GRAPHQL_PACKAGES = /^(graphql|type-graphql|@apollo\/|class-validator|dataloader)/;

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

function imports(file: string): string[] {
  return [...fs.readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+'([^']+)'/g)].map((m) => m[1]);
}

describe.each(Object.entries(BELOW))('src/%s', (layer, allowed) => {
  it('imports only from itself and the layers below it, and no GraphQL package', () => {
    const wrong: string[] = [];
    for (const file of files(path.join(SRC, layer))) {
      for (const spec of imports(file)) {
        if (!spec.startsWith('.')) {
          if (GRAPHQL_PACKAGES.test(spec)) wrong.push(`${path.relative(SRC, file)} -> ${spec}`);
          continue;
        }
        const top = path.relative(SRC, path.resolve(path.dirname(file), spec)).split(path.sep)[0];
        const target = top === path.basename(top, '.ts') && fs.existsSync(path.join(SRC, `${top}.ts`)) ? `${top}.ts` : top;
        if (target !== layer && !allowed.includes(target)) wrong.push(`${path.relative(SRC, file)} -> ${spec}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

it('the check sees imports (not vacuous)', () => {
  expect(files(path.join(SRC, 'neo4j')).flatMap(imports).some((spec) => spec.includes('/facts/'))).toBe(true);
});
