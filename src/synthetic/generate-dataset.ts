import { AcquisitionKind, AmountKind, ComputeDealStatus, ComputeResource, Instrument, InvestmentStatus } from '../domain/enums';
import { formatUsd } from '../domain/money';
import { addLifecycles } from './lifecycles';
import { slugify } from '../domain/validation';
import type { Dataset } from '../seed/dataset';
import { cumulativeWeights, Random } from './random';

/** What to generate: how many companies, and the seed that makes the output reproducible. */
export interface GenerateOptions {
  companies: number;
  seed: number;
}

/** Smallest and largest company counts: the anchor kit needs 10 companies; ids have six digits. */
export const MIN_COMPANIES = 10;
export const MAX_COMPANIES = 1_000_000;
/** Seeds are 32-bit: the generator's state is seeded from one unsigned 32-bit integer. */
export const MAX_SEED = 0xffffffff;

/** The anchor: an AI lab present at every scale, with rivals, a hedging investor and a money loop. */
export const ANCHOR_LAB_ID = 'lab-000000';
/** A lab in another market, linked to the anchor by a 3-hop path (and by no direct relation). */
export const ANCHOR_FAR_ID = 'lab-000007';
/** Every id and fact of the anchor kit, for benchmarks and tests that need to know what to expect. */
export const ANCHOR = Object.freeze({
  labId: ANCHOR_LAB_ID,
  market: 'frontier-models-0',
  rivalIds: Object.freeze(['lab-000001', 'lab-000002', 'lab-000003']),
  /** Invests in the anchor and in its rival lab-000001. */
  hedgeInvestorId: 'vc-000004',
  /** Invests in the anchor (two tranches) and owns the cloud that sells the anchor compute. */
  loopParentId: 'bigtech-000005',
  loopCloudId: 'cloud-000006',
  loopInvestmentId: 'inv-kit-loop-1',
  loopComputeDealId: 'cd-kit-loop',
  farId: ANCHOR_FAR_ID,
  farMarket: 'code-assistants-1',
  /** anchor -COMPETES_WITH- lab-000003 <-INVESTED_IN- vc-000008 -INVESTED_IN-> lab-000007 */
  bridgeInvestorId: 'vc-000008',
  farPath: Object.freeze(['lab-000000', 'lab-000003', 'vc-000008', 'lab-000007']),
});

type CompanyRecord = Dataset['companies'][number];
type SourceRecord = Dataset['sources'][number];
type InvestmentRecord = {
  id: string;
  investorId: string;
  investeeId: string;
  amountUsd?: number;
  amountKind?: AmountKind;
  announcedOn: string;
  closedOn?: string;
  round?: string;
  instrument?: Instrument;
  stakePercent?: number;
  valuationUsd?: number;
  status: InvestmentStatus;
  fundingRoundId?: string;
  sourceIds: string[];
};
type FundingRoundRecord = {
  id: string;
  companyId: string;
  leadInvestorIds: string[];
  name: string;
  announcedOn: string;
  amountUsd?: number;
  amountKind?: AmountKind;
  preMoneyValuationUsd?: number;
  postMoneyValuationUsd?: number;
  sourceIds: string[];
};
type ComputeDealRecord = {
  id: string;
  providerId: string;
  customerId: string;
  valueUsd?: number;
  amountKind?: AmountKind;
  announcedOn: string;
  startsOn?: string;
  endsOn?: string;
  resource: ComputeResource;
  capacity?: string;
  status: ComputeDealStatus;
  relatedInvestmentId?: string;
  sourceIds: string[];
};
type RivalryRecord = { id: string; companyIds: string[]; market: string; since?: string; sourceIds: string[] };
type SubsidiaryRecord = { id: string; childId: string; parentId: string; since?: string; sourceIds: string[] };
type AcquisitionRecord = {
  id: string;
  acquirerId: string;
  targetId: string;
  kind: AcquisitionKind;
  announcedOn: string;
  amountUsd?: number;
  amountKind?: AmountKind;
  sourceIds: string[];
};

// ---------------------------------------------------------------------------------------------------------------
// Company kinds. Small integers so per-company facts live in typed arrays: at a million companies, objects would not.

const LAB = 0;
const INVESTOR = 1;
const BIG_TECH = 2;
const CLOUD = 3;
const NEOCLOUD = 4;
const CHIPMAKER = 5;
const OTHER = 6;
const KIND_NAMES = ['AI_LAB', 'INVESTOR', 'BIG_TECH', 'CLOUD', 'NEOCLOUD', 'CHIPMAKER', 'OTHER'] as const;
const ID_PREFIXES = ['lab', 'vc', 'bigtech', 'cloud', 'neocloud', 'chip', 'co'];
/** Kinds in every block of 100 consecutive companies, so the mix is exact at every scale and prefix-stable. */
const KIND_MIX = [70, 16, 2, 3, 2, 2, 5];
const BLOCK = 100;

/** The first companies: the anchor, three rivals, a hedging investor, a big tech and its cloud, a far lab, ... */
const KIT = [
  { kind: LAB, founded: 2019, country: 'US' },
  { kind: LAB, founded: 2018, country: 'US' },
  { kind: LAB, founded: 2020, country: 'FR' },
  { kind: LAB, founded: 2021, country: 'GB' },
  { kind: INVESTOR, founded: 2009, country: 'US' },
  { kind: BIG_TECH, founded: 1994, country: 'US' },
  { kind: CLOUD, founded: 2016, country: 'US' },
  { kind: LAB, founded: 2020, country: 'CA' },
  { kind: INVESTOR, founded: 2012, country: 'GB' },
  { kind: CHIPMAKER, founded: 1993, country: 'US' },
];
const FAR_INDEX = 7;
/** Fixed activity weights for kit investors and providers, so the anchor's neighbourhood does not depend on luck. */
const KIT_WEIGHTS = new Map([
  [4, 6],
  [5, 10],
  [6, 8],
  [8, 3],
  [9, 4],
]);

// ---------------------------------------------------------------------------------------------------------------
// Dates: whole days since 1970-01-01; strings come from tables built once, so a million records share them.

const DAY_MS = 86_400_000;
const dayOf = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day) / DAY_MS;
/** Facts are dated from 2015 up to a fixed day, not "today", so that output never depends on the clock. */
export const FIRST_DATE = '2015-01-01';
export const LAST_DATE = '2026-06-30';
const FIRST_DAY = dayOf(2015, 1, 1);
const LAST_DAY = dayOf(2026, 6, 30);
/** Compute contracts may run past LAST_DATE (endsOn is a contract term, not an event). */
const TABLE_LAST_DAY = dayOf(2031, 12, 31);
const DAY_ISO: string[] = [];
const MONTH_ISO: string[] = [];
const YEAR_ISO: string[] = [];
const YEAR_OF = new Int16Array(TABLE_LAST_DAY - FIRST_DAY + 1);
for (let day = FIRST_DAY; day <= TABLE_LAST_DAY; day++) {
  const iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
  const previous = DAY_ISO[DAY_ISO.length - 1];
  DAY_ISO.push(iso);
  MONTH_ISO.push(previous?.startsWith(iso.slice(0, 7)) ? MONTH_ISO[MONTH_ISO.length - 1] : iso.slice(0, 7));
  YEAR_ISO.push(previous?.startsWith(iso.slice(0, 4)) ? YEAR_ISO[YEAR_ISO.length - 1] : iso.slice(0, 4));
  YEAR_OF[day - FIRST_DAY] = Number(iso.slice(0, 4));
}
/** The date cited for undated facts' sources. */
const LAST_YEAR = YEAR_ISO[LAST_DAY - FIRST_DAY];
const DAY = 0;
const MONTH = 1;
const YEAR = 2;

function dateString(day: number, precision: number): string {
  const at = day - FIRST_DAY;
  return precision === DAY ? DAY_ISO[at] : precision === MONTH ? MONTH_ISO[at] : YEAR_ISO[at];
}

/** First day a company can appear in a dated fact: its founding year, or 2015. */
function firstDayOf(foundedYear: number): number {
  return Math.max(FIRST_DAY, dayOf(foundedYear, 1, 1));
}

// ---------------------------------------------------------------------------------------------------------------
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
/** Fictional publishers under example.com: the data is synthetic and must not look like real reporting. */
const PUBLISHERS: readonly (readonly [string, string])[] = [
  ['Tensor Times', 'tensor-times.example.com'],
  ['Gradient Gazette', 'gradient-gazette.example.com'],
  ['Inference Insider', 'inference-insider.example.com'],
  ['Token Tribune', 'token-tribune.example.com'],
  ['Compute Ledger', 'compute-ledger.example.com'],
  ['Venture Signal', 'venture-signal.example.com'],
  ['Silicon Dispatch', 'silicon-dispatch.example.com'],
  ['Model Weekly', 'model-weekly.example.com'],
];
/** Funding stages with the median round size in USD. */
const STAGES: readonly (readonly [string, number])[] = [
  ['Pre-seed', 1.5e6],
  ['Seed', 4e6],
  ['Series A', 15e6],
  ['Series B', 40e6],
  ['Series C', 100e6],
  ['Series D', 250e6],
  ['Series E', 600e6],
  ['Growth', 1.5e9],
];

// ---------------------------------------------------------------------------------------------------------------
// Tuning. Every rate is per company or per fact, never per dataset, so local statistics do not change with N.

/** Investors' activity weights: Pareto tail (few very active investors), capped so no hub grows with N. */
const INVESTOR_TAIL = 1.1;
const INVESTOR_WEIGHT_CAP = 400;
const INVESTOR_KIND_SCALE = [0, 1, 3, 0.5, 0, 1.5, 0];
/** Share of round participants drawn from investors focused on the investee's market (makes hedges local). */
const LOCAL_INVESTOR_RATE = 0.5;
/** Round participants: 1..8 with these weights (mean about 2.6). */
const PARTICIPANT_WEIGHTS = cumulativeWeights([27, 30, 21, 11, 6, 3, 1.5, 0.5]);
const FOLLOW_ON_RATE = 0.35;
const STRATEGIC_TRANCHE_RATE = 0.35;
/** Only Series B and later: big strategic cheques come in tranches (Amazon into Anthropic: three). */
const STRATEGIC_TRANCHE_STAGE = 3;
const MARKET_SIZE: readonly [number, number] = [40, 60];
const RIVALS_PER_LAB: readonly [number, number] = [2, 4];
/** Compute deals bought per lab: 0..3 with these weights (mean 1.2). */
const DEALS_PER_LAB = cumulativeWeights([25, 40, 25, 10]);
/** Share of a provider-parent's investments into labs that come with a compute deal from its subsidiary. */
const TIED_DEAL_RATE = 0.25;
const ACQUISITIONS_PER_COMPANY = 0.01;
/** Share of facts that get a source of their own (the rest cite a recent one): about one source per five facts. */
const NEW_SOURCE_RATE = 0.2;
const SECOND_SOURCE_RATE = 0.3;
const RECENT_SOURCES = 64;
/** Parents are picked among the most recent eligible companies, so no company's child count grows with N. */
const RECENT_PARENTS = 20;

/**
 * Changes whenever the same options would give a different dataset: it names generated files, so a cached file from
 * an older generator is never imported as if it were current.
 */
export const GENERATOR_VERSION = '2026.12.1';

/** Parts of a generation that draw from per-company or per-market streams (see Random.derived). */
const PART_INVESTMENTS = 1;
const PART_COMPUTE_DEALS = 2;
const PART_RIVALRIES = 3;
const PART_ROUNDS = 4;

// ---------------------------------------------------------------------------------------------------------------

/** Per-company facts the generators share. Indices are company numbers; ids are derived from kind and index. */
interface World {
  readonly seed: number;
  readonly n: number;
  readonly kind: Uint8Array;
  readonly founded: Int16Array;
  readonly country: Uint8Array;
  /** Index into `markets`, or -1 for companies outside the lab markets. */
  readonly market: Int32Array;
  /** Parent company index, or -1. Always lower than the child's index, so ownership has no loops. */
  readonly parent: Int32Array;
  readonly ids: string[];
  readonly names: string[];
  readonly markets: Market[];
  readonly sources: SourcePool;
}

interface Market {
  readonly label: string;
  readonly capacity: number;
  readonly members: number[];
}

function padded(index: number, width: number): string {
  return String(index).padStart(width, '0');
}

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

function buildWorld(n: number, seed: number, master: Random): World {
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

// ---------------------------------------------------------------------------------------------------------------

/** Sources cited by facts: a new one for about one fact in five, otherwise one of the most recent. */
class SourcePool {
  readonly records: SourceRecord[] = [];

  constructor(private readonly rng: Random) {}

  /** Source ids for one fact (one or two, distinct); `title` is only called when a new source is written. */
  cite(date: string, title: () => string): string[] {
    const first = this.records.length === 0 || this.rng.chance(NEW_SOURCE_RATE) ? this.create(date, title()) : this.recent();
    if (this.records.length < 2 || !this.rng.chance(SECOND_SOURCE_RATE)) return [first];
    const second = this.recent();
    return second === first ? [first] : [first, second];
  }

  private recent(): string {
    const window = Math.min(this.records.length, RECENT_SOURCES);
    return this.records[this.records.length - 1 - this.rng.below(window)].id;
  }

  private create(date: string, title: string): string {
    const seq = this.records.length + 1;
    const [publisher, host] = this.rng.pick(PUBLISHERS);
    const id = `src-${padded(seq, 7)}`;
    // The sequence number in the path keeps urls unique (Source.url carries a uniqueness constraint).
    const url = `https://${host}/${date.slice(0, 4)}/${slugify(title).slice(0, 60).replace(/-+$/, '')}-${seq}`;
    this.records.push({ id, url, publisher, title, publishedOn: date });
    return id;
  }
}

function randomPrecision(rng: Random, day = 0.6, month = 0.3): number {
  const roll = rng.float();
  return roll < day ? DAY : roll < day + month ? MONTH : YEAR;
}

/** Amounts as reported: rounded to three significant figures, at least $10K. */
function roundAmount(usd: number): number {
  const magnitude = 10 ** Math.max(4, Math.floor(Math.log10(Math.max(usd, 1e4))) - 2);
  return Math.min(1e13, Math.max(1e4, Math.round(usd / magnitude) * magnitude));
}

// ---------------------------------------------------------------------------------------------------------------
// Investments.

/** The investor side: who can invest, how active each is, and which investors focus on which market. */
interface InvestorPool {
  readonly members: Int32Array;
  readonly cumulative: Float64Array;
  readonly local: { members: number[]; cumulative: Float64Array }[];
}

/** Weights come from their own stream, in index order, so investor i is equally active at every N. */
function investorPool(world: World, weightRng: Random, focusRng: Random): InvestorPool {
  const members: number[] = [];
  const weights: number[] = [];
  const focus: number[][] = world.markets.map(() => []);
  const focusWeights: number[][] = world.markets.map(() => []);
  for (let i = 0; i < world.n; i++) {
    const scale = INVESTOR_KIND_SCALE[world.kind[i]];
    if (scale === 0) continue;
    const weight = KIT_WEIGHTS.get(i) ?? scale * weightRng.pareto(INVESTOR_TAIL, INVESTOR_WEIGHT_CAP);
    members.push(i);
    weights.push(weight);
    if (world.kind[i] !== INVESTOR) continue;
    // Funds focus on one or two markets; the kit's hedging investor on the anchor's.
    const markets = i === 4 ? [0] : [focusRng.below(world.markets.length)];
    if (focusRng.chance(0.5)) markets.push(focusRng.below(world.markets.length));
    for (const m of new Set(markets)) {
      focus[m].push(i);
      focusWeights[m].push(weight);
    }
  }
  return {
    members: Int32Array.from(members),
    cumulative: cumulativeWeights(weights),
    local: focus.map((list, m) => ({ members: list, cumulative: cumulativeWeights(focusWeights[m]) })),
  };
}

/** An investment as the tied-deal pass needs it: the record, its investee and its day. */
interface Funding {
  readonly record: InvestmentRecord;
  readonly investee: number;
  readonly day: number;
}
/** Random investments grouped by investor, kept only for investors that own a compute provider (for tied deals). */
type InvestmentsByParent = Map<number, Funding[]>;

function investmentTitle(world: World, investor: number, investee: number, amountUsd: number | undefined, round: string): () => string {
  return () =>
    amountUsd === undefined
      ? `${world.names[investor]} invests in ${world.names[investee]}`
      : `${world.names[investee]} raises ${formatUsd(amountUsd)} ${round} from ${world.names[investor]}`;
}

class InvestmentWriter {
  readonly records: InvestmentRecord[] = [];
  readonly rounds: FundingRoundRecord[] = [];
  readonly byParent: InvestmentsByParent = new Map();

  constructor(private readonly world: World) {
    for (let i = 0; i < world.n; i++) {
      const p = world.parent[i];
      const k = world.kind[i];
      if (p >= 0 && (k === CLOUD || k === NEOCLOUD || k === CHIPMAKER)) this.byParent.set(p, []);
    }
  }

  add(record: InvestmentRecord, investor: number, funding?: Omit<Funding, 'record'>): void {
    this.records.push(record);
    if (funding) this.byParent.get(investor)?.push({ record, ...funding });
  }

  /** One participant's stake in a round: one record, or two or three tranches for a strategic investor. */
  participate(rng: Random, investor: number, investee: number, day: number, precision: number, stage: number, shareUsd: number, disclosed: boolean, fundingRoundId: string): void {
    const world = this.world;
    const strategic = world.kind[investor] !== INVESTOR;
    const tranches = strategic && stage >= STRATEGIC_TRANCHE_STAGE && rng.chance(STRATEGIC_TRANCHE_RATE) ? rng.int(2, 3) : 1;
    const round = tranches > 1 ? 'Strategic investment' : STAGES[stage][0];
    let trancheDay = day;
    for (let t = 0; t < tranches; t++) {
      if (t > 0) {
        trancheDay = Math.min(LAST_DAY, trancheDay + rng.int(60, 330));
        precision = randomPrecision(rng);
      }
      const announcedOn = dateString(trancheDay, precision);
      // Keys are assigned in the seed file's order, optional ones only when present.
      const record = { id: `inv-${padded(this.records.length + 1, 7)}`, investorId: world.ids[investor], investeeId: world.ids[investee] } as InvestmentRecord;
      const amountUsd = disclosed ? roundAmount(shareUsd / tranches) : undefined;
      if (amountUsd !== undefined) {
        const roll = rng.float();
        record.amountUsd = amountUsd;
        record.amountKind = t > 0 && roll < 0.5 ? AmountKind.COMMITMENT : roll < 0.85 ? AmountKind.PAID : roll < 0.94 ? AmountKind.COMMITMENT : AmountKind.UP_TO;
      }
      record.announcedOn = announcedOn;
      const statusRoll = rng.float();
      const status =
        t > 0 && statusRoll < 0.3 ? InvestmentStatus.PLANNED
        : statusRoll < 0.7 ? InvestmentStatus.COMPLETED
        : statusRoll < 0.88 ? InvestmentStatus.ANNOUNCED
        : statusRoll < 0.95 ? InvestmentStatus.PLANNED
        : InvestmentStatus.LAPSED;
      if (status === InvestmentStatus.COMPLETED && rng.chance(0.35)) record.closedOn = dateString(Math.min(LAST_DAY, trancheDay + rng.int(0, 90)), DAY);
      record.round = round;
      const instrumentRoll = rng.float();
      if (instrumentRoll < 0.7) {
        record.instrument =
          stage <= 1 && instrumentRoll < 0.35 ? Instrument.SAFE
          : instrumentRoll < 0.05 ? Instrument.CONVERTIBLE_NOTE
          : strategic && instrumentRoll < 0.08 ? Instrument.WARRANT
          : Instrument.EQUITY;
      }
      if (amountUsd !== undefined && rng.chance(0.2)) {
        const valuationUsd = roundAmount(shareUsd * rng.int(4, 40));
        if (rng.chance(0.5)) record.stakePercent = Math.round((amountUsd / valuationUsd) * 10000) / 100;
        record.valuationUsd = valuationUsd;
      }
      record.status = status;
      record.fundingRoundId = fundingRoundId;
      record.sourceIds = world.sources.cite(announcedOn, investmentTitle(world, investor, investee, amountUsd, round));
      this.add(record, investor, { investee, day: trancheDay });
    }
  }
}

function pickInvestor(pool: InvestorPool, marketIndex: number, rng: Random): number {
  const local = marketIndex >= 0 ? pool.local[marketIndex] : undefined;
  if (local && local.members.length > 0 && rng.chance(LOCAL_INVESTOR_RATE)) return local.members[rng.pickWeighted(local.cumulative)];
  return pool.members[rng.pickWeighted(pool.cumulative)];
}

/**
 * Funding rounds for every lab, neocloud and other company: 1-5 rounds, each with 1-8 investors. A company's rounds
 * (dates, sizes, number of investors) come from its own stream, so they are the same at every N; who invests is
 * drawn from the whole pool.
 */
function generateInvestments(world: World, rng: Random): InvestmentWriter {
  const writer = new InvestmentWriter(world);
  kitInvestments(world, writer);
  const pool = investorPool(world, rng.fork(), rng.fork());
  if (pool.members.length === 0) return writer;
  for (let e = 0; e < world.n; e++) {
    const k = world.kind[e];
    if (k !== LAB && k !== NEOCLOUD && k !== OTHER) continue;
    const own = Random.derived(world.seed, PART_INVESTMENTS, e);
    const rounds = k === LAB ? own.int(1, 5) : k === NEOCLOUD ? own.int(1, 4) : own.int(1, 3);
    const first = firstDayOf(world.founded[e]);
    const days = Array.from({ length: rounds }, () => first + own.below(LAST_DAY - first + 1)).sort((a, b) => a - b);
    const firstStage = k === LAB ? own.int(0, 2) : k === NEOCLOUD ? own.int(1, 3) : own.int(0, 3);
    let previous: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const day = days[r];
      const year = YEAR_OF[day - FIRST_DAY];
      const stage = Math.min(firstStage + r, STAGES.length - 1);
      const participants = own.pickWeighted(PARTICIPANT_WEIGHTS) + 1;
      const totalUsd = own.logNormal(STAGES[stage][1], 0.8);
      const precision = randomPrecision(own);
      const disclosed = own.chance(0.88);
      const chosen: number[] = [];
      for (let p = 0; p < participants; p++) {
        // A follow-on: an investor from the previous round comes back (several investments for one pair).
        if (p === 0 && previous.length > 0 && own.chance(FOLLOW_ON_RATE)) {
          chosen.push(previous[0]);
          continue;
        }
        for (let attempt = 0; attempt < 4; attempt++) {
          const candidate = pickInvestor(pool, world.market[e], rng);
          if (candidate !== e && !chosen.includes(candidate) && world.founded[candidate] <= year) {
            chosen.push(candidate);
            break;
          }
        }
      }
      if (chosen.length === 0) continue;
      const shares = chosen.map((_, p) => (p === 0 ? 2 : 0.5) + own.float());
      const shareTotal = shares.reduce((a, b) => a + b, 0);
      const roundId = `round-${padded(writer.rounds.length + 1, 7)}`;
      const firstRecord = writer.records.length;
      chosen.forEach((investor, p) => writer.participate(own, investor, e, day, precision, stage, (totalUsd * shares[p]) / shareTotal, disclosed, roundId));
      writer.rounds.push(fundingRound(world, roundId, e, chosen[0], r, dateString(day, precision), stage, disclosed ? totalUsd : undefined, writer.records[firstRecord].sourceIds));
      previous = chosen;
    }
  }
  return writer;
}

/**
 * The round a company's r-th raise belongs to: led by its largest participant, its total when disclosed, and in half
 * of the rounds a reported valuation. Valuations come from a stream of their own and the round cites its first
 * investment's sources, so adding rounds changed no other record of the dataset.
 */
function fundingRound(world: World, id: string, company: number, lead: number, r: number, announcedOn: string, stage: number, totalUsd: number | undefined, sourceIds: string[]): FundingRoundRecord {
  const rng = Random.derived(world.seed, PART_ROUNDS, company * 8 + r);
  const record: FundingRoundRecord = { id, companyId: world.ids[company], leadInvestorIds: [world.ids[lead]], name: STAGES[stage][0], announcedOn, sourceIds: [...sourceIds] };
  if (totalUsd !== undefined) {
    record.amountUsd = roundAmount(totalUsd);
    record.amountKind = AmountKind.PAID;
    if (rng.chance(0.5)) {
      record.postMoneyValuationUsd = roundAmount(totalUsd * rng.int(4, 12));
      record.preMoneyValuationUsd = record.postMoneyValuationUsd - record.amountUsd;
    }
  }
  return record;
}

/** The anchor's fixed money: a hedge (vc-000004 backs the anchor and a rival), a loop tranche pair, a bridge to far. */
function kitInvestments(world: World, writer: InvestmentWriter): void {
  const kit: [string, number, number, string, number, AmountKind, string, InvestmentStatus][] = [
    ['inv-kit-hedge-anchor', 4, 0, '2021-05-12', 30e6, AmountKind.PAID, 'Series A', InvestmentStatus.COMPLETED],
    ['inv-kit-hedge-rival', 4, 1, '2022-03', 60e6, AmountKind.PAID, 'Series B', InvestmentStatus.COMPLETED],
    ['inv-kit-loop-1', 5, 0, '2023-09-25', 1.25e9, AmountKind.PAID, 'Strategic investment', InvestmentStatus.COMPLETED],
    ['inv-kit-loop-2', 5, 0, '2024-03-27', 2.75e9, AmountKind.COMMITMENT, 'Strategic investment', InvestmentStatus.ANNOUNCED],
    ['inv-kit-rival-seed', 8, 2, '2022', 5e6, AmountKind.PAID, 'Seed', InvestmentStatus.COMPLETED],
    ['inv-kit-bridge-rival', 8, 3, '2023-06-14', 20e6, AmountKind.PAID, 'Series A', InvestmentStatus.COMPLETED],
    ['inv-kit-bridge-far', 8, FAR_INDEX, '2024-02-20', 25e6, AmountKind.PAID, 'Series A', InvestmentStatus.COMPLETED],
  ];
  for (const [id, investor, investee, announcedOn, amountUsd, amountKind, round, status] of kit) {
    const sourceIds = world.sources.cite(announcedOn, investmentTitle(world, investor, investee, amountUsd, round));
    writer.add({ id, investorId: world.ids[investor], investeeId: world.ids[investee], amountUsd, amountKind, announcedOn, round, status, sourceIds }, investor);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Compute deals.

const RESOURCES: Record<number, readonly (readonly [ComputeResource, number])[]> = {
  [CLOUD]: [
    [ComputeResource.CLOUD, 70],
    [ComputeResource.TPU, 10],
    [ComputeResource.TRAINIUM, 10],
    [ComputeResource.CUSTOM_ACCELERATOR, 5],
    [ComputeResource.DATA_CENTER, 5],
  ],
  [NEOCLOUD]: [
    [ComputeResource.GPU, 75],
    [ComputeResource.DATA_CENTER, 25],
  ],
  [CHIPMAKER]: [
    [ComputeResource.GPU, 70],
    [ComputeResource.CUSTOM_ACCELERATOR, 30],
  ],
};
const RESOURCE_WEIGHTS: Record<number, Float64Array> = Object.fromEntries(
  Object.entries(RESOURCES).map(([kind, list]) => [kind, cumulativeWeights(list.map(([, weight]) => weight))]),
);

/** Resources each provider kind can sell, for tests and documentation. */
export const RESOURCES_BY_PROVIDER_KIND: Readonly<Record<string, readonly ComputeResource[]>> = Object.freeze(
  Object.fromEntries(Object.entries(RESOURCES).map(([kind, list]) => [KIND_NAMES[Number(kind)], list.map(([resource]) => resource)])),
);

class ComputeDealWriter {
  readonly records: ComputeDealRecord[] = [];

  constructor(private readonly world: World) {}

  add(rng: Random, provider: number, customer: number, day: number, precision: number, related?: InvestmentRecord): void {
    const world = this.world;
    const providerKind = world.kind[provider];
    const resource = RESOURCES[providerKind][rng.pickWeighted(RESOURCE_WEIGHTS[providerKind])][0];
    const announcedOn = related ? related.announcedOn : dateString(day, precision);
    const statusRoll = rng.float();
    const status =
      statusRoll < 0.25 ? ComputeDealStatus.ANNOUNCED
      : statusRoll < 0.7 ? ComputeDealStatus.ACTIVE
      : statusRoll < 0.9 ? ComputeDealStatus.COMPLETED
      : ComputeDealStatus.LAPSED;
    const record = { id: `cd-${padded(this.records.length + 1, 7)}`, providerId: world.ids[provider], customerId: world.ids[customer] } as ComputeDealRecord;
    if (related || rng.chance(0.5)) {
      const roll = rng.float();
      record.valueUsd = roundAmount(rng.logNormal(related ? (related.amountUsd ?? 1e8) : 5e7, 1.2));
      record.amountKind = related ? AmountKind.COMMITMENT : roll < 0.5 ? AmountKind.CONTRACT_VALUE : roll < 0.8 ? AmountKind.COMMITMENT : AmountKind.UP_TO;
    }
    record.announcedOn = announcedOn;
    // Only an announced deal may start after the last date; finished ones ended by it, running ones end later.
    let starts = day;
    if (rng.chance(0.4)) {
      starts = day + rng.int(0, 180);
      if (status !== ComputeDealStatus.ANNOUNCED) starts = Math.min(starts, LAST_DAY);
      // A month is only precise enough when it begins after the announcement.
      const month = rng.chance(0.5) && MONTH_ISO[starts - FIRST_DAY] !== MONTH_ISO[day - FIRST_DAY];
      record.startsOn = dateString(starts, month ? MONTH : DAY);
    }
    if (rng.chance(0.3)) {
      const ended = status === ComputeDealStatus.COMPLETED || status === ComputeDealStatus.LAPSED;
      const ends = ended ? Math.min(LAST_DAY, starts + rng.int(180, 1500)) : Math.max(starts, LAST_DAY) + rng.int(60, 1800);
      if (ends - starts >= 60) record.endsOn = dateString(Math.min(ends, TABLE_LAST_DAY), MONTH);
    }
    record.resource = resource;
    if (rng.chance(0.25)) record.capacity = providerKind === CLOUD ? `${rng.int(5, 500)} MW` : `${rng.int(1, 200) * 500} GPUs`;
    record.status = status;
    if (related) record.relatedInvestmentId = related.id;
    record.sourceIds = world.sources.cite(announcedOn, () => `${world.names[customer]} signs ${resource.toLowerCase().replace('_', ' ')} deal with ${world.names[provider]}`);
    this.records.push(record);
  }
}

/** About one deal per company: labs buy from providers picked by activity, and providers owned by an investor sell
 * to some of the labs their parent funds (the money comes back: the "money loop"). */
function generateComputeDeals(world: World, investments: InvestmentWriter, rng: Random): ComputeDealRecord[] {
  const writer = new ComputeDealWriter(world);
  kitComputeDeals(world, writer);
  const providers: number[] = [];
  const weights: number[] = [];
  const weightRng = rng.fork();
  for (let i = 0; i < world.n; i++) {
    const k = world.kind[i];
    if (k !== CLOUD && k !== NEOCLOUD && k !== CHIPMAKER) continue;
    providers.push(i);
    const hyperscaler = k === CLOUD && world.parent[i] >= 0 && world.kind[world.parent[i]] === BIG_TECH;
    weights.push(KIT_WEIGHTS.get(i) ?? (hyperscaler ? 4 : 1) * weightRng.pareto(1.2, 200));
  }
  if (providers.length > 0) {
    const cumulative = cumulativeWeights(weights);
    for (let c = 0; c < world.n; c++) {
      if (world.kind[c] !== LAB) continue;
      const own = Random.derived(world.seed, PART_COMPUTE_DEALS, c);
      const deals = own.pickWeighted(DEALS_PER_LAB);
      for (let d = 0; d < deals; d++) {
        const provider = providers[rng.pickWeighted(cumulative)];
        const first = Math.max(firstDayOf(world.founded[c]), firstDayOf(world.founded[provider]));
        writer.add(own, provider, c, first + own.below(LAST_DAY - first + 1), randomPrecision(own));
      }
    }
  }
  for (let provider = 0; provider < world.n; provider++) {
    const k = world.kind[provider];
    const parent = world.parent[provider];
    const funded = parent >= 0 && (k === CLOUD || k === NEOCLOUD || k === CHIPMAKER) ? investments.byParent.get(parent) : undefined;
    if (!funded) continue;
    for (const { record, investee, day } of funded) {
      if (world.kind[investee] !== LAB || !rng.chance(TIED_DEAL_RATE) || firstDayOf(world.founded[provider]) > day) continue;
      writer.add(rng, provider, investee, day, DAY, record);
    }
  }
  return writer.records;
}

function kitComputeDeals(world: World, writer: ComputeDealWriter): void {
  const loop: ComputeDealRecord = {
    id: ANCHOR.loopComputeDealId,
    providerId: world.ids[6],
    customerId: world.ids[0],
    valueUsd: 4e9,
    amountKind: AmountKind.COMMITMENT,
    announcedOn: '2023-09-25',
    startsOn: '2023-10',
    resource: ComputeResource.CLOUD,
    status: ComputeDealStatus.ACTIVE,
    relatedInvestmentId: ANCHOR.loopInvestmentId,
    sourceIds: world.sources.cite('2023-09-25', () => `${world.names[0]} commits to spend on ${world.names[6]} after ${world.names[5]} investment`),
  };
  const gpu: ComputeDealRecord = {
    id: 'cd-kit-gpu',
    providerId: world.ids[9],
    customerId: world.ids[2],
    announcedOn: '2024-07',
    resource: ComputeResource.GPU,
    capacity: '20000 GPUs',
    status: ComputeDealStatus.ACTIVE,
    sourceIds: world.sources.cite('2024-07', () => `${world.names[2]} buys GPUs from ${world.names[9]}`),
  };
  writer.records.push(loop, gpu);
}

// ---------------------------------------------------------------------------------------------------------------
// Rivalries, subsidiaries, acquisitions.

function rivalryTitle(world: World, a: number, b: number, market: string): () => string {
  return () => `${world.names[a]} and ${world.names[b]} compete in ${market.replace(/-\d+$/, '').replace(/-/g, ' ')}`;
}

/** Within each market every lab seeks 2-4 rivals among the labs with room left; one rivalry per pair. */
function generateRivalries(world: World): RivalryRecord[] {
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

/** A date between `first` and LAST_DATE at a random precision. */
function dateOnOrAfter(first: number, rng: Random, day = 0.6, month = 0.3): string {
  return dateString(first + rng.below(LAST_DAY - first + 1), randomPrecision(rng, day, month));
}

/** One link per child with a parent. `since`: the founding year for companies founded inside the group since
 * 2015, otherwise the day it joined (after 2015), or left out. */
function generateSubsidiaries(world: World, rng: Random): SubsidiaryRecord[] {
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

/** About one acquisition per hundred companies: big tech, chipmakers, clouds and labs buy labs and others. */
function generateAcquisitions(world: World, rng: Random): AcquisitionRecord[] {
  const acquirers: number[] = [];
  const targets: number[] = [];
  for (let i = KIT.length; i < world.n; i++) {
    const k = world.kind[i];
    if (k === BIG_TECH || k === CHIPMAKER || k === CLOUD || k === LAB) acquirers.push(i);
    if (k === LAB || k === OTHER) targets.push(i);
  }
  const records: AcquisitionRecord[] = [];
  if (acquirers.length === 0 || targets.length === 0) return records;
  const taken = new Set<number>();
  const count = Math.round(world.n * ACQUISITIONS_PER_COMPANY);
  for (let a = 0; a < count; a++) {
    // Labs are most of the acquirer pool; let big tech, chipmakers and clouds make most acquisitions anyway.
    let acquirer = rng.pick(acquirers);
    if (world.kind[acquirer] === LAB && rng.chance(0.7)) acquirer = rng.pick(acquirers);
    const target = rng.pick(targets);
    if (target === acquirer || taken.has(target)) continue;
    taken.add(target);
    const first = Math.max(firstDayOf(world.founded[acquirer]), firstDayOf(world.founded[target]));
    const announcedOn = dateOnOrAfter(first, rng, 0.7, 0.25);
    const kind = rng.chance(0.2) ? AcquisitionKind.ACQUIHIRE_LICENSE : AcquisitionKind.ACQUISITION;
    const record: AcquisitionRecord = { id: `acq-${padded(records.length + 1, 7)}`, acquirerId: world.ids[acquirer], targetId: world.ids[target], kind, announcedOn } as AcquisitionRecord;
    if (rng.chance(0.6)) {
      record.amountUsd = roundAmount(rng.logNormal(1.5e8, 1.3));
      record.amountKind = AmountKind.PAID;
    }
    record.sourceIds = world.sources.cite(announcedOn, () =>
      kind === AcquisitionKind.ACQUISITION
        ? `${world.names[acquirer]} to acquire ${world.names[target]}`
        : `${world.names[acquirer]} licenses ${world.names[target]} technology and hires its team`,
    );
    records.push(record);
  }
  return records;
}

function companyRecords(world: World): CompanyRecord[] {
  const records: CompanyRecord[] = [];
  for (let i = 0; i < world.n; i++) {
    records.push({ id: world.ids[i], name: world.names[i], kind: KIND_NAMES[world.kind[i]], country: COUNTRIES[world.country[i]][0], founded: String(world.founded[i]) });
  }
  return records;
}

/** Throws unless `companies` is an integer in [MIN_COMPANIES, MAX_COMPANIES] and `seed` an integer in [0, 2^32). */
function checkGenerateOptions({ companies, seed }: GenerateOptions): void {
  if (!Number.isInteger(companies) || companies < MIN_COMPANIES || companies > MAX_COMPANIES) {
    throw new RangeError(`companies must be an integer from ${MIN_COMPANIES} to ${MAX_COMPANIES} (got ${companies})`);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) throw new RangeError(`seed must be an integer from 0 to ${MAX_SEED} (got ${seed})`);
}

/**
 * A synthetic AI-industry graph in the dataset format: about 10 records per company (6 investments, 1 compute deal,
 * 1 rivalry, 1.6 sources, a few subsidiary links and acquisitions). Deterministic: the same options give the same
 * dataset. Company i has the same id, kind, name, country and founding year at every N, and the anchor kit
 * (ANCHOR) is present at every N; the other relations are drawn so that a company's neighbourhood has the same
 * statistics at every N (markets of 40-60 labs, investor activity capped).
 */
export function generateDataset(options: GenerateOptions): Dataset {
  checkGenerateOptions(options);
  const master = Random.seeded(options.seed);
  const world = buildWorld(options.companies, options.seed, master);
  const investments = generateInvestments(world, master.fork());
  const computeDeals = generateComputeDeals(world, investments, master.fork());
  const rivalries = generateRivalries(world);
  const subsidiaries = generateSubsidiaries(world, master.fork());
  const acquisitions = generateAcquisitions(world, master.fork());
  const dataset: Dataset = {
    version: GENERATOR_VERSION,
    description: `Synthetic AI-industry graph (not real data): ${options.companies} companies, seed ${options.seed}. Made by npm run generate.`,
    sources: world.sources.records,
    companies: companyRecords(world),
    fundingRounds: investments.rounds,
    investments: investments.records,
    computeDeals,
    rivalries,
    subsidiaries,
    acquisitions,
  };
  addLifecycles(dataset, options.seed, LAST_DATE);
  return dataset;
}
