import { AmountKind, ComputeDealStatus, ComputeResource } from '../domain/enums';
import { ANCHOR, KIT_WEIGHTS } from './anchor-kit';
import { DAY, dateString, FIRST_DAY, firstDayOf, LAST_DAY, MONTH, MONTH_ISO, randomPrecision, TABLE_LAST_DAY } from './calendar';
import { padded, roundAmount } from './format';
import type { InvestmentRecord, InvestmentWriter } from './investments';
import { BIG_TECH, CHIPMAKER, CLOUD, KIND_NAMES, LAB, NEOCLOUD } from './kinds';
import { cumulativeWeights, Random } from './random';
import { PART_COMPUTE_DEALS, type World } from './world';

export type ComputeDealRecord = {
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

/** Compute deals bought per lab: 0..3 with these weights (mean 1.2). */
const DEALS_PER_LAB = cumulativeWeights([25, 40, 25, 10]);
/** Share of a provider-parent's investments into labs that come with a compute deal from its subsidiary. */
const TIED_DEAL_RATE = 0.25;

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
export function generateComputeDeals(world: World, investments: InvestmentWriter, rng: Random): ComputeDealRecord[] {
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
