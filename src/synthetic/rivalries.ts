import { dateOnOrAfter, firstDayOf, LAST_YEAR } from './calendar';
import { padded } from './format';
import { Random } from './random';
import { PART_RIVALRIES, type World } from './world';

export type RivalryRecord = { id: string; companyIds: string[]; market: string; since?: string; sourceIds: string[] };

const RIVALS_PER_LAB: readonly [number, number] = [2, 4];

function rivalryTitle(world: World, a: number, b: number, market: string): () => string {
  return () => `${world.names[a]} and ${world.names[b]} compete in ${market.replace(/-\d+$/, '').replace(/-/g, ' ')}`;
}

/** Within each market every lab seeks 2-4 rivals among the labs with room left; one rivalry per pair. */
export function generateRivalries(world: World): RivalryRecord[] {
  const records: RivalryRecord[] = [];
  const kitPairs: [number, number, string][] = [
    [0, 1, '2021'],
    [0, 2, '2022-06'],
    [0, 3, '2023'],
  ];
  for (const [a, b, since] of kitPairs) {
    const market = world.markets[0].label;
    records.push({ id: `riv-kit-${b}`, companyIds: [world.ids[a], world.ids[b]], market, since, sourceIds: world.sources.cite(since, rivalryTitle(world, a, b, market)) });
  }
  let seq = 0;
  world.markets.forEach((market, m) => {
    // Each market draws from its own stream: market 0 (the anchor's) has the same rivalries at every N.
    const rng = Random.derived(world.seed, PART_RIVALRIES, m);
    const members = market.members;
    const size = members.length;
    const target = members.map(() => rng.int(...RIVALS_PER_LAB));
    const degree = new Int32Array(size);
    const linked = new Set<number>();
    const link = (x: number, y: number) => {
      linked.add(Math.min(x, y) * size + Math.max(x, y));
      degree[x]++;
      degree[y]++;
    };
    if (m === 0) for (const [a, b] of kitPairs) link(members.indexOf(a), members.indexOf(b));
    // Two passes: everyone up to its target among labs with room, then labs still short of the minimum take a
    // rival that is already full (so nobody is left out by the order of the first pass).
    for (let x = 0; x < size * 2; x++) {
      const lab = x % size;
      const [goal, room, attempts] = x < size ? [target[lab], 0, 12] : [RIVALS_PER_LAB[0], 1, 40];
      for (let attempt = 0; attempt < attempts && degree[lab] < goal; attempt++) {
        const y = rng.below(size);
        if (y === lab || degree[y] >= target[y] + room || linked.has(Math.min(lab, y) * size + Math.max(lab, y))) continue;
        link(lab, y);
        const [a, b] = [members[lab], members[y]];
        const record = { id: `riv-${padded(++seq, 7)}`, companyIds: [world.ids[a], world.ids[b]], market: market.label } as RivalryRecord;
        const since = rng.chance(0.7) ? dateOnOrAfter(Math.max(firstDayOf(world.founded[a]), firstDayOf(world.founded[b])), rng, 0.2, 0.3) : undefined;
        if (since) record.since = since;
        record.sourceIds = world.sources.cite(since ?? LAST_YEAR, rivalryTitle(world, a, b, market.label));
        records.push(record);
      }
    }
  });
  return records;
}
