import { dateOnOrAfter, firstDayOf, LAST_YEAR } from './calendar';
import { padded } from './format';
import type { Random } from './random';
import type { World } from './world';

export type SubsidiaryRecord = { id: string; childId: string; parentId: string; since?: string; sourceIds: string[] };

/** One link per child with a parent. `since`: the founding year for companies founded inside the group since
 * 2015, otherwise the day it joined (after 2015), or left out. */
export function generateSubsidiaries(world: World, rng: Random): SubsidiaryRecord[] {
  const records: SubsidiaryRecord[] = [];
  for (let child = 0; child < world.n; child++) {
    const parent = world.parent[child];
    if (parent < 0) continue;
    const kit = child === 6;
    const founded = world.founded[child];
    const since = kit ? '2016' : founded >= 2015 && founded > world.founded[parent] ? String(founded) : rng.chance(0.7) ? dateOnOrAfter(firstDayOf(Math.max(founded, world.founded[parent])), rng) : undefined;
    const record = { id: kit ? 'sub-kit-loop' : `sub-${padded(records.length + 1, 7)}`, childId: world.ids[child], parentId: world.ids[parent] } as SubsidiaryRecord;
    if (since) record.since = since;
    record.sourceIds = world.sources.cite(since ?? LAST_YEAR, () => `${world.names[child]} operates as a unit of ${world.names[parent]}`);
    records.push(record);
  }
  return records;
}
