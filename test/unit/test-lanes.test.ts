import fs from 'node:fs';
import path from 'node:path';

/**
 * The three test lanes (test/support/lanes.js, one jest project each in jest.config.js): every test file runs in
 * exactly one, so `npm run test:unit`, `test:int` and `test:browser` together run what `npm test` runs; the unit
 * lane never starts Neo4j and imports nothing that needs it, Java, a browser or a built explorer.
 */
const ROOT = path.resolve(__dirname, '../..');
type Lane = 'unit' | 'int' | 'browser';
const { LANES } = require(path.join(ROOT, 'test/support/lanes.js')) as { LANES: Record<Lane, readonly string[]> };
const config = require(path.join(ROOT, 'jest.config.js')) as {
  projects: { displayName: string; testMatch: string[]; globalSetup?: string; globalTeardown?: string }[];
  globalSetup?: string;
  testSequencer?: string;
};
const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

/** A glob of the lanes' kind ("**" for any folders, "*" within one name) as a regular expression over a relative path. */
function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('/')
    .map((part) => (part === '**' ? '(?:[^/]+/)*' : `${part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}/`))
    .join('');
  return new RegExp(`^${body.slice(0, -1)}$`);
}

/** Every test file under the folders jest looked in before there were lanes. */
function testFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : testFiles(relative);
    return entry.name.endsWith('.test.ts') ? [relative] : [];
  });
}

const lanesOf = (file: string) => (Object.keys(LANES) as Lane[]).filter((lane) => LANES[lane].some((glob) => globToRegExp(glob).test(file)));

describe('test lanes', () => {
  const files = [...testFiles('test'), ...testFiles('explorer/test')];

  it('put every test file in exactly one lane', () => {
    expect(files.length).toBeGreaterThan(70);
    expect(files.map((file) => [file, lanesOf(file)]).filter(([, lanes]) => lanes.length !== 1)).toEqual([]);
    expect(files.filter((file) => file.startsWith('explorer/test/browser/')).every((file) => lanesOf(file)[0] === 'browser')).toBe(true);
    expect(files.filter((file) => /^test\/(integration|e2e)\//.test(file)).every((file) => lanesOf(file)[0] === 'int')).toBe(true);
  });

  it('are jest projects: Neo4j is set up for the int and browser lanes only, files run in one shuffled order', () => {
    const byName = Object.fromEntries(config.projects.map((project) => [project.displayName, project]));
    expect(Object.keys(byName).sort()).toEqual(['browser', 'int', 'unit']);
    for (const lane of Object.keys(LANES) as Lane[]) expect(byName[lane].testMatch).toEqual(LANES[lane].map((glob) => `<rootDir>/${glob}`));
    expect(config.globalSetup).toBeUndefined();
    expect(byName.unit.globalSetup).toBeUndefined();
    expect(byName.unit.globalTeardown).toBeUndefined();
    for (const lane of ['int', 'browser']) {
      expect(byName[lane].globalSetup).toBe('<rootDir>/test/support/global-setup.ts');
      expect(byName[lane].globalTeardown).toBe('<rootDir>/test/support/global-teardown.ts');
    }
    expect(config.testSequencer).toBe('<rootDir>/test/support/shuffle-sequencer.js');
  });

  it('have their npm scripts, and npm test runs every lane in band', () => {
    expect(scripts.test).toBe('jest --runInBand');
    for (const lane of Object.keys(LANES)) expect(scripts[`test:${lane}`]).toBe(`jest --selectProjects ${lane} --runInBand`);
  });

  it('keep the unit lane away from the helpers that need Neo4j, Java, a browser, a built explorer or a server process', () => {
    const needsMore = [
      /support\/(test-app|global-setup|disposable-neo4j|docker-answers|browser|explorer-build|server-process|seeded-explorer|graph-builder|plan|plan-count)$/,
      /^(playwright-core|testcontainers|@testcontainers\/.*)$/,
      /(neo4j\/managed|managed-neo4j)\//,
    ];
    const imports = (file: string) => [...fs.readFileSync(path.join(ROOT, file), 'utf8').matchAll(/^\s*(?:import|export)\b[^;]*?from\s+'([^']+)'|\b(?:require|import)\('([^']+)'\)/gm)].map((m) => m[1] ?? m[2]);
    const unitFiles = files.filter((file) => lanesOf(file)[0] === 'unit');
    const offending = unitFiles.flatMap((file) => imports(file).filter((spec) => needsMore.some((pattern) => pattern.test(spec))).map((spec) => `${file}: ${spec}`));
    expect(offending).toEqual([]);
  });
});
