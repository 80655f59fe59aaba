import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../platform/project-root';

/** Values a template slot may take, declared in the template's own header: `// @slot forward: 1 2 3`. */
type SlotDomains = ReadonlyMap<string, readonly string[]>;

const SLOT_DECLARATION = /^\/\/\s*@slot\s+(\w+):\s*(.+)$/gm;
const SLOT_USE = /\{\{(\w+)\}\}/g;
const PARTIAL_USE = /\{\{>\s*([\w/-]+)((?:\s+\w+)*)\s*\}\}/g;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Cypher text made by code from closed definitions (a fact type's map projection), given identifiers only. */
export type GeneratedFragment = (...args: string[]) => string;

/**
 * Every Cypher statement of the project, read once from `cypher/**.cypher` at start-up. Repositories ask for their
 * statements by name (`company/find-company`) when they are constructed, so a missing file fails at boot, not on
 * the first request that needs it.
 *
 * Two closed mechanisms let one file serve several shapes without ever building Cypher from input:
 * - partials: `{{> analytics/fragments/path-steps}}` inserts another catalog file (files under a `fragments/`
 *   folder are only ever inserted, never run);
 * - slots: `{{forward}}` takes one of the values the file declares for it (`// @slot forward: 1 2 3`), e.g. a
 *   quantifier Cypher only accepts as a literal. `render` refuses any other value.
 */
export class CypherCatalog {
  private readonly files: ReadonlyMap<string, string>;
  private readonly generated = new Map<string, GeneratedFragment>();

  constructor(readonly root: string = path.join(projectRoot(), 'cypher')) {
    const files = new Map<string, string>();
    for (const file of listCypherFiles(root)) {
      const name = path.relative(root, file).replace(/\\/g, '/').replace(/\.cypher$/, '');
      files.set(name, fs.readFileSync(file, 'utf8'));
    }
    this.files = files;
  }

  /**
   * Registers a fragment made by code, inserted as `{{> name arg ...}}` (e.g. `{{> fact-map Investment i}}`): its
   * arguments can only be identifiers written in the Cypher file itself.
   */
  define(name: string, fragment: GeneratedFragment): void {
    if (this.files.has(name) || this.generated.has(name)) throw new Error(`Cypher fragment ${name} is defined twice`);
    this.generated.set(name, fragment);
  }

  /** The statement stored in `cypher/<name>.cypher`, partials inserted; throws when there is no such file or it has slots. */
  get(name: string): string {
    if (this.slotsOf(name).size > 0) throw new Error(`cypher/${name}.cypher has slots; use render()`);
    return this.expand(name, {}, [name]);
  }

  /** A templated statement with each slot set to one of its declared values. */
  render(name: string, slots: Readonly<Record<string, string | number>>): string {
    const domains = this.slotsOf(name);
    for (const [slot, value] of Object.entries(slots)) {
      const allowed = domains.get(slot);
      if (!allowed) throw new Error(`cypher/${name}.cypher declares no slot "${slot}"`);
      if (!allowed.includes(String(value))) throw new Error(`cypher/${name}.cypher: slot ${slot} cannot be ${JSON.stringify(value)} (allowed: ${allowed.join(' ')})`);
    }
    for (const slot of domains.keys()) if (!(slot in slots)) throw new Error(`cypher/${name}.cypher: slot ${slot} not given`);
    return this.expand(name, slots, [name]);
  }

  /** Every rendering of a statement: one per combination of its slots' values (tests EXPLAIN each). */
  variants(name: string): { slots: Record<string, string>; text: string }[] {
    let combos: Record<string, string>[] = [{}];
    for (const [slot, values] of this.slotsOf(name)) combos = combos.flatMap((combo) => values.map((value) => ({ ...combo, [slot]: value })));
    return combos.map((slots) => ({ slots, text: this.render(name, slots) }));
  }

  /** Names of all runnable statements, sorted (fragments are left out: they only exist inside others). */
  names(): string[] {
    return [...this.files.keys()].filter((name) => !name.includes('fragments/')).sort();
  }

  /** The slots a file and the partials it inserts declare. */
  private slotsOf(name: string, seen: string[] = []): SlotDomains {
    const text = this.file(name);
    const domains = new Map<string, string[]>();
    for (const [, slot, values] of text.matchAll(SLOT_DECLARATION)) domains.set(slot, values.trim().split(/\s+/));
    for (const [, partial] of text.matchAll(PARTIAL_USE)) {
      if (this.generated.has(partial)) continue;
      if (seen.includes(partial)) throw new Error(`cypher/${name}.cypher inserts ${partial} in a loop`);
      for (const [slot, values] of this.slotsOf(partial, [...seen, name])) if (!domains.has(slot)) domains.set(slot, [...values]);
    }
    return domains;
  }

  private expand(name: string, slots: Readonly<Record<string, string | number>>, trail: string[]): string {
    return this.file(name)
      .replace(PARTIAL_USE, (_match, partial: string, rawArgs: string) => {
        const args = rawArgs.trim() ? rawArgs.trim().split(/\s+/) : [];
        const fragment = this.generated.get(partial);
        if (fragment) {
          for (const arg of args) if (!IDENTIFIER.test(arg)) throw new Error(`cypher/${name}.cypher: ${partial} takes identifiers, not ${arg}`);
          return fragment(...args);
        }
        if (args.length > 0) throw new Error(`cypher/${name}.cypher: ${partial} is a file and takes no arguments`);
        if (trail.includes(partial)) throw new Error(`cypher/${name}.cypher inserts ${partial} in a loop`);
        return this.expand(partial, slots, [...trail, partial]);
      })
      .replace(SLOT_USE, (_match, slot: string) => {
        if (!(slot in slots)) throw new Error(`cypher/${name}.cypher uses slot ${slot} without a value`);
        return String(slots[slot]);
      });
  }

  private file(name: string): string {
    const text = this.files.get(name);
    if (text === undefined) throw new Error(`missing Cypher file cypher/${name}.cypher`);
    return text;
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
