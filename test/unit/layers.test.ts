/**
 * The layers of ARCHITECTURE.md, checked on the code's own imports: every relative import of every file in src/ is
 * resolved, and a file may import only its own layer and the layers below it. Features (company/, source/,
 * analytics/, changes/, totals/) import no other feature; the local Neo4j process (managed-neo4j/) uses only the platform; nothing below
 * the loaders imports a GraphQL package. And no files import each other, in two or in a longer circle.
 */
import fs from 'node:fs';
import path from 'node:path';

const SRC = path.join(__dirname, '..', '..', 'src');

/** Bottom to top: a folder (with a slash) or a file of src/, as ARCHITECTURE.md's Layers section lists them. */
const LAYERS: readonly (readonly [layer: string, members: readonly string[]])[] = [
  ['platform', ['platform/', 'config.ts']],
  ['domain', ['domain/']],
  ['facts', ['facts/']],
  ['neo4j', ['neo4j/']],
  ['loaders', ['loaders.ts']],
  ['graphql', ['graphql/']],
  ['features', ['company/', 'source/', 'analytics/', 'changes/', 'totals/']],
  ['wiring', ['repositories.ts', 'schema.ts', 'metrics/', 'http/', 'server.ts', 'app.ts']],
  // Below the entry points only: the process that starts a local Neo4j, which needs nothing of the application.
  ['managed-neo4j', ['managed-neo4j/']],
  ['tools', ['seed/', 'import/', 'export/', 'synthetic/', 'cli/', 'cluster/', 'index.ts']],
];
/** Layers that may use fewer layers than all those below them. */
const ONLY: Readonly<Record<string, readonly string[]>> = { 'managed-neo4j': ['platform'] };
/** Layers whose members are siblings: none imports another member of the layer. */
const SIBLINGS = new Set(['features']);
const GRAPHQL_PACKAGES = /^(graphql|type-graphql|@apollo\/|class-validator|dataloader)(\/|$)/;
const NO_GRAPHQL_PACKAGES = new Set(['platform', 'managed-neo4j', 'domain', 'facts', 'neo4j']);

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/** What a file imports: `import ... from`, `export ... from` and `import '...'` for its side effects. */
function imports(file: string): string[] {
  return [...fs.readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(?:(?:import|export)[^'"]*?from\s+|import\s+)'([^']+)'/g)].map((m) => m[1]);
}

/** The src file a relative import names (path relative to src/), or the path itself when no such file exists. */
function resolve(from: string, spec: string): string {
  const target = path.resolve(path.dirname(from), spec);
  const found = [`${target}.ts`, path.join(target, 'index.ts'), target].find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile());
  return path.relative(SRC, found ?? target);
}

/** The layer member a src path belongs to: the longest member that is the file or a folder holding it. */
function memberOf(file: string): { layer: string; member: string } | undefined {
  const found = LAYERS.flatMap(([layer, members]) => members.map((member) => ({ layer, member }))).filter(({ member }) => (member.endsWith('/') ? file.startsWith(member) : file === member));
  return found.sort((a, b) => b.member.length - a.member.length)[0];
}

const FILES = files(SRC).map((file) => path.relative(SRC, file));
/** Every relative import of every src file: file -> imported file (paths relative to src/). */
const GRAPH = new Map(FILES.map((file) => [file, imports(path.join(SRC, file)).filter((spec) => spec.startsWith('.')).map((spec) => resolve(path.join(SRC, file), spec))]));
/** Every package import of every src file. */
const PACKAGES = new Map(FILES.map((file) => [file, imports(path.join(SRC, file)).filter((spec) => !spec.startsWith('.'))]));

it('every src file belongs to a layer, and every layer member exists', () => {
  expect(FILES.filter((file) => !memberOf(file))).toEqual([]);
  const missing = LAYERS.flatMap(([, members]) => members).filter((member) => !fs.existsSync(path.join(SRC, member)));
  expect(missing).toEqual([]);
});

describe.each(LAYERS.map(([layer], index) => [layer, index] as const))('src layer %s', (layer, index) => {
  const below = ONLY[layer] ?? LAYERS.slice(0, index).map(([name]) => name);
  const own = FILES.filter((file) => memberOf(file)?.layer === layer);

  it(`imports only from itself and ${below.length ? below.join(', ') : 'nothing else'}${SIBLINGS.has(layer) ? ' (each member only from itself)' : ''}`, () => {
    const wrong: string[] = [];
    for (const file of own) {
      const from = memberOf(file)!;
      for (const target of GRAPH.get(file)!) {
        const to = memberOf(target);
        const fine = to !== undefined && (to.layer === layer ? !SIBLINGS.has(layer) || to.member === from.member : below.includes(to.layer));
        if (!fine) wrong.push(`${file} -> ${target} (${to ? `${to.layer}: ${to.member}` : 'outside src/'})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  if (NO_GRAPHQL_PACKAGES.has(layer)) {
    it('imports no GraphQL package', () => {
      expect(own.flatMap((file) => PACKAGES.get(file)!.filter((spec) => GRAPHQL_PACKAGES.test(spec)).map((spec) => `${file} -> ${spec}`))).toEqual([]);
    });
  }
});

/** Strongly connected components of the import graph (Tarjan): the files that reach each other through imports. */
function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!));
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

it('no src files import each other, in two or in a longer circle', () => {
  expect(circles(GRAPH)).toEqual([]);
});

it('the checks see imports and circles (not vacuous)', () => {
  expect([...GRAPH.values()].flat().length).toBeGreaterThan(500);
  expect(GRAPH.get('loaders.ts')).toContain('neo4j/facts/fact-repository.ts');
  expect(circles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c']]);
  expect(memberOf('company/company.resolver.ts')).toEqual({ layer: 'features', member: 'company/' });
});
