import type { FactDefinition } from './fact-definition';
import { FACTS } from './registry';

/**
 * How much of a fact a read projects. `whole`: everything a record holds (every field, its events as JSON, from
 * which its timeline derives, and the ids of the sources it cites), for callers that compute from them or select
 * fields that do. Otherwise the names of the core fields the request selected (see coreFields), written `core:` then
 * the names sorted and comma-separated, so equal selections share a statement and a loader: the read projects those
 * and nothing else, as a hand-written statement would. At 1k companies, the investments of 20 labs (146 facts): whole
 * 18 ms, three fields 6 ms.
 */
export type FactDetail = 'whole' | `core:${string}`;

const cores = new Map<string, ReadonlySet<string>>();

/** The object fields of a fact type a core read answers: id, its fields but events, parties, links, reverse links. */
export function coreFields(definition: FactDefinition): ReadonlySet<string> {
  let names = cores.get(definition.name);
  if (!names) {
    const reverse = FACTS.flatMap((source) => (source.links ?? []).filter((link) => link.target === definition.name && link.reverse).map((link) => link.reverse!.field));
    names = new Set([
      'id',
      ...definition.fields.filter((field) => field.kind !== 'events').map((field) => field.name),
      ...definition.parties.map((party) => party.role),
      ...(definition.links ?? []).map((link) => link.field),
      ...reverse,
    ]);
    cores.set(definition.name, names);
  }
  return names;
}

/** The detail a read needs for the fields selected on its facts: core when each is a core field (or __typename). */
export function detailFor(definition: FactDefinition, selected: Iterable<string>): FactDetail {
  const core = coreFields(definition);
  const names = new Set<string>();
  for (const name of selected) {
    if (name === '__typename') continue;
    if (!core.has(name)) return 'whole';
    names.add(name);
  }
  return `core:${[...names].sort().join(',')}`;
}

/** The core fields a detail reads, or null for a whole read. */
export function coreSelection(detail: FactDetail): ReadonlySet<string> | null {
  if (detail === 'whole') return null;
  const list = detail.slice('core:'.length);
  return new Set(list === '' ? [] : list.split(','));
}
