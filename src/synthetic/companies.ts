import type { Dataset } from '../seed/dataset';
import { FAR_INDEX, KIT } from './anchor-kit';
import { padded } from './format';
import { BIG_TECH, BLOCK, CHIPMAKER, CLOUD, ID_PREFIXES, INVESTOR, KIND_MIX, KIND_NAMES, LAB, NEOCLOUD, OTHER } from './kinds';
import { cumulativeWeights, Random } from './random';
import { SourcePool } from './sources';
import type { Market, World } from './world';

// The companies: kinds, founding years, countries, markets, parents and names, drawn into the World every other part
// reads.

type CompanyRecord = Dataset['companies'][number];

// Vocabulary.

const SYLLABLES = [
  'ar', 'ax', 'bel', 'cor', 'cy', 'da', 'el', 'en', 'fi', 'ga', 'hel', 'io', 'ka', 'lu', 'ma', 'mer', 'neo', 'no',
  'nu', 'or', 'pa', 'per', 'qua', 'ra', 'ri', 'sa', 'sen', 'syn', 'ta', 'ten', 'tor', 'tra', 'ul', 'va', 'vec',
  've', 'xa', 'yo', 'ze', 'zen',
];
const ENDINGS = ['', '', '', 'a', 'ia', 'ix', 'on', 'ora', 'um', 'us', 'yx', 'ic'];
const SUFFIXES: readonly (readonly string[])[] = [
  ['AI', 'Labs', 'AI', 'Intelligence', 'Research', 'Systems', 'AI', ''],
  ['Capital', 'Ventures', 'Partners', 'Fund', 'Investments', 'Capital Partners'],
  ['Corp', 'Technologies', 'Group', 'Inc'],
  ['Cloud', 'Compute', 'Cloud Services'],
  ['GPU Cloud', 'Compute', 'Cloud', 'Infrastructure'],
  ['Semiconductor', 'Silicon', 'Devices', 'Micro'],
  ['Data', 'Robotics', 'Software', 'Analytics', 'Health'],
];
const MARKET_TOPICS = [
  'frontier-models', 'code-assistants', 'image-generation', 'speech-ai', 'ai-agents', 'video-generation',
  'enterprise-search', 'robotics-foundation-models', 'drug-discovery-ai', 'legal-ai', 'ai-safety', 'edge-inference',
  'autonomous-driving', 'customer-support-ai', 'fintech-ai', 'health-ai', 'ai-chips-software', 'synthetic-data',
];
/** ISO 3166-1 alpha-2 codes with rough weights by how many AI companies each hosts. */
const COUNTRIES: readonly (readonly [string, number])[] = [
  ['US', 40], ['CN', 10], ['GB', 8], ['FR', 5], ['DE', 5], ['CA', 5], ['IL', 4], ['IN', 4], ['JP', 3], ['KR', 3],
  ['SG', 3], ['AE', 2], ['SE', 2], ['CH', 2], ['NL', 2], ['ES', 1], ['IT', 1], ['BR', 1], ['AU', 1], ['FI', 1],
  ['PL', 1], ['TW', 1], ['SA', 1], ['EE', 1],
];
const COUNTRY_WEIGHTS = cumulativeWeights(COUNTRIES.map(([, weight]) => weight));
/** Founding years by kind: [earliest, latest]; labs are skewed to recent years (see foundedYear). */
const FOUNDED: readonly (readonly [number, number])[] = [
  [2010, 2025],
  [1975, 2022],
  [1970, 2012],
  [2002, 2022],
  [2015, 2024],
  [1965, 2022],
  [1995, 2024],
];

const MARKET_SIZE: readonly [number, number] = [40, 60];
/** Parents are picked among the most recent eligible companies, so no company's child count grows with N. */
const RECENT_PARENTS = 20;

/** Kinds block by block; each block is shuffled from its own draws, so company i has the same kind at every N. */
function assignKinds(n: number, rng: Random): Uint8Array {
  const kind = new Uint8Array(n);
  for (let start = 0; start < n; start += BLOCK) {
    const block: number[] = [];
    KIND_MIX.forEach((count, k) => {
      for (let c = 0; c < count; c++) block.push(k);
    });
    if (start === 0) for (const member of KIT) block.splice(block.indexOf(member.kind), 1);
    rng.shuffle(block);
    const offset = start === 0 ? KIT.length : 0;
    for (let j = 0; j < block.length && start + offset + j < n; j++) kind[start + offset + j] = block[j];
  }
  KIT.forEach((member, i) => (kind[i] = member.kind));
  return kind;
}

function foundedYear(kind: number, rng: Random): number {
  const [earliest, latest] = FOUNDED[kind];
  // Labs: most were founded in the last few years.
  if (kind === LAB) return latest - Math.floor((latest - earliest + 1) * rng.float() ** 1.6);
  return rng.int(earliest, latest);
}

/** Labs fill markets of 40-60 in index order; the far lab opens market 1 so it never shares the anchor's market. */
function assignMarkets(kind: Uint8Array, rng: Random): { market: Int32Array; markets: Market[] } {
  const market = new Int32Array(kind.length).fill(-1);
  const markets: Market[] = [];
  const open = () => {
    const index = markets.length;
    markets.push({ label: `${MARKET_TOPICS[index % MARKET_TOPICS.length]}-${index}`, capacity: rng.int(...MARKET_SIZE), members: [] });
  };
  open();
  open();
  markets[1].members.push(FAR_INDEX);
  market[FAR_INDEX] = 1;
  let current = 0;
  for (let i = 0; i < kind.length; i++) {
    if (kind[i] !== LAB || i === FAR_INDEX) continue;
    while (markets[current].members.length >= markets[current].capacity) {
      current++;
      if (current === markets.length) open();
    }
    markets[current].members.push(i);
    market[i] = current;
  }
  // A small remainder would give its labs few rivals; fold it into the market before (never into 0 or 1).
  const last = markets[markets.length - 1];
  if (markets.length > 2 && last.members.length < MARKET_SIZE[0] / 2) {
    markets.pop();
    for (const i of last.members) {
      markets[markets.length - 1].members.push(i);
      market[i] = markets.length - 1;
    }
  }
  return { market, markets };
}

/** Some clouds, chipmakers, investors, labs and others belong to a big tech or an investor with a lower index. */
function assignParents(kind: Uint8Array, rng: Random): Int32Array {
  const parent = new Int32Array(kind.length).fill(-1);
  parent[6] = 5;
  const recentBigTech: number[] = [];
  const recentInvestors: number[] = [];
  const remember = (list: number[], i: number) => {
    list.push(i);
    if (list.length > RECENT_PARENTS) list.shift();
  };
  for (let i = 0; i < kind.length; i++) {
    const k = kind[i];
    const roll = rng.float();
    if (i >= KIT.length) {
      let from: number[] | null = null;
      if (k === CLOUD && roll < 0.5) from = recentBigTech;
      else if ((k === NEOCLOUD || k === CHIPMAKER) && roll < 0.1) from = recentBigTech.length > 0 && roll < 0.07 ? recentBigTech : recentInvestors;
      else if (k === INVESTOR && roll < 0.08) from = recentBigTech;
      else if (k === LAB && roll < 0.015) from = recentBigTech;
      else if (k === OTHER && roll < 0.06) from = recentInvestors;
      if (from !== null && from.length > 0) parent[i] = rng.pick(from);
    }
    if (k === BIG_TECH) remember(recentBigTech, i);
    if (k === INVESTOR) remember(recentInvestors, i);
  }
  return parent;
}

function syllableStem(rng: Random): string {
  let stem = rng.pick(SYLLABLES) + rng.pick(SYLLABLES);
  if (rng.chance(0.3)) stem += rng.pick(SYLLABLES);
  stem += rng.pick(ENDINGS);
  return stem[0].toUpperCase() + stem.slice(1);
}

/** Syllable names ("Zenora AI"); a big tech's cloud is named after its parent, like Amazon's AWS. */
function assignNames(kind: Uint8Array, parent: Int32Array, rng: Random): string[] {
  const stems: string[] = [];
  const names: string[] = [];
  for (let i = 0; i < kind.length; i++) {
    const k = kind[i];
    const p = parent[i];
    stems.push(syllableStem(rng));
    const suffix = rng.pick(SUFFIXES[k]);
    if (k === CLOUD && p >= 0 && kind[p] === BIG_TECH) {
      stems[i] = stems[p];
      names.push(`${stems[p]} ${suffix}`);
    } else {
      names.push(suffix ? `${stems[i]} ${suffix}` : stems[i]);
    }
  }
  return names;
}

export function buildWorld(n: number, seed: number, master: Random): World {
  const kind = assignKinds(n, master.fork());
  const attributes = master.fork();
  const founded = new Int16Array(n);
  const country = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    founded[i] = foundedYear(kind[i], attributes);
    country[i] = attributes.pickWeighted(COUNTRY_WEIGHTS);
  }
  KIT.forEach((member, i) => {
    founded[i] = member.founded;
    country[i] = COUNTRIES.findIndex(([code]) => code === member.country);
  });
  const { market, markets } = assignMarkets(kind, master.fork());
  const parent = assignParents(kind, master.fork());
  // A child cannot be older than the group it was founded in; acquired children keep their own year.
  for (let i = 0; i < n; i++) if (parent[i] >= 0 && founded[i] < founded[parent[i]]) founded[i] = founded[parent[i]];
  const names = assignNames(kind, parent, master.fork());
  const ids = Array.from({ length: n }, (_, i) => `${ID_PREFIXES[kind[i]]}-${padded(i, 6)}`);
  return { seed, n, kind, founded, country, market, parent, ids, names, markets, sources: new SourcePool(master.fork()) };
}

export function companyRecords(world: World): CompanyRecord[] {
  const records: CompanyRecord[] = [];
  for (let i = 0; i < world.n; i++) {
    records.push({ id: world.ids[i], name: world.names[i], kind: KIND_NAMES[world.kind[i]], country: COUNTRIES[world.country[i]][0], founded: String(world.founded[i]) });
  }
  return records;
}
