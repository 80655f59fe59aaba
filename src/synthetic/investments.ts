import { AmountKind, Instrument, InvestmentStatus } from '../domain/enums';
import { formatUsd } from '../domain/money';
import { FAR_INDEX, KIT_WEIGHTS } from './anchor-kit';
import { DAY, dateString, FIRST_DAY, firstDayOf, LAST_DAY, randomPrecision, YEAR_OF } from './calendar';
import { padded, roundAmount } from './format';
import { fundingRound, STAGES, type FundingRoundRecord } from './funding-rounds';
import { CHIPMAKER, CLOUD, INVESTOR, LAB, NEOCLOUD, OTHER } from './kinds';
import { cumulativeWeights, Random } from './random';
import { PART_INVESTMENTS, type World } from './world';

export type InvestmentRecord = {
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

export class InvestmentWriter {
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
export function generateInvestments(world: World, rng: Random): InvestmentWriter {
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
