import { FACTS } from '../../../src/facts/registry';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parsePartialDate } from '../../../src/domain/partial-date';
import { DATASET_SECTIONS, readDataset, type Dataset } from '../../../src/seed/dataset';
import { toInputs } from '../../../src/seed/to-inputs';
import { ANCHOR, ANCHOR_FAR_ID, ANCHOR_LAB_ID } from '../../../src/synthetic/anchor-kit';
import { FIRST_DATE, LAST_DATE } from '../../../src/synthetic/calendar';
import { RESOURCES_BY_PROVIDER_KIND } from '../../../src/synthetic/compute-deals';
import { generateDataset } from '../../../src/synthetic/generate-dataset';
import { writeDataset } from '../../../src/synthetic/write-dataset';

const SECTIONS = DATASET_SECTIONS;
const FACT_SECTIONS = ['investments', 'computeDeals', 'rivalries', 'subsidiaries', 'acquisitions'] as const;
type FactSection = (typeof FACT_SECTIONS)[number];
type Fact = Record<string, unknown> & { id: string; sourceIds: string[] };

/** The companies a fact links, in the order of its fields. */
function parties(section: FactSection, fact: Fact): string[] {
  switch (section) {
    case 'investments':
      return [fact.investorId, fact.investeeId] as string[];
    case 'computeDeals':
      return [fact.providerId, fact.customerId] as string[];
    case 'rivalries':
      return fact.companyIds as string[];
    case 'subsidiaries':
      return [fact.childId, fact.parentId] as string[];
    case 'acquisitions':
      return [fact.acquirerId, fact.targetId] as string[];
  }
}

const total = (d: Dataset) => SECTIONS.reduce((sum, section) => sum + d[section].length, 0);
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

/** Lookups the checks need, built once per dataset. */
interface Index {
  kinds: Map<string, string>;
  investorsOf: (id: string) => Set<string>;
  rivalsOf: (id: string) => Set<string>;
  marketsOf: (id: string) => Set<string>;
  /** Companies linked by an investment, compute deal, rivalry or subsidiary link, either way. */
  neighboursOf: (id: string) => Set<string>;
}

const indexes = new WeakMap<Dataset, Index>();

function index(d: Dataset): Index {
  const cached = indexes.get(d);
  if (cached) return cached;
  const investors = new Map<string, Set<string>>();
  const rivals = new Map<string, Set<string>>();
  const markets = new Map<string, Set<string>>();
  const neighbours = new Map<string, Set<string>>();
  for (const i of d.investments) addTo(investors, i.investeeId as string, i.investorId as string);
  for (const r of d.rivalries) {
    const [a, b] = r.companyIds as string[];
    addTo(rivals, a, b);
    addTo(rivals, b, a);
    addTo(markets, a, r.market as string);
    addTo(markets, b, r.market as string);
  }
  for (const section of ['investments', 'computeDeals', 'rivalries', 'subsidiaries'] as const) {
    for (const fact of d[section]) {
      const [a, b] = parties(section, fact);
      addTo(neighbours, a, b);
      addTo(neighbours, b, a);
    }
  }
  const none = new Set<string>();
  const built: Index = {
    kinds: new Map(d.companies.map((c) => [c.id, c.kind])),
    investorsOf: (id) => investors.get(id) ?? none,
    rivalsOf: (id) => rivals.get(id) ?? none,
    marketsOf: (id) => markets.get(id) ?? none,
    neighboursOf: (id) => neighbours.get(id) ?? none,
  };
  indexes.set(d, built);
  return built;
}

/** Fewest hops from one company to another (Infinity beyond `max`). */
function hops(d: Dataset, from: string, to: string, max: number): number {
  const { neighboursOf } = index(d);
  let frontier = [from];
  const seen = new Set(frontier);
  for (let depth = 1; depth <= max; depth++) {
    frontier = frontier.flatMap((id) => [...neighboursOf(id)].filter((n) => !seen.has(n) && seen.add(n)));
    if (seen.has(to)) return depth;
  }
  return Infinity;
}

/** Rivals per AI lab. */
function rivalCounts(d: Dataset): number[] {
  const { rivalsOf } = index(d);
  return d.companies.filter((c) => c.kind === 'AI_LAB').map((c) => rivalsOf(c.id).size);
}

/** Labs per market (every lab has a rival, so the rivalries show every member). */
function marketSizes(d: Dataset): number[] {
  const members = new Map<string, Set<string>>();
  for (const r of d.rivalries) for (const id of r.companyIds as string[]) addTo(members, r.market as string, id);
  return [...members.values()].map((set) => set.size);
}

/**
 * Two datasets hold the same records in the same order. Compared as JSON text first (a deep expect over 25,000 records
 * takes seconds); only when the texts differ does the deep expect run, to judge and to print the difference.
 */
function expectSameData(actual: Dataset, expected: Dataset, how: 'toEqual' | 'toStrictEqual'): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) expect(actual)[how](expected);
}

describe('generateDataset', () => {
  let small: Dataset;
  let large: Dataset;
  let tiny: Dataset;
  let dir: string;

  beforeAll(() => {
    small = generateDataset({ companies: 2000, seed: 7 });
    large = generateDataset({ companies: 20000, seed: 7 });
    tiny = generateDataset({ companies: 10, seed: 7 });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'synthetic-'));
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives the same dataset for the same options, and another for another seed', () => {
    expectSameData(generateDataset({ companies: 2000, seed: 7 }), small, 'toStrictEqual');
    const other = generateDataset({ companies: 2000, seed: 8 });
    const sameNames = other.companies.filter((c, i) => c.name === small.companies[i].name).length;
    expect(sameNames).toBeLessThan(100);
    expect(other.investments.map((i) => i.investorId)).not.toEqual(small.investments.map((i) => i.investorId));
  });

  it('keeps company i the same at every scale, and the anchor market the same rivalries', () => {
    expect(large.companies.slice(0, small.companies.length)).toStrictEqual(small.companies);
    const anchorMarket = (d: Dataset) => d.rivalries.filter((r) => r.market === ANCHOR.market).map((r) => [r.id, ...(r.companyIds as string[]), r.since]);
    expect(anchorMarket(large)).toEqual(anchorMarket(small));
    expect(anchorMarket(small).length).toBeGreaterThan(40);
  });

  it('rejects company counts and seeds out of range', () => {
    expect(() => generateDataset({ companies: 9, seed: 1 })).toThrow(RangeError);
    expect(() => generateDataset({ companies: 100.5, seed: 1 })).toThrow(RangeError);
    expect(() => generateDataset({ companies: 1_000_001, seed: 1 })).toThrow(RangeError);
    expect(() => generateDataset({ companies: 100, seed: -1 })).toThrow(RangeError);
  });

  it('writes a file, one record per line, that readDataset accepts and reads back unchanged', async () => {
    const file = path.join(dir, 'nested', 'small.json');
    const bytes = await writeDataset(small, file);
    expect(bytes).toBe(fs.statSync(file).size);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    expect(lines.filter((line) => line.startsWith('    {')).length).toBe(total(small));
    expectSameData(readDataset(file), small, 'toEqual');
  });

  it('writes empty sections as valid JSON too', async () => {
    const file = path.join(dir, 'empty.json');
    await writeDataset({ ...tiny, acquisitions: [], subsidiaries: [] }, file);
    expect(readDataset(file).acquisitions).toEqual([]);
  });

  it('passes the validation rules of the GraphQL mutations, at the smallest size too', async () => {
    // 500 companies (about 6,000 records) exercise every rule; validating the 2,000-company set took a fifth of the unit lane.
    for (const d of [generateDataset({ companies: 500, seed: 7 }), tiny]) {
      const inputs = await toInputs(d);
      expect(inputs.sources).toHaveLength(d.sources.length);
      expect(inputs.companies).toHaveLength(d.companies.length);
      for (const definition of FACTS) expect(inputs.facts[definition.name]).toHaveLength(((d as unknown as Record<string, unknown[]>)[definition.section] ?? []).length);
    }
  });

  it('puts every generated investment in a round of its investee, led by one of its investors', () => {
    for (const d of [small, large]) {
      // Problems are collected and compared with [] once: an expect per record takes most of a minute at 20,000.
      const problems: string[] = [];
      const check = (ok: boolean, problem: string) => void (ok || problems.push(problem));
      const rounds = new Map(d.fundingRounds.map((round) => [round.id, round]));
      const investorsOf = new Map<string, Set<string>>();
      for (const investment of d.investments) {
        if ((investment.id as string).startsWith('inv-kit-')) continue;
        const round = rounds.get(investment.fundingRoundId as string);
        check(round !== undefined && round.companyId === investment.investeeId, `${investment.id}: round ${String(investment.fundingRoundId)} is not its investee's`);
        if (round) investorsOf.set(round.id, (investorsOf.get(round.id) ?? new Set()).add(investment.investorId as string));
      }
      for (const round of d.fundingRounds) {
        check(investorsOf.get(round.id)?.has((round.leadInvestorIds as string[])[0]) === true, `${round.id}: its lead made no investment in it`);
        if (round.postMoneyValuationUsd != null) {
          check(round.preMoneyValuationUsd === (round.postMoneyValuationUsd as number) - (round.amountUsd as number), `${round.id}: pre-money is not post-money less the amount`);
        }
      }
      expect(problems.slice(0, 10)).toEqual([]);
      expect(d.fundingRounds.length / d.companies.length).toBeGreaterThan(1);
    }
  });

  it('has about ten records per company besides its funding rounds', () => {
    for (const d of [small, large]) {
      const perCompany = (total(d) - d.fundingRounds.length) / d.companies.length;
      expect(perCompany).toBeGreaterThan(9.5);
      expect(perCompany).toBeLessThan(11.5);
      expect(d.computeDeals.length / d.companies.length).toBeGreaterThan(0.8);
      expect(d.computeDeals.length / d.companies.length).toBeLessThan(1.3);
    }
  });

  it.each([
    ['2,000', () => small],
    ['20,000', () => large],
  ])('keeps the repository rules at %s companies', (_, get) => {
    const d = get();
    const { kinds } = index(d);
    // Problems are collected and compared with [] once: an expect per record would be slow and print one failure.
    const problems: string[] = [];
    const check = (ok: boolean, problem: string) => void (ok || problems.push(problem));
    for (const section of SECTIONS) {
      const ids = d[section].map((r) => r.id);
      check(new Set(ids).size === ids.length, `${section}: duplicate ids`);
    }
    check(new Set(d.sources.map((s) => s.url)).size === d.sources.length, 'sources: duplicate urls');
    for (const s of d.sources) check(s.url.startsWith('https://'), `source ${s.id}: not https`);
    const sourceIds = new Set(d.sources.map((s) => s.id));
    const investments = new Map(d.investments.map((i) => [i.id, i]));
    const cited = new Set<string>();
    let facts = 0;
    for (const section of FACT_SECTIONS) {
      for (const fact of d[section] as Fact[]) {
        facts++;
        const [a, b] = parties(section, fact);
        check(kinds.has(a) && kinds.has(b), `${fact.id}: unknown company`);
        check(a !== b, `${fact.id}: links ${a} to itself`);
        check(fact.sourceIds.length === 1 || (fact.sourceIds.length === 2 && fact.sourceIds[0] !== fact.sourceIds[1]), `${fact.id}: sources ${fact.sourceIds.join()}`);
        for (const id of fact.sourceIds) {
          check(sourceIds.has(id), `${fact.id}: unknown source ${id}`);
          cited.add(id);
        }
      }
    }
    check(cited.size === d.sources.length, 'sources cited by no fact');

    const pairs = d.rivalries.map((r) => `${[...(r.companyIds as string[])].sort().join('|')}|${String(r.market)}`);
    check(new Set(pairs).size === pairs.length, 'rivalries: a pair repeated in a market');

    const parentOf = new Map<string, string>();
    for (const link of d.subsidiaries) {
      check(!parentOf.has(link.childId as string), `${link.id}: second parent for ${String(link.childId)}`);
      parentOf.set(link.childId as string, link.parentId as string);
    }
    for (const child of parentOf.keys()) {
      let at = parentOf.get(child);
      for (let steps = 0; at !== undefined && at !== child && steps < parentOf.size; steps++) at = parentOf.get(at);
      check(at !== child, `ownership loop through ${child}`);
    }

    for (const deal of d.computeDeals) {
      const providerKind = kinds.get(deal.providerId as string) as string;
      check(RESOURCES_BY_PROVIDER_KIND[providerKind]?.includes(deal.resource as never) ?? false, `${deal.id}: ${String(deal.resource)} from a ${providerKind}`);
      check(kinds.get(deal.customerId as string) === 'AI_LAB', `${deal.id}: customer is not a lab`);
      if (!deal.relatedInvestmentId) continue;
      // A tied deal: the provider's parent invested in the customer.
      const investment = investments.get(deal.relatedInvestmentId as string);
      check(investment?.investeeId === deal.customerId && investment?.investorId === parentOf.get(deal.providerId as string), `${deal.id}: related investment is not the parent's into the customer`);
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(facts / d.sources.length).toBeGreaterThan(4);
    expect(facts / d.sources.length).toBeLessThan(6);
    expect(d.computeDeals.filter((deal) => deal.relatedInvestmentId).length).toBeGreaterThan(d.companies.length / 50);
    expect(d.subsidiaries.length).toBeGreaterThan(d.companies.length / 50);
    expect(d.acquisitions.length).toBeGreaterThan(d.companies.length / 200);
  });

  it.each([
    ['10', () => tiny],
    ['2,000', () => small],
    ['20,000', () => large],
  ])('has the anchor kit at %s companies', (_, get) => {
    const d = get();
    const { kinds, investorsOf, rivalsOf, marketsOf } = index(d);
    expect(kinds.get(ANCHOR_LAB_ID)).toBe('AI_LAB');
    expect(kinds.get(ANCHOR_FAR_ID)).toBe('AI_LAB');

    const rivals = rivalsOf(ANCHOR_LAB_ID);
    expect(rivals.size).toBeGreaterThanOrEqual(3);
    for (const rival of ANCHOR.rivalIds) expect(rivals.has(rival)).toBe(true);
    for (const rival of rivals) {
      const investors = investorsOf(rival);
      expect(investors.size).toBeGreaterThan(0);
      for (const investor of investors) expect(kinds.has(investor)).toBe(true);
    }

    const investors = investorsOf(ANCHOR_LAB_ID);
    const hedges = [...investors].filter((investor) => [...rivals].some((rival) => investorsOf(rival).has(investor)));
    expect(hedges).toContain(ANCHOR.hedgeInvestorId);

    const loops = d.subsidiaries.filter(
      (s) =>
        investors.has(s.parentId as string) &&
        kinds.get(s.childId as string) === 'CLOUD' &&
        d.computeDeals.some((deal) => deal.providerId === s.childId && deal.customerId === ANCHOR_LAB_ID),
    );
    expect(loops.map((s) => s.childId)).toContain(ANCHOR.loopCloudId);
    const loopDeal = d.computeDeals.find((deal) => deal.id === ANCHOR.loopComputeDealId);
    expect(loopDeal?.relatedInvestmentId).toBe(ANCHOR.loopInvestmentId);

    expect(marketsOf(ANCHOR_LAB_ID)).toContain(ANCHOR.market);
    for (const market of marketsOf(ANCHOR_FAR_ID)) expect(market).toBe(ANCHOR.farMarket);
    const distance = hops(d, ANCHOR_LAB_ID, ANCHOR_FAR_ID, 4);
    expect(distance).toBeGreaterThanOrEqual(2);
    expect(distance).toBeLessThanOrEqual(ANCHOR.farPath.length - 1);
  });

  it('gives investors power-law activity: the top 1% make a large share of all investments', () => {
    for (const d of [small, large]) {
      const counts = [...countBy(d.investments, (i) => i.investorId as string).values()].sort((a, b) => b - a);
      const top = counts.slice(0, Math.ceil(counts.length / 100)).reduce((a, b) => a + b, 0);
      expect(top / d.investments.length).toBeGreaterThan(0.08);
      expect(counts[0]).toBeGreaterThan(10 * counts[Math.floor(counts.length / 2)]);
    }
  });

  it('keeps local statistics independent of N: investments per company, rivals per lab, market sizes', () => {
    const perCompany = [small, large].map((d) => d.investments.length / d.companies.length);
    for (const value of perCompany) expect(Math.abs(value - 6)).toBeLessThan(0.4);
    const [smallRivals, largeRivals] = [small, large].map(rivalCounts);
    expect(mean(smallRivals)).toBeGreaterThan(2.5);
    expect(mean(smallRivals)).toBeLessThan(3.5);
    expect(Math.abs(mean(smallRivals) - mean(largeRivals))).toBeLessThan(0.1);
    for (const counts of [smallRivals, largeRivals]) expect(counts.filter((c) => c >= 2 && c <= 4).length / counts.length).toBeGreaterThan(0.95);
    for (const sizes of [marketSizes(small), marketSizes(large)]) {
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(20);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(80);
      expect(mean(sizes)).toBeGreaterThan(40);
      expect(mean(sizes)).toBeLessThan(60);
    }
    const fundedLabs = (d: Dataset) => mean(d.companies.filter((c) => c.kind === 'AI_LAB').map((c) => index(d).investorsOf(c.id).size));
    expect(Math.abs(fundedLabs(small) - fundedLabs(large)) / fundedLabs(large)).toBeLessThan(0.1);
  });

  it('dates every fact between 2015 and mid-2026, never before the companies were founded', () => {
    const problems: string[] = [];
    const check = (ok: boolean, problem: string) => void (ok || problems.push(problem));
    const start = (date: unknown) => parsePartialDate(date).start;
    const inRange = (date: unknown) => start(date) >= FIRST_DATE && start(date) <= LAST_DATE;
    const founded = new Map(small.companies.map((c) => [c.id, Number(c.founded)]));
    for (const c of small.companies) check(Number(c.founded) <= 2025, `${c.id}: founded ${String(c.founded)}`);
    for (const s of small.sources) check(inRange(s.publishedOn), `${s.id}: published ${String(s.publishedOn)}`);
    for (const i of small.investments) {
      check(inRange(i.announcedOn), `${i.id}: announced ${i.announcedOn}`);
      if (i.closedOn) check(inRange(i.closedOn) && start(i.closedOn) >= start(i.announcedOn), `${i.id}: closed ${i.closedOn}`);
      const year = Number((i.announcedOn as string).slice(0, 4));
      check(year >= (founded.get(i.investeeId as string) as number), `${i.id}: before the investee was founded`);
      check(year >= (founded.get(i.investorId as string) as number), `${i.id}: before the investor was founded`);
    }
    for (const deal of small.computeDeals) {
      check(inRange(deal.announcedOn), `${deal.id}: announced ${deal.announcedOn}`);
      if (deal.startsOn) check(start(deal.startsOn) >= start(deal.announcedOn) && start(deal.startsOn) <= '2026-12-31', `${deal.id}: starts ${deal.startsOn}`);
      // Contract terms may end after the last date, but within five years and after the start.
      if (deal.endsOn) check(start(deal.endsOn) > start(deal.startsOn ?? deal.announcedOn) && start(deal.endsOn) <= '2031-12-31', `${deal.id}: ends ${deal.endsOn}`);
    }
    for (const r of [...small.rivalries, ...small.subsidiaries]) if (r.since) check(inRange(r.since), `${r.id}: since ${r.since}`);
    for (const a of small.acquisitions) check(inRange(a.announcedOn), `${a.id}: announced ${a.announcedOn}`);
    expect(problems.slice(0, 10)).toEqual([]);
    // Day, month and year precision all occur.
    const precisions = countBy(small.investments, (i) => String((i.announcedOn as string).length));
    for (const length of ['4', '7', '10']) expect(precisions.get(length)).toBeGreaterThan(small.investments.length / 20);
  });
});
