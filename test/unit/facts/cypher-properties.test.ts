/**
 * Hand-written Cypher (analytics, traversals, import checks, rules) reads fact nodes and derived relationships by
 * property name. Every such name must be one the definitions store: a renamed or removed field would otherwise read
 * as null without an error. Migrations are left out: they read the shapes of older versions.
 */
import fs from 'node:fs';
import path from 'node:path';
import { FACTS } from '../../../src/facts/registry';
import { LIFECYCLE_PROPERTIES, inputProperties } from '../../../src/facts/fact-record';
import { derivedEdgeProperties } from '../../../src/neo4j/facts/derived-edges';

const CYPHER = path.join(__dirname, '..', '..', '..', 'cypher');
const BOOKKEEPING = ['id', 'createdAt', 'updatedAt'];

/** Properties each fact label and each derived relationship type may be read by. */
function allowed(): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  const add = (key: string, names: string[]) => map.set(key, new Set([...(map.get(key) ?? []), ...names]));
  for (const definition of FACTS) {
    add(definition.name, [...BOOKKEEPING, ...inputProperties(definition), ...LIFECYCLE_PROPERTIES]);
    add('Fact', [...BOOKKEEPING, ...inputProperties(definition), ...LIFECYCLE_PROPERTIES]);
    if (definition.derived) add(definition.derived.type, derivedEdgeProperties(definition));
  }
  return map;
}

function cypherFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : cypherFiles(full);
    return entry.name.endsWith('.cypher') ? [full] : [];
  });
}

/** Each variable bound to a fact label or a derived relationship type in a file, with the labels/types it may hold. */
function bindings(text: string, known: Map<string, Set<string>>): Map<string, string[]> {
  const bound = new Map<string, string[]>();
  for (const match of text.matchAll(/[([]\s*(\w+)\s*:\s*([A-Za-z_|]+)/g)) {
    const names = match[2].split('|').filter((name) => known.has(name));
    if (names.length > 0) bound.set(match[1], [...new Set([...(bound.get(match[1]) ?? []), ...names])]);
  }
  return bound;
}

/** Property names read from a variable: `v.name` and map projections `v { .name, ... }`. */
function propertiesRead(text: string, variable: string): string[] {
  const code = text.replace(/\/\/[^\n]*/g, '').replace(/'[^']*'/g, "''");
  const dotted = [...code.matchAll(new RegExp(`(?<![\\w.$])${variable}\\.(\\w+)`, 'g'))].map((m) => m[1]);
  const projected = [...code.matchAll(new RegExp(`(?<![\\w.$])${variable}\\s*\\{([^}]*)\\}`, 'g'))].flatMap((m) => [...m[1].matchAll(/(?:^|,)\s*\.(\w+)/g)].map((p) => p[1]));
  return [...dotted, ...projected];
}

describe('hand-written Cypher reads only properties the fact definitions store', () => {
  const known = allowed();
  const files = cypherFiles(CYPHER);

  it('finds the files that read facts (the check is not vacuous)', () => {
    const reading = files.filter((file) => bindings(fs.readFileSync(file, 'utf8'), known).size > 0);
    expect(reading.length).toBeGreaterThanOrEqual(10);
  });

  it.each(files.map((file) => [path.relative(CYPHER, file), file]))('%s', (_name, file) => {
    const text = fs.readFileSync(file, 'utf8');
    const unknown: string[] = [];
    for (const [variable, labels] of bindings(text, known)) {
      const names = new Set(labels.flatMap((label) => [...(known.get(label) as Set<string>)]));
      for (const property of propertiesRead(text, variable)) if (!names.has(property)) unknown.push(`${variable}.${property} (${labels.join('|')})`);
    }
    expect(unknown).toEqual([]);
  });

  it('catches a property no definition stores', () => {
    const text = 'MATCH (i:Investment) RETURN i.valuation, i { .amountUsd, .stake }';
    const bound = bindings(text, known);
    const names = known.get('Investment') as Set<string>;
    expect(propertiesRead(text, 'i').filter((p) => !names.has(p))).toEqual(['valuation', 'stake']);
    expect(bound.get('i')).toEqual(['Investment']);
  });
});
