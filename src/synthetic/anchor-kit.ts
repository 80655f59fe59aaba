import { BIG_TECH, CHIPMAKER, CLOUD, INVESTOR, LAB } from './kinds';

// The anchor kit: the first ten companies are fixed, and so are their facts (each part writes its own: kitInvestments,
// kitComputeDeals, the kit's rivalries and subsidiary link), so every scale holds answers known in advance.

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

/** The first companies: the anchor, three rivals, a hedging investor, a big tech and its cloud, a far lab, ... */
export const KIT = [
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
export const FAR_INDEX = 7;
/** Fixed activity weights for kit investors and providers, so the anchor's neighbourhood does not depend on luck. */
export const KIT_WEIGHTS = new Map([
  [4, 6],
  [5, 10],
  [6, 8],
  [8, 3],
  [9, 4],
]);
