import { AcquisitionKind, AmountKind } from '../domain/enums';
import { KIT } from './anchor-kit';
import { dateOnOrAfter, firstDayOf } from './calendar';
import { padded, roundAmount } from './format';
import { BIG_TECH, CHIPMAKER, CLOUD, LAB, OTHER } from './kinds';
import type { Random } from './random';
import type { World } from './world';

export type AcquisitionRecord = {
  id: string;
  acquirerId: string;
  targetId: string;
  kind: AcquisitionKind;
  announcedOn: string;
  amountUsd?: number;
  amountKind?: AmountKind;
  sourceIds: string[];
};

const ACQUISITIONS_PER_COMPANY = 0.01;

/** About one acquisition per hundred companies: big tech, chipmakers, clouds and labs buy labs and others. */
export function generateAcquisitions(world: World, rng: Random): AcquisitionRecord[] {
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
